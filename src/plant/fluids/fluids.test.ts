import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid, FluidInputError } from '../../fluids/index.js';
import { DRY_AIR, mixture, pureSpecies, burn } from '../../fluids/idealgas/index.js';
import { THERMINOL_VP1 } from '../../fluids/incompressible/index.js';
import { StreamState, IsentropicPoint, type StreamFluid } from './stream-fluid.js';
import { resolveFluid } from './resolve.js';
import { CombustionGas } from './combustion-gas.js';
import { pressurisedWater } from './water-store.js';
import { chemicalExergy } from './chemical-exergy.js';

/** (∂T/∂h)_p, (∂T/∂p)_h, (∂s/∂h)_p, (∂s/∂p)_h of an adapter against central differences. */
function checkDerivatives(f: StreamFluid, p: number, h: number, comp = 0, rel = 2e-5): void {
  const st = new StreamState();
  const a = new StreamState();
  const b = new StreamState();
  f.evaluate(p, h, comp, st);
  const dh = 1e-5 * Math.max(Math.abs(h), 1e5);
  const dp = 1e-5 * p;
  f.evaluate(p, h + dh, comp, a);
  f.evaluate(p, h - dh, comp, b);
  const dTdh = (a.T - b.T) / (2 * dh);
  const dsdh = (a.s - b.s) / (2 * dh);
  f.evaluate(p + dp, h, comp, a);
  f.evaluate(p - dp, h, comp, b);
  const dTdp = (a.T - b.T) / (2 * dp);
  const dsdp = (a.s - b.s) / (2 * dp);
  const near = (got: number, want: number, what: string, scale: number) =>
    assert.ok(Math.abs(got - want) <= rel * Math.abs(want) + 1e-9 * scale, `${f.name} at p = ${p}, h = ${h}: ${what} ${got} vs difference ${want}`);
  near(st.dTdh, dTdh, '∂T/∂h', 1 / 1e3);
  near(st.dTdp, dTdp, '∂T/∂p', 1e-5);
  near(st.dsdh, dsdh, '∂s/∂h', 1 / 300);
  near(st.dsdp, dsdp, '∂s/∂p', 1e-2);
}

test('a real fluid gives T, s and their (p, h) derivatives from one flash, single-phase and two-phase', () => {
  const co2 = resolveFluid('CO2');
  checkDerivatives(co2, 60e5, fluid('CO2').tp(350, 60e5).h);
  checkDerivatives(co2, 60e5, fluid('CO2').tp(280, 60e5).h);
  const wet = fluid('CO2').pq(40e5, 0.4).h;
  checkDerivatives(co2, 40e5, wet);
  const st = new StreamState();
  co2.evaluate(40e5, wet, 0, st);
  assert.equal(st.dTdh, 0);
  assert.ok(Math.abs(st.Q - 0.4) < 1e-9, String(st.Q));
  checkDerivatives(resolveFluid('Air'), 70e5, fluid('Air').tp(600, 70e5).h);
});

test('store liquids and ideal-gas mixtures give the same derivatives as differences of their own functions', () => {
  checkDerivatives(resolveFluid('TVP1'), 5e5, THERMINOL_VP1.hMass(450, 5e5));
  checkDerivatives(resolveFluid({ idealGas: { moleFractions: { N2: 0.79, O2: 0.21 } } }), 3e5, mixture({ moleFractions: { N2: 0.79, O2: 0.21 } }).hMass(700));
});

test('flue gas carries its composition: derivatives in f by differences, and f = 0 is the oxidiser itself', () => {
  const air = mixture(DRY_AIR);
  const gas = new CombustionGas(pureSpecies('CH4'), air, 'CH4', 'air');
  const f = 0.02;
  const h = gas.mixtureAt(f).hMass(1200);
  checkDerivatives(gas, 10e5, h, f);
  const st = new StreamState();
  const a = new StreamState();
  const b = new StreamState();
  gas.evaluate(10e5, h, f, st);
  const df = 1e-6;
  gas.evaluate(10e5, h, f + df, a);
  gas.evaluate(10e5, h, f - df, b);
  assert.ok(Math.abs(st.dTdf - (a.T - b.T) / (2 * df)) < 1e-4 * Math.abs(st.dTdf), `${st.dTdf}`);
  assert.ok(Math.abs(st.dsdf - (a.s - b.s) / (2 * df)) < 1e-3 * Math.abs(st.dsdf), `${st.dsdf}`);
  // at f = 0 the gas is the oxidiser; at f = f_st the stoichiometric products of burn()
  assert.ok(Math.abs(gas.mixtureAt(0).hMass(900) - air.hMass(900)) < 1e-9 * Math.abs(air.hMass(900)));
  const st1 = burn(pureSpecies('CH4'), air, { lambda: 1 });
  assert.ok(Math.abs(gas.mixtureAt(gas.fStoichiometric).hMass(900) - st1.products.hMass(900)) < 1e-9 * Math.abs(st1.products.hMass(900)));
  // λ of the gas at f: (1 − f)/f kg of air per kg of fuel over the stoichiometric 17.1 kg/kg
  const lam = burn(pureSpecies('CH4'), air, { lambda: 2.4 });
  assert.ok(Math.abs(gas.lambda(1 / lam.productsPerFuelMass) - 2.4) < 1e-12);
  assert.throws(() => gas.mixtureAt(0.1), FluidInputError);
});

