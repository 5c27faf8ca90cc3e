/**
 * Property-based fuzzing of every flash pair (tp, ph, ps, hs, du, dt, pq, tq) of every fluid, with the critical
 * point, the critical density, the triple point and the melting line as deliberate edges (issue 12, items 1, 2 and
 * the fuzz suite): states that exist must come back and reproduce their inputs within FLASH_TOLERANCE; raw inputs
 * give such a state or a FluidInputError / FluidSolveError naming the fluid; no NaN, no Infinity (null only where
 * FluidState documents it), no state inside the saturation dome or the solid, no call longer than the bound.
 * Fixed seed and bounded count here; `npx tsx scripts/fuzz.ts --seed N --runs N` runs the same properties longer.
 * What is drawn and checked: src/fluids/testing/fuzz.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid, FLUID_NAMES } from './index.js';
import { fuzzFluids, FuzzTally } from './testing/fuzz.js';

/** Runs per fluid for the origin states (raw inputs: four times as many); about 2 s per fluid on the test machine. */
const RUNS = 25;
const SEED = 20_251_012;
/** Generous against a loaded machine: the slowest flashes, (h, s) within microkelvins of T_c, take up to about 1 s. Unit: ms */
const CALL_TIME_MS = 4000;

for (const name of FLUID_NAMES) {
  test(`${name}: every fuzzed flash gives a state that reproduces its inputs, or a clear error, within ${CALL_TIME_MS} ms (seed ${SEED})`, () => {
    const tally = fuzzFluids({ seed: SEED, numRuns: RUNS, callTimeMs: CALL_TIME_MS, fluids: [name] }, new FuzzTally());
    // the campaign must have exercised the solvers, not only the input checks
    assert.ok(tally.states > 2 * RUNS, `${name}: only ${tally.states} states in ${tally.calls} calls`);
  });
}

test('unknown fluids and input pairs are clear errors', () => {
  assert.throws(() => fluid('Unobtainium'), /one of CO2, Air, Water/);
  assert.throws(() => fluid('CO2').state({ T: 300, h: 1e5 }), /input pairs/);
  assert.equal(fluid('CarbonDioxide'), fluid('co2'));
});
