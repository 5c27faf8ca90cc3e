/**
 * The property-based fuzz campaign over every flash of every fluid (fast-check), shared by the CI test
 * (src/fluids/fuzz.test.ts: fixed seed, bounded count) and the long run (scripts/fuzz.ts: seed and count as
 * arguments). Test-only: never imported by run-time code (and excluded from the build).
 *
 * Two kinds of cases:
 *  - states that exist: an origin state (from (ρ, T), (T, Q) or (T, p)) drawn with a bias towards the edges — the
 *    critical point, the critical density at any temperature, the triple point, the melting line — whose own
 *    values are fed to every input pair that can describe it. Each must give a state (no error; except on the
 *    range's own edge, within 1e-8 of the melting line or pmax), and that state must reproduce its inputs.
 *  - raw inputs: any doubles (NaN, ±Infinity, 0, extremes) mixed with values around the same edges, for every pair.
 *    Each gives a state that reproduces its inputs, or a FluidInputError / FluidSolveError that names the fluid.
 * Every returned state (and its saturated phases) must hold no NaN or Infinity (null only where FluidState says a
 * property may be null), reproduce its inputs within FLASH_TOLERANCE — p judged by the EOS's p(T, ρ), or the
 * saturation pressure at T for a two-phase state, not by the number copied from the input — be an equilibrium
 * state (stable, outside the saturation dome, not solid) and serialise to JSON; every call must end within a
 * time bound.
 */
import fc from 'fast-check';
import { fluid, FluidInputError, FluidSolveError, type Fluid, type FluidState, type ReferenceStateName } from '../index.js';
import { evaluateProperties, MolarProperties } from '../eos/properties.js';
import { SaturationPoint } from '../pure/saturation.js';
import { flashTolerance, type FlashInput } from '../flash/verify.js';

/** The input pairs, as the Fluid methods name them. */
export const PAIRS = ['tp', 'ph', 'ps', 'hs', 'du', 'dt', 'pq', 'tq'] as const;
export type Pair = (typeof PAIRS)[number];

const KEYS: Record<Pair, [FlashInput, FlashInput]> = {
  tp: ['T', 'p'],
  ph: ['p', 'h'],
  ps: ['p', 's'],
  hs: ['h', 's'],
  du: ['rho', 'u'],
  dt: ['rho', 'T'],
  pq: ['p', 'Q'],
  tq: ['T', 'Q'],
};

/** Properties a state must have as finite numbers. */
const REQUIRED = ['T', 'p', 'rho', 'rhoMolar', 'h', 's', 'u', 'g', 'hMolar', 'sMolar', 'uMolar', 'Z'] as const;
/** Properties FluidState documents as possibly null. */
const NULLABLE = ['Q', 'cp', 'cv', 'cpMolar', 'cvMolar', 'w', 'jouleThomson', 'isothermalCompressibility', 'dpdT_rho', 'fugacityCoefficient', 'mu', 'k'] as const;

export interface FuzzOptions {
  readonly seed: number;
  /** fast-check runs per fluid and kind of case. */
  readonly numRuns: number;
  /** The longest a single flash call may take. Unit: ms */
  readonly callTimeMs: number;
  readonly fluids: readonly string[];
  /** The h, s reference state of the fluids (default DEF). */
  readonly referenceState?: ReferenceStateName;
}

/** What the campaign saw (for the long run's report). */
export class FuzzTally {
  calls = 0;
  states = 0;
  inputErrors = 0;
  solveErrors = 0;
  /** Unit: ms */
  slowest = 0;
  slowestCall = '';
  /** The first few solver errors (on raw inputs, where they are allowed), to read. */
  readonly solveErrorSamples: string[] = [];
}

function call(f: Fluid, pair: Pair, a: number, b: number): FluidState {
  switch (pair) {
    case 'tp':
      return f.tp(a, b);
    case 'ph':
      return f.ph(a, b);
    case 'ps':
      return f.ps(a, b);
    case 'hs':
      return f.hs(a, b);
    case 'du':
      return f.du(a, b);
    case 'dt':
      return f.dt(a, b);
    case 'pq':
      return f.pq(a, b);
    case 'tq':
      return f.tq(a, b);
  }
}

const m = new MolarProperties();
const sp = new SaturationPoint();

