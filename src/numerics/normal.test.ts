import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalCdf, normalPdf, normalQuantile, normalSurvival } from './normal.js';

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
  assert.throws(() => normalQuantile(0), /p = 0 is not valid; valid: a finite number in \(0, 1\)/);
  assert.throws(() => normalQuantile(1, 'confidence'), /confidence = 1 is not valid; valid: a finite number in \(0, 1\)/);
});

// Φ(x) to 15 digits from tables of the normal distribution (Abramowitz & Stegun 26.2; also scipy.stats.norm.cdf).
test('the normal CDF matches the Abramowitz & Stegun table to 1e-13 relative on both sides of the series/fraction switch', () => {
  const table: [number, number][] = [
    [1, 0.841344746068543],
    [2, 0.977249868051821],
    [-3, 0.00134989803163009],
    [3.5, 0.999767370920964],
  ];
  for (const [x, v] of table) assert.ok(rel(normalCdf(x), v) < 1e-13, `Φ(${x}) = ${normalCdf(x)}, table ${v}`);
});

test('the normal density is 1/√(2π) at zero and e^(−1/2)/√(2π) at one', () => {
  assert.ok(Math.abs(normalPdf(0) - 0.3989422804014327) < 1e-16);
  assert.ok(Math.abs(normalPdf(1) - 0.24197072451914337) < 1e-16);
});
