/**
 * The grading on the retired-LFP string (../shared/data/retired_lfp_cells, 252 cells, MIT): anomalous cells recycled
 * and kept out of modules, the modules far tighter than random groupings of the same sizes, runs reproducible by seed,
 * and the limits of the data stated. Reference: derived/reference_values.json (the paper's three-sigma rejection on
 * the DV vectors) and the data README (cells 112 and 116 lowest in both files, falling on the rest day).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCampaignDay, CampaignFormatError } from './campaign.js';
import { gradeCampaign } from './grade.js';
import { GRADING_DEFAULTS } from './options.js';
import { shuffled, Xoshiro128 } from '../../numerics/random.js';
import { readCampaignDir } from './read-campaign.node.js';
import { meanSpreads } from './spread.js';
import { median } from './statistics.js';
import { gradingCsv } from './table.js';

const DIR = fileURLToPath(new URL('../../../../shared/data/retired_lfp_cells/', import.meta.url));
const reference = JSON.parse(readFileSync(`${DIR}derived/reference_values.json`, 'utf8'))['charge_2021-11-07'];
const campaign = readCampaignDir(DIR);
const result = gradeCampaign(campaign);
const byNumber = (n: number) => result.cells[n - 1];
const number = (cell: string) => Number(cell.slice(5));

test('cells 112 and 116 (lowest voltage in both files) are rejected as over-discharged and self-discharging, graded recycle and in no module', () => {
  for (const n of [112, 116]) {
    const c = byNumber(n);
    assert.equal(c.rejected, true);
    assert.deepEqual(c.reasons.filter((r) => r.kind !== 'robust-z').map((r) => r.kind), ['over-discharged', 'self-discharge']);
    assert.equal(c.grade, 'recycle');
    assert.equal(c.group, null);
  }
});

test('every cell our DV-deviation rule rejects is one the paper’s three-sigma distance rule rejects too', () => {
  const ours = result.cells.filter((c) => c.reasons.some((r) => r.kind === 'robust-z' && r.feature === 'dvDeviation')).map((c) => number(c.features.cell));
  assert.ok(ours.length >= 3, `${ours}`);
  for (const n of ours) assert.ok(reference.distance_rejection_on_dv_vectors.rejected_cells.includes(n), `cell ${n}`);
});

test('only storage-grade cells are grouped, in modules of exactly the module size, the rest of them spares', () => {
  const storage = result.cells.filter((c) => c.grade === 'reuse-storage');
  const size = GRADING_DEFAULTS.grouping.moduleSize;
  assert.equal(result.groups.length, Math.floor(storage.length / size));
  for (const g of result.groups) assert.equal(g.cells.length, size);
  assert.equal(result.spares.length, storage.length % size);
  assert.ok(result.cells.every((c) => (c.group === null) === (c.grade !== 'reuse-storage' || result.spares.includes(c.features.cell))));
  const counts = Object.values(result.yields).reduce((s, y) => s + y.count, 0);
  assert.equal(counts, 252);
});

test('the modules are far tighter than 1000 random groupings of the same cells into the same sizes', () => {
  // an independent baseline (own seed and shuffles): the measured ratios are about 0.43 (capacity proxy) and 0.80
  // (DV vector), and no random grouping comes as close on either
  const members = result.groups.map((g) => g.cells.map((cell) => result.cells.find((c) => c.features.cell === cell)!.features));
  const ours = meanSpreads(members);
  const pool = members.flat().concat(result.spares.map((cell) => result.cells.find((c) => c.features.cell === cell)!.features));
  const random = Xoshiro128.fromSeed(20261207);
  let capacity = 0;
  let dv = 0;
  let asTight = 0;
  for (let r = 0; r < 1000; r++) {
    const order = shuffled(random, pool);
    const s = meanSpreads(members.map((m, k) => order.slice(k * m.length, (k + 1) * m.length)));
    capacity += s.capacityProxy / 1000;
    dv += s.dvVector / 1000;
    if (s.capacityProxy <= ours.capacityProxy || s.dvVector <= ours.dvVector) asTight++;
  }
  assert.ok(ours.capacityProxy < 0.5 * capacity, `capacity proxy ratio ${ours.capacityProxy / capacity}`);
  assert.ok(ours.dvVector < 0.85 * dv, `DV vector ratio ${ours.dvVector / dv}`);
  assert.equal(asTight, 0);
  assert.ok(Math.abs(result.tightness.ratio.capacityProxy - ours.capacityProxy / capacity) < 0.02);
});

test('a seeded run is reproduced exactly; modules are numbered by falling median capacity proxy', () => {
  const again = gradeCampaign(campaign);
  assert.deepEqual(again.groups.map((g) => g.cells), result.groups.map((g) => g.cells));
  const medianOf = (cells: readonly string[]) => median(cells.map((cell) => result.cells.find((c) => c.features.cell === cell)!.features.capacityProxy as number));
  for (let i = 1; i < result.groups.length; i++) assert.ok(medianOf(result.groups[i - 1].cells) >= medianOf(result.groups[i].cells));
});

test('the result states what the data cannot say: a capacity proxy from a partial charge, no discharge data', () => {
  assert.match(result.limitations[0], /^Partial charge: 130\.8 Ah passed, ending at 3\.384–3\.416 V .*not a capacity/);
  assert.match(result.limitations[1], /^No discharge data/);
  assert.ok(result.limitations.some((l) => /^Resistance: one step of 9\.3 A after 16026 s, ΔV\/ΔI between the mean of the samples at 16016–16026 s and at 16031–16041 s/.test(l)));
});

test('the per-cell CSV has one row per cell with grade, group, reasons, features, z-scores and the 26-value DV vector', () => {
  const lines = gradingCsv(result).trim().split('\n');
  assert.equal(lines.length, 253);
  const header = lines[0].split(',');
  assert.deepEqual(header.slice(0, 7), ['cell', 'grade', 'group', 'rejected', 'reasons', 'grade_reason', 'capacity_proxy_Ah']);
  assert.equal(header.filter((h) => h.startsWith('dv_at_')).length, 26);
  assert.ok(header.includes('z_capacityProxy') && header.includes('rest_drift_mV_per_day'));
  assert.match(lines[112], /^cell_112,recycle,,1,"rest voltage 2\.274 V below 3 V \(over-discharged\); rest voltage falls 12\.4 mV\/day/);
});

test('bad input is refused naming the file, line and column, or the option and its valid range', () => {
  const texts = { timeCurrent: 'sample,time_s,current_A\n1,1,2.0\n2,6,2.0\n', voltage: 'time_s,cell_001\n1,3.2\n6,x\n', temperature: 'time_s,cell_001\n1,25\n6,25\n' };
  assert.throws(() => parseCampaignDay(texts, 'charge_x'), (e: Error) => e instanceof CampaignFormatError && /charge_x_voltage_V\.csv: line 3, column "cell_001" = "x" is not a finite number/.test(e.message));
  assert.throws(() => gradeCampaign(campaign, { ...GRADING_DEFAULTS, capacityProxyLimits: { lower: 3.33, upper: 3.26 } }), /capacityProxyLimits\.lower = 3\.33 V is not below upper = 3\.26 V/);
  const oneSample = { ...campaign.rest, time: campaign.rest.time.subarray(0, 1), current: campaign.rest.current.subarray(0, 1), voltage: campaign.rest.voltage.map((v) => v.subarray(0, 1)) };
  assert.throws(() => gradeCampaign({ ...campaign, rest: oneSample }), /rest_2022-05-29: 1 sample; valid: at least 2 for a voltage drift/);
  assert.throws(() => gradeCampaign(campaign, { ...GRADING_DEFAULTS, grouping: { ...GRADING_DEFAULTS.grouping, moduleSize: 0 } }), /moduleSize = 0 is not valid; valid: a whole number ≥ 1/);
});
