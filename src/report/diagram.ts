/**
 * What a p–h or T–s diagram of a working fluid needs, computed with src/fluids: the saturation dome (saturated
 * liquid and vapour from the triple point to the critical point, `fluid(name).saturationAtT`), isotherms for the
 * p–h diagram and isobars for the T–s diagram, over the range of the plant's process paths when they are given.
 * A fluid whose dome lies far below the plant's states (air in CAES: critical at 132.5 K, the plant at 290–700 K)
 * gets `domeInRange: false`; the chart then draws isolines only and says why.
 */
import { fluid, type Fluid } from '../fluids/index.js';
import type { ProcessPathData } from '../plant/network/solution.js';
import type { PlantDetail } from '../project/index.js';

/** A state on a diagram line; SI: T K, p Pa, h J/kg, s J/(kg K). */
export interface DiagramPoint {
  readonly T: number;
  readonly p: number;
  readonly h: number;
  readonly s: number;
}

export interface PropertyDiagramData {
  /** The src/fluids name of the fluid. */
  readonly fluid: string;
  /** The critical point with its h and s, null for a fluid without one. */
  readonly critical: DiagramPoint | null;
  readonly triple: { readonly T: number; readonly p: number } | null;
  /** Saturated liquid and vapour from the triple point (first) to the critical point (last). */
  readonly dome: { readonly liquid: DiagramPoint[]; readonly vapor: DiagramPoint[] } | null;
  /** Whether the dome lies where the plant's states are (see the header). */
  readonly domeInRange: boolean;
  /** Constant-temperature lines (for p–h), points by increasing pressure. T in K. */
  readonly isotherms: { readonly T: number; readonly points: DiagramPoint[] }[];
  /** Constant-pressure lines (for T–s), points by increasing temperature. p in Pa. */
  readonly isobars: { readonly p: number; readonly points: DiagramPoint[] }[];
  /** The region the isolines cover; K and Pa. */
  readonly range: { readonly Tmin: number; readonly Tmax: number; readonly pmin: number; readonly pmax: number };
}

export interface PropertyDiagramOptions {
  /** Process paths whose states set the range (only those of this fluid are used). */
  readonly paths?: readonly ProcessPathData[];
  /** Temperature range; K. Default: the paths' range with a margin, or the fluid's usual range. */
  readonly T?: readonly [number, number];
  /** Pressure range; Pa. */
  readonly p?: readonly [number, number];
  /** Isotherm temperatures; K. Default: round values over the range. */
  readonly isotherms?: readonly number[];
  /** Isobar pressures; Pa. Default: 1–2–5 steps over the range. */
  readonly isobars?: readonly number[];
}

export const DIAGRAM_DEFAULTS = {
  /** Points on each branch of the dome. */
  domePoints: 60,
  /** Points on each isoline. */
  linePoints: 48,
  /** The dome counts as in range when the coldest plant state is below this multiple of the critical temperature. */
  domeReach: 1.2,
  /** Margins around the paths' states: K below and above, and a factor on pressure. */
  marginBelow: 20,
  marginAbove: 30,
  pressureFactor: 1.4,
} as const;

/** The src/fluids name of a path's fluid, or undefined for a fluid src/fluids does not model (a thermal oil). */
export function diagramFluidName(name: string): string | undefined {
  try {
    return fluid(name).name;
  } catch {
    return undefined;
  }
}

