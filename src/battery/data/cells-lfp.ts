/**
 * LFP/graphite 280 Ah large-format prismatic storage cell: the class used in Chinese storage stations since 2020
 * (EVE LF280K, CATL 280 Ah, REPT, Hithium and others share one format, 173.7 × 71.7 × 207 mm).
 *
 * Sources and assumptions, by field (`sources` below repeats them for reports):
 * - capacity, voltages, rates, mass: the 280 Ah class's published datasheet values (EVE LF280K product
 *   specification, 2021: 280 Ah, 3.2 V nominal, 2.5–3.65 V, standard 0.5P, max continuous 1C charge and discharge,
 *   5.49 kg). Quoted from the widely published spec sheet; not re-read from the document in this work.
 * - layout: 1P52S modules, 8 modules to a 1P416S rack of 372.736 kWh (= 416 × 3.2 V × 280 Ah), ten racks to a
 *   20-ft container of 3.727 MWh: the liquid-cooled 1500 V cabinet described in "Optimizing energy efficiency in
 *   energy storage lithium battery systems" (voltcoffer.com, 2025: 372.736 kWh cabinet, 1P52S modules, eight modules,
 *   1P416S cluster) and the ten-rack 3.727 MWh container format of the same cell class.
 * - OCV(SOC): ASSUMPTION — a representative LFP/graphite open-circuit curve (the two graphite-staging plateaus at
 *   about 3.29–3.30 V and 3.33 V, steep ends below 10 % and above 95 %) drawn to the published shape; replace with the
 *   supplier's measured OCV when available. The round trip depends on it only through the mean voltage.
 * - OCV hysteresis: ASSUMPTION — 20 mV between the charge and discharge open-circuit curves, the order measured on
 *   LFP/graphite cells (LFP's two-phase hysteresis: Dreyer et al., Nature Materials 9 (2010) 448; Roscher & Sauer,
 *   J. Power Sources 196 (2011) 331); a loss of about 0.6 % a round trip whatever the current.
 * - resistance: ASSUMPTION — effective DC resistance calibrated so that, with the hysteresis, the cell's DC energy
 *   efficiency at 0.5P and 25 °C over 10–90 % SOC is about 95 %, the figure 280 Ah storage-cell datasheets state
 *   (energy efficiency ≥ 95 % at 0.5P, 25 °C); higher at the ends of the SOC range as measured HPPC resistances are.
 *   It is about 2.5 times the datasheet's 1 kHz AC resistance (0.18–0.25 mΩ), as DC resistances over long pulses are.
 * - activation energy: ASSUMPTION — 20 kJ/mol, i.e. the DC resistance roughly doubles from 25 °C to 0 °C, as LFP
 *   cells' HPPC resistances do.
 * - specific heat: ASSUMPTION — 1000 J/(kg K), the order measured for LFP prismatic cells (about 1000–1100).
 * - self-discharge: ASSUMPTION — 1.5 %/month reversible (datasheets of LFP cells state ≤ 3 %/month in all).
 * - life model: `lfp-250ah`, NREL BLAST-Lite's Lfp_Gr_250AhPrismatic (large-format LFP/graphite, >250 Ah;
 *   doi:10.1016/j.est.2023.109042), the nearest published life model to this cell class (src/battery/life).
 */
import type { CellPreset } from '../cell/types.js';

const AH = 3600;
const MONTH = (365 / 12) * 86400;

export const LFP_280AH: CellPreset = {
  id: 'lfp-280ah',
  label: 'LFP/graphite 280 Ah prismatic storage cell',
  chemistry: 'LFP/graphite',
  capacity: 280 * AH,
  voltageNominal: 3.2,
  voltageMin: 2.5,
  voltageMax: 3.65,
  ocv: {
    x: [0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 1],
    y: [2.8, 3.05, 3.18, 3.22, 3.26, 3.285, 3.295, 3.3, 3.305, 3.325, 3.33, 3.335, 3.345, 3.38, 3.45],
  },
  ocvHysteresis: 0.02,
  resistance: {
    x: [0, 0.1, 0.2, 0.5, 0.8, 0.9, 1],
    y: [1.05e-3, 0.7e-3, 0.57e-3, 0.48e-3, 0.52e-3, 0.57e-3, 0.75e-3],
  },
  resistanceReferenceTemperature: 298.15,
  resistanceActivationEnergy: 20e3,
  maxChargeRate: 1,
  maxDischargeRate: 1,
  mass: 5.49,
  specificHeat: 1000,
  selfDischarge: 0.015 / MONTH,
  lifeModel: 'lfp-250ah',
  layout: { cellsPerModule: 52, modulesPerRack: 8, racksPerContainer: 10, source: '1P52S module, 1P416S rack of 372.736 kWh, ten racks to a 3.727 MWh 20-ft container (see file header)' },
  sources: {
    datasheet: 'EVE LF280K product specification (2021): 280 Ah, 3.2 V, 2.5–3.65 V, 1C max continuous, 5.49 kg (quoted, not re-read)',
    layout: 'voltcoffer.com (2025), 372.736 kWh liquid-cooled 1500 V cabinet: 1P52S modules, 8 modules, 1P416S cluster',
    ocv: 'assumption: representative LFP/graphite OCV shape',
    ocvHysteresis: 'assumption: 20 mV (LFP two-phase hysteresis; Dreyer et al. 2010, Roscher & Sauer 2011)',
    resistance: 'assumption: effective DC resistance giving ≈95 % DC energy efficiency at 0.5P, 25 °C (datasheet figure) with the hysteresis',
    activationEnergy: 'assumption: 20 kJ/mol (DC resistance doubles from 25 °C to 0 °C)',
    specificHeat: 'assumption: 1000 J/(kg K)',
    selfDischarge: 'assumption: 1.5 %/month',
    lifeModel: 'NREL BLAST-Lite Lfp_Gr_250AhPrismatic, doi:10.1016/j.est.2023.109042',
  },
};
