import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockTriangularOrder, maximumMatching, overdeterminedEquations, underdeterminedVariables } from './structure.js';

test('a lower-triangular system falls apart into single equations, solved in dependency order', () => {
  // e0: x0; e1: x0, x1; e2: x1, x2 (listed out of order)
  const adjacency = [[1, 2], [0], [0, 1]];
  const m = maximumMatching(3, adjacency);
  assert.equal(m.size, 3);
  const blocks = blockTriangularOrder(adjacency, m);
  assert.deepEqual(blocks, [[1], [2], [0]]);
});

test('a loop of equations becomes one block after what it depends on', () => {
  // e0: x0 (alone); e1: x1, x2, x0; e2: x1, x2 (e1 and e2 couple x1 and x2)
  const adjacency = [[0], [1, 2, 0], [1, 2]];
  const m = maximumMatching(3, adjacency);
  const blocks = blockTriangularOrder(adjacency, m);
  assert.deepEqual(blocks.map((b) => [...b].sort()), [[0], [1, 2]]);
});

test('too many equations on the same unknowns are found as the over-determined part, unfixed unknowns as the under-determined part', () => {
  // e0: x0; e1: x0 (conflict); e2: x1, x2 (x1, x2 need two equations, have one)
  const adjacency = [[0], [0], [1, 2]];
  const m = maximumMatching(3, adjacency);
  assert.equal(m.size, 2);
  assert.deepEqual(overdeterminedEquations(adjacency, m), [0, 1]);
  assert.deepEqual(underdeterminedVariables(3, adjacency, m), [1, 2]);
});

test('the matching finds augmenting paths a greedy start would miss', () => {
  // e0: x0, x1; e1: x0 — greedy may give x0 to e0; augmenting moves e0 to x1
  const adjacency = [[0, 1], [0]];
  const m = maximumMatching(2, adjacency);
  assert.equal(m.size, 2);
  assert.equal(m.varOfEq[1], 0);
  assert.equal(m.varOfEq[0], 1);
});
