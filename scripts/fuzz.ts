/**
 * The long fuzz run over every flash of every fluid (the CI test runs the same properties with a fixed seed and a
 * small count; see src/fluids/testing/fuzz.ts for what is drawn and what is asserted).
 *
 *   npx tsx scripts/fuzz.ts [--seed N] [--runs N] [--call-ms N] [--fluids CO2,Water] [--reference-state NBP]
 *
 * --runs is fast-check's runs per fluid for the origin states (raw inputs get four times as many). Prints the seed
 * (fast-check prints seed and path of a failure, which replay it) and a tally; exits non-zero on a failure.
 */
import { FLUID_NAMES, REFERENCE_STATES, type ReferenceStateName } from '../src/fluids/index.js';
import { fuzzFluids, FuzzTally } from '../src/fluids/testing/fuzz.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const seed = Number(option('seed', String(Date.now() % 2 ** 31)));
const numRuns = Number(option('runs', '2000'));
const callTimeMs = Number(option('call-ms', '2000'));
const fluids = option('fluids', FLUID_NAMES.join(',')).split(',');
const referenceState = option('reference-state', 'DEF') as ReferenceStateName;
if (!REFERENCE_STATES.includes(referenceState)) throw new Error(`--reference-state must be one of ${REFERENCE_STATES.join(', ')} (got ${referenceState})`);
for (const [k, v] of Object.entries({ seed, runs: numRuns, 'call-ms': callTimeMs })) {
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${k} must be a non-negative number (got ${v})`);
}
console.log(`fuzz: seed ${seed}, ${numRuns} runs per fluid (origin states; ${4 * numRuns} raw), fluids ${fluids.join(', ')} (reference state ${referenceState}), ${callTimeMs} ms per call`);
const tally = new FuzzTally();
const t0 = performance.now();
try {
  fuzzFluids({ seed, numRuns, callTimeMs, fluids, referenceState }, tally);
} finally {
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `${tally.calls} calls in ${s} s: ${tally.states} states, ${tally.inputErrors} input errors, ${tally.solveErrors} solve errors; ` +
      `slowest ${tally.slowest.toFixed(1)} ms (${tally.slowestCall})`,
  );
  for (const line of tally.solveErrorSamples) console.log(`  solve error: ${line}`);
}
