import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COULOMBS_PER_AH } from '../../battery/grading/index.js';
import { BATTERY_TERMS, lineName } from '../battery-labels.js';
import { batteryLifeChart, batteryYearsChart, lifePoints, roundTripChart, type BatteryChartData } from './battery.js';
import { batteryData, gradingData, recyclingData } from './battery-testing.js';
import { gradingDvChart, gradingFeatureChart, gradingHistogramChart, gradingYieldChart } from './grading.js';
import { massBalanceChart, massBalanceRows, recyclingCashFlowChart, recyclingRouteChart } from './recycling.js';

type Series = { name: string; type: string; data: unknown[]; yAxisIndex?: number; markLine?: { data: { xAxis?: number; yAxis?: number; name?: string }[] } };
const series = (o: { series?: unknown }) => o.series as Series[];
const axes = (o: { yAxis?: unknown }) => (Array.isArray(o.yAxis) ? o.yAxis : [o.yAxis]) as { name: string }[];
const CJK = /[\u4e00-\u9fff]/;

/** The test plant's battery without its layout: the life chart then has no usable-energy line. */
function withoutNameplate(): BatteryChartData {
  const { layout: _layout, ...rest } = batteryData();
  return rest;
}

test('every battery term has an English text and a Chinese one in Chinese characters', () => {
  for (const [key, t] of Object.entries(BATTERY_TERMS)) {
    assert.ok(t.en.length > 0, key);
    assert.ok(CJK.test(t.zh), `${key}: ${t.zh}`);
  }
});

test('the life chart draws each year from its start to its end, so the augmentation and the replacement are steps up at their years', () => {
  const d = batteryData();
  const points = lifePoints(d, 'capacity');
  assert.equal(points.length, 20);
  // year 3 ends at 1 − 4 × 0.025 = 0.90, year 4 starts 3 points higher after the augmentation
  assert.deepEqual(points[7], [4, d.years[3].capacityEnd]);
  assert.ok(Math.abs(points[7][1] - 0.9) < 1e-12);
  assert.deepEqual(points[8], [4, d.capacity[4]]);
  assert.ok(Math.abs(points[8][1] - 0.93) < 1e-12);
  // the replacement renews every rack: capacity 1 and resistance 1 at the start of year 8
  assert.deepEqual(lifePoints(d, 'capacity')[16], [8, 1]);
  assert.deepEqual(lifePoints(d, 'resistance')[16], [8, 1]);
});

test('the life chart shows capacity and resistance in %, the replacements as vertical lines at their years and every shipped model as its own thin line', () => {
  const d = withoutNameplate();
  for (const lang of ['en', 'zh'] as const) {
    const o = batteryLifeChart(d, lang);
    const s = series(o);
    assert.equal(s.length, d.spread.length + 2);
    const capacity = s[d.spread.length];
    assert.equal(capacity.data.length, 20);
    assert.deepEqual(capacity.data[8], [4, 93]);
    const marks = capacity.markLine!.data;
    assert.deepEqual(marks.map((m) => m.xAxis ?? null), [null, 4, 8]);
    assert.equal(marks[0].yAxis, 80);
    const resistance = s[d.spread.length + 1];
    assert.equal(resistance.yAxisIndex, 1);
    assert.deepEqual(resistance.data[1], [1, 104]);
    // the spread: every model over years + 1 points, its years to 80 % in its legend name when reached
    s.slice(0, d.spread.length).forEach((x, i) => assert.equal(x.data.length, d.spread[i].capacity.length));
    assert.match(s[0].name, /8\.0/);
    assert.doesNotMatch(s[1].name, /80/);
    for (const a of axes(o)) assert.match(a.name, /\(%\)$/);
    if (lang === 'zh') assert.ok(CJK.test(axes(o)[0].name) && CJK.test(marks[1].name!));
  }
});

