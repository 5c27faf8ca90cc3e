/**
 * Dynamic programming over a state-of-charge grid with the plant's own maps: the exact optimum of the discretised
 * problem, and a schedule the plant can follow.
 *
 * Backward: on N grid states g_i between socMin and socMax, each action a (idle; charge or discharge at one of the
 * power levels; charge to the top or discharge to the bottom of the range) moves the store by the maps to
 * s' = x·exp(−λΔt), and
 *   V_t(g_i, m) = max_a [ p_t·(P_out − P_in)·Δt − costs(g_i, a) − start(m → mode a) + V_{t+1}(s', mode a) ]
 * with V_{t+1} interpolated linearly between grid states and m the mode before the step (only tracked when a start
 * costs money, time or energy; with a daily start limit also the discharges started today: dp-backward.ts). With an
 * end condition V_{t+1} also jumps between grid states, where a way to meet the end stops working; those jumps are
 * nodes of their own with a value on each side (dp-nodes.ts), so that interpolation never draws a chord across one.
 * A start moves the store by its own transitions (StepRule: Δt − t_start at the setpoint from the state the train
 * reaches it at, the start-up energy bought). The transitions do not depend on t: they are tabulated once, and a step
 * of the backward pass is one tight loop over N × actions.
 * Forward: from the true state (never snapped to the grid), each step takes the action that maximises its reward plus
 * the interpolated V_{t+1} at the state the maps give — the same arithmetic as the replay — among the actions that
 * keep the store within its range and the day within its cycle limit. The schedule is therefore feasible by
 * construction; the grid only decides how close to optimal it is (measured by the LP bound and by N vs 2N).
 */
import { DispatchInputError } from '../errors.js';
import { backward, dpLayers, valueAt } from './dp-backward.js';
import { endTarget } from './dp-frontier.js';
import type { OperatingEnvelope } from './envelope.js';
import { hasStartUp, resumeState, startedState } from './replay-startup.js';
import { chargeStep, dischargeStep, powerToReach, type StepOutcome } from './step.js';

export interface DpSettings {
  /** Grid states between socMin and socMax (ends included). */
  readonly socLevels: number;
  /** Power levels per direction, evenly spaced from the minimum to the maximum load (plus the maps' columns). */
  readonly powerLevels: number;
}

export const DP_DEFAULTS: DpSettings = { socLevels: 201, powerLevels: 12 };

export const IDLE = 0;
export const CHARGE = 1;
export const DISCHARGE = 2;

/** Transitions of every grid state by one set of actions, tabulated once per envelope and step length. */
export interface ActionTable {
  /** Actions of state i are off[i] … off[i+1] − 1. */
  readonly off: Int32Array;
  readonly mode: Uint8Array;
  /** Grid index below s' and the weight of the one above. */
  readonly j: Int32Array;
  readonly w: Float64Array;
  /** Energy sold minus energy bought, J; costs independent of the price, money; energy withdrawn, J. */
  readonly grid: Float64Array;
  readonly cost: Float64Array;
  readonly withdrawn: Float64Array;
}

/** The DP's transitions: the steps of a run continuing (top level) and the first step of a run (`start`). */
export interface DpTables extends ActionTable {
  readonly envelope: OperatingEnvelope;
  readonly dt: number;
  readonly N: number;
  readonly sLo: number;
  readonly sHi: number;
  readonly h: number;
  readonly decay: number;
  readonly chargeLevels: Float64Array;
  readonly dischargeLevels: Float64Array;
  /** A start's transitions (the same object as the continuing ones when there is no start-up time or energy). */
  readonly start: ActionTable;
}

function levels(lo: number, hi: number, n: number, cols: Float64Array): Float64Array {
  const set = new Set<number>();
  for (let k = 0; k < n; k++) set.add(n === 1 ? hi : lo + ((hi - lo) * k) / (n - 1));
  for (const c of cols) if (c > lo && c < hi) set.add(c);
  set.delete(0); // zero power is idle
  return Float64Array.from([...set].sort((a, b) => a - b));
}

/**
 * How a step of a side runs: from the state the setpoint is reached at, for how long, what it costs beyond the
 * price. A continuing run: from s, for Δt. A start: from startedState(s) for Δt − t_start, the start-up energy
 * bought (startup.ts rule, replay-startup.ts arithmetic).
 */
