import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { countByRange, rainflowCycles, reversalIndices, summarizeRainflow } from './rainflow.js';
import { parseDutyCsv } from './life/duty-csv.js';

const REF = new URL('../../../shared/reference/battery/', import.meta.url);
const reference = JSON.parse(readFileSync(new URL('reference_results.json', REF), 'utf8'));

// ASTM E1049-85 (2011), section 5.4.4 and its figure: the load sequence -2, 1, -3, 5, -1, 3, -4, 4, -2.
const ASTM = [-2, 1, -3, 5, -1, 3, -4, 4, -2];

test('the ASTM E1049-85 worked example gives the published counts by range', () => {
  // published: range 3 → 0.5, 4 → 1.5, 6 → 0.5, 8 → 1.0, 9 → 0.5
  assert.deepEqual(countByRange(rainflowCycles(ASTM), 6), [
    [3, 0.5],
    [4, 1.5],
    [6, 0.5],
    [8, 1],
    [9, 0.5],
  ]);
});

test('the ASTM example is counted cycle by cycle with means and the reversals that bound each cycle', () => {
  const cycles = rainflowCycles(ASTM).map((c) => [c.range, c.mean, c.count, c.start, c.end]);
  assert.deepEqual(cycles, [
    [3, -0.5, 0.5, 0, 1],
    [4, -1, 0.5, 1, 2],
    [4, 1, 1, 4, 5],
    [8, 1, 0.5, 2, 3],
    [9, 0.5, 0.5, 3, 6],
    [8, 0, 0.5, 6, 7],
    [6, 1, 0.5, 7, 8],
  ]);
});

test('reversals skip plateaus and points that continue a slope, and keep both ends', () => {
  assert.deepEqual(reversalIndices([0, 1, 2, 2, 2, 1, 1, 3, 4]), [0, 4, 6, 8]);
  assert.deepEqual(reversalIndices([5, 5, 5]), [0, 2]);
  assert.deepEqual(reversalIndices([1, 2]), [0, 1]);
  assert.deepEqual(reversalIndices([7]), [0]);
  assert.throws(() => reversalIndices([0, Number.NaN]), /sample 1 is NaN/);
});

for (const name of Object.keys(reference.profiles)) {
  test(`the ${name} duty gives the rainflow package's reference counts exactly`, () => {
    const ref = reference.profiles[name].rainflow.year1;
    const duty = parseDutyCsv(readFileSync(new URL(reference.profiles[name].file, REF), 'utf8'), name);
    const cycles = rainflowCycles(duty.soc);
    const s = summarizeRainflow(duty.soc, cycles);
    assert.equal(s.reversals, ref.n_reversals);
    assert.equal(s.totalCycles, ref.cycles_total);
    assert.equal(s.fullCycleEntries, ref.full_cycle_entries);
    assert.equal(s.halfCycleEntries, ref.half_cycle_entries);
    assert.ok(Math.abs(s.rangeTimesCount - ref.sum_range_times_count) < 1e-9, `${s.rangeTimesCount} vs ${ref.sum_range_times_count}`);
    assert.deepEqual(countByRange(cycles, 4), ref.count_cycles_ndigits4);
    const byRangeMean = new Map<string, number>();
    for (const c of cycles) {
      const key = `${Math.round(c.range * 1e4) / 1e4},${Math.round(c.mean * 1e4) / 1e4}`;
      byRangeMean.set(key, (byRangeMean.get(key) ?? 0) + c.count);
    }
    assert.deepEqual(
      [...byRangeMean.entries()].map(([k, v]) => [...k.split(',').map(Number), v]),
      ref.cycles_by_range_mean,
    );
  });
}
