import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adiabaticCombustion, lambdaForOutletTemperature, heatingValues, mixture, pureSpecies, DRY_AIR } from '../../fluids/idealgas/index.js';
import { Network } from '../network/network.js';
import { Combustor, type CombustorParams } from './combustor.js';
import { Source } from './source.js';
import { Sink } from './sink.js';
import { Turbine } from './turbine.js';
import { checkGradients } from '../testing.js';

const IDEAL_AIR = { idealGas: DRY_AIR, name: 'dry air' };
const IDEAL_CH4 = { idealGas: { moleFractions: { CH4: 1 } }, name: 'CH4' };

function burner(air: object | string, fuel: object | string, params: CombustorParams, outlet: { T?: number } = {}, fuelSpecs: { m?: number } = {}) {
  const net = new Network({ deadState: { T: 298.15, p: 101325 } });
  net.add(new Source('air', { fluid: air as never }), new Source('fuel', { fluid: fuel as never }), new Combustor('CC', params), new Sink('out'));
  net.connect('air', 'CC.air', { m: 10, p: 1.5e5, T: 600 });
  net.connect('fuel', 'CC.fuel', { p: 1.5e5, T: 300, ...fuelSpecs });
  net.connect('CC', 'out', outlet);
  return net;
}

test('with λ given, the outlet is the adiabatic flame of src/fluids/idealgas for the same inlets', () => {
  const net = burner(IDEAL_AIR, IDEAL_CH4, { lambda: 2.5, pr: 0.96 });
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  const s = r.value;
  const flame = adiabaticCombustion({ mixture: pureSpecies('CH4'), T: 300 }, { mixture: mixture(DRY_AIR), T: 600 }, { lambda: 2.5 });
  assert.ok(Math.abs(s.stream('s3').T - flame.T) < 1e-6, `${s.stream('s3').T} vs ${flame.T}`);
  assert.ok(Math.abs(s.stream('s2').m - 10 / flame.oxidiserPerFuelMass) < 1e-9);
  assert.ok(Math.abs(s.stream('s3').p - 0.96 * 1.5e5) < 1e-6);
  const c = s.component('CC');
  assert.ok(Math.abs(c.values.lambda - 2.5) < 1e-9);
  assert.ok(Math.abs(c.values.thermalInput - s.stream('s2').m * heatingValues(pureSpecies('CH4')).lhvMass) < 1e-6);
  assert.ok(c.exergyDestruction > 0.2 * s.stream('s2').E, 'combustion destroys a good part of the fuel exergy');
  assert.ok(s.balances().energy.relative < 1e-12 && s.balances().exergy.relative < 1e-12);
  assert.deepEqual(checkGradients(net), []);
});

test('with the outlet temperature given, the fuel flow is what lambdaForOutletTemperature says', () => {
  const net = burner(IDEAL_AIR, IDEAL_CH4, {}, { T: 1400 });
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  const want = lambdaForOutletTemperature({ mixture: pureSpecies('CH4'), T: 300 }, { mixture: mixture(DRY_AIR), T: 600 }, 1400);
  assert.ok(want.ok);
  assert.ok(Math.abs(r.value.component('CC').values.lambda - (want.ok ? want.value.lambda : NaN)) < 1e-8);
});

test('real-gas Air and Methane enter on the formation basis: near 1 bar the same flame as the ideal-gas inlets, within 0.5 K', () => {
  // what remains is the difference of the two data sets' ideal-gas cp for air (Lemmon 2000 against GRI-Mech 3.0), ≈ 0.1 %
  const ideal = burner(IDEAL_AIR, IDEAL_CH4, { lambda: 2.2 }).solve();
  const real = burner('Air', 'Methane', { lambda: 2.2 }).solve();
  if (!ideal.ok || !real.ok) throw new Error('no solution');
  assert.ok(Math.abs(ideal.value.stream('s3').T - real.value.stream('s3').T) < 0.5, `${ideal.value.stream('s3').T} vs ${real.value.stream('s3').T}`);
  assert.ok(real.value.balances().energy.relative < 1e-9);
});

test('flue gas carries its composition through a turbine (an equation in f for the region) with analytic gradients', () => {
  const net = new Network({ deadState: { T: 298.15, p: 101325 } });
  net.add(new Source('air', { fluid: 'Air' }), new Source('fuel', { fluid: 'Methane' }), new Combustor('CC', { pr: 0.97 }), new Turbine('T', { eta_s: 0.9 }), new Sink('stack'));
  net.connect('air', 'CC.air', { m: 100, p: 10e5, T: 650 });
  net.connect('fuel', 'CC.fuel', { p: 12e5, T: 293.15 });
  net.connect('CC', 'T', { T: 1450 });
  net.connect('T', 'stack', { p: 1.05e5 });
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  assert.equal(r.value.stream('s3').f, r.value.stream('s4').f);
  assert.ok(Math.abs((r.value.stream('s3').f as number) - r.value.stream('s2').m / r.value.stream('s3').m) < 1e-12);
  assert.deepEqual(checkGradients(net), []);
});

test('an outlet hotter than any lean flame cannot be reached: the solver says so and names the combustor region', () => {
  const net = burner(IDEAL_AIR, IDEAL_CH4, {}, { T: 2600 });
  const r = net.solve();
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.reason, /combustor CC: the adiabatic flame temperature at λ = 1 for these inlets is 25\d\d\.\d K; no outlet can be hotter/);
  assert.throws(() => new Combustor('CC1', { lambda: 0.8 }), /combustor CC1: lambda = 0.8 is not valid; valid: 1 ≤ lambda \(complete combustion needs λ ≥ 1\)/);
});

test('a fuel without an ideal-gas counterpart, or an oxidiser without oxygen, is refused with the combustor named', () => {
  const net = burner('Air', 'TVP1', {}, { T: 1200 }, { m: 0.1 });
  assert.match(net.check().map((p) => p.message).join('\n'), /combustor CC: fuel = "TVP1" is not valid; valid: a gaseous fuel/);
});
