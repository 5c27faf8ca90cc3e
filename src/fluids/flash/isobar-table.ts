import type { PureFluid } from '../pure/pure-fluid.js';
import { SaturationPoint } from '../pure/saturation.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';
import { DensityResult, densityTP } from './density-tp.js';

/** One branch of one isobar: T rising, with h, s and ln ρ along it (molar). */
interface Segment {
  readonly T: Float64Array;
  readonly h: Float64Array;
  readonly s: Float64Array;
  readonly lnRho: Float64Array;
}

/**
 * One isobar: split at the saturation temperature into a liquid and a vapour branch (pure fluids below p_c), or one
 * branch. Each branch is built the first time a query needs it; where the liquid branch ends (its last T, h, s) is
 * known from the start, which is what a query on either side asks first.
 */
interface Isobar {
  /** Unit: Pa */
  readonly p: number;
  /** Below the saturation temperature, or the whole isobar. */
  liquid(): Segment;
  /** Above the saturation temperature; the whole isobar where it is not split. */
  vapor(): Segment;
  /** The liquid branch's last point (molar h, s), where the isobar is split; undefined where it is not. */
  readonly liquidEnd?: { readonly T: number; readonly h: number; readonly s: number };
  /** Whether the liquid branch has been built. */
  liquidBuilt(): boolean;
}

export type TableBranch = 'liquid' | 'vapor' | 'any';

/** Where a guess is written. */
export class Guess {
  /** Unit: K */
  T = 0;
  /** Unit: mol/m³ */
  rhoMolar = 0;
}

const POINTS_PER_SEGMENT = 48;
const ISOBARS = 56;
/** Extra isobars from 0.9 p_c to 1.15 p_c and extra points from 0.98 T_c to 1.08 T_c: there h, s and ρ change
 *  steeply with T and p, and guesses from the coarse grid cost near-critical flashes several Newton steps or a
 *  fall-back to the bracketed search. */
const NEAR_CRITICAL_ISOBARS = 24;
const NEAR_CRITICAL_POINTS = 32;

/**
 * Starting values for the flashes: a coarse table of isobars (ln p spaced, each split at the saturation
 * temperature). A query interpolates linearly along the two neighbouring isobars (in h or s, or in T) and between
 * them in ln p. Only a starting value: the flash then converges on the EOS itself.
 *
 * Each branch of each isobar is built the first time a query needs it (40–100 (T,p) states, about 1 ms), not the
 * whole table up front (about 7,000–13,000 states, 70–600 ms): a process that flashes a few gas states pays for
 * a few vapour branches. Branches are independent of one another (each density solve starts from its own guess),
 * so the values are the same whichever order they are built in. Building runs density solves: `builds` counts
 * the branches built, so that a caller holding module scratch across a query can tell it was overwritten.
 */
export class IsobarTable {
  private readonly isobars: (Isobar | undefined)[];
  private readonly pressures: readonly number[];
  private readonly lnp: Float64Array;
  private readonly fluid: PureFluid;

  constructor(fluid: PureFluid) {
    this.fluid = fluid;
    const plo = Math.max(fluid.pmin * 1e3, Math.min(fluid.saturation.pmin, 100));
    const phi = fluid.pmax;
    const pressures: number[] = [];
    for (let k = 0; k < ISOBARS; k++) pressures.push(Math.exp(Math.log(plo) + (k / (ISOBARS - 1)) * (Math.log(phi) - Math.log(plo))));
    const pc = fluid.critical.p;
    for (let k = 0; k < NEAR_CRITICAL_ISOBARS; k++) {
      const p = pc * Math.exp(Math.log(0.9) + ((k + 0.5) / NEAR_CRITICAL_ISOBARS) * (Math.log(1.15) - Math.log(0.9)));
      if (p > plo && p < phi) pressures.push(p);
    }
    pressures.sort((a, b) => a - b);
    this.pressures = pressures;
    this.lnp = Float64Array.from(pressures, (p) => Math.log(p));
    this.isobars = new Array<Isobar | undefined>(pressures.length).fill(undefined);
  }

  /** Branches built so far. */
  builds = 0;

  /** The k-th isobar (its branches are built on first use). */
  private isobar(k: number): Isobar {
    return (this.isobars[k] ??= buildIsobar(this.fluid, this.pressures[k], () => this.builds++));
  }

