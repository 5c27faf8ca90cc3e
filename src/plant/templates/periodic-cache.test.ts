import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, PeriodicCache, periodicCycleKey } from './periodic-cache.js';

const SITE = { ambientTemperature: 293.15, ambientPressure: 101325 };

test('the key of a plant does not depend on the order its parameters are listed in', () => {
  const a = periodicCycleKey({ template: 'co2-gas-liquid', parameters: { charge: { power: 1e8 }, liquidTank: { volume: 17000 } }, ...SITE });
  const b = periodicCycleKey({ template: 'co2-gas-liquid', parameters: { liquidTank: { volume: 17000 }, charge: { power: 1e8 } }, ...SITE });
  assert.equal(a, b);
  assert.equal(canonicalJson({ b: [2, { d: 1, c: 0 }], a: new Float64Array([0.5]) }), '{"a":[0.5],"b":[2,{"c":0,"d":1}]}');
});

test('the key changes with the template, any parameter, the ambient temperature and the ambient pressure', () => {
  const base = { template: 'co2-gas-liquid', parameters: { charge: { power: 1e8 } }, ...SITE };
  const keys = [
    base,
    { ...base, template: 'adiabatic-caes' },
    { ...base, parameters: { charge: { power: 1.0000001e8 } } },
    { ...base, ambientTemperature: 293.16 },
    { ...base, ambientPressure: 101000 },
  ].map(periodicCycleKey);
  assert.equal(new Set(keys).size, keys.length);
});

test('a second lookup of the same plant returns the very same result without computing it again', () => {
  const cache = new PeriodicCache<{ rte: number }>();
  let runs = 0;
  const key = periodicCycleKey({ template: 'co2-gas-liquid', parameters: {}, ...SITE });
  const first = cache.get(key, () => ({ rte: 0.5 + 0.01 * ++runs }));
  const second = cache.get(key, () => ({ rte: 0.5 + 0.01 * ++runs }));
  assert.equal(second, first);
  assert.deepEqual([runs, cache.hits, cache.misses], [1, 1, 1]);
});

test('the least recently used plant goes first once the cache is full, and a failed computation keeps nothing', () => {
  const cache = new PeriodicCache<string>(2);
  cache.get('a', () => 'A');
  cache.get('b', () => 'B');
  cache.get('a', () => 'A again'); // a is now the most recently used
  cache.get('c', () => 'C'); // b goes
  assert.equal(cache.size, 2);
  assert.equal(cache.get('a', () => 'A recomputed'), 'A');
  assert.equal(cache.get('b', () => 'B recomputed'), 'B recomputed');
  assert.throws(() => cache.get('d', () => { throw new Error('drifting'); }), /drifting/);
  assert.equal(cache.get('d', () => 'D'), 'D');
  assert.throws(() => new PeriodicCache(0), /maxEntries = 0 is not valid; valid: an integer ≥ 1/);
});
