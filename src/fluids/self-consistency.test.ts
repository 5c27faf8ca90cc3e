/**
 * Issue 12, items 1 and 2: every state a flash returns is its own inputs' state (checked against FLASH_TOLERANCE
 * before it is returned, a FluidSolveError with inputs, residuals and iterations otherwise), the critical point and
 * the critical density are ordinary inputs, and no state holds NaN or Infinity or throws when a property is read.
 * Each test names the sample of the issue it comes from; all of them failed before the change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid, FLUID_NAMES, FluidInputError, FluidSolveError, type Fluid, type FluidState } from './index.js';
import { FLASH_TOLERANCE, flashTolerance, verifyInputs, type FlashInput } from './flash/verify.js';
import { evaluateProperties, MolarProperties } from './eos/properties.js';

const PURE = FLUID_NAMES.filter((n) => !fluid(n).pseudoPure);

/** Asserts that the state's own value of each input (p from the EOS for a single phase) matches within FLASH_TOLERANCE. */
function assertReproduces(f: Fluid, st: FluidState, inputs: Partial<Record<FlashInput, number>>, what: string): void {
  for (const [key, x] of Object.entries(inputs) as [FlashInput, number][]) {
    let found = st[key] as number;
    let rhoDpdrho = 0;
    if (key === 'p' && st.phase !== 'twophase') {
      const m = evaluateProperties(f.engine.eos, st.T, st.rhoMolar, new MolarProperties());
      found = m.p;
      rhoDpdrho = st.rhoMolar * m.dpdrhoMolar;
    }
    const tol = flashTolerance(f.engine, key, x, rhoDpdrho);
    assert.ok(Math.abs(found - x) <= tol, `${what}: ${key} = ${found} for input ${x} (off by ${found - x}, allowed ${tol})`);
  }
}

/** Asserts that every number of the state is finite, JSON works, and only documented properties are null. */
function assertComplete(st: FluidState, what: string): void {
  const json = JSON.parse(JSON.stringify(st)) as Record<string, unknown>;
  for (const k of ['T', 'p', 'rho', 'h', 's', 'u', 'g', 'Z'] as const) assert.ok(Number.isFinite(st[k]) && typeof json[k] === 'number', `${what}: ${k} = ${st[k]}`);
  for (const [k, v] of Object.entries(json)) assert.ok(v === null || typeof v !== 'number' || Number.isFinite(v), `${what}: ${k} = ${v}`);
}

test('issue 12 item 1: a two-phase tank at the critical density to four digits, CO2 (rho = 467.6, u = 250000), is solved', () => {
  const co2 = fluid('CO2');
  const s = co2.du(467.6, 250000);
  assert.equal(s.phase, 'twophase');
  assert.ok(Math.abs(s.T - 284.195) < 0.01, `T = ${s.T}`);
  assertReproduces(co2, s, { rho: 467.6, u: 250000 }, 'CO2 du(467.6, 250000)');
});

test('issue 12 item 1: (rho, u) within 5e-7 of the critical density gives the two-phase state at every temperature below Tc, for every fluid', () => {
  for (const name of PURE) {
    const f = fluid(name);
    const c = f.critical;
    for (const b of [-5e-7, -1e-9, 0, 1e-9, 5e-7]) {
      for (const T of [f.triple.T + 5, 0.9 * c.T, c.T - 1, c.T - 1e-3]) {
        const rho = c.rho * (1 + b);
        const origin = f.dt(rho, T);
        assert.equal(origin.phase, 'twophase', `${name} dt(${rho}, ${T})`);
        const s = f.du(rho, origin.u);
        assert.equal(s.phase, 'twophase', `${name} du at T = ${T}`);
        assert.ok(Math.abs(s.T - T) < 1e-7 * T, `${name} du(${rho}, ${origin.u}): T = ${s.T}, want ${T}`);
        assertReproduces(f, s, { rho, u: origin.u }, `${name} du(${rho}, ${origin.u})`);
      }
    }
  }
});

