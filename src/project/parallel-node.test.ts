/**
 * The plants of a project on worker threads give the in-process evaluation's results (timings aside), in the
 * file's order, with the project's files read relative to it in each thread and progress reported from the threads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hourlyPricesCsv } from './testing.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, parseProjectText } from './index.js';
import { readRelativeTo } from './node.js';
import { earlyDispatchThread, evaluateInThreads } from './parallel-node.js';


const FINANCE = (years: number) => `{ currency: CNY, discountRate: 8 %, operatingYears: ${years} years, capex: { items: [ { kind: perEnergy, name: system, energy: 40 MWh, unitCost: 500 yuan/kWh } ] } }`;

const PROJECT = `
name: threads
site: { name: Luoyang, timeZone: Asia/Shanghai, ambientTemperature: [1 degC, 5 degC, 10.5 degC, 16.5 degC, 22 degC, 26.5 degC, 27.5 degC, 26 degC, 21.5 degC, 16 degC, 9 degC, 3 degC] }
market: { year: 2025, prices: prices.csv }
dispatch: { horizon: year }
plants:
  - name: battery
    performance: { power: 10 MW, energy: 40 MWh, roundTripEfficiency: 81 % }
    finance: ${FINANCE(10)}
  - name: LFP
    template: li-ion
    parameters: { cell: lfp-280ah, power: 10 MW, energy: 40 MWh, unitCost: 500 yuan/kWh }
    finance: ${FINANCE(2)}
  - name: slow battery
    performance: { power: 5 MW, energy: 40 MWh, roundTripEfficiency: 75 % }
    finance: ${FINANCE(10)}
`;

/** A copy without wall times (keys ending in "seconds"), typed arrays as plain arrays. */
function withoutTimes(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (/seconds$/i.test(k) ? undefined : ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
}

test('plants evaluated on two worker threads give the in-process results in the file’s order, with progress from the threads', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-threads-'));
  writeFileSync(join(dir, 'prices.csv'), hourlyPricesCsv(2025));
  const p = parseProjectText(PROJECT, join(dir, 'threads.yaml'), readRelativeTo(dir));
  const alone = await evaluate(p.spec, { readText: p.readText });
  const seen = new Set<string>();
  const done: number[] = [];
  const threaded = await evaluateInThreads(p.spec, {
    readText: p.readText,
    baseDir: dir,
    threads: 2,
    onProgress: (e) => seen.add(`${e.plant}: ${e.stage}`),
    onPlant: (_plant, i) => done.push(i),
  });
  assert.deepEqual(threaded.plants.map((x) => x.name), ['battery', 'LFP', 'slow battery']);
  assert.deepStrictEqual(withoutTimes(threaded), withoutTimes(alone));
  assert.ok(threaded.plants[1].battery!.years.length === 2 && threaded.plants[0].dispatch.revenue > 0);
  for (const s of ['battery: finance', 'LFP: dispatch', 'slow battery: finance']) assert.ok(seen.has(s), `${s} in ${[...seen].join(', ')}`);
  assert.deepEqual([...done].sort(), [0, 1, 2]);
});

// the slow battery with a minimum load: its dispatch is the DP's, run on the dispatch thread (a coarse grid: quick)
const DP_PROJECT = PROJECT.replace('dispatch: { horizon: year }', 'dispatch: { horizon: year, grid: { socLevels: 41, powerLevels: 4 } }').replace(
  'roundTripEfficiency: 75 % }',
  'roundTripEfficiency: 75 %, minimumLoad: 40 % }',
);

test('a dispatch thread started before the project is read runs the evaluation’s dispatches, gives the in-process results and is closed after, used or not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-early-thread-'));
  writeFileSync(join(dir, 'prices.csv'), hourlyPricesCsv(2025));
  assert.equal(earlyDispatchThread({ baseDir: dir, cacheDir: undefined }, 3), undefined, 'none where the plants get threads of their own');
  const early = earlyDispatchThread({ baseDir: dir, cacheDir: undefined }, 1);
  assert.ok(early);
  const p = parseProjectText(DP_PROJECT, join(dir, 'early.yaml'), readRelativeTo(dir));
  const overlapped = await evaluateInThreads(p.spec, { readText: p.readText, baseDir: dir, threads: 1, startedDispatchThread: early });
  const alone = await evaluate(p.spec, { readText: p.readText });
  assert.equal(overlapped.plants[2].dispatch.formulation, 'dp');
  assert.deepStrictEqual(withoutTimes(overlapped), withoutTimes(alone));
  // the requests sent to it (done there, or taken back by the main thread when it had nothing else to do)
  assert.ok(early.stats.done + early.stats.local + early.stats.plants >= 2, `requests sent to the thread: ${JSON.stringify(early.stats)}`);
  await assert.rejects(early.plant(p.spec, 1), /no dispatch thread/, 'closed after the evaluation');
  // plants on threads of their own (two): the early thread is not used, and closed
  const unused = earlyDispatchThread({ baseDir: dir, cacheDir: undefined }, 1)!;
  const threaded = await evaluateInThreads(p.spec, { readText: p.readText, baseDir: dir, threads: 2, startedDispatchThread: unused });
  assert.deepStrictEqual(withoutTimes(threaded), withoutTimes(alone));
  assert.deepEqual(unused.stats, { done: 0, local: 0, plants: 0 });
  await assert.rejects(unused.plant(p.spec, 1), /no dispatch thread/, 'closed after the evaluation');
});
