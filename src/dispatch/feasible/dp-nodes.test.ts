import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DpTables } from './dp.js';
import { clearFirst, fillFirst, layerValue, packNodes } from './dp-nodes.js';

/** A grid of three states 0, 1, 2 J (only the fields the interpolation reads). */
const grid = { sLo: 0, sHi: 2, h: 1, N: 3 } as unknown as DpTables;

test('a node splits its grid cell: below it the line to its left limit, from it on the line from its right limit; other cells stay linear', () => {
  const V = Float64Array.of(0, 10, 20);
  const nd = packNodes([[{ z: 0.5, vl: 1, vr: 8 }]]);
  assert.equal(layerValue(grid, V, 0, nd, 0, 0.25), 0.5);
  assert.equal(layerValue(grid, V, 0, nd, 0, 0.5), 8);
  assert.equal(layerValue(grid, V, 0, nd, 0, 0.75), 9);
  assert.equal(layerValue(grid, V, 0, nd, 0, 1.5), 15);
  // without nodes, the chord across the cell
  assert.equal(layerValue(grid, V, 0, undefined, 0, 0.25), 2.5);
});

test('a node exactly on a grid state gives the cell below its left limit and the state itself its right one', () => {
  const V = Float64Array.of(0, 10, 20);
  const nd = packNodes([[{ z: 1, vl: 2, vr: 10 }]]);
  assert.equal(layerValue(grid, V, 0, nd, 0, 0.5), 1);
  assert.equal(layerValue(grid, V, 0, nd, 0, 1), 10);
  assert.equal(layerValue(grid, V, 0, nd, 0, 1.5), 15);
});

test('the backward pass marks the cells that hold a node (and the cell below a node on a grid state) and clears them again', () => {
  const nd = packNodes([[{ z: 0.5, vl: 0, vr: 1 }], [{ z: 1, vl: 0, vr: 1 }]])!;
  const first = new Int32Array(2 * 3).fill(-1);
  fillFirst(grid, nd, 2, first);
  assert.deepEqual(Array.from(first), [0, -1, -1, 1, 1, -1]);
  clearFirst(grid, nd, 2, first);
  assert.deepEqual(Array.from(first), [-1, -1, -1, -1, -1, -1]);
});