  /** A starting (T, ρ) for the state at p with molar h (or s) = target on the given branch. */
  byProperty(p: number, target: number, which: 'h' | 's', branch: TableBranch, out: Guess): Guess {
    const k = this.bracket(p);
    const w = this.weight;
    this.along(this.isobar(k), target, which, branch);
    const Ta = this.alongT0;
    const lnRhoA = this.alongLnRho;
    this.along(this.isobar(k + 1), target, which, branch);
    out.T = Ta + w * (this.alongT0 - Ta);
    out.rhoMolar = Math.exp(lnRhoA + w * (this.alongLnRho - lnRhoA));
    return out;
  }

  /**
   * A starting density for the state at (T, p) on the given branch ('any': the side of each isobar's own
   * saturation temperature). Unit: mol/m³
   */
  density(T: number, p: number, branch: TableBranch): number {
    const k = this.bracket(p);
    const w = this.weight;
    const a = this.alongT(this.isobar(k), T, branch);
    const b = this.alongT(this.isobar(k + 1), T, branch);
    return Math.exp(a + w * (b - a));
  }

  // the last query's results, in fields rather than returned tuples: a flash makes one query, and allocating its
  // answers was a measurable share of the garbage a flash leaves
  /** bracket's weight of isobar k + 1. */
  private weight = 0;
  /** along's T and ln ρ. */
  private alongT0 = 0;
  private alongLnRho = 0;

  /** The isobar k with p_k ≤ p < p_(k+1) (clamped to the table), its weight in ln p into `weight`. */
  private bracket(p: number): number {
    const x = Math.log(p);
    const lnp = this.lnp;
    let lo = 0;
    let hi = lnp.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (x >= lnp[mid]) lo = mid;
      else hi = mid - 1;
    }
    this.weight = Math.min(1, Math.max(0, (x - lnp[lo]) / (lnp[lo + 1] - lnp[lo])));
    return lo;
  }

  /** T and ln ρ at molar h (or s) = target along one isobar, into `alongT0` and `alongLnRho`. */
  private along(iso: Isobar, target: number, which: 'h' | 's', branch: TableBranch): void {
    const end = iso.liquidEnd;
    const seg = !end || branch === 'liquid' ? iso.liquid() : branch === 'vapor' ? iso.vapor() : withinLiquid(iso, end, target, which) ? iso.liquid() : iso.vapor();
    const x = seg[which];
    const j = search(x, target);
    const w = Math.min(1, Math.max(0, (target - x[j]) / (x[j + 1] - x[j])));
    this.alongT0 = seg.T[j] + w * (seg.T[j + 1] - seg.T[j]);
    this.alongLnRho = seg.lnRho[j] + w * (seg.lnRho[j + 1] - seg.lnRho[j]);
  }

  private alongT(iso: Isobar, T: number, branch: TableBranch): number {
    const end = iso.liquidEnd;
    const seg = !end || branch === 'liquid' ? iso.liquid() : branch === 'vapor' ? iso.vapor() : T <= end.T ? iso.liquid() : iso.vapor();
    const j = search(seg.T, T);
    const w = Math.min(1, Math.max(0, (T - seg.T[j]) / (seg.T[j + 1] - seg.T[j])));
    return seg.lnRho[j] + w * (seg.lnRho[j + 1] - seg.lnRho[j]);
  }
}

/**
 * For a query on either side ('any'): whether molar h (or s) = target lies within the liquid branch of a split
 * isobar whose liquid branch ends at `end`. The liquid branch's last h or s may have been nudged up by round-off
 * (see segment): near it, the branch is built and compared with its own last value, so that the side chosen is the
 * same as with every branch built.
 */
function withinLiquid(iso: Isobar, end: NonNullable<Isobar['liquidEnd']>, target: number, which: 'h' | 's'): boolean {
  const near = Math.abs(target - end[which]) <= 1e-6 * (Math.abs(end[which]) + 1);
  if (!near && !iso.liquidBuilt()) return target <= end[which];
  const x = iso.liquid()[which];
  return target <= x[x.length - 1];
}

