/**
 * One step of the plant, computed exactly as the replay computes it (src/plant/transient/replay.ts: the same
 * interpolation, the same order of floating-point operations), so that a schedule the dynamic programme accepts
 * replays without a violation. Also the power that takes the store to a given state in one step.
 */
import { mapAt } from '../../plant/transient/replay.js';
import type { OperatingEnvelope } from './envelope.js';

/** Where a step leaves the store, before the standing loss (the replay checks this against full and empty). */
export interface StepOutcome {
  /** State of charge after the step's operation, before the standing loss, J. */
  x: number;
  /** Rate of filling (charge) or withdrawal (discharge), W. */
  rate: number;
  /** Fuel (LHV) burnt (discharge), W. */
  fuel: number;
}

/** Charging at grid power P from state s; false where the map cannot run (NaN). */
export function chargeStep(e: OperatingEnvelope, s: number, P: number, dt: number, out: StepOutcome): boolean {
  const m = e.maps;
  const f = mapAt(m.fill, m.soc, m.chargePower, s, P);
  if (!Number.isFinite(f)) return false;
  out.x = s + f * dt;
  out.rate = f;
  out.fuel = 0;
  return true;
}

/** Discharging at grid power P from state s; false where the map cannot run (NaN). */
export function dischargeStep(e: OperatingEnvelope, s: number, P: number, dt: number, out: StepOutcome): boolean {
  const m = e.maps;
  const w = mapAt(m.withdrawal, m.soc, m.dischargePower, s, P);
  if (!Number.isFinite(w)) return false;
  out.x = s - w * dt;
  out.rate = w;
  out.fuel = mapAt(m.fuel, m.soc, m.dischargePower, s, P);
  return true;
}

/**
 * The grid power in [lo, hi] that takes the store from s to `target` in one step (charge: target above s;
 * discharge: below), never past it; NaN when no power in range reaches it. f(s, ·) and w(s, ·) are piecewise linear
 * in the power with kinks at the maps' columns: the first bracketing segment is solved exactly, then nudged down
 * until rounding leaves the store on the safe side of the target.
 */
export function powerToReach(e: OperatingEnvelope, side: 'charge' | 'discharge', s: number, target: number, dt: number, out: StepOutcome): number {
  const cols = side === 'charge' ? e.maps.chargePower : e.maps.dischargePower;
  const lo = side === 'charge' ? e.chargeMin : e.dischargeMin;
  const hi = side === 'charge' ? e.chargeMax : e.dischargeMax;
  const step = side === 'charge' ? chargeStep : dischargeStep;
  // the move toward the target (positive) at power P, NaN where the plant cannot run
  const move = (P: number) => (step(e, s, P, dt, out) ? (side === 'charge' ? out.x - s : s - out.x) : NaN);
  const need = side === 'charge' ? target - s : s - target;
  if (!(need > 0)) return NaN;
  const knots: number[] = [lo];
  for (const c of cols) if (c > lo && c < hi) knots.push(c);
  knots.push(hi);
  let a = knots[0];
  let ma = move(a);
  if (ma > need) return NaN; // even the minimum load overshoots
  for (let k = 1; k < knots.length; k++) {
    const b = knots[k];
    const mb = move(b);
    if (Number.isFinite(ma) && Number.isFinite(mb) && mb >= need && ma <= need) {
      let P = mb === ma ? b : a + ((need - ma) * (b - a)) / (mb - ma);
      for (let tries = 0; tries < 8; tries++) {
        const m = move(P);
        if (m <= need) return P;
        P = Math.max(a, P - Math.max(1e-12 * P, (m - need) / (mb - ma || 1) * (b - a)));
      }
      return NaN;
    }
    a = b;
    ma = mb;
  }
  return NaN;
}
