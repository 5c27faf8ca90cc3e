/**
 * The bound of the plant-feasible dispatch (src/dispatch/feasible/bound-lp.ts) for the Luoyang CO2 and A-CAES plants
 * over the 8760-hour Henan TOU year: the value recursion (bound-recursion.ts) against the same LP solved by HiGHS,
 * in one process and the same minute, CPU seconds of each (process.cpuUsage), the difference and the slack the
 * recursion states. The recursion runs first, so its time includes compiling its code; HiGHS's runtime is loaded
 * before either is timed. Prints, never fails.
 */
import { highsRuntime } from '../src/dispatch/solver.js';
import { envelopeFromMaps } from '../src/dispatch/feasible/envelope.js';
import { boundPlanes, solveBoundLp } from '../src/dispatch/feasible/bound-lp.js';
import { henanTou2024 } from '../src/dispatch/henan.js';
import { tariffSeries } from '../src/dispatch/tariff.js';
import { localDayNumbers } from '../src/dispatch/time.js';
import { luoyangPlants } from './dispatch.bench.js';

function cpuSince(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

export async function run(): Promise<void> {
  const offset = 480;
  const year = tariffSeries({ ...henanTou2024(0.38 / 3.6e6), utcOffsetMinutes: offset }, Date.UTC(2025, 0, 1) - offset * 60_000, 8760, 3600);
  const T = year.prices.length;
  const dayNumbers = localDayNumbers(year.startMs, T, year.stepSeconds, year.utcOffsetMinutes);
  await highsRuntime();
  console.log('bound of the plant-feasible dispatch, Luoyang plants, 8760 h Henan TOU (0.38 yuan/kWh base), start empty, end ≥ start:');
  for (const { name, model } of luoyangPlants()) {
    const maps = model.maps();
    const e = envelopeFromMaps(maps);
    const planes = boundPlanes(e);
    const s0 = e.socMin * maps.capacity;
    const input = { envelope: e, prices: year.prices, stepSeconds: year.stepSeconds, dayNumbers, s0, endMin: s0 };
    const c0 = process.cpuUsage();
    const rec = await solveBoundLp(input, 'recursion');
    const recCpu = cpuSince(c0);
    const c1 = process.cpuUsage();
    const lp = await solveBoundLp(input, 'highs');
    const lpCpu = cpuSince(c1);
    console.log(`  ${name}: ${planes.fill.length} fill and ${planes.withdrawal.length} withdrawal planes per step`);
    if (!rec.ok || !lp.ok) {
      console.log(`    recursion: ${rec.ok ? 'ok' : rec.reason}; HiGHS: ${lp.ok ? 'ok' : lp.reason}`);
      continue;
    }
    const r = rec.value;
    const h = lp.value;
    console.log(`    recursion ${r.value.toFixed(4)} yuan (slack ≤ ${r.slack.toFixed(1)} yuan, ${rec.iterations} step values), CPU ${recCpu.toFixed(3)} s`);
    console.log(`    HiGHS LP  ${h.value.toFixed(4)} yuan, CPU ${lpCpu.toFixed(3)} s`);
    console.log(`    recursion − LP = ${(r.value - h.value).toExponential(2)} yuan (${((r.value - h.value) / h.value).toExponential(1)} relative); CPU ${(lpCpu / recCpu).toFixed(1)}× less`);
  }
}
