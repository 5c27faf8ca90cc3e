/**
 * What makes the first flashes of a process cheap must not change a single answer: the isobar table built one
 * isobar at a time gives the same starting values in any order of queries, and saturation at p gives exactly the
 * states of the two (p, Q) flashes it replaces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid, FLUID_NAMES } from '../index.js';
import { Guess, IsobarTable } from './isobar-table.js';

const PURE = FLUID_NAMES.filter((n) => !fluid(n).pseudoPure);

test('the isobar table gives bit-identical starting values whichever isobars a process builds first', () => {
  const co2 = fluid('CO2').engine;
  const queries: [number, number][] = [];
  for (const p of [1e5, 3e6, 6.9e6, 7.3e6, 7.5e6, 2e7, 6e7]) for (const T of [230, 280, 300, 305, 320, 500, 900]) queries.push([T, p]);
  const upward = new IsobarTable(co2);
  const downward = new IsobarTable(co2);
  const a = queries.map(([T, p]) => upward.density(T, p, 'any'));
  const b = [...queries].reverse().map(([T, p]) => downward.density(T, p, 'any')).reverse();
  assert.deepEqual(a, b);
  const ga = upward.byProperty(7.3e6, 2e4, 'h', 'any', new Guess());
  const gb = new IsobarTable(co2).byProperty(7.3e6, 2e4, 'h', 'any', new Guess());
  assert.deepEqual([ga.T, ga.rhoMolar], [gb.T, gb.rhoMolar]);
});

test('the isobar table gives the same starting values with only the branches a query needs built as with every branch built', () => {
  for (const name of ['CO2', 'Air', 'Water']) {
    const f = fluid(name);
    const lazy = new IsobarTable(f.engine);
    const full = new IsobarTable(f.engine);
    const isobars = full as unknown as { pressures: number[]; isobar(k: number): { liquid(): unknown; vapor(): unknown } };
    for (let k = 0; k < isobars.pressures.length; k++) {
      isobars.isobar(k).liquid();
      isobars.isobar(k).vapor();
    }
    // where both saturated ends exist (Air: between its bubble line's lowest and its dew line's highest pressure)
    const pmin = f.engine.saturation.pminLiquid;
    const pmax = Math.min(f.engine.saturation.pmax, f.engine.saturation.pmaxVapor);
    for (let i = 0; i <= 12; i++) {
      const p = Math.exp(Math.log(pmin * 1.01) + (i / 12) * (Math.log(pmax * 0.99) - Math.log(pmin * 1.01)));
      const sat = f.saturationAtP(p);
      // h and s at and around both saturated ends, inside the dome and far out on either side (molar)
      const M = f.molarMass;
      for (const [which, L, V] of [['h', sat.liquid.h * M, sat.vapor.h * M], ['s', sat.liquid.s * M, sat.vapor.s * M]] as const) {
        for (const x of [L - Math.abs(L) * 0.2 - 100, L - 1e-9 * Math.abs(L), L, L + 1e-9 * Math.abs(L), 0.5 * (L + V), V, V + 0.3 * Math.abs(V) + 100]) {
          const a = lazy.byProperty(p, x, which, 'any', new Guess());
          const b = full.byProperty(p, x, which, 'any', new Guess());
          assert.deepEqual([a.T, a.rhoMolar], [b.T, b.rhoMolar], `${name} p = ${p} Pa, ${which} = ${x}`);
        }
      }
      for (const T of [sat.T * 0.9, sat.T, sat.T * 1.1, sat.T * 2]) {
        assert.equal(lazy.density(T, p, 'any'), full.density(T, p, 'any'), `${name} p = ${p} Pa, T = ${T} K`);
      }
    }
  }
});

test('a first (T, p) flash next to the critical pressure reproduces its inputs (the table builds isobars inside the density solve)', () => {
  const co2 = fluid('CO2');
  const s = co2.tp(298.15, 7e6);
  assert.equal(s.T, 298.15);
  assert.ok(Math.abs(s.p - 7e6) < 1e-3, `p = ${s.p}`);
  // CoolProp 8 HEOS, CO2 at 25 °C, 70 bar: 743.0 kg/m³ (liquid)
  assert.ok(Math.abs(s.rho - 743.0) < 0.5, `rho = ${s.rho}`);
});

for (const name of PURE) {
  test(`${name}: saturation at p gives exactly the states of the (p, Q = 0) and (p, Q = 1) flashes`, () => {
    const f = fluid(name);
    const { pmin, pmax } = f.engine.saturation;
    for (const x of [0, 0.1, 0.5, 0.9, 0.999, 1]) {
      const p = x === 0 ? pmin : x === 1 ? pmax : Math.exp(Math.log(pmin) + x * (Math.log(pmax) - Math.log(pmin)));
      const sat = f.saturationAtP(p);
      const liquid = f.pq(p, 0);
      const vapor = f.pq(p, 1);
      assert.equal(sat.T, liquid.T);
      assert.equal(sat.p, p);
      assert.deepEqual({ ...sat.liquid }, stripPhases(liquid), `${name} liquid at ${p} Pa`);
      assert.deepEqual({ ...sat.vapor }, stripPhases(vapor), `${name} vapour at ${p} Pa`);
    }
  });
}

for (const name of [...PURE, 'Air']) {
  // (CO2's normal boiling point lies below its triple point: its other reference state is ASHRAE's)
  const shifted = name === 'CO2' ? 'ASHRAE' : 'NBP';
  test(`${name}: h' and h'' at p without states are exactly those of the saturated states (default and ${shifted} reference states)`, () => {
    for (const f of [fluid(name), fluid(name, { referenceState: shifted })]) {
      const sat = f.engine.saturation;
      const pmin = f.pseudoPure ? sat.pminLiquid : sat.pmin;
      const pmax = f.pseudoPure ? Math.min(sat.pmax, sat.pmaxVapor) : sat.pmax;
      // through the curve to within 1e-9 of p_c (the last microkelvins of T, where saturation is polished)
      for (const x of [0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999, 1 - 1e-6, 1 - 1e-9]) {
        const p = x === 0 ? pmin : Math.exp(Math.log(pmin) + x * (Math.log(pmax) - Math.log(pmin)));
        const states = f.saturationAtP(p);
        assert.deepEqual(f.saturationEnthalpiesAtP(p), [states.liquid.h, states.vapor.h], `${name} at ${p} Pa`);
      }
    }
  });
}

test("h' and h'' at a pressure off the curve are refused with the (p, Q) flash error", () => {
  const co2 = fluid('CO2');
  assert.throws(() => co2.saturationEnthalpiesAtP(8e6), (e: Error) => {
    assert.throws(() => co2.pq(8e6, 0), { message: e.message });
    return true;
  });
});

test('saturation at a pressure off the curve is refused with the (p, Q) flash error', () => {
  const co2 = fluid('CO2');
  assert.throws(() => co2.saturationAtP(8e6), (e: Error) => {
    assert.throws(() => co2.pq(8e6, 0), { message: e.message });
    return /p = 8000000 Pa.*triple to critical pressure/.test(e.message);
  });
});

/** A state's own properties, without the coexisting phases a (p, Q) flash attaches. */
function stripPhases(state: object): object {
  const { liquid: _l, vapor: _v, ...rest } = state as Record<string, unknown>;
  return rest;
}

