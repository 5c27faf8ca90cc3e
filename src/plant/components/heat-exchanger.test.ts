import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid } from '../../fluids/index.js';
import { Network, type NetworkOptions } from '../network/network.js';
import { HeatExchanger, type HeatExchangerParams } from './heat-exchanger.js';
import { Source } from './source.js';
import { Sink } from './sink.js';
import { checkGradients } from '../testing.js';
import { internalPinch, PinchPoint } from './pinch.js';
import { resolveFluid } from '../fluids/resolve.js';

type Specs = { m?: number; p?: number; T?: number; Q?: number };

/** Hot stream through hot_in → hot_out, cold through cold_in → cold_out, specifications on the four streams. */
function exchanger(hot: string, cold: string, params: HeatExchangerParams, s: { hi: Specs; ho?: Specs; ci: Specs; co?: Specs }, allow?: NetworkOptions['allowUnphysical']) {
  const net = new Network({ deadState: { T: 293.15, p: 1e5 }, ...(allow ? { allowUnphysical: allow } : {}) });
  net.add(new Source('h', { fluid: hot }), new Source('c', { fluid: cold }), new HeatExchanger('X', params), new Sink('ho'), new Sink('co'));
  net.connect('h', 'X.hot_in', s.hi);
  net.connect('X.hot_out', 'ho', s.ho ?? {});
  net.connect('c', 'X.cold_in', s.ci);
  net.connect('X.cold_out', 'co', s.co ?? {});
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  return { net, sol: r.value };
}

test('with both approaches given, the outlets are 10 K from the other inlets and the duties balance', () => {
  // pressurised water (30 bar: liquid up to 507 K), so that neither profile bends far from its ends
  const { sol, net } = exchanger('Air', 'Water', { ttd_u: 10, ttd_l: 15, pr1: 0.98 }, { hi: { m: 5, p: 5e5, T: 500 }, ci: { p: 30e5, T: 300 } });
  const [hi, ho, ci, co] = ['s1', 's2', 's3', 's4'].map((id) => sol.stream(id));
  assert.ok(Math.abs(hi.T - co.T - 10) < 1e-9);
  assert.ok(Math.abs(ho.T - ci.T - 15) < 1e-9);
  assert.ok(Math.abs(ho.p - 0.98 * 5e5) < 1e-6);
  const Qh = hi.m * (hi.h - ho.h);
  const Qc = ci.m * (co.h - ci.h);
  assert.ok(Math.abs(Qh - Qc) < 1e-9 * Qh);
  // by hand: the water flow from the two enthalpy differences
  const water = fluid('Water');
  const mw = (5 * (fluid('Air').tp(500, 5e5).h - fluid('Air').tp(315, 4.9e5).h)) / (water.tp(490, 30e5).h - water.tp(300, 30e5).h);
  assert.ok(Math.abs(ci.m - mw) < 1e-9 * mw, `${ci.m} vs ${mw}`);
  assert.deepEqual(checkGradients(net), []);
});

/** CO2 condensing at 65 bar (24.5 degC) from 80 degC to saturated liquid against cooling water from 12 degC. */
const condenser = { hi: { m: 20, p: 65e5, T: 353.15 }, ho: { Q: 0 }, ci: { p: 3e5, T: 285.15 } };

