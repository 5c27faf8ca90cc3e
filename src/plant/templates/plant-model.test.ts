/**
 * The part-load maps' starting estimates of the auxiliaries (plant-model.ts auxGuess): solveNet meets each map
 * point's power to 1e-6 by re-solving with the auxiliaries it finds, so an estimate decides how many solves a point
 * takes, not its value; a poor one used to cost the liquid-CO2 maps four solves a point, and the fourth still missed
 * its power by 1.1e-4.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auxGuess } from './plant-model.js';

const COLS = 4;
const POWERS = Float64Array.from([30e6, 53.3e6, 76.7e6, 100e6]);
const DESIGN = { power: 100e6, aux: 5e6 };

/** Auxiliaries that are a state factor times a power factor (W), the map's points solved up to (i, j) and NaN after. */
function solvedUpTo(i: number, j: number, stateFactor: (row: number) => number, powerFactor: (col: number) => number): Float64Array {
  const aux = new Float64Array(5 * COLS).fill(NaN);
  for (let r = 0; r <= i; r++) for (let c = 0; c < COLS; c++) if (r < i || c < j) aux[r * COLS + c] = stateFactor(r) * powerFactor(c);
  return aux;
}

test('auxiliaries that scale with power the same way in every state are estimated exactly from the row before', () => {
  const state = (r: number) => 1 - 0.03 * r;
  const power = (c: number) => 1.2e6 + 0.04 * POWERS[c];
  const aux = solvedUpTo(2, 3, state, power);
  const got = auxGuess(aux, 2, 3, COLS, POWERS, DESIGN);
  assert.ok(Math.abs(got - state(2) * power(3)) <= 1e-9 * got, `${got} W against ${state(2) * power(3)} W`);
  // a row's first point: the row before's first
  assert.equal(auxGuess(solvedUpTo(2, 0, state, power), 2, 0, COLS, POWERS, DESIGN), state(1) * power(0));
});

test('the first row scales its left neighbour by the powers, and the very first point the design auxiliaries', () => {
  assert.equal(auxGuess(solvedUpTo(0, 0, () => 1, () => 1), 0, 0, COLS, POWERS, DESIGN), (5e6 * 30e6) / 100e6);
  const aux = solvedUpTo(0, 2, () => 1, (c) => 0.05 * POWERS[c]);
  assert.ok(Math.abs(auxGuess(aux, 0, 2, COLS, POWERS, DESIGN) - 0.05 * POWERS[2]) <= 1e-6);
});

test('a point that did not solve is skipped: the estimate comes from what did, and never of the order of the power itself', () => {
  const aux = solvedUpTo(1, 2, () => 1, (c) => 0.05 * POWERS[c]);
  aux[0 * COLS + 2] = NaN; // the row before failed at this power
  assert.ok(Math.abs(auxGuess(aux, 1, 2, COLS, POWERS, DESIGN) - (0.05 * POWERS[1] * POWERS[2]) / POWERS[1]) <= 1e-6);
  aux[1 * COLS + 1] = NaN; // and the left neighbour too: the row before's point at this power is gone, the design's scaled
  assert.equal(auxGuess(aux, 1, 2, COLS, POWERS, DESIGN), (5e6 * POWERS[2]) / 100e6);
  // the row before's ratio blown up by an almost-zero neighbour: the powers' ratio instead
  const tiny = solvedUpTo(1, 2, () => 1, (c) => 0.05 * POWERS[c]);
  tiny[0 * COLS + 1] = 1;
  assert.ok(Math.abs(auxGuess(tiny, 1, 2, COLS, POWERS, DESIGN) - (0.05 * POWERS[1] * POWERS[2]) / POWERS[1]) <= 1e-6);
});
