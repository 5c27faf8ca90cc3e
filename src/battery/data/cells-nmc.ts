/**
 * NMC/graphite 94 Ah prismatic cell (the PHEV2-format cell used in European and Korean storage products, e.g.
 * Samsung SDI's 94 Ah cell).
 *
 * Sources and assumptions, by field:
 * - capacity, voltages, mass: published values for the 94 Ah PHEV2-format NMC cell (94 Ah, 3.68 V nominal,
 *   2.7–4.15 V, about 2.1 kg); quoted, not re-read from a datasheet in this work.
 * - rates: ASSUMPTION — 1P continuous charge and discharge for storage duty.
 * - layout: ASSUMPTION — 1P48S modules, seven modules to a 1P336S rack (≤ 1394 V at 4.15 V a cell, under 1500 V),
 *   twenty racks to a container.
 * - OCV(SOC): ASSUMPTION — a representative NMC/graphite open-circuit curve (3.0 V empty, 4.15 V full, sloped).
 * - OCV hysteresis: ASSUMPTION — neglected (a few mV for NMC/graphite).
 * - resistance: ASSUMPTION — effective DC resistance about 0.9 mΩ at mid SOC and 25 °C (a DC energy efficiency of
 *   about 97.6 % at 0.5P over 10–90 % SOC: 47 A × 0.9 mΩ ≈ 42 mV, 1.1 % of 3.7 V each way), higher at the ends.
 * - activation energy: ASSUMPTION — 20 kJ/mol, as for the LFP preset.
 * - specific heat: ASSUMPTION — 1000 J/(kg K). self-discharge: ASSUMPTION — 2 %/month.
 * - life model: `nmc111-kokam-75ah`, Smith et al. 2017 (NREL, Kokam 75 Ah NMC111/graphite; BLAST-Lite Nmc111_Gr_Kokam75Ah_Battery), the
 *   published large-format NMC/graphite model nearest this cell (src/battery/life).
 */
import type { CellPreset } from '../cell/types.js';

const AH = 3600;
const MONTH = (365 / 12) * 86400;

export const NMC_94AH: CellPreset = {
  id: 'nmc-94ah',
  label: 'NMC/graphite 94 Ah prismatic cell',
  chemistry: 'NMC/graphite',
  capacity: 94 * AH,
  voltageNominal: 3.68,
  voltageMin: 2.7,
  voltageMax: 4.15,
  ocv: {
    x: [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1],
    y: [3.0, 3.35, 3.45, 3.55, 3.6, 3.64, 3.68, 3.75, 3.84, 3.93, 4.03, 4.08, 4.15],
  },
  ocvHysteresis: 0,
  resistance: {
    x: [0, 0.1, 0.2, 0.5, 0.8, 0.9, 1],
    y: [1.8e-3, 1.2e-3, 1.0e-3, 0.9e-3, 0.95e-3, 1.0e-3, 1.2e-3],
  },
  resistanceReferenceTemperature: 298.15,
  resistanceActivationEnergy: 20e3,
  maxChargeRate: 1,
  maxDischargeRate: 1,
  mass: 2.1,
  specificHeat: 1000,
  selfDischarge: 0.02 / MONTH,
  lifeModel: 'nmc111-kokam-75ah',
  layout: { cellsPerModule: 48, modulesPerRack: 7, racksPerContainer: 20, source: 'assumption: 1P48S modules, 1P336S racks, 20 racks a container' },
  sources: {
    datasheet: '94 Ah PHEV2-format NMC cell: 94 Ah, 3.68 V, 2.7–4.15 V, ≈2.1 kg (quoted, not re-read)',
    rates: 'assumption: 1P continuous',
    ocvHysteresis: 'assumption: none (NMC/graphite hysteresis is a few mV, neglected)',
    layout: 'assumption: 1P48S modules, 1P336S racks, 20 racks a container',
    ocv: 'assumption: representative NMC/graphite OCV shape',
    resistance: 'assumption: effective DC resistance ≈0.9 mΩ at mid SOC, 25 °C',
    activationEnergy: 'assumption: 20 kJ/mol',
    specificHeat: 'assumption: 1000 J/(kg K)',
    selfDischarge: 'assumption: 2 %/month',
    lifeModel: 'Smith et al. 2017, Kokam 75 Ah NMC111/graphite (BLAST-Lite Nmc111_Gr_Kokam75Ah_Battery)',
  },
};