test('issue 12 item 1: (h, s) at the critical point gives the critical state (no nulls, no NaN), for every fluid', () => {
  for (const name of FLUID_NAMES) {
    const f = fluid(name);
    const c = f.dt(f.critical.rho, f.critical.T);
    const s = f.hs(c.h, c.s);
    assertComplete(s, `${name} hs at the critical point`);
    assertReproduces(f, s, { h: c.h, s: c.s }, `${name} hs at the critical point`);
    assert.ok(Math.abs(s.T / c.T - 1) < 1e-9 && Math.abs(s.rho / c.rho - 1) < 1e-6, `${name}: T = ${s.T}, rho = ${s.rho}, want ${c.T}, ${c.rho}`);
  }
});

test('issue 12 item 1: every input pair at the critical point returns the critical state, for every pure fluid', () => {
  for (const name of PURE) {
    const f = fluid(name);
    const { T, p, rho } = f.critical;
    const c = f.dt(rho, T);
    const states: [string, FluidState][] = [
      ['tp', f.tp(T, p)],
      ['ph', f.ph(c.p, c.h)],
      ['ps', f.ps(c.p, c.s)],
      ['hs', f.hs(c.h, c.s)],
      ['du', f.du(rho, c.u)],
      ['pq', f.pq(p, 0.5)],
      ['tq', f.tq(T, 0.5)],
    ];
    for (const [pair, s] of states) {
      assertComplete(s, `${name} ${pair}`);
      assert.ok(Math.abs(s.T / T - 1) < 1e-12, `${name} ${pair}: T = ${s.T}, want ${T}`);
      assert.ok(Math.abs(s.rho / rho - 1) < 1e-9, `${name} ${pair}: rho = ${s.rho}, want ${rho}`);
      assert.ok(Math.abs(s.h - c.h) < 1e-9 * Math.abs(c.h) + 1e-6, `${name} ${pair}: h = ${s.h}, want ${c.h}`);
    }
  }
});

test('issue 12 item 1: near-critical (p, h), (p, s), (h, s) reproduce their inputs — Water p = 22063999.999997046 Pa, h = 2084256.256842124 J/kg missed h by 168 J/kg', () => {
  const water = fluid('Water');
  const s = water.ph(22063999.999997046, 2084256.256842124);
  assertReproduces(water, s, { p: 22063999.999997046, h: 2084256.256842124 }, 'Water ph');
  for (const name of FLUID_NAMES) {
    const f = fluid(name);
    const c = f.critical;
    for (const a of [-1e-9, 1e-6]) {
      for (const b of [-1e-3, 1e-6, 1e-3]) {
        let o: FluidState;
        try {
          o = f.dt(c.rho * (1 + b), c.T * (1 + a));
        } catch (e) {
          if (e instanceof FluidInputError) continue; // air's two-phase band
          throw e;
        }
        const where = `${name} at T = Tc(1 + ${a}), rho = rhoc(1 + ${b})`;
        const ph = f.ph(o.p, o.h);
        assertReproduces(f, ph, { p: o.p, h: o.h }, `${where} ph`);
        assertReproduces(f, f.ps(o.p, o.s), { p: o.p, s: o.s }, `${where} ps`);
        assertReproduces(f, f.hs(o.h, o.s), { h: o.h, s: o.s }, `${where} hs`);
        // well conditioned at the critical point in (T, ρ): the same state, not merely one with the same inputs
        assert.ok(Math.abs(ph.T / o.T - 1) < 1e-9 && Math.abs(ph.rho / o.rho - 1) < 1e-7, `${where} ph: T ${ph.T} vs ${o.T}, rho ${ph.rho} vs ${o.rho}`);
      }
    }
  }
});

test('issue 12 item 1: Air (p, Q = 0) below the triple point\'s bubble pressure is an input error, not the 59.75 K state at 5264.6 Pa', () => {
  const air = fluid('Air');
  for (const p of [2431.7, 4000, 5264.6]) {
    assert.throws(() => air.pq(p, 0), (e: unknown) => e instanceof FluidInputError && /p = [0-9.]+ Pa is not valid; valid: 5264\.6[0-9]* Pa ≤ p/.test(e.message));
  }
  const dew = air.pq(4000, 1);
  assertReproduces(air, dew, { p: 4000, Q: 1 }, 'Air pq(4000, 1)');
  assert.equal(dew.liquid, undefined, 'no bubble point exists at 4000 Pa');
  const bubble = air.pq(6000, 0);
  assertReproduces(air, bubble, { p: 6000, Q: 0 }, 'Air pq(6000, 0)');
});

