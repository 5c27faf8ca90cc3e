/**
 * Dynamic programming over a state-of-charge grid with the plant's own maps: the exact optimum of the discretised
 * problem, and a schedule the plant can follow.
 *
 * Backward: on N grid states g_i between socMin and socMax, each action a (idle; charge or discharge at one of the
 * power levels; charge to the top or discharge to the bottom of the range) moves the store by the maps to
 * s' = x·exp(−λΔt), and
 *   V_t(g_i, m) = max_a [ p_t·(P_out − P_in)·Δt − costs(g_i, a) − start(m → mode a) + V_{t+1}(s', mode a) ]
 * with V_{t+1} interpolated linearly between grid states and m the mode before the step (only tracked when a start
 * costs something). The transitions do not depend on t: they are tabulated once, and a step of the backward pass is
 * one tight loop over N × actions.
 * Forward: from the true state (never snapped to the grid), each step takes the action that maximises its reward plus
 * the interpolated V_{t+1} at the state the maps give — the same arithmetic as the replay — among the actions that
 * keep the store within its range and the day within its cycle limit. The schedule is therefore feasible by
 * construction; the grid only decides how close to optimal it is (measured by the LP bound and by N vs 2N).
 */
import type { OperatingEnvelope } from './envelope.js';
import { chargeStep, dischargeStep, powerToReach, type StepOutcome } from './step.js';

export interface DpSettings {
  /** Grid states between socMin and socMax (ends included). */
  readonly socLevels: number;
  /** Power levels per direction, evenly spaced from the minimum to the maximum load (plus the maps' columns). */
  readonly powerLevels: number;
}

export const DP_DEFAULTS: DpSettings = { socLevels: 201, powerLevels: 12 };

const IDLE = 0;
const CHARGE = 1;
const DISCHARGE = 2;

/** The transitions of every grid state, tabulated once per envelope and step length. */
export interface DpTables {
  readonly envelope: OperatingEnvelope;
  readonly dt: number;
  readonly N: number;
  readonly sLo: number;
  readonly sHi: number;
  readonly h: number;
  readonly decay: number;
  readonly chargeLevels: Float64Array;
  readonly dischargeLevels: Float64Array;
  /** Actions of state i are off[i] … off[i+1] − 1. */
  readonly off: Int32Array;
  readonly mode: Uint8Array;
  /** Grid index below s' and the weight of the one above. */
  readonly j: Int32Array;
  readonly w: Float64Array;
  /** (P_out − P_in)·Δt, J; costs independent of the price, money; energy withdrawn, J. */
  readonly grid: Float64Array;
  readonly cost: Float64Array;
  readonly withdrawn: Float64Array;
}

function levels(lo: number, hi: number, n: number, cols: Float64Array): Float64Array {
  const set = new Set<number>();
  for (let k = 0; k < n; k++) set.add(n === 1 ? hi : lo + ((hi - lo) * k) / (n - 1));
  for (const c of cols) if (c > lo && c < hi) set.add(c);
  set.delete(0); // zero power is idle
  return Float64Array.from([...set].sort((a, b) => a - b));
}

