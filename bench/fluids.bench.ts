/**
 * Fluid-property speed (µs per call) against the issue's targets and CoolProp 8.0.0 on this machine
 * (../shared/reference/README.md: HEOS (T,p)+4 outputs 38.7 µs; (p,h) 218 / 11 µs single/two-phase;
 * (p,s) 230 µs; saturation 0.53 µs with superancillaries).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fluid } from '../src/fluids/index.js';
import { HelmholtzEOS } from '../src/fluids/eos/helmholtz.js';
import { AlphaDerivatives } from '../src/fluids/eos/derivatives.js';
import { MolarProperties, evaluateProperties } from '../src/fluids/eos/properties.js';
import { CO2 } from '../src/fluids/data/index.js';
import { timePerCall, us } from './timing.js';

const N = 20_000;

export async function run(): Promise<void> {
  const co2 = fluid('CO2');
  const eos = new HelmholtzEOS(CO2);
  const d = new AlphaDerivatives();
  const m = new MolarProperties();
  const rows: [string, number, string][] = [];
  rows.push(['αʳ with all 2nd derivatives, T and ρ varying', timePerCall(200_000, (i) => eos.residual.evaluate(0.8 + (i % 1000) * 4e-4, 0.2 + (i % 997) * 2e-3, d)), '≤ 0.5']);
  rows.push(['αʳ, ρ varying at fixed T', timePerCall(200_000, (i) => eos.residual.evaluate(0.95, 0.2 + (i % 997) * 2e-3, d)), '']);
  rows.push(['αʳ δ-derivatives only, fixed T (density iteration)', timePerCall(200_000, (i) => eos.residual.evaluateDelta(0.95, 0.2 + (i % 997) * 2e-3, d)), '']);
  rows.push(['(T, ρ) → every property', timePerCall(200_000, (i) => evaluateProperties(eos, 250 + (i % 1000) * 0.2, 2000 + (i % 997) * 20, m)), '']);

  // regions of CO2: [label, T range K, p range Pa]
  const regions: [string, number, number, number, number][] = [
    ['liquid', 230, 290, 7.5e6, 2e7],
    ['near-critical', 303, 306, 7.0e6, 7.8e6],
    ['supercritical', 320, 600, 8e6, 3e7],
    ['gas', 260, 600, 1e5, 2e6],
  ];
  for (const [label, T0, T1, p0, p1] of regions) {
    const states = Array.from({ length: 997 }, (_, i) => {
      const T = T0 + ((i * 37) % 997) / 997 * (T1 - T0);
      const p = p0 + ((i * 101) % 997) / 997 * (p1 - p0);
      try {
        return co2.tp(T, p);
      } catch {
        return co2.tp(T, p * 1.001);
      }
    });
    rows.push([`(T, p) ${label}`, timePerCall(N, (i) => co2.tp(states[i % 997].T, states[i % 997].p)), '≤ 3']);
    rows.push([`(p, h) ${label}`, timePerCall(N, (i) => co2.ph(states[i % 997].p, states[i % 997].h)), '≤ 5']);
    rows.push([`(p, s) ${label}`, timePerCall(N, (i) => co2.ps(states[i % 997].p, states[i % 997].s)), '≤ 5']);
    rows.push([`(ρ, u) ${label}`, timePerCall(N, (i) => co2.du(states[i % 997].rho, states[i % 997].u)), '']);
    rows.push([`(h, s) ${label}`, timePerCall(2000, (i) => co2.hs(states[i % 997].h, states[i % 997].s)), '']);
  }
  const two = Array.from({ length: 997 }, (_, i) => co2.tq(220 + (i % 997) * 0.08, ((i * 13) % 97) / 97));
  rows.push(['(p, h) two-phase', timePerCall(N, (i) => co2.ph(two[i % 997].p, two[i % 997].h)), '≤ 5']);
  rows.push(['(p, s) two-phase', timePerCall(N, (i) => co2.ps(two[i % 997].p, two[i % 997].s)), '≤ 5']);
  rows.push(['(ρ, u) two-phase', timePerCall(N, (i) => co2.du(two[i % 997].rho, two[i % 997].u)), '']);
  const sat = co2.engine.saturation;
  const sp = { T: 0, pL: 0, pV: 0, rhoL: 0, rhoV: 0 };
  rows.push(['saturation p, ρ\', ρ\'\' at given T', timePerCall(200_000, (i) => sat.atT(220 + (i % 997) * 0.08, sp)), '≤ 1']);
  rows.push(['saturation T at given p', timePerCall(200_000, (i) => sat.temperature(6e5 + (i % 997) * 6e3, 'liquid')), '≤ 1']);
  rows.push(['saturated liquid and vapour states at T (all properties)', timePerCall(N, (i) => co2.saturationAtT(220 + (i % 997) * 0.08)), '']);

  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`CO2 (Span & Wagner 1996); µs per call, median of 5 runs`);
  for (const [label, t, target] of rows) console.log(`  ${label.padEnd(w)}  ${us(t).padStart(10)}${target ? `   (target ${target} µs)` : ''}`);

  // the batch CLI on 40,000 lines, built code, including Node start-up
  const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
  if (existsSync(cli)) {
    const lines: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      const s = co2.tp(230 + (i % 400) * 0.9, 1e5 + (i % 397) * 7e4 + 3e6 * (i % 3));
      lines.push(JSON.stringify(i % 2 ? { T: s.T, p: s.p } : { p: s.p, h: s.h }));
    }
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'props', 'CO2', '--batch'], { input: lines.join('\n'), maxBuffer: 1 << 28 });
    const ms = performance.now() - t0;
    const out = r.stdout.toString().trim().split('\n');
    const t1 = performance.now();
    spawnSync(process.execPath, [cli, 'props', 'CO2', '--batch'], { input: '' });
    const startup = performance.now() - t1;
    console.log(`  batch CLI: 40,000 lines (half (T,p), half (p,h)) in ${ms.toFixed(0)} ms including start-up (${startup.toFixed(0)} ms for an empty batch); ${out.length} lines out, ${out.filter((l) => l.includes('"error"')).length} errors`);
  } else {
    console.log('  (batch CLI not timed: run npm run build first)');
  }
}
