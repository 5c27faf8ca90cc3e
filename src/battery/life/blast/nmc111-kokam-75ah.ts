/**
 * Kokam 75 Ah NMC111/graphite, NREL BLAST-Lite's Nmc111_Gr_Kokam75Ah_Battery (K. Smith et al., ACC 2017,
 * https://doi.org/10.23919/ACC.2017.7963578). Coefficients and equations: src/battery/data/life-blast.ts.
 *   q = min(q_LLI, q_LAM): q_LLI = 1 − q_LLI_t − q_LLI_EFC (lithium lost to SEI with time and with throughput),
 *   q_LAM = 1.01 − q_LAM_loss (active material lost along a sigmoid in EFC: the knee of the fade curve).
 *   r = max(r_LLI, r_LAM): r_LLI = 1 + SEI resistance growth (time and throughput), r_LAM = r5 + r6 / q_LAM.
 */
import { NMC111_GR_KOKAM_75AH as P } from '../../data/life-blast.js';
import type { Duty } from '../duty.js';
import type { LifeModelInfo } from '../model.js';
import { anodePotential } from './anode-potential.js';
import { BlastLifeModel } from './blast-model.js';
import { powerLawIncrement, sigmoidIncrement } from './state-laws.js';
import { perSample, trapezoidMean, type SliceStressors } from './stepping.js';

export const NMC111_KOKAM_75AH_INFO: LifeModelInfo = {
  id: 'nmc111-kokam-75ah',
  name: 'NMC111/graphite Kokam 75 Ah pouch, Smith et al. 2017 (BLAST-Lite Nmc111_Gr_Kokam75Ah_Battery)',
  chemistry: 'NMC111/graphite',
  source: {
    reference: 'K. Smith et al., American Control Conference 2017, https://doi.org/10.23919/ACC.2017.7963578',
    implementation: 'NREL/BLAST-Lite bae8c719b7cf24a28724debeb4e2aa5f77ba5f6e blast/models/nmc111_gr_Kokam75Ah_2017.py',
  },
  validity: P.validity,
  hasResistance: true,
  cellCapacityAh: P.capacityAh,
};

/** Per sample: the calendar rate q1, the temperature factor of q3 and the cell temperature in °C minus 55. */
interface Rates {
  readonly q1: Float64Array;
  readonly q3Temperature: Float64Array;
  readonly tMinus55: Float64Array;
}
const RATES = new WeakMap<Duty, Rates>();
function rates(duty: Duty): Rates {
  const n = duty.soc.length;
  const q1 = new Float64Array(n);
  const q3Temperature = new Float64Array(n);
  const tMinus55 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const T = duty.temperature[i];
    const TN = T / (273.15 + 35);
    const UaN = anodePotential(duty.soc[i]) / 0.123;
    q1[i] = P.q1_0 * Math.exp(P.q1_1 * (1 / TN)) * Math.exp(P.q1_2 * (UaN / TN));
    q3Temperature[i] = Math.exp(P.q3_1 * (1 / TN));
    tMinus55[i] = T - 273.15 - 55;
  }
  return { q1, q3Temperature, tMinus55 };
}

export class Nmc111Kokam75AhModel extends BlastLifeModel {
  readonly info = NMC111_KOKAM_75AH_INFO;
  qLossLliT = 0;
  qLossLliEfc = 0;
  qLossLam = P.qLossLamInitial;
  rGainLliT = 0;
  rGainLliEfc = 0;

  private get qLli(): number {
    return 1 - this.qLossLliT - this.qLossLliEfc;
  }
  private get qLam(): number {
    return P.qLamMax - this.qLossLam;
  }
  get q(): number {
    return Math.min(this.qLli, this.qLam);
  }
  override get r(): number {
    return Math.max(1 + this.rGainLliT + this.rGainLliEfc, P.r5 + P.r6 / this.qLam);
  }
  internalStates(): Record<string, number> {
    return {
      qLli: this.qLli,
      qLliT: 1 - this.qLossLliT,
      qLliEfc: 1 - this.qLossLliEfc,
      qLam: this.qLam,
      rLli: 1 + this.rGainLliT + this.rGainLliEfc,
      rLam: P.r5 + P.r6 / this.qLam,
    };
  }
  protected resetStates(): void {
    this.qLossLliT = 0;
    this.qLossLliEfc = 0;
    this.qLossLam = P.qLossLamInitial;
    this.rGainLliT = 0;
    this.rGainLliEfc = 0;
  }
  protected update(s: SliceStressors, duty: Duty, from: number, to: number): void {
    const r = perSample(RATES, duty, rates);
    let socSum = 0;
    for (let i = from; i <= to; i++) socSum += duty.soc[i];
    const socMean = socSum / (to - from + 1);
    const q1 = trapezoidMean(duty.time, r.q1, from, to);
    const q3 = P.q3_0 * Math.exp(P.q3_2 * Math.exp(s.dod ** 2)) * trapezoidMean(duty.time, r.q3Temperature, from, to);
    const q5 = P.q5_0 + P.q5_1 * s.dod * (socMean / 0.6) * trapezoidMean(duty.time, r.tMinus55, from, to);
    const k = this.degradationScalar;
    const dLliT = k * powerLawIncrement(this.qLossLliT, s.deltaDays, q1, P.q2);
    const dLliEfc = k * powerLawIncrement(this.qLossLliEfc, s.deltaEfc, q3, P.q4);
    const dLam = k * sigmoidIncrement(this.qLossLam, s.deltaEfc, 1, 1 / q5, P.p_LAM);
    const drT = k * powerLawIncrement(this.rGainLliT, s.deltaDays, P.r1 * q1, P.r2);
    const drEfc = k * powerLawIncrement(this.rGainLliEfc, s.deltaEfc, P.r3 * q3, P.r4);
    this.qLossLliT += dLliT;
    this.qLossLliEfc += dLliEfc;
    this.qLossLam += dLam;
    this.rGainLliT += drT;
    this.rGainLliEfc += drEfc;
  }
}
