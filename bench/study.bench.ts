/**
 * Studies (issue 16): the cost of a finance-only case against a full one (the plant cache's work), and cases per
 * second of a 200-case Latin-hypercube study of the Luoyang CO2 plant's money and market on 1 and 2 worker threads.
 * Prints only; never fails.
 *
 * While evaluate does not yet take the study's plant cache (EvaluateOptions.plantCache), every case redesigns the
 * plant (5–10 s) and 200 cases would take about half an hour per run: the study then runs CHUNENG_BENCH_STUDY_CASES
 * cases (default 20 in that case, 200 otherwise) and says so.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { evaluateCase, type StudyContext } from '../src/project/study/case.js';
import { studyInput } from '../src/project/study/files-node.js';
import { TemplatePlantCache } from '../src/project/study/plant-cache.js';
import { parseStudyValue } from '../src/project/study/spec.js';
import { PoolExecutor } from '../src/server/study-pool.js';
import { runStudy } from '../src/server/study-run.js';
import { StudyStore } from '../src/server/study-store.js';

const PROJECT = new URL('../examples/luoyang/co2-gas-liquid.yaml', import.meta.url);

function moneyStudy(samples: number) {
  return {
    name: 'bench: CO2 plant money and market',
    project: 'co2-gas-liquid.yaml',
    parameters: [
      { name: 'flat price', path: 'market.tariff.henan2024.basePrice', unit: 'yuan/kWh', range: [0.3, 0.46] },
      { name: 'power block', path: 'plants[0].finance.capex.items[0].unitCost', unit: 'yuan/kW', range: [3000, 4500] },
      { name: 'storage', path: 'plants[0].finance.capex.items[1].unitCost', unit: 'yuan/kWh', range: [400, 650] },
      { name: 'discount rate', path: 'plants[0].finance.discountRate', unit: '%', range: [5, 8] },
    ],
    design: { kind: 'lhs', samples, seed: 16 },
    outputs: { LCOS: { path: 'plants[0].lcos', unit: 'yuan/MWh' }, NPV: { path: 'plants[0].npv', unit: '万元' } },
  };
}

/** CPU seconds of this process (every thread) since `from`. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
}

/** Mean wall and CPU seconds of the cases, each evaluated in this thread with the context's plant cache. */
async function meanSeconds(context: StudyContext, cases: number[][]): Promise<{ wall: number; cpu: number }> {
  let wall = 0;
  const cpu0 = process.cpuUsage();
  for (const [i, values] of cases.entries()) {
    const r = await evaluateCase(context, { index: i, values });
    if (r.error) throw new Error(r.error);
    wall += r.seconds;
  }
  return { wall: wall / cases.length, cpu: cpuSince(cpu0) / cases.length };
}

export async function run(): Promise<void> {
  const project = parseYaml(readFileSync(PROJECT, 'utf8'));

  // 1. finance-only against full cases, one thread, warm (the first case loads HiGHS and the fluids)
  const cache = new TemplatePlantCache();
  const tankStudy = parseStudyValue({ ...moneyStudy(1), parameters: [{ path: 'plants[0].parameters.liquidTank.volume', unit: 'm3', range: [12000, 22000] }] });
  const costStudy = parseStudyValue({ ...moneyStudy(1), parameters: [{ path: 'plants[0].finance.capex.items[0].unitCost', unit: 'yuan/kW', range: [3000, 4500] }] });
  const tank: StudyContext = { study: tankStudy, project, files: {}, plantCache: cache };
  const cost: StudyContext = { study: costStudy, project, files: {}, plantCache: cache };
  await meanSeconds(cost, [[3500]]);
  const full = await meanSeconds(tank, [[15000], [19000]]);
  const hitsBefore = cache.hits;
  const financeOnly = await meanSeconds(cost, [[3200], [3900], [4400]]);
  const wired = cache.hits > hitsBefore;
  console.log(`full case (new tank volume: plant designed, dispatched, replayed, money): ${full.wall.toFixed(2)} s wall, ${full.cpu.toFixed(2)} s CPU`);
  console.log(
    `finance-only case (power-block unit cost): ${financeOnly.wall.toFixed(2)} s wall, ${financeOnly.cpu.toFixed(2)} s CPU = ${((100 * financeOnly.cpu) / full.cpu).toFixed(0)} % of a full case's CPU`,
  );
  if (!wired) console.log('  (the plant cache is not used: evaluate does not take EvaluateOptions.plantCache yet — every case redesigns the plant)');

  // 2. cases per second of a Latin-hypercube study over money and market, on 1 and 2 worker threads
  const samples = Number(process.env.CHUNENG_BENCH_STUDY_CASES ?? (wired ? 200 : 20));
  for (const workers of [1, 2]) {
    const dir = mkdtempSync(join(tmpdir(), 'chuneng-bench-study-'));
    const value = moneyStudy(samples);
    const input = studyInput(value, project);
    const store = StudyStore.openFile(join(dir, 'study.sqlite'));
    const executor = new PoolExecutor(workers);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    try {
      const outcome = await runStudy(input, parseStudyValue(value), { store, executor });
      const seconds = (performance.now() - t0) / 1000;
      const cpu = cpuSince(cpu0);
      const failed = outcome.analysis.failed.length;
      console.log(
        `${samples}-case study, ${workers} worker thread${workers > 1 ? 's' : ''}: ${seconds.toFixed(1)} s, ${(samples / seconds).toFixed(3)} cases/s (${cpu.toFixed(0)} s CPU, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)${failed ? `, ${failed} failed` : ''}`,
      );
    } finally {
      await executor.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
