/**
 * SAM's NMC/graphite life model after K. Smith et al., ACC 2017 (Kokam 75 Ah), as SSC implements it
 * (lifetime_nmc_t, shared/lib_battery_lifetime_nmc.cpp, github.com/NREL/ssc e97a19f8e; coefficients in
 * src/battery/data/life-sam.ts), stepped every time step of the duty and integrated once a day:
 *  - each step accumulates the day's Arrhenius/Tafel-weighted time integrals b1, b2, b3, c0, c2 and T dt, tracks the
 *    day's DOD extremes, and feeds SSC's rainflow (ssc-rainflow.ts) at current reversals; the cycles counted that
 *    day (range, highest DOD on the peak list) set the day's DOD range and mean SOC;
 *  - at each day's end: Q_Li = d0(T)/75 Ah × 100 (b0 − q1 − q2 − q3), with q1 the √t SEI loss (Tafel on the graphite
 *    potential at the day's mean SOC, exp(γ DOD^β)), q2 the cycling loss (b2_ref b2 √Σ(b2 DOD n)²), q3 the
 *    break-in loss relaxing to b3 with τ = 5; Q_neg = c0/75 Ah (1 − q_neg) × 100 with q_neg grown by
 *    c2 √Σ DOD^β_c2 n; q = min(Q_Li, Q_neg), 100.9 % after the first day.
 * A step that crosses a day's end is split there, the DOD interpolated, as SSC does.
 */
import { SAM_NMC_SMITH2017 as P } from '../../data/life-sam.js';
import { SECONDS_PER_DAY, type Duty } from '../duty.js';
import { lifeUnderDuty, type LifeResult } from '../life-under-duty.js';
import type { LifeModel, LifeModelInfo, LifeSnapshot } from '../model.js';
import { SscCycleCounter } from './ssc-rainflow.js';

export const SAM_NMC_SMITH2017_INFO: LifeModelInfo = {
  id: 'sam-nmc-smith2017',
  name: "SAM's NMC/graphite life model after Smith et al. 2017 (Kokam 75 Ah; SSC lifetime_nmc_t)",
  chemistry: 'NMC/graphite',
  source: {
    reference: 'K. Smith et al., American Control Conference 2017, https://doi.org/10.23919/ACC.2017.7963578',
    implementation: 'NREL/ssc e97a19f8e035b6c8845690ee23c01b598c36d550 shared/lib_battery_lifetime_nmc.cpp (life_model 1)',
  },
  validity: { temperatureC: [0, 45], dod: [0.8, 1], soc: [0, 1], maxChargeRate: 1, maxDischargeRate: 1 },
  hasResistance: false,
  cellCapacityAh: 75,
};

/** SSC's piecewise-linear table over SOC 0, 0.1, …, 1 (the last value from SOC 1 on). */
function tableAt(values: readonly number[], socIn: number): number {
  const soc = Math.min(1, Math.max(0, socIn));
  const lo = Math.floor(soc * 10);
  const hi = lo + 1;
  if (hi >= values.length) return values[values.length - 1];
  return values[lo] + ((values[hi] - values[lo]) / 0.1) * (soc - lo / 10);
}

const arrhenius = (Ea: number, T: number) => Math.exp(-(Ea / P.R) * (1 / T - 1 / P.Tref));

export class SamNmcSmith2017Model implements LifeModel {
  readonly info = SAM_NMC_SMITH2017_INFO;
  tDays = 0;
  efc = 0;
  /** Total, Li-inventory and negative-electrode capacity, %. */
  qPercent = 100;
  qLi = 100;
  qNeg = 100;
  dqLi1 = 0;
  dqLi2 = 0;
  dqLi3 = 0;
  dqNeg = 0;
  dayAge = 0;
  nCycles = 0;
  // the day's integrals
  private tempDt = 0;
  private b1Dt = 0;
  private b2Dt = 0;
  private b3Dt = 0;
  private c0Dt = 0;
  private c2Dt = 0;
  private cumDt = 0;
  private dodMin = -1;
  private dodMax = -1;
  /** The day's cycles: range %, highest DOD on the peak list %. */
  private cycleRanges: number[] = [];
  private cycleDodMax: number[] = [];
  private readonly counter = new SscCycleCounter();
  private onDayEnd: (() => void) | null = null;

