import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { loadStudyFile, studyInput } from '../project/study/files-node.js';
import { parseStudyValue } from '../project/study/spec.js';
import { planStudy, caseValues } from '../project/study/plan.js';
import { SerialExecutor, type CaseExecutor } from './study-executor.js';
import { PoolExecutor } from './study-pool.js';
import { runStudy } from './study-run.js';
import { StudyStore, STUDY_DATABASE_FILE } from './study-store.js';
import { BATTERY_GRID_STUDY, comparable, RecordingExecutor, spawnCli, studyFolder, waitFor } from './study-testing.js';

/** Battery energy 30, 50 MWh × unit cost 600, 1000 yuan/kWh: four cases. */
const GRID_CASES = 4;

async function runWith(executor: CaseExecutor, dir: string, study: string) {
  const { input, spec } = loadStudyFile(study);
  const store = StudyStore.openFile(join(dir, `${Math.random().toString(36).slice(2)}.sqlite`));
  try {
    return await runStudy(input, spec, { store, executor });
  } finally {
    await executor.close();
    store.close();
  }
}

test('a seeded Latin-hypercube study gives the same cases every time, and another seed other cases', () => {
  const study = (seed: number) => ({
    project: 'p.yaml',
    parameters: [
      { path: 'plants[0].performance.energy', unit: 'MWh', range: [30, 50] },
      { path: 'market.tariff.henan2024.basePrice', unit: 'yuan/kWh', distribution: { kind: 'normal', mean: 0.38, sd: 0.03 } },
    ],
    design: { kind: 'lhs', samples: 8, seed },
    outputs: { NPV: { path: 'plants[0].npv' } },
  });
  const values = (seed: number) => {
    const spec = parseStudyValue(study(seed));
    return planStudy(spec).rows.map((row, i) => caseValues(spec, row, i));
  };
  assert.deepEqual(values(7), values(7));
  assert.notDeepEqual(values(7), values(8));
  // each energy stratum of width 20/8 MWh holds one case
  const strata = values(7).map(([e]) => Math.floor((e - 30) / 2.5)).sort((a, b) => a - b);
  assert.deepEqual(strata, [0, 1, 2, 3, 4, 5, 6, 7]);
  // the study's hash does not depend on the order its keys are written in
  const a = studyInput({ x: 1, y: [1, 2] }, { n: 'p' });
  const b = studyInput({ y: [1, 2], x: 1 }, { n: 'p' });
  assert.equal(a.hash, b.hash);
  assert.notEqual(a.hash, studyInput({ x: 2, y: [1, 2] }, { n: 'p' }).hash);
});

test('a study on a pool of two worker threads gives exactly the results of a serial run', async () => {
  const { dir, study } = studyFolder();
  const serial = await runWith(new SerialExecutor(), dir, study);
  const pool = await runWith(new PoolExecutor(2), dir, study);
  assert.equal(serial.cases.length, GRID_CASES);
  assert.deepEqual(comparable(pool.cases), comparable(serial.cases));
  assert.ok(serial.cases.every((c) => c.error === null && c.outputs!.every((v) => v !== null && Number.isFinite(v))));
  // the values reach the project in their units: case 1 is 30 MWh at 1 yuan/Wh = 1000 yuan/kWh, case 2 is 50 MWh at 600
  assert.deepEqual(serial.cases[1].values, [30, 1000]);
  assert.deepEqual(serial.cases[2].values, [50, 600]);
  const npv = (i: number) => serial.cases[i].outputs![0]!;
  assert.ok(npv(0) > npv(1) && npv(2) > npv(3), 'a dearer battery has the lower NPV');
  const lcos = (i: number) => serial.cases[i].outputs![1]!;
  assert.ok(lcos(1) > lcos(0), 'a dearer battery has the higher LCOS');
});

test('a study stopped part-way resumes without computing a finished case again', async () => {
  const { dir, study } = studyFolder();
  const { input, spec } = loadStudyFile(study);
  const store = StudyStore.openFile(join(dir, STUDY_DATABASE_FILE));
  // the first run dies after two cases (the executor throws, as a killed process would stop)
  const dying: CaseExecutor = {
    async run(i, cases, onResult) {
      await new SerialExecutor().run(i, cases.slice(0, 2), onResult);
      throw new Error('killed');
    },
    async close() {},
  };
  await assert.rejects(runStudy(input, spec, { store, executor: dying }), /killed/);
  assert.equal(store.cases(input.hash).length, 2);
  const resumed = new RecordingExecutor(new SerialExecutor());
  const outcome = await runStudy(input, spec, { store, executor: resumed });
  store.close();
  assert.deepEqual(resumed.computed, [2, 3]);
  assert.equal(outcome.cases.length, GRID_CASES);
  const reference = await runWith(new SerialExecutor(), dir, study);
  assert.deepEqual(comparable(outcome.cases), comparable(reference.cases));
});

/** The battery grid at 8 × 8 levels: 64 cases, so that a kill after the first stored case finds most still to do
 *  (a battery case takes milliseconds: the four-case grid can finish between two looks at the store). */
const KILL_LEVELS = 8;
const KILL_CASES = KILL_LEVELS * KILL_LEVELS;