/** The state's own value of an input (for p: the EOS's, or the saturation pressure at T for a two-phase state). */
function own(f: Fluid, st: FluidState, key: FlashInput): { value: number; rhoDpdrho: number } {
  const e = f.engine;
  if (key !== 'p') return { value: st[key] as number, rhoDpdrho: 0 };
  if (st.phase === 'twophase') {
    e.saturation.atT(st.T, sp);
    // at the triple point a p a hair below the curve's is the curve's, within what a liquid's density carries
    return { value: e.pseudoPure && st.Q === 1 ? sp.pV : sp.pL, rhoDpdrho: st.T <= e.saturation.Tmin ? e.tripleLiquidStiffness : 0 };
  }
  evaluateProperties(e.eos, st.T, st.rhoMolar, m);
  return { value: m.p, rhoDpdrho: st.rhoMolar * m.dpdrhoMolar };
}

/** Throws an Error naming the case unless `st` is a complete, finite, equilibrium state. */
export function checkState(f: Fluid, st: FluidState, what: string, nested = false): void {
  const fail = (why: string) => {
    throw new Error(`${what}: ${why}\n  state: ${safeJSON(st)}`);
  };
  for (const k of REQUIRED) if (typeof st[k] !== 'number' || !Number.isFinite(st[k])) fail(`${k} = ${st[k]}`);
  for (const k of NULLABLE) {
    const v = st[k];
    if (!(v === null || (typeof v === 'number' && Number.isFinite(v)))) fail(`${k} = ${v}`);
  }
  for (const [k, v] of Object.entries(st)) if (typeof v === 'number' && !Number.isFinite(v)) fail(`${k} = ${v}`);
  let json: string;
  try {
    json = JSON.stringify(st);
  } catch (e) {
    return fail(`JSON.stringify throws: ${(e as Error).message}`);
  }
  const parsed = JSON.parse(json) as Record<string, unknown>;
  for (const k of REQUIRED) if (typeof parsed[k] !== 'number') fail(`${k} is ${parsed[k]} in JSON`);
  const e = f.engine;
  if (!(st.T >= f.Tmin * (1 - 1e-12) && st.T <= f.Tmax * (1 + 1e-12))) fail(`T outside [${f.Tmin}, ${f.Tmax}] K`);
  if (!(st.p > 0 && st.p <= f.pmax * (1 + 1e-9))) fail(`p outside (0, ${f.pmax}] Pa`);
  if (st.phase === 'twophase') {
    if (st.Q === null || !(st.Q >= 0 && st.Q <= 1)) fail(`two-phase with Q = ${st.Q}`);
    if (nested) return;
    if (!st.liquid || !st.vapor) {
      if (!e.pseudoPure) fail('two-phase state without its saturated phases');
    } else {
      checkState(f, st.liquid, `${what} (liquid)`, true);
      checkState(f, st.vapor, `${what} (vapour)`, true);
      if (!e.pseudoPure && !(st.rho <= st.liquid.rho * (1 + 1e-12) && st.rho >= st.vapor.rho * (1 - 1e-12))) fail('mixture density outside the saturated densities');
    }
    return;
  }
  // single phase: not solid (a saturated liquid may lie a hair above the melting line: near the triple point the
  // published line passes about 1e-7 below the EOS's saturation pressure), stable ((∂p/∂ρ)_T ≥ 0 to round-off) and, below T_c,
  // outside the saturation dome
  const pm = e.meltingPressure(st.T);
  const saturatedLiquid = st.T < e.saturation.Tmax && st.p <= e.saturation.atT(st.T, sp).pL * (1 + 1e-9);
  if (pm !== undefined && st.p > pm * (1 + 1e-9) && !saturatedLiquid) fail(`solid: p above the melting pressure ${pm} Pa`);
  evaluateProperties(e.eos, st.T, st.rhoMolar, m);
  if (!(m.dpdrhoMolar > -1e-12 * e.eos.R * st.T)) fail(`unstable: (∂p/∂ρ)_T = ${m.dpdrhoMolar}`);
  if (st.T < e.critical.T && st.T < e.saturation.Tmax) {
    e.saturation.atT(st.T, sp);
    if (st.rhoMolar < sp.rhoL * (1 - 1e-9) && st.rhoMolar > sp.rhoV * (1 + 1e-9)) {
      fail(`single-phase inside the saturation dome (ρ'' = ${sp.rhoV * e.eos.M}, ρ' = ${sp.rhoL * e.eos.M} kg/m3)`);
    }
  }
}

