/**
 * Solar salt (60 % NaNO3, 40 % KNO3) down to the lower limit its correlation's source states: A. B. Zavoico, Solar
 * Power Tower Design Basis Document, SAND2001-2100 (2001), gives ρ = 2090 − 0.636 t kg/m³ and
 * cp = 1443 + 0.172 t J/(kg K) (t in degC) for 260–621 degC; CoolProp's file (../shared/data/incompressible/NaK.json,
 * the same coefficients) keeps 300–600 degC. Real plants keep their cold salt at 260–290 degC.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SOLAR_SALT } from './media.js';
import { FluidInputError } from '../errors.js';

const K = 273.15;
const p = 101325;

test('solar salt is valid from 260 degC, with the density and heat capacity of Zavoico’s correlations there', () => {
  assert.equal(SOLAR_SALT.Tmin, K + 260);
  // Zavoico (2001): at 260 degC ρ = 2090 − 0.636·260 = 1924.64 kg/m³, cp = 1443 + 0.172·260 = 1487.72 J/(kg K);
  // at 290 degC (a cold tank's usual temperature) 1905.56 kg/m³ and 1492.88 J/(kg K)
  for (const [t, rho, cp] of [
    [260, 1924.64, 1487.72],
    [290, 1905.56, 1492.88],
  ]) {
    assert.ok(Math.abs(SOLAR_SALT.rhoMass(K + t, p) - rho) < 1e-9 * rho, `ρ(${t} degC) = ${SOLAR_SALT.rhoMass(K + t, p)}`);
    assert.ok(Math.abs(SOLAR_SALT.cpMass(K + t, p) - cp) < 1e-9 * cp, `cp(${t} degC) = ${SOLAR_SALT.cpMass(K + t, p)}`);
  }
});

test('the enthalpy from a 260 degC cold tank to 300 degC is the integral of Zavoico’s heat capacity', () => {
  // ∫ cp dt from 260 to 300 degC = 1443·40 + 0.086·(300² − 260²) = 59,646.4 J/kg; cp is the correlation at zero
  // pressure (at pressure h also carries −p ∫ T d²v/dT² dT)
  const dh = SOLAR_SALT.hMass(K + 300, 0) - SOLAR_SALT.hMass(K + 260, 0);
  assert.ok(Math.abs(dh - 59646.4) < 1e-6, `Δh = ${dh} J/kg`);
  assert.ok(Math.abs(SOLAR_SALT.T_hMass(SOLAR_SALT.hMass(K + 265, p), p) - (K + 265)) < 1e-9, 'T(h) inverts h at 265 degC');
});

test('solar salt below 260 degC (it starts to freeze at 238 degC) is refused with its range', () => {
  assert.throws(() => SOLAR_SALT.hMass(K + 255, p), (e: unknown) => e instanceof FluidInputError && /533\.15 K ≤ T ≤ 873\.15 K/.test(e.message));
});
