/**
 * The cyclic plain-storage LP on the dedicated solver (a search over the start of concave f) against HiGHS solving
 * the cyclic LP itself (the oracle): the same optimum on random stores and prices, including ones whose best start
 * is not the empty store, and the Luoyang Li-ion plant's first year.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { partLoadCurve, simpleStorage, type StorageParams } from '../dispatch/model.js';
import type { PriceSeries } from '../dispatch/prices.js';
import { solveDispatch } from '../dispatch/solve.js';
import { solveCyclicPlainDispatch } from './cyclic-dispatch.js';
import { buildLiIonPlant } from './li-ion.js';
import { LiIonParametersSchema, liIonParameters } from './li-ion-schema.js';
import { priceSeries } from './market.js';
import { parseProjectValue } from './parse.js';
import { storageParams } from './storage.js';
import { uniformSource } from '../numerics/random.js';

const MW = 1e6;
const MWH = 3.6e9;
const START = Date.UTC(2025, 0, 1) - 8 * 3600_000;

/** The project's seeded generator, so that a failing case can be rerun. */
const rng = uniformSource;

function series(perMWh: Float64Array): PriceSeries {
  return { startMs: START, stepSeconds: 3600, prices: perMWh.map((p) => p / MWH), utcOffsetMinutes: 480 };
}

/** A cyclic store (free start) on daily price swings; `peakFirst` puts a price peak in the first hours, so that the
 *  best year starts with energy in store (sold at once, bought back in the last hours' valley). */
function cyclicCase(seed: number, peakFirst: boolean): { s: PriceSeries; storage: StorageParams } {
  const r = rng(seed);
  const T = 48 + Math.floor(r() * 300);
  const prices = new Float64Array(T);
  for (let t = 0; t < T; t++) prices[t] = Math.max(0, 200 + 300 * Math.sin((2 * Math.PI * t) / 24 + r()) + 150 * r());
  if (peakFirst) {
    for (let t = 0; t < 3; t++) prices[t] = 1500 + 100 * r();
    for (let t = T - 4; t < T; t++) prices[t] = 10 * r();
  }
  let storage = simpleStorage({
    power: (20 + 100 * r()) * MW,
    powerCharge: (20 + 100 * r()) * MW,
    energy: (50 + 500 * r()) * MWH,
    etaCharge: 0.6 + 0.4 * r(),
    etaDischarge: 0.6 + 0.4 * r(),
    socMin: 0.1 * r(),
    socMax: 0.9 + 0.1 * r(),
    standingLoss: r() < 0.5 ? 0 : (r() * 0.01) / 3600,
    degradationCost: r() < 0.5 ? 0 : (r() * 20) / MWH,
    endState: { kind: 'cyclic' },
  });
  if (r() < 0.4) {
    const Pc = (storage.charge as { powerMax: number }).powerMax;
    const Pd = (storage.discharge as { powerMax: number }).powerMax;
    storage = {
      ...storage,
      charge: partLoadCurve('charge', [{ power: 0, efficiency: 1 }, { power: 0.4 * Pc, efficiency: 0.95 }, { power: 0.7 * Pc, efficiency: 0.9 }, { power: Pc, efficiency: 0.85 }]),
      discharge: partLoadCurve('discharge', [{ power: 0, efficiency: 1 }, { power: 0.3 * Pd, efficiency: 0.93 }, { power: 0.6 * Pd, efficiency: 0.9 }, { power: Pd, efficiency: 0.84 }]),
    };
  }
  return { s: series(prices), storage };
}

test('the cyclic LP on the dedicated solver reaches the HiGHS optimum on 30 random stores, half of them best started with energy in store (1e-9 relative)', async () => {
  let aboveEmpty = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const { s, storage } = cyclicCase(seed, seed % 2 === 0);
    const oracle = await solveDispatch(s, storage);
    assert.ok(oracle.ok, `seed ${seed}: HiGHS ${oracle.ok ? '' : oracle.reason}`);
    const mine = await solveCyclicPlainDispatch(s, storage);
    assert.ok(mine.ok, `seed ${seed}: ${mine.ok ? '' : mine.reason}`);
    assert.equal(mine.value.solver, 'flow', `seed ${seed}: ${mine.value.fallbackReason}`);
    const a = mine.value.netRevenue;
    const b = oracle.value.netRevenue;
    assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `seed ${seed}: flow ${a} vs HiGHS ${b} (rel ${(a - b) / b})`);
    // the year ends where it began
    const x = mine.value.schedule;
    const E = storage.energyCapacity;
    assert.ok(Math.abs(x.energy[x.energy.length - 1] - x.energyInitial) <= 1e-9 * E, `seed ${seed}: end ${x.energy[x.energy.length - 1]} vs start ${x.energyInitial}`);
    if (x.energyInitial > storage.socMin * E + 1e-6 * E) aboveEmpty++;
  }
  assert.ok(aboveEmpty >= 10, `${aboveEmpty} of 30 cases start above the empty store (the search is exercised)`);
});

test('a cyclic store the dedicated solver cannot take (a daily cycle limit) is solved by HiGHS, which says why', async () => {
  const { s, storage } = cyclicCase(3, false);
  const r = await solveCyclicPlainDispatch(s, { ...storage, dailyCycleLimit: 1 });
  assert.ok(r.ok);
  assert.equal(r.value.solver, 'highs');
  assert.equal(r.value.fallbackReason, 'a free starting state (cyclic end)');
});

test('the Luoyang Li-ion plant’s first year (cyclic, with its wear cost) earns the HiGHS optimum on the dedicated solver (1e-9 relative)', async () => {
  const raw = parse(readFileSync(new URL('../../examples/luoyang/compare.yaml', import.meta.url), 'utf8'));
  const { spec } = parseProjectValue(raw);
  const li = spec.plants.find((p) => p.template === 'li-ion')!;
  const plant = buildLiIonPlant(liIonParameters(LiIonParametersSchema.parse({ ...li.parameters, years: 15 })), spec.site);
  const prices = priceSeries(spec.market, spec.site, () => '');
  // a wear cost of 20 yuan/MWh, of the order the life model implies after the first year
  const { storage } = storageParams(plant.performance, spec.dispatch, 20 / MWH);
  assert.equal(storage.endState.kind, 'cyclic');
  const oracle = await solveDispatch(prices, storage);
  const mine = await solveCyclicPlainDispatch(prices, storage);
  assert.ok(oracle.ok && mine.ok);
  assert.equal(mine.value.solver, 'flow');
  const a = mine.value.netRevenue;
  const b = oracle.value.netRevenue;
  assert.ok(b > 50e6, `${b} yuan a year`);
  assert.ok(Math.abs(a - b) <= 1e-9 * Math.abs(b), `flow ${a} vs HiGHS ${b} (rel ${(a - b) / b})`);
});