test('issue 12 item 1: a result that misses its inputs is a FluidSolveError naming the inputs, the residuals and the iterations', () => {
  const co2 = fluid('CO2');
  assert.throws(
    () => verifyInputs(co2.engine, '(p, h) flash', 'p', 7e6, 7e6, 'h', 3e5, 3e5 + 170, 12),
    (e: unknown) =>
      e instanceof FluidSolveError &&
      e.residuals?.h === 170 &&
      e.iterations === 12 &&
      /CO2 \(p, h\) flash: no solution for p = 7000000, h = 300000: .*FLASH_TOLERANCE.*residuals p: 0, h: 170; 12 iterations/.test(e.message),
  );
  // and the stated tolerances are the ones a state is held to
  assert.deepEqual(Object.keys(FLASH_TOLERANCE).sort(), ['Q', 'T', 'densityRoundOff', 'h', 'p', 'rho', 's', 'u']);
  assert.equal(flashTolerance(co2.engine, 'h', 3e5), FLASH_TOLERANCE.h * (3e5 + (co2.gasConstant * co2.critical.T) / co2.molarMass));
});

test('issue 12 item 2: at the critical point cp, cv (where it diverges), κ_T and k are null, never Infinity or negative, for every fluid', () => {
  for (const name of FLUID_NAMES) {
    const f = fluid(name);
    const s = f.dt(f.critical.rho, f.critical.T);
    assertComplete(s, `${name} dt(rhoc, Tc)`);
    if (f.pseudoPure) continue; // air's published critical point is not the EOS's: nothing diverges there
    assert.equal(s.cp, null, `${name}: cp = ${s.cp}`);
    assert.equal(s.cpMolar, null);
    assert.equal(s.isothermalCompressibility, null);
    assert.equal(s.k, null); // also where the fluid has no correlation (Methane); with one, k diverges with cp
    if (f.engine.cvDiverges) {
      assert.equal(s.cv, null, `${name}: cv = ${s.cv}`);
      assert.equal(s.w, null, `${name}: w = ${s.w}`);
    } else {
      assert.ok(s.cv !== null && s.cv > 0 && s.w !== null && s.w > 0, `${name}: cv = ${s.cv}, w = ${s.w}`);
    }
    // 1e-6 K above Tc the properties are large but resolved
    const near = f.dt(f.critical.rho, f.critical.T * (1 + 1e-6));
    assert.ok(near.cp !== null && near.cp > 1e6, `${name}: cp = ${near.cp} at Tc(1 + 1e-6)`);
    if (f.engine.transport) assert.ok(near.k !== null && near.k > 1, `${name}: k = ${near.k} at Tc(1 + 1e-6)`);
  }
});

test('issue 12 item 2: CO2 at 1200 K is a state whose conductivity is null (its correlation ends at 1100 K); reading it never throws', () => {
  const co2 = fluid('CO2');
  const s = co2.tp(1200, 1e5);
  assert.equal(s.k, null);
  assert.ok(s.mu !== null && Math.abs(s.mu - 4.68e-5) < 1e-7, `mu = ${s.mu}`);
  const json = JSON.parse(JSON.stringify(s));
  assert.equal(json.k, null);
  assert.equal(json.mu, s.mu);
  // inside the range the conductivity is there
  assert.ok((co2.tp(1000, 1e5).k ?? 0) > 0.05);
});

// Found by the fuzz suite (scripts/fuzz.ts) while fixing the above: each a state that exists, refused or missed.

