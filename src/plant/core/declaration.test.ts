import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUANTITY_KINDS } from '../../units/index.js';
import { declarations } from '../components/registry.js';
import { COMPRESSOR } from '../components/compressor.js';
import { HEAT_EXCHANGER } from '../components/heat-exchanger.js';
import { TURBINE } from '../components/turbine.js';
import { componentQuantity } from './declaration.js';
import { describeParameters } from './parameters.js';

test('a component quantity is read from its declaration with its kind, SI range and doc', () => {
  const eta = componentQuantity(COMPRESSOR, 'eta_s');
  assert.deepEqual([eta.component, eta.key, eta.kind, eta.range], ['compressor', 'eta_s', 'fraction', { min: 0, max: 1, minOpen: true }]);
  assert.match(eta.doc, /^Isentropic efficiency/);
  // a turbine's pr expands (≤ 1), a compressor's compresses (≥ 1): turbomachine.ts declares both
  assert.deepEqual(componentQuantity(TURBINE, 'pr').range, { min: 0, max: 1, minOpen: true });
  assert.deepEqual(componentQuantity(COMPRESSOR, 'pr').range, { min: 1 });
  // 'free' or a ratio: the ratio's range is the one read
  assert.deepEqual(componentQuantity(HEAT_EXCHANGER, 'pr1').range, { min: 0, max: 1, minOpen: true });
  assert.deepEqual(componentQuantity(HEAT_EXCHANGER, 'ttd_min').range, {});
});

test('asking for a parameter that is not a declared quantity is a programming error naming the ones there are', () => {
  assert.throws(() => componentQuantity(COMPRESSOR, 'etaChar'), /'etaChar' is not a declared quantity parameter \(eta_s, eta_poly, pr, /);
  assert.throws(() => componentQuantity(COMPRESSOR, 'efficiency'), /'efficiency' is not a declared quantity parameter/);
});

test('every quantity parameter of every registered component can be read with its range', () => {
  let read = 0;
  for (const d of declarations()) {
    for (const row of describeParameters(d.parameters)) {
      if (!(row.kind in QUANTITY_KINDS)) continue;
      const q = componentQuantity(d, row.key);
      assert.equal(q.kind, row.kind, `${d.type} ${row.key}`);
      read++;
    }
  }
  assert.ok(read > 40, `${read} quantity parameters`);
});