export interface StepRule {
  /** The state the setpoint runs from. */
  readonly from: (s: number) => number;
  /** s */
  readonly seconds: number;
  /** exp(−λ·seconds): the standing loss over the running part. */
  readonly decay: number;
  /** Energy bought for the start, J. */
  readonly energy: number;
  /** The state the next step starts from, given where this one ends. */
  readonly next: (s: number) => number;
}

export function stepRules(e: OperatingEnvelope, dt: number): { run: StepRule; start: { charge: StepRule; discharge: StepRule } } {
  const decay = Math.exp(-e.maps.standingLoss * dt);
  const same = (s: number) => s;
  const run: StepRule = { from: same, seconds: dt, decay, energy: 0, next: same };
  const rule = (side: 'charge' | 'discharge'): StepRule => {
    const u = e.startUp[side];
    if (!(u.seconds < dt)) throw new DispatchInputError(`envelope.startUp.${side}.seconds`, u.seconds, `a start-up shorter than the step (${dt} s)`);
    if (u.seconds === 0) return { ...run, energy: u.energy };
    const cap = e.maps.capacity;
    const rest = dt - u.seconds;
    return { from: (s) => startedState(e.maps, s, u.seconds), seconds: rest, decay: Math.exp(-e.maps.standingLoss * rest), energy: u.energy, next: (s) => resumeState(s, cap) };
  };
  return { run, start: { charge: rule('charge'), discharge: rule('discharge') } };
}

export function buildTables(e: OperatingEnvelope, dt: number, settings: DpSettings): DpTables {
  const N = Math.max(2, Math.round(settings.socLevels));
  const cap = e.maps.capacity;
  const sLo = e.socMin * cap;
  const sHi = e.socMax * cap;
  const h = (sHi - sLo) / (N - 1);
  const chargeLevels = levels(e.chargeMin, e.chargeMax, settings.powerLevels, e.maps.chargePower);
  const dischargeLevels = levels(e.dischargeMin, e.dischargeMax, settings.powerLevels, e.maps.dischargePower);
  const rules = stepRules(e, dt);
  const table = (charge: StepRule, discharge: StepRule): ActionTable => {
    const off = new Int32Array(N + 1);
    const mode: number[] = [];
    const js: number[] = [];
    const ws: number[] = [];
    const gridE: number[] = [];
    const costs: number[] = [];
    const withdrawn: number[] = [];
    const o: StepOutcome = { x: 0, rate: 0, fuel: 0 };
    const push = (m: number, after: number, bought: number, sold: number, fuel: number, taken: number) => {
      const u = (after - sLo) / h;
      let j = Math.floor(u);
      let w = u - j;
      if (j < 0) [j, w] = [0, 0];
      if (j >= N - 1) [j, w] = [N - 2, 1];
      mode.push(m);
      js.push(j);
      ws.push(Math.min(1, Math.max(0, w)));
      gridE.push(sold - bought);
      costs.push(e.chargeSurcharge * bought + e.wearCost * sold + e.fuelPrice * fuel);
      withdrawn.push(taken);
    };
    for (let i = 0; i < N; i++) {
      off[i] = mode.length;
      const s = i === N - 1 ? sHi : sLo + i * h;
      push(IDLE, s * rules.run.decay, 0, 0, 0, 0);
      const c = charge;
      const sc = c.from(s);
      const dtc = c.seconds;
      const chargeTo = (P: number) => push(CHARGE, c.next(o.x * c.decay), P * dtc + c.energy, 0, 0, 0);
      for (const P of chargeLevels) if (chargeStep(e, sc, P, dtc, o) && o.x <= sHi && o.x <= cap) chargeTo(P);
      const up = powerToReach(e, 'charge', sc, sHi, dtc, o);
      if (up === up) chargeTo(up);
      const d = discharge;
      const sd = d.from(s);
      const dtd = d.seconds;
      const dischargeTo = (P: number) => push(DISCHARGE, d.next(o.x * d.decay), d.energy, P * dtd, o.fuel * dtd, o.rate * dtd);
      for (const P of dischargeLevels) if (dischargeStep(e, sd, P, dtd, o) && o.x >= sLo && o.x >= 0) dischargeTo(P);
      const down = powerToReach(e, 'discharge', sd, sLo, dtd, o);
      if (down === down) dischargeTo(down);
    }
    off[N] = mode.length;
    return { off, mode: Uint8Array.from(mode), j: Int32Array.from(js), w: Float64Array.from(ws), grid: Float64Array.from(gridE), cost: Float64Array.from(costs), withdrawn: Float64Array.from(withdrawn) };
  };
  const normal = table(rules.run, rules.run);
  const start = hasStartUp(e) ? table(rules.start.charge, rules.start.discharge) : normal;
  return { envelope: e, dt, N, sLo, sHi, h, decay: rules.run.decay, chargeLevels, dischargeLevels, ...normal, start };
}