/** Throws unless the state reproduces (a, b) within FLASH_TOLERANCE. */
export function checkInputs(f: Fluid, pair: Pair, a: number, b: number, st: FluidState, what: string): void {
  const [ka, kb] = KEYS[pair];
  for (const [k, x] of [
    [ka, a],
    [kb, b],
  ] as const) {
    const o = own(f, st, k);
    const tol = flashTolerance(f.engine, k, x, o.rhoDpdrho);
    if (!(Math.abs(o.value - x) <= tol)) {
      throw new Error(`${what}: ${k} = ${o.value} does not reproduce the input ${x} (off by ${o.value - x}, allowed ${tol})\n  state: ${safeJSON(st)}`);
    }
  }
}

function safeJSON(st: unknown): string {
  try {
    return JSON.stringify(st);
  } catch (e) {
    return `(JSON.stringify throws: ${(e as Error).message})`;
  }
}

/**
 * One flash call with every check. `mustSolve`: the inputs describe a state that exists, so an error is a failure
 * (except (T, p) exactly on the saturation line, where no single state is meant and the flash says so).
 */
export function runCase(f: Fluid, pair: Pair, a: number, b: number, mustSolve: boolean, options: FuzzOptions, tally: FuzzTally): FluidState | undefined {
  const what = `${f.name}.${pair}(${a}, ${b})`;
  const t0 = performance.now();
  let st: FluidState | undefined;
  let error: unknown;
  try {
    st = call(f, pair, a, b);
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - t0;
  tally.calls++;
  if (ms > tally.slowest) {
    tally.slowest = ms;
    tally.slowestCall = what;
  }
  if (ms > options.callTimeMs) throw new Error(`${what} took ${ms.toFixed(0)} ms (bound ${options.callTimeMs} ms)`);
  if (st) {
    tally.states++;
    checkState(f, st, what);
    checkInputs(f, pair, a, b, st, what);
    return st;
  }
  if (!(error instanceof FluidInputError || error instanceof FluidSolveError)) {
    throw new Error(`${what} threw ${(error as Error)?.name}: ${(error as Error)?.message}\n${(error as Error)?.stack}`);
  }
  if (error instanceof FluidInputError) tally.inputErrors++;
  else {
    tally.solveErrors++;
    if (tally.solveErrorSamples.length < 20) tally.solveErrorSamples.push(`${what}: ${error.message}`);
  }
  if (!error.message.includes(f.name)) throw new Error(`${what}: the error does not name the fluid: ${error.message}`);
  if (/NaN(?! )/.test(error.message) && !/= NaN/.test(error.message)) throw new Error(`${what}: unexplained NaN in the error: ${error.message}`);
  if (mustSolve && !(pair === 'tp' && /on the saturation line itself/.test(error.message))) {
    throw new Error(`${what}: these inputs describe an existing state, yet: ${error.name}: ${error.message}`);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries

/** 0, or ±10^e with e uniform in [−16, maxExponent]: offsets from an edge down to round-off. */
function offset(maxExponent: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    {
      weight: 6,
      arbitrary: fc.tuple(fc.boolean(), fc.double({ min: -16, max: maxExponent, noNaN: true })).map(([neg, e]) => (neg ? -1 : 1) * 10 ** e),
    },
  );
}

const unit = fc.double({ min: 0, max: 1, noNaN: true });

function logBetween(lo: number, hi: number): fc.Arbitrary<number> {
  return unit.map((u) => Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))));
}

function between(lo: number, hi: number): fc.Arbitrary<number> {
  return unit.map((u) => lo + u * (hi - lo));
}

/** A state that exists, described by how to build it. */
export type Origin = { readonly kind: 'dt'; readonly rho: number; readonly T: number } | { readonly kind: 'tq'; readonly T: number; readonly Q: number } | { readonly kind: 'tp'; readonly T: number; readonly p: number };

