/**
 * The features on the retired-LFP data set (../shared/data/retired_lfp_cells, 252 cells of one string, MIT) against
 * the check values its derive_reference.py computed from the same CSV files (derived/reference_values.json,
 * derived/cells_summary.csv, derived/charge_2021-11-07_dv_V_per_Ah.csv). Where the definitions are the same the
 * agreement is to the printed digits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { campaignFeatures } from './features.js';
import { threeSigmaDistanceRejection } from './dv-vector.js';
import { dbscan, zScoreColumns } from './dbscan.js';
import { GRADING_DEFAULTS } from './options.js';
import { readCampaignDir } from './read-campaign.node.js';
import { median } from './statistics.js';

const DIR = fileURLToPath(new URL('../../../../shared/data/retired_lfp_cells/', import.meta.url));
const reference = JSON.parse(readFileSync(`${DIR}derived/reference_values.json`, 'utf8'));
const chargeRef = reference['charge_2021-11-07'];
const restRef = reference['rest_2022-05-29'];
const csvRows = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(','));
const [summaryHeader, ...summaryRows] = csvRows(`${DIR}derived/cells_summary.csv`);
const summary = summaryRows.map((r) => Object.fromEntries(summaryHeader.map((h, j) => [h, Number(r[j])])));
const campaign = readCampaignDir(DIR);
const features = campaignFeatures(campaign, GRADING_DEFAULTS);
const AH = 3600;

test('the charge day passes the reference charge under the scripts’ rectangle rule (130.835139 Ah)', () => {
  assert.equal(campaign.charge.cells.length, 252);
  assert.ok(Math.abs(features.string.chargeThroughput / AH - chargeRef.charge_Ah_rectangle_rule) < 5e-7);
  assert.equal(features.string.dvGrid.length, chargeRef.dv_grid_points);
  assert.equal(features.string.dvGrid[0] / AH, chargeRef.dv_grid_Ah[0]);
});

test('every cell’s dV/dQ at every whole ampere-hour agrees with the reference curves to their 10 printed digits', () => {
  const [, ...rows] = csvRows(`${DIR}derived/charge_2021-11-07_dv_V_per_Ah.csv`);
  let worst = 0;
  rows.forEach((row, c) => {
    row.slice(1).forEach((text, g) => {
      const ref = Number(text);
      const ours = features.cells[c].dvCurve[g] * AH;
      worst = Math.max(worst, Math.abs(ours - ref) / Math.abs(ref));
    });
  });
  assert.ok(worst < 1e-9, `largest relative difference ${worst}`);
});

test('the DV feature positions are the reference’s 26 charges and the CV range matches', () => {
  assert.deepEqual(Array.from(features.string.dvPositions, (q) => q / AH), chargeRef.selected_feature_positions_Ah);
  const cv = features.string.dvVariation.cv;
  assert.ok(Math.abs(Math.min(...cv) - chargeRef.cv_min_max[0]) < 5e-7);
  assert.ok(Math.abs(Math.max(...cv) - chargeRef.cv_min_max[1]) < 5e-7);
});

test('each cell’s voltage levels, start and end voltages and mean charge temperature match the cells summary', () => {
  features.cells.forEach((f, c) => {
    const s = summary[c];
    assert.equal(f.voltageLevels, s.charge_unique_voltage_levels, f.cell);
    assert.equal(f.chargeStartVoltage, s.charge_v_start_V, f.cell);
    assert.equal(f.chargeEndVoltage, s.charge_v_end_V, f.cell);
    assert.ok(Math.abs(f.chargeMeanTemperature - 273.15 - s.charge_temp_mean_C) <= 5e-4 + 1e-9, f.cell);
    assert.ok(Math.abs(f.restVoltage - s.rest_v_mean_V) <= 5e-5 + 1e-9, f.cell);
  });
});

test('the paper’s three-sigma distance rejection on the DV vectors rejects cells 98, 112, 116, 139, 140 and 185 with the reference limits', () => {
  const r = threeSigmaDistanceRejection(features.cells.map((f) => f.dvVector));
  const ref = chargeRef.distance_rejection_on_dv_vectors;
  assert.deepEqual(r.rejected.map((i) => i + 1), ref.rejected_cells);
  assert.ok(Math.abs(r.centre * AH / ref.mean_of_mean_distances_V_per_Ah - 1) < 1e-6);
  assert.ok(Math.abs(r.spread * AH / ref.std_of_mean_distances_V_per_Ah - 1) < 1e-6);
  assert.ok(Math.abs((r.centre + 3 * r.spread) * AH / ref.upper_threshold_V_per_Ah - 1) < 1e-6);
  r.meanDistance.forEach((d, c) => assert.ok(Math.abs(d * AH / summary[c].dv_mean_distance_V_per_Ah - 1) < 1e-6, `cell ${c + 1}`));
});

test('the paper’s DBSCAN on the z-scored DV vectors (radius 4.9, 2 points) finds the reference noise cells, clusters and nearest distances', () => {
  const ref = chargeRef.dbscan_on_zscored_dv_vectors;
  const r = dbscan(zScoreColumns(features.cells.map((f) => f.dvVector)), ref.epsilon, ref.min_points_including_self);
  const members = (l: number) => Array.from(r.label).flatMap((x, c) => (x === l ? [c + 1] : []));
  assert.deepEqual(members(-1), ref.noise_cells);
  assert.equal(members(1).length, ref.cluster_sizes['1']);
  assert.deepEqual(members(2), ref.cluster_members_if_small['2']);
  r.nearest.forEach((d, c) => assert.ok(Math.abs(d - summary[c].dv_zscore_nn_distance) <= 5e-5 + 1e-9, `cell ${c + 1}: ${d}`));
});

test('the rest day’s lowest cells are 112, 116 and 113, and the cell voltages average the reference 3.22536 V', () => {
  const order = features.cells.map((f, c) => [f.restVoltage, c + 1]).sort((a, b) => a[0] - b[0]);
  assert.deepEqual(order.slice(0, 3).map((x) => x[1]), restRef.lowest_mean_voltage_cells);
  const all = features.cells.reduce((s, f) => s + f.restVoltage, 0) / features.cells.length;
  assert.ok(Math.abs(all - restRef.v_mean_over_cells_V) < 5e-6);
  assert.ok(Math.abs(median(features.cells.map((f) => f.restVoltage)) - restRef.v_median_of_cell_means_V) < 5e-6);
});

test('the README’s abnormal cells 112 and 116 fall by 12 and 22 mV over the rest day (drift × span), every other cell within 2 mV', () => {
  const fall = features.cells.map((f) => f.restVoltageDrift * features.string.restDuration * 1e3);
  assert.ok(Math.abs(fall[111] + 12) < 1.5 && Math.abs(fall[115] + 22) < 1.5, `${fall[111]}, ${fall[115]}`);
  fall.forEach((mv, c) => c === 111 || c === 115 || assert.ok(Math.abs(mv) <= 2, `cell ${c + 1}: ${mv} mV`));
});

test('the resistance uses the step at 16,026 s and equals ΔV/ΔI read by hand from the CSV text for cell 1', () => {
  const step = features.string.currentStep;
  assert.ok(step !== null);
  assert.equal(step.time, 16026);
  // by hand: the three samples either side of the step, from the CSV lines
  const lines = readFileSync(`${DIR}charge_2021-11-07_voltage_V.csv`, 'utf8').split('\n');
  const current = readFileSync(`${DIR}charge_2021-11-07_time_current.csv`, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('16026,'));
  const v = (i: number) => Number(lines[i].split(',')[1]);
  const i = (k: number) => Number(current[k].split(',')[2]);
  const dv = (v(at + 1) + v(at + 2) + v(at + 3) - v(at) - v(at - 1) - v(at - 2)) / 3;
  const di = (i(at + 1) + i(at + 2) + i(at + 3) - i(at) - i(at - 1) - i(at - 2)) / 3;
  assert.ok(Math.abs(step.before - 23.2) < 1e-9 && Math.abs(step.after - (32.3 + 32.7 + 32.5) / 3) < 1e-9);
  assert.ok(Math.abs((features.cells[0].resistance ?? NaN) - dv / di) < 1e-12);
});

test('every cell’s dQ/dV peak lies within 5 mV of its voltage where the reference dV/dQ is lowest (the flat plateau)', () => {
  const [, ...dvRows] = csvRows(`${DIR}derived/charge_2021-11-07_dv_V_per_Ah.csv`);
  const [, ...chargeRows] = csvRows(`${DIR}derived/charge_2021-11-07_cumulative_charge.csv`);
  const chargeAh = chargeRows.map((r) => Number(r[2]));
  dvRows.forEach((row, c) => {
    const dv = row.slice(1).map(Number);
    const flattest = dv.indexOf(Math.min(...dv)) + 1; // Ah, the grid starting at 1 Ah
    const sample = chargeAh.findIndex((q) => q >= flattest);
    const peak = features.cells[c].icPeak;
    assert.ok(peak !== null && Math.abs(peak.voltage - campaign.charge.voltage[c][sample]) <= 0.005 + 1e-9, `cell ${c + 1}`);
  });
});

test('the capacity proxy spans its limits for every cell and stays below the charge passed', () => {
  for (const f of features.cells) {
    assert.ok(f.capacityProxy !== null && f.capacityProxy > 0 && f.capacityProxy < features.string.chargeThroughput, f.cell);
  }
});
