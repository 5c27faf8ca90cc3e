/**
 * The temperature profile inside a counter-flow heat exchanger, discretised along the enthalpy of each side:
 * at the fraction t of the duty counted from the hot end (t = 0: hot inlet and cold outlet),
 *   hot:  h = h_h,in + t (h_h,out − h_h,in),   p = p_h,in + t (p_h,out − p_h,in)
 *   cold: h = h_c,out + t (h_c,in − h_c,out),  p = p_c,out + t (p_c,in − p_c,out)
 * with uniform nodes plus the nodes where either side reaches its saturated liquid or vapour enthalpy, where the
 * profile has a kink and a condensing or evaporating stream is usually pinched. Each side's pressure falls linearly
 * with the heat passed. The smallest T_hot − T_cold over the nodes is the internal pinch: an end-temperature check
 * misses it whenever a stream changes phase or its cp varies strongly.
 */
import { StreamState, type StreamFluid } from '../fluids/stream-fluid.js';

/** One side of the exchanger: its medium and the variables at its ends. */
export interface Side {
  readonly fluid: StreamFluid;
  /** Unit: Pa */
  readonly pIn: number;
  /** Unit: Pa */
  readonly pOut: number;
  /** Unit: J/kg */
  readonly hIn: number;
  /** Unit: J/kg */
  readonly hOut: number;
  /** Composition (flue gas), else 0. Unit: - */
  readonly f: number;
}

export class PinchPoint {
  /** Smallest temperature difference T_hot − T_cold. Unit: K */
  dT = Infinity;
  /** Where: fraction of the duty from the hot end. Unit: - */
  t = NaN;
  /** Hot and cold temperatures there. Unit: K */
  Thot = NaN;
  Tcold = NaN;
  /** Whether the node is where the hot or the cold side reaches a saturation enthalpy (its t moves with the ends). */
  kink: 'none' | 'hot' | 'cold' = 'none';
  /** That saturation enthalpy. Unit: J/kg */
  hKink = NaN;
  /** Its derivative with the pressure at the node. Unit: J/(kg Pa) */
  dhKinkdp = 0;
  /** ∂T/∂h and ∂T/∂p (and ∂T/∂f) of both sides there, for the gradient of a pinch specification. */
  readonly hot = new StreamState();
  readonly cold = new StreamState();
}

/** The profile for reports: t, T_hot, T_cold at every node. */
export interface Profile {
  readonly t: number[];
  readonly Thot: number[];
  readonly Tcold: number[];
}

const hs = new StreamState();
const cs = new StreamState();

interface Node {
  readonly t: number;
  readonly kink: 'none' | 'hot' | 'cold';
  readonly h: number;
}

/**
 * Saturated liquid and vapour enthalpies of a medium at p, remembered: the profile asks for them at the same
 * pressures on every residual of a Newton solve (pressures are mostly fixed while the enthalpies move), and each is
 * two saturation flashes.
 */
const saturationMemo = new WeakMap<StreamFluid, Map<number, readonly [number, number] | undefined>>();
const MEMO_SIZE = 512;

export function saturationEnthalpies(fluid: StreamFluid, p: number): readonly [number, number] | undefined {
  let memo = saturationMemo.get(fluid);
  if (!memo) saturationMemo.set(fluid, (memo = new Map()));
  if (memo.has(p)) return memo.get(p);
  const value = fluid.saturationEnthalpies(p);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(p, value);
  return value;
}

/** Fraction t where a side's enthalpy profile meets its saturation enthalpy at its own local pressure. */
function kinkFraction(side: Side, hotSide: boolean, which: 0 | 1): { t: number; h: number } | undefined {
  if (side.hIn === side.hOut) return undefined;
  // hot: h(t) = h_in + t (h_out − h_in), p(t) = p_in + t Δp; cold: h(t) = h_out + t (h_in − h_out), p(t) = p_out + t Δp
  const [h0, h1, p0, p1] = hotSide ? [side.hIn, side.hOut, side.pIn, side.pOut] : [side.hOut, side.hIn, side.pOut, side.pIn];
  let sat = saturationEnthalpies(side.fluid, 0.5 * (p0 + p1));
  if (!sat) return undefined;
  let t = (h0 - sat[which]) / (h0 - h1);
  for (let k = 0; k < 4 && p0 !== p1; k++) {
    if (!(t > 0 && t < 1)) return undefined;
    sat = saturationEnthalpies(side.fluid, p0 + t * (p1 - p0));
    if (!sat) return undefined;
    t = (h0 - sat[which]) / (h0 - h1);
  }
  return t > 0 && t < 1 ? { t, h: h0 + t * (h1 - h0) } : undefined;
}

