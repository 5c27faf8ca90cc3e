import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid } from '../../fluids/index.js';
import { Network } from '../network/network.js';
import { Turbine, type TurbineParams } from './turbine.js';
import { Source } from './source.js';
import { Sink } from './sink.js';
import { checkGradients } from '../testing.js';

function single(params: TurbineParams, inlet: { m?: number; p?: number; T: number }, outlet: { p?: number } = {}) {
  const net = new Network({ deadState: { T: 293.15, p: 1e5 } });
  net.add(new Source('in', { fluid: 'Air' }), new Turbine('T', params), new Sink('out'));
  net.connect('in', 'T', inlet);
  net.connect('T', 'out', outlet);
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  return { net, sol: r.value };
}

test('the turbine outlet is h_in − η_s (h_in − h_s) and its power is delivered (P < 0, P_el = P η_mech η_el)', () => {
  const { sol } = single({ eta_s: 0.88, pr: 0.2, eta_el: 0.98 }, { m: 20, p: 50e5, T: 850 });
  const air = fluid('Air');
  const i = air.tp(850, 50e5);
  const hs = air.ps(10e5, i.s).h;
  const h2 = i.h - 0.88 * (i.h - hs);
  assert.ok(Math.abs(sol.stream('s2').h - h2) < 1e-6);
  const t = sol.component('T');
  assert.ok(Math.abs((t.P as number) - 20 * (h2 - i.h)) < 1e-3);
  assert.ok((t.P as number) < 0);
  assert.ok(Math.abs((t.P_el as number) - 0.98 * (t.P as number)) < 1e-6);
  assert.ok(Math.abs((t.eta_s as number) - 0.88) < 1e-12);
});

test("Stodola's cone law gives the design flow at the design point and the flow the law says elsewhere", () => {
  const design = { m: 10, p_in: 20e5, p_out: 5e5, T_in: 800 };
  // at the design pressures the law returns the design flow: m is a result here
  const atDesign = single({ eta_s: 0.85, coneLaw: design }, { p: 20e5, T: 800 }, { p: 5e5 });
  assert.ok(Math.abs(atDesign.sol.stream('s1').m - 10) < 1e-9, String(atDesign.sol.stream('s1').m));
  // at 6 kg/s the inlet pressure follows from the law, here solved by bisection by hand
  const off = single({ eta_s: 0.85, coneLaw: design }, { m: 6, T: 800 }, { p: 5e5 });
  const air = fluid('Air');
  const vd = 1 / air.tp(800, 20e5).rho;
  const flow = (pin: number) => 10 * (pin / 20e5) * Math.sqrt((20e5 * vd) / (pin / air.tp(800, pin).rho)) * Math.sqrt((1 - (5e5 / pin) ** 2) / (1 - 0.25 ** 2));
  let [lo, hi] = [5.1e5, 20e5];
  for (let k = 0; k < 80; k++) {
    const mid = 0.5 * (lo + hi);
    if (flow(mid) < 6) lo = mid;
    else hi = mid;
  }
  assert.ok(Math.abs(off.sol.stream('s1').p - lo) < 1e-3, `${off.sol.stream('s1').p} vs ${lo}`);
  assert.deepEqual(checkGradients(off.net), []);
});

test('a turbine refuses an expansion ratio written as pr > 1 and says what pr means', () => {
  assert.throws(() => new Turbine('T1', { pr: 8 }), /turbine T1: pr = 8 is not valid; valid: 0 < pr ≤ 1 \(pr = p_out\/p_in; an expansion ratio of 8 is pr = 0\.125000\)/);
  assert.throws(() => new Turbine('T1', { coneLaw: { m: 10, p_in: 5e5, p_out: 6e5, T_in: 800 } }), /coneLaw\.p_out = 600000 is not valid/);
});

test('turbine equations carry analytic gradients (isentropic, power, electric power)', () => {
  const { net } = single({ eta_s: 0.9, p_out: 2e5, P_el: 5e6, eta_el: 0.97, eta_mech: 0.99 }, { p: 40e5, T: 700 });
  assert.deepEqual(checkGradients(net), []);
});
