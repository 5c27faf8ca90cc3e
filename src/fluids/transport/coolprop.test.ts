/**
 * Viscosity and thermal conductivity against a denser vector from CoolProp 8.0.0 (HEOS backend), made by
 * scripts/reference/transport_reference.py: a (T, p) grid over each formulation's range for all six fluids
 * (Oxygen and Argon have no samples in ../shared/reference), a (T, ρ) patch around each critical point where the
 * Olchowy–Sengers and IAPWS enhancements are largest, and CO2's storage region 295–320 K, 6–12 MPa.
 * Same formulations, constants and EOS as CoolProp: 1e-8 (relative) is asserted; the worst measured is about 1e-10.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import reference from './transport.reference.json' with { type: 'json' };
import { HelmholtzEOS } from '../eos/helmholtz.js';
import { AIR, ARGON, CO2, NITROGEN, OXYGEN, WATER } from '../data/index.js';
import type { FluidData } from '../eos/types.js';
import { deviation, Worst } from '../testing/reference.js';
import { transportModel } from './index.js';

const RTOL = 1e-8;
const DATA: Record<string, FluidData> = { CO2, Water: WATER, Air: AIR, Nitrogen: NITROGEN, Oxygen: OXYGEN, Argon: ARGON };

interface Row {
  T: number;
  rhoMolar: number;
  viscosity: number;
  conductivity: number;
  region: string;
}

for (const [name, { rows }] of Object.entries(reference.fluids) as [string, { rows: Row[] }][]) {
  test(`${name}: viscosity and conductivity match CoolProp ${reference.coolprop} over its range and near its critical point to 1e-8`, () => {
    const eos = new HelmholtzEOS(DATA[name]);
    const model = transportModel(name);
    assert.ok(model, `${name} has a transport model`);
    const mu = new Worst();
    const k = new Worst();
    for (const r of rows) {
      const where = () => `T = ${r.T} K, ρ = ${r.rhoMolar} mol/m³ (${r.region})`;
      mu.add(deviation(model.viscosity(eos, r.T, r.rhoMolar), r.viscosity), where);
      k.add(deviation(model.conductivity(eos, r.T, r.rhoMolar), r.conductivity), where);
    }
    assert.ok(rows.some((r) => r.region === 'near_critical'), 'the vector reaches the critical region');
    assert.ok(mu.value <= RTOL, `viscosity deviates ${mu.value} at ${mu.where}`);
    assert.ok(k.value <= RTOL, `conductivity deviates ${k.value} at ${k.where}`);
  });
}
