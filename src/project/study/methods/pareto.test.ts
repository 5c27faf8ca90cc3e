import { test } from 'node:test';
import assert from 'node:assert/strict';
import { constrainedDominates, crowdingDistance, nonDominatedSort } from './pareto.js';

const feasible = (...objectives: number[]) => ({ objectives, violation: 0 });

test('the non-dominated sort peels fronts one after another', () => {
  const s = [feasible(1, 4), feasible(2, 2), feasible(4, 1), feasible(3, 3), feasible(4, 4), feasible(2, 2)];
  // (3, 3) is dominated by (2, 2); (4, 4) by (3, 3); the two (2, 2) do not dominate each other
  assert.deepEqual(nonDominatedSort(s), [[0, 1, 2, 5], [3], [4]]);
});

test('a feasible solution beats any infeasible one, and the smaller violation wins among the infeasible', () => {
  assert.ok(constrainedDominates(feasible(9, 9), { objectives: [0, 0], violation: 0.1 }));
  assert.ok(constrainedDominates({ objectives: [9, 9], violation: 0.1 }, { objectives: [0, 0], violation: 0.2 }));
  assert.ok(!constrainedDominates({ objectives: [0, 0], violation: Infinity }, { objectives: [9, 9], violation: 5 }));
  assert.deepEqual(nonDominatedSort([{ objectives: [0, 0], violation: 1 }, feasible(5, 5), feasible(4, 6)]), [[1, 2], [0]]);
});

test('the crowding distance is infinite at the ends and the normalised neighbour gap inside', () => {
  // front (0, 4), (1, 2), (3, 1), (4, 0): ranges 4 and 4; (1, 2): (3 − 0)/4 + (4 − 1)/4 = 1.5; (3, 1): (4 − 1)/4 + (2 − 0)/4 = 1.25
  const s = [feasible(3, 1), feasible(0, 4), feasible(4, 0), feasible(1, 2)];
  assert.deepEqual(crowdingDistance(s, [0, 1, 2, 3]), [1.25, Infinity, Infinity, 1.5]);
});
