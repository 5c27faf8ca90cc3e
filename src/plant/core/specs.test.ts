/**
 * Stream specifications in saturation terms and refs, against CoolProp 8.0.0's CO2 saturation table
 * (../shared/reference/CO2_sat_public.jsonl: T, psat, h_l, h_v; Span & Wagner 1996 as here).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Network } from '../network/network.js';
import { Cooler } from '../components/simple-heat-exchanger.js';
import { Source } from '../components/source.js';
import { Sink } from '../components/sink.js';
import { checkGradients } from '../testing.js';
import type { ConnectionOptions } from '../network/network.js';
import type { Solution } from '../network/solution.js';
import { checkStreamSpecs } from './specs.js';

interface SatRow {
  T: number;
  psat: number;
  h_l: number;
  h_v: number;
}
const rows: SatRow[] = readFileSync(new URL('../../../../shared/reference/CO2_sat_public.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as SatRow);
const row = (T: number) => rows.find((r) => Math.abs(r.T - T) < 1e-3) as SatRow;
const cold = row(272.4675460493936);
const warm = row(303.28468139752897);
const warmer = row(303.9937297221664);

/** The solver's agreement with CoolProp's saturation: the project's CO2 reproduces it to ~1e-9 relative. */
const P_REL = 1e-7;
const T_ABS = 1e-5;

/** CO2 gas from a source through a cooler (pressure ratio free where asked) to a sink. */
function cooled(inlet: ConnectionOptions, outlet: ConnectionOptions, pr: number | 'free' = 1): Network {
  const net = new Network({ deadState: { T: 293.15, p: 101325 } });
  net.add(new Source('gas', { fluid: 'CO2' }), new Cooler('K', { pr }), new Sink('out'));
  net.connect('gas', 'K', { id: 'e1', m: 10, ...inlet });
  net.connect('K', 'out', { id: 'e2', ...outlet });
  return net;
}