test('fuzz finding: water between its triple-point and its densest saturated liquid (999.79 to 999.93 kg/m3) is liquid, two-phase, then liquid again as u rises', () => {
  const water = fluid('Water');
  assert.ok(Math.abs((water.engine.liquidDensityMaximum?.T ?? 0) - 277.15) < 0.01);
  for (const [rho, T, phase] of [
    [999.85, 273.2, 'liquid'],
    [999.85, 277, 'twophase'],
    [999.85, 285, 'liquid'],
    [999.7925200316273, 275.8916, 'twophase'],
  ] as const) {
    const o = water.dt(rho, T);
    assert.equal(o.phase, phase, `dt(${rho}, ${T})`);
    const s = water.du(rho, o.u);
    assert.equal(s.phase, phase, `du(${rho}, ${o.u})`);
    assert.ok(Math.abs(s.T - T) < 1e-9 * T, `du(${rho}, ${o.u}): T = ${s.T}, want ${T}`);
    assertReproduces(water, s, { rho, u: o.u }, `Water du(${rho}, ${o.u})`);
  }
});

test('fuzz finding: next to CO2\'s triple point, where the published melting line passes 14 Pa below the saturation pressure, liquid and saturated states come back from every pair', () => {
  const co2 = fluid('CO2');
  const liquid = co2.tp(216.59200559583485, 517973.36552540027);
  assertReproduces(co2, co2.hs(liquid.h, liquid.s), { h: liquid.h, s: liquid.s }, 'hs of a liquid 5.6 µK above T_triple');
  const saturated = co2.dt(1178.4626431723602, 216.592);
  assertReproduces(co2, co2.ph(saturated.p, saturated.h), { p: saturated.p, h: saturated.h }, 'ph of the saturated liquid at T_triple');
  const bubble = co2.tq(216.5920000000001, 0);
  assertReproduces(co2, co2.hs(bubble.h, bubble.s), { h: bubble.h, s: bubble.s }, 'hs of the saturated liquid at T_triple');
  // and a liquid beyond the melting line is still refused, by every pair that could give it
  assert.throws(() => co2.tp(216.6, 6e5), FluidInputError);
  assert.throws(() => co2.dt(1200, 216.6), /solid/);
});

test('fuzz finding: a (rho, u) a hair (1e-11) below u at the saturation boundary next to Tc is the boundary state, not a range error', () => {
  const co2 = fluid('CO2');
  const o = co2.dt(467.62349502555384, 304.12820000241265);
  const s = co2.du(o.rho, o.u);
  assertReproduces(co2, s, { rho: o.rho, u: o.u }, 'CO2 du next to the boundary');
  const air = fluid('Air');
  const b = air.tq(59.75000000000003, 0);
  assertReproduces(air, air.du(b.rho, b.u), { rho: b.rho, u: b.u }, 'Air du of the bubble point at T_triple');
});

test('fuzz finding: cold compressed water whose isentrope leaves the fluid states below it (cooling under 273.16 K on compression) is found above the gap', () => {
  const water = fluid('Water');
  const o = water.dt(1023.5217069757515, 273.24890886651764);
  const s = water.hs(o.h, o.s);
  assertReproduces(water, s, { h: o.h, s: o.s }, 'Water hs of a liquid at 49 MPa, 273.25 K');
  assert.ok(Math.abs(s.T - o.T) < 1e-9 * o.T && Math.abs(s.p / o.p - 1) < 1e-9, `T = ${s.T}, p = ${s.p}`);
});

test('fuzz finding: an oxygen liquid at its triple point, whose p(T, ρ) falls 1e-9 below the triple-point pressure by its density\'s round-off, comes back from (p, h) and (p, s)', () => {
  const oxygen = fluid('Oxygen');
  const o = oxygen.dt(1306.0768062449154, 54.3610000504496);
  assert.ok(o.p < oxygen.triple.p, `p = ${o.p} below ${oxygen.triple.p}`);
  const ph = oxygen.ph(o.p, o.h);
  const ps = oxygen.ps(o.p, o.s);
  for (const [pair, s, x] of [['ph', ph, 'h'], ['ps', ps, 's']] as const) {
    assert.ok(Math.abs(s[x] - o[x]) <= flashTolerance(oxygen.engine, x, o[x]), `${pair}: ${x} = ${s[x]}, want ${o[x]}`);
    assert.ok(Math.abs(s.T - oxygen.triple.T) < 1e-9, `${pair}: T = ${s.T}`);
  }
});