/** Index j with x[j] ≤ v < x[j+1] (clamped to the ends) in an increasing array. */
function search(x: Float64Array, v: number): number {
  let lo = 0;
  let hi = x.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (v >= x[mid]) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const tables = new WeakMap<PureFluid, IsobarTable>();

/** The fluid's table, built on first use. */
export function isobarTable(fluid: PureFluid): IsobarTable {
  let t = tables.get(fluid);
  if (!t) {
    t = new IsobarTable(fluid);
    tables.set(fluid, t);
  }
  return t;
}

/** One isobar of the table; `built` is told of each branch built. */
function buildIsobar(fluid: PureFluid, p: number, built: () => void): Isobar {
  const sat = fluid.saturation;
  const lazy = (make: () => Segment) => {
    let seg: Segment | undefined;
    return {
      get: (): Segment => {
        if (!seg) {
          seg = make();
          built();
        }
        return seg;
      },
      built: () => seg !== undefined,
    };
  };
  if (p < sat.pmax && p >= sat.pminLiquid) {
    const sp = new SaturationPoint();
    const TL = sat.temperature(p, 'liquid');
    const TV = sat.temperature(p, 'vapor');
    sat.atT(TL, sp);
    const rhoL = sp.rhoL;
    sat.atT(TV, sp);
    const rhoV = sp.rhoV;
    const Tlow = fluid.lowestTemperature(p);
    const liquid = lazy(() => segment(fluid, p, Tlow, TL, 'liquid', [rhoV, rhoL]));
    const vapor = lazy(() => segment(fluid, p, TV, fluid.Tmax, 'vapor', [rhoV, rhoL]));
    // the liquid branch's last point as segment() computes it (before its round-off nudge)
    const ts = temperatures(fluid.critical.T, Tlow, TL);
    const Tend = ts[ts.length - 1];
    const m = evaluateProperties(fluid.eos, Tend, rhoL, new MolarProperties());
    return { p, liquid: liquid.get, vapor: vapor.get, liquidEnd: { T: Tend, h: m.hMolar, s: m.sMolar }, liquidBuilt: liquid.built };
  }
  if (p < sat.pminLiquid && p >= sat.pmin) {
    const one = lazy(() => {
      const sp = new SaturationPoint();
      const TV = sat.temperature(p, 'vapor');
      sat.atT(TV, sp);
      return segment(fluid, p, TV, fluid.Tmax, 'vapor', [sp.rhoV, sp.rhoL]);
    });
    return { p, liquid: one.get, vapor: one.get, liquidBuilt: one.built };
  }
  const one = lazy(() => segment(fluid, p, fluid.lowestTemperature(p), fluid.Tmax, 'auto', undefined));
  return { p, liquid: one.get, vapor: one.get, liquidBuilt: one.built };
}

/** The temperatures of one branch from T0 to T1: denser near the ends (saturation) and near the critical point. */
function temperatures(Tc: number, T0: number, T1: number): number[] {
  const ts: number[] = [];
  const n = POINTS_PER_SEGMENT;
  for (let j = 0; j < n; j++) {
    // denser near the ends (saturation and the critical region), ln T spacing inside
    const u = 0.5 - 0.5 * Math.cos((Math.PI * j) / (n - 1));
    ts.push(j === 0 ? T0 : j === n - 1 ? T1 : Math.exp(Math.log(T0) + u * (Math.log(T1) - Math.log(T0))));
  }
  const a = Math.max(T0, 0.98 * Tc);
  const b = Math.min(T1, 1.08 * Tc);
  for (let j = 1; j < NEAR_CRITICAL_POINTS && a < b; j++) ts.push(a + (j / NEAR_CRITICAL_POINTS) * (b - a));
  ts.sort((x, y) => x - y);
  return ts.filter((t, j) => j === 0 || t - ts[j - 1] > 1e-6 * t);
}

/** One branch of one isobar; `ends` are the saturated vapour and liquid densities where the branch meets the dome. */
function segment(fluid: PureFluid, p: number, T0: number, T1: number, branch: 'liquid' | 'vapor' | 'auto', ends: [number, number] | undefined): Segment {
  const dr = new DensityResult();
  const m = new MolarProperties();
  const ts = temperatures(fluid.critical.T, T0, T1);
  const n = ts.length;
  const T = new Float64Array(n);
  const h = new Float64Array(n);
  const s = new Float64Array(n);
  const lnRho = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const t = ts[j];
    let rho: number;
    if (ends && j === 0 && branch === 'vapor') rho = ends[0];
    else if (ends && j === n - 1 && branch === 'liquid') rho = ends[1];
    else rho = densityTP(fluid, t, p, branch, dr).rhoMolar;
    evaluateProperties(fluid.eos, t, rho, m);
    T[j] = t;
    h[j] = m.hMolar;
    s[j] = m.sMolar;
    lnRho[j] = Math.log(rho);
  }
  // keep the arrays strictly increasing in h and s (they are, to round-off; make it certain for the search)
  for (let j = 1; j < n; j++) {
    if (!(h[j] > h[j - 1])) h[j] = h[j - 1] * (1 + 1e-15) + 1e-12;
    if (!(s[j] > s[j - 1])) s[j] = s[j - 1] + 1e-12;
  }
  return { T, h, s, lnRho };
}
