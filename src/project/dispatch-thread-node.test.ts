/**
 * The dispatch thread gives the in-process results: a plant-feasible dispatch run on it is the one run here (every
 * double, timings aside); a job that fails there fails with the error the main thread gives; a project whose
 * DP dispatches run on it, the plants overlapping, is the project evaluated in turn, in the file's order; and a
 * li-ion plant evaluated whole on it is the plant evaluated here, or, failing there, fails with the in-process error;
 * work it has not begun is taken back and done here with the same result.
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
import { evaluatePlantOf } from './evaluate.js';
import { ProjectError, ProjectFileError } from './errors.js';
import { readRelativeTo } from './node.js';
import { evaluateInThreads } from './parallel-node.js';
import { startDispatchThread, TAKEN_BACK } from './dispatch-thread-node.js';
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
    assert.deepEqual(side.stats, { done: 2, local: 0, plants: 0 }, 'the schedule and the bound, two requests');
    const bad = { ...job, options: { ...job.options, socLevels: 1 } };
    await assert.rejects(side.run(bad), (e: unknown) => e instanceof DispatchInputError && /options\.socLevels/.test(e.message));
    assert.deepEqual(side.stats, { done: 2, local: 2, plants: 0 }, 'the failed job (its schedule and bound) run again here');
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

// a li-ion plant (its life of yearly dispatches: two operating years) beside a plant the DP dispatches
const LI_ION = (extra: string) => `
name: li-ion on the side
site: { name: Luoyang, timeZone: Asia/Shanghai, ambientTemperature: 15 degC }
market: { year: 2025, prices: prices.csv }
dispatch: { horizon: year, grid: { socLevels: 41, powerLevels: 4 } }
plants:
  - name: slow plant
    performance: { power: 10 MW, energy: 40 MWh, roundTripEfficiency: 70 %, minimumLoad: 40 % }
    finance: ${FINANCE}
  - name: LFP
    template: li-ion
    parameters: { cell: lfp-280ah, power: 10 MW,${extra} energy: 40 MWh, unitCost: 500 yuan/kWh }
    finance: { currency: CNY, discountRate: 8 %, operatingYears: 2 years, capex: { items: [ { kind: perEnergy, name: system, energy: 40 MWh, unitCost: 500 yuan/kWh } ] } }
`;

test('a li-ion plant evaluated whole on the dispatch thread is the plant evaluated here, with its progress, and the project’s results are the in-process ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-side-plant-'));
  writeFileSync(join(dir, 'prices.csv'), hourlyPricesCsv(2025));
  const p = parseProjectText(LI_ION(''), join(dir, 'side.yaml'), readRelativeTo(dir));
  const side = startDispatchThread({ baseDir: dir, cacheDir: undefined });
  try {
    const stages = new Set<string>();
    const there = await side.plant(p.spec, 1, (e) => stages.add(`${e.plant}: ${e.stage}`));
    const here = await evaluatePlantOf(p.spec, 1, { readText: p.readText });
    assert.deepStrictEqual(withoutTimes(there), withoutTimes(here));
    assert.ok(there.schedule.charge instanceof Float64Array && there.battery!.years.length === 2 && there.dispatch.revenue > 0);
    assert.ok(stages.has('LFP: dispatch') && stages.has('LFP: finance'), [...stages].join(', '));
    assert.deepEqual(side.stats, { done: 0, local: 0, plants: 1 });
  } finally {
    await side.close();
  }
  const alone = await evaluate(p.spec, { readText: p.readText });
  const overlapped = await evaluateInThreads(p.spec, { readText: p.readText, baseDir: dir, threads: 1, dispatchThread: true, sidePlants: true });
  assert.deepEqual(overlapped.plants.map((x) => [x.name, x.dispatch.formulation]), [['slow plant', 'dp'], ['LFP', 'lp']]);
  assert.deepStrictEqual(withoutTimes(overlapped), withoutTimes(alone));
});

test('a li-ion plant that fails on the dispatch thread fails with the error evaluated in turn gives', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-side-plant-'));
  writeFileSync(join(dir, 'prices.csv'), hourlyPricesCsv(2025));
  // a life of three years against the finance section's two: found when the plant is evaluated, not when it is read
  const p = parseProjectText(LI_ION(' years: 3,'), join(dir, 'side.yaml'), readRelativeTo(dir));
  const inTurn = await evaluate(p.spec, { readText: p.readText }).then(
    () => assert.fail('the in-process evaluation should fail'),
    (e: unknown) => e as Error,
  );
  assert.ok(inTurn instanceof ProjectError || inTurn instanceof ProjectFileError, String(inTurn));
  assert.match(inTurn.message, /plants\[1\]\.parameters\.years/);
  await assert.rejects(
    evaluateInThreads(p.spec, { readText: p.readText, baseDir: dir, threads: 1, dispatchThread: true, sidePlants: true }),
    (e: unknown) => e instanceof inTurn.constructor && (e as Error).message === inTurn.message,
  );
});

test('work the dispatch thread has not begun is taken back and done here: the same dispatch, and a plant left to the caller', async () => {
  const prices = Array.from({ length: 48 }, (_, t) => 200 + 150 * Math.sin((2 * Math.PI * t) / 24));
  const job: FeasibleJob = { series: hourly(prices), envelope: envelopeFromMaps(gridPlant(), {}), options: { socLevels: 41, powerLevels: 4 } };
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-side-plant-'));
  writeFileSync(join(dir, 'prices.csv'), hourlyPricesCsv(2025));
  const p = parseProjectText(LI_ION(''), join(dir, 'side.yaml'), readRelativeTo(dir));
  const side = startDispatchThread({ baseDir: dir, cacheDir: undefined });
  try {
    // sent before the thread has loaded its modules: the latest request, the job's bound, is still free to take
    const pending = side.run(job);
    const helped = side.help();
    assert.ok(helped, 'a request to take back');
    await helped;
    const there = await pending;
    const here = await runFeasibleJob(job);
    assert.ok(there.ok && here.ok && there.value.bound! >= there.value.netRevenue);
    assert.deepStrictEqual(withoutTimes(there), withoutTimes(here));
    assert.deepEqual(side.stats, { done: 1, local: 1, plants: 0 }, 'the schedule there, the bound here');
    // a plant taken back rejects, for the caller to evaluate it itself
    const plant = side.plant(p.spec, 1);
    await side.help();
    await assert.rejects(plant, (e: unknown) => e instanceof Error && e.message === TAKEN_BACK);
    assert.equal(side.help(), undefined, 'nothing left to take back');
  } finally {
    await side.close();
  }
});
