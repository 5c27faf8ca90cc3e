import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowsheetGraph, streamEnds, workingFluid } from './flowsheet-layout.js';
import type { SolutionJson } from '../views/types.js';

/** A solution with just what the layout reads: component ids and types, stream ids, labels and fluids. */
function solution(components: [string, string][], streams: [string, string, string][]): SolutionJson {
  return {
    components: components.map(([id, type]) => ({ id, type, exergyDestruction: 0, values: {}, notes: [] })),
    streams: streams.map(([id, label, fluid]) => ({ id, label, fluid })),
  } as unknown as SolutionJson;
}

// a compressor train storing into a tank, cooled by an oil loop from a two-tank store; a motor bus with no streams
const charge = solution(
  [
    ['air', 'source'],
    ['C1', 'compressor'],
    ['HX', 'heat-exchanger'],
    ['tank', 'storage-vessel'],
    ['oil', 'two-tank-store'],
    ['pump', 'pump'],
    ['motors', 'power-bus'],
  ],
  [
    ['s1', 'air → C1', 'Air'],
    ['s2', 'C1 → HX.hot_in', 'Air'],
    ['s3', 'HX.hot_out → tank', 'Air'],
    ['o1', 'oil → pump', 'TVP1'],
    ['o2', 'pump → HX.cold_in', 'TVP1'],
    ['o3', 'HX.cold_out → oil', 'TVP1'],
  ],
);

test('a stream label names the components and ports at its two ends', () => {
  assert.deepEqual(streamEnds('HXc1_oil.hot_out → HXc1_water.hot_in'), { from: { component: 'HXc1_oil', port: 'hot_out' }, to: { component: 'HXc1_water', port: 'hot_in' } });
  assert.deepEqual(streamEnds('dome → C1'), { from: { component: 'dome' }, to: { component: 'C1' } });
  assert.equal(streamEnds('no arrow'), undefined);
});

test('the working fluid is the one through the machines', () => {
  assert.equal(workingFluid(charge), 'Air');
});

test('the working fluid runs along the first row, left to right in the order of its streams', () => {
  const g = flowsheetGraph(charge);
  const at = (id: string) => g.nodes.find((n) => n.id === id)!;
  assert.deepEqual(['air', 'C1', 'HX', 'tank'].map((id) => at(id).row), [0, 0, 0, 0]);
  assert.ok(at('air').column < at('C1').column && at('C1').column < at('HX').column && at('HX').column < at('tank').column);
});

test('a store loop hangs below the spine, its supply just before the exchanger it feeds and its return the only backward stream', () => {
  const g = flowsheetGraph(charge);
  const at = (id: string) => g.nodes.find((n) => n.id === id)!;
  assert.equal(at('oil').row, 1);
  assert.equal(at('pump').row, 1);
  assert.equal(at('pump').column, at('HX').column - 1);
  assert.equal(at('oil').column, at('HX').column - 2);
  assert.deepEqual(g.edges.filter((e) => e.backward).map((e) => e.id), ['o3']);
});

test('a component without streams is placed on a row of its own below the loops', () => {
  const g = flowsheetGraph(charge);
  assert.equal(g.nodes.find((n) => n.id === 'motors')!.row, 2);
  assert.equal(g.rows, 3);
});

test('two spine components that fall in the same column are stacked, not drawn over each other', () => {
  // a recuperated expansion: the hot side of REC comes back from the turbine, its outlet leads on to a cooler and a sink
  const g = flowsheetGraph(
    solution(
      [
        ['tank', 'storage-vessel'],
        ['REC', 'heat-exchanger'],
        ['HX', 'heat-exchanger'],
        ['T', 'turbine'],
        ['PC', 'cooler'],
        ['out', 'sink'],
      ],
      [
        ['a', 'tank → REC.cold_in', 'CO2'],
        ['b', 'REC.cold_out → HX', 'CO2'],
        ['c', 'HX → T', 'CO2'],
        ['d', 'T → REC.hot_in', 'CO2'],
        ['e', 'REC.hot_out → PC', 'CO2'],
        ['f', 'PC → out', 'CO2'],
      ],
    ),
  );
  const cells = g.nodes.map((n) => `${n.column},${n.row}`);
  assert.equal(new Set(cells).size, cells.length);
  assert.deepEqual(g.edges.filter((e) => e.backward).map((e) => e.id), ['d']);
});
