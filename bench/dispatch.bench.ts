/**
 * Dispatch benchmark: the 8760-hour arbitrage LP (target ≤ 0.5 s build + solve on this machine), cold and warm,
 * per HiGHS algorithm, plus a 15-minute year, a rolling 48 h / 24 h year and the 8760-hour MILP; the dedicated
 * storage LP solver against HiGHS (and the whole `chuneng dispatch` process against native HiGHS's 0.27 s,
 * ../shared/research/peer_timings.md); the plant-feasible DP of the Luoyang CO2 and A-CAES plants (target ≤ 2 s each)
 * with its bound, gap, grid convergence and the replay's violations before (LP) and after (DP). Prints, never fails.
 *
 * Case (as in ../shared/research/techno_economics.md §2.4): 100 MW / 400 MWh, round trip 0.88 (√0.88 each way),
 * standing loss 0.01 %/h, cyclic SOC with the start left to the optimiser.
 *
 * Synthetic price, yuan/MWh, hour h from 2025-01-01 00:00 Beijing time (hod = h mod 24):
 *   330 + 120·exp(−(hod − 9)²/8) + 220·exp(−(hod − 19)²/6) − 150·exp(−(hod − 3)²/10)   two peaks, a night valley
 *   − 40·cos(2π·h/168)                                                                    a weekly swing
 *   + 120·(u − 0.5),  u from the LCG u_{k+1} = (1664525·u_k + 1013904223) mod 2³², seed 20240601   noise
 * Quarter-hour series repeat each hourly price four times. The MILP is also run on a variant with negative midday
 * prices (−400 yuan/MWh added at 11:00–14:00 every third day), where the LP does charge and discharge at once.
 */
import { highsRuntime, simpleStorage, solveDispatch, solveRollingDispatch, type PriceSeries } from '../src/dispatch/index.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { formatIsoTime } from '../src/dispatch/time.js';
import { solvePlainDispatch } from '../src/dispatch/flow/plain.js';
import { envelopeFromMaps } from '../src/dispatch/feasible/envelope.js';
import { replayWithStartUp } from '../src/dispatch/feasible/replay-startup.js';
import { solveFeasibleDispatch } from '../src/dispatch/feasible/solve.js';
import { henanTou2024 } from '../src/dispatch/henan.js';
import { tariffSeries } from '../src/dispatch/tariff.js';
import { createPlant, TemplatePlantModel } from '../src/plant/templates/index.js';
import { parseQuantity } from '../src/units/index.js';
import { storageParams } from '../src/project/storage.js';
import { DispatchSchema } from '../src/project/schema.js';

const MWH = 3.6e9;
const START = Date.UTC(2025, 0, 1) - 8 * 3600_000;

export function syntheticPrices(hours: number, stepsPerHour = 1): PriceSeries {
  const prices = new Float64Array(hours * stepsPerHour);
  let state = 20240601;
  for (let h = 0; h < hours; h++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const hod = h % 24;
    const perMWh =
      330 +
      120 * Math.exp(-((hod - 9) ** 2) / 8) +
      220 * Math.exp(-((hod - 19) ** 2) / 6) -
      150 * Math.exp(-((hod - 3) ** 2) / 10) -
      40 * Math.cos((2 * Math.PI * h) / 168) +
      120 * (state / 2 ** 32 - 0.5);
    prices.fill(perMWh / MWH, h * stepsPerHour, (h + 1) * stepsPerHour);
  }
  return { startMs: START, stepSeconds: 3600 / stepsPerHour, prices, utcOffsetMinutes: 480 };
}

const storage = simpleStorage({
  power: 100e6,
  energy: 400 * MWH,
  etaCharge: Math.sqrt(0.88),
  etaDischarge: Math.sqrt(0.88),
  standingLoss: 1e-4 / 3600,
  endState: { kind: 'cyclic' },
});

