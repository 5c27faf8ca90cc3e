/**
 * The no-cross proof's geometry (no-cross.ts): each side of a counter-flow exchanger as a line in (p, h) over the
 * duty fraction t, where that line meets its medium's saturated liquid or vapour enthalpy (a kink of the temperature
 * profile), and the saturated states there with the slopes either phase has.
 */
import type { StreamFluid } from '../fluids/stream-fluid.js';
import { RealFluid } from '../fluids/real.js';
import { saturationEnthalpies, type Side } from './pinch.js';

/** One side as a line in (p, h) over t ∈ [0, 1] (pinch.ts's formulas): hot from its inlet, cold from its outlet. */
export interface Line {
  readonly side: Side;
  readonly hot: boolean;
  readonly p0: number;
  readonly p1: number;
  readonly h0: number;
  readonly h1: number;
  /** dp/dt. Unit: Pa */
  readonly dp: number;
  /** dh/dt. Unit: J/kg */
  readonly dh: number;
}

export function lineOf(side: Side, hot: boolean): Line {
  const [p0, p1, h0, h1] = hot ? [side.pIn, side.pOut, side.hIn, side.hOut] : [side.pOut, side.pIn, side.hOut, side.hIn];
  return { side, hot, p0, p1, h0, h1, dp: p1 - p0, dh: h1 - h0 };
}

/** Saturated states at one pressure, reduced to what the slopes need. */
export interface SaturationSlopes {
  /** Unit: K */
  readonly T: number;
  /** h' and h''. Unit: J/kg */
  readonly h: readonly [number, number];
  /** dT_sat/dp = T (v'' − v')/(h'' − h'). Unit: K/Pa */
  readonly dTdp: number;
  /** (∂T/∂h)_p = 1/cp of the saturated liquid and vapour. Unit: K kg/J */
  readonly dTdh1: readonly [number, number];
  /** (∂T/∂p)_h = μ_JT of the saturated liquid and vapour. Unit: K/Pa */
  readonly dTdp1: readonly [number, number];
}

const saturationMemo = new WeakMap<StreamFluid, Map<number, SaturationSlopes | undefined>>();
const MEMO_SIZE = 256;

/**
 * The saturated liquid and vapour at p of a medium with a dome (a pure fluid from its equation of state), remembered
 * by pressure: a saturated outlet asks at the same pressure on every solve. Undefined where there is no dome at p,
 * or where a saturated phase has no finite cp (next to the critical point).
 */
export function saturationSlopes(fluid: StreamFluid, p: number): SaturationSlopes | undefined {
  let memo = saturationMemo.get(fluid);
  if (!memo) saturationMemo.set(fluid, (memo = new Map()));
  if (memo.has(p)) return memo.get(p);
  let value: SaturationSlopes | undefined;
  const f = fluid instanceof RealFluid ? fluid.fluid : undefined;
  // RealFluid.saturationEnthalpies's test: a dome at p
  if (f && !f.pseudoPure && p < f.critical.p && p > f.triple.p) {
    const sat = f.saturationAtP(p);
    const L = sat.liquid;
    const V = sat.vapor;
    if (L.cp !== null && V.cp !== null && L.jouleThomson !== null && V.jouleThomson !== null && L.cp > 0 && V.cp > 0) {
      value = {
        T: sat.T,
        h: [L.h, V.h],
        dTdp: (sat.T * (1 / V.rho - 1 / L.rho)) / (V.h - L.h),
        dTdh1: [1 / L.cp, 1 / V.cp],
        dTdp1: [L.jouleThomson, V.jouleThomson],
      };
    }
  }
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(p, value);
  return value;
}

/** A breakpoint: t, and the side whose kink it is (with which saturated phase). */
export interface Kink {
  readonly t: number;
  readonly hot: boolean;
  readonly which: 0 | 1;
  /** The saturated states at the kink's pressure. */
  readonly sat: SaturationSlopes;
}

/** A side's two-phase band [h', h''] at its pressures at t = 0, ½ and 1 (undefined where it has none there). */
type Bands = readonly [readonly [number, number] | undefined, readonly [number, number] | undefined, readonly [number, number] | undefined];

function bandsOf(line: Line): Bands {
  const f = line.side.fluid;
  return [saturationEnthalpies(f, line.p0), saturationEnthalpies(f, 0.5 * (line.p0 + line.p1)), saturationEnthalpies(f, line.p1)];
}

/**
 * Where the side meets its saturated phase `which`: g(t) = h0 + t dh − h_which(p0 + t dp) = 0. Its sign at the ends
 * and the middle says whether there is one in between (h_sat(p(t)) is smooth and, over an exchanger's pressure drop,
 * within round-off of the parabola through those three: g has one root at most); the root by fixed-point steps from
 * the chord's through the bracketing pair (each step's error shrinks by (dh_sat/dp) dp / dh, a few thousandths).
 * Undefined: no kink strictly inside (0, 1).
 */
function kinkOf(line: Line, bands: Bands, which: 0 | 1, merge: number): Kink | undefined {
  const [b0, bm, b1] = bands;
  if (!b0 || !bm || !b1) return undefined;
  const g0 = line.h0 - b0[which];
  const gm = line.h0 + 0.5 * line.dh - bm[which];
  const g1 = line.h1 - b1[which];
  let t: number;
  if (g0 * gm <= 0 && g0 !== gm) t = (0.5 * g0) / (g0 - gm);
  else if (gm * g1 <= 0 && gm !== g1) t = 0.5 + (0.5 * gm) / (gm - g1);
  else return undefined;
  const fluid = line.side.fluid;
  for (let k = 0; k < KINK_STEPS; k++) {
    // a root within `merge` of an end is that end's (an outlet on the dome: its state says so)
    if (!(t > merge && t < 1 - merge)) return undefined;
    const h = fluid.saturationEnthalpies(line.p0 + t * line.dp);
    if (!h) return undefined;
    const next = (h[which] - line.h0) / line.dh;
    const done = Math.abs(next - t) <= KINK_TOLERANCE;
    t = next;
    if (!done) continue;
    if (!(t > merge && t < 1 - merge)) return undefined;
    const sat = saturationSlopes(fluid, line.p0 + t * line.dp);
    return sat ? { t, hot: line.hot, which, sat } : undefined;
  }
  return undefined;
}

/** Fixed-point steps of the kink search, and the change in t that ends it. */
const KINK_STEPS = 6;
const KINK_TOLERANCE = 1e-9;

/**
 * Both sides' kinks in order, or undefined where a side's pressures straddle its critical pressure (a band at some of
 * its end and middle pressures but not all: a kink next to the critical point is not searched for).
 */
export function kinksOf(hot: Line, cold: Line, merge: number): Kink[] | undefined {
  const out: Kink[] = [];
  for (const line of [hot, cold]) {
    const bands = bandsOf(line);
    const n = bands.filter((b) => b !== undefined).length;
    if (n === 0) continue;
    if (n !== 3) return undefined;
    for (const which of [0, 1] as const) {
      const k = kinkOf(line, bands, which, merge);
      if (k) out.push(k);
    }
  }
  out.sort((a, b) => a.t - b.t);
  return out.filter((k, i) => i === 0 || k.t - out[i - 1].t > merge);
}