/** One horizon for the DP: prices it sees, where it starts, what it must end with. */
export interface DpHorizon {
  /** money/J per step. */
  readonly prices: Float64Array;
  /** Local day of each step (the cycle limit). */
  readonly dayNumbers: Int32Array;
  /** State of charge before the first step, J. */
  readonly s0: number;
  /** Mode before the first step (start costs): 0 idle, 1 charging, 2 discharging. */
  readonly modeBefore: number;
  /** Withdrawn earlier on the first step's day, J. */
  readonly withdrawnToday: number;
  /** Discharges started earlier on the first step's day (the daily start limit); 0 when omitted. */
  readonly startsToday?: number;
  /** Smallest state at the end of the horizon, J; undefined for a free end. */
  readonly endMin?: number;
  /** Steps to return (the rolling horizon keeps the first ones). */
  readonly keep: number;
  /** Penalty per energy withdrawn at each step (a Lagrange multiplier of the cycle limit), money/J; none if omitted. */
  readonly withdrawalPenalty?: Float64Array;
}

/** The forward pass's schedule over `keep` steps, SI. */
export interface DpSchedule {
  /** Setpoints: the grid power of each step while running (a start step runs Δt − t_start at it), W. */
  readonly charge: Float64Array;
  readonly discharge: Float64Array;
  readonly inflow: Float64Array;
  readonly withdrawal: Float64Array;
  /** W */
  readonly fuel: Float64Array;
  /** State at the end of each step, J. */
  readonly energy: Float64Array;
  readonly mode: Uint8Array;
  /** How far the end lies below endMin (0 when met), J. */
  readonly endShortfall: number;
  /** The state the step after the kept ones starts from (after a start step: as the replay resumes it), J. */
  readonly next: number;
}