const s = (x: number) => `${x.toFixed(3)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<void> {
  await flowBench(syntheticPrices(8760));
  await feasibleBench();
  const year = syntheticPrices(8760);
  console.log('dispatch: 100 MW / 400 MWh, RTE 0.88, cyclic; synthetic hourly prices (see bench/dispatch.bench.ts)');

  const t0 = performance.now();
  await highsRuntime();
  const load = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const first = await solveDispatch(year, storage);
  const firstTotal = (performance.now() - t1) / 1000;
  if (!first.ok) {
    console.log(`  8760-h LP failed: ${first.reason}`);
    return;
  }
  const lp = first.value;
  console.log(`  WASM load (once per process)          ${s(load)}`);
  console.log('  target: 8760-h LP build + solve ≤ 0.5 s');
  console.log(`  8760-h LP, first call   build ${s(lp.buildSeconds)}  solve ${s(lp.solveSeconds)}  total ${s(firstTotal)}`);
  console.log(`    objective ${lp.objective!.toFixed(3)} yuan, ${lp.equivalentFullCycles.toFixed(2)} equivalent full cycles`);

  for (const solver of ['choose', 'simplex', 'ipm'] as const) {
    const builds: number[] = [];
    const solves: number[] = [];
    const totals: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      const r = await solveDispatch(year, storage, { solver });
      totals.push((performance.now() - t) / 1000);
      if (!r.ok) break;
      builds.push(r.value.buildSeconds);
      solves.push(r.value.solveSeconds);
    }
    console.log(
      `  8760-h LP, warm (${solver.padEnd(7)}) build ${s(median(builds))}  solve ${s(median(solves))}  total ${s(median(totals))}` +
        `  (median of 5; best total ${s(Math.min(...totals))})`,
    );
  }

  const quarter = syntheticPrices(8760, 4);
  const tq = performance.now();
  const q = await solveDispatch(quarter, storage);
  console.log(`  35040-step (15-min) LP  ${q.ok ? `build ${s(q.value.buildSeconds)}  solve ${s(q.value.solveSeconds)}  ` : q.reason + '  '}total ${s((performance.now() - tq) / 1000)}`);

  const rollingStorage = { ...storage, socInitial: 0.5, endState: { kind: 'atLeastInitial' } as const };
  const tr = performance.now();
  const rolling = await solveRollingDispatch(year, rollingStorage, { windowSeconds: 48 * 3600, commitSeconds: 24 * 3600, foresight: { kind: 'perfect' } });
  console.log(
    `  rolling 48 h / 24 h over 8760 h  ${rolling.ok ? `${rolling.value.horizon.kind === 'rolling' ? rolling.value.horizon.windows : 0} windows, revenue ${rolling.value.revenue.toFixed(0)} yuan  ` : rolling.reason + '  '}` +
      `total ${s((performance.now() - tr) / 1000)}`,
  );

  const withNegative = { ...year, prices: year.prices.map((p, h) => (Math.floor(h / 24) % 3 === 0 && h % 24 >= 11 && h % 24 < 14 ? p - 400 / MWH : p)) };
  const negativeLp = await solveDispatch(withNegative, storage);
  for (const [label, series, lpObjective] of [
    ['', year, lp.objective!],
    [', negative midday prices', withNegative, negativeLp.ok ? negativeLp.value.objective! : NaN],
  ] as const) {
    const tm = performance.now();
    const milp = await solveDispatch(series, storage, { milp: true, timeLimitSeconds: 60 });
    const milpTotal = (performance.now() - tm) / 1000;
    if (milp.ok) {
      const m = milp.value;
      console.log(
        `  8760-h MILP${label} (60 s limit)  build ${s(m.buildSeconds)}  solve ${s(m.solveSeconds)}  total ${s(milpTotal)}` +
          `  status ${m.status}, gap ${(m.mipGap ?? 0).toExponential(1)}, objective ${m.objective!.toFixed(3)} (LP ${lpObjective.toFixed(3)})`,
      );
    } else console.log(`  8760-h MILP${label}: ${milp.reason} after ${s(milpTotal)}`);
  }
}

/** CPU seconds of the process since `since` (user + system). */
function cpuSince(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

/** The dedicated storage LP solver against HiGHS on the 8760-hour LP (fixed start, end at or above it). */
export async function flowBench(year: PriceSeries): Promise<void> {
  const fixed = { ...storage, socInitial: 0.5, endState: { kind: 'atLeastInitial' } as const };
  const times: number[] = [];
  let flow: Awaited<ReturnType<typeof solvePlainDispatch>> | undefined;
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    flow = await solvePlainDispatch(year, fixed);
    times.push((performance.now() - t) / 1000);
  }
  const th = performance.now();
  const highs = await solveDispatch(year, fixed);
  const highsSeconds = (performance.now() - th) / 1000;
  if (!flow?.ok || !highs.ok) return console.log('  dedicated solver or HiGHS failed');
  const a = flow.value.netRevenue;
  const b = highs.value.netRevenue;
  console.log('dispatch, the dedicated storage LP solver (src/dispatch/flow) vs HiGHS, 8760-h LP, start 50 %, end ≥ start:');
  console.log(`  dedicated (${flow.value.solver})  ${s(median(times))} (median of 5)   HiGHS (first solve in the process, incl. WASM load) ${s(highsSeconds)}`);
  console.log(`  objective ${a.toFixed(3)} vs ${b.toFixed(3)} yuan: relative difference ${((a - b) / b).toExponential(2)}`);
  const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
  if (!existsSync(cli)) return console.log('  whole process: dist/cli/main.js not built (npm run build)');
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-bench-'));
  const csv = join(dir, 'year.csv');
  writeFileSync(csv, ['time,price', ...Array.from(year.prices, (p, h) => `${formatIsoTime(year.startMs + h * 3_600_000, 480)},${(p * MWH).toFixed(4)}`)].join('\n') + '\n');
  const args = [cli, 'dispatch', '--prices', csv, '--power', '100MW', '--energy', '400MWh', '--eta-charge', String(Math.sqrt(0.88)), '--eta-discharge', String(Math.sqrt(0.88)), '--soc-start', '0.5'];
  const walls: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    walls.push((performance.now() - t) / 1000);
    if (r.status !== 0) return console.log(`  whole process failed: ${r.stderr}`);
  }
  const best = Math.min(...walls);
  console.log(`  whole process \`chuneng dispatch\` (dist, dedicated solver): fastest of 5 ${s(best)}, median ${s(median(walls))}; native HiGHS (highspy) 0.27 s: ratio ${(best / 0.27).toFixed(2)}`);
}

