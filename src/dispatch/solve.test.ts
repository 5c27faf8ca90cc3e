import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DispatchInputError,
  henanTou2024,
  partLoadCurve,
  tariffSeries,
  simpleStorage,
  solveDispatch,
  type DispatchOptions,
  type DispatchResult,
  type PriceSeries,
  type StorageParams,
} from './index.js';

const MW = 1e6;
const MWH = 3.6e9;
const START = Date.UTC(2025, 0, 1) - 8 * 3600_000; // 2025-01-01 00:00 Beijing time

/** Hourly series from prices in money/MWh. */
const hourly = (perMWh: readonly number[]): PriceSeries => ({
  startMs: START,
  stepSeconds: 3600,
  prices: Float64Array.from(perMWh, (p) => p / MWH),
  utcOffsetMinutes: 480,
});

async function dispatch(prices: readonly number[], storage: StorageParams, options: Partial<DispatchOptions> = {}): Promise<DispatchResult> {
  const r = await solveDispatch(hourly(prices), storage, options);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.equal(r.value.status, 'optimal');
  return r.value;
}

const close = (a: number, b: number, tol: number, what = '') => assert.ok(Math.abs(a - b) <= tol, `${what} ${a} != ${b} (tol ${tol})`);

/** The energy balance holds step by step in the returned schedule. */
function assertBalance(r: DispatchResult, s: StorageParams) {
  const { schedule: x } = r;
  const rho = 1 - s.standingLoss * x.stepSeconds;
  let prev = x.energyInitial;
  for (let t = 0; t < x.price.length; t++) {
    const expected = rho * prev + (x.inflow[t] - x.withdrawal[t]) * x.stepSeconds;
    close(x.energy[t], expected, 1e-6 * s.energyCapacity, `energy at step ${t}`);
    assert.ok(x.energy[t] >= s.socMin * s.energyCapacity - 1e-6 * s.energyCapacity && x.energy[t] <= s.socMax * s.energyCapacity * (1 + 1e-9), `SOC at step ${t}`);
    prev = x.energy[t];
  }
}

/** Deterministic prices: a daily two-peak shape plus LCG noise, money/MWh. */
function syntheticPrices(hours: number, seed: number, negative = false): number[] {
  let state = seed >>> 0;
  const out: number[] = [];
  for (let h = 0; h < hours; h++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const noise = state / 2 ** 32 - 0.5;
    const hod = h % 24;
    const shape = 300 + 150 * Math.sin(((hod - 6) / 24) * 2 * Math.PI) + 120 * Math.exp(-((hod - 19) ** 2) / 4);
    out.push(Math.round(shape + 120 * noise) - (negative && hod >= 11 && hod <= 13 ? 400 : 0));
  }
  return out;
}

test('two prices, one cycle: charge 1 MWh at 100, deliver 0.81 MWh at 300, revenue 143', async () => {
  const s = simpleStorage({ power: 1 * MW, energy: 1 * MWH, etaCharge: 0.9, etaDischarge: 0.9 });
  const r = await dispatch([100, 300], s);
  close(r.revenue, 0.81 * 300 - 100, 1e-9);
  close(r.schedule.charge[0], 1 * MW, 1e-6);
  close(r.schedule.discharge[1], 0.81 * MW, 1e-6);
  close(r.chargedEnergy, 1 * MWH, 1);
  close(r.dischargedEnergy, 0.81 * MWH, 1);
  close(r.equivalentFullCycles, 0.9, 1e-12); // 0.9 MWh withdrawn from a 1 MWh store
  assertBalance(r, s);
});

test('standing loss: charge at 100, top up at 150, deliver at 300 after two hours of 1 %/h loss, revenue 139.07', async () => {
  // e0 = 0.9; e1 = 0.99·0.9 + 0.9·c1 = 0.9 (cap) → c1 = 0.01; e2 = 0.99·0.9 − d2/0.9 = 0 → d2 = 0.8019
  const s = simpleStorage({ power: 1 * MW, energy: 0.9 * MWH, etaCharge: 0.9, etaDischarge: 0.9, standingLoss: 0.01 / 3600 });
  const r = await dispatch([100, 150, 300], s);
  close(r.revenue, 300 * 0.8019 - 100 - 150 * 0.01, 1e-9);
  close(r.schedule.charge[1], 0.01 * MW, 1e-3);
  assertBalance(r, s);
});