  get q(): number {
    return this.qPercent / 100;
  }
  get r(): number | null {
    return null;
  }
  internalStates(): Record<string, number> {
    return { qLi: this.qLi / 100, qNeg: this.qNeg / 100, dqLi1: this.dqLi1, dqLi2: this.dqLi2, dqLi3: this.dqLi3, dqNeg: this.dqNeg, nCycles: this.nCycles };
  }

  reset(): void {
    this.tDays = this.efc = 0;
    this.qPercent = this.qLi = this.qNeg = 100;
    this.dqLi1 = this.dqLi2 = this.dqLi3 = this.dqNeg = 0;
    this.dayAge = 0;
    this.nCycles = 0;
    this.tempDt = this.b1Dt = this.b2Dt = this.b3Dt = this.c0Dt = this.c2Dt = this.cumDt = 0;
    this.resetDay();
    this.counter.reset();
  }

  step(duty: Duty, from: number, to: number): void {
    for (let k = from + 1; k <= to; k++) this.timeStep(duty, k);
  }

  lifeUnderDuty(duty: Duty, years: number): LifeResult {
    return lifeUnderDuty(this, duty, years);
  }

  runDuty(duty: Duty, untilDays: number, record: (s: LifeSnapshot) => void): void {
    const startDays = this.tDays;
    const t0 = duty.time[0];
    this.onDayEnd = () => record({ tDays: this.tDays, q: this.q, r: Number.NaN, efc: this.efc });
    try {
      for (let k = 1; k < duty.soc.length; k++) {
        // the age this step ends at, from the pass's start (no drift over a year of steps)
        const end = startDays + (duty.time[k] - t0) / SECONDS_PER_DAY;
        this.timeStep(duty, k, end);
        if (this.tDays >= untilDays) return;
      }
    } finally {
      this.onDayEnd = null;
    }
  }

  private resetDay(): void {
    this.dodMin = this.dodMax = -1;
    this.cumDt = 0;
    this.cycleRanges = [];
    this.cycleDodMax = [];
  }

  private timeStep(duty: Duty, k: number, endDays?: number): void {
    const socPrev = duty.soc[k - 1];
    const soc = duty.soc[k];
    const dtHours = (duty.time[k] - duty.time[k - 1]) / 3600;
    const chargeChanged = this.counter.reversal(socPrev, soc);
    this.efc += (Math.abs(soc - socPrev) / 2) * this.q;
    const T = duty.temperature[k];
    const prevDod = Math.min(Math.max(100 - socPrev * 100, 0), 100);
    const dod = Math.min(Math.max(100 - soc * 100, 0), 100);
    // the day's DOD extremes (fractions)
    if (this.dodMin === -1) {
      this.dodMax = Math.max(prevDod, dod) * 0.01;
      this.dodMin = Math.min(prevDod, dod) * 0.01;
    } else {
      this.dodMax = Math.max(this.dodMax, dod * 0.01);
      this.dodMin = Math.min(this.dodMin, dod * 0.01);
    }
    if (chargeChanged) this.counter.push(prevDod, this.countCycle);

    let dtDay = dtHours / 24;
    const newCum = this.cumDt + dtDay;
    const toEndOfDay = 1 - this.cumDt;
    if (newCum > 1 + 1e-7) {
      const dodAtEnd = ((dod - prevDod) / dtDay) * toEndOfDay + prevDod;
      this.dayAge += toEndOfDay;
      this.tDays += toEndOfDay;
      this.integrate(toEndOfDay, dodAtEnd, T);
      this.endDay();
      dtDay = newCum - 1;
    }
    this.dayAge += dtDay;
    this.tDays = endDays ?? this.tDays + dtDay;
    this.integrate(dtDay, dod, T);
    if (Math.abs(this.cumDt - 1) < 1e-7) this.endDay();
  }

  /** The day's DOD range (fraction): the extremes, or the deepest cycle counted. */
  private dodRange(): number {
    let range = this.dodMax - this.dodMin;
    if (this.cycleRanges.length) range = Math.max(range, Math.max(...this.cycleRanges) * 1e-2);
    return range;
  }

