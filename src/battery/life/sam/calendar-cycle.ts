/**
 * SAM's calendar + cycle-table life model (SSC lifetime_calendar_cycle_t, life_model 0; lib_battery_lifetime_
 * calendar_cycle.cpp, github.com/NREL/ssc e97a19f8e), stepped as battery_t runs it: every time step k ≥ 1 of the
 * duty, with the SOC before and after the step and the cell temperature.
 *  - Cycles: SSC's own rainflow on the depth of discharge (100 − SOC %) at current reversals (ssc-rainflow.ts);
 *    each counted cycle n (cumulative) of range Y lowers the cycle capacity by C(Y, n) − C(Y, n + 1) when that is
 *    positive (cycle-table.ts).
 *  - Calendar: k = a exp(b (1/T − 1/296)) exp(c (SOC/T − 1/296)) (T in K, SOC 0–1); dq = k √Δt_day on the first step,
 *    then dq += k²/(2 dq) Δt_day; q_cal = (q0 − dq) 100 %.
 *  - q = 100 − (cycle loss) − (calendar loss) %, each loss max(0, 100 − q_part); q never below 0 or above its
 *    previous value; it starts at min(q_cycle, q_cal).
 * q, reported here as a fraction, is relative to the rated capacity (SAM_LFP starts at 0.999 = q0).
 */
import type { SamCalendarCycleParameters } from '../../data/life-sam.js';
import { SECONDS_PER_DAY, type Duty } from '../duty.js';
import { lifeUnderDuty, type LifeResult } from '../life-under-duty.js';
import type { LifeModel, LifeModelInfo, LifeSnapshot } from '../model.js';
import { CycleTable } from './cycle-table.js';
import { SscCycleCounter } from './ssc-rainflow.js';

export class SamCalendarCycleModel implements LifeModel {
  readonly info: LifeModelInfo;
  private readonly table: CycleTable;
  private readonly cal: SamCalendarCycleParameters['calendar'];
  /** Cycle capacity, %. */
  qCycle = 100;
  /** Calendar capacity, %. */
  qCalendar = 100;
  /** Calendar loss state dq, fraction. */
  dqCalendar = 0;
  /** Total capacity, %. */
  qPercent = 100;
  /** Cycles counted. */
  nCycles = 0;
  /** Mean range of the cycles counted, % DOD. */
  averageRange = 0;
  private readonly counter = new SscCycleCounter();
  tDays = 0;
  efc = 0;

  constructor(info: LifeModelInfo, parameters: SamCalendarCycleParameters) {
    this.info = info;
    this.table = new CycleTable(parameters.cycleTable);
    this.cal = parameters.calendar;
    this.reset();
  }

  get q(): number {
    return this.qPercent / 100;
  }
  get r(): number | null {
    return null;
  }
  internalStates(): Record<string, number> {
    return {
      qCycle: this.qCycle / 100,
      qCalendar: this.qCalendar / 100,
      dqCalendar: this.dqCalendar,
      nCycles: this.nCycles,
      averageRangePercent: this.averageRange,
    };
  }

  reset(): void {
    this.qCycle = this.table.capacityAt(0, 0);
    this.qCalendar = this.cal.q0 * 100;
    this.dqCalendar = 0;
    this.qPercent = Math.min(this.qCycle, this.qCalendar);
    this.nCycles = 0;
    this.averageRange = 0;
    this.counter.reset();
    this.tDays = 0;
    this.efc = 0;
  }

  /** Runs the time steps ending at samples from+1..to (sample `from` gives the starting SOC). */
  step(duty: Duty, from: number, to: number): void {
    for (let k = from + 1; k <= to; k++) this.timeStep(duty, k);
  }

  lifeUnderDuty(duty: Duty, years: number): LifeResult {
    return lifeUnderDuty(this, duty, years);
  }

  runDuty(duty: Duty, untilDays: number, record: (s: LifeSnapshot) => void): void {
    const n = duty.soc.length;
    const startDays = this.tDays;
    const t0 = duty.time[0];
    let day = Math.floor(this.tDays + 1e-9);
    for (let k = 1; k < n; k++) {
      this.timeStep(duty, k);
      // the age from the pass's start, not a running sum, so that a year of steps ends on 365 days exactly
      this.tDays = startDays + (duty.time[k] - t0) / SECONDS_PER_DAY;
      const d = Math.floor(this.tDays + 1e-9);
      // SAM's results are read once a day
      if (d > day || k === n - 1) {
        day = d;
        record({ tDays: this.tDays, q: this.q, r: Number.NaN, efc: this.efc });
      }
      if (this.tDays >= untilDays) return;
    }
  }

  private timeStep(duty: Duty, k: number): void {
    const socPrev = duty.soc[k - 1];
    const soc = duty.soc[k];
    const dtHours = (duty.time[k] - duty.time[k - 1]) / 3600;
    const chargeChanged = this.counter.reversal(socPrev, soc);
    this.efc += (Math.abs(soc - socPrev) / 2) * this.q;
    this.tDays += dtHours / 24;
    const qLast = this.qPercent;
    if (qLast > 0) {
      if (chargeChanged) this.counter.push(100 - socPrev * 100, this.countCycle);
      this.calendarStep(duty.temperature[k], soc, dtHours / 24);
      this.qPercent = 100 - Math.max(0, 100 - this.qCycle) - Math.max(0, 100 - this.qCalendar);
    }
    this.qPercent = Math.min(Math.max(this.qPercent, 0), qLast);
  }

  private calendarStep(T: number, soc: number, dtDays: number): void {
    const { a, b, c, q0 } = this.cal;
    const k = a * Math.exp(b * (1 / T - 1 / 296)) * Math.exp(c * (soc / T - 1 / 296));
    this.dqCalendar = this.dqCalendar === 0 ? k * Math.sqrt(dtDays) : ((0.5 * k * k) / this.dqCalendar) * dtDays + this.dqCalendar;
    this.qCalendar = (q0 - this.dqCalendar) * 100;
  }

  /** A counted cycle of range Y (% DOD) lowers the cycle capacity by C(Y, n) − C(Y, n + 1) when positive. */
  private readonly countCycle = (Y: number): void => {
    this.averageRange = (this.averageRange * this.nCycles + Y) / (this.nCycles + 1);
    this.nCycles++;
    const dq = this.table.capacityAt(Y, this.nCycles) - this.table.capacityAt(Y, this.nCycles + 1);
    if (dq > 0) this.qCycle -= dq;
    if (this.qCycle < 0) this.qCycle = 0;
  };
}