test('SOC starts at the given level and ends at or above it', async () => {
  // Only selling is profitable here, but the end state forbids emptying the store.
  const s = simpleStorage({ power: 1 * MW, energy: 2 * MWH, etaCharge: 1, etaDischarge: 1, socMin: 0.1, socMax: 0.9, socInitial: 0.5 });
  const r = await dispatch([300, 300, 100, 100], s);
  // sell 0.8 MWh (down to socMin) at 300, buy it back at 100: 1 MW limit gives 1 h at full power minus nothing
  assert.ok(r.schedule.energy[3] >= 1 * MWH - 1e-6 * MWH, 'ends at or above the start');
  close(r.revenue, 0.8 * 300 - 0.8 * 100, 1e-9);
  close(r.schedule.energy[1], 0.2 * MWH, 1e-3 * MWH);
});

test('a 1 MWh store on the Henan tariff earns the peak–valley spread in June and two spreads in April', async () => {
  // June: valley 00–06, peak 16–24 → (1.69 − 0.46)·base. April adds the 11–14 valley: sell the night's energy at
  // flat (1 − 0.46), refill at midday, sell at peak (1.69 − 0.46). Source of the schedule: henan.ts.
  const base = 400 / MWH;
  const s = simpleStorage({ power: 1 * MW, energy: 1 * MWH, etaCharge: 1, etaDischarge: 1 });
  for (const [month, spread] of [[6, 1.69 - 0.46], [4, 1 - 0.46 + 1.69 - 0.46]]) {
    const day = tariffSeries(henanTou2024(base), Date.UTC(2025, month - 1, 10) - 8 * 3600_000, 24, 3600);
    const r = await solveDispatch(day, s);
    assert.ok(r.ok);
    close(r.value.revenue, spread * 400, 1e-9, `month ${month}:`);
  }
});

test('the solver objective equals the net revenue recomputed from the schedule (a week, with losses and wear)', async () => {
  const s = simpleStorage({
    power: 100 * MW,
    powerCharge: 80 * MW,
    energy: 400 * MWH,
    etaCharge: 0.92,
    etaDischarge: 0.9,
    socMin: 0.05,
    socMax: 0.95,
    socInitial: 0.5,
    standingLoss: 0.001 / 3600,
    degradationCost: 5 / MWH,
  });
  const r = await dispatch(syntheticPrices(168, 7), s);
  assert.ok(r.revenue > 0);
  close(r.netRevenue, r.revenue - r.degradationCost, 1e-9 * r.revenue);
  close(r.objective!, r.netRevenue, 1e-9 * Math.abs(r.netRevenue));
  assertBalance(r, s);
});

/**
 * Independent check: dynamic programming over SOC levels on a grid of q = 0.05 MWh. The parameters put every
 * power limit and SOC bound on that grid (charge 1 MW × 0.8 = 16 q; discharge 0.9 MW ÷ 0.9 = 20 q; SOC 8…72 q
 * of 80), so an optimal LP vertex lies on the grid and the DP optimum must equal the LP's.
 */