export function buildTables(e: OperatingEnvelope, dt: number, settings: DpSettings): DpTables {
  const N = Math.max(2, Math.round(settings.socLevels));
  const cap = e.maps.capacity;
  const sLo = e.socMin * cap;
  const sHi = e.socMax * cap;
  const h = (sHi - sLo) / (N - 1);
  const decay = Math.exp(-e.maps.standingLoss * dt);
  const chargeLevels = levels(e.chargeMin, e.chargeMax, settings.powerLevels, e.maps.chargePower);
  const dischargeLevels = levels(e.dischargeMin, e.dischargeMax, settings.powerLevels, e.maps.dischargePower);
  const off = new Int32Array(N + 1);
  const mode: number[] = [];
  const js: number[] = [];
  const ws: number[] = [];
  const gridE: number[] = [];
  const costs: number[] = [];
  const withdrawn: number[] = [];
  const o: StepOutcome = { x: 0, rate: 0, fuel: 0 };
  const push = (m: number, x: number, pIn: number, pOut: number, fuel: number, rate: number) => {
    const u = (x * decay - sLo) / h;
    let j = Math.floor(u);
    let w = u - j;
    if (j < 0) [j, w] = [0, 0];
    if (j >= N - 1) [j, w] = [N - 2, 1];
    mode.push(m);
    js.push(j);
    ws.push(Math.min(1, Math.max(0, w)));
    gridE.push((pOut - pIn) * dt);
    costs.push((e.chargeSurcharge * pIn + e.wearCost * pOut + e.fuelPrice * fuel) * dt);
    withdrawn.push(m === DISCHARGE ? rate * dt : 0);
  };
  for (let i = 0; i < N; i++) {
    off[i] = mode.length;
    const s = i === N - 1 ? sHi : sLo + i * h;
    push(IDLE, s, 0, 0, 0, 0);
    for (const P of chargeLevels) if (chargeStep(e, s, P, dt, o) && o.x <= sHi && o.x <= cap) push(CHARGE, o.x, P, 0, 0, o.rate);
    for (const P of dischargeLevels) if (dischargeStep(e, s, P, dt, o) && o.x >= sLo && o.x >= 0) push(DISCHARGE, o.x, 0, P, o.fuel, o.rate);
    const up = powerToReach(e, 'charge', s, sHi, dt, o);
    if (up === up) push(CHARGE, o.x, up, 0, 0, o.rate);
    const down = powerToReach(e, 'discharge', s, sLo, dt, o);
    if (down === down) push(DISCHARGE, o.x, 0, down, o.fuel, o.rate);
  }
  off[N] = mode.length;
  return {
    envelope: e,
    dt,
    N,
    sLo,
    sHi,
    h,
    decay,
    chargeLevels,
    dischargeLevels,
    off,
    mode: Uint8Array.from(mode),
    j: Int32Array.from(js),
    w: Float64Array.from(ws),
    grid: Float64Array.from(gridE),
    cost: Float64Array.from(costs),
    withdrawn: Float64Array.from(withdrawn),
  };
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
  /** Smallest state at the end of the horizon, J; undefined for a free end. */
  readonly endMin?: number;
  /** Steps to return (the rolling horizon keeps the first ones). */
  readonly keep: number;
  /** Penalty per energy withdrawn at each step (a Lagrange multiplier of the cycle limit), money/J; none if omitted. */
  readonly withdrawalPenalty?: Float64Array;
}

/** The forward pass's schedule over `keep` steps, SI. */
export interface DpSchedule {
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
}

function startCostOf(e: OperatingEnvelope, before: number, after: number): number {
  if (after === before || after === IDLE) return 0;
  return after === CHARGE ? e.startCost.charge : e.startCost.discharge;
}

