import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid } from '../../fluids/index.js';
import { mixture, DRY_AIR } from '../../fluids/idealgas/index.js';
import { Network } from '../network/network.js';
import { Compressor } from './compressor.js';
import { Source } from './source.js';
import { Sink } from './sink.js';
import { PlantInputError } from '../errors.js';
import { checkGradients } from '../testing.js';
import type { Solution } from '../network/solution.js';

function single(params: ConstructorParameters<typeof Compressor>[1], inlet: { m?: number; p: number; T: number } = { m: 10, p: 1e5, T: 293.15 }, fluidName: string | object = 'Air'): { net: Network; sol: Solution } {
  const net = new Network({ deadState: { T: 293.15, p: 1e5 } });
  net.add(new Source('in', { fluid: fluidName as never }), new Compressor('C', params), new Sink('out'));
  net.connect('in', 'C', inlet);
  net.connect('C', 'out');
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  return { net, sol: r.value };
}

test('the outlet of an isentropic-efficiency compressor is h_in + (h_s − h_in)/η_s, with h_s from a (p, s) flash', () => {
  const { sol } = single({ eta_s: 0.85, pr: 4 });
  const air = fluid('Air');
  const i = air.tp(293.15, 1e5);
  const hs = air.ps(4e5, i.s).h;
  const h2 = i.h + (hs - i.h) / 0.85;
  const out = sol.stream('s2');
  assert.ok(Math.abs(out.h - h2) < 1e-6, `${out.h} vs ${h2}`);
  assert.ok(Math.abs(out.p - 4e5) < 1e-6);
  const c = sol.component('C');
  assert.ok(Math.abs((c.P as number) - 10 * (h2 - i.h)) < 1e-3, String(c.P));
  assert.ok(Math.abs((c.eta_s as number) - 0.85) < 1e-12);
  assert.equal(c.P_el, c.P);
});

test('motor and mechanical efficiencies raise the electric power above the fluid power: P_el = P/(η_mech η_el)', () => {
  const { sol } = single({ eta_s: 0.85, pr: 4, eta_mech: 0.99, eta_el: 0.97 });
  const c = sol.component('C');
  assert.ok(Math.abs((c.P_el as number) - (c.P as number) / (0.99 * 0.97)) < 1e-6);
  assert.ok(Math.abs(c.values.P_shaft - (c.P as number) / 0.99) < 1e-6);
  // the losses are exergy destroyed in the machine
  const withLosses = c.exergyDestruction;
  const plain = single({ eta_s: 0.85, pr: 4 }).sol.component('C').exergyDestruction;
  assert.ok(Math.abs(withLosses - plain - ((c.P_el as number) - (c.P as number))) < 1e-6 * (c.P as number));
});

test('a polytropic efficiency follows dT/T = R/(cp η_p) dp/p for an ideal gas, integrated here by RK4', () => {
  const ideal = { idealGas: DRY_AIR, name: 'dry air (ideal gas)' };
  const { sol } = single({ eta_poly: 0.88, pr: 6 }, { m: 1, p: 1e5, T: 300 }, ideal);
  const mix = mixture(DRY_AIR);
  const R = mix.gasConstant;
  const f = (T: number) => (R * T) / (mix.cpMass(T) * 0.88); // dT/d(ln p)
  let T = 300;
  const n = 2000;
  const d = Math.log(6) / n;
  for (let k = 0; k < n; k++) {
    const k1 = f(T);
    const k2 = f(T + (d * k1) / 2);
    const k3 = f(T + (d * k2) / 2);
    const k4 = f(T + d * k3);
    T += (d * (k1 + 2 * k2 + 2 * k3 + k4)) / 6;
  }
  assert.ok(Math.abs(sol.stream('s2').T - T) < 0.05, `${sol.stream('s2').T} vs ${T}`);
});

test('a power specification fixes the mass flow, and an efficiency line scales η_s with m/m_design', () => {
  const { sol } = single({ eta_s: 0.85, pr: 4, P: 2e6 }, { p: 1e5, T: 293.15 });
  const m = sol.stream('s1').m;
  assert.ok(Math.abs(m * (sol.stream('s2').h - sol.stream('s1').h) - 2e6) < 1e-4);
  // at m = 10 kg/s, half the design flow of 20 kg/s, the line gives 0.9 η_s,design
  const line = { m_design: 20, x: [0.4, 0.6, 1, 1.2], y: [0.86, 0.94, 1, 0.97] };
  const part = single({ eta_s: 0.85, pr: 4, etaChar: line }).sol.component('C');
  assert.ok(Math.abs((part.eta_s as number) - 0.85 * 0.9) < 1e-10, String(part.eta_s));
});

test('every compressor equation has its analytic gradient, also with a characteristic line and a power target', () => {
  const { net } = single({ eta_s: 0.85, pr: 4, etaChar: { m_design: 20, x: [0.4, 1.2], y: [0.8, 1] } });
  assert.deepEqual(checkGradients(net), []);
  const powered = single({ eta_s: 0.8, p_out: 30e5, P_el: 3e6, eta_el: 0.96 }, { p: 1e5, T: 293.15 });
  assert.deepEqual(checkGradients(powered.net), []);
  assert.deepEqual(checkGradients(single({ eta_s: 0.85, pr: 20 }, { m: 5, p: 2e6, T: 250 }, 'CO2').net), []);
});

test('bad specifications are refused with the compressor named: η outside (0, 1], pr < 1, two efficiencies', () => {
  assert.throws(() => new Compressor('C1', { eta_s: -0.2 }), (e: unknown) => e instanceof PlantInputError && /compressor C1: eta_s = -0.2 is not valid; valid: 0 < eta_s ≤ 1/.test(e.message));
  assert.throws(() => new Compressor('C1', { pr: 0.5 }), /compressor C1: pr = 0.5 is not valid; valid: 1 ≤ pr \(pr = p_out\/p_in of a compression\)/);
  assert.throws(() => new Compressor('C1', { eta_s: 0.8, eta_poly: 0.85 }), /compressor C1: eta_s\/eta_poly = "0.8\/0.85" is not valid; valid: only one of eta_s and eta_poly/);
  assert.throws(() => new Compressor('C1', { pr: 3, p_out: 3e5 }), /only one of pr and p_out/);
  const c = new Compressor('C2', { eta_s: 0.8 });
  assert.throws(() => c.set({ eta_s: 1.5 }), /compressor C2: eta_s = 1.5/);
  assert.equal(c.get().eta_s, 0.8, 'a refused change leaves the parameters as they were');
});
