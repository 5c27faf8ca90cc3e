import { test } from 'node:test';
import assert from 'node:assert/strict';
import { N_DECANE, N_NONANE } from '../../../fluids/phase-change/materials.js';
import { PlantInputError } from '../../errors.js';
import { resolveFluid } from '../../fluids/resolve.js';
import { StoreSet } from '../../transient/stores.js';
import { checkPhaseChangeColdStore, coldLoopTemperatures, phaseChangeColdStore, type PhaseChangeColdStoreSpec } from './phase-change-store.js';

const ambient = { T: 293.15, p: 101325 };
const L = N_DECANE.latentHeat;
const Tm = N_DECANE.meltingTemperature;
const spec: PhaseChangeColdStoreSpec = { material: N_DECANE, medium: resolveFluid('DowQ'), pressure: 3e5, swing: 2, sensibleBand: 2, packing: 0.6, sizeMargin: 0.3, heatLossCoefficient: 0.15 };
const GJ = 1e9;

function built(charge: number, discharge: number) {
  const part = phaseChangeColdStore('coldStore', spec, ambient, { charge, discharge });
  const set = new StoreSet([part.store]);
  const x = new Float64Array(set.size);
  part.fillEmpty(x);
  return { part, x };
}

test('a bed sized for 1.2 GJ with a 30 % margin holds 1.56 GJ of latent heat, and its vessels the liquid over the packing', () => {
  const { part } = built(1.0 * GJ, 1.2 * GJ);
  assert.ok(Math.abs(part.mass * L - 1.56 * GJ) < 1e-6 * GJ);
  assert.ok(Math.abs(part.volume - part.mass / 730 / 0.6) < 1e-9 * part.volume);
});

test('a charge freezes and a discharge melts the bed at its melting temperature, and both stay inside the latent range with equal room at either end', () => {
  const { part, x } = built(1.0 * GJ, 1.2 * GJ);
  const s = part.store;
  const E0 = s.E(x, 0);
  s.set(x, 0, s.M(x, 0), E0 - 1.0 * GJ); // the charge takes 1 GJ out (freezing)
  const charged = s.state(x);
  assert.equal(charged.T, Tm);
  s.set(x, 0, s.M(x, 0), E0 - 1.0 * GJ + 1.2 * GJ); // the discharge gives 1.2 GJ (melting)
  const discharged = s.state(x);
  assert.equal(discharged.T, Tm);
  assert.ok(Math.abs(charged.frozenFraction - part.startFrozen - 1 / 1.56) < 1e-12);
  // room left: 1 − f at the end of charge, f at the end of discharge — equal (centred)
  assert.ok(Math.abs(1 - charged.frozenFraction - discharged.frozenFraction) < 1e-12, `${charged.frozenFraction} ${discharged.frozenFraction}`);
  assert.ok(discharged.frozenFraction > 0.1);
});

test('restore after a discharge that melted 0.2 GJ more than the charge froze refreezes 0.2 GJ (the chiller) and returns to the start', () => {
  const { part, x } = built(1.0 * GJ, 1.2 * GJ);
  const s = part.store;
  s.set(x, 0, s.M(x, 0), s.E(x, 0) + 0.2 * GJ);
  const r = part.restore(x);
  assert.ok(Math.abs(r.heat - 0.2 * GJ) < 1e-6 * GJ, `${r.heat}`);
  assert.match(r.action, /refrozen by the chiller/);
  assert.ok(Math.abs(s.state(x).frozenFraction - part.startFrozen) < 1e-12);
});

test('beyond a fully frozen bed the heat is sensible: the temperature falls by q / (M c_s), and the charge stops at the band', () => {
  const { part, x } = built(1.0 * GJ, 1.0 * GJ);
  const s = part.store;
  s.fill(x, { frozenFraction: 1 });
  assert.ok(s.limits(x, 'charge')[0].margin > 1.99);
  const q = part.mass * N_DECANE.cpSolid * 1.5;
  s.set(x, 0, s.M(x, 0), s.E(x, 0) - q);
  assert.ok(Math.abs(s.state(x).T - (Tm - 1.5)) < 1e-9);
  assert.ok(Math.abs(s.limits(x, 'charge')[0].margin - 0.5) < 1e-9);
  s.fill(x, { T: Tm + 2 });
  assert.ok(Math.abs(s.limits(x, 'discharge')[0].margin) < 1e-9);
});

test('the exergy of freezing a whole bed at T_m is its latent heat times (T0 / T_m − 1), the Carnot work of the cold', () => {
  const { part, x } = built(1.0 * GJ, 1.0 * GJ);
  const s = part.store;
  s.fill(x, { frozenFraction: 1 });
  const frozen = s.exergy(x);
  s.fill(x, { frozenFraction: 0 });
  const molten = s.exergy(x);
  const expected = part.mass * L * (ambient.T / Tm - 1);
  assert.ok(Math.abs(frozen - molten - expected) < 1e-9 * expected, `${frozen - molten} against ${expected}`);
});

test('standing, the bed gains U A (T0 − T_m) dt from the ambient and melts by that much', () => {
  const { part, x } = built(1.0 * GJ, 1.0 * GJ);
  const s = part.store;
  const f0 = s.state(x).frozenFraction;
  const out = new Float64Array(1);
  s.standing(x, 3600, out);
  const q = 0.15 * s.options.area * (ambient.T - Tm) * 3600;
  assert.ok(Math.abs(out[0] - q) < 1e-9 * q);
  assert.ok(Math.abs(f0 - s.state(x).frozenFraction - q / (part.mass * L)) < 1e-12);
});

test('the loop gives the liquid at the melting point in both modes and takes it back swing colder on charge, warmer on discharge; a two-tank store keeps its tanks', () => {
  assert.deepEqual(coldLoopTemperatures({ coldTemperature: 240, warmTemperature: 248, phaseChange: { material: 'n-decane', swing: 2 } }), { chargeSupply: Tm, chargeReturn: Tm - 2, dischargeSupply: Tm, dischargeReturn: Tm + 2 });
  assert.deepEqual(coldLoopTemperatures({ coldTemperature: 240, warmTemperature: 248 }), { chargeSupply: 248, chargeReturn: 240, dischargeSupply: 240, dischargeReturn: 248 });
});

test('a swing and band that take the Dowtherm Q loop below its −35 degC are a field error naming coldStore.phaseChange.swing and the room left', () => {
  assert.doesNotThrow(() => checkPhaseChangeColdStore('liquid-co2', 'coldStore.phaseChange', spec));
  assert.throws(
    () => checkPhaseChangeColdStore('liquid-co2', 'coldStore.phaseChange', { ...spec, swing: 4, sensibleBand: 2 }),
    (e: unknown) => e instanceof PlantInputError && e.field === 'coldStore.phaseChange.swing' && e.value === 4 && /at most 5\.25 K/.test(e.valid),
  );
});

test('a loop liquid that is solid at the bed’s melting point (Dowtherm Q under n-nonane, −53.49 degC) is a field error naming coldStore.medium, at any swing', () => {
  assert.throws(
    () => checkPhaseChangeColdStore('liquid-co2', 'coldStore.phaseChange', { ...spec, material: N_NONANE, swing: 0.5, sensibleBand: 0 }),
    (e: unknown) => e instanceof PlantInputError && e.field === 'coldStore.medium' && /a loop liquid valid at n-nonane's melting point \(-53\.49 degC\).*valid from -35\.00 to/.test(e.valid),
  );
});
