/**
 * Dispatch benchmark: the 8760-hour arbitrage LP (target ≤ 0.5 s build + solve on this machine), cold and warm,
 * per HiGHS algorithm, plus a 15-minute year, a rolling 48 h / 24 h year and the 8760-hour MILP. Prints, never fails.
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
