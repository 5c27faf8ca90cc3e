import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saltelliBlocks, saltelliDesign } from './saltelli.js';
import { sobolSequence } from './sobol.js';
import { throwsField } from './testing.js';

test('A and B are the two halves of a 2d-dimensional Sobol sequence, and AB_i takes column i from B', () => {
  const design = saltelliDesign(16, 3, { seed: 5, secondOrder: true });
  assert.equal(design.points.length, 16 * 8);
  const base = sobolSequence(16, 6, { seed: 5 });
  const { A, B, AB, BA } = saltelliBlocks(design);
  assert.deepEqual(A, base.map((r) => r.slice(0, 3)));
  assert.deepEqual(B, base.map((r) => r.slice(3)));
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 16; j++) {
      assert.deepEqual(AB[i][j], A[j].map((x, k) => (k === i ? B[j][i] : x)));
      assert.deepEqual(BA![i][j], B[j].map((x, k) => (k === i ? A[j][i] : x)));
    }
  }
});

test('without second order there are d + 2 blocks and no BA', () => {
  const design = saltelliDesign(8, 4);
  assert.equal(design.points.length, 8 * 6);
  assert.equal(saltelliBlocks(design).BA, undefined);
});

test('more parameters than the Sobol dimensions allow are refused with the limit', () => {
  throwsField(() => saltelliDesign(8, 65), 'd', /\[1, 64\]/);
});