test('a CO2 condenser whose ends look fine (10 K and 13.4 K) crosses inside, and the model says where', () => {
  // a cross is physically impossible: refused, with the exchanger, the place and the depth…
  assert.throws(() => exchanger('CO2', 'Water', { ttd_u: 10 }, condenser), /the solution is physically impossible \(1 violation\): heat-exchanger X: temperature cross inside: T_hot − T_cold = -17\.3\d\d K at/);
  // …and accepted as a warning where the network opts in
  const { sol } = exchanger('CO2', 'Water', { ttd_u: 10 }, condenser, ['temperature-cross']);
  const r = sol.component('X');
  // the naive end-temperature check passes…
  assert.ok(Math.abs(r.values.ttd_u - 10) < 1e-9);
  assert.ok(Math.abs(r.values.ttd_l - 13.44) < 0.01, String(r.values.ttd_l));
  // …but near its critical point the CO2 gives up most of its heat at 25–30 degC (a large cp just above the dew
  // point, then condensation), where the water, warmed by the rest, is already at about 46 degC
  const Tsat = fluid('CO2').saturationAtP(65e5).T;
  assert.ok(Math.abs((r.pinch as number) + 17.36) < 0.05, `pinch ${r.pinch} K`);
  assert.ok(r.values.pinchPosition > 0 && r.values.pinchPosition < 1);
  assert.ok(r.values.pinchThot > Tsat && r.values.pinchThot < Tsat + 5, String(r.values.pinchThot));
  assert.match(sol.warnings().join('\n'), /heat-exchanger X: temperature cross inside: T_hot − T_cold = -\d+\.\d+ K at \d+\.\d % of the duty from the hot end .* although the ends show ttd_u = 10\.000 K and ttd_l = 13\.\d+ K/);
  // and an exchanger with a cross destroys negative exergy: physically impossible (told in the same violation)
  assert.ok(r.exergyDestruction < 0);
  const v = sol.violations();
  assert.equal(v.length, 1);
  assert.deepEqual([v[0].kind, v[0].where, v[0].quantity, v[0].allowed], ['temperature-cross', 'heat-exchanger X', 'pinch', true]);
  assert.ok(Math.abs(v[0].value - (r.pinch as number)) < 1e-12);
  assert.match(v[0].message, /; its exergy destruction is negative too \(-\d+(\.\d+)? kW\)$/);
});

test('a minimum-pinch specification sets the water flow so that the internal minimum is exactly 5 K, at the dew point', () => {
  const { sol, net } = exchanger('CO2', 'Water', { ttd_min: 5 }, condenser);
  const r = sol.component('X');
  assert.ok(Math.abs((r.pinch as number) - 5) < 1e-7, String(r.pinch));
  const Tsat = fluid('CO2').saturationAtP(65e5).T;
  assert.ok(Math.abs(r.values.pinchThot - Tsat) < 1e-6);
  assert.ok(r.values.ttd_u > 5 && r.values.ttd_l > 5);
  assert.ok(r.exergyDestruction > 0);
  assert.deepEqual(checkGradients(net), []);
});

test('the discretised profile finds the pinch of an evaporating stream on the cold side too', () => {
  // liquid CO2 at 60 bar evaporated by water: the pinch sits at the bubble point of the cold side
  const co2 = resolveFluid('CO2');
  const water = resolveFluid('Water');
  const hL = fluid('CO2').saturationAtP(60e5).liquid.h;
  const cold = { fluid: co2, pIn: 60e5, pOut: 60e5, hIn: hL - 5e3, hOut: fluid('CO2').tp(310, 60e5).h, f: 0 };
  const hot = { fluid: water, pIn: 3e5, pOut: 3e5, hIn: fluid('Water').tp(320, 3e5).h, hOut: fluid('Water').tp(300, 3e5).h, f: 0 };
  const q = internalPinch(hot, cold, 24, new PinchPoint());
  assert.equal(q.kink, 'cold');
  assert.ok(Math.abs(q.Tcold - fluid('CO2').saturationAtP(60e5).T) < 1e-6);
});

test('an effectiveness specification gives Q = ε Q_max with Q_max from each side brought to the other inlet', () => {
  const { sol, net } = exchanger('Air', 'Air', { eps: 0.8, pr1: 0.99, pr2: 0.99 }, { hi: { m: 10, p: 2e5, T: 700 }, ci: { m: 12, p: 10e5, T: 350 } });
  const air = fluid('Air');
  const Qmax = Math.min(10 * (air.tp(700, 2e5).h - air.tp(350, 1.98e5).h), 12 * (air.tp(700, 9.9e5).h - air.tp(350, 10e5).h));
  const Q = sol.component('X').Q as number;
  assert.ok(Math.abs(Q - 0.8 * Qmax) < 1e-8 * Q, `${Q} vs ${0.8 * Qmax}`);
  assert.ok(Math.abs(sol.component('X').values.eps - 0.8) < 1e-9);
  assert.deepEqual(checkGradients(net), []);
});