/** Origins biased towards the edges of one fluid. */
export function origins(f: Fluid): fc.Arbitrary<Origin> {
  const c = f.critical;
  const Tt = f.triple.T;
  const e = f.engine;
  const rhoMax = e.rhoMaxMolar * e.eos.M;
  const satTop = Math.min(e.saturation.Tmax, c.T);
  const sat = (T: number) => e.saturation.atT(T, new SaturationPoint());
  const Q = fc.oneof(fc.constant(0), fc.constant(1), unit);
  const dt = (rho: number, T: number): Origin => ({ kind: 'dt', rho, T });
  const critical = fc.tuple(offset(-1), offset(-1)).map(([a, b]) => dt(c.rho * (1 + b), c.T * (1 + a)));
  const criticalDensity = fc.tuple(offset(-4), between(Tt, c.T * 1.3)).map(([b, T]) => dt(c.rho * (1 + b), Math.min(f.Tmax, T)));
  const nearCriticalSaturation = fc.tuple(offset(-2), Q).map(([a, q]) => ({ kind: 'tq', T: satTop * (1 - Math.abs(a)), Q: q }) as Origin);
  const triple = fc.oneof(
    fc.tuple(offset(-2), Q).map(([a, q]) => ({ kind: 'tq', T: Math.min(satTop, Tt * (1 + Math.abs(a))), Q: q }) as Origin),
    fc.tuple(offset(-2), offset(-1), fc.boolean()).map(([a, b, liquid]) => {
      const T = Math.min(satTop, Tt * (1 + Math.abs(a)));
      const s = sat(T);
      return dt((liquid ? s.rhoL : s.rhoV) * e.eos.M * (1 + b), T);
    }),
  );
  const melting = meltingTemperatures(f).length
    ? fc.tuple(fc.constantFrom(...meltingTemperatures(f)), unit, offset(-2)).map(([[lo, hi], u, a]) => {
        const T = lo + u * (hi - lo);
        const pm = e.meltingPressure(T) as number;
        return { kind: 'tp', T, p: Math.min(f.pmax, pm) * (1 - Math.abs(a)) } as Origin;
      })
    : critical;
  const anywhere = fc.tuple(logBetween(1e-9 * c.rho, rhoMax), logBetween(f.Tmin, f.Tmax)).map(([rho, T]) => dt(rho, T));
  const saturated = fc.tuple(between(Tt, satTop), Q).map(([T, q]) => ({ kind: 'tq', T, Q: q }) as Origin);
  return fc.oneof(
    { weight: 4, arbitrary: critical },
    { weight: 3, arbitrary: criticalDensity },
    { weight: 2, arbitrary: nearCriticalSaturation },
    { weight: 2, arbitrary: triple },
    { weight: 2, arbitrary: melting },
    { weight: 2, arbitrary: anywhere },
    { weight: 1, arbitrary: saturated },
  );
}

/** Temperature intervals where the fluid has a melting line below pmax. */
function meltingTemperatures(f: Fluid): [number, number][] {
  const e = f.engine;
  const out: [number, number][] = [];
  for (const part of e.data.meltingLine) {
    const lo = Math.max(part.Tmin, f.Tmin);
    const hi = Math.min(part.Tmax, f.Tmax);
    if (hi > lo && e.meltingPressure(lo) !== undefined) out.push([lo, hi]);
  }
  return out;
}

/** The state an origin describes, or undefined where it does not exist (an input error). */
export function build(f: Fluid, o: Origin): FluidState | undefined {
  try {
    return o.kind === 'dt' ? f.dt(o.rho, o.T) : o.kind === 'tq' ? f.tq(o.T, o.Q) : f.tp(o.T, o.p);
  } catch (e) {
    if (e instanceof FluidInputError) return undefined;
    throw e;
  }
}

/**
 * Whether a state lies on the edge of the range the model describes — within 1e-8 of the melting line or of pmax, or
 * for a pseudo-pure fluid within 1e-9 of a bubble or dew density, where a liquid's p carries 1e-8 of round-off — so
 * that the flashes' range checks (to FLASH_TOLERANCE, on values each recomputes from its own inputs) may fall either
 * side: states there need not come back from every pair (those that do are still checked).
 */