/** Luoyang's plants (examples/luoyang/compare.yaml) at the site's annual mean ambient, on the Henan TOU year. */
export function luoyangPlants(): { name: string; model: TemplatePlantModel }[] {
  const file = fileURLToPath(new URL('../examples/luoyang/compare.yaml', import.meta.url));
  const doc = parse(readFileSync(file, 'utf8'));
  const temps = (doc.site.ambientTemperature as string[]).map((t) => parseQuantity(t, 'temperature', 'site.ambientTemperature'));
  const ambientTemperature = temps.reduce((a, b) => a + b, 0) / temps.length;
  const out: { name: string; model: TemplatePlantModel }[] = [];
  for (const p of doc.plants) {
    if (p.template !== 'co2-gas-liquid' && p.template !== 'adiabatic-caes') continue;
    const model = createPlant(p.template, p.parameters, { ambientTemperature });
    if (model instanceof TemplatePlantModel) out.push({ name: p.name, model });
  }
  return out;
}

/** The plant-feasible DP of Luoyang's CO2 and A-CAES plants: time, bound, gap, grid N vs 2N, violations before/after. */
export async function feasibleBench(): Promise<void> {
  const offset = 480;
  const year = tariffSeries({ ...henanTou2024(0.38 / 3.6e6), utcOffsetMinutes: offset }, Date.UTC(2025, 0, 1) - offset * 60_000, 8760, 3600);
  console.log('dispatch, plant-feasible 8760-h DP (src/dispatch/feasible), Luoyang plants on the Henan TOU tariff (0.38 yuan/kWh base); target ≤ 2 s each:');
  for (const { name, model } of luoyangPlants()) {
    const maps = model.maps();
    const e = envelopeFromMaps(maps);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await solveFeasibleDispatch(year, e);
    const wall = (performance.now() - t0) / 1000;
    const cpu = cpuSince(c0);
    if (!r.ok) {
      console.log(`  ${name}: ${r.reason}`);
      continue;
    }
    const x = r.value;
    const replay = model.replay({ stepSeconds: 3600, charge: x.schedule.charge, discharge: x.schedule.discharge }, { initialSoc: x.schedule.energyInitial / maps.capacity });
    const fine = await solveFeasibleDispatch(year, e, { socLevels: 2 * x.grid.socLevels - 1, powerLevels: 2 * x.grid.powerLevels, bound: false });
    // before: the LP of the project path (minimum loads relaxed, curves convexified), replayed
    const perf = model.performance();
    const { storage: lpStorage } = storageParams(perf, DispatchSchema.parse({ socStart: 0 }), 0);
    const lp = await solveDispatch(year, lpStorage);
    const before = lp.ok ? model.replay({ stepSeconds: 3600, charge: lp.value.schedule.charge, discharge: lp.value.schedule.discharge }, { initialSoc: 0 }) : undefined;
    const M = (v: number) => `${(v / 1e6).toFixed(3)} M`;
    console.log(`  ${name}: grid ${x.grid.socLevels} × ${x.grid.powerLevels}`);
    console.log(`    time: wall ${s(wall)} (tables ${s(x.seconds.tables)}, DP ${s(x.seconds.dp)}, bound LP ${s(x.seconds.bound)}), CPU ${s(cpu)}; target ≤ 2 s: ${wall <= 2 ? 'met' : `${(wall / 2).toFixed(1)}× over`} (the bound LP is ${((100 * x.seconds.bound) / wall).toFixed(0)} % of it)`);
    console.log(`    net revenue ${M(x.netRevenue)} yuan, bound ${M(x.bound!)}, gap ${(100 * x.gap!).toFixed(2)} %, ${x.equivalentFullCycles.toFixed(0)} cycles, starts ${x.starts.charge}/${x.starts.discharge}`);
    if (fine.ok) console.log(`    grid ${fine.value.grid.socLevels} × ${fine.value.grid.powerLevels}: ${M(fine.value.netRevenue)} (${((100 * (fine.value.netRevenue - x.netRevenue)) / x.netRevenue).toFixed(3)} %), DP ${s(fine.value.seconds.dp)}`);
    // with the start-ups of a turbine train (10 min, 2 MWh a start, both trains) and at most 2 discharges started a day
    const startUp = { seconds: 600, energy: 2 * MWH };
    const es = envelopeFromMaps(maps, { startUp: { charge: startUp, discharge: startUp }, dailyStartLimit: 2 });
    const ts = performance.now();
    const su = await solveFeasibleDispatch(year, es, { bound: false });
    const suWall = (performance.now() - ts) / 1000;
    if (su.ok) {
      const y = su.value;
      const rs = replayWithStartUp((sch, o) => model.replay(sch, o), maps, { stepSeconds: 3600, charge: y.schedule.charge, discharge: y.schedule.discharge }, es.startUp, { initialSoc: y.schedule.energyInitial / maps.capacity });
      console.log(
        `    start-up 10 min + 2 MWh per start, ≤ 2 discharge starts a day: ${s(suWall)} (DP ${s(y.seconds.dp)}), net ${M(y.netRevenue)} (${((100 * (y.netRevenue - x.netRevenue)) / x.netRevenue).toFixed(2)} %; below the bound by ${((100 * (x.bound! - y.netRevenue)) / x.bound!).toFixed(2)} %), starts ${y.starts.charge}/${y.starts.discharge}, start-up energy ${(y.startUpEnergy / MWH).toFixed(0)} MWh, replay violations ${rs.violationCount}`,
      );
    } else console.log(`    start-up variant: ${su.reason}`);
    console.log(`    replay violations: LP schedule ${before ? before.violationCount : 'n/a'} (${before?.violations[0]?.limit ?? ''}), LP revenue ${lp.ok ? M(lp.value.revenue) : 'n/a'} of which the plant realises ${before && lp.ok ? M(realised(year, before.timeseries.chargePower, before.timeseries.dischargePower)) : 'n/a'}; DP schedule ${replay.violationCount}`);
  }
}

function realised(year: PriceSeries, charge: Float64Array, discharge: Float64Array): number {
  let m = 0;
  for (let t = 0; t < charge.length; t++) m += year.prices[t] * (discharge[t] - charge[t]) * year.stepSeconds;
  return m;
}
