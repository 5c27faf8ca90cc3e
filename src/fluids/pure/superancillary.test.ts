/**
 * Our saturation expansions (scripts/gen-superancillaries.ts) against the full phase-equilibrium solve they were
 * fitted to: p, ρ', ρ'' and the inverse T(p).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FLUID_DATA } from '../registry.js';
import { HelmholtzEOS } from '../eos/helmholtz.js';
import { Superancillary } from './superancillary.js';
import { maxwellSaturation, maxwellSaturationExtended } from './maxwell.js';

for (const { data, saturation } of FLUID_DATA) {
  if (!saturation) continue;
  test(`${data.name}: saturation expansions reproduce the Maxwell solve (1e-12 away from Tc, 1e-10 within 1 K, 1e-7 within 16 µK)`, () => {
    const eos = new HelmholtzEOS(data);
    const sa = new Superancillary(saturation);
    const Tc = saturation.Tc;
    const temps: number[] = [];
    for (let i = 0; i <= 60; i++) temps.push(saturation.Tmin + (i / 60) * (Tc - saturation.Tmin - 0.5));
    for (const dT of [0.3, 0.1, 0.03, 0.01, 3e-3, 1e-3, 3e-4, 1e-4, 1e-5, 2e-6]) temps.push(Tc - dT);
    for (const T of temps) {
      const dT = Tc - T;
      const gl = sa.rhoLiquid(T) * (1 + 1e-7);
      const gv = sa.rhoVapor(T) * (1 - 1e-7);
      const r = dT < 20 ? maxwellSaturationExtended(eos, T, gl, gv) : maxwellSaturation(eos, T, gl, gv);
      assert.ok(r.ok, `${data.name}: Maxwell solve at ${T} K: ${!r.ok && r.reason}`);
      const tol = dT > 1 ? 1e-12 : dT > 1.6e-5 ? 1e-10 : 1e-7;
      for (const [what, got, want] of [
        ['p', sa.pressure(T), r.value.p],
        ["rho'", sa.rhoLiquid(T), r.value.rhoL],
        ["rho''", sa.rhoVapor(T), r.value.rhoV],
      ] as const) {
        assert.ok(Math.abs(got / want - 1) <= (what === 'p' ? Math.max(tol, 1e-12) : tol), `${data.name} ${what} at Tc − ${dT} K: ${got} vs ${want}`);
      }
      if (dT > 1e-4) {
        const back = sa.temperature(sa.pressure(T));
        assert.ok(Math.abs(back - T) < 1e-9, `${data.name}: T(p(T)) = ${back} for T = ${T}`);
      }
    }
  });
}
