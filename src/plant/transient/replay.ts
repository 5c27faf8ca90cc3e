/**
 * A dispatch schedule through a plant's transient model, fast enough for a year of hours. The quasi-steady network
 * is solved once on a grid of (state of charge, power) — part-load maps — at store states taken from the design
 * cycle; the replay then steps the state of charge exactly with the maps interpolated bilinearly:
 *   charging:     s ← s + f(s, P_in) Δt           f: rate of filling in W of deliverable electricity
 *   discharging:  s ← s − w(s, P_out) Δt          w: withdrawal in W of deliverable electricity; fuel φ(s, P_out)
 *   always:       s ← s · exp(−λ Δt)              λ: standing loss
 * The state of charge s is the deliverable electricity held (J): the working fluid in the main store above its
 * empty mass times the electricity one kilogram delivers over the design discharge. Whatever the plant cannot do —
 * charge and discharge at once, power outside the map's range, a full or empty store — is recorded as a violation
 * (step, limit, value) and the step is run as far as the plant can.
 */
import { KahanAccumulator } from '../../numerics/index.js';

/** Part-load maps on a regular grid: rows are states of charge, columns powers. */
export interface PartLoadMaps {
  /** States of charge of the rows, ascending. Unit: J */
  readonly soc: Float64Array;
  /** Charge: net electric input at the columns, ascending; the first is the minimum run point. Unit: W */
  readonly chargePower: Float64Array;
  /** Charge: rate of filling at [row × columns + column], NaN where the plant cannot run. Unit: W */
  readonly fill: Float64Array;
  /** Discharge: net electric output at the columns, ascending. Unit: W */
  readonly dischargePower: Float64Array;
  /** Discharge: withdrawal at [row × columns + column], NaN where the plant cannot run. Unit: W */
  readonly withdrawal: Float64Array;
  /** Discharge: fuel (LHV) at [row × columns + column]. Unit: W */
  readonly fuel: Float64Array;
  /** Energy capacity (the state of charge when full). Unit: J */
  readonly capacity: number;
  /** Standing loss. Unit: 1/s */
  readonly standingLoss: number;
}

export interface ReplaySchedule {
  /** Unit: s */
  readonly stepSeconds: number;
  /** Electric power drawn in each step. Unit: W */
  readonly charge: Float64Array;
  /** Electric power delivered in each step. Unit: W */
  readonly discharge: Float64Array;
}

export interface ReplayOptions {
  /** State of charge at the start as a fraction of the capacity (default 0). Unit: - */
  readonly initialSoc?: number;
}

export type ViolationLimit = 'simultaneous charge and discharge' | 'below minimum charge power' | 'above maximum charge power' | 'below minimum discharge power' | 'above maximum discharge power' | 'store full' | 'store empty' | 'cannot run at this state of charge';

export interface Violation {
  readonly step: number;
  readonly limit: ViolationLimit;
  /** The value that broke it (W for powers, J for the state of charge). */
  readonly value: number;
  /** The bound it broke (W or J). */
  readonly bound: number;
}

export interface ReplayResult {
  readonly feasible: boolean;
  /** At most the first 1000; `violationCount` has them all. */
  readonly violations: readonly Violation[];
  readonly violationCount: number;
  /** Electricity really drawn and delivered. Unit: J */
  readonly energyIn: number;
  readonly energyOut: number;
  /** Fuel burnt (LHV). Unit: J */
  readonly fuel: number;
  /** Deliverable electricity held at the start and the end. Unit: J */
  readonly socInitial: number;
  readonly socFinal: number;
  /** Per step: state of charge at the end (J), power drawn and delivered (W), fuel (W). */
  readonly timeseries: { readonly stepSeconds: number; readonly soc: Float64Array; readonly chargePower: Float64Array; readonly dischargePower: Float64Array; readonly fuel: Float64Array };
}

/** Linear interpolation of row `r` of a map at power P on the ascending columns `xs`. */
function rowAt(values: Float64Array, r: number, xs: Float64Array, P: number): number {
  const n = xs.length;
  const base = r * n;
  if (P <= xs[0]) return values[base];
  if (P >= xs[n - 1]) return values[base + n - 1];
  let j = 1;
  while (xs[j] < P) j++;
  const w = (P - xs[j - 1]) / (xs[j] - xs[j - 1]);
  return values[base + j - 1] * (1 - w) + values[base + j] * w;
}

/** Bilinear interpolation at (s, P); NaN where a corner cannot run. */
export function mapAt(values: Float64Array, soc: Float64Array, xs: Float64Array, s: number, P: number): number {
  const m = soc.length;
  if (m === 1) return rowAt(values, 0, xs, P);
  let i = 1;
  if (s <= soc[0]) i = 1;
  else if (s >= soc[m - 1]) i = m - 1;
  else while (soc[i] < s) i++;
  const w = Math.min(1, Math.max(0, (s - soc[i - 1]) / (soc[i] - soc[i - 1])));
  const a = rowAt(values, i - 1, xs, P);
  const b = rowAt(values, i, xs, P);
  if (w === 0) return a;
  if (w === 1) return b;
  return a * (1 - w) + b * w;
}