/** The working fluid of a plant: the modelled fluid with the most path points over charge and discharge. */
export function workingFluid(detail: Pick<PlantDetail, 'charge' | 'discharge'>): string | undefined {
  const counts = new Map<string, number>();
  for (const path of [...detail.charge.paths, ...detail.discharge.paths]) {
    const name = diagramFluidName(path.fluid);
    if (name) counts.set(name, (counts.get(name) ?? 0) + path.points.length);
  }
  let best: string | undefined;
  for (const [name, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = name;
  return best;
}

/** The paths of one fluid (by its src/fluids name). */
export function pathsOf(paths: readonly ProcessPathData[], fluidName: string): ProcessPathData[] {
  const name = diagramFluidName(fluidName);
  return paths.filter((p) => diagramFluidName(p.fluid) === name);
}

export function propertyDiagramData(fluidName: string, options: PropertyDiagramOptions = {}): PropertyDiagramData {
  const f = fluid(fluidName);
  const d = DIAGRAM_DEFAULTS;
  const own = pathsOf(options.paths ?? [], f.name).flatMap((p) => p.points);
  const dome = saturationDome(f);
  const minPathT = own.length ? Math.min(...own.map((q) => q.T)) : undefined;
  const domeInRange = dome !== null && (minPathT === undefined || minPathT <= d.domeReach * f.critical.T);

  let [Tmin, Tmax] = options.T ?? (own.length ? [minPathT! - d.marginBelow, Math.max(...own.map((q) => q.T)) + d.marginAbove] : [f.triple.T, Math.max(2 * f.critical.T, 600)]);
  let [pmin, pmax] = options.p ?? (own.length ? [Math.min(...own.map((q) => q.p)) / d.pressureFactor, Math.max(...own.map((q) => q.p)) * d.pressureFactor] : [f.triple.p, 4 * f.critical.p]);
  if (domeInRange && !options.T) Tmin = Math.min(Tmin, f.triple.T);
  if (domeInRange && !options.p) pmin = Math.min(pmin, f.triple.p);
  Tmin = Math.max(Tmin, f.Tmin);
  Tmax = Math.min(Tmax, f.Tmax);
  pmin = Math.max(pmin, 1);
  pmax = Math.min(pmax, f.pmax);

  const isotherms = (options.isotherms ?? roundTemperatures(Tmin, Tmax, domeInRange ? f.critical.T : undefined)).map((T) => ({ T, points: isotherm(f, T, pmin, pmax, domeInRange) }));
  const isobars = (options.isobars ?? roundPressures(pmin, pmax)).map((p) => ({ p, points: isobar(f, p, Tmin, Tmax, domeInRange) }));
  const critical = dome ? dome.liquid[dome.liquid.length - 1] : null;
  return {
    fluid: f.name,
    critical,
    triple: dome ? { T: f.triple.T, p: f.triple.p } : null,
    dome,
    domeInRange,
    isotherms: isotherms.filter((l) => l.points.length > 1),
    isobars: isobars.filter((l) => l.points.length > 1),
    range: { Tmin, Tmax, pmin, pmax },
  };
}

/** Saturated liquid and vapour from the triple point to the critical point, denser towards the critical point. */
function saturationDome(f: Fluid): PropertyDiagramData['dome'] {
  const n = DIAGRAM_DEFAULTS.domePoints;
  const liquid: DiagramPoint[] = [];
  const vapor: DiagramPoint[] = [];
  for (let k = 0; k <= n; k++) {
    const u = k / n;
    // T = Tt + (Tc − Tt)(1 − (1 − u)²): steps shrink to zero at Tc, where the dome turns
    const T = k === n ? f.critical.T : f.triple.T + (f.critical.T - f.triple.T) * (1 - (1 - u) ** 2);
    try {
      const s = f.saturationAtT(T);
      liquid.push({ T, p: s.liquid.p, h: s.liquid.h, s: s.liquid.s });
      vapor.push({ T, p: s.vapor.p, h: s.vapor.h, s: s.vapor.s });
    } catch {
      if (k === 0) return null; // no saturation curve at all
    }
  }
  return liquid.length > 1 ? { liquid, vapor } : null;
}

/** An isotherm by increasing pressure; below the critical temperature it crosses the dome flat at p_sat. */
function isotherm(f: Fluid, T: number, pmin: number, pmax: number, withDome: boolean): DiagramPoint[] {
  const n = DIAGRAM_DEFAULTS.linePoints;
  let sat: { p: number; vapor: DiagramPoint; liquid: DiagramPoint } | undefined;
  if (withDome && T < f.critical.T) {
    try {
      const s = f.saturationAtT(T);
      sat = { p: s.vapor.p, vapor: pointOf(s.vapor), liquid: pointOf(s.liquid) };
    } catch {
      sat = undefined;
    }
  }
  const out: DiagramPoint[] = [];
  let crossed = false;
  for (let k = 0; k <= n; k++) {
    const p = pmin * (pmax / pmin) ** (k / n);
    if (sat && !crossed && p >= sat.p) {
      if (sat.p >= pmin && sat.p <= pmax) out.push(sat.vapor, sat.liquid);
      crossed = true;
    }
    // a state within 0.1 % of p_sat would land on the metastable side of the flat part
    if (sat && Math.abs(p / sat.p - 1) < 1e-3) continue;
    const q = stateAt(f, T, p);
    if (q) out.push(q);
  }
  return out;
}

/** An isobar by increasing temperature; below the critical pressure it crosses the dome flat at T_sat. */
function isobar(f: Fluid, p: number, Tmin: number, Tmax: number, withDome: boolean): DiagramPoint[] {
  const n = DIAGRAM_DEFAULTS.linePoints;
  let sat: { T: number; vapor: DiagramPoint; liquid: DiagramPoint } | undefined;
  if (withDome && p < f.critical.p && p >= f.triple.p) {
    try {
      const s = f.saturationAtP(p);
      sat = { T: s.liquid.T, liquid: pointOf(s.liquid), vapor: pointOf(s.vapor) };
    } catch {
      sat = undefined;
    }
  }
  const out: DiagramPoint[] = [];
  let crossed = false;
  for (let k = 0; k <= n; k++) {
    const T = Tmin + ((Tmax - Tmin) * k) / n;
    if (sat && !crossed && T >= sat.T) {
      if (sat.T >= Tmin && sat.T <= Tmax) out.push(sat.liquid, sat.vapor);
      crossed = true;
    }
    if (sat && Math.abs(T - sat.T) < 0.05) continue;
    const q = stateAt(f, T, p);
    if (q) out.push(q);
  }
  return out;
}

function pointOf(s: { T: number; p: number; h: number; s: number }): DiagramPoint {
  return { T: s.T, p: s.p, h: s.h, s: s.s };
}

/** A single-phase state, or undefined outside the equation's range (the line simply skips it). */
function stateAt(f: Fluid, T: number, p: number): DiagramPoint | undefined {
  try {
    return pointOf(f.tp(T, p));
  } catch {
    return undefined;
  }
}

/** Round temperatures (K) at 10/20/25/50/100/200 K steps in °C, about six over the range, with T_c when given. */
export function roundTemperatures(Tmin: number, Tmax: number, Tc?: number): number[] {
  const span = Tmax - Tmin;
  const step = [10, 20, 25, 50, 100, 200, 500].find((s) => span / s <= 7) ?? 1000;
  const out: number[] = [];
  for (let c = Math.ceil((Tmin - 273.15) / step) * step; c + 273.15 <= Tmax; c += step) out.push(c + 273.15);
  if (Tc !== undefined && Tc > Tmin && Tc < Tmax && out.every((T) => Math.abs(T - Tc) > step / 4)) out.push(Tc);
  return out.sort((a, b) => a - b);
}

/** Round pressures (Pa) at 1–2–5 steps of bar over the range, thinned to decades when there would be more than nine. */
export function roundPressures(pmin: number, pmax: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(pmin)); e <= Math.ceil(Math.log10(pmax)); e++) {
    for (const m of [1, 2, 5]) {
      const p = m * 10 ** e;
      if (p >= pmin && p <= pmax) out.push(p);
    }
  }
  return out.length > 9 ? out.filter((p) => Math.abs(Math.log10(p) - Math.round(Math.log10(p))) < 1e-9) : out;
}
