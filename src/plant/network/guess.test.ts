/**
 * Starting values from refs (x = factor · x_ref + delta, core/specs.ts) and saturation temperatures: a stream tied
 * to another's starts from that stream's value, both ways, before any rough fallback. CO2 saturation pressures
 * against CoolProp 8.0.0's table (../shared/reference/CO2_sat_public.jsonl; Span & Wagner 1996 as here).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GuessState, startingValues } from './guess.js';
import { resolveFluid } from '../fluids/resolve.js';
import type { PortRef } from '../core/equation.js';
import type { Component, Guess } from '../core/component.js';
import type { StreamSpecs } from '../core/specs.js';
import { parseNetwork } from '../file/load.js';

const DEAD = { T: 293.15, p: 101325 };

/** Streams of one medium, with no components between them: only the specifications say anything. */
function streams(fluid: string, n: number): PortRef[] {
  const medium = resolveFluid(fluid);
  return Array.from({ length: n }, (_, k) => ({ stream: k, m: 3 * k, p: 3 * k + 1, h: 3 * k + 2, f: -1, fluid: medium, label: `e${k + 1}` }));
}

function guess(fluid: string, specs: StreamSpecs[], ids?: string[]): GuessState {
  const g = new GuessState(streams(fluid, specs.length), DEAD);
  startingValues(g, { components: [], portOf: () => { throw new Error('no components'); }, specs, ...(ids ? { ids } : {}) });
  return g;
}

test('a stream whose pressure and temperature are tied to another’s starts from factor · x_ref + delta, not from the dead state', () => {
  const specs: StreamSpecs[] = [{ m: 50, p: 40e5, T: 873.15 }, { refs: { m: { stream: 'e1', factor: 0.5 }, p: { stream: 'e1', factor: 0.25 }, T: { stream: 'e1', delta: -100 } } }];
  const g = guess('Air', specs, ['e1', 'e2']);
  assert.equal(g.m[1], 25);
  assert.equal(g.p[1], 10e5);
  assert.equal(g.T[1], 773.15);
  assert.equal(g.h[1], resolveFluid('Air').hTP(773.15, 10e5, 0));
  // without the connection ids, the same stream falls back on the dead state
  const blind = guess('Air', specs);
  assert.equal(blind.p[1], DEAD.p);
  assert.equal(blind.T[1], DEAD.T);
});

test('a ref seeds the referenced stream too, where only the tied one has a value (x_ref = (x − delta) / factor)', () => {
  // a component that knows its outlet pressure (a vessel at 6 bar, say) gives e2 its value; e2's pressure is e1's halved
  const ports = streams('Air', 2);
  const vessel = { propagate: (g: Guess) => g.setP('in', 6e5) } as unknown as Component;
  const g = new GuessState(ports, DEAD);
  startingValues(g, { components: [vessel], portOf: () => ports[1], specs: [{ m: 10, T: 400 }, { refs: { p: { stream: 'e1', factor: 0.5 } } }], ids: ['e1', 'e2'] });
  assert.equal(g.p[1], 6e5);
  assert.equal(g.p[0], 12e5);
});

interface SatRow {
  T: number;
  psat: number;
}
const rows = readFileSync(new URL('../../../../shared/reference/CO2_sat_public.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as SatRow);

test('a saturation temperature gives its stream’s starting pressure, and a T_sat ref the tied stream’s (CO2, CoolProp 8.0.0)', () => {
  // the table's two rows 0.71 K apart near 30 degC: a condensing pressure and its fall by a saturation temperature difference
  const a = rows.find((r) => Math.abs(r.T - 303.9937297221664) < 1e-6) as SatRow;
  const b = rows.find((r) => Math.abs(r.T - 303.28468139752897) < 1e-6) as SatRow;
  assert.ok(a && b, 'the table rows at 303.99 K and 303.28 K');
  const g = guess('CO2', [{ m: 20, T: 353.15, T_sat: a.T }, { refs: { T_sat: { stream: 'e1', delta: b.T - a.T } }, subcooling: 2 }], ['e1', 'e2']);
  assert.ok(Math.abs(g.p[0] - a.psat) <= 1e-7 * a.psat, `p_sat(${a.T} K): ${g.p[0]} against ${a.psat} Pa`);
  assert.ok(Math.abs(g.p[1] - b.psat) <= 1e-7 * b.psat, `p_sat(${b.T} K): ${g.p[1]} against ${b.psat} Pa`);
});

/**
 * A recuperated gas turbine whose recuperator is given by its conductance (UA): its two outlets form one Newton
 * block that starts from the exchanger's rough rule applied to the turbine exhaust's starting value. With the
 * turbine inlet temperature typed (893.15 K) that exhaust is known from the first pass; given as a ref (the ambient
 * inlet + 600 K) it used to be known only after the dead-state fallback, and the solve took 25 iterations against 21.
 */
function recuperated(tit: number | { ref: string; delta: string }) {
  return {
    deadState: { T: '20 degC', p: '1.013 bar' },
    components: {
      amb: { type: 'source', fluid: 'Air', ambient: true },
      C1: { type: 'compressor', eta_s: 0.85, pr: 4 },
      REC: { type: 'heat-exchanger', UA: '80 kW/K' },
      H: { type: 'heater', sink: 'fuel' },
      T1: { type: 'turbine', eta_s: 0.88, pr: 0.26 },
      out: { type: 'sink' },
    },
    connections: [
      { id: 'a1', from: 'amb', to: 'C1', m: '10 kg/s' },
      { id: 'a2', from: 'C1', to: 'REC.cold_in' },
      { id: 'a3', from: 'REC.cold_out', to: 'H' },
      { id: 'a4', from: 'H', to: 'T1', T: tit },
      { id: 'a5', from: 'T1', to: 'REC.hot_in' },
      { id: 'a6', from: 'REC.hot_out', to: 'out' },
    ],
  };
}

test('a stream temperature given as a ref starts the solve as well as the same value typed: same iterations, same solution', () => {
  const solve = (tit: Parameters<typeof recuperated>[0]) => {
    const r = parseNetwork(recuperated(tit));
    assert.ok(r.ok, r.ok ? '' : r.issues.map((i) => i.message).join('\n'));
    if (!r.ok) throw new Error('not loaded');
    const s = r.network.solve();
    assert.ok(s.ok, s.ok ? '' : s.reason);
    if (!s.ok) throw new Error('not solved');
    return s;
  };
  const typed = solve(893.15);
  const tied = solve({ ref: 'a1', delta: '600 K' });
  assert.equal(tied.iterations, typed.iterations);
  for (const id of ['a3', 'a5', 'a6']) assert.ok(Math.abs(tied.value.stream(id).h - typed.value.stream(id).h) <= 1e-3, id);
});
