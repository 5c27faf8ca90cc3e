/**
 * A (p, h) flash started from the last state of a sequence (FlashHint: an exchanger profile's nodes) finds the same
 * state as one started from the isobar table, and the hint says when it holds a state.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid, FLASH_TOLERANCE, FlashHint } from '../index.js';
import { Guess } from './isobar-table.js';
import { predictFromHint } from './hint.js';

/** Profiles (p0 → p1 Pa, T0 → T1 K) on straight lines in (p, h), as an exchanger side's nodes lie. */
const PROFILES: Record<string, [number, number, number, number][]> = {
  // supercritical cooling, gas heating, near-critical, compressed liquid, across the dome (condensing)
  CO2: [[10e6, 9.9e6, 420, 320], [2e6, 1.98e6, 300, 450], [8e6, 7.95e6, 310, 360], [15e6, 14.8e6, 280, 330], [5e6, 4.97e6, 330, 270]],
  // boiling feed water, superheated steam
  Water: [[1e6, 0.98e6, 300, 500], [1e5, 0.99e5, 400, 600]],
};

for (const [name, profiles] of Object.entries(PROFILES)) {
  test(`${name}: flashes along a profile with a hint give the states without one, to FLASH_TOLERANCE`, () => {
    const f = fluid(name);
    const hint = new FlashHint();
    for (const [p0, p1, T0, T1] of profiles) {
      const h0 = f.tp(T0, p0).h;
      const h1 = f.tp(T1, p1).h;
      hint.reset();
      let previous = 'none';
      for (let j = 0; j <= 24; j++) {
        const p = p0 + (j / 24) * (p1 - p0);
        const h = h0 + (j / 24) * (h1 - h0);
        // every node after a single-phase one starts from the hint
        assert.equal(hint.valid, previous !== 'none' && previous !== 'twophase', `hint before p = ${p}, h = ${h} (after ${previous})`);
        const a = f.ph(p, h, hint);
        const b = f.ph(p, h);
        assert.equal(a.phase, b.phase, `phase at p = ${p}, h = ${h}`);
        assert.ok(Math.abs(a.T - b.T) <= FLASH_TOLERANCE.T * b.T, `T at p = ${p}, h = ${h}: ${a.T} against ${b.T}`);
        assert.ok(Math.abs(a.rho - b.rho) <= FLASH_TOLERANCE.rho * b.rho, `rho at p = ${p}, h = ${h}: ${a.rho} against ${b.rho}`);
        // the state left in the hint is the one returned
        if (hint.valid) assert.deepEqual([hint.T, hint.rhoMolar], [a.T, a.rhoMolar]);
        previous = a.phase;
      }
    }
  });
}

test('a hint far from the state asked for (another phase, another pressure) still gives the state without one', () => {
  const co2 = fluid('CO2');
  const hint = new FlashHint();
  const cases: [number, number, number, number][] = [
    // [hint's T, p] → [T, p] asked for (by its h)
    [250, 20e6, 500, 1e5],
    [500, 1e5, 250, 20e6],
    [280, 5e6, 290, 5e6], // liquid hint, vapour asked for, across the dome at one pressure
    [305, 7.4e6, 304, 7.38e6], // next to the critical point
  ];
  for (const [Th, ph, T, p] of cases) {
    hint.reset();
    co2.ph(ph, co2.tp(Th, ph).h, hint);
    assert.ok(hint.valid);
    const h = co2.tp(T, p).h;
    const a = co2.ph(p, h, hint);
    const b = co2.ph(p, h);
    assert.equal(a.phase, b.phase);
    assert.ok(Math.abs(a.T - b.T) <= FLASH_TOLERANCE.T * b.T, `T ${a.T} against ${b.T} (hint from ${Th} K, ${ph} Pa)`);
  }
});

test("the hint's first-order step lands nearer the next node of a CO2 profile than the hint's own state, within 1e-2", () => {
  const co2 = fluid('CO2');
  const M = co2.engine.eos.M;
  for (const [p, Ta, Tb] of [[10e6, 420, 320], [2e6, 300, 450], [15e6, 280, 330]]) {
    const hint = new FlashHint();
    const step = new Guess();
    const h0 = co2.tp(Ta, p).h;
    const h1 = co2.tp(Tb, p).h;
    for (let j = 0; j <= 24; j++) {
      const h = h0 + (j / 24) * (h1 - h0);
      const from = { T: hint.T, rhoMolar: hint.rhoMolar };
      const predicted = predictFromHint(hint, p, h * M, step);
      assert.equal(predicted, j > 0, `a step is predicted from every node but the first (${j})`);
      const state = co2.ph(p, h, hint);
      if (!predicted) continue;
      const off = (g: { T: number; rhoMolar: number }) => Math.max(Math.abs(g.T / state.T - 1), Math.abs(g.rhoMolar / state.rhoMolar - 1));
      assert.ok(off(step) < 1e-2 && off(step) < off(from) / 4, `node ${j} at ${p} Pa: the step is ${off(step)} off, the last state ${off(from)}`);
    }
  }
});

test('a two-phase state leaves the hint empty', () => {
  const co2 = fluid('CO2');
  const hint = new FlashHint();
  co2.ph(10e6, co2.tp(400, 10e6).h, hint);
  assert.ok(hint.valid);
  const wet = co2.tq(287.4, 0.5);
  assert.equal(co2.ph(wet.p, wet.h, hint).phase, 'twophase');
  assert.equal(hint.valid, false);
});
