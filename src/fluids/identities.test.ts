/**
 * Identities that must hold exactly (to round-off): the critical point of each EOS, equal pressure and Gibbs
 * energy of coexisting phases, the ideal-gas limit, and saturation right up to the critical point.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid, FLUID_NAMES } from './index.js';
import { AlphaDerivatives } from './eos/derivatives.js';
import { MolarProperties, evaluateProperties } from './eos/properties.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from './testing/reference.js';

const PURE = FLUID_NAMES.filter((n) => !fluid(n).pseudoPure);

for (const name of PURE) {
  test(`${name}: at the critical point (∂p/∂ρ)_T = 0 and (∂²p/∂ρ²)_T = 0`, () => {
    const f = fluid(name);
    const eos = f.engine.eos;
    const { T, rhoMolar } = f.engine.critical;
    const r = eos.alphar(T, rhoMolar, new AlphaDerivatives(), true);
    const delta = rhoMolar / eos.rhor;
    // the same two quantities in reduced form: (∂p/∂ρ)_T/(RT) and ρ(∂²p/∂ρ²)_T/(RT)
    const f1 = 1 + 2 * delta * r.d + delta * delta * r.dd;
    const f2 = 2 * delta * r.d + 4 * delta * delta * r.dd + delta ** 3 * r.ddd;
    assert.ok(Math.abs(f1) < 1e-9, `${name}: dp/drho/(RT) = ${f1}`);
    assert.ok(Math.abs(f2) < 1e-7, `${name}: rho d2p/drho2/(RT) = ${f2}`);
  });

  test(`${name}: coexisting phases have equal pressure and Gibbs energy from the triple point to Tc − 1 µK`, () => {
    const f = fluid(name);
    const eos = f.engine.eos;
    const Tc = f.critical.T;
    const mL = new MolarProperties();
    const mV = new MolarProperties();
    for (const dT of [Tc - f.Tmin, 0.5 * (Tc - f.Tmin), 30, 5, 1, 0.1, 0.01, 1e-3, 1e-4, 1e-5, 1e-6]) {
      const T = Math.max(f.Tmin, Tc - dT);
      const sat = f.saturationAtT(T);
      evaluateProperties(eos, T, sat.liquid.rhoMolar, mL);
      evaluateProperties(eos, T, sat.vapor.rhoMolar, mV);
      const RT = eos.R * T;
      // the pressure difference as the relative density error it implies for the liquid, (p' − p'')/(ρ'(∂p/∂ρ)'):
      // a liquid's p(T, ρ) amplifies the last bit of ρ by up to 1e6 at low T, so that is the meaningful measure
      const dp = (mL.p - mV.p) / (sat.liquid.rhoMolar * mL.dpdrhoMolar);
      const dg = (mL.gMolar - mV.gMolar) / RT;
      // near Tc, (∂p/∂ρ)_T → 0 and p itself carries ~1e-14 relative round-off: that bounds what can be verified
      const tolP = Math.max(1e-11, (1e-14 * mV.p) / (sat.liquid.rhoMolar * mL.dpdrhoMolar));
      const tol = dT >= 1 ? 1e-11 : 1e-8;
      assert.ok(Math.abs(dp) < tolP, `${name}: (p' − p'')/(ρ'(∂p/∂ρ)') = ${dp} at Tc − ${dT} K`);
      assert.ok(Math.abs(dg) < tol, `${name}: (g' − g'')/(RT) = ${dg} at Tc − ${dT} K`);
      assert.ok(sat.liquid.rho > f.critical.rho && sat.vapor.rho < f.critical.rho, `${name}: phases on their sides at Tc − ${dT} K`);
      assert.ok(sat.p < f.critical.p, `${name}: p_sat below p_c at Tc − ${dT} K`);
    }
    const atTc = f.saturationAtT(Tc);
    assert.equal(atTc.liquid.rho, atTc.vapor.rho);
    assert.ok(Math.abs(atTc.p / f.critical.p - 1) < 1e-12);
  });
}

test('critical points agree with CoolProp 8.0.0 (meta.json of the reference data)', () => {
  const meta = JSON.parse(readFileSync(join(SHARED, 'reference', 'meta.json'), 'utf8'));
  for (const name of ['CO2', 'Water', 'Nitrogen']) {
    const m = meta.fluids[name];
    const c = fluid(name).critical;
    assert.ok(Math.abs(c.T - m.T_critical) < 1e-8, `${name} Tc ${c.T} vs ${m.T_critical}`);
    assert.ok(Math.abs(c.p / m.p_critical - 1) < 1e-9, `${name} pc ${c.p} vs ${m.p_critical}`);
    assert.ok(Math.abs(c.rho / m.rhomass_critical - 1) < 1e-6, `${name} rhoc ${c.rho} vs ${m.rhomass_critical}`);
  }
});

for (const name of FLUID_NAMES) {
  test(`${name}: the ideal-gas limit: Z → 1 and h, s → the ideal-gas values as ρ → 0`, () => {
    const f = fluid(name);
    const eos = f.engine.eos;
    const m = new MolarProperties();
    const o = new AlphaDerivatives();
    for (const T of [f.Tmin + 1, 300, 0.8 * f.Tmax]) {
      const rho = 1e-9;
      evaluateProperties(eos, T, rho, m);
      assert.ok(Math.abs(m.Z - 1) < 1e-10, `${name} Z = ${m.Z} at ${T} K`);
      eos.alpha0(T, rho, o);
      const tau = eos.Tr / T;
      const h0 = eos.R * T * (1 + tau * o.t);
      assert.ok(Math.abs(m.hMolar - h0) < 1e-9 * Math.abs(h0) + 1e-9, `${name} h − h⁰ = ${m.hMolar - h0} at ${T} K`);
      assert.ok(Math.abs(m.cpMolar - m.cvMolar - eos.R) < 1e-9 * eos.R, `${name} cp − cv = ${m.cpMolar - m.cvMolar} at ${T} K`);
    }
  });
}
