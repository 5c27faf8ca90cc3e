/**
 * User-defined liquids from published correlations. The reference is solar salt: A. B. Zavoico, Solar Power Tower
 * Design Basis Document, SAND2001-2100 (2001), in t (degC), 260–621 degC:
 *   ρ = 2090 − 0.636 t kg/m³, cp = 1443 + 0.172 t J/(kg K), μ = 22.714 − 0.120 t + 2.281e-4 t² − 1.474e-7 t³ mPa s,
 *   k = 0.443 + 1.9e-4 t W/(m K)
 * — the correlations behind the shipped SOLAR_SALT (CoolProp's NaK file, the generated nak.ts), so the user's
 * definition must give the same liquid to round-off, h, s and the inverses included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { userLiquid, type LiquidCorrelations } from './user-liquid.js';
import { SOLAR_SALT } from './media.js';
import { FluidInputError } from '../errors.js';

const K = 273.15;

const ZAVOICO: LiquidCorrelations = {
  id: 'ZavoicoSalt',
  name: 'solar salt (Zavoico 2001)',
  source: 'A. B. Zavoico, Solar Power Tower Design Basis Document, SAND2001-2100, Sandia (2001), Table 5',
  Tmin: K + 260,
  Tmax: K + 600,
  variable: 'degC',
  rho: [2090, -0.636],
  cp: [1443, 0.172],
  mu: [0.022714, -0.00012, 2.281e-7, -1.474e-10],
  k: [0.443, 0.00019],
};

test('a liquid written as Zavoico’s published correlations is the shipped solar salt to round-off', () => {
  const salt = userLiquid(ZAVOICO);
  for (const t of [260, 290, 385, 565, 600]) {
    const T = K + t;
    for (const p of [101325, 5e5]) {
      const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1);
      assert.ok(rel(salt.rhoMass(T, p), SOLAR_SALT.rhoMass(T, p)) < 1e-14, `ρ at ${t} degC`);
      assert.ok(rel(salt.cpMass(T, p), SOLAR_SALT.cpMass(T, p)) < 1e-14, `cp at ${t} degC`);
      assert.ok(Math.abs(salt.hMass(T, p) - SOLAR_SALT.hMass(T, p)) < 1e-6, `h at ${t} degC: ${salt.hMass(T, p)} vs ${SOLAR_SALT.hMass(T, p)}`);
      assert.ok(Math.abs(salt.sMass(T, p) - SOLAR_SALT.sMass(T, p)) < 1e-9, `s at ${t} degC`);
      assert.ok(rel(salt.viscosity(T, p), SOLAR_SALT.viscosity(T, p)) < 1e-12, `μ at ${t} degC`);
      assert.ok(rel(salt.conductivity(T, p), SOLAR_SALT.conductivity(T, p)) < 1e-14, `k at ${t} degC`);
      assert.ok(Math.abs(salt.T_hMass(salt.hMass(T, p), p) - T) < 1e-9, `T(h) at ${t} degC`);
    }
  }
  // the published values themselves at 290 degC: 2090 − 0.636·290 = 1905.56 kg/m³, 1443 + 0.172·290 = 1492.88 J/(kg K)
  assert.ok(Math.abs(salt.rhoMass(K + 290, 1e5) - 1905.56) < 1e-9);
  assert.ok(Math.abs(salt.cpMass(K + 290, 1e5) - 1492.88) < 1e-9);
  assert.equal(salt.name, 'solar salt (Zavoico 2001)');
  assert.match(salt.data.source, /SAND2001-2100/);
});

test('the same correlations written in kelvin give the same liquid', () => {
  // ρ = 2090 − 0.636 (T − 273.15) = 2263.7234 − 0.636 T; cp = 1443 + 0.172 (T − 273.15) = 1396.0182 + 0.172 T
  const inK = userLiquid({ ...ZAVOICO, id: 'SaltK', variable: 'K', rho: [2090 + 0.636 * K, -0.636], cp: [1443 - 0.172 * K, 0.172], mu: undefined, k: undefined });
  const salt = userLiquid(ZAVOICO);
  for (const t of [260, 400, 600]) {
    assert.ok(Math.abs(inK.rhoMass(K + t, 1e5) - salt.rhoMass(K + t, 1e5)) < 1e-9);
    assert.ok(Math.abs(inK.hMass(K + t, 1e5) - salt.hMass(K + t, 1e5)) < 1e-6, `h at ${t} degC`);
  }
});

test('a temperature outside the stated range is refused naming the range', () => {
  const salt = userLiquid(ZAVOICO);
  assert.throws(
    () => salt.hMass(K + 250, 1e5),
    (e: unknown) => e instanceof FluidInputError && e.field === 'T' && /533\.15 K ≤ T ≤ 873\.15 K/.test(e.message),
  );
  assert.throws(() => salt.T_hMass(salt.hMass(K + 600, 1e5) + 1e5, 1e5), (e: unknown) => e instanceof FluidInputError && /T from 533\.15 K to 873\.15 K/.test(e.message));
});

test('a property without a correlation is an error naming it, never NaN', () => {
  const salt = userLiquid({ ...ZAVOICO, mu: undefined, k: undefined });
  assert.throws(() => salt.viscosity(K + 300, 1e5), (e: unknown) => e instanceof FluidInputError && e.field === 'mu' && /a viscosity correlation \(mu\) in the definition of ZavoicoSalt/.test(e.message));
  assert.throws(() => salt.conductivity(K + 300, 1e5), (e: unknown) => e instanceof FluidInputError && e.field === 'k');
});

test('definitions that cannot be a liquid are refused at the field', () => {
  // cp = 100 − 0.5 t J/(kg K) is negative from 200 degC on, inside the stated 260–600 degC
  assert.throws(() => userLiquid({ ...ZAVOICO, cp: [100, -0.5] }), (e: unknown) => e instanceof FluidInputError && e.field === 'cp' && /cp > 0 from Tmin/.test(e.message));
  assert.throws(() => userLiquid({ ...ZAVOICO, Tmax: ZAVOICO.Tmin }), (e: unknown) => e instanceof FluidInputError && e.field === 'Tmax');
  assert.throws(() => userLiquid({ ...ZAVOICO, source: ' ' }), (e: unknown) => e instanceof FluidInputError && e.field === 'source');
  assert.throws(() => userLiquid({ ...ZAVOICO, rho: [] }), (e: unknown) => e instanceof FluidInputError && e.field === 'rho');
  assert.throws(() => userLiquid({ ...ZAVOICO, id: 'my salt' }), (e: unknown) => e instanceof FluidInputError && e.field === 'id');
});
