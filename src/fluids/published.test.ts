/**
 * Published test values of the EOS papers: IAPWS-95 (IAPWS R6-95(2018), Tables 6, 7 and 8; also Wagner & Pruss
 * 2002, JPCRD 31, 387), printed to 9 significant digits — hence a 5e-9 relative tolerance.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid } from './index.js';
import { HelmholtzEOS } from './eos/helmholtz.js';
import { AlphaDerivatives } from './eos/derivatives.js';
import { WATER } from './data/index.js';

const close = (got: number, want: number, what: string, rel = 5e-9) =>
  assert.ok(Math.abs(got - want) <= rel * Math.abs(want) + 1e-15, `${what}: got ${got}, published ${want}`);

test('IAPWS-95 Table 6: α⁰ and αʳ with derivatives at T = 500 K, ρ = 838.025 kg/m³', () => {
  const eos = new HelmholtzEOS(WATER);
  const T = 500;
  const rhoMolar = 838.025 / eos.M;
  const o = eos.alpha0(T, rhoMolar, new AlphaDerivatives());
  const r = eos.alphar(T, rhoMolar, new AlphaDerivatives());
  close(o.a, 0.204797733e1, 'φ⁰');
  close(o.d, 0.384236747, 'φ⁰_δ');
  close(o.dd, -0.147637878, 'φ⁰_δδ');
  close(o.t, 0.904611106e1, 'φ⁰_τ');
  close(o.tt, -0.193249185e1, 'φ⁰_ττ');
  close(r.a, -0.342693206e1, 'φʳ');
  close(r.d, -0.364366650, 'φʳ_δ');
  close(r.dd, 0.856063701, 'φʳ_δδ');
  close(r.t, -0.581403435e1, 'φʳ_τ');
  close(r.tt, -0.223440737e1, 'φʳ_ττ');
  close(r.dt, -0.112176915e1, 'φʳ_δτ');
});

test('IAPWS-95 Table 7: p, cv, w, s in the single-phase region', () => {
  const water = fluid('Water');
  // T K, ρ kg/m³, p MPa, cv kJ/(kg K), w m/s, s kJ/(kg K)
  const rows: [number, number, number, number, number, number][] = [
    [300, 0.996556e3, 0.992418352e-1, 0.413018112e1, 0.150151914e4, 0.393062643],
    [300, 0.1005308e4, 0.200022515e2, 0.406798347e1, 0.153492501e4, 0.387405401],
    [300, 0.1188202e4, 0.700004704e3, 0.346135580e1, 0.244357992e4, 0.132609616],
    [500, 0.435, 0.999679423e-1, 0.150817541e1, 0.548314253e3, 0.794488271e1],
    [500, 0.4532e1, 0.999938125, 0.166991025e1, 0.535739001e3, 0.682502725e1],
    [500, 0.838025e3, 0.100003858e2, 0.322106219e1, 0.127128441e4, 0.256690919e1],
    [500, 0.1084564e4, 0.700000405e3, 0.307437693e1, 0.241200877e4, 0.203237509e1],
    [647, 0.358e3, 0.220384756e2, 0.618315728e1, 0.252145078e3, 0.432092307e1],
    [900, 0.241, 0.100062559, 0.175890657e1, 0.724027147e3, 0.916653194e1],
    [900, 0.52615e2, 0.200000690e2, 0.193510526e1, 0.698445674e3, 0.659070225e1],
    [900, 0.870769e3, 0.700000006e3, 0.266422350e1, 0.201933608e4, 0.417223802e1],
  ];
  for (const [T, rho, p, cv, w, s] of rows) {
    const st = water.dt(rho, T);
    close(st.p / 1e6, p, `p at ${T} K, ${rho} kg/m³`);
    close((st.cv as number) / 1e3, cv, `cv at ${T} K, ${rho} kg/m³`);
    close(st.w as number, w, `w at ${T} K, ${rho} kg/m³`);
    close(st.s / 1e3, s, `s at ${T} K, ${rho} kg/m³`);
  }
});

test('IAPWS-95 Table 8: the two-phase region at 275, 450 and 625 K', () => {
  const water = fluid('Water');
  // T K, p MPa, ρ' ρ'' kg/m³, h' h'' kJ/kg, s' s'' kJ/(kg K)
  const rows: [number, number, number, number, number, number, number, number][] = [
    [275, 0.698451167e-3, 0.999887406e3, 0.550664919e-2, 0.775972202e1, 0.250428995e4, 0.283094670e-1, 0.910660121e1],
    [450, 0.932203564, 0.890341250e3, 0.481200360e1, 0.749161585e3, 0.277441078e4, 0.210865845e1, 0.660921221e1],
    [625, 0.169082693e2, 0.567090385e3, 0.118290280e3, 0.168626976e4, 0.255071625e4, 0.380194683e1, 0.518506121e1],
  ];
  for (const [T, p, rl, rv, hl, hv, sl, sv] of rows) {
    const sat = water.saturationAtT(T);
    close(sat.p / 1e6, p, `p_sat(${T} K)`);
    close(sat.liquid.rho, rl, `ρ'(${T} K)`);
    close(sat.vapor.rho, rv, `ρ''(${T} K)`);
    close(sat.liquid.h / 1e3, hl, `h'(${T} K)`);
    close(sat.vapor.h / 1e3, hv, `h''(${T} K)`);
    close(sat.liquid.s / 1e3, sl, `s'(${T} K)`, 2e-8);
    close(sat.vapor.s / 1e3, sv, `s''(${T} K)`);
  }
});
