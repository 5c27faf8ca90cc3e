/**
 * The stores' balance measured over the periodic design cycle (balance.ts), for every shipped plant example: each
 * store part ends where it began (the periodic tolerance), its flows, controller, standing exchange and restoring
 * units add up to its change of state (to 1e-9: the engine advances the states by exactly these terms), what one tank
 * of a two-tank store gains the other loses, and the store whose limit ended the discharge is named.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_PLANT_FILES, examplePlant } from './example-plants-node.js';
import { createPlant } from './index.js';
import type { StorePartBalance } from './balance.js';

const EXAMPLES = EXAMPLE_PLANT_FILES;
const plant = (name: string) => examplePlant(name);

/** |a − b| relative to the larger, with a floor for two values that both vanish. */
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

/** The templates whose working fluid never leaves the stores and the machines (CO2 between two stores). */
const CLOSED = new Set(['co2-gas-liquid', 'co2-transcritical', 'liquid-co2']);

test('the shipped plant examples are found, every template among them', () => {
  assert.ok(EXAMPLES.length >= 11, EXAMPLES.join(', '));
  const templates = new Set(EXAMPLES.map((n) => plant(n).template));
  assert.deepEqual([...templates].sort(), ['adiabatic-caes', 'co2-gas-liquid', 'co2-transcritical', 'diabatic-caes', 'liquid-co2']);
});

for (const name of EXAMPLES) {
  test(`${name}: every store part of the periodic design cycle ends where it began, and in − out + controller + standing + restored equals its change to 1e-9`, () => {
    const p = plant(name);
    const dc = p.performance().designCycle;
    const b = dc.storeBalance;
    assert.equal(b.periodic, true, `${name}: ${dc.mismatchAt}`);
    assert.equal(b.cycle, dc.cycles);
    assert.equal(b.tolerance, dc.tolerance);
    assert.ok(b.parts.length > 0);
    for (const q of b.parts) {
      const id = `${name}: ${q.store}.${q.part}`;
      assert.ok(q.periodicMismatch <= b.tolerance, `${id}: end − start ${q.atEnd - q.atStart} ${q.unit} (${q.periodicMismatch})`);
      assert.ok(q.residual <= 1e-9, `${id}: residual ${q.residual}`);
      // a mass exchanges nothing with the surroundings: only heat does
      if (q.quantity === 'mass') assert.equal(q.standing, 0, id);
      assert.ok(Number.isFinite(q.heatLost), id);
      for (const v of [q.chargeIn, q.chargeOut, q.dischargeIn, q.dischargeOut]) assert.ok(v >= 0, id);
      if (q.filledBy !== 'none') {
        assert.ok(q.in > 0 && q.out > 0, `${id}: in ${q.in}, out ${q.out}`);
        // what the emptying phase left: what it began with less what it took (a cold tank: the charge drains it first)
        const before = q.filledBy === 'charge' ? q.atCharged : q.atStart;
        const left = q.filledBy === 'charge' ? q.atDischarged : q.atCharged;
        assert.equal(q.remnant, left, id);
        if (q.quantity === 'mass') assert.ok(Math.abs(before - q.out - left) <= 1e-9 * before, `${id}: ${before} − ${q.out} vs ${left}`);
      }
    }
    // the two tanks of a thermal store trade their medium: what one gains in a phase the other loses
    const parts = new Map<string, StorePartBalance>(b.parts.map((q) => [`${q.store}.${q.part}`, q]));
    for (const s of b.stores.filter((s) => s.kind === 'thermal-store')) {
      const [hot, cold] = [parts.get(`${s.store}.hot`)!, parts.get(`${s.store}.cold`)!];
      assert.ok(relative(hot.chargeIn - hot.chargeOut, cold.chargeOut - cold.chargeIn) < 1e-9, `${name}: ${s.store} charge: hot +${hot.chargeIn}, cold −${cold.chargeOut}`);
      assert.ok(relative(hot.dischargeOut - hot.dischargeIn, cold.dischargeIn - cold.dischargeOut) < 1e-9, `${name}: ${s.store} discharge`);
      assert.ok(relative(hot.restored, -cold.restored) < 1e-9 || Math.abs(hot.restored + cold.restored) < 1e-9 * hot.in, `${name}: ${s.store} restored`);
    }
    // a closed CO2 plant moves its working fluid from one store to the other and keeps all of it
    if (CLOSED.has(p.template)) {
      const working = b.parts.filter((q) => q.workingFluid && q.quantity === 'mass');
      assert.equal(working.length, 2, `${name}: ${working.map((q) => q.store).join(', ')}`);
      const [x, y] = working;
      assert.ok(relative(x.in, y.out) < 1e-9 && relative(x.out, y.in) < 1e-9, `${name}: ${x.store} in ${x.in} out ${x.out}, ${y.store} in ${y.in} out ${y.out}`);
    }
    // the discharge ended on exactly one store, which is named (a limit of it, or the mode refusing on its state)
    const ended = b.stores.filter((s) => s.endedDischarge !== undefined);
    assert.equal(ended.length, 1, `${name}: ${b.dischargeStop}`);
    assert.equal(`discharge: ${ended[0].endedDischarge}`, dc.stops.find((s) => s.startsWith('discharge: ')));
  });
}

test('the ledger of a cycle with a hold and restoring units closes every component of the store states, and the standing heat it books is the engine’s own store loss', () => {
  // a gas-liquid plant with a basin (the tank cooler and heater put their heat in it) and a hold: all four terms move
  const brief = { charge: { power: '10 MW' }, discharge: { power: '10 MW' }, liquidTank: { volume: '2000 m3' } };
  const model = createPlant('co2-gas-liquid', brief, { ambientTemperature: 293.15 });
  const r = model.cycle({ chargeSeconds: 6 * 3600, holdSeconds: 4 * 3600, dischargeSeconds: 8 * 3600, stepSeconds: 600, restore: true });
  const L = r.ledger;
  const x0 = r.initialState;
  const x1 = r.finalState;
  let scale = 0;
  for (let i = 0; i < x0.length; i++) scale = Math.max(scale, Math.abs(x0[i]), Math.abs(x1[i]));
  let controlled = 0;
  for (let i = 0; i < x0.length; i++) {
    const sum =
      L.inflow.charge[i] - L.outflow.charge[i] + L.control.charge[i] + L.standing.charge[i] + L.standing.hold[i] +
      L.inflow.discharge[i] - L.outflow.discharge[i] + L.control.discharge[i] + L.standing.discharge[i] + L.restore[i];
    assert.ok(Math.abs(x1[i] - x0[i] - sum) <= 1e-12 * scale, `component ${i}: ${x1[i] - x0[i]} vs ${sum}`);
    controlled += Math.abs(L.control.charge[i]) + Math.abs(L.control.discharge[i]);
  }
  assert.ok(controlled > 0, 'the tank cooler or heater acted');
  // the standing exchange moves no mass, and the heat it books (the energy components: odd places of x, every store
  // part being a pair M, E) is the store loss the engine sums on its own
  let booked = 0;
  for (let i = 0; i < x0.length; i++) {
    const gained = L.standing.charge[i] + L.standing.hold[i] + L.standing.discharge[i];
    if (i % 2 === 0) assert.equal(gained, 0, `component ${i} is a mass`);
    else booked -= gained;
  }
  assert.ok(Math.abs(booked - r.metrics.storeLoss) <= 1e-9 * r.metrics.storeLoss, `ledger ${booked} J, engine ${r.metrics.storeLoss} J`);
  assert.ok(r.metrics.storeLoss > 0);
});