function dpOptimum(prices: readonly number[], opts: { minChargeUnits?: number; minDischargeUnits?: number }): number {
  const q = 0.05; // MWh per level
  const [lo, hi, start] = [8, 72, 40];
  const etaC = 0.8;
  const etaD = 0.9;
  const maxUp = 16; // 1 MW × 0.8 / 0.05
  const maxDown = 20; // (0.9 MW / 0.9) / 0.05
  const minUp = opts.minChargeUnits ?? 1;
  const minDown = opts.minDischargeUnits ?? 1;
  let value = new Float64Array(hi + 1).fill(-Infinity);
  for (let i = start; i <= hi; i++) value[i] = 0; // end at or above the start
  for (let t = prices.length - 1; t >= 0; t--) {
    const next = new Float64Array(hi + 1).fill(-Infinity);
    for (let i = lo; i <= hi; i++) {
      let best = value[i]; // idle
      for (let k = minUp; k <= maxUp && i + k <= hi; k++) best = Math.max(best, value[i + k] - prices[t] * ((k * q) / etaC));
      for (let k = minDown; k <= maxDown && i - k >= lo; k++) best = Math.max(best, value[i - k] + prices[t] * k * q * etaD);
      next[i] = best;
    }
    value = next;
  }
  return value[start];
}

const DP_STORAGE = {
  power: 0.9 * MW,
  powerCharge: 1 * MW,
  energy: 4 * MWH,
  etaCharge: 0.8,
  etaDischarge: 0.9,
  socMin: 0.1,
  socMax: 0.9,
  socInitial: 0.5,
};

test('the LP optimum over 48 hours equals a dynamic programme over a SOC grid', async () => {
  for (const seed of [1, 2, 3]) {
    const prices = syntheticPrices(48, seed);
    const r = await dispatch(prices, simpleStorage(DP_STORAGE));
    const dp = dpOptimum(prices, {});
    assert.ok(dp > 0);
    close(r.revenue, dp, 1e-6 * dp, `seed ${seed}:`);
  }
});

test('the MILP with minimum run powers equals a dynamic programme that allows only moves above them', async () => {
  // minimum charge 0.5 MW (0.4 MWh stored = 8 levels), minimum discharge 0.45 MW (0.5 MWh withdrawn = 10 levels)
  const s = simpleStorage({ ...DP_STORAGE, powerMinCharge: 0.5 * MW, powerMinDischarge: 0.45 * MW });
  for (const seed of [4, 5]) {
    const prices = syntheticPrices(36, seed, true);
    const r = await dispatch(prices, s, { milp: true, mipRelGap: 0 });
    const dp = dpOptimum(prices, { minChargeUnits: 8, minDischargeUnits: 10 });
    close(r.revenue, dp, 1e-6 * Math.abs(dp), `seed ${seed}:`);
    for (let t = 0; t < prices.length; t++) {
      const [c, d] = [r.schedule.charge[t], r.schedule.discharge[t]];
      assert.ok(c === 0 || c >= 0.5 * MW * (1 - 1e-9), `charge ${c} W at step ${t} is below the minimum`);
      assert.ok(d === 0 || d >= 0.45 * MW * (1 - 1e-9), `discharge ${d} W at step ${t} is below the minimum`);
    }
  }
});

test('at negative prices the LP charges and discharges at once to burn energy, and the MILP does not', async () => {
  // Full store, paid to take energy for three hours: the LP draws 1 MW and returns 0.81 MW each hour (19 per hour).
  const s = simpleStorage({ power: 1 * MW, energy: 1 * MWH, etaCharge: 0.9, etaDischarge: 0.9, socInitial: 1 });
  const prices = [-100, -100, -100];
  const lp = await dispatch(prices, s);
  close(lp.revenue, 3 * 100 * (1 - 0.81), 1e-6);
  assert.ok([0, 1, 2].some((t) => Math.min(lp.schedule.charge[t], lp.schedule.discharge[t]) > 0.5 * MW));
  // The MILP can only burn energy in sequence: deliver 0.9 MWh at −100, then refill 1 MWh from 1.11 MWh drawn.
  const milp = await dispatch(prices, s, { milp: true });
  for (let t = 0; t < 3; t++) assert.equal(Math.min(milp.schedule.charge[t], milp.schedule.discharge[t]), 0, `step ${t}`);
  close(milp.revenue, 100 / 0.9 - 90, 1e-9);
  assert.equal(milp.formulation, 'milp');
});