test('the formation offset puts a real gas on the ideal-gas data: h + offset equals the ideal-gas enthalpy in the dilute gas', () => {
  for (const [name, mix] of [
    ['Air', mixture(DRY_AIR)],
    ['Methane', pureSpecies('CH4')],
    ['CO2', pureSpecies('CO2')],
  ] as const) {
    const f = resolveFluid(name);
    const off = f.formationOffset(0) as number;
    for (const T of [300, 450, 600]) {
      const hAbs = fluid(name).tp(T, 100).h + off;
      // the two models' ideal-gas heat capacities differ slightly (Lemmon's air against GRI-Mech N2, O2, Ar): up to
      // 0.12 % of the sensible enthalpy from 298.15 K
      const tol = 2e-3 * Math.abs(mix.hMass(T) - mix.hMass(298.15)) + 1;
      assert.ok(Math.abs(hAbs - mix.hMass(T)) <= tol, `${name} at ${T} K: ${hAbs} vs ${mix.hMass(T)}`);
    }
  }
  assert.equal(resolveFluid('TVP1').formationOffset(0), undefined);
});

test('the isentropic end point carries v = (∂h/∂p)_s and T = (∂h/∂s)_p', () => {
  const air = resolveFluid('Air');
  const st = new StreamState();
  air.evaluate(5e5, fluid('Air').tp(400, 5e5).h, 0, st);
  const pt = new IsentropicPoint();
  const up = new IsentropicPoint();
  air.isentropic(20e5, st.s, 0, pt);
  air.isentropic(20e5 * (1 + 1e-6), st.s, 0, up);
  assert.ok(Math.abs((up.h - pt.h) / (20e5 * 1e-6) - pt.v) < 1e-5 * pt.v);
  air.isentropic(20e5, st.s + 1e-3, 0, up);
  assert.ok(Math.abs((up.h - pt.h) / 1e-3 - pt.T) < 1e-4 * pt.T);
});

test('pressurised water as a store medium is IAPWS-95 water and refuses steam', () => {
  const w = pressurisedWater();
  assert.equal(w.hMass(400, 10e5), fluid('Water').tp(400, 10e5).h);
  assert.ok(Math.abs(w.T_hMass(w.hMass(420, 10e5), 10e5) - 420) < 1e-9);
  assert.ok(Math.abs(w.psat(373.124) - 101325) < 50, String(w.psat(373.124)));
  assert.throws(() => w.hMass(450, 2e5), /a liquid state \(got gas/);
  assert.throws(() => w.hMass(700, 300e5), /T = 700 K is not valid; valid: 273\.16 K ≤ T ≤ 640 K/);
});

test('resolveFluid names what it knows when a fluid is unknown', () => {
  assert.throws(() => resolveFluid('Helium'), /fluid = "Helium" is not valid; valid: one of CO2, Air, Water.*TVP1/);
  assert.equal(resolveFluid('carbondioxide'), resolveFluid('CO2'));
  assert.equal(resolveFluid({ store: 'TVP1' }), resolveFluid('TVP1'));
  assert.throws(() => resolveFluid({ store: 'Oil' }), /store = "Oil" is not valid/);
});

test("methane's standard chemical exergy is 831.65 kJ/mol (Szargut 1988), 51.84 MJ/kg", () => {
  const e = chemicalExergy(pureSpecies('CH4'), 298.15);
  assert.ok(Math.abs(e - 831.65e3 / pureSpecies('CH4').molarMass) < 1e-6 * e);
  assert.ok(Math.abs(e / 1e6 - 51.84) < 0.01, String(e));
});

test('a real fluid gives the temperature alone, bit for bit the T of its full evaluation: liquid, two-phase, saturated, vapour, supercritical', () => {
  const co2 = resolveFluid('CO2');
  assert.ok(co2.temperature, 'the CO2 medium has a temperature-only path');
  const st = new StreamState();
  const sat = fluid('CO2').saturationAtP(40e5);
  const cases: [number, number][] = [
    [60e5, fluid('CO2').tp(280, 60e5).h],
    [40e5, fluid('CO2').pq(40e5, 0.4).h],
    [40e5, sat.liquid.h],
    [40e5, sat.vapor.h],
    [20e5, fluid('CO2').tp(300, 20e5).h],
    [100e5, fluid('CO2').tp(320, 100e5).h],
  ];
  for (const [p, h] of cases) {
    co2.evaluate(p, h, 0, st);
    assert.equal(co2.temperature?.(p, h, 0), st.T, `p = ${p} Pa, h = ${h} J/kg`);
  }
  // the two-phase T is the saturation temperature at p
  assert.ok(Math.abs((co2.temperature?.(40e5, fluid('CO2').pq(40e5, 0.4).h, 0) ?? NaN) - sat.T) < 1e-9);
});
