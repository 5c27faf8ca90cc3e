/**
 * How well a template plant follows its dispatch schedule, from the schedule itself: the powers the optimiser
 * scheduled against the powers the plant model realised in the replay (ScheduleData.plantCharge/plantDischarge).
 *
 * An hour counts as "not followed" when the plant was scheduled to run and the realised powers differ from the
 * scheduled ones by more than `RELATIVE_TOLERANCE` of the scheduled power; the energy not followed is
 * Σ (|realised charge − charge| + |realised discharge − discharge|) Δt over Σ (charge + discharge) Δt.
 */
import type { ScheduleData } from './types.js';

/** A realised power within this fraction of the scheduled one follows it (replay powers are otherwise exact). */
export const RELATIVE_TOLERANCE = 1e-3;

export interface ReplayVerdict {
  /** Steps with a scheduled charge or discharge. */
  readonly runningSteps: number;
  /** Of those, steps the plant model did not follow. */
  readonly unfollowedSteps: number;
  /** unfollowedSteps / runningSteps (0 when the plant never runs). Unit: - */
  readonly hourShare: number;
  /** Scheduled charge + discharge energy. Unit: J */
  readonly scheduledEnergy: number;
  /** Σ |realised − scheduled| over both directions. Unit: J */
  readonly unfollowedEnergy: number;
  /** unfollowedEnergy / scheduledEnergy (0 when nothing is scheduled). Unit: - */
  readonly energyShare: number;
}

/** The verdict of a schedule with realised powers; undefined for a plant without a replay (a battery). */
export function replayVerdict(s: ScheduleData): ReplayVerdict | undefined {
  const pc = s.plantCharge;
  const pd = s.plantDischarge;
  if (!pc || !pd) return undefined;
  let peak = 0;
  for (let t = 0; t < s.charge.length; t++) peak = Math.max(peak, s.charge[t], s.discharge[t]);
  const floor = 1e-9 * peak;
  let running = 0;
  let unfollowed = 0;
  let scheduled = 0;
  let missed = 0;
  for (let t = 0; t < s.charge.length; t++) {
    const c = s.charge[t];
    const d = s.discharge[t];
    const gap = Math.abs(pc[t] - c) + Math.abs(pd[t] - d);
    scheduled += c + d;
    missed += gap;
    if (c <= floor && d <= floor) continue;
    running += 1;
    if (gap > RELATIVE_TOLERANCE * Math.max(c, d)) unfollowed += 1;
  }
  const dt = s.stepSeconds;
  return {
    runningSteps: running,
    unfollowedSteps: unfollowed,
    hourShare: running > 0 ? unfollowed / running : 0,
    scheduledEnergy: scheduled * dt,
    unfollowedEnergy: missed * dt,
    energyShare: scheduled > 0 ? missed / scheduled : 0,
  };
}
