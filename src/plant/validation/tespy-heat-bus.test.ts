/**
 * The heat-bus variant of the TESPy 2-stage A-CAES discharge (examples/networks/tespy-acaes-2stage-discharge-heat-bus.yaml):
 * both reheaters on one heat bus whose total is the charge's stored heat (Q_stored of
 * ../shared/validation/tespy_acaes_2stage.results.json), T2's inlet temperature tied to T1's and solved. Checked
 *  - by an energy balance of its own: the heaters' m Δh from the stream table's (T, p), h by the equation of state's
 *    (T, p) flash, add up to Q_stored to 1e-9 relative, and both turbine inlets are equal;
 *  - against an independent calculation of the same variant with CoolProp 8.0.0 (HEOS::Air, the equation TESPy uses):
 *    `python3 scripts/reference/acaes-heat-bus-variant.py` (TESPy itself is not installable here: no package in the
 *    local mirror), at the tolerances of tespy.test.ts for the same equations: 1e-6 relative, 1e-3 K.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import tespy from '../../../../shared/validation/tespy_acaes_2stage.results.json' with { type: 'json' };
import { fluid } from '../../fluids/index.js';
import { close, solveExample } from './helpers.js';
import { parseCycleText, solveCycle } from '../cycle-file/cycle.js';

/** scripts/reference/acaes-heat-bus-variant.py, CoolProp 8.0.0 (run 2026-12-07). */
const COOLPROP = {
  T_turbine_in_K: 626.9382056913139,
  Q_H1_W: 33555787.7965116,
  Q_H2_W: 25589815.186661657,
  P_T1_W: 25603743.68270022,
  P_T2_W: 25393793.18206805,
  T_T1_out_K: 379.85514681095543,
  T_T2_out_K: 380.84493302324825,
};

const REL = 1e-6;
const T_ABS = 1e-3;
const Q_STORED = tespy.charge.Q_stored_MW * 1e6;

test('the heat bus spends exactly the stored heat: the heaters’ m Δh from the stream table add up to it to 1e-9, both turbine inlets equal', () => {
  const s = solveExample('tespy-acaes-2stage-discharge-heat-bus');
  const air = fluid('Air');
  const h = (id: string) => air.tp(s.stream(id).T, s.stream(id).p).h;
  const m = s.stream('s1').m;
  const Q1 = m * (h('s2') - h('s1'));
  const Q2 = m * (h('s4') - h('s3'));
  assert.ok(Math.abs(Q1 + Q2 - Q_STORED) <= 1e-9 * Q_STORED, `Σ m Δh = ${Q1 + Q2} W, stored ${Q_STORED} W`);
  assert.ok(Math.abs((s.component('stored').Q as number) - Q_STORED) <= 1e-9 * Q_STORED, `bus ${s.component('stored').Q}`);
  assert.ok(Math.abs(s.stream('s2').T - s.stream('s4').T) <= 1e-6, `T1 in ${s.stream('s2').T} K, T2 in ${s.stream('s4').T} K`);
});

test('the heat-bus variant agrees with an independent CoolProp calculation of it: inlet temperature, heater duties, turbine powers', () => {
  const s = solveExample('tespy-acaes-2stage-discharge-heat-bus');
  close(s.stream('s2').T, COOLPROP.T_turbine_in_K, T_ABS, 'common turbine inlet');
  close(s.stream('s3').T, COOLPROP.T_T1_out_K, T_ABS, 'T1 outlet');
  close(s.stream('s5').T, COOLPROP.T_T2_out_K, T_ABS, 'T2 outlet');
  close(s.component('H1').Q as number, COOLPROP.Q_H1_W, REL * COOLPROP.Q_H1_W, 'Q_H1');
  close(s.component('H2').Q as number, COOLPROP.Q_H2_W, REL * COOLPROP.Q_H2_W, 'Q_H2');
  close(-(s.component('T1').P as number), COOLPROP.P_T1_W, REL * COOLPROP.P_T1_W, 'P_T1');
  close(-(s.component('T2').P as number), COOLPROP.P_T2_W, REL * COOLPROP.P_T2_W, 'P_T2');
  // the common inlet lies above the 585.2 K hot tank: all the stored heat at equal inlets needs a hotter source
  assert.ok(s.stream('s2').T > tespy.charge.T_store_K + 40);
});

test('as a cycle, the stored heat handed from the charge to the heat bus gives the same discharge and its round trip', () => {
  const examples = new URL('../../../examples/cycles/', import.meta.url);
  const parsed = parseCycleText(readFileSync(new URL('tespy-acaes-2stage-heat-bus-cycle.yaml', examples), 'utf8'), (p) => readFileSync(new URL(p, examples), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  const r = solveCycle(parsed.cycle);
  if (!r.ok) throw new Error(r.reason);
  const f = r.value.figures;
  close(f.handed[0].written, Q_STORED, REL * Q_STORED, 'bus total handed over');
  close(r.value.discharge.stream('s2').T, COOLPROP.T_turbine_in_K, T_ABS, 'common turbine inlet');
  const rte = (COOLPROP.P_T1_W + COOLPROP.P_T2_W) / (tespy.charge.P_total_MW * 1e6);
  close(f.rteNet, rte, REL * rte, 'RTE');
});
