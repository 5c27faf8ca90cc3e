/**
 * Sony-Murata 3 Ah LFP/graphite cylindrical cell (TU Munich data, Naumann et al.), NREL BLAST-Lite's
 * Lfp_Gr_SonyMurata3Ah_Battery. Equations and coefficients: src/battery/data/life-blast.ts.
 * q = 1 − q_LLI_t − q_LLI_EFC − q_BreakIn; r = 1 + r_t + r_EFC (relative DC resistance).
 */
import { LFP_GR_SONYMURATA_3AH as P } from '../../data/life-blast.js';
import type { Duty } from '../duty.js';
import type { LifeModelInfo } from '../model.js';
import { anodePotential } from './anode-potential.js';
import { BlastLifeModel } from './blast-model.js';
import { skewNormalShape } from './normal.js';
import { powerLawBIncrement, sigmoidIncrement } from './state-laws.js';
import { perSample, trapezoidMean, type SliceStressors } from './stepping.js';

export const LFP_SONYMURATA_3AH_INFO: LifeModelInfo = {
  id: 'lfp-sonymurata-3ah',
  name: 'LFP/graphite Sony-Murata 3 Ah 26650 (BLAST-Lite Lfp_Gr_SonyMurata3Ah_Battery)',
  chemistry: 'LFP/graphite',
  source: {
    reference:
      'M. Naumann et al., J. Energy Storage 17 (2018) 153, https://doi.org/10.1016/j.est.2018.01.019; J. Power Sources 451 (2020) 227666, https://doi.org/10.1016/j.jpowsour.2019.227666; identification: P. Gasper et al., https://doi.org/10.1149/1945-7111/ac86a8',
    implementation: 'NREL/BLAST-Lite bae8c719b7cf24a28724debeb4e2aa5f77ba5f6e blast/models/lfp_gr_SonyMurata3Ah_2018.py',
  },
  validity: P.validity,
  hasResistance: true,
  cellCapacityAh: P.capacityAh,
};

/** Per sample: the calendar sigmoid's y∞ (q1) and exponent (q3), the resistance's T and SOC factors, the SOC shape of q7. */
interface Rates {
  readonly q1: Float64Array;
  readonly q3: Float64Array;
  readonly rT: Float64Array;
  readonly rSoc: Float64Array;
  readonly q7Soc: Float64Array;
}
const RATES = new WeakMap<Duty, Rates>();
function rates(duty: Duty): Rates {
  const n = duty.soc.length;
  const out = { q1: new Float64Array(n), q3: new Float64Array(n), rT: new Float64Array(n), rSoc: new Float64Array(n), q7Soc: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const T = duty.temperature[i];
    const soc = duty.soc[i];
    const Ua = anodePotential(soc);
    out.q1[i] = Math.abs(P.q1_b0 * Math.exp(P.q1_b1 * (1 / T ** 2) * Ua ** 0.5) * Math.exp(P.q1_b2 * (1 / T) * Ua ** 0.5));
    out.q3[i] = Math.abs(
      P.q3_b0 *
        Math.exp(P.q3_b1 * (1 / T ** 4) * Ua ** (1 / 3)) *
        Math.exp(P.q3_b2 * T ** 3 * Ua ** (1 / 4)) *
        Math.exp(P.q3_b3 * (1 / T ** 3) * Ua ** (1 / 3)) *
        Math.exp(P.q3_b4 * T ** 2 * Ua ** (1 / 4)),
    );
    out.rT[i] = P.k_ref_r_cal * Math.exp((-P.Ea_r_cal / 8.3144) * (1 / T - 1 / 298.15));
    out.rSoc[i] = P.C_r_cal * (soc - 0.5) ** 3 + P.D_r_cal;
    out.q7Soc[i] = skewNormalShape(soc, P.q7_soc_skew, P.q7_soc_width);
  }
  return out;
}

export class LfpSonyMurata3AhModel extends BlastLifeModel {
  readonly info = LFP_SONYMURATA_3AH_INFO;
  qLossLliT = 0;
  qLossLliEfc = 0;
  qLossBreakIn = P.qLossBreakInInitial;
  rGainT = 0;
  rGainEfc = 0;
  /** Whether the states have been updated: BLAST reports q = 1 until then (the break-in state starts at 1e-10). */
  private updated = false;

  get q(): number {
    return this.updated ? 1 - this.qLossLliT - this.qLossLliEfc - this.qLossBreakIn : 1;
  }
  override get r(): number {
    return 1 + this.rGainT + this.rGainEfc;
  }
  internalStates(): Record<string, number> {
    return {
      qLliT: 1 - this.qLossLliT,
      qLliEfc: 1 - this.qLossLliEfc,
      qBreakIn: 1 - this.qLossBreakIn,
      rT: 1 + this.rGainT,
      rEfc: 1 + this.rGainEfc,
    };
  }
  protected resetStates(): void {
    this.qLossLliT = 0;
    this.qLossLliEfc = 0;
    this.qLossBreakIn = P.qLossBreakInInitial;
    this.rGainT = 0;
    this.rGainEfc = 0;
    this.updated = false;
  }
  protected update(s: SliceStressors, duty: Duty, from: number, to: number): void {
    const r = perSample(RATES, duty, rates);
    const { time } = duty;
    const q1 = trapezoidMean(time, r.q1, from, to);
    const q3 = trapezoidMean(time, r.q3, from, to);
    const q5 = Math.abs(P.q5_b0 + P.q5_b1 * s.dod + P.q5_b2 * Math.exp(s.dod ** 2 * s.cRate ** 3));
    const dodShape =
      skewNormalShape(s.dod, P.q7_dod_skew, P.q7_dod_width) * 2 * (0.5 - 1 / (1 + Math.exp(P.q7_dod_growth * s.dod)));
    const q7 = Math.abs(P.q7_b0 * dodShape) * trapezoidMean(time, r.q7Soc, from, to);
    const rCal = trapezoidMean(time, r.rT, from, to) * trapezoidMean(time, r.rSoc, from, to);
    const rCyc = (P.A_r_cyc * s.cRate + P.B_r_cyc) * (P.C_r_cyc * (s.dod - 0.5) ** 3 + P.D_r_cyc);
    const k = this.degradationScalar;
    const dLliT = k * sigmoidIncrement(this.qLossLliT, s.deltaDays, q1, P.q2, q3);
    const dLliEfc = k * powerLawBIncrement(this.qLossLliEfc, s.deltaEfc, q5, P.q6);
    // the break-in only runs in slices of more than 3 equivalent full cycles a day (accelerated tests)
    const dBreakIn = s.deltaEfc / s.deltaDays > 3 ? k * sigmoidIncrement(this.qLossBreakIn, s.deltaEfc, q7, P.q8, P.q9) : 0;
    this.qLossLliT += dLliT;
    this.qLossLliEfc += dLliEfc;
    this.qLossBreakIn += dBreakIn;
    this.rGainT += k * rCal * s.deltaDays * 86400;
    this.rGainEfc += (k * rCyc * s.deltaEfc) / 100;
    this.updated = true;
  }
}
