import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid } from '../../fluids/index.js';
import { THERMINOL_VP1 } from '../../fluids/incompressible/index.js';
import { loadExample, solveExample, solveOrThrow } from '../validation/helpers.js';

test('stream exergy is h − h0 − T0 (s − s0) with the medium’s own dead state, oil included', () => {
  const s = solveExample('tespy-acaes-2stage-charge');
  const T0 = 293.15;
  const p0 = 1.013e5;
  const air = fluid('Air');
  const row = s.stream('s2');
  const d = air.tp(T0, p0);
  assert.ok(Math.abs(row.e - (row.h - d.h - T0 * (row.s - d.s))) < 1e-6);
  const oil = s.stream('s11');
  const h0 = THERMINOL_VP1.hMass(T0, p0);
  const s0 = THERMINOL_VP1.sMass(T0, p0);
  assert.ok(Math.abs(oil.e - (oil.h - h0 - T0 * (oil.s - s0))) < 1e-6);
  assert.ok(Math.abs(oil.E - oil.m * oil.e) < 1e-6);
});

test('every example closes its mass and energy balance to 1e-9 and its exergy balance to round-off', () => {
  for (const name of ['tespy-acaes-2stage-charge', 'tespy-acaes-2stage-discharge', 'gasanzade2023-c5a-compression', 'co2-condenser']) {
    const b = solveExample(name).balances();
    assert.ok(b.mass.relative < 1e-12, `${name}: mass ${b.mass.relative}`);
    assert.ok(b.energy.relative < 1e-9, `${name}: energy ${b.energy.relative}`);
    assert.ok(b.exergy.relative < 1e-12, `${name}: exergy ${b.exergy.relative}`);
    assert.ok(b.exergyDestruction > 0, name);
  }
});

test('p–h and T–s paths run from each process inlet to its outlet', () => {
  const s = solveExample('tespy-acaes-2stage-charge');
  const paths = s.paths(8);
  const c1 = paths.find((p) => p.component === 'C1');
  assert.ok(c1);
  assert.equal(c1.points.length, 8);
  const [a, b] = [s.stream('s1'), s.stream('s2')];
  assert.ok(Math.abs(c1.points[0].h - a.h) < 1e-6 && Math.abs(c1.points[7].h - b.h) < 1e-6);
  assert.ok(Math.abs(c1.points[7].T - b.T) < 1e-6);
  // along a compression both p and s rise monotonically here (η < 1)
  for (let k = 1; k < 8; k++) assert.ok(c1.points[k].p > c1.points[k - 1].p && c1.points[k].s > c1.points[k - 1].s);
  assert.equal(paths.filter((p) => p.component === 'IC1').length, 2, 'a heat exchanger has a path per side');
});

test('a solution serialises to plain SI data with stats, tables, balances and warnings', () => {
  const s = solveExample('co2-condenser');
  const json = JSON.parse(JSON.stringify(s));
  assert.deepEqual(Object.keys(json), ['network', 'deadState', 'stats', 'streams', 'components', 'balances', 'heatTotals', 'warnings', 'violations']);
  assert.deepEqual(json.violations, []);
  assert.equal(json.streams.length, 4);
  assert.equal(json.streams[1].Q, 0);
  assert.ok(!('accounting' in json.components[0]));
  assert.ok(json.stats.blocks > 0);
});

test('the CO2 condenser example: saturated liquid out, a 5 K pinch at the dew point and the water flow it implies', () => {
  const s = solveExample('co2-condenser');
  const X = s.component('condenser');
  assert.ok(Math.abs((X.pinch as number) - 5) < 1e-7);
  assert.ok(Math.abs(X.values.pinchThot - fluid('CO2').saturationAtP(65e5).T) < 1e-6);
  const w = s.stream('s3');
  const Q = X.Q as number;
  assert.ok(Math.abs(w.m * (s.stream('s4').h - w.h) - Q) < 1e-6 * Q);
  assert.ok(loadExample('co2-condenser').check().length === 0);
});

test('every solution of a network refers its exergy to the same dead state, computed once: a re-solve at another flow gives the same references', () => {
  const net = loadExample('tespy-acaes-2stage-charge');
  const first = solveOrThrow(net);
  net.setSpecs('s1', { m: 80 });
  const second = solveOrThrow(net);
  const T0 = 293.15;
  const p0 = 1.013e5;
  const air = fluid('Air').tp(T0, p0);
  const h0 = THERMINOL_VP1.hMass(T0, p0);
  const s0 = THERMINOL_VP1.sMass(T0, p0);
  for (const s of [first, second]) {
    const a = s.stream('s2');
    assert.ok(Math.abs(a.e - (a.h - air.h - T0 * (a.s - air.s))) < 1e-6);
    const oil = s.stream('s11');
    assert.ok(Math.abs(oil.e - (oil.h - h0 - T0 * (oil.s - s0))) < 1e-6);
  }
  assert.ok(Math.abs(second.stream('s1').m - 80) < 1e-9, 'the second solve is another operating point');
});
