/**
 * Battery degradation speed (issue 15): a 20-year life under an hourly year of dispatch (target ≤ 0.5 s) for every
 * shipped life model, and the rainflow count of a year at 15-minute steps.
 */
import { rainflowCycles } from '../src/battery/rainflow.js';
import { createLifeModel, LIFE_MODEL_IDS, lifeUnderDuty, makeDuty, type Duty } from '../src/battery/life/index.js';

/** A year of hourly dispatch: two uneven cycles a day with partial swings and noise, seeded, cell at 20–35 °C. */
function hourlyDispatch(stepHours: number): Duty {
  const n = Math.round((365 * 24) / stepHours) + 1;
  const time = new Float64Array(n);
  const soc = new Float64Array(n);
  const temperature = new Float64Array(n);
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < n; i++) {
    const h = i * stepHours;
    time[i] = h * 3600;
    const day = Math.floor(h / 24);
    const phase = ((h % 24) / 24) * 2 * Math.PI;
    const s = 0.5 + 0.3 * Math.sin(2 * phase + day) + 0.08 * Math.sin(7 * phase) + 0.04 * (random() - 0.5);
    soc[i] = Math.min(0.95, Math.max(0.05, s));
    temperature[i] = 273.15 + 27.5 + 7.5 * Math.sin((2 * Math.PI * day) / 365);
  }
  return makeDuty(time, soc, temperature);
}

export async function run(): Promise<void> {
  const hourly = hourlyDispatch(1);
  for (const id of LIFE_MODEL_IDS) {
    lifeUnderDuty(createLifeModel(id), hourly, 2); // warm-up
    const t0 = performance.now();
    const r = lifeUnderDuty(createLifeModel(id), hourly, 20);
    const ms = performance.now() - t0;
    console.log(`20-year life, hourly dispatch, ${id}: ${ms.toFixed(0)} ms (target ≤ 500 ms); q20 = ${r.capacity[20].toFixed(4)}, EFC20 = ${r.equivalentFullCycles[20].toFixed(0)}`);
  }
  const quarter = hourlyDispatch(0.25);
  rainflowCycles(quarter.soc);
  const reps = 10;
  const t0 = performance.now();
  let count = 0;
  for (let k = 0; k < reps; k++) count = rainflowCycles(quarter.soc).length;
  console.log(`rainflow, one year at 15-minute steps (${quarter.soc.length} samples, ${count} cycles): ${((performance.now() - t0) / reps).toFixed(1)} ms`);
}
