/**
 * Speed of the thermal-store liquids and the ideal-gas mixtures on their hot paths: h(T) and its inverse T(h).
 * Prints microseconds per call; never fails.
 *
 *   npx tsx -e "import('./bench/media.bench.ts').then(m=>m.run())"
 */
import { THERMINOL_VP1, SOLAR_SALT } from '../src/fluids/incompressible/index.js';
import { DRY_AIR, burn, mixture, pureSpecies } from '../src/fluids/idealgas/index.js';

const N = 1_000_000;

function time(label: string, f: (i: number) => number): void {
  let sink = 0;
  for (let i = 0; i < N / 10; i++) sink += f(i); // warm-up: let the JIT compile the path
  const t0 = performance.now();
  for (let i = 0; i < N; i++) sink += f(i);
  const us = ((performance.now() - t0) * 1000) / N;
  console.log(`${label.padEnd(44)} ${us.toFixed(3)} µs/call${Number.isFinite(sink) ? '' : ' (!)'}`);
}

export async function run(): Promise<void> {
  const p = 2e6;
  const oil = THERMINOL_VP1;
  const oilT = (i: number) => 300 + (i % 3000) * 0.12; // 300–660 K
  const oilH = Float64Array.from({ length: 3000 }, (_, i) => oil.hMass(oilT(i), p));
  time('Therminol VP-1 hMass(T, p)', (i) => oil.hMass(oilT(i), p));
  time('Therminol VP-1 T_hMass(h, p)', (i) => oil.T_hMass(oilH[i % 3000], p));
  const saltT = (i: number) => 580 + (i % 2900) * 0.1;
  const saltH = Float64Array.from({ length: 2900 }, (_, i) => SOLAR_SALT.hMass(saltT(i), 1e5));
  time('solar salt hMass(T, p)', (i) => SOLAR_SALT.hMass(saltT(i), 1e5));
  time('solar salt T_hMass(h, p)', (i) => SOLAR_SALT.T_hMass(saltH[i % 2900], 1e5));

  const air = mixture(DRY_AIR);
  const flue = burn(pureSpecies('CH4'), air, { lambda: 2.4 }).products;
  const gasT = (i: number) => 250 + (i % 3000) * 0.5; // 250–1750 K, both polynomial ranges
  for (const [name, m] of [['air', air], ['flue gas (CH4, λ = 2.4)', flue]] as const) {
    const h = Float64Array.from({ length: 3000 }, (_, i) => m.hMass(gasT(i)));
    const s = Float64Array.from({ length: 3000 }, (_, i) => m.sMass(gasT(i), 1e6));
    time(`${name} hMass(T)`, (i) => m.hMass(gasT(i)));
    time(`${name} cpMass(T)`, (i) => m.cpMass(gasT(i)));
    time(`${name} sMass(T, p)`, (i) => m.sMass(gasT(i), 1e6));
    time(`${name} T_hMass(h)`, (i) => m.T_hMass(h[i % 3000]));
    time(`${name} T_sMass(s, p)`, (i) => m.T_sMass(s[i % 3000], 1e6));
  }
}
