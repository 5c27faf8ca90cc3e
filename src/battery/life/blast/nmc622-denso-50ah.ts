/**
 * DENSO 50 Ah NMC622/graphite EV cell, NREL BLAST-Lite's Nmc622_Gr_DENSO50Ah_Battery (K. Smith et al., J.
 * Electrochem. Soc. 2021, https://doi.org/10.1149/1945-7111/ac2ebd). Equations and coefficients:
 * src/battery/data/life-blast.ts. q = 1 − q_t − q_EFC; no resistance model, no knee (none was observed).
 * Its cycling stress is the mean charging rate of the slice, from the SOC: |dSOC/dt| of the charging steps
 * (rates below 0.01/h zeroed), trapezoid-averaged over the charging time as BLAST does, × q.
 */
import { NMC622_GR_DENSO_50AH as P } from '../../data/life-blast.js';
import type { Duty } from '../duty.js';
import type { LifeModelInfo } from '../model.js';
import { TimeThroughputLossModel } from './blast-model.js';
import { powerLawIncrement } from './state-laws.js';
import type { SliceStressors } from './stepping.js';

export const NMC622_DENSO_50AH_INFO: LifeModelInfo = {
  id: 'nmc622-denso-50ah',
  name: 'NMC622/graphite DENSO 50 Ah EV cell, Smith et al. 2021 (BLAST-Lite Nmc622_Gr_DENSO50Ah_Battery)',
  chemistry: 'NMC622/graphite',
  source: {
    reference: 'K. Smith et al., J. Electrochem. Soc. 168 (2021) 100530, https://doi.org/10.1149/1945-7111/ac2ebd',
    implementation: 'NREL/BLAST-Lite bae8c719b7cf24a28724debeb4e2aa5f77ba5f6e blast/models/nmc622_gr_DENSO50Ah_2021.py',
  },
  validity: P.validity,
  hasResistance: false,
  cellCapacityAh: P.capacityAh,
};

const arrhenius = (T: number, Ea: number) => Math.exp(-(Ea / P.R) * (1 / T - 1 / 298.15));

/** BLAST's mean charging rate of samples from..to, unscaled, 1/h: 0 without charging steps. */
export function meanChargingRate(duty: Duty, from: number, to: number): number {
  const { soc, time } = duty;
  let count = 0;
  let first = 0;
  let integral = 0;
  let span = 0;
  let prev = 0;
  for (let i = from + 1; i <= to; i++) {
    const dt = time[i] - time[i - 1];
    let rate = (soc[i] - soc[i - 1]) / (dt / 3600);
    if (Math.abs(rate) < 1e-2) rate = 0;
    if (!(rate > 0)) continue;
    // trapezoid over the cumulative charging time: each later charging step adds its own dt
    if (count === 0) first = rate;
    else {
      integral += 0.5 * (prev + rate) * dt;
      span += dt;
    }
    prev = rate;
    count++;
  }
  if (count === 0) return 0;
  if (count === 1) return first;
  return integral / span;
}

export class Nmc622Denso50AhModel extends TimeThroughputLossModel {
  readonly info = NMC622_DENSO_50AH_INFO;
  protected update(s: SliceStressors, duty: Duty, from: number, to: number): void {
    // q before this slice's update: the stressors were scaled by it
    const cChg = meanChargingRate(duty, from, to) * this.q;
    let tSum = 0;
    let socSum = 0;
    for (let i = from; i <= to; i++) {
      tSum += duty.temperature[i];
      socSum += duty.soc[i];
    }
    const T = tSum / (to - from + 1);
    const soc = socSum / (to - from + 1);
    const stress = Math.sqrt(s.dod * (cChg === 0 ? s.cRate : cChg));
    const b1t =
      arrhenius(T, P.b1t_Ea) *
      (P.b1t_0 + P.b1t_1 * soc + P.b1t_2 * soc ** 2 + P.b1t_3 * soc ** 3 + P.b1t_4 * soc * T + P.b1t_5 * Math.max(0, T - 328.15));
    const b1N =
      Math.max(0, P.b1N_0 * arrhenius(T, P.b1N_Ea_1) * stress * (1 + P.b1N_1 * soc) + P.b1N_2) + P.b1N_3 * arrhenius(T, P.b1N_Ea_2) * s.dod ** 6;
    const dT = this.degradationScalar * powerLawIncrement(this.qLossT, s.deltaDays, b1t, 0.5);
    let dE = this.degradationScalar * powerLawIncrement(this.qLossEfc, s.deltaEfc, b1t * b1N * P.b1N_4, 0.5);
    if (dE > 1e-2) dE = 5e-4 * s.deltaEfc;
    this.qLossT += dT;
    this.qLossEfc += dE;
  }
}
