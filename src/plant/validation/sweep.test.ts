/**
 * Robustness: random feasible A-CAES and gas-liquid CO2 plants (random-networks.ts), charge and discharge, solved
 * without any starting value from the user. Every one must converge and close its balances. Their specifications
 * are drawn at random, end differences included, so some cross inside an exchanger or run a medium backwards: the
 * sweep tests the solver, so it accepts those (allowUnphysical) and counts them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLANT_KINDS, randomPlant } from './random-networks.js';

/** Networks in the sweep (a quarter of each kind). */
export const SWEEP_NETWORKS = 1000;

test(`${SWEEP_NETWORKS} random A-CAES and CO2 networks converge from automatic starting values and close their balances`, (t) => {
  const failures: string[] = [];
  let seconds = 0;
  let blocks = 0;
  let largest = 0;
  let impossible = 0;
  for (let seed = 1; seed <= SWEEP_NETWORKS / PLANT_KINDS.length; seed++) {
    for (const kind of PLANT_KINDS) {
      const plant = randomPlant(kind, seed);
      const r = plant.network.allowUnphysical(true).solve();
      if (!r.ok) {
        failures.push(`${plant.description}: ${r.reason}`);
        continue;
      }
      const s = r.value;
      if (s.violations().length > 0) impossible++;
      seconds += s.stats.seconds;
      blocks += s.stats.blocks;
      largest = Math.max(largest, s.stats.largestBlock);
      const b = s.balances();
      if (!(b.mass.relative < 1e-12 && b.energy.relative < 1e-9 && b.exergy.relative < 1e-9)) {
        failures.push(`${plant.description}: balances mass ${b.mass.relative}, energy ${b.energy.relative}, exergy ${b.exergy.relative}`);
      }
    }
  }
  t.diagnostic(`${((1e3 * seconds) / SWEEP_NETWORKS).toFixed(2)} ms per network (solve only), ${(blocks / SWEEP_NETWORKS).toFixed(1)} blocks on average, largest block ${largest}; ${impossible} break physics (violations.ts), accepted here`);
  assert.deepEqual(failures, []);
});
