import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enthalpyAt, stateAt } from './bed.js';
import { N_DECANE, N_NONANE, PHASE_CHANGE_MATERIALS, phaseChangeMaterial } from './materials.js';

const m = N_DECANE;
const Tm = m.meltingTemperature;

test('n-decane melts at 243.4 K with 28.71 kJ/mol (Finke et al. 1954 via the NIST WebBook): 201.8 kJ/kg at 142.282 g/mol', () => {
  assert.equal(Tm, 243.4);
  assert.ok(Math.abs(m.latentHeat - 201_782) < 1, `${m.latentHeat} J/kg`);
  assert.ok(Math.abs(m.cpLiquid - 2209.7) < 0.1, `${m.cpLiquid} J/(kg K)`);
});

test('a state read back from its enthalpy gives the temperature and frozen fraction it was set at, solid, melting and liquid', () => {
  for (const [T, f] of [[230, 1], [Tm, 1], [Tm, 0.37], [Tm, 0], [250, 0]] as const) {
    const s = stateAt(m, enthalpyAt(m, T, f));
    assert.ok(Math.abs(s.T - T) < 1e-9, `${T} K: ${s.T}`);
    assert.ok(Math.abs(s.frozenFraction - f) < 1e-12, `${T} K, ${f}: ${s.frozenFraction}`);
  }
});

test('half the latent heat leaves the bed half frozen at its melting temperature', () => {
  const s = stateAt(m, m.latentHeat / 2);
  assert.equal(s.T, Tm);
  assert.ok(Math.abs(s.frozenFraction - 0.5) < 1e-15);
});

test('solid and liquid have the same Gibbs energy h − T s at the melting point, and h and s are continuous across it', () => {
  const solid = stateAt(m, enthalpyAt(m, Tm, 1));
  const liquid = stateAt(m, enthalpyAt(m, Tm, 0));
  assert.ok(Math.abs(solid.h - Tm * solid.s - (liquid.h - Tm * liquid.s)) < 1e-9 * m.latentHeat);
  const e = 1e-6;
  assert.ok(Math.abs(stateAt(m, enthalpyAt(m, Tm - e)).s - solid.s) < 2e-5); // c_p e / T_m ≈ 7e-6
  assert.ok(Math.abs(stateAt(m, enthalpyAt(m, Tm + e)).s - liquid.s) < 2e-5);
  assert.ok(Math.abs(enthalpyAt(m, Tm + e) - m.latentHeat) < 1e-2);
});

test('a frozen fraction outside 0…1 or an enthalpy that is not a number is an error naming the value', () => {
  assert.throws(() => enthalpyAt(m, Tm, 1.2), /frozen fraction 1.2 is outside 0…1/);
  assert.throws(() => stateAt(m, NaN), /NaN J\/kg is not a finite number/);
});

test('n-nonane melts at 219.66 K with 15.47 kJ/mol (Finke et al. 1954): 120.6 kJ/kg at 128.255 g/mol, 3.07 K above CO2’s triple point (216.59 K)', () => {
  assert.equal(N_NONANE.meltingTemperature, 219.66);
  assert.ok(Math.abs(N_NONANE.latentHeat - 120_619) < 1, `${N_NONANE.latentHeat} J/kg`);
  assert.ok(Math.abs(N_NONANE.cpLiquid - 2217.5) < 0.1, `${N_NONANE.cpLiquid} J/(kg K)`);
  assert.ok(Math.abs(N_NONANE.meltingTemperature - 216.592 - 3.07) < 0.005);
  assert.deepEqual([...PHASE_CHANGE_MATERIALS], ['n-decane', 'n-nonane']);
  for (const id of PHASE_CHANGE_MATERIALS) assert.equal(phaseChangeMaterial(id).id, id);
});

test('an n-nonane bed has the same Gibbs energy solid and liquid at its melting point, and its state reads back from its enthalpy', () => {
  const n = N_NONANE;
  const solid = stateAt(n, enthalpyAt(n, n.meltingTemperature, 1));
  const liquid = stateAt(n, enthalpyAt(n, n.meltingTemperature, 0));
  assert.ok(Math.abs(solid.h - n.meltingTemperature * solid.s - (liquid.h - n.meltingTemperature * liquid.s)) < 1e-9 * n.latentHeat);
  assert.ok(Math.abs(liquid.h - solid.h - n.latentHeat) < 1e-6);
  for (const [T, f] of [[215, 1], [n.meltingTemperature, 0.42], [230, 0]] as const) {
    const st = stateAt(n, enthalpyAt(n, T, f));
    assert.ok(Math.abs(st.T - T) < 1e-9 && Math.abs(st.frozenFraction - f) < 1e-12, `${T} K, ${f}: ${st.T}, ${st.frozenFraction}`);
  }
});