function onRangeEdge(f: Fluid, st: FluidState): boolean {
  const e = f.engine;
  const pm = e.meltingPressure(st.T);
  if ((pm !== undefined && Math.abs(st.p / pm - 1) < 1e-8) || Math.abs(st.p / f.pmax - 1) < 1e-8) return true;
  if (!e.pseudoPure || !(st.T < e.saturation.Tmax)) return false;
  e.saturation.atT(st.T, sp);
  return Math.abs(st.rhoMolar / sp.rhoL - 1) < 1e-9 || Math.abs(st.rhoMolar / sp.rhoV - 1) < 1e-9;
}

/** The inputs each pair takes from a state (two-phase states have no (T, p); single-phase ones no quality). */
export function derivedInputs(st: FluidState): [Pair, number, number][] {
  const out: [Pair, number, number][] = [
    ['ph', st.p, st.h],
    ['ps', st.p, st.s],
    ['hs', st.h, st.s],
    ['du', st.rho, st.u],
    ['dt', st.rho, st.T],
  ];
  if (st.phase === 'twophase') {
    out.push(['pq', st.p, st.Q as number], ['tq', st.T, st.Q as number]);
  } else out.push(['tp', st.T, st.p]);
  return out;
}

/** Raw values for one input of one fluid: any double, the fluid's edges to round-off, or a plausible value. */
function rawInput(f: Fluid, key: FlashInput): fc.Arbitrary<number> {
  const c = f.critical;
  const e = f.engine;
  const M = e.eos.M;
  const edgeValues: Record<FlashInput, number[]> = {
    T: [c.T, f.triple.T, f.Tmin, f.Tmax],
    p: [c.p, f.triple.p, f.pmax, e.saturation.pminLiquid, e.saturation.pmaxVapor, e.pmin],
    rho: [c.rho, e.rhoMaxMolar * M],
    h: [],
    s: [],
    u: [],
    Q: [0, 1],
  };
  const crit = build(f, { kind: 'dt', rho: c.rho, T: c.T });
  if (crit) {
    edgeValues.h.push(crit.h);
    edgeValues.s.push(crit.s);
    edgeValues.u.push(crit.u);
  }
  const plausible: Record<FlashInput, fc.Arbitrary<number>> = {
    T: between(f.Tmin * 0.99, f.Tmax * 1.01),
    p: logBetween(1e-3, f.pmax * 1.1),
    rho: logBetween(1e-6, e.rhoMaxMolar * M * 1.1),
    h: between(-1e6, 4e6),
    s: between(-3e3, 1.2e4),
    u: between(-1e6, 4e6),
    Q: between(-0.1, 1.1),
  };
  const edges = edgeValues[key];
  return fc.oneof(
    { weight: 1, arbitrary: fc.double() },
    { weight: 4, arbitrary: plausible[key] },
    ...(edges.length ? [{ weight: 3, arbitrary: fc.tuple(fc.constantFrom(...edges), offset(-3)).map(([x, a]) => x * (1 + a)) }] : []),
  );
}

/** Raw cases: a pair and two inputs for it. */
export function rawCases(f: Fluid): fc.Arbitrary<[Pair, number, number]> {
  return fc.constantFrom(...PAIRS).chain((pair) => fc.tuple(fc.constant(pair), rawInput(f, KEYS[pair][0]), rawInput(f, KEYS[pair][1])));
}

/**
 * Runs both kinds of cases for every fluid in `options.fluids`; throws (fast-check's report: seed, path and the
 * shrunk counterexample) on the first property that fails.
 */
export function fuzzFluids(options: FuzzOptions, tally = new FuzzTally()): FuzzTally {
  for (const name of options.fluids) {
    const f = fluid(name, { referenceState: options.referenceState ?? 'DEF' });
    fc.assert(
      fc.property(origins(f), (o) => {
        const st = build(f, o);
        if (!st) return;
        checkState(f, st, `${name} origin ${JSON.stringify(o)}`);
        const mustSolve = !onRangeEdge(f, st);
        for (const [pair, a, b] of derivedInputs(st)) runCase(f, pair, a, b, mustSolve, options, tally);
      }),
      { seed: options.seed, numRuns: options.numRuns },
    );
    fc.assert(
      fc.property(rawCases(f), ([pair, a, b]) => {
        runCase(f, pair, a, b, false, options, tally);
      }),
      { seed: options.seed + 1, numRuns: options.numRuns * 4 },
    );
  }
  return tally;
}
