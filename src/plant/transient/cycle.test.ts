import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPlant } from '../templates/index.js';
import { CROSSING_WIDTH, limitCrossing } from './cycle.js';

const huntorf = createPlant('diabatic-caes', {}, { ambientTemperature: 288.15 });

test('a charge stops where a store reaches its limit (less what the cavern wall took over that step)', () => {
  const r = huntorf.cycle({ chargeSeconds: 40 * 3600, holdSeconds: 0, dischargeSeconds: 0, stepSeconds: 900 });
  assert.equal(r.stops.length, 1);
  assert.deepEqual([r.stops[0].phase, r.stops[0].reason], ['charge', 'cavern pressure at its maximum (70.00 bar)']);
  const p = r.timeseries.channels['cavern.p'].values;
  assert.ok(p[p.length - 1] <= 70e5 && p[p.length - 1] > 70e5 * (1 - 1e-3), `${p[p.length - 1]} Pa`);
  assert.ok(r.metrics.chargeDuration < 40 * 3600 && r.metrics.chargeDuration > 10 * 3600);
  // the last step was shortened: its length is what remained to the limit
  const dt = r.timeseries.dt;
  assert.ok(dt[dt.length - 2] < 900 && dt[dt.length - 2] > 0);
});

test('the time series has a row per step with its phase, powers only where the plant runs, and the end state last', () => {
  const seen: string[] = [];
  const r = huntorf.cycle({ chargeSeconds: 2 * 3600, holdSeconds: 3600, dischargeSeconds: 1800, stepSeconds: 600, observe: (phase) => void seen.push(phase) });
  const ts = r.timeseries;
  assert.deepEqual(Array.from(ts.phase), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3]);
  assert.deepEqual(Array.from(ts.t.slice(0, 3)), [0, 600, 1200]);
  const pin = ts.channels['power.in'].values;
  const pout = ts.channels['power.out'].values;
  const fuel = ts.channels.fuel.values;
  for (let i = 0; i < ts.t.length; i++) {
    if (ts.phase[i] === 0) assert.ok(pin[i] > 60e6 * 0.99 && pout[i] === 0);
    if (ts.phase[i] === 1 || ts.phase[i] === 3) assert.ok(pin[i] === 0 && pout[i] === 0 && fuel[i] === 0);
    if (ts.phase[i] === 2) assert.ok(Math.abs(pout[i] - 290e6) < 1e-3 * 290e6 && fuel[i] > 0);
  }
  assert.equal(seen.length, 21);
  assert.equal(ts.channels['cavern.p'].unit, 'Pa');
});

test('cycle options are checked', () => {
  assert.throws(() => huntorf.cycle({ chargeSeconds: 3600, holdSeconds: 0, dischargeSeconds: 3600, stepSeconds: 0 }), /stepSeconds = 0 is not valid; valid: a step > 0 s/);
  assert.throws(() => huntorf.cycle({ chargeSeconds: -1, holdSeconds: 0, dischargeSeconds: 3600, stepSeconds: 60 }), /chargeSeconds = -1/);
});

test('a charge at part load draws that power and stores less per second', () => {
  const full = huntorf.cycle({ chargeSeconds: 3600, holdSeconds: 0, dischargeSeconds: 0, stepSeconds: 600 });
  const part = huntorf.cycle({ chargeSeconds: 3600, holdSeconds: 0, dischargeSeconds: 0, stepSeconds: 600, chargePower: 40e6 });
  assert.ok(Math.abs(part.metrics.energyIn - 40e6 * 3600) < 1e-3 * 40e6 * 3600, `${part.metrics.energyIn}`);
  const stored = (r: typeof full) => r.finalState[0] - r.initialState[0];
  assert.ok(stored(part) < stored(full) && stored(part) > 0.5 * stored(full));
});