const MAX_KEPT = 1000;

export function replaySchedule(maps: PartLoadMaps, schedule: ReplaySchedule, options: ReplayOptions = {}): ReplayResult {
  const { stepSeconds: dt, charge, discharge } = schedule;
  if (!(Number.isFinite(dt) && dt > 0)) throw new RangeError(`replay: stepSeconds = ${dt} is not valid; valid: a step > 0 s`);
  if (!(charge instanceof Float64Array) || !(discharge instanceof Float64Array) || charge.length !== discharge.length) {
    throw new RangeError('replay: charge and discharge must be Float64Arrays of the same length (W per step)');
  }
  const s0 = options.initialSoc ?? 0;
  if (!(s0 >= 0 && s0 <= 1)) throw new RangeError(`replay: initialSoc = ${s0} is not valid; valid: 0 ≤ initialSoc ≤ 1`);
  const n = charge.length;
  const cap = maps.capacity;
  const decay = Math.exp(-maps.standingLoss * dt);
  const cMin = maps.chargePower[0];
  const cMax = maps.chargePower[maps.chargePower.length - 1];
  const dMin = maps.dischargePower[0];
  const dMax = maps.dischargePower[maps.dischargePower.length - 1];
  const socOut = new Float64Array(n);
  const inOut = new Float64Array(n);
  const outOut = new Float64Array(n);
  const fuelOut = new Float64Array(n);
  const violations: Violation[] = [];
  let count = 0;
  const violate = (step: number, limit: ViolationLimit, value: number, bound: number) => {
    count++;
    if (violations.length < MAX_KEPT) violations.push({ step, limit, value, bound });
  };
  const eIn = new KahanAccumulator();
  const eOut = new KahanAccumulator();
  const eFuel = new KahanAccumulator();
  let s = s0 * cap;
  for (let k = 0; k < n; k++) {
    let pc = charge[k];
    let pd = discharge[k];
    if (!(pc >= 0) || !(pd >= 0)) throw new RangeError(`replay: step ${k}: powers must be finite and ≥ 0 W (charge ${pc}, discharge ${pd})`);
    if (pc > 0 && pd > 0) {
      violate(k, 'simultaneous charge and discharge', Math.min(pc, pd), 0);
      if (pc >= pd) pd = 0;
      else pc = 0;
    }
    if (pc > 0) {
      if (pc < cMin * (1 - 1e-9)) {
        violate(k, 'below minimum charge power', pc, cMin);
        pc = 0;
      } else if (pc > cMax * (1 + 1e-6)) {
        violate(k, 'above maximum charge power', pc, cMax);
        pc = cMax;
      }
    }
    if (pd > 0) {
      if (pd < dMin * (1 - 1e-9)) {
        violate(k, 'below minimum discharge power', pd, dMin);
        pd = 0;
      } else if (pd > dMax * (1 + 1e-6)) {
        violate(k, 'above maximum discharge power', pd, dMax);
        pd = dMax;
      }
    }
    let fuel = 0;
    if (pc > 0) {
      const f = mapAt(maps.fill, maps.soc, maps.chargePower, s, pc);
      if (!Number.isFinite(f)) {
        violate(k, 'cannot run at this state of charge', s, 0);
        pc = 0;
      } else {
        let frac = 1;
        if (s + f * dt > cap) {
          frac = Math.max(0, (cap - s) / (f * dt));
          violate(k, 'store full', s + f * dt, cap);
        }
        s = Math.min(cap, s + f * dt * frac);
        pc *= frac;
      }
    } else if (pd > 0) {
      const w = mapAt(maps.withdrawal, maps.soc, maps.dischargePower, s, pd);
      if (!Number.isFinite(w)) {
        violate(k, 'cannot run at this state of charge', s, 0);
        pd = 0;
      } else {
        let frac = 1;
        if (s - w * dt < 0) {
          frac = Math.max(0, s / (w * dt));
          violate(k, 'store empty', s - w * dt, 0);
        }
        fuel = mapAt(maps.fuel, maps.soc, maps.dischargePower, s, pd) * frac;
        s = Math.max(0, s - w * dt * frac);
        pd *= frac;
      }
    }
    s *= decay;
    socOut[k] = s;
    inOut[k] = pc;
    outOut[k] = pd;
    fuelOut[k] = fuel;
    eIn.add(pc * dt);
    eOut.add(pd * dt);
    eFuel.add(fuel * dt);
  }
  return {
    feasible: count === 0,
    violations,
    violationCount: count,
    energyIn: eIn.value,
    energyOut: eOut.value,
    fuel: eFuel.value,
    socInitial: s0 * cap,
    socFinal: s,
    timeseries: { stepSeconds: dt, soc: socOut, chargePower: inOut, dischargePower: outOut, fuel: fuelOut },
  };
}
