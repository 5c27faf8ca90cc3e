/**
 * Viscosity and thermal conductivity against the reference data of ../shared/reference (CoolProp 8.0.0, HEOS
 * backend): the single-phase transport samples and the saturated-liquid and -vapour columns of the saturation
 * samples, each evaluated at the row's (T, ρ). The issue asks for 1e-6 (relative); the formulations, their
 * constants and the EOS are CoolProp's, so agreement is expected to round-off and 1e-8 is asserted (the worst
 * measured is about 1e-10, water's conductivity 0.1 K below its critical point).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HelmholtzEOS } from '../eos/helmholtz.js';
import { AIR, CO2, NITROGEN, WATER } from '../data/index.js';
import type { FluidData } from '../eos/types.js';
import { deviation, referenceRows, Worst } from '../testing/reference.js';
import { transportModel } from './index.js';

const RTOL = 1e-8;
const FLUIDS: readonly [string, FluidData][] = [
  ['CO2', CO2],
  ['Air', AIR],
  ['Nitrogen', NITROGEN],
  ['Water', WATER],
];

for (const [file, data] of FLUIDS) {
  const eos = new HelmholtzEOS(data);
  const model = transportModel(data.name);

  test(`${file}: viscosity and conductivity match CoolProp 8.0.0 at every single-phase reference state to 1e-8`, () => {
    assert.ok(model, `${data.name} has a transport model`);
    const mu = new Worst();
    const k = new Worst();
    const rows = referenceRows(file, 'transport');
    for (const r of rows) {
      const T = r.T as number;
      const rho = (r.rho as number) / eos.M;
      const where = () => `T = ${T} K, ρ = ${r.rho} kg/m³ (${r.phase})`;
      mu.add(deviation(model.viscosity(eos, T, rho), r.mu as number), where);
      k.add(deviation(model.conductivity(eos, T, rho), r.k as number), where);
    }
    assert.ok(rows.length > 100, `${rows.length} rows`);
    assert.ok(mu.value <= RTOL, `viscosity deviates ${mu.value} at ${mu.where}`);
    assert.ok(k.value <= RTOL, `conductivity deviates ${k.value} at ${k.where}`);
  });

  test(`${file}: saturated-liquid and -vapour viscosity and conductivity match CoolProp 8.0.0 to 1e-8`, () => {
    assert.ok(model, `${data.name} has a transport model`);
    const mu = new Worst();
    const k = new Worst();
    for (const r of referenceRows(file, 'sat')) {
      const T = r.T as number;
      for (const side of ['l', 'v'] as const) {
        const rho = (r[`rho_${side}`] as number) / eos.M;
        const where = () => `T = ${T} K, saturated ${side === 'l' ? 'liquid' : 'vapour'} ρ = ${r[`rho_${side}`]} kg/m³`;
        mu.add(deviation(model.viscosity(eos, T, rho), r[`mu_${side}`] as number), where);
        k.add(deviation(model.conductivity(eos, T, rho), r[`k_${side}`] as number), where);
      }
    }
    assert.ok(mu.value <= RTOL, `viscosity deviates ${mu.value} at ${mu.where}`);
    assert.ok(k.value <= RTOL, `conductivity deviates ${k.value} at ${k.where}`);
  });
}
