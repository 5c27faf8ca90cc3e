/**
 * A project's dispatch.startUp and dispatch.dailyStartLimit reach the plant-feasible dispatch (H7's envelope): a
 * start-up energy costs revenue, a daily limit of starts holds, and the linear programme, which cannot model
 * either, refuses them by field instead of ignoring them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hourlyPricesCsv } from './testing.js';

/** 100 yuan/MWh 00–04, 500 at 08–10 and 18–22, 300 otherwise (two peaks a day). */
const TWO_PEAKS = (hour: number) => (hour < 4 ? 100 : (hour >= 8 && hour < 10) || (hour >= 18 && hour < 22) ? 500 : 300);
import { evaluate, parseProjectText } from './index.js';
import { readFromMap } from './parse.js';


const files = { 'prices.csv': hourlyPricesCsv(2025, TWO_PEAKS) };
const project = (dispatch: string) => {
  const p = parseProjectText(
    `
name: start-ups
site: { name: here, timeZone: Asia/Shanghai, ambientTemperature: 15 degC }
market: { year: 2025, prices: prices.csv }
dispatch: { horizon: year, ${dispatch} }
plants:
  - name: battery
    performance: { power: 10 MW, energy: 40 MWh, roundTripEfficiency: 81 % }
    finance: { discountRate: 8 %, operatingYears: 10 years, capex: { items: [ { kind: perEnergy, name: system, energy: 40 MWh, unitCost: 500 yuan/kWh } ] } }
`,
    'start-ups.yaml',
    readFromMap(files),
  );
  return { spec: p.spec, options: { readText: p.readText } };
};

test('a start-up energy and a daily limit of starts reach the plant-feasible dispatch', async () => {
  const free = (await evaluate(project('method: dp').spec, project('method: dp').options)).plants[0];
  const costly = (await evaluate(project('startUp: { energy: 2 MWh }').spec, project('startUp: { energy: 2 MWh }').options)).plants[0];
  assert.equal(costly.dispatch.formulation, 'dp');
  assert.ok(costly.dispatch.revenue < free.dispatch.revenue, `${costly.dispatch.revenue} < ${free.dispatch.revenue}`);
  const once = (await evaluate(project('dailyStartLimit: 1').spec, project('dailyStartLimit: 1').options)).plants[0];
  assert.equal(once.dispatch.formulation, 'dp');
  // discharge starts per local day (UTC+8): at most one, where the free schedule uses both peaks
  const starts = (p: typeof once) => {
    const perDay = new Map<number, number>();
    const d = p.schedule.discharge;
    for (let t = 0; t < d.length; t++) if (d[t] > 0 && !(t > 0 && d[t - 1] > 0)) perDay.set(Math.floor((t + 8) / 24), (perDay.get(Math.floor((t + 8) / 24)) ?? 0) + 1);
    return Math.max(...perDay.values());
  };
  assert.equal(starts(free), 2);
  assert.equal(starts(once), 1);
});

test('the linear programme refuses a start-up or a daily start limit by field', async () => {
  await assert.rejects(() => evaluate(project('method: lp, startUp: { energy: 2 MWh }').spec, project('method: lp, startUp: { energy: 2 MWh }').options), /dispatch\.startUp: .*only the dp method models it/);
  await assert.rejects(() => evaluate(project('milp: true, dailyStartLimit: 1').spec, project('milp: true, dailyStartLimit: 1').options), /dispatch\.dailyStartLimit: .*only the dp method models it/);
});
