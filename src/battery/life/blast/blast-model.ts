/**
 * What every BLAST-Lite model shares: the age, EFC and capacity bookkeeping, a step over one slice (stressors from
 * the slice, then the model's own rates and states) and a pass over a year with BLAST's breakpoints (stepping.ts).
 * A model supplies `update` (its rates and state increments) and its outputs q and r.
 */
import type { Duty } from '../duty.js';
import { lifeUnderDuty, type LifeResult } from '../life-under-duty.js';
import type { LifeModel, LifeModelInfo, LifeSnapshot } from '../model.js';
import { cachedBreakpoints, SliceStressors, sliceStressors } from './stepping.js';

export abstract class BlastLifeModel implements LifeModel {
  abstract readonly info: LifeModelInfo;
  tDays = 0;
  efc = 0;
  /** Scales every state increment (BLAST's degradation_scalar: 1 is the fitted model), –. */
  readonly degradationScalar: number;
  protected readonly stress = new SliceStressors();

  constructor(degradationScalar = 1) {
    if (!(degradationScalar >= 0 && Number.isFinite(degradationScalar)))
      throw new Error(`degradationScalar is ${degradationScalar}; give a finite number ≥ 0 (1 = the fitted model)`);
    this.degradationScalar = degradationScalar;
  }

  abstract get q(): number;
  get r(): number | null {
    return null;
  }
  abstract internalStates(): Record<string, number>;
  /** The model's own states back to the beginning of life. */
  protected abstract resetStates(): void;
  /** Rates from the slice's stressors and state increments (s holds this slice's stressors). */
  protected abstract update(s: SliceStressors, duty: Duty, from: number, to: number): void;

  reset(): void {
    this.tDays = 0;
    this.efc = 0;
    this.resetStates();
  }

  step(duty: Duty, from: number, to: number): void {
    if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to < duty.soc.length && to >= from))
      throw new Error(`step over samples ${from}..${to}: give 0 ≤ from ≤ to < ${duty.soc.length}`);
    // a slice of one sample has no duration: BLAST would divide 0 by 0; here it does not age the cell
    if (to === from) return;
    sliceStressors(duty, from, to, this.q, this.stress);
    this.tDays += this.stress.deltaDays;
    this.efc += this.stress.deltaEfc;
    this.update(this.stress, duty, from, to);
  }

  lifeUnderDuty(duty: Duty, years: number): LifeResult {
    return lifeUnderDuty(this, duty, years);
  }

  runDuty(duty: Duty, untilDays: number, record: (s: LifeSnapshot) => void): void {
    const breakpoints = cachedBreakpoints(duty);
    let prior = 0;
    for (let k = 0; k < breakpoints.length; k++) {
      const b = breakpoints[k];
      this.step(duty, prior, b);
      record({ tDays: this.tDays, q: this.q, r: this.r ?? Number.NaN, efc: this.efc });
      prior = b + 1;
      if (this.tDays >= untilDays) return;
    }
  }
}

/** A BLAST model whose capacity is 1 − (loss with time) − (loss with throughput), without a resistance state. */
export abstract class TimeThroughputLossModel extends BlastLifeModel {
  /** Capacity lost with time (calendar), –. */
  qLossT = 0;
  /** Capacity lost with charge throughput (cycling), –. */
  qLossEfc = 0;

  get q(): number {
    return 1 - this.qLossT - this.qLossEfc;
  }
  internalStates(): Record<string, number> {
    return { qLossT: this.qLossT, qLossEfc: this.qLossEfc, qT: 1 - this.qLossT, qEfc: 1 - this.qLossEfc };
  }
  protected resetStates(): void {
    this.qLossT = 0;
    this.qLossEfc = 0;
  }
}
