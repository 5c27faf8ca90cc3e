import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hypervolume } from './hypervolume.js';
import { Nsga2, type Evaluation } from './nsga2.js';
import { zdt1, zdt2 } from './test-problems.js';
import { throwsField } from './testing.js';

const REFERENCE = [1.1, 1.1];
/** Hypervolumes of the true fronts for the reference (1.1, 1.1): 1.21 − ∫ f2 df1 (checked in hypervolume.test.ts). */
const TRUE_HV = { zdt1: 1.21 - 1 / 3, zdt2: 1.21 - 2 / 3 };

function run(f: (x: readonly number[]) => [number, number], seed: number, generations: number): Nsga2 {
  const opt = new Nsga2({ lower: new Array(30).fill(0), upper: new Array(30).fill(1), objectives: 2, populationSize: 100, seed });
  while (opt.generation < generations) opt.tell(opt.ask().map((x) => ({ objectives: f(x) })));
  return opt;
}

// 100 individuals × 250 generations = 25 000 evaluations, 30 variables. Stated gap: within 0.012 of the true front's
// hypervolume. 100 points evenly spaced in f1 on the true fronts reach 0.8714 (ZDT1) and 0.5383 (ZDT2), so about
// 0.005 of the gap is the cost of 100 points; the figures 0.8722 / 0.5389 often quoted belong to ~113-point samplings
// of the fronts, not to the fronts. Measured: ZDT1 0.8692–0.8698, ZDT2 0.5358–0.5364 over seeds 1–3.
const GAP = 0.012;

test('NSGA-II reaches the ZDT1 front within the stated hypervolume gap', () => {
  const front = run(zdt1, 1, 250).front();
  assert.equal(front.length, 100);
  const hv = hypervolume(front.map((p) => [...p.objectives]), REFERENCE);
  assert.ok(hv > TRUE_HV.zdt1 - GAP && hv <= TRUE_HV.zdt1, `HV ${hv} against ${TRUE_HV.zdt1}`);
});

test('NSGA-II reaches the concave ZDT2 front within the stated hypervolume gap', () => {
  const front = run(zdt2, 1, 250).front();
  const hv = hypervolume(front.map((p) => [...p.objectives]), REFERENCE);
  assert.ok(hv > TRUE_HV.zdt2 - GAP && hv <= TRUE_HV.zdt2, `HV ${hv} against ${TRUE_HV.zdt2}`);
});

test('a seeded run is reproduced bit for bit, and a replay of its evaluations resumes it exactly', () => {
  const a = run(zdt1, 7, 12);
  const b = run(zdt1, 7, 12);
  assert.deepEqual(a.population, b.population);
  assert.deepEqual(a.ask(), b.ask());
  // Resume: a fresh optimiser fed the stored evaluations of 12 generations asks the same 13th generation.
  const stored: { x: number[][]; e: Evaluation[] }[] = [];
  const live = new Nsga2({ lower: [0, 0, 0], upper: [1, 1, 1], objectives: 2, populationSize: 8, seed: 3 });
  for (let g = 0; g < 12; g++) {
    const x = live.ask();
    const e = x.map((v) => ({ objectives: zdt1(v) }));
    stored.push({ x, e });
    live.tell(e);
  }
  const resumed = new Nsga2({ lower: [0, 0, 0], upper: [1, 1, 1], objectives: 2, populationSize: 8, seed: 3 });
  for (const { x, e } of stored) {
    assert.deepEqual(resumed.ask(), x);
    resumed.tell(e);
  }
  assert.deepEqual(resumed.ask(), live.ask());
});

test('constraints steer the front onto the feasible boundary of CONSTR', () => {
  // Deb's CONSTR: min f1 = x1, f2 = (1 + x2)/x1, x1 ∈ [0.1, 1], x2 ∈ [0, 5], g1 = 6 − x2 − 9x1 ≤ 0, g2 = 1 + x2 − 9x1 ≤ 0.
  // Front: f2 = (7 − 9f1)/f1 for f1 ∈ [7/18, 2/3] (g1 active), f2 = 1/f1 for f1 ∈ [2/3, 1].
  const opt = new Nsga2({ lower: [0.1, 0], upper: [1, 5], objectives: 2, constraints: 2, populationSize: 60, seed: 2 });
  while (opt.generation < 100) {
    opt.tell(opt.ask().map(([x1, x2]) => ({ objectives: [x1, (1 + x2) / x1], constraints: [6 - x2 - 9 * x1, 1 + x2 - 9 * x1] })));
  }
  const front = opt.front();
  assert.equal(front.length, 60);
  for (const { x: [x1, x2] } of front) assert.ok(6 - x2 - 9 * x1 <= 0 && 1 + x2 - 9 * x1 <= 0, `feasible (${x1}, ${x2})`);
  // Distance to the true front with both objectives scaled to the front's ranges (f1: 7/18…1, f2: 1…9). Measured over
  // seeds 1–4 after 100 generations: mean 2.0e-3 to 3.3e-3, largest 1.5e-2 to 1.7e-2 (the near-vertical left end).
  const truth = Array.from({ length: 20001 }, (_, i) => {
    const f1 = 7 / 18 + (i / 20000) * (11 / 18);
    return [f1, f1 < 2 / 3 ? (7 - 9 * f1) / f1 : 1 / f1];
  });
  const distance = front.map(({ objectives: [f1, f2] }) => Math.min(...truth.map(([a, b]) => Math.hypot((f1 - a) / (11 / 18), (f2 - b) / 8))));
  const mean = distance.reduce((s, d) => s + d, 0) / distance.length;
  assert.ok(mean < 0.005, `mean distance ${mean}`);
  assert.ok(Math.max(...distance) < 0.025, `largest distance ${Math.max(...distance)}`);
  assert.ok(Math.abs(front[0].objectives[0] - 7 / 18) < 0.01, `left end ${front[0].objectives[0]}`);
});

test('failed cases are never kept while anything else is available', () => {
  const opt = new Nsga2({ lower: [0, 0], upper: [1, 1], objectives: 2, populationSize: 10, seed: 1 });
  for (let g = 0; g < 5; g++) opt.tell(opt.ask().map((x, i) => (i % 3 === 0 ? null : { objectives: zdt1(x) })));
  assert.ok(opt.population.every((p) => !p.failed));
  assert.ok(opt.front().length > 0);
});

test('malformed evaluations and options are refused by name', () => {
  const opt = new Nsga2({ lower: [0, 0], upper: [1, 1], objectives: 2, populationSize: 4, seed: 1 });
  throwsField(() => opt.tell([]), 'tell', /ask\(\) first/);
  opt.ask();
  throwsField(() => opt.tell([null]), 'evaluations', /4 results/);
  throwsField(() => opt.tell([null, null, null, { objectives: [1, Number.NaN] }]), 'evaluations[3].objectives[1]', /finite/);
  throwsField(() => new Nsga2({ lower: [0], upper: [0], objectives: 1, seed: 1 }), 'upper[0]', /\(0, ∞\)/);
  throwsField(() => new Nsga2({ lower: [0], upper: [1], objectives: 1, populationSize: 7, seed: 1 }), 'populationSize', /even/);
});
