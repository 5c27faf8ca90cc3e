/**
 * The public fluid API against the reference data of ../shared/reference (CoolProp 8.0.0, HEOS backend).
 * Tolerances from the fluid-properties issue: p, ρ ≤ 1e-9; h, s, u, cp, cv, w ≤ 1e-8 (relative, or over the
 * property's scale where it crosses zero); saturation ≤ 1e-9; flashes recover T within 1e-7 K.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid } from './index.js';
import type { FluidState } from './state.js';
import { deviation, referenceRows, Worst, type Row } from './testing/reference.js';

const FLUIDS = ['CO2', 'Air', 'Water', 'Nitrogen'] as const;
const CALORIC = ['h', 's', 'u', 'cp', 'cv', 'w'] as const;

/** Scales under which a value counts as "crossing zero": R·Tc/M for energies, R/M for entropies. */
function scales(name: string): Record<string, number> {
  const f = fluid(name);
  const R = f.gasConstant / f.molarMass;
  return { h: R * f.critical.T, u: R * f.critical.T, s: R, cp: 0, cv: 0, w: 0 };
}

for (const name of FLUIDS) {
  test(`${name}: (T, p) states match the reference density to 1e-9 and caloric properties to 1e-8`, () => {
    const f = fluid(name);
    const scale = scales(name);
    const worstRho = new Worst();
    const worst: Record<string, Worst> = Object.fromEntries(CALORIC.map((k) => [k, new Worst()]));
    let phases = 0;
    const rows = referenceRows(name, 'pt');
    for (const r of rows) {
      const s = f.tp(r.T as number, r.p as number);
      const where = () => `T = ${r.T} K, p = ${r.p} Pa (${r.phase})`;
      worstRho.add(deviation(s.rho, r.rho as number), where);
      for (const k of CALORIC) worst[k].add(deviation(s[k] as number, r[k] as number, scale[k]), where);
      if (s.phase === r.phase) phases++;
    }
    assert.ok(worstRho.value <= 1e-9, `rho deviates ${worstRho.value} at ${worstRho.where}`);
    for (const k of CALORIC) assert.ok(worst[k].value <= 1e-8, `${k} deviates ${worst[k].value} at ${worst[k].where}`);
    assert.equal(phases, rows.length, 'every phase label matches');
  });

  for (const [pair, run] of [
    ['p,h', (r: Row) => fluid(name).ph(r.p as number, r.h as number)],
    ['p,s', (r: Row) => fluid(name).ps(r.p as number, r.s as number)],
    ['h,s', (r: Row) => fluid(name).hs(r.h as number, r.s as number)],
  ] as const) {
    test(`${name}: (${pair}) flashes recover T within 1e-7 K, ρ within 1e-9 and the quality`, () => {
      const wT = new Worst();
      const wRho = new Worst();
      const wQ = new Worst();
      for (const r of referenceRows(name, 'flash')) {
        const s = run(r) as FluidState;
        const where = () => `p = ${r.p} Pa, h = ${r.h}, s = ${r.s} (${r.phase}, Q = ${r.Q})`;
        wT.add(Math.abs(s.T - (r.T as number)), where);
        wRho.add(deviation(s.rho, r.rho as number), where);
        assert.equal(s.phase, r.phase, `phase at ${where()}`);
        if (r.Q === null) assert.equal(s.Q, null, `single phase at ${where()}`);
        else wQ.add(Math.abs((s.Q as number) - (r.Q as number)), where);
      }
      assert.ok(wT.value <= 1e-7, `T off by ${wT.value} K at ${wT.where}`);
      assert.ok(wRho.value <= 1e-9, `rho deviates ${wRho.value} at ${wRho.where}`);
      assert.ok(wQ.value <= 1e-9, `Q off by ${wQ.value} at ${wQ.where}`);
    });
  }

  test(`${name}: saturation (bubble and dew lines for pseudo-pure air) matches to 1e-9`, () => {
    const f = fluid(name);
    const scale = scales(name);
    const worst = new Worst();
    for (const r of referenceRows(name, 'sat')) {
      const sat = f.saturationAtT(r.T as number);
      const where = () => `T = ${r.T} K`;
      worst.add(deviation(sat.liquid.p, r.p_l as number), where);
      worst.add(deviation(sat.vapor.p, r.p_v as number), where);
      for (const [side, state] of [
        ['l', sat.liquid],
        ['v', sat.vapor],
      ] as const) {
        worst.add(deviation(state.rho, r[`rho_${side}`] as number), where);
        for (const k of CALORIC) worst.add(deviation(state[k] as number, r[`${k}_${side}`] as number, scale[k]), () => `${k}_${side} at T = ${r.T} K`);
      }
    }
    assert.ok(worst.value <= 1e-9, `saturation deviates ${worst.value} at ${worst.where}`);
  });
}

test('reference states: CO2 defaults to IIR; NBP, ASHRAE and IIR put h and s where they belong', () => {
  const iir = fluid('CO2').tq(273.15, 0);
  assert.ok(Math.abs(iir.h - 200e3) < 1e-6 && Math.abs(iir.s - 1e3) < 1e-9, `${iir.h} ${iir.s}`);
  const nbp = fluid('Water', { referenceState: 'NBP' }).pq(101325, 0);
  assert.ok(Math.abs(nbp.h) < 1e-6 && Math.abs(nbp.s) < 1e-9, `${nbp.h} ${nbp.s}`);
  const ashrae = fluid('CO2', { referenceState: 'ASHRAE' }).tq(233.15, 0);
  assert.ok(Math.abs(ashrae.h) < 1e-6 && Math.abs(ashrae.s) < 1e-9, `${ashrae.h} ${ashrae.s}`);
  // a reference state changes h and s by constants only
  const a = fluid('CO2').tp(350, 1e7);
  const b = fluid('CO2', { referenceState: 'ASHRAE' }).tp(350, 1e7);
  const c = fluid('CO2').tp(400, 2e6);
  const d = fluid('CO2', { referenceState: 'ASHRAE' }).tp(400, 2e6);
  assert.ok(Math.abs(a.h - b.h - (c.h - d.h)) < 1e-6);
  assert.ok(Math.abs(a.s - b.s - (c.s - d.s)) < 1e-9);
  assert.equal(a.rho, b.rho);
  assert.throws(() => fluid('Nitrogen', { referenceState: 'IIR' }), /reference state/);
});