/** Backward over the whole horizon, forward over its first `keep` steps. */
export function solveDpHorizon(tb: DpTables, hz: DpHorizon): DpSchedule {
  const e = tb.envelope;
  const T = hz.prices.length;
  const layers = dpLayers(e);
  const V = backward(tb, hz, layers, T);
  const K = hz.keep;
  const out = {
    charge: new Float64Array(K),
    discharge: new Float64Array(K),
    inflow: new Float64Array(K),
    withdrawal: new Float64Array(K),
    fuel: new Float64Array(K),
    energy: new Float64Array(K),
    mode: new Uint8Array(K),
    endShortfall: 0,
    next: hz.s0,
  };
  const dt = tb.dt;
  const cap = e.maps.capacity;
  const limit = e.dailyCycleLimit === undefined ? Infinity : e.dailyCycleLimit * (e.socMax - e.socMin) * cap;
  const startLimit = e.dailyStartLimit ?? Infinity;
  const rules = stepRules(e, dt);
  const o: StepOutcome = { x: 0, rate: 0, fuel: 0 };
  let s = hz.s0;
  let m = hz.modeBefore;
  let today = hz.withdrawnToday;
  let starts = hz.startsToday ?? 0;
  for (let t = 0; t < K; t++) {
    if (t > 0 && hz.dayNumbers[t] !== hz.dayNumbers[t - 1]) {
      today = 0;
      starts = 0;
    }
    const newDay = t + 1 < T && hz.dayNumbers[t + 1] !== hz.dayNumbers[t];
    const p = hz.prices[t];
    const mu = hz.withdrawalPenalty ? hz.withdrawalPenalty[t] : 0;
    const last = t === T - 1 && hz.endMin !== undefined;
    let best = -Infinity;
    let bestMeets = false;
    let pick = { mode: IDLE, P: 0, after: s, next: s, rate: 0, fuel: 0, seconds: dt };
    const consider = (md: number, P: number, rule: StepRule) => {
      const after = md === IDLE ? s * rule.decay : o.x * rule.decay;
      const next = rule.next(after);
      const isStart = md !== IDLE && md !== m;
      const run = md === IDLE ? 0 : P * rule.seconds;
      const bought = (md === CHARGE ? run : 0) + (isStart ? rule.energy : 0);
      const sold = md === DISCHARGE ? run : 0;
      const taken = md === DISCHARGE ? o.rate * rule.seconds : 0;
      const reward =
        p * (sold - bought) -
        (e.chargeSurcharge * bought + e.wearCost * sold + e.fuelPrice * (md === DISCHARGE ? o.fuel * rule.seconds : 0)) -
        mu * taken -
        (isStart ? (md === CHARGE ? e.startCost.charge : e.startCost.discharge) : 0);
      const count = newDay ? 0 : starts + (isStart && md === DISCHARGE ? 1 : 0);
      const v = reward + valueAt(tb, V, t + 1, layers, md, count, next);
      const meets = !last || after >= hz.endMin!;
      if (best === -Infinity || (meets && !bestMeets) || (meets === bestMeets && v > best)) {
        best = v;
        bestMeets = meets;
        pick = { mode: md, P, after, next, rate: md === IDLE ? 0 : o.rate, fuel: md === DISCHARGE ? o.fuel : 0, seconds: rule.seconds };
      }
    };
    consider(IDLE, 0, rules.run);
    // charging: a continuing run, or a start (from idle or from discharging)
    const rc = m === CHARGE ? rules.run : rules.start.charge;
    const sc = rc.from(s);
    const canCharge = (x: number) => x <= tb.sHi && x <= cap;
    for (const P of tb.chargeLevels) if (chargeStep(e, sc, P, rc.seconds, o) && canCharge(o.x)) consider(CHARGE, P, rc);
    for (const target of last ? [tb.sHi, endTarget(hz.endMin!, rc.decay, cap)] : [tb.sHi]) {
      const P = powerToReach(e, 'charge', sc, target, rc.seconds, o);
      if (P === P && canCharge(o.x)) consider(CHARGE, P, rc);
    }
    // discharging, within the day's starts and withdrawal
    const rd = m === DISCHARGE ? rules.run : rules.start.discharge;
    if (m === DISCHARGE || starts < startLimit) {
      const sd = rd.from(s);
      const canDischarge = (x: number, rate: number) => x >= tb.sLo && x >= 0 && today + rate * rd.seconds <= limit;
      for (const P of tb.dischargeLevels) if (dischargeStep(e, sd, P, rd.seconds, o) && canDischarge(o.x, o.rate)) consider(DISCHARGE, P, rd);
      const down = powerToReach(e, 'discharge', sd, tb.sLo, rd.seconds, o);
      if (down === down && canDischarge(o.x, o.rate)) consider(DISCHARGE, down, rd);
      // the cycle limit may stop a discharge short: then the largest power the day still allows
      if (limit < Infinity && limit - today > 0) {
        const room = powerToReach(e, 'discharge', sd, Math.max(tb.sLo, sd - (limit - today)), rd.seconds, o);
        if (room === room && canDischarge(o.x, o.rate)) consider(DISCHARGE, room, rd);
      }
    }
    if (pick.mode === CHARGE) {
      out.charge[t] = pick.P;
      out.inflow[t] = pick.rate;
    } else if (pick.mode === DISCHARGE) {
      out.discharge[t] = pick.P;
      out.withdrawal[t] = pick.rate;
      out.fuel[t] = pick.fuel;
      today += pick.rate * pick.seconds;
      if (m !== DISCHARGE) starts++;
    }
    out.mode[t] = pick.mode;
    out.energy[t] = pick.after;
    s = pick.next;
    m = pick.mode;
  }
  out.next = s;
  if (K === T && hz.endMin !== undefined && K > 0 && out.energy[K - 1] < hz.endMin) out.endShortfall = hz.endMin - out.energy[K - 1];
  return out;
}