test("Air (ρ, u) of a cavern above T_c finds its state without a single bubble or dew point (each two density solves)", () => {
  const air = fluid('Air');
  const cases = ([[300, 5e6], [320, 7.5e6], [140, 2e6]] as const).map(([T, p]) => ({ T, p, at: air.tp(T, p) }));
  void air.engine.rhoMaxMolar; // the density limit, found once per fluid from the triple point
  const curve = air.engine.saturation;
  const atT = curve.atT.bind(curve);
  let calls = 0;
  (curve as { atT: typeof curve.atT }).atT = (T, out) => (calls++, atT(T, out));
  try {
    for (const { T, p, at } of cases) {
      const s = air.du(at.rho, at.u);
      assert.ok(Math.abs(s.T - T) <= 1e-12 * T, `T = ${s.T} for ${T} K`);
      assert.ok(Math.abs(s.p - p) <= 1e-9 * p, `p = ${s.p} for ${p} Pa`);
    }
    assert.equal(calls, 0);
  } finally {
    delete (curve as { atT?: unknown }).atT;
  }
  // below T_c the band still decides: a saturated vapour's density and energy come back as that state
  const dew = air.pq(1e6, 1);
  assert.ok(Math.abs(air.du(dew.rho, dew.u).T - dew.T) <= 1e-9 * dew.T);
});