test('with restore, the restoring units take the basin 80 % of the way back to the ambient after the discharge; their heat and fans are in the balance', () => {
  const plant = createPlant('co2-gas-liquid', { charge: { power: '10 MW' }, discharge: { power: '10 MW' }, liquidTank: { volume: '2000 m3' } }, { ambientTemperature: 288.15 });
  const options = { chargeSeconds: 4 * 3600, holdSeconds: 0, dischargeSeconds: 4 * 3600, stepSeconds: 300 };
  const plain = plant.cycle(options);
  const restored = plant.cycle({ ...options, restore: true });
  const last = (r: typeof plain, channel: string) => r.timeseries.channels[channel].values[r.timeseries.t.length - 1];
  // the basin ends warmer than it started (condensation gave it more than evaporation took); its cooler takes it
  // basin.coolerEffectiveness (80 %) of the way back, and the basin carries the rest into the next cycle
  assert.ok(last(plain, 'basin.T') > 288.15 + 0.1, `${last(plain, 'basin.T')} K`);
  assert.ok(Math.abs(last(restored, 'basin.T') - (288.15 + 0.2 * (last(plain, 'basin.T') - 288.15))) < 1e-6, `${last(restored, 'basin.T')} K`);
  const m = restored.metrics;
  assert.ok(m.restoreHeat > 0 && m.restoreActions.some((a) => /^basin cooled from 1\d\.\d\d to 15\.\d\d degC by its cooler/.test(a)), m.restoreActions.join('; '));
  // fans: 1 % of the heat the units moved (heatRejection.fanPower), drawn as electricity in
  const moved = m.restoreActions.reduce((a, s) => a + Number(/\(([\d.]+) MWh/.exec(s)?.[1] ?? 0), 0) * 3.6e9;
  assert.ok(Math.abs(m.restoreElectricity - 0.01 * moved) < 1e-3 * m.restoreElectricity, `${m.restoreElectricity} J vs ${moved} J moved`);
  const drawn = restored.timeseries.channels['power.in'].values.reduce((a, p, i) => a + p * restored.timeseries.dt[i], 0);
  assert.ok(Math.abs(m.energyIn - drawn - m.restoreElectricity) < 1e-6 * m.energyIn);
  assert.ok(restored.conservation.energyRelative < 1e-9 && restored.conservation.massRelative < 1e-9, `${restored.conservation.energyRelative}`);
  // the cycle before the restore is the same (to the solver's tolerance: each solve starts from the last)
  assert.ok(Math.abs(restored.metrics.energyOut - plain.metrics.energyOut) < 1e-7 * plain.metrics.energyOut);
});

/** The worst margin of a limit as a function of the step fraction θ, counting its evaluations. */
function counted(margin: (theta: number) => number): { worst: (theta: number) => { margin: number; name: string }; calls: () => number } {
  let n = 0;
  return { worst: (theta) => (n++, { margin: margin(theta), name: theta < 0.5 ? 'early' : 'late' }), calls: () => n };
}

test('the instant a smooth limit is reached is found within 2⁻⁴⁰ of the step, inside the limit, in a handful of store evaluations', () => {
  // a tank level rising with a controller's curvature: margin 0.1 − 0.4 θ − 0.2 θ², zero at θ = (√0.24 − 0.4)/0.4 … = 0.224745
  const root = (-0.4 + Math.sqrt(0.16 + 0.08)) / 0.4;
  const { worst, calls } = counted((t) => 0.1 - 0.4 * t - 0.2 * t * t);
  const r = limitCrossing(worst, 0.1);
  assert.ok(r.theta <= root && root - r.theta <= CROSSING_WIDTH, `${r.theta} against ${root}`);
  assert.ok(0.1 - 0.4 * r.theta - 0.2 * r.theta ** 2 > 0);
  assert.equal(r.reason, 'early');
  assert.ok(calls() <= 12, `${calls()} evaluations (bisection takes 41)`);
});

test('a limit beyond which no state can be evaluated (margin −1) is still found within 2⁻⁴⁰, in no more trials than forty bisections', () => {
  const edge = 0.7;
  const { worst, calls } = counted((t) => (t < edge ? 0.05 * (1 - t) : -1));
  const r = limitCrossing(worst, 0.05);
  assert.ok(r.theta < edge && edge - r.theta <= CROSSING_WIDTH, `${r.theta}`);
  assert.equal(r.reason, 'late');
  // the end of the step, then at most the forty-and-one trials ITP allows
  assert.ok(calls() <= 42, `${calls()} evaluations`);
});
