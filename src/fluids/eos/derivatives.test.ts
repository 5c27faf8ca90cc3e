/**
 * The hand-coded derivatives of αʳ and α⁰ against 5-point central differences of the next-lower analytic
 * derivative (error O(h⁴)), and αʳ, αʳ_δ against the double-double evaluation written straight from the term
 * definitions (a slow, independent implementation).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as DATA from '../data/index.js';
import { ResidualHelmholtz } from './residual.js';
import { IdealHelmholtz } from './ideal.js';
import { AlphaDerivatives } from './derivatives.js';
import { residualDD } from './residual-dd.js';
import { DD } from '../../numerics/dd.js';

const FLUIDS = [DATA.CO2, DATA.AIR, DATA.WATER, DATA.NITROGEN, DATA.OXYGEN, DATA.ARGON, DATA.METHANE];
// (τ, δ) points: gas, liquid, near-critical on both sides of δ = 1, supercritical, dilute
const POINTS: [number, number][] = [
  [0.9, 0.5],
  [1.05, 1.1],
  [1.0001, 0.9999],
  [0.999, 1.002],
  [1.3, 2.4],
  [0.4, 0.02],
  [0.7, 1.6],
];

type Key = keyof AlphaDerivatives;
/** (derivative, lower derivative it is the δ- or τ-derivative of, direction) */
const CHAINS: [Key, Key, 'd' | 't'][] = [
  ['d', 'a', 'd'],
  ['dd', 'd', 'd'],
  ['ddd', 'dd', 'd'],
  ['t', 'a', 't'],
  ['tt', 't', 't'],
  ['ttt', 'tt', 't'],
  ['dt', 'd', 't'],
  ['ddt', 'dd', 't'],
  ['dtt', 'dt', 't'],
];

function checkDerivatives(label: string, evaluate: (tau: number, delta: number) => AlphaDerivatives) {
  for (const [tau, delta] of POINTS) {
    const c = evaluate(tau, delta);
    // step well inside the distance to the non-analytic point δ = 1, τ = 1
    const near = Math.min(1, Math.max(Math.abs(delta - 1), Math.abs(tau - 1)));
    for (const [key, lower, dir] of CHAINS) {
      const h = 1e-3 * near * (dir === 'd' ? delta : tau);
      const at = (e: number) => (dir === 'd' ? evaluate(tau, delta + e) : evaluate(tau + e, delta))[lower] as number;
      const fd = (at(-2 * h) - 8 * at(-h) + 8 * at(h) - at(2 * h)) / (12 * h);
      const an = c[key] as number;
      const scale = Math.max(1, Math.abs(an), Math.abs(c[lower] as number));
      assert.ok(Math.abs(an - fd) <= 2e-7 * scale, `${label} ${key} at τ = ${tau}, δ = ${delta}: analytic ${an}, differenced ${fd}`);
    }
  }
}

for (const data of FLUIDS) {
  test(`${data.name}: residual derivatives to third order agree with central differences`, () => {
    const ev = new ResidualHelmholtz(data.alphar);
    checkDerivatives(`${data.name} αʳ`, (t, d) => ev.evaluate(t, d, new AlphaDerivatives(), true));
  });

  test(`${data.name}: ideal-gas derivatives to third order agree with central differences`, () => {
    const ev = new IdealHelmholtz(data.alpha0);
    checkDerivatives(`${data.name} α⁰`, (t, d) => ev.evaluate(t, d, new AlphaDerivatives(), true));
  });

  test(`${data.name}: αʳ and αʳ_δ equal an independent double-double evaluation of the terms`, () => {
    const ev = new ResidualHelmholtz(data.alphar);
    for (const [tau, delta] of POINTS) {
      const fast = ev.evaluate(tau, delta, new AlphaDerivatives());
      const slow = residualDD(data.alphar, DD.of(tau), DD.of(delta));
      assert.ok(Math.abs(fast.a - slow.a.toNumber()) <= 1e-13 * Math.max(1, Math.abs(fast.a)), `${data.name} αʳ at ${tau}, ${delta}: ${fast.a} vs ${slow.a.toNumber()}`);
      assert.ok(Math.abs(fast.d - slow.d.toNumber()) <= 1e-13 * Math.max(1, Math.abs(fast.d)), `${data.name} αʳ_δ at ${tau}, ${delta}: ${fast.d} vs ${slow.d.toNumber()}`);
    }
  });
}

test('the τ-cache does not leak between temperatures', () => {
  const ev = new ResidualHelmholtz(DATA.CO2.alphar);
  const a = ev.evaluate(0.9, 1.2, new AlphaDerivatives(), true);
  ev.evaluate(1.1, 1.2, new AlphaDerivatives(), true);
  const b = ev.evaluate(0.9, 1.2, new AlphaDerivatives(), true);
  assert.deepEqual({ ...a }, { ...b });
});

test('the δ-only evaluation equals the full one (αʳ, αʳ_δ, αʳ_δδ, αʳ_δδδ) for every fluid over a (τ, δ) grid', () => {
  for (const data of FLUIDS) {
    const ev = new ResidualHelmholtz(data.alphar);
    for (let i = 0; i <= 12; i++) {
      for (let j = 0; j <= 16; j++) {
        const tau = 0.3 + i * 0.1;
        const delta = 1e-6 + j * 0.2;
        const full = ev.evaluate(tau, delta, new AlphaDerivatives(), true);
        const fast = ev.evaluateDelta(tau, delta, new AlphaDerivatives());
        for (const key of ['a', 'd', 'dd', 'ddd'] as const) {
          const scale = Math.max(1e-300, Math.abs(full[key]));
          assert.ok(Math.abs(fast[key] - full[key]) <= 1e-14 * scale, `${data.name} ${key} at τ = ${tau}, δ = ${delta}: ${fast[key]} vs ${full[key]}`);
        }
      }
    }
  }
});