test('with augmentation in every year only the replacements are labelled on the life chart, every event still drawn', () => {
  const d = batteryData();
  const yearly = { ...d, replacements: [...Array.from({ length: 7 }, (_, y) => ({ year: y + 1, racks: 5, energy: 6 * 3.6e9, cost: 1e6, kind: 'augmentation' as const })), d.replacements[1]] };
  const marks = series(batteryLifeChart(yearly, 'en'))[d.spread.length].markLine!.data as { xAxis?: number; label?: { show?: boolean; formatter?: string } }[];
  assert.equal(marks.length, 1 + 8);
  assert.deepEqual(marks.filter((m) => m.label?.show !== false).map((m) => m.label?.formatter), ['80 % of nameplate', 'Replacement +200']);
});

test('given the nameplate, the life chart also shows each year’s usable energy at the grid in % of it', () => {
  const d = batteryData();
  assert.equal(d.layout.energy, 200 * 3.6e9);
  const s = series(batteryLifeChart(d, 'zh'));
  const usable = s.find((x) => x.name === '并网点可用电量占额定比例')!;
  assert.equal(usable.data.length, 10);
  // 200 MWh × 0.93 after the augmentation in year 4, of 200 MWh
  assert.deepEqual(usable.data[4], [4, 93]);
  assert.equal(series(batteryLifeChart(withoutNameplate(), 'en')).length, d.spread.length + 2);
});

