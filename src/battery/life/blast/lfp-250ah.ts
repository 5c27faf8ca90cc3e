/**
 * Large-format prismatic LFP/graphite storage cell (> 250 Ah), NREL BLAST-Lite's Lfp_Gr_250AhPrismatic
 * (P. Gasper et al., J. Energy Storage 2023, https://doi.org/10.1016/j.est.2023.109042). Coefficients:
 * src/battery/data/life-blast.ts.
 *   q = 1 − q_t − q_EFC
 *   calendar q_t = kcal t^pcal (t days):   kcal = |p1| exp(p2/T) exp(p3 Ua(SOC)/T), Arrhenius × Tafel on the anode potential
 *   cycling  q_EFC = kcyc EFC^pcyc:         kcyc = (p4 + p5 DOD + p6 Crate)(exp(p7/T) + exp(−p8/T))
 * Both rates are time averages over a slice (trapezoid); the states follow their power laws from the present
 * value (state-laws.ts). The cycling term's inverse temperature dependence balances the calendar term over the
 * tested 10–45 °C; outside that range the model extrapolates poorly (BLAST's note). No resistance model.
 */
import { LFP_GR_250AH as P } from '../../data/life-blast.js';
import type { Duty } from '../duty.js';
import type { LifeModelInfo } from '../model.js';
import { anodePotential } from './anode-potential.js';
import { TimeThroughputLossModel } from './blast-model.js';
import { powerLawIncrement } from './state-laws.js';
import { perSample, trapezoidMean, type SliceStressors } from './stepping.js';

/** Per sample: the calendar rate kcal and the cycling temperature factor exp(p7/T) + exp(−p8/T). */
interface Rates {
  readonly kcal: Float64Array;
  readonly cycleTemperature: Float64Array;
}
const RATES = new WeakMap<Duty, Rates>();
function rates(duty: Duty): Rates {
  const T = duty.temperature;
  const n = T.length;
  const kcal = new Float64Array(n);
  const cycleTemperature = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    kcal[i] = Math.abs(P.p1) * Math.exp(P.p2 / T[i]) * Math.exp((P.p3 * anodePotential(duty.soc[i])) / T[i]);
    cycleTemperature[i] = Math.exp(P.p7 / T[i]) + Math.exp(-P.p8 / T[i]);
  }
  return { kcal, cycleTemperature };
}

export const LFP_250AH_INFO: LifeModelInfo = {
  id: 'lfp-250ah',
  name: 'LFP/graphite 250 Ah prismatic (BLAST-Lite Lfp_Gr_250AhPrismatic)',
  chemistry: 'LFP/graphite',
  source: {
    reference: 'P. Gasper et al., J. Energy Storage 73 (2023) 109042, https://doi.org/10.1016/j.est.2023.109042',
    implementation: 'NREL/BLAST-Lite bae8c719b7cf24a28724debeb4e2aa5f77ba5f6e blast/models/lfp_gr_250AhPrismatic_2019.py',
  },
  validity: P.validity,
  hasResistance: false,
  cellCapacityAh: P.capacityAh,
};

export class Lfp250AhModel extends TimeThroughputLossModel {
  readonly info = LFP_250AH_INFO;
  protected update(s: SliceStressors, duty: Duty, from: number, to: number): void {
    const r = perSample(RATES, duty, rates);
    const kcal = trapezoidMean(duty.time, r.kcal, from, to);
    // the DOD and C-rate factor is constant over the slice, so it leaves the time average
    const kcyc = (P.p4 + P.p5 * s.dod + P.p6 * s.cRate) * trapezoidMean(duty.time, r.cycleTemperature, from, to);
    const dT = this.degradationScalar * powerLawIncrement(this.qLossT, s.deltaDays, kcal, P.pcal);
    const dE = this.degradationScalar * powerLawIncrement(this.qLossEfc, s.deltaEfc, kcyc, P.pcyc);
    this.qLossT += dT;
    this.qLossEfc += dE;
  }
}