test('a minimum run power of 3 MW turns an 11 MWh fill from 10 + 1 MWh into 8 + 3 MWh (960 instead of 980)', async () => {
  const s = simpleStorage({ power: 10 * MW, energy: 11 * MWH, etaCharge: 1, etaDischarge: 1, powerMinCharge: 3 * MW, powerMinDischarge: 3 * MW });
  const prices = [10, 20, 100, 100];
  const lp = await dispatch(prices, simpleStorage({ power: 10 * MW, energy: 11 * MWH, etaCharge: 1, etaDischarge: 1 }));
  close(lp.revenue, 1100 - 100 - 20, 1e-9);
  const milp = await dispatch(prices, s, { milp: true });
  close(milp.revenue, 1100 - 80 - 60, 1e-9);
  for (const series of [milp.schedule.charge, milp.schedule.discharge]) {
    for (const p of series) assert.ok(p === 0 || p >= 3 * MW * (1 - 1e-9), `${p / MW} MW is below the 3 MW minimum`);
  }
});

test('a daily cycle limit of one caps each local day’s withdrawal at the usable energy', async () => {
  // Two valleys and two peaks a day: two cycles a day earn 720 over two days, one cycle a day 360.
  const day = [10, 10, 100, 100, 10, 10, 100, 100, ...Array(16).fill(50)];
  const prices = [...day, ...day];
  const base = { power: 1 * MW, energy: 2 * MWH, etaCharge: 1, etaDischarge: 1 };
  const free = await dispatch(prices, simpleStorage(base));
  close(free.revenue, 720, 1e-9);
  const limited = await dispatch(prices, simpleStorage({ ...base, dailyCycleLimit: 1 }));
  close(limited.revenue, 360, 1e-9);
  for (const d of [0, 1]) {
    let withdrawn = 0;
    for (let t = 24 * d; t < 24 * d + 24; t++) withdrawn += limited.schedule.withdrawal[t] * 3600;
    assert.ok(withdrawn <= 2 * MWH * (1 + 1e-9), `day ${d} withdrew ${withdrawn / MWH} MWh`);
  }
  close(limited.equivalentFullCycles, 2, 1e-9);
});

test('a start-up cost of 5 keeps the turbine running at its 0.5 MW minimum through 99 rather than starting twice', async () => {
  // 2 MWh to sell at 100, 99, 100: two starts (1 MWh at each 100) earn 200 − 10; one start running through the
  // 99 hour at the 0.5 MW minimum earns 1.5·100 + 0.5·99 = 199.5 − 5 = 194.5.
  const spec = { power: 1 * MW, energy: 2 * MWH, etaCharge: 1, etaDischarge: 1, socInitial: 1, endState: { kind: 'free' } as const, powerMinDischarge: 0.5 * MW };
  const cheap = await dispatch([0, 100, 99, 100], simpleStorage(spec), { milp: true });
  close(cheap.revenue, 200, 1e-9);
  assert.equal(cheap.starts.discharge, 2);
  const r = await dispatch([0, 100, 99, 100], simpleStorage({ ...spec, startupCostDischarge: 5 }), { milp: true });
  close(r.revenue, 199.5, 1e-9);
  assert.equal(r.starts.discharge, 1);
  close(r.startupCost, 5, 1e-12);
  close(r.objective!, 194.5, 1e-9);
  close(r.netRevenue, 194.5, 1e-9);
});

test('a start-up cost without a minimum run power is refused (the unit could idle on at zero load)', () => {
  assert.throws(
    () => simpleStorage({ power: 1 * MW, energy: 1 * MWH, etaCharge: 1, etaDischarge: 1, startupCostDischarge: 5 }),
    /storage\.discharge\.startupCost: a start-up cost needs a minimum run power above zero .*\(got 5\)/,
  );
});

