/**
 * A schedule with start-ups through the plant's own replay (src/plant/transient/replay.ts, unchanged): the replay
 * knows one step length, so the schedule is replayed in segments — the steps between start-ups as one replay, and
 * each start step as an idle replay of t_start followed by a replay of Δt − t_start at the setpoint — each segment
 * resuming from where the last one ended (the replay takes its start as a fraction of the capacity: resumeState is
 * that round trip, and the DP's start steps use it too, so that DP and replay agree bit for bit).
 * The start-up energy is drawn from the grid in the start step: the replayed charge power of that step includes it.
 */
import type { PartLoadMaps, ReplayOptions, ReplayResult, ReplaySchedule, Violation } from '../../plant/transient/replay.js';
import type { OperatingEnvelope, StartUp } from './envelope.js';

/** The state a replay resumed at `s` starts from: its initialSoc (s ÷ capacity, within [0, 1]) times the capacity. */
export function resumeState(s: number, capacity: number): number {
  return Math.min(1, Math.max(0, s / capacity)) * capacity;
}

/** Where the store stands when a train that started at state s reaches its setpoint, t_start later. */
export function startedState(maps: PartLoadMaps, s: number, startSeconds: number): number {
  return resumeState(resumeState(s, maps.capacity) * Math.exp(-maps.standingLoss * startSeconds), maps.capacity);
}

/** Which steps start a side: 1 the charge, 2 the discharge, 0 neither (a run continuing, or idle). */
export function startSteps(charge: Float64Array, discharge: Float64Array, before = 0): Uint8Array {
  const out = new Uint8Array(charge.length);
  let m = before;
  for (let t = 0; t < charge.length; t++) {
    const now = charge[t] > 0 ? 1 : discharge[t] > 0 ? 2 : 0;
    if (now !== 0 && now !== m) out[t] = now;
    m = now;
  }
  return out;
}

export type Replay = (schedule: ReplaySchedule, options?: ReplayOptions) => ReplayResult;

/** True when the envelope has start-up times or energies (otherwise the plain replay is the same thing). */
export function hasStartUp(e: Pick<OperatingEnvelope, 'startUp'>): boolean {
  const { charge: c, discharge: d } = e.startUp;
  return c.seconds > 0 || c.energy > 0 || d.seconds > 0 || d.energy > 0;
}

/**
 * The replay of setpoints `charge`/`discharge` with start-ups. The result's powers are each step's averages as the
 * grid sees them (a start step: setpoint × (Δt − t_start)/Δt, plus the start-up energy ÷ Δt drawn as charge);
 * energyIn includes the start-up energy; violations keep the schedule's step numbers.
 */
export function replayWithStartUp(
  replay: Replay,
  maps: PartLoadMaps,
  schedule: ReplaySchedule,
  startUp: { readonly charge: StartUp; readonly discharge: StartUp },
  options: ReplayOptions & { readonly modeBefore?: number } = {},
): ReplayResult {
  const { stepSeconds: dt, charge, discharge } = schedule;
  const n = charge.length;
  const starts = startSteps(charge, discharge, options.modeBefore ?? 0);
  const soc = new Float64Array(n);
  const pIn = new Float64Array(n);
  const pOut = new Float64Array(n);
  const fuel = new Float64Array(n);
  const violations: Violation[] = [];
  let count = 0;
  let energyIn = 0;
  let energyOut = 0;
  let fuelTotal = 0;
  let s = (options.initialSoc ?? 0) * maps.capacity;
  /** Replays steps from `from` on with one step length, resuming at s; s is left where they end. */
  const run = (from: number, seconds: number, c: Float64Array, d: Float64Array): ReplayResult => {
    const r = replay({ stepSeconds: seconds, charge: c, discharge: d }, { initialSoc: Math.min(1, Math.max(0, s / maps.capacity)) });
    for (const v of r.violations) violations.push({ ...v, step: v.step + from });
    count += r.violationCount;
    s = r.socFinal;
    return r;
  };
  let t = 0;
  while (t < n) {
    const side = starts[t];
    const u = side === 1 ? startUp.charge : side === 2 ? startUp.discharge : undefined;
    if (u === undefined || u.seconds === 0) {
      // a segment of whole steps: up to the next start step with a start-up time
      let end = t + 1;
      while (end < n && !(starts[end] !== 0 && (starts[end] === 1 ? startUp.charge : startUp.discharge).seconds > 0)) end++;
      const r = run(t, dt, charge.subarray(t, end), discharge.subarray(t, end));
      soc.set(r.timeseries.soc, t);
      pIn.set(r.timeseries.chargePower, t);
      pOut.set(r.timeseries.dischargePower, t);
      fuel.set(r.timeseries.fuel, t);
      energyIn += r.energyIn;
      energyOut += r.energyOut;
      fuelTotal += r.fuel;
      t = end;
      continue;
    }
    // a start step: the train starting (idle) for t_start, then Δt − t_start at the setpoint
    run(t, u.seconds, new Float64Array(1), new Float64Array(1));
    const rest = dt - u.seconds;
    const r = run(t, rest, charge.subarray(t, t + 1), discharge.subarray(t, t + 1));
    soc[t] = r.socFinal;
    pIn[t] = (r.timeseries.chargePower[0] * rest) / dt;
    pOut[t] = (r.timeseries.dischargePower[0] * rest) / dt;
    fuel[t] = (r.timeseries.fuel[0] * rest) / dt;
    energyIn += r.energyIn;
    energyOut += r.energyOut;
    fuelTotal += r.fuel;
    t++;
  }
  // the start-up energy drawn from the grid in each start step
  for (let k = 0; k < n; k++) {
    const side = starts[k];
    if (side === 0) continue;
    const E = (side === 1 ? startUp.charge : startUp.discharge).energy;
    if (E > 0 && (pIn[k] > 0 || pOut[k] > 0)) {
      pIn[k] += E / dt;
      energyIn += E;
    }
  }
  return {
    feasible: count === 0,
    violations: violations.slice(0, 1000),
    violationCount: count,
    energyIn,
    energyOut,
    fuel: fuelTotal,
    socInitial: (options.initialSoc ?? 0) * maps.capacity,
    socFinal: s,
    timeseries: { stepSeconds: dt, soc, chargePower: pIn, dischargePower: pOut, fuel },
  };
}
