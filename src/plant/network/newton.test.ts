import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Evaluator } from '../core/evaluator.js';
import type { Equation } from '../core/equation.js';
import { SOLVER_DEFAULTS, VAR_M, solveBlock, type SystemView } from './newton.js';

/**
 * One equation 0 = y³ − a in the unknown y (variable 1) with a the input (variable 0): Newton from a stale y needs
 * several iterations, its closed form y = ∛a one.
 */
function cubeRoot(start?: Float64Array): { sys: SystemView; closedForms: () => number } {
  let calls = 0;
  const eq: Equation = {
    owner: 'test',
    name: 'y³ = a',
    spec: false,
    vars: [0, 1],
    residual: (e) => e.x[1] ** 3 - e.x[0],
    gradient: (e, g) => {
      g.add(0, -1);
      g.add(1, 3 * e.x[1] ** 2);
    },
    solveFor: (e, v) => {
      calls++;
      return v === 1 ? Math.cbrt(e.x[0]) : undefined;
    },
  };
  const scales = { m: 1, p: 1e5, h: 1e5, T: 1, E: 1e5 };
  const e = new Evaluator([], 2, scales);
  const sys: SystemView = {
    equations: [eq],
    kinds: Uint8Array.of(VAR_M, VAR_M),
    upper: Float64Array.of(Infinity, Infinity),
    scales,
    e,
    options: SOLVER_DEFAULTS,
    colOf: Int32Array.of(-1, -1),
    ...(start ? { start } : {}),
  };
  return { sys, closedForms: () => calls };
}

test('a warm block whose input moved since the last solution is solved by its closed form, in one iteration', () => {
  // the last solution: a = 8, y = 2; now a = 27
  const { sys, closedForms } = cubeRoot(Float64Array.of(8, 2));
  sys.e.x.set([27, 2]);
  const r = solveBlock(sys, [0], [1], true);
  assert.ok(r.ok, r.reason);
  assert.equal(r.iterations, 1);
  assert.equal(closedForms(), 1);
  assert.equal(sys.e.x[1], 3);
});

test('a warm block whose inputs did not move is checked at its last value and kept, without its closed form', () => {
  const { sys, closedForms } = cubeRoot(Float64Array.of(27, 3));
  sys.e.x.set([27, 3]);
  const r = solveBlock(sys, [0], [1], true);
  assert.ok(r.ok, r.reason);
  assert.equal(r.iterations, 0);
  assert.equal(closedForms(), 0);
});

test('a warm block whose inputs did not move but whose last value no longer satisfies it (a specification changed) is solved by its closed form', () => {
  // the same a, but y left at 2 (as a changed specification leaves the equation)
  const { sys, closedForms } = cubeRoot(Float64Array.of(27, 2));
  sys.e.x.set([27, 2]);
  const r = solveBlock(sys, [0], [1], true);
  assert.ok(r.ok, r.reason);
  assert.equal(r.iterations, 1);
  assert.equal(closedForms(), 1);
  assert.equal(sys.e.x[1], 3);
});

test('a warm closed form that has no answer leaves the block to Newton from the stale value, to the same root within the tolerance', () => {
  const { sys } = cubeRoot(Float64Array.of(8, 2));
  const eq = sys.equations[0];
  const noAnswer: Equation = { ...eq, solveFor: () => undefined };
  const view: SystemView = { ...sys, equations: [noAnswer] };
  view.e.x.set([27, 2]);
  const r = solveBlock(view, [0], [1], true);
  assert.ok(r.ok, r.reason);
  assert.ok(r.iterations > 1, `${r.iterations} Newton iterations`);
  assert.ok(Math.abs(view.e.x[1] ** 3 - 27) <= SOLVER_DEFAULTS.tolerance, `${view.e.x[1]}`);
});
