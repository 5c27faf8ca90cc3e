/**
 * Random and adversarial inputs to every flash of every fluid: each call returns a state whose numbers are all
 * finite (or null where a two-phase state has none), or throws a FluidInputError / FluidSolveError that names
 * the fluid — never NaN, never a hang.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid, FLUID_NAMES, FluidInputError, FluidSolveError, type FluidState } from './index.js';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ADVERSARIAL = [Number.NaN, Infinity, -Infinity, 0, -0, -1, 1e-300, 1e300, Number.MAX_VALUE, -1e5, Number.MIN_VALUE];

function checkState(s: FluidState, what: string) {
  for (const [k, v] of Object.entries(s)) {
    if (typeof v === 'number') assert.ok(Number.isFinite(v), `${what}: ${k} = ${v}`);
  }
  for (const k of ['mu', 'k'] as const) {
    const v = s[k];
    assert.ok(v === null || Number.isFinite(v), `${what}: ${k} = ${v}`);
  }
}

for (const name of FLUID_NAMES) {
  test(`${name}: 1,500 random and adversarial inputs give a state or a clear error`, () => {
    const f = fluid(name);
    const r = rng(name.length * 7919 + 17);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    // plausible ranges (so that most calls exercise the solvers), mixed with adversarial values
    const T = () => (r() < 0.15 ? pick(ADVERSARIAL) : f.Tmin + r() * (f.Tmax - f.Tmin) * 1.1 - 5);
    const p = () => (r() < 0.15 ? pick(ADVERSARIAL) : Math.exp(Math.log(10) + r() * (Math.log(f.pmax * 1.2) - Math.log(10))));
    const h = () => (r() < 0.15 ? pick(ADVERSARIAL) : -5e5 + r() * 3.5e6);
    const s = () => (r() < 0.15 ? pick(ADVERSARIAL) : -2e3 + r() * 1.2e4);
    const rho = () => (r() < 0.15 ? pick(ADVERSARIAL) : Math.exp(Math.log(1e-4) + r() * Math.log(2e7)));
    const Q = () => (r() < 0.15 ? pick(ADVERSARIAL) : r() * 1.2 - 0.1);
    const calls: [string, () => FluidState][] = [
      ['tp', () => f.tp(T(), p())],
      ['ph', () => f.ph(p(), h())],
      ['ps', () => f.ps(p(), s())],
      ['hs', () => f.hs(h(), s())],
      ['du', () => f.du(rho(), h())],
      ['dt', () => f.dt(rho(), T())],
      ['pq', () => f.pq(p(), Q())],
      ['tq', () => f.tq(T(), Q())],
    ];
    let states = 0;
    let slowest = 0;
    for (let i = 0; i < 1500; i++) {
      const [label, call] = calls[i % calls.length];
      const t0 = performance.now();
      try {
        checkState(call(), `${name}.${label}`);
        states++;
      } catch (e) {
        if (e instanceof assert.AssertionError) throw e;
        assert.ok(e instanceof FluidInputError || e instanceof FluidSolveError, `${name}.${label} threw ${(e as Error).name}: ${(e as Error).message}`);
        assert.match((e as Error).message, new RegExp(name), 'the error names the fluid');
        assert.doesNotMatch((e as Error).message, /NaN(?! )/, 'no unexplained NaN in the message');
      }
      slowest = Math.max(slowest, performance.now() - t0);
    }
    assert.ok(states > 200, `${name}: only ${states} of 1500 calls gave states`);
    assert.ok(slowest < 2000, `${name}: a call took ${slowest} ms`);
  });
}

test('unknown fluids and input pairs are clear errors', () => {
  assert.throws(() => fluid('Unobtainium'), /one of CO2, Air, Water/);
  assert.throws(() => fluid('CO2').state({ T: 300, h: 1e5 }), /input pairs/);
  assert.equal(fluid('CarbonDioxide'), fluid('co2'));
});