  /** Mean SOC of the day's cycles, or 1 − dod/100 before any (SSC's predictAvgSOC, dod as its caller passes it). */
  private averageSoc(dod: number): number {
    if (this.cycleDodMax.length === 0) return 1 - dod * 0.01;
    let sum = 0;
    for (let i = 0; i < this.cycleDodMax.length; i++) {
      const max = this.cycleDodMax[i] * 0.01;
      sum += 1 - (max + (max - this.cycleRanges[i] * 0.01)) / 2;
    }
    return sum / this.cycleDodMax.length;
  }

  private integrate(dtDay: number, dod: number, T: number): void {
    const dodMax = this.dodRange();
    const voc = tableAt(P.ocv, this.averageSoc(dod));
    this.tempDt += T * dtDay;
    this.b1Dt += P.b1Ref * arrhenius(P.EaB1, T) * dtDay;
    this.b2Dt += arrhenius(P.EaB2, T) * dtDay;
    const tafelB3 = Math.exp(((P.alphaB3 * P.F) / P.R) * (voc / T - P.Vref / P.Tref));
    this.b3Dt += P.b3Ref * arrhenius(P.EaB3, T) * tafelB3 * (1 + P.theta * dodMax) * dtDay;
    this.c2Dt += P.c2Ref * arrhenius(P.EaC2, T) * dtDay;
    this.c0Dt += P.c0Ref * Math.exp((-P.EaC0 / P.R) * (1 / T - 1 / P.Tref)) * dtDay;
    this.cumDt += dtDay;
  }

  private endDay(): void {
    const T = this.tempDt; // Σ T dt over one day: the day's mean temperature, K
    // Q_Li
    const dodRange = this.dodRange();
    const uNeg = tableAt(P.uneg, this.averageSoc(dodRange));
    const tafelB1 = Math.exp(((P.alphaB1 * P.F) / P.R) * (uNeg / T - P.UnegRef / P.Tref));
    const b1 = this.b1Dt * tafelB1 * Math.exp(P.gamma * dodRange ** P.betaB1);
    const b2 = this.b2Dt;
    const b3 = this.b3Dt;
    const x = 1 / T - 1 / P.Tref;
    const d0 = P.d0Ref * Math.exp(-(P.EaD0_1 / P.R) * x - (P.EaD0_2 / P.R) * x * x);
    let dLi1 = 0;
    if (Math.abs(this.dqLi1) < 1e-5) {
      if (this.dayAge > 0) dLi1 = b1 / Math.sqrt(this.dayAge);
    } else dLi1 = (0.5 * b1 * b1) / this.dqLi1;
    let sq = 0;
    for (const range of this.cycleRanges) sq += (b2 * range * 1e-2 * 1) ** 2;
    const dLi2 = P.b2Ref * b2 * Math.sqrt(sq);
    const dLi3 = Math.max(0, b3 - this.dqLi3) / P.tauB3;
    this.dqLi1 += dLi1;
    this.dqLi2 += dLi2;
    this.dqLi3 += dLi3;
    this.qLi = (d0 / P.AhRef) * 100 * (P.b0 - this.dqLi1 - this.dqLi2 - this.dqLi3);
    // Q_neg
    let c2Sum = 0;
    for (const range of this.cycleRanges) c2Sum += (range * 0.01) ** P.betaC2 * 1;
    const c2 = this.c2Dt * Math.sqrt(c2Sum);
    let dNeg = 0;
    if (this.dqNeg < P.c0Ref) dNeg = (c2 * P.c0Ref) / (P.c0Ref - this.dqNeg);
    this.dqNeg += dNeg;
    this.qNeg = (this.c0Dt / P.AhRef) * (1 - this.dqNeg) * 100;
    this.qPercent = Math.min(this.qLi, this.qNeg);
    this.b1Dt = this.b2Dt = this.b3Dt = this.c0Dt = this.c2Dt = 0;
    this.tempDt = 0;
    this.resetDay();
    this.onDayEnd?.();
  }

  /** The day's cycles: their ranges and the highest DOD on the peak list when each was counted, %. */
  private readonly countCycle = (range: number, highestDod: number): void => {
    this.nCycles++;
    this.cycleRanges.push(range);
    this.cycleDodMax.push(highestDod);
  };
}
