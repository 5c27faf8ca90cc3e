/**
 * The dispatch thread gives the in-process results: a plant-feasible dispatch run on it is the one run here (every
 * double, timings aside); a job that fails there fails with the error the main thread gives; and a project whose
 * DP dispatches run on it, the plants overlapping, is the project evaluated in turn, in the file's order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hourlyPricesCsv } from './testing.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envelopeFromMaps } from '../dispatch/feasible/envelope.js';
import { DispatchInputError } from '../dispatch/errors.js';
import { gridPlant, hourly } from '../dispatch/feasible/testing.js';
import { evaluate, parseProjectText } from './index.js';
import { readRelativeTo } from './node.js';
import { evaluateInThreads } from './parallel-node.js';
import { startDispatchThread } from './dispatch-thread-node.js';
import { runFeasibleJob, type FeasibleJob } from './feasible-job.js';

/** A copy without wall times (keys ending in "seconds"), typed arrays as plain arrays. */
function withoutTimes(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (/seconds$/i.test(k) ? undefined : ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
}

test('a plant-feasible dispatch run on the dispatch thread is the one run in the main thread, and a failing job fails with the main thread’s error', async () => {
  const prices = Array.from({ length: 72 }, (_, t) => 200 + 150 * Math.sin((2 * Math.PI * t) / 24) + (t % 5) * 7);
  const job: FeasibleJob = { series: hourly(prices), envelope: envelopeFromMaps(gridPlant(), { startCost: { charge: 0, discharge: 30 } }), options: { socLevels: 41, powerLevels: 4 } };
  const side = startDispatchThread();
  try {
    const there = await side.run(job);
    const here = await runFeasibleJob(job);
    assert.ok(there.ok && here.ok);
    assert.deepStrictEqual(withoutTimes(there), withoutTimes(here));
    assert.ok(there.value.schedule.energy instanceof Float64Array && there.value.netRevenue > 0 && there.value.bound! >= there.value.netRevenue);
    assert.deepEqual(side.stats, { done: 1, local: 0 });
    const bad = { ...job, options: { ...job.options, socLevels: 1 } };
    await assert.rejects(side.run(bad), (e: unknown) => e instanceof DispatchInputError && /options\.socLevels/.test(e.message));
    assert.deepEqual(side.stats, { done: 1, local: 1 }, 'the failed job run again here');
  } finally {
    await side.close();
  }
  assert.equal((await side.run(job)).ok, true, 'after close, jobs run here');
});


const FINANCE = `{ currency: CNY, discountRate: 8 %, operatingYears: 10 years, capex: { items: [ { kind: perEnergy, name: system, energy: 40 MWh, unitCost: 500 yuan/kWh } ] } }`;

// two plants with a minimum load (the DP) around one without (the LP)
const PROJECT = `
name: dispatch thread
site: { name: Luoyang, timeZone: Asia/Shanghai, ambientTemperature: 15 degC }
market: { year: 2025, prices: prices.csv }
dispatch: { horizon: year, grid: { socLevels: 41, powerLevels: 4 } }
plants:
  - name: slow plant
    performance: { power: 10 MW, energy: 40 MWh, roundTripEfficiency: 70 %, minimumLoad: 40 % }
    finance: ${FINANCE}
  - name: battery
    performance: { power: 10 MW, energy: 40 MWh, roundTripEfficiency: 81 % }
    finance: ${FINANCE}
  - name: fast plant
    performance: { power: 20 MW, energy: 60 MWh, roundTripEfficiency: 75 %, minimumLoad: 20 % }
    finance: ${FINANCE}
`;

test('a project whose DP dispatches run on the dispatch thread gives the in-process results in the file’s order, with every plant’s progress', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-dispatch-thread-'));
  writeFileSync(join(dir, 'prices.csv'), hourlyPricesCsv(2025));
  const p = parseProjectText(PROJECT, join(dir, 'thread.yaml'), readRelativeTo(dir));
  const alone = await evaluate(p.spec, { readText: p.readText });
  const seen = new Set<string>();
  const done: number[] = [];
  const overlapped = await evaluateInThreads(p.spec, {
    readText: p.readText,
    baseDir: dir,
    threads: 1,
    dispatchThread: true,
    onProgress: (e) => seen.add(`${e.plant}: ${e.stage}`),
    onPlant: (_plant, i) => done.push(i),
  });
  assert.deepEqual(overlapped.plants.map((x) => [x.name, x.dispatch.formulation]), [['slow plant', 'dp'], ['battery', 'lp'], ['fast plant', 'dp']]);
  assert.deepStrictEqual(withoutTimes(overlapped), withoutTimes(alone));
  for (const plant of ['slow plant', 'battery', 'fast plant']) for (const stage of ['plant model', 'dispatch', 'finance']) assert.ok(seen.has(`${plant}: ${stage}`), `${plant}: ${stage}`);
  assert.deepEqual(done, [0, 1, 2], 'each plant handed on in the file’s order');
});
