import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as DATA from '../data/index.js';
import { ResidualHelmholtz } from './residual.js';
import { AlphaDerivatives } from './derivatives.js';

const FLUIDS = [DATA.CO2, DATA.AIR, DATA.WATER, DATA.NITROGEN, DATA.OXYGEN, DATA.ARGON, DATA.METHANE];
const KEYS = ['a', 'd', 'dd', 'ddd', 't', 'tt', 'ttt', 'dt', 'ddt', 'dtt'] as const;

test('the unrolled kernels give the loops’ results (every derivative, every fluid, over a (τ, δ) grid)', () => {
  for (const data of FLUIDS) {
    const loops = new ResidualHelmholtz(data.alphar, { compiled: false });
    const fast = new ResidualHelmholtz(data.alphar);
    for (let i = 0; i <= 14; i++) {
      for (let j = 0; j <= 18; j++) {
        const tau = 0.25 + i * 0.09;
        const delta = 1e-6 + j * 0.19;
        for (const third of [false, true]) {
          const want = loops.evaluate(tau, delta, new AlphaDerivatives(), third);
          const got = fast.evaluate(tau, delta, new AlphaDerivatives(), third);
          for (const key of third ? KEYS : KEYS.slice(0, 3).concat(['t', 'tt', 'dt'] as const)) {
            const tol = 1e-14 * Math.max(1e-300, Math.abs(want[key]));
            assert.ok(Math.abs(got[key] - want[key]) <= tol, `${data.name} ${key} at τ = ${tau}, δ = ${delta}: ${got[key]} vs loops ${want[key]}`);
          }
        }
        const want = loops.evaluateDelta(tau, delta, new AlphaDerivatives());
        const got = fast.evaluateDelta(tau, delta, new AlphaDerivatives());
        for (const key of ['a', 'd', 'dd', 'ddd'] as const) {
          assert.ok(Math.abs(got[key] - want[key]) <= 1e-14 * Math.max(1e-300, Math.abs(want[key])), `${data.name} δ-only ${key} at τ = ${tau}, δ = ${delta}: ${got[key]} vs loops ${want[key]}`);
        }
      }
    }
  }
});