test('the yearly chart has the AC round trip in % and the auxiliary energy in MWh for each operating year', () => {
  const d = batteryData();
  const o = batteryYearsChart(d, 'en');
  const [aux, ac, dc] = series(o);
  assert.deepEqual((o.xAxis as { data: string[] }).data, ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  assert.equal(aux.data[2], 1520);
  assert.equal(ac.data[0], 86);
  assert.equal(dc.data[9], 93.1);
  assert.match(axes(o)[1].name, /\(MWh\)$/);
});

test('the round-trip chart has one AC and one DC line per power, over the ambients in °C', () => {
  const d = batteryData();
  const s = series(roundTripChart(d, 'zh'));
  assert.equal(s.length, 4);
  assert.deepEqual(s[0].data.map((p) => (p as number[])[0]), [-10, 15, 35]);
  // 0.88 − 0.05 × 0.25 − 0.0005 × 5 K at 15 °C
  assert.deepEqual(s[0].data[1], [15, 86.5]);
  assert.match(s[0].name, /50 MW/);
});

test('the recycling cash flow is the plants’ chart without the rows a recycling plant has none of, and its cumulative line ends at the sum of the after-tax cash flows', () => {
  const r = recyclingData();
  const o = recyclingCashFlowChart(r, 'zh');
  const names = series(o).map((s) => s.name);
  assert.ok(!names.includes('充电成本'), names.join());
  assert.ok(names.includes('营业收入') && names.includes('运维成本') && names.includes('累计税后现金流'));
  const c = r.finance!.cashFlow;
  const cumulative = series(o).find((s) => s.name === '累计税后现金流')!.data as number[];
  const total = c.projectCashFlowAfterTax.reduce((a, v) => a + v, 0);
  assert.ok(Math.abs(cumulative[cumulative.length - 1] - total / 1e4) <= Math.abs(total / 1e4) * 1e-4);
  assert.equal(cumulative.length, c.year.length);
  assert.throws(() => recyclingCashFlowChart({ ...r, finance: null }, 'en'), /no finance section/);
});

test('the route chart has a bar per route for each chemistry of the feed, per t and per kWh, equal to the route comparison', () => {
  const r = recyclingData();
  const chemistries = [...new Set(r.routes.map((x) => x.chemistry))];
  assert.deepEqual(chemistries, ['LFP', 'NCM523', 'NCM622', 'NCM811']);
  const perT = recyclingRouteChart(r, 'mass', 'en');
  const perKWh = recyclingRouteChart(r, 'energy', 'zh');
  assert.deepEqual((perT.xAxis as { data: string[] }).data, chemistries);
  assert.equal(series(perT).length, 3);
  const hydro = series(perT).find((s) => s.name.startsWith('Hydrometallurgical'))!;
  assert.match(hydro.name, /this project/);
  const lfpHydro = r.routes.find((x) => x.chemistry === 'LFP' && x.route === 'hydro')!;
  assert.ok(Math.abs((hydro.data[0] as number) - lfpHydro.netValuePerMass * 1000) <= Math.abs(lfpHydro.netValuePerMass) * 1000 * 1e-4);
  const directKWh = series(perKWh).find((s) => s.name.startsWith('直接再生'))!;
  const ncm811Direct = r.routes.find((x) => x.chemistry === 'NCM811' && x.route === 'direct')!;
  assert.ok(Math.abs((directKWh.data[3] as number) - ncm811Direct.netValuePerEnergy * 3.6e6) <= Math.abs(ncm811Direct.netValuePerEnergy) * 3.6e6 * 1e-4);
  assert.match(axes(perT)[0].name, /\(CNY\/t\)$/);
  assert.match(axes(perKWh)[0].name, /\(元\/kWh\)$/);
});

test('the mass balance gives each feed stream’s tonnes: the feed, its second-life share and its black mass', () => {
  const r = recyclingData();
  const rows = massBalanceRows(r.result);
  // 100,000 LFP modules of 105 kg, a tenth of them sorted for a second life (examples/recycling/luoyang-recycling.yaml)
  assert.ok(Math.abs(rows[0].feed - 10_500) < 1e-6);
  assert.ok(Math.abs(rows[0].secondLife - 1_050) < 1e-6);
  assert.ok(rows.every((x) => x.blackMass > 0 && x.blackMass < x.feed - x.secondLife));
  const s = series(massBalanceChart(r.result, 'en'));
  assert.deepEqual(s[0].data, rows.map((x) => Number(x.feed.toPrecision(5))));
});

test('the grading charts are the grading library’s, with their words in Chinese: modules 模组 n, grades by name, axes with units', () => {
  const g = gradingData();
  const f = gradingFeatureChart(g, 'zh');
  const names = series(f).map((s) => s.name);
  assert.ok(names.includes('模组 1'), names.join());
  assert.ok(names.includes('再生利用'), names.join());
  const points = series(f).reduce((a, s) => a + s.data.length, 0);
  assert.equal(points, g.cells.filter((c) => c.features.capacityProxy !== null).length);
  assert.match((f.xAxis as { name: string }).name, /容量代理量 \(Ah\)/);
  const dv = gradingDvChart(g, 'zh');
  assert.equal(series(dv).length, g.cells.length);
  assert.equal(series(dv)[0].data.length, g.string.dvGrid.length);
  assert.match((dv.yAxis as { name: string }).name, /mV\/Ah/);
  assert.equal((dv.xAxis as { max: number }).max, g.string.dvGrid[g.string.dvGrid.length - 1] / COULOMBS_PER_AH);
  const h = gradingHistogramChart(g, 'en');
  assert.deepEqual(series(h).map((s) => s.name), ['reuse in storage', 'reuse at low power', 'recycle']);
  assert.equal(series(h).reduce((a, s) => a + (s.data as number[]).reduce((x, y) => x + y, 0), 0), points);
});

test('the yields chart counts the cells of each grade as the grading does, with their shares', () => {
  const g = gradingData();
  const s = series(gradingYieldChart(g, 'zh'))[0];
  const values = (s.data as { value: number; label: { formatter: string } }[]).map((d) => d.value);
  assert.deepEqual(values, [g.yields['reuse-storage'].count, g.yields['reuse-low-power'].count, g.yields.recycle.count]);
  assert.equal(values.reduce((a, v) => a + v, 0), g.cells.length);
  const recycle = (s.data as { label: { formatter: string } }[])[2].label.formatter;
  assert.match(recycle, new RegExp(`^${g.yields.recycle.count} \\(`));
});

test('every product and money line of the recycling example has a Chinese name, and keeps its own in English', () => {
  const r = recyclingData();
  const names = [...r.statement.revenues, ...r.statement.costs, ...r.result.streams.flatMap((s) => s.balance.products)].map((x) => x.name);
  assert.ok(names.includes('Li2CO3') && names.includes('batteries bought'), names.join());
  for (const n of names) {
    assert.ok(CJK.test(lineName(n, 'zh')), `${n}: ${lineName(n, 'zh')}`);
    assert.equal(lineName(n, 'en'), n);
  }
  assert.equal(lineName('regenerated NCM811', 'zh'), '再生 NCM811 正极材料');
});