function nodes(hot: Side, cold: Side, slices: number): Node[] {
  const t: Node[] = [];
  for (let k = 0; k <= slices; k++) t.push({ t: k / slices, kink: 'none', h: NaN });
  for (const which of [0, 1] as const) {
    const kh = kinkFraction(hot, true, which);
    if (kh) t.push({ t: kh.t, kink: 'hot', h: kh.h });
    const kc = kinkFraction(cold, false, which);
    if (kc) t.push({ t: kc.t, kink: 'cold', h: kc.h });
  }
  t.sort((a, b) => a.t - b.t);
  return t.filter((v, i) => i === 0 || v.t - t[i - 1].t > 1e-12);
}

/**
 * The internal pinch over `slices` uniform slices plus the phase-change nodes, written into `out`; the states at
 * the ends may be passed in (`ends`: hot in, hot out, cold in, cold out) to save their evaluations.
 */
export function internalPinch(hot: Side, cold: Side, slices: number, out: PinchPoint, profile?: Profile, ends?: readonly StreamState[]): PinchPoint {
  out.dT = Infinity;
  for (const node of nodes(hot, cold, slices)) {
    const t = node.t;
    let h: StreamState;
    let c: StreamState;
    if (ends && t === 0) {
      h = ends[0];
      c = ends[3];
    } else if (ends && t === 1) {
      h = ends[1];
      c = ends[2];
    } else {
      hot.fluid.evaluate(hot.pIn + t * (hot.pOut - hot.pIn), hot.hIn + t * (hot.hOut - hot.hIn), hot.f, hs);
      cold.fluid.evaluate(cold.pOut + t * (cold.pIn - cold.pOut), cold.hOut + t * (cold.hIn - cold.hOut), cold.f, cs);
      h = hs;
      c = cs;
    }
    const dT = h.T - c.T;
    if (profile) {
      profile.t.push(t);
      profile.Thot.push(h.T);
      profile.Tcold.push(c.T);
    }
    if (dT < out.dT) {
      out.dT = dT;
      out.t = t;
      out.Thot = h.T;
      out.Tcold = c.T;
      out.hot.copyFrom(h);
      out.cold.copyFrom(c);
      out.kink = node.kink;
      out.hKink = node.h;
    }
  }
  out.dhKinkdp = 0;
  if (out.kink !== 'none') {
    const side = out.kink === 'hot' ? hot : cold;
    const p = out.kink === 'hot' ? side.pIn + out.t * (side.pOut - side.pIn) : side.pOut + out.t * (side.pIn - side.pOut);
    const dp = 1e-6 * p;
    const up = side.fluid.saturationEnthalpies(p + dp);
    const down = side.fluid.saturationEnthalpies(p - dp);
    const mid = side.fluid.saturationEnthalpies(p);
    if (up && down && mid) {
      const which = Math.abs(mid[0] - out.hKink) < Math.abs(mid[1] - out.hKink) ? 0 : 1;
      out.dhKinkdp = (up[which] - down[which]) / (2 * dp);
    }
  }
  return out;
}

/** Where the profile is tightest, temperatures only (the physics check's answer; pinchTemperatures). */
export interface PinchTemperatures {
  /** Smallest T_hot − T_cold over the nodes. Unit: K */
  dT: number;
  /** Its node: fraction of the duty from the hot end. Unit: - */
  t: number;
  /** Hot and cold temperatures there. Unit: K */
  Thot: number;
  Tcold: number;
}

/** T at (p, h, f): the medium's temperature-only path where it has one, else from the full state (into `tmp`). */
function temperatureAt(fluid: StreamFluid, p: number, h: number, f: number, tmp: StreamState): number {
  if (fluid.temperature) return fluid.temperature(p, h, f);
  fluid.evaluate(p, h, f, tmp);
  return tmp.T;
}

/**
 * The same nodes, differences and minimum as `internalPinch` (bit for bit: the same (p, h) at each node, the same
 * order and comparison), for a caller that needs only the temperatures — the physics check after every solve: no
 * states copied, no kink derivative, and each medium's temperature-only path where it has one. `ends` are the
 * temperatures at hot in, hot out, cold in, cold out.
 */
export function pinchTemperatures(hot: Side, cold: Side, slices: number, ends: readonly [number, number, number, number], out: PinchTemperatures): PinchTemperatures {
  out.dT = Infinity;
  out.t = NaN;
  out.Thot = NaN;
  out.Tcold = NaN;
  for (const node of nodes(hot, cold, slices)) {
    const t = node.t;
    let Th: number;
    let Tc: number;
    if (t === 0) {
      Th = ends[0];
      Tc = ends[3];
    } else if (t === 1) {
      Th = ends[1];
      Tc = ends[2];
    } else {
      Th = temperatureAt(hot.fluid, hot.pIn + t * (hot.pOut - hot.pIn), hot.hIn + t * (hot.hOut - hot.hIn), hot.f, hs);
      Tc = temperatureAt(cold.fluid, cold.pOut + t * (cold.pIn - cold.pOut), cold.hOut + t * (cold.hIn - cold.hOut), cold.f, cs);
    }
    const dT = Th - Tc;
    if (dT < out.dT) {
      out.dT = dT;
      out.t = t;
      out.Thot = Th;
      out.Tcold = Tc;
    }
  }
  return out;
}

