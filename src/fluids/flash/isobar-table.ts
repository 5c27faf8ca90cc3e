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

interface Isobar {
  /** Unit: Pa */
  readonly p: number;
  /** Below the saturation temperature (pure fluids below pc), or the whole isobar. */
  readonly liquid: Segment;
  /** Above the saturation temperature; undefined at and above the critical pressure. */
  readonly vapor?: Segment;
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
 * Each isobar is built the first time a query needs it (about 80–160 (T,p) states, 1–2 ms), not the whole table
 * up front (about 7,000–13,000 states, 70–600 ms): a process that flashes a few states pays for a few isobars.
 * The isobars are independent of one another (each density solve starts from its own guess), so the values are
 * the same whichever order they are built in.
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

  /**
   * Builds the two isobars around p now, if not yet built. A caller that keeps module scratch (a saturation point)
   * across its query calls this first: building runs density solves that reuse the same scratch.
   */
  prepare(p: number): this {
    const [k] = this.bracket(p);
    this.isobar(k);
    this.isobar(k + 1);
    return this;
  }

  /** The k-th isobar, built on first use. */
  private isobar(k: number): Isobar {
    return (this.isobars[k] ??= buildIsobar(this.fluid, this.pressures[k]));
  }

  /** A starting (T, ρ) for the state at p with molar h (or s) = target on the given branch. */
  byProperty(p: number, target: number, which: 'h' | 's', branch: TableBranch, out: Guess): Guess {
    const [k, w] = this.bracket(p);
    const a = this.along(this.isobar(k), target, which, branch);
    const b = this.along(this.isobar(k + 1), target, which, branch);
    out.T = a[0] + w * (b[0] - a[0]);
    out.rhoMolar = Math.exp(a[1] + w * (b[1] - a[1]));
    return out;
  }

  /**
   * A starting density for the state at (T, p) on the given branch ('any': the side of each isobar's own
   * saturation temperature). Unit: mol/m³
   */
  density(T: number, p: number, branch: TableBranch): number {
    const [k, w] = this.bracket(p);
    const a = this.alongT(this.isobar(k), T, branch);
    const b = this.alongT(this.isobar(k + 1), T, branch);
    return Math.exp(a + w * (b - a));
  }

  private bracket(p: number): [number, number] {
    const x = Math.log(p);
    const lnp = this.lnp;
    let lo = 0;
    let hi = lnp.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (x >= lnp[mid]) lo = mid;
      else hi = mid - 1;
    }
    const w = Math.min(1, Math.max(0, (x - lnp[lo]) / (lnp[lo + 1] - lnp[lo])));
    return [lo, w];
  }

  private segmentOf(iso: Isobar, branch: TableBranch, inRange: (s: Segment) => boolean): Segment {
    if (!iso.vapor || branch === 'liquid') return iso.liquid;
    if (branch === 'vapor') return iso.vapor;
    return inRange(iso.liquid) ? iso.liquid : iso.vapor;
  }

  private along(iso: Isobar, target: number, which: 'h' | 's', branch: TableBranch): [number, number] {
    const seg = this.segmentOf(iso, branch, (s) => target <= s[which][s[which].length - 1]);
    const x = seg[which];
    const j = search(x, target);
    const w = Math.min(1, Math.max(0, (target - x[j]) / (x[j + 1] - x[j])));
    return [seg.T[j] + w * (seg.T[j + 1] - seg.T[j]), seg.lnRho[j] + w * (seg.lnRho[j + 1] - seg.lnRho[j])];
  }

  private alongT(iso: Isobar, T: number, branch: TableBranch): number {
    const seg = this.segmentOf(iso, branch, (s) => T <= s.T[s.T.length - 1]);
    const j = search(seg.T, T);
    const w = Math.min(1, Math.max(0, (T - seg.T[j]) / (seg.T[j + 1] - seg.T[j])));
    return seg.lnRho[j] + w * (seg.lnRho[j + 1] - seg.lnRho[j]);
  }
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

/** One isobar of the table: its liquid and vapour branches split at the saturation temperature, or one branch. */
function buildIsobar(fluid: PureFluid, p: number): Isobar {
  const sat = fluid.saturation;
  const Tlow = fluid.lowestTemperature(p);
  if (p < sat.pmax && p >= sat.pminLiquid) {
    const sp = new SaturationPoint();
    const TL = sat.temperature(p, 'liquid');
    const TV = sat.temperature(p, 'vapor');
    sat.atT(TL, sp);
    const rhoL = sp.rhoL;
    sat.atT(TV, sp);
    const rhoV = sp.rhoV;
    return { p, liquid: segment(fluid, p, Tlow, TL, 'liquid', [rhoV, rhoL]), vapor: segment(fluid, p, TV, fluid.Tmax, 'vapor', [rhoV, rhoL]) };
  }
  if (p < sat.pminLiquid && p >= sat.pmin) {
    const sp = new SaturationPoint();
    const TV = sat.temperature(p, 'vapor');
    sat.atT(TV, sp);
    const seg = segment(fluid, p, TV, fluid.Tmax, 'vapor', [sp.rhoV, sp.rhoL]);
    return { p, liquid: seg, vapor: seg };
  }
  return { p, liquid: segment(fluid, p, Tlow, fluid.Tmax, 'auto', undefined) };
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