/** Backward pass: the value of every grid state (and mode) at every step, [((t·M) + m)·N + i]. */
function backward(tb: DpTables, hz: DpHorizon, M: number, T: number): Float64Array {
  const { N, off, mode, j: J, w: W, grid, cost, withdrawn } = tb;
  const e = tb.envelope;
  const V = new Float64Array((T + 1) * M * N);
  if (hz.endMin !== undefined) {
    // a shortfall at the end costs far more than any schedule earns: the end condition, kept linear between states
    let pMax = 0;
    for (const p of hz.prices) pMax = Math.max(pMax, Math.abs(p));
    const big = 1e3 * (pMax * e.maps.capacity + 1) / e.maps.capacity;
    for (let i = 0; i < N; i++) {
      const g = i === N - 1 ? tb.sHi : tb.sLo + i * tb.h;
      const v = g >= hz.endMin ? 0 : -big * (hz.endMin - g);
      for (let m = 0; m < M; m++) V[(T * M + m) * N + i] = v;
    }
  }
  const sc = e.startCost.charge;
  const sd = e.startCost.discharge;
  const pen = hz.withdrawalPenalty;
  if (M === 1) {
    backwardPlain(tb, hz, V, T);
    return V;
  }
  for (let t = T - 1; t >= 0; t--) {
    const p = hz.prices[t];
    const mu = pen ? pen[t] : 0;
    const next = (t + 1) * M * N;
    const here = t * M * N;
    for (let i = 0; i < N; i++) {
      let b0 = -Infinity;
      let b1 = -Infinity;
      let b2 = -Infinity;
      for (let k = off[i], end = off[i + 1]; k < end; k++) {
        const md = mode[k];
        const base = M === 1 ? next : next + md * N;
        const jj = base + J[k];
        const v0 = V[jj];
        const v = p * grid[k] - cost[k] - mu * withdrawn[k] + v0 + W[k] * (V[jj + 1] - v0);
        if (md === IDLE) b0 = v > b0 ? v : b0;
        else if (md === CHARGE) b1 = v > b1 ? v : b1;
        else b2 = v > b2 ? v : b2;
      }
      if (M === 1) {
        let b = b0 > b1 ? b0 : b1;
        V[here + i] = b > b2 ? b : b2;
      } else {
        for (let m = 0; m < 3; m++) {
          const c = b1 - (m === CHARGE ? 0 : sc);
          const d = b2 - (m === DISCHARGE ? 0 : sd);
          let b = b0 > c ? b0 : c;
          V[here + m * N + i] = b > d ? b : d;
        }
      }
    }
  }
  return V;
}

/** The backward pass without start costs: one value layer, one running maximum per state. */
function backwardPlain(tb: DpTables, hz: DpHorizon, V: Float64Array, T: number): void {
  const { N, off, j: J, w: W, grid, cost, withdrawn } = tb;
  const prices = hz.prices;
  const pen = hz.withdrawalPenalty;
  for (let t = T - 1; t >= 0; t--) {
    const p = prices[t];
    const mu = pen ? pen[t] : 0;
    const next = (t + 1) * N;
    const here = t * N;
    for (let i = 0; i < N; i++) {
      let b = -Infinity;
      const end = off[i + 1];
      for (let k = off[i]; k < end; k++) {
        const jj = next + J[k];
        const v0 = V[jj];
        const v = p * grid[k] - cost[k] - mu * withdrawn[k] + v0 + W[k] * (V[jj + 1] - v0);
        if (v > b) b = v;
      }
      V[here + i] = b;
    }
  }
}

/** V_t at a true state s in mode layer m (linear between grid states; clamped at the ends). */
function valueAt(tb: DpTables, V: Float64Array, t: number, M: number, m: number, s: number): number {
  const u = (s - tb.sLo) / tb.h;
  let j = Math.floor(u);
  let w = u - j;
  if (j < 0) [j, w] = [0, 0];
  if (j >= tb.N - 1) [j, w] = [tb.N - 2, 1];
  const base = (t * M + (M === 1 ? 0 : m)) * tb.N + j;
  return V[base] + w * (V[base + 1] - V[base]);
}

