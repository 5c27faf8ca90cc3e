import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalCdf, normalQuantile, normalSurvival } from './normal.js';
import { throwsField } from './testing.js';

/** Relative difference. */
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

test('the normal CDF matches tabulated values to 1e-14 relative, deep into the lower tail', () => {
  // Reference: Φ(x) = erfc(−x/√2)/2 to 17 digits (Wolfram Alpha / mpmath).
  const table: [number, number][] = [
    [-10, 7.6198530241605269e-24],
    [-5, 2.8665157187919391e-7],
    [-2.9, 1.8658133003840378e-3],
    [-1, 0.15865525393145705],
    [0, 0.5],
    [1.96, 0.97500210485177952],
  ];
  for (const [x, p] of table) assert.ok(rel(normalCdf(x), p) < 1e-14, `Φ(${x}) = ${normalCdf(x)}, expected ${p}`);
  assert.ok(rel(normalSurvival(5), 2.8665157187919391e-7) < 1e-14);
});

test('the quantile inverts the CDF from 1e-300 to 1 − 1e-16', () => {
  for (const p of [1e-300, 1e-20, 1e-10, 1e-3, 0.025, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999999]) {
    assert.ok(rel(normalCdf(normalQuantile(p)), p) < 2e-13, `p = ${p}`);
  }
  // Published: Φ⁻¹(0.975) = 1.959963984540054 (AS 241 / R qnorm)
  assert.ok(Math.abs(normalQuantile(0.975) - 1.959963984540054) < 1e-15);
  assert.equal(normalQuantile(0.5), 0);
});

test('the quantile refuses probabilities 0 and 1, which have no finite value', () => {
  throwsField(() => normalQuantile(0), 'p', /\(0, 1\)/);
  throwsField(() => normalQuantile(1), 'p', /\(0, 1\)/);
});