/** The ends' variables a pinch depends on, for its gradient. */
export interface PinchVariables {
  readonly hHotIn: number;
  readonly hHotOut: number;
  readonly pHotIn: number;
  readonly pHotOut: number;
  readonly hColdIn: number;
  readonly hColdOut: number;
  readonly pColdIn: number;
  readonly pColdOut: number;
}

/**
 * ∂(T_hot − T_cold)/∂(end variables) at the pinch node. At a uniform node t is fixed; at a phase-change node t moves
 * with the ends (t = (h_h,in − h_sat)/(h_h,in − h_h,out) on the hot side) while that side's enthalpy stays h_sat, so
 * only its pressure moves its temperature there (t is where h(t) = h_sat(p(t)), found by fixed-point steps).
 */
export function pinchGradient(hot: Side, cold: Side, q: PinchPoint, add: (variable: keyof PinchVariables, d: number) => void): void {
  const t = q.t;
  let dt: Partial<Record<keyof PinchVariables, number>> = {};
  const hs = q.dhKinkdp;
  if (q.kink === 'hot') {
    // 0 = h_in + t (h_out − h_in) − h_sat(p_in + t (p_out − p_in)), differentiated
    const den = hot.hIn - hot.hOut + hs * (hot.pOut - hot.pIn);
    dt = { hHotIn: (1 - t) / den, hHotOut: t / den, pHotIn: (-hs * (1 - t)) / den, pHotOut: (-hs * t) / den };
  } else if (q.kink === 'cold') {
    // 0 = h_out + t (h_in − h_out) − h_sat(p_out + t (p_in − p_out))
    const den = cold.hOut - cold.hIn + hs * (cold.pIn - cold.pOut);
    dt = { hColdOut: (1 - t) / den, hColdIn: t / den, pColdOut: (-hs * (1 - t)) / den, pColdIn: (-hs * t) / den };
  }
  const h = q.hot;
  const c = q.cold;
  // ∂ΔT/∂t along the profile, with the kink side's enthalpy held at h_sat
  const dTdt =
    (q.kink === 'hot' ? 0 : h.dTdh * (hot.hOut - hot.hIn)) +
    h.dTdp * (hot.pOut - hot.pIn) -
    (q.kink === 'cold' ? 0 : c.dTdh * (cold.hIn - cold.hOut)) -
    c.dTdp * (cold.pIn - cold.pOut);
  if (q.kink !== 'hot') {
    add('hHotIn', h.dTdh * (1 - t));
    add('hHotOut', h.dTdh * t);
  }
  add('pHotIn', h.dTdp * (1 - t));
  add('pHotOut', h.dTdp * t);
  if (q.kink !== 'cold') {
    add('hColdOut', -c.dTdh * (1 - t));
    add('hColdIn', -c.dTdh * t);
  }
  add('pColdOut', -c.dTdp * (1 - t));
  add('pColdIn', -c.dTdp * t);
  for (const [k, v] of Object.entries(dt)) add(k as keyof PinchVariables, dTdt * (v as number));
}

/**
 * UA from the discretised profile: Σ over slices of dQ / LMTD_slice, with the duty Q spread evenly over the
 * slices. Differences below `floor` count as `floor` (a crossed profile has no finite UA). Unit: W/K
 */
export function conductance(hot: Side, cold: Side, Q: number, slices: number, floor = 1e-3): number {
  let ua = 0;
  let prev = NaN;
  for (let k = 0; k <= slices; k++) {
    const t = k / slices;
    hot.fluid.evaluate(hot.pIn + t * (hot.pOut - hot.pIn), hot.hIn + t * (hot.hOut - hot.hIn), hot.f, hs);
    cold.fluid.evaluate(cold.pOut + t * (cold.pIn - cold.pOut), cold.hOut + t * (cold.hIn - cold.hOut), cold.f, cs);
    const dT = Math.max(hs.T - cs.T, floor);
    if (k > 0) ua += Q / slices / logMean(prev, dT);
    prev = dT;
  }
  return ua;
}

/** (a − b)/ln(a/b), continuous at a = b. */
export function logMean(a: number, b: number): number {
  const r = a / b;
  if (Math.abs(r - 1) < 1e-6) return 0.5 * (a + b);
  return (a - b) / Math.log(r);
}