/** Backward over the whole horizon, forward over its first `keep` steps. */
export function solveDpHorizon(tb: DpTables, hz: DpHorizon): DpSchedule {
  const e = tb.envelope;
  const T = hz.prices.length;
  const M = e.startCost.charge > 0 || e.startCost.discharge > 0 ? 3 : 1;
  const V = backward(tb, hz, M, T);
  const K = hz.keep;
  const out: DpSchedule = {
    charge: new Float64Array(K),
    discharge: new Float64Array(K),
    inflow: new Float64Array(K),
    withdrawal: new Float64Array(K),
    fuel: new Float64Array(K),
    energy: new Float64Array(K),
    mode: new Uint8Array(K),
    endShortfall: 0,
  };
  const dt = tb.dt;
  const cap = e.maps.capacity;
  const limit = e.dailyCycleLimit === undefined ? Infinity : e.dailyCycleLimit * (e.socMax - e.socMin) * cap;
  const o: StepOutcome = { x: 0, rate: 0, fuel: 0 };
  let s = hz.s0;
  let m = hz.modeBefore;
  let today = hz.withdrawnToday;
  for (let t = 0; t < K; t++) {
    if (t > 0 && hz.dayNumbers[t] !== hz.dayNumbers[t - 1]) today = 0;
    const p = hz.prices[t];
    const mu = hz.withdrawalPenalty ? hz.withdrawalPenalty[t] : 0;
    const last = t === T - 1 && hz.endMin !== undefined;
    let best = -Infinity;
    let bestMode = IDLE;
    let bestP = 0;
    let bestX = s;
    let bestRate = 0;
    let bestFuel = 0;
    const consider = (md: number, P: number) => {
      const after = o.x * tb.decay;
      const pIn = md === CHARGE ? P : 0;
      const pOut = md === DISCHARGE ? P : 0;
      const reward =
        p * (pOut - pIn) * dt -
        (e.chargeSurcharge * pIn + e.wearCost * pOut + e.fuelPrice * o.fuel) * dt -
        mu * (md === DISCHARGE ? o.rate * dt : 0) -
        startCostOf(e, m, md);
      const v = reward + valueAt(tb, V, t + 1, M, md, after);
      const meets = !last || after >= hz.endMin!;
      const bestMeets = !last || bestX * tb.decay >= hz.endMin!;
      if (best === -Infinity || (meets && !bestMeets) || (meets === bestMeets && v > best)) {
        best = v;
        bestMode = md;
        bestP = P;
        bestX = o.x;
        bestRate = o.rate;
        bestFuel = o.fuel;
      }
    };
    o.x = s;
    o.rate = 0;
    o.fuel = 0;
    consider(IDLE, 0);
    const canCharge = (x: number) => x <= tb.sHi && x <= cap;
    const canDischarge = (x: number, rate: number) => x >= tb.sLo && x >= 0 && today + rate * dt <= limit;
    for (const P of tb.chargeLevels) if (chargeStep(e, s, P, dt, o) && canCharge(o.x)) consider(CHARGE, P);
    for (const P of tb.dischargeLevels) if (dischargeStep(e, s, P, dt, o) && canDischarge(o.x, o.rate)) consider(DISCHARGE, P);
    const targets = last ? [tb.sHi, hz.endMin! / tb.decay] : [tb.sHi];
    for (const target of targets) {
      const P = powerToReach(e, 'charge', s, target, dt, o);
      if (P === P && canCharge(o.x)) consider(CHARGE, P);
    }
    const down = powerToReach(e, 'discharge', s, tb.sLo, dt, o);
    if (down === down && canDischarge(o.x, o.rate)) consider(DISCHARGE, down);
    // the cycle limit may stop a discharge short: then the largest power the day still allows
    if (limit < Infinity && limit - today > 0) {
      const room = powerToReach(e, 'discharge', s, Math.max(tb.sLo, s - (limit - today)), dt, o);
      if (room === room && canDischarge(o.x, o.rate)) consider(DISCHARGE, room);
    }
    if (bestMode === CHARGE) {
      out.charge[t] = bestP;
      out.inflow[t] = bestRate;
    } else if (bestMode === DISCHARGE) {
      out.discharge[t] = bestP;
      out.withdrawal[t] = bestRate;
      out.fuel[t] = bestFuel;
      today += bestRate * dt;
    }
    out.mode[t] = bestMode;
    s = bestX * tb.decay;
    out.energy[t] = s;
    m = bestMode;
  }
  if (K === T && hz.endMin !== undefined && s < hz.endMin) (out as { endShortfall: number }).endShortfall = hz.endMin - s;
  return out;
}