test('a study process killed at any moment is resumed by the next run: nothing lost, no finished case computed again', async () => {
  const { dir, study } = studyFolder(BATTERY_GRID_STUDY.replace('design: { kind: grid, levels: 2 }', `design: { kind: grid, levels: ${KILL_LEVELS} }`));
  const out = join(dir, 'out');
  const child = spawnCli(['study', 'run', study, '--out', out, '--workers', '1']);
  const file = join(out, STUDY_DATABASE_FILE);
  const stored = () => {
    if (!existsSync(file)) return 0;
    const db = new Database(file, { readonly: true, timeout: 2000 });
    try {
      return (db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'study_cases'").get() as { n: number }).n
        ? (db.prepare('SELECT COUNT(*) AS n FROM study_cases').get() as { n: number }).n
        : 0;
    } finally {
      db.close();
    }
  };
  await waitFor(() => stored() >= 1 || child.exitCode !== null, 120_000, 'a stored case');
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const { input, spec } = loadStudyFile(study);
  const store = StudyStore.openFile(file);
  const before = store.finishedIndices(input.hash);
  assert.ok(before.size >= 1 && before.size < KILL_CASES, `killed with ${before.size} of ${KILL_CASES} cases stored (${child.stderrText()})`);
  const resumed = new RecordingExecutor(new SerialExecutor());
  const outcome = await runStudy(input, spec, { store, executor: resumed });
  store.close();
  assert.deepEqual(
    resumed.computed.filter((i) => before.has(i)),
    [],
    'no finished case is computed again',
  );
  assert.equal(resumed.computed.length + before.size, KILL_CASES);
  assert.deepEqual(
    outcome.cases.map((c) => c.index),
    Array.from({ length: KILL_CASES }, (_, i) => i),
  );
  assert.ok(outcome.cases.every((c) => c.error === null));
});

test('a case that fails keeps its error with the project field, and the study goes on', async () => {
  const { dir, study } = studyFolder(`name: bad energy
project: battery.yaml
parameters:
  - { name: energy, path: "plants[0].performance.energy", unit: MWh, values: [40, -5] }
design: { kind: grid }
outputs:
  NPV: { path: "plants[0].npv" }
`);
  const r = await runWith(new SerialExecutor(), dir, study);
  assert.equal(r.cases.length, 2);
  assert.equal(r.cases[0].error, null);
  assert.equal(r.cases[1].outputs, null);
  assert.match(r.cases[1].error!, /plants\[0\]\.performance\.energy/);
  assert.deepEqual(
    r.analysis.failed.map((f) => f.index),
    [1],
  );
});

test('an NSGA-II study runs generation by generation through the cases, and resumes by replaying its stored generations', async () => {
  const { dir, study } = studyFolder(`name: battery size and cost
project: battery.yaml
parameters:
  - { name: energy, path: "plants[0].performance.energy", unit: MWh, range: [20, 60] }
  - { name: unit cost, path: "plants[0].finance.capex.items[0].unitCost", unit: yuan/kWh, range: [600, 1000] }
design: { kind: nsga2, population: 4, generations: 2, seed: 3, objectives: [ { output: LCOS, goal: min }, { output: NPV, goal: max } ] }
outputs:
  LCOS: { path: "plants[0].lcos", unit: yuan/MWh }
  NPV: { path: "plants[0].npv", unit: 万元 }
`);
  const { input, spec } = loadStudyFile(study);
  const store = StudyStore.openFile(join(dir, STUDY_DATABASE_FILE));
  // the first run dies after its first generation (four cases)
  const dying: CaseExecutor = {
    async run(i, cases, onResult) {
      if (cases[0].index >= 4) throw new Error('killed');
      await new SerialExecutor().run(i, cases, onResult);
    },
    async close() {},
  };
  await assert.rejects(runStudy(input, spec, { store, executor: dying }), /killed/);
  const resumed = new RecordingExecutor(new SerialExecutor());
  const outcome = await runStudy(input, spec, { store, executor: resumed });
  assert.deepEqual(resumed.computed, [4, 5, 6, 7], 'only the second generation is computed');
  const again = new RecordingExecutor(new SerialExecutor());
  const replay = await runStudy(input, spec, { store, executor: again });
  store.close();
  assert.deepEqual(again.computed, [], 'a finished NSGA-II study computes nothing when run again');
  assert.deepEqual(replay.analysis.front, outcome.analysis.front);
  const reference = await runWith(new SerialExecutor(), dir, study);
  assert.deepEqual(comparable(outcome.cases), comparable(reference.cases), 'the resumed run asked for the same cases as an uninterrupted one');
  // the front: no case of the study is better in both LCOS (lower) and NPV (higher) than a front case
  const front = outcome.analysis.front!;
  assert.ok(front.length >= 1);
  for (const p of front) {
    const [lcos, npv] = p.outputs as number[];
    const dominating = outcome.cases.filter((c) => c.outputs && c.outputs[0]! <= lcos && c.outputs[1]! >= npv && (c.outputs[0]! < lcos || c.outputs[1]! > npv));
    assert.deepEqual(dominating.map((c) => c.index), [], `case ${p.index} is dominated`);
  }
});

test('closing the pool while cases are out ends its run with the reason (a cancelled study does not hang)', async () => {
  const { study } = studyFolder();
  const { input, spec } = loadStudyFile(study);
  const pool = new PoolExecutor(1);
  const cases = planStudy(spec).rows.map((row, index) => ({ index, values: caseValues(spec, row, index) }));
  const seen: number[] = [];
  const running = pool.run(input, cases, (r) => {
    seen.push(r.index);
    if (seen.length === 1) void pool.close();
  });
  await assert.rejects(running, /closed before its cases were finished/);
  assert.deepEqual(seen, [0]);
});