function solve(net: Network): Solution {
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

const near = (got: number, want: number, tol: number, what: string) => assert.ok(Math.abs(got - want) <= tol, `${what}: got ${got}, expected ${want} ± ${tol}`);

test('T beside Q is a saturation temperature: the pressure is p_sat(T) and the enthalpy the saturated liquid’s', () => {
  const s = solve(cooled({ p: cold.psat * 1.2, T: 320 }, { Q: 0, T: cold.T }, 'free'));
  near(s.stream('e2').p, cold.psat, P_REL * cold.psat, 'p_sat(272.47 K)');
  near(s.stream('e2').T, cold.T, T_ABS, 'T');
});

test('T_sat fixes the pressure at p_sat(T_sat)', () => {
  const s = solve(cooled({ p: warm.psat * 1.1, T: 340 }, { T_sat: warm.T, T: 295 }, 'free'));
  near(s.stream('e2').p, warm.psat, P_REL * warm.psat, 'p_sat(303.28 K)');
  near(s.stream('e2').T, 295, 1e-9, 'T');
});

test('subcooling is the saturation temperature at the stream’s pressure less its temperature', () => {
  const s = solve(cooled({ p: cold.psat, T: 320 }, { subcooling: 3 }));
  near(s.stream('e2').T, cold.T - 3, T_ABS, 'T = T_sat(p) − 3 K');
  assert.equal(s.stream('e2').phase, 'liquid');
});

test('superheat is the temperature less the saturation temperature at the stream’s pressure', () => {
  const net = cooled({ p: cold.psat, T: 320 }, { superheat: 5 });
  const s = solve(net);
  near(s.stream('e2').T, cold.T + 5, T_ABS, 'T = T_sat(p) + 5 K');
  assert.deepEqual(checkGradients(net), []);
});

test('a pressure loss given as a fall of saturation temperature holds between inlet and outlet saturation temperatures', () => {
  // inlet saturated vapour at 303.99 K, outlet saturated liquid whose T_sat is 0.709 K lower: exactly the 303.28 K row
  const fall = warmer.T - warm.T;
  const s = solve(cooled({ T: warmer.T, Q: 1 }, { refs: { T_sat: { stream: 'e1', delta: -fall } }, Q: 0 }, 'free'));
  near(s.stream('e2').p, warm.psat, P_REL * warm.psat, 'outlet p = p_sat(T_sat,in − ΔT)');
  near(s.stream('e1').T - s.stream('e2').T, fall, T_ABS, 'fall of T_sat');
});

test('a temperature and a pressure tied to another stream’s: T = T_ref + delta, p = factor · p_ref', () => {
  const net = cooled({ p: 50e5, T: 400 }, { refs: { T: { stream: 'e1', delta: -30 }, p: { stream: 'e1', factor: 0.98 } } }, 'free');
  const s = solve(net);
  near(s.stream('e2').T, 370, 1e-9, 'T = T(e1) − 30 K');
  near(s.stream('e2').p, 0.98 * 50e5, 1e-6, 'p = 0.98 p(e1)');
  assert.deepEqual(checkGradients(net), []);
});

test('specifications that fix the same thing twice, or refer to no stream, are refused by name', () => {
  assert.throws(() => checkStreamSpecs('stream a', { Q: 0, T: 300, p: 1e6 }), /p\/T \(beside Q, the saturation temperature\)/);
  assert.throws(() => checkStreamSpecs('stream a', { subcooling: 3, T: 300 }), /stream a: T\/subcooling = .* only one of them/);
  assert.throws(() => checkStreamSpecs('stream a', { Q: 0, h: 1e5 }), /beside Q, give the saturation temperature as T or T_sat/);
  assert.throws(() => checkStreamSpecs('stream a', { subcooling: 0 }), /subcooling > 0 K \(Q: 0 for saturated liquid\)/);
  assert.throws(() => checkStreamSpecs('stream a', { refs: { T: { stream: 'e1', factor: 0 } } }), /T\.factor = 0 is not valid/);
  const net = cooled({ p: 50e5, T: 400 }, { refs: { T: { stream: 'nowhere', delta: -30 } } }, 'free');
  assert.match(net.check().map((p) => p.message).join('\n'), /T\.ref = "nowhere" is not valid; valid: the id of another connection of the network/);
  const air = new Network();
  air.add(new Source('a', { fluid: 'Air' }), new Cooler('K', { pr: 'free' }), new Sink('o'));
  air.connect('a', 'K', { m: 1, p: 1e6, T: 300 });
  air.connect('K', 'o', { T_sat: 100, T: 110 });
  const r = air.solve();
  assert.ok(!r.ok && /a saturation specification only for a pure fluid with a two-phase region \(Air has none\)/.test(r.reason), r.ok ? 'solved' : r.reason);
});

test('the condenser example states no pressure in bar: condensing at 26 degC, a 0.5 K saturation fall, 2 K subcooling', async () => {
  const { parseNetworkText } = await import('../file/load.js');
  const { fluid } = await import('../../fluids/index.js');
  const text = readFileSync(new URL('../../../examples/networks/co2-condenser-saturation.yaml', import.meta.url), 'utf8');
  const parsed = parseNetworkText(text, 'co2-condenser-saturation.yaml');
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  const s = solve(parsed.network);
  const co2 = fluid('CO2');
  const Tsat = (id: string) => co2.saturationAtP(s.stream(id).p).T;
  near(Tsat('c1'), 299.15, 1e-6, 'inlet T_sat');
  near(Tsat('c1') - Tsat('c2'), 0.5, 1e-6, 'fall of T_sat');
  near(Tsat('c2') - s.stream('c2').T, 2, 1e-6, 'subcooling');
});

test('a mass flow tied to another stream’s by a factor splits a flow as given', async () => {
  const { Splitter } = await import('../components/splitter.js');
  const net = new Network();
  net.add(new Source('in', { fluid: 'Air' }), new Splitter('S'), new Sink('a'), new Sink('b'));
  net.connect('in', 'S', { id: 'f', m: 12, p: 2e5, T: 300 });
  net.connect('S.out1', 'a', { id: 'fa' });
  net.connect('S.out2', 'b', { id: 'fb', refs: { m: { stream: 'fa', factor: 3 } } });
  const s = solve(net);
  near(s.stream('fa').m, 3, 1e-12, 'm_a = 12 / (1 + 3)');
  near(s.stream('fb').m, 9, 1e-12, 'm_b = 3 m_a');
});
