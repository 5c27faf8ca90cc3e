import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parseQuantity } from '../../units/index.js';
import { runCycle, type TransientPlant } from '../transient/cycle.js';
import type { OperatingMode } from '../transient/mode.js';
import { parseParameters } from './parameters.js';
import { liquidCo2 } from './liquid-co2/liquid-co2.js';
import { LIQUID_CO2_SCHEMA } from './liquid-co2/schema.js';

// the Luoyang liquid-CO2 plant, whose oil store is rationed at every discharge step (its reheat would take more heat
// per kg than the charge stores), designed at the annual mean of the site's monthly temperatures
const file = parseYaml(readFileSync(new URL('../../../examples/luoyang/liquid-co2.yaml', import.meta.url), 'utf8')) as { site: { ambientTemperature: string[] }; plants: { parameters: Record<string, unknown> }[] };
const ambient = file.site.ambientTemperature.map((t) => parseQuantity(t, 'temperature', '')).reduce((a, b) => a + b, 0) / 12;

test('a rationed discharge step settles in two network solves: one where the last step left the approach, one secant step along the slope its search ended on', () => {
  const build = liquidCo2(parseParameters('liquid-co2', LIQUID_CO2_SCHEMA, file.plants[0].parameters), { ambientTemperature: ambient });
  const discharge = build.plant.discharge;
  const solve = discharge.solve as NonNullable<OperatingMode['solve']>;
  const solves: number[] = [];
  const counted: OperatingMode = {
    ...discharge,
    solve: (x) => {
      const r = solve(x);
      assert.ok(r.ok, r.ok ? '' : r.reason);
      solves.push(r.iterations);
      return r;
    },
  };
  const plant: TransientPlant = { ...build.plant, discharge: counted };
  const step = 900;
  const r = runCycle(plant, build.empty, { chargeSeconds: 24 * 3600, holdSeconds: 0, dischargeSeconds: 10 * step, stepSeconds: step });
  assert.equal(r.stops[0]?.phase, 'charge', 'the charge fills the plant before the discharge');
  assert.equal(solves.length, 10);
  // the first steps learn the slope (a bracket from the design approach); from then on two solves a step, where a
  // fresh bracket took three to six
  assert.ok(solves[0] >= 3, `first step: ${solves[0]} solves`);
  assert.deepEqual(solves.slice(2), Array(8).fill(2), `solves per step: ${solves.join(', ')}`);
});
