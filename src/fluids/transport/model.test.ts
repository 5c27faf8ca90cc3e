import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HelmholtzEOS } from '../eos/helmholtz.js';
import { CO2, METHANE, NITROGEN, WATER } from '../data/index.js';
import { FluidInputError } from '../errors.js';
import type { TransportModel } from '../pure/pure-fluid.js';
import { TRANSPORT_FLUIDS, transportModel } from './index.js';

const co2 = new HelmholtzEOS(CO2);
const water = new HelmholtzEOS(WATER);

function model(name: string) {
  const m = transportModel(name);
  assert.ok(m, `${name} has a transport model`);
  return m;
}

/** Asserts that f throws a FluidInputError on `field` whose message names the fluid, the value and the range. */
function assertInputError(f: () => unknown, field: string, parts: readonly string[]): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof FluidInputError, `a FluidInputError, got ${String(e)}`);
    assert.equal(e.field, field);
    for (const p of parts) assert.ok(e.message.includes(p), `"${e.message}" mentions ${p}`);
    return true;
  });
}

test('the six fluids with correlations have models and a fluid without them has none', () => {
  assert.deepEqual([...TRANSPORT_FLUIDS].sort(), ['Air', 'Argon', 'CO2', 'Nitrogen', 'Oxygen', 'Water']);
  for (const name of TRANSPORT_FLUIDS) assert.equal(model(name).fluid, name);
  assert.equal(transportModel(METHANE.name), undefined);
  assert.equal(transportModel('CarbonDioxide'), undefined, 'project names only: the fluid registry resolves aliases');
});

test('a model serves as the transport model of a PureFluid and states its sources and range', () => {
  const m: TransportModel = model('CO2');
  assert.ok(m.viscosity(co2, 300, 20000) > 0 && m.conductivity(co2, 300, 20000) > 0);
  const v = model('CO2').validity;
  assert.ok(v.includes('10.1063/1.4977429') && v.includes('10.1063/1.4940892'), v);
  assert.ok(model('Water').validity.includes('1173.15 K'), model('Water').validity);
});

test('temperatures outside a formulation range throw an error naming fluid, field, value and range', () => {
  assertInputError(() => model('CO2').viscosity(co2, 200, 100), 'T', ['CO2 viscosity', 'T = 200 K', '216.592 K ≤ T ≤ 2000 K']);
  assertInputError(() => model('CO2').conductivity(co2, 1200, 100), 'T', ['CO2 thermal conductivity', 'T = 1200 K', '≤ 1100 K']);
  assertInputError(() => model('Water').viscosity(water, 1200, 100), 'T', ['Water viscosity', '1173.15 K']);
  assertInputError(() => model('Water').conductivity(water, Number.NaN, 100), 'T', ['Water thermal conductivity', 'NaN']);
  assertInputError(() => model('CO2').viscosity(co2, Number.POSITIVE_INFINITY, 100), 'T', ['Infinity']);
});

test('densities below zero or above the range throw an error naming the density limit', () => {
  assertInputError(() => model('CO2').viscosity(co2, 300, -1), 'rhoMolar', ['CO2 viscosity', 'rhoMolar = -1 mol/m³', '36420.8 mol/m³', 'kg/m³']);
  assertInputError(() => model('CO2').conductivity(co2, 300, 40000), 'rhoMolar', ['CO2 thermal conductivity', '200 MPa']);
  assertInputError(() => model('Water').viscosity(water, 300, Number.NaN), 'rhoMolar', ['NaN']);
});

test("another fluid's EOS is refused", () => {
  assertInputError(() => model('CO2').viscosity(new HelmholtzEOS(NITROGEN), 300, 100), 'eos', ['CO2 viscosity', '"Nitrogen"', 'the CO2 equation of state']);
});

test('the dilute-gas limit ρ = 0 is finite and continuous with small densities', () => {
  for (const [name, eos, T] of [['CO2', co2, 300], ['Water', water, 700], ['Nitrogen', new HelmholtzEOS(NITROGEN), 300]] as const) {
    const m = model(name);
    for (const property of ['viscosity', 'conductivity'] as const) {
      const zero = m[property](eos, T, 0);
      const small = m[property](eos, T, 1e-6);
      assert.ok(Number.isFinite(zero) && zero > 0, `${name} ${property}(ρ = 0) = ${zero}`);
      assert.ok(Math.abs(small / zero - 1) < 1e-9, `${name} ${property}: ρ = 0 gives ${zero}, ρ = 1e-6 mol/m³ gives ${small}`);
    }
  }
});

test('a result does not depend on what the model or another model evaluated before', () => {
  const a = model('Water');
  const b = model('Water');
  const x = a.conductivity(water, 647.35, 322 / water.M);
  a.viscosity(water, 300, 55000);
  a.conductivity(water, 900, 10);
  b.conductivity(water, 640, 20000);
  assert.equal(a.conductivity(water, 647.35, 322 / water.M), x);
  assert.equal(b.conductivity(water, 647.35, 322 / water.M), x);
});