test('a recuperator whose hot side enters colder passes its heat back: Q_max and Q negative, no cross, a note', () => {
  // the "hot" air at 300 K meets "cold" air at 350 K: at ε = 0.8 the heat flows from the cold side to the hot side,
  // with Q_max the smaller of the two duties in magnitude (the hot side warmed to 350 K), as a passive exchanger does
  const { sol } = exchanger('Air', 'Air', { eps: 0.8, pr1: 0.99, pr2: 0.99 }, { hi: { m: 10, p: 2e5, T: 300 }, ci: { m: 12, p: 10e5, T: 350 } });
  const air = fluid('Air');
  const hot = 10 * (air.tp(300, 2e5).h - air.tp(350, 1.98e5).h);
  const cold = 12 * (air.tp(300, 9.9e5).h - air.tp(350, 10e5).h);
  const Qmax = Math.abs(hot) < Math.abs(cold) ? hot : cold;
  const Q = sol.component('X').Q as number;
  assert.ok(Qmax < 0 && Math.abs(Q - 0.8 * Qmax) < 1e-8 * Math.abs(Q), `${Q} vs ${0.8 * Qmax}`);
  assert.equal(sol.violations().length, 0);
  assert.ok(sol.component('X').exergyDestruction > 0);
  assert.match(sol.warnings().join('\n'), /heat-exchanger X: the heat passes from the cold side to the hot side \(Q = -\d/);
});

test('heat passed back beyond the other side’s temperature is a cross too', () => {
  // the hot side (300 K) is warmed to 355 K by the cold side entering at 350 K, which leaves at about 295 K: at each
  // end the stream that gives the heat is colder than the one that takes it
  assert.throws(
    () => exchanger('Air', 'Air', {}, { hi: { m: 10, p: 2e5, T: 300 }, ho: { T: 355 }, ci: { m: 10, p: 10e5, T: 350 } }),
    /heat-exchanger X: temperature cross inside: the heat passes from the cold side to the hot side \(Q = \d+(\.\d+)? kW back\), yet T_cold − T_hot = -\d/,
  );
});

test('UA and Q specifications reproduce the exchanger they were read from', () => {
  const base = exchanger('Air', 'Water', { ttd_u: 20, ttd_l: 20 }, { hi: { m: 5, p: 5e5, T: 450 }, ci: { p: 10e5, T: 300 } });
  assert.ok((base.sol.component('X').pinch as number) > 0);
  const UA = base.sol.component('X').values.UA;
  const Q = base.sol.component('X').Q as number;
  const mw = base.sol.stream('s3').m;
  const byUA = exchanger('Air', 'Water', { UA }, { hi: { m: 5, p: 5e5, T: 450 }, ci: { m: mw, p: 10e5, T: 300 } });
  assert.ok(Math.abs(byUA.sol.stream('s2').T - base.sol.stream('s2').T) < 1e-6, `${byUA.sol.stream('s2').T} vs ${base.sol.stream('s2').T}`);
  const byQ = exchanger('Air', 'Water', { Q, ttd_u: 20 }, { hi: { m: 5, p: 5e5, T: 450 }, ci: { p: 10e5, T: 300 } });
  assert.ok(Math.abs(byQ.sol.stream('s3').m - mw) < 1e-9 * mw);
  assert.deepEqual(checkGradients(byUA.net), []);
});

test('bad heat-exchanger parameters are refused with the exchanger named', () => {
  assert.throws(() => new HeatExchanger('IC1', { pr1: 1.2 }), /heat-exchanger IC1: pr1 = 1.2 is not valid; valid: 0 < pr1 ≤ 1/);
  assert.throws(() => new HeatExchanger('IC1', { eps: 1.5 }), /heat-exchanger IC1: eps = 1.5/);
  assert.throws(() => new HeatExchanger('IC1', { pr2: 0.9, dp2: 1e4 }), /only one of pr2 and dp2/);
});
