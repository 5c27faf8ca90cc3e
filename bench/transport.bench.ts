/**
 * Speed of the transport correlations at (T, ρ): viscosity and thermal conductivity of each fluid, over states
 * spread across gas, liquid and supercritical regions (densities precomputed, so no flash is timed). The
 * conductivity includes the critical enhancement, hence one or more EOS evaluations and a viscosity.
 * Prints microseconds per call; never fails.
 *
 *   npx tsx -e "import('./bench/transport.bench.ts').then(m=>m.run())"
 */
import { HelmholtzEOS } from '../src/fluids/eos/helmholtz.js';
import { AIR, ARGON, CO2, NITROGEN, OXYGEN, WATER } from '../src/fluids/data/index.js';
import type { FluidData } from '../src/fluids/eos/types.js';
import { transportModel } from '../src/fluids/transport/index.js';

const N = 200_000;
const STATES = 1000;

function time(label: string, f: (i: number) => number): void {
  let sink = 0;
  for (let i = 0; i < N / 10; i++) sink += f(i); // warm-up: let the JIT compile the path
  const t0 = performance.now();
  for (let i = 0; i < N; i++) sink += f(i);
  const us = ((performance.now() - t0) * 1000) / N;
  console.log(`${label.padEnd(36)} ${us.toFixed(3)} µs/call${Number.isFinite(sink) ? '' : ' (!)'}`);
}

/** [fluid, T range / K, mass density range / (kg/m³)]: a grid of states within the formulations' ranges. */
const CASES: readonly [FluidData, number, number, number, number][] = [
  [CO2, 220, 900, 1, 1100],
  [WATER, 280, 1100, 0.1, 990],
  [AIR, 80, 1500, 0.1, 850],
  [NITROGEN, 80, 1500, 0.1, 800],
  [OXYGEN, 60, 1000, 0.1, 1100],
  [ARGON, 90, 1500, 0.1, 1350],
];

export async function run(): Promise<void> {
  for (const [data, Tlo, Thi, rlo, rhi] of CASES) {
    const eos = new HelmholtzEOS(data);
    const model = transportModel(data.name);
    if (!model) continue;
    const T = new Float64Array(STATES);
    const rho = new Float64Array(STATES);
    for (let i = 0; i < STATES; i++) {
      T[i] = Tlo + ((Thi - Tlo) * (i % 40)) / 39;
      rho[i] = (rlo * Math.pow(rhi / rlo, Math.floor(i / 40) / 24)) / eos.M;
    }
    time(`${data.name} viscosity(T, ρ)`, (i) => model.viscosity(eos, T[i % STATES], rho[i % STATES]));
    time(`${data.name} conductivity(T, ρ)`, (i) => model.conductivity(eos, T[i % STATES], rho[i % STATES]));
  }
}
