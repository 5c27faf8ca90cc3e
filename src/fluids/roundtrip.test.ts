/**
 * Round trips over dense grids: (T, p) → (p, h), (p, s), (h, s), (ρ, u) → back, for every fluid, with two-phase
 * states (T, Q) and a patch within 0.1 K / 0.01 MPa of the CO2 critical point. Every flash must converge.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid, FLUID_NAMES, FluidInputError, type FluidState } from './index.js';

function logspace(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.exp(Math.log(a) + ((Math.log(b) - Math.log(a)) * i) / (n - 1)));
}
function linspace(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

function grid(name: string): FluidState[] {
  const f = fluid(name);
  const states: FluidState[] = [];
  for (const T of linspace(f.Tmin + 0.01, f.Tmax, 24)) {
    for (const p of logspace(Math.max(100, f.triple.p / 10), f.pmax, 24)) {
      try {
        states.push(f.tp(T, p));
      } catch (e) {
        // solid (beyond the melting line) or on the saturation line: not a fluid state
        if (!(e instanceof FluidInputError) && !/saturation|dew/.test((e as Error).message)) throw e;
      }
    }
  }
  if (!f.pseudoPure) {
    for (const T of linspace(f.Tmin + 0.01, f.critical.T - 0.01, 16)) for (const Q of [0, 0.01, 0.4, 0.99, 1]) states.push(f.tq(T, Q));
  }
  if (name === 'CO2') {
    const c = f.critical;
    for (const T of linspace(c.T - 0.1, c.T + 0.1, 15)) {
      for (const p of linspace(c.p - 1e4, c.p + 1e4, 15)) {
        try {
          states.push(f.tp(T, p));
        } catch (e) {
          if (!/saturation/.test((e as Error).message)) throw e;
        }
      }
      if (T < c.T) for (const Q of [0, 0.5, 1]) states.push(f.tq(T, Q));
    }
  }
  return states;
}

for (const name of FLUID_NAMES) {
  test(`${name}: every state round-trips through (p,h), (p,s), (h,s) and (rho,u)`, () => {
    const f = fluid(name);
    const states = grid(name);
    assert.ok(states.length > 300, `${name}: grid of ${states.length} states`);
    let worstT = 0;
    let where = '';
    for (const s0 of states) {
      const back: [string, () => FluidState][] = [
        ['p,h', () => f.ph(s0.p, s0.h)],
        ['p,s', () => f.ps(s0.p, s0.s)],
        ['h,s', () => f.hs(s0.h, s0.s)],
        ['rho,u', () => f.du(s0.rho, s0.u)],
      ];
      for (const [pair, run] of back) {
        let s: FluidState;
        try {
          s = run();
        } catch (e) {
          assert.fail(`${name} (${pair}) failed for T = ${s0.T} K, p = ${s0.p} Pa, Q = ${s0.Q}: ${(e as Error).message}`);
        }
        const dT = Math.abs(s.T - s0.T);
        if (dT > worstT) {
          worstT = dT;
          where = `(${pair}) at T = ${s0.T} K, p = ${s0.p} Pa, Q = ${s0.Q}: got T = ${s.T}`;
        }
        if (s0.Q !== null && s0.Q > 0 && s0.Q < 1) assert.ok(Math.abs((s.Q ?? -1) - s0.Q) < 1e-9, `${name} (${pair}) quality ${s.Q} vs ${s0.Q}`);
      }
    }
    assert.ok(worstT < 1e-7, `${name}: worst round-trip T error ${worstT} K ${where}`);
  });
}