test('a concave charge curve stays an LP and the schedule follows it', async () => {
  // 0.5 MW stores 0.45 MW, 1 MW stores 0.8 MW: both segments pay at 100 → 300, so charge 1 MW (revenue 240 − 100)
  const s: StorageParams = {
    ...simpleStorage({ power: 1 * MW, energy: 1 * MWH, etaCharge: 1, etaDischarge: 1 }),
    charge: partLoadCurve('charge', [{ power: 0, efficiency: 0.9 }, { power: 0.5 * MW, efficiency: 0.9 }, { power: 1 * MW, efficiency: 0.8 }]),
  };
  const r = await dispatch([100, 300], s);
  close(r.revenue, 140, 1e-9);
  close(r.schedule.inflow[0], 0.8 * MW, 1e-3);
  assertBalance(r, s);
});

test('a part-load curve rising in efficiency needs the MILP, which runs it at full load once rather than twice at half', async () => {
  // withdrawal 0.5 MW → 0.3 MW, 1 MW → 0.8 MW; 0.75 MWh in store: one hour at 0.75 MW gives 0.55 MWh (55)
  const s: StorageParams = {
    ...simpleStorage({ power: 1 * MW, energy: 0.75 * MWH, etaCharge: 1, etaDischarge: 1, socInitial: 1, endState: { kind: 'free' } }),
    discharge: { kind: 'curve', input: [0, 0.5 * MW, 1 * MW], output: [0, 0.3 * MW, 0.8 * MW] },
  };
  await assert.rejects(solveDispatch(hourly([100, 100]), s), (e: unknown) => {
    assert.ok(e instanceof DispatchInputError);
    assert.equal(e.field, 'storage.discharge.output');
    assert.match(e.message, /non-concave part-load curve needs the MILP/);
    return true;
  });
  const r = await dispatch([100, 100], s, { milp: true });
  close(r.revenue, 55, 1e-9);
  for (let t = 0; t < 2; t++) {
    const w = r.schedule.withdrawal[t] / MW;
    const onCurve = w <= 0.5 ? 0.6 * w : 0.3 + (w - 0.5);
    close(r.schedule.discharge[t] / MW, onCurve, 1e-9, `step ${t} on the curve:`);
  }
});

test('a cyclic end state without a start lets the optimiser pick the level and return to it', async () => {
  const s = simpleStorage({ power: 1 * MW, energy: 1 * MWH, etaCharge: 1, etaDischarge: 1, endState: { kind: 'cyclic' } });
  assert.equal(s.socInitial, undefined);
  const r = await dispatch([300, 100], s); // sell first, buy back
  close(r.revenue, 200, 1e-9);
  close(r.schedule.energyInitial, 1 * MWH, 1e-6 * MWH);
  close(r.schedule.energy[1], r.schedule.energyInitial, 1e-6 * MWH);
});

test('an end state the plant cannot reach is a failed solve with the solver status, not an exception', async () => {
  const s = simpleStorage({ power: 1 * MW, energy: 10 * MWH, etaCharge: 1, etaDischarge: 1, socInitial: 0, endState: { kind: 'fixed', soc: 1 } });
  const r = await solveDispatch(hourly([1, 2, 3]), s);
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.reason, /HiGHS ended with status "infeasible"/);
});

test('features that need binaries are refused in the LP, naming the field', async () => {
  const s = simpleStorage({ power: 10 * MW, energy: 10 * MWH, etaCharge: 1, etaDischarge: 1, powerMinDischarge: 3 * MW });
  await assert.rejects(solveDispatch(hourly([1, 2]), s), /storage\.discharge\.powerMin: a minimum run power needs the MILP formulation .*\(got 3000000\)/);
  const t = simpleStorage({ power: 10 * MW, energy: 10 * MWH, etaCharge: 1, etaDischarge: 1, powerMinCharge: 1 * MW, startupCostCharge: 50 });
  await assert.rejects(solveDispatch(hourly([1, 2]), t), /storage\.charge\.startupCost: a start-up cost needs the MILP/);
});

test('a standing loss that empties the store within one step is refused', async () => {
  const s = simpleStorage({ power: 1 * MW, energy: 1 * MWH, etaCharge: 1, etaDischarge: 1, standingLoss: 1 / 1800 });
  await assert.rejects(solveDispatch(hourly([1, 2]), s), /storage\.standingLoss: loses the whole store in one step of 3600 s/);
});
