import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parseNetwork } from './load.js';
import type { TwoTankStore } from '../components/two-tank-store.js';

/** examples/networks/salt-heater-user-liquid.yaml: solar salt after Zavoico (2001), valid 260–600 degC. */
const SALT_HEATER = parseYaml(readFileSync(new URL('../../../examples/networks/salt-heater-user-liquid.yaml', import.meta.url), 'utf8')) as {
  components: Record<string, Record<string, unknown>>;
  connections: Record<string, unknown>[];
};
const RANGE = '533.15 K ≤ T ≤ 873.15 K (the valid range of solar salt (Zavoico 2001))';

function saltHeater(edit: (f: typeof SALT_HEATER) => void) {
  const f = structuredClone(SALT_HEATER);
  edit(f);
  return parseNetwork(f);
}

test('a two-tank store whose cold tank lies below its liquid’s range is a field error before solving, naming the field, value and range', () => {
  const r = saltHeater((f) => (f.components.tes.T = '250 degC'));
  assert.equal(r.ok, false);
  assert.deepEqual(r.ok ? [] : r.issues, [
    { field: 'components.tes.T', value: 523.15, valid: RANGE, message: `two-tank-store tes: T = 523.15 K (250 degC) is not valid; valid: ${RANGE}` },
  ]);
});

test('a hot-tank temperature above the liquid’s range, given on the stream back into the store, is a field error at that connection', () => {
  const r = saltHeater((f) => (f.connections[2].T = '620 degC'));
  assert.equal(r.ok, false);
  assert.deepEqual(r.ok ? [] : r.issues, [
    { field: 'connections[2].T', value: 893.15, valid: RANGE, message: `connections[2]: stream heater → tes: T = 893.15 K (620 degC) is not valid; valid: ${RANGE}` },
  ]);
});

test('a hot-tank temperature tied to another stream’s (a ref) is checked at the value it comes to', () => {
  const r = saltHeater((f) => {
    f.connections[0].id = 'cold';
    f.connections[2].T = { ref: 'cold', delta: '340 K' };
  });
  assert.equal(r.ok, false);
  assert.deepEqual(r.ok ? [] : r.issues, [
    { field: 'connections[2].T', value: 903.15, valid: RANGE, message: `connections[2]: stream heater → tes: T = 903.15 K (630 degC, T of cold + 340 K) is not valid; valid: ${RANGE}` },
  ]);
});

test('a shipped liquid’s range is checked the same way (TVP1 from 12 degC), and the ends of a range are valid', () => {
  const tvp1 = saltHeater((f) => {
    f.components.tes.fluid = 'TVP1';
    f.components.tes.T = '10 degC';
    f.connections[2].T = '300 degC';
  });
  assert.equal(tvp1.ok, false);
  assert.deepEqual(tvp1.ok ? [] : tvp1.issues.map((i) => [i.field, i.value, i.valid]), [['components.tes.T', 283.15, '285.15 K ≤ T ≤ 670.15 K (the valid range of Therminol VP-1)']]);
  const ends = saltHeater((f) => {
    f.components.tes.T = 533.15;
    f.connections[2].T = 873.15;
  });
  assert.ok(ends.ok, ends.ok ? '' : ends.issues.map((i) => i.message).join('\n'));
});

test('a gas on the other side of the store’s exchanger is not held to the liquid’s range: only the liquid’s loop is followed', () => {
  const salt = SALT_HEATER.components.tes.fluid;
  const r = parseNetwork({
    deadState: { T: '20 degC', p: '1.013 bar' },
    components: {
      tes: { type: 'two-tank-store', mode: 'charge', T: '290 degC', p: '3 bar', fluid: salt },
      gas: { type: 'source', fluid: 'Air' },
      hx: { type: 'heat-exchanger', ttd_u: '20 K' },
      out: { type: 'sink' },
    },
    connections: [
      { from: 'gas', to: 'hx.hot_in', m: '50 kg/s', p: '1.2 bar', T: '700 degC' },
      { from: 'hx.hot_out', to: 'out', p: '1.1 bar' },
      { from: 'tes.supply', to: 'hx.cold_in' },
      { from: 'hx.cold_out', to: 'tes.return', p: '2.9 bar', T: '650 degC' },
    ],
  });
  assert.equal(r.ok, false);
  // 700 degC air is not the salt's business; 650 degC salt is
  assert.deepEqual(r.ok ? [] : r.issues.map((i) => [i.field, i.value]), [['connections[3].T', 923.15]]);
});

test('set() on a loaded store does not check the liquid’s range: a transient moving its tank temperature keeps its own handling', () => {
  const r = saltHeater(() => {});
  assert.ok(r.ok);
  if (!r.ok) return;
  const tes = r.network.component<TwoTankStore>('tes');
  tes.set({ T: 523.15 });
  assert.equal(tes.get().T, 523.15);
});
