/**
 * LG MJ1 18650 NMC811/graphite-silicon, NREL BLAST-Lite's Nmc811_GrSi_LGMJ1_4Ah_Battery (EU EVERLASTING D2.3, 2020).
 * Coefficients and equations: src/battery/data/life-blast.ts. q = 1 − q_t − q_EFC; no resistance model; no knee.
 * BLAST does not floor q: under heavy duty it falls below 0 within 20 years, and so does this.
 */
import { NMC811_GRSI_LGMJ1_4AH as P } from '../../data/life-blast.js';
import type { Duty } from '../duty.js';
import type { LifeModelInfo } from '../model.js';
import { TimeThroughputLossModel } from './blast-model.js';
import { powerLawIncrement } from './state-laws.js';
import { perSample, trapezoidMean, type SliceStressors } from './stepping.js';

export const NMC811_LGMJ1_INFO: LifeModelInfo = {
  id: 'nmc811-lgmj1',
  name: 'NMC811/graphite-Si LG MJ1 18650 (BLAST-Lite Nmc811_GrSi_LGMJ1_4Ah_Battery)',
  chemistry: 'NMC811/graphite-Si',
  source: {
    reference: 'EU EVERLASTING project report D2.3 (2020), fitted by P. Gasper, NREL',
    implementation: 'NREL/BLAST-Lite bae8c719b7cf24a28724debeb4e2aa5f77ba5f6e blast/models/nmc811_grSi_LGMJ1_4Ah_2020.py',
  },
  validity: P.validity,
  hasResistance: false,
  cellCapacityAh: P.capacityAh,
};

/** Per sample: k_cal and the cycling temperature factor exp(D/T) + exp(−E/T). */
interface Rates {
  readonly kCal: Float64Array;
  readonly cycleTemperature: Float64Array;
}
const RATES = new WeakMap<Duty, Rates>();
function rates(duty: Duty): Rates {
  const n = duty.soc.length;
  const kCal = new Float64Array(n);
  const cycleTemperature = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const T = duty.temperature[i];
    kCal[i] = P.qcal_A * Math.exp(P.qcal_B / T) * Math.exp((P.qcal_C * duty.soc[i]) / T);
    cycleTemperature[i] = Math.exp(P.qcyc_D / T) + Math.exp(-P.qcyc_E / T);
  }
  return { kCal, cycleTemperature };
}

export class Nmc811Lgmj1Model extends TimeThroughputLossModel {
  readonly info = NMC811_LGMJ1_INFO;
  protected update(s: SliceStressors, duty: Duty, from: number, to: number): void {
    const r = perSample(RATES, duty, rates);
    const kCal = trapezoidMean(duty.time, r.kCal, from, to);
    const kCyc = (P.qcyc_A + P.qcyc_B * s.cRate + P.qcyc_C * s.dod) * trapezoidMean(duty.time, r.cycleTemperature, from, to);
    this.qLossT += this.degradationScalar * powerLawIncrement(this.qLossT, s.deltaDays, kCal, P.qcal_p);
    this.qLossEfc += this.degradationScalar * powerLawIncrement(this.qLossEfc, s.deltaEfc, kCyc, P.qcyc_p);
  }
}
