/**
 * Plant templates: for each template at its defaults, the time to design the plant (createPlant), one full cycle
 * (charge 4 h, hold 2 h, discharge 4 h in 1-minute steps; target < 1 s), performance() (the periodic design cycle —
 * cycles repeated until the stores return to their start —, part-load maps, hold test; target a few seconds: it runs
 * once per plant in a project evaluation) and a year of hourly dispatch replayed through the maps (8760 steps); then
 * performance() of every example plant file, with the cycles its periodic search took. Prints, never fails.
 *
 *   npx tsx bench/run.ts templates
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createPlant, TEMPLATE_NAMES } from '../src/plant/templates/index.js';
import { parsePlantFile, plantOf } from '../src/plant/templates/plant-file.js';

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;

export async function run(): Promise<void> {
  const row = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(30) : c.padStart(16))).join(''));
  row(['template', 'design', 'cycle 4+2+4 h', 'steps', 'performance()', 'design cycles', 'replay 8760 h']);
  for (const name of TEMPLATE_NAMES) {
    let t0 = performance.now();
    const plant = createPlant(name, {}, { ambientTemperature: 293.15 });
    const design = ms(t0);
    t0 = performance.now();
    const r = plant.cycle({ chargeSeconds: 4 * 3600, holdSeconds: 2 * 3600, dischargeSeconds: 4 * 3600, stepSeconds: 60 });
    const cycle = ms(t0);
    t0 = performance.now();
    const p = plant.performance();
    const perf = ms(t0);
    const charge = new Float64Array(8760);
    const discharge = new Float64Array(8760);
    for (let h = 0; h < 8760; h++) {
      if (h % 24 < 6) charge[h] = p.chargePower;
      else if (h % 24 >= 18 && h % 24 < 22) discharge[h] = p.dischargePower;
    }
    t0 = performance.now();
    plant.replay({ stepSeconds: 3600, charge, discharge });
    const replay = `${(performance.now() - t0).toFixed(2)} ms`;
    row([name, design, cycle, String(r.timeseries.t.length - 1), perf, `${p.designCycle.cycles}${p.designCycle.periodic ? '' : ' (drifts)'}`, replay]);
  }
  console.log('(cycle: one quasi-steady network solve per charge or discharge minute; hold steps only step the stores; target < 1 s)');
  console.log('');
  // electric RTE = E_out / E_in; a diabatic plant returns more electricity than it takes, so its fuel is counted too
  row(['example', 'performance()', 'design cycles', 'RTE (electric)', 'with fuel', 'capacity']);
  const dir = new URL('../examples/plants/', import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const parsed = parsePlantFile(readFileSync(new URL(file, dir), 'utf8'), file);
    if (!parsed.ok) continue;
    const built = plantOf(parsed.file);
    if (!built.ok) continue;
    const t0 = performance.now();
    const p = built.plant.performance();
    row([file.replace(/\.yaml$/, ''), ms(t0), `${p.designCycle.cycles}${p.designCycle.periodic ? '' : ' (drifts)'}`, `${(p.roundTripEfficiency * 100).toFixed(2)} %`, p.fuelPerOutput > 0 ? `${(p.roundTripEfficiencyWithFuel * 100).toFixed(2)} %` : '–', `${(p.energyCapacity / 3.6e9).toPrecision(4)} MWh`]);
  }
}
