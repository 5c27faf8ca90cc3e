import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveFluid } from '../fluids/resolve.js';
import { StreamState } from '../fluids/stream-fluid.js';
import { internalPinch, PinchPoint, pinchTemperatures, type PinchTemperatures, type Side } from './pinch.js';
import { provesNoCross } from './no-cross.js';

const SLICES = 24;

function endStates(hot: Side, cold: Side): StreamState[] {
  const at = (s: Side, p: number, h: number) => {
    const st = new StreamState();
    s.fluid.evaluate(p, h, s.f, st);
    return st;
  };
  return [at(hot, hot.pIn, hot.hIn), at(hot, hot.pOut, hot.hOut), at(cold, cold.pIn, cold.hIn), at(cold, cold.pOut, cold.hOut)];
}

/** A side from its end temperatures (K) and pressures (Pa). */
function side(name: string, TIn: number, TOut: number, pIn: number, pOut: number): Side {
  const fluid = resolveFluid(name);
  return { fluid, pIn, pOut, hIn: fluid.hTP(TIn, pIn, 0), hOut: fluid.hTP(TOut, pOut, 0), f: 0 };
}

test('the temperature-only pinch is the full pinch bit for bit: the same node, difference and temperatures', () => {
  // CO2 condensing against water: phase-change nodes on top of the slices
  const hot = side('CO2', 330, 280, 50e5, 49.5e5);
  const cold = side('Water', 275, 300, 3e5, 2.8e5);
  const ends = endStates(hot, cold);
  const full = internalPinch(hot, cold, SLICES, new PinchPoint(), undefined, ends);
  const lean: PinchTemperatures = pinchTemperatures(hot, cold, SLICES, [ends[0].T, ends[1].T, ends[2].T, ends[3].T], { dT: NaN, t: NaN, Thot: NaN, Tcold: NaN });
  assert.equal(lean.dT, full.dT);
  assert.equal(lean.t, full.t);
  assert.equal(lean.Thot, full.Thot);
  assert.equal(lean.Tcold, full.Tcold);
});

test('an air-to-oil cooler with wide end differences is proven free of a cross, and its slices agree', () => {
  const hot = side('Air', 480, 330, 60e5, 59e5);
  const cold = side('TVP1', 310, 460, 3e5, 2.9e5);
  const ends = endStates(hot, cold);
  assert.equal(provesNoCross(hot, cold, ends), true);
  const full = internalPinch(hot, cold, SLICES, new PinchPoint(), undefined, ends);
  assert.ok(full.dT > 0, `slices: ${full.dT} K`);
});

test('a CO2 cooler across its pseudo-critical line against water is not proven: its slices cross although both ends are warm enough', () => {
  // supercritical CO2 from 340 K to 300 K at 80 bar: cp peaks near 308 K, the profile bends towards the water
  const hot = side('CO2', 340, 300, 80e5, 80e5);
  const cold = side('Water', 295, 335, 3e5, 3e5);
  const ends = endStates(hot, cold);
  assert.ok(ends[0].T - ends[3].T > 0 && ends[1].T - ends[2].T > 0);
  const full = internalPinch(hot, cold, SLICES, new PinchPoint(), undefined, ends);
  assert.ok(full.dT < 0, `slices: ${full.dT} K`);
  assert.equal(provesNoCross(hot, cold, ends), false);
});

test('a CO2 condenser against cooling water is proven across its phase change, and its slices agree', () => {
  // CO2 at 50 bar from 300 K vapour through its dew point (287.4 K) to 280 K liquid; water 276 -> 280 K
  const hot = side('CO2', 300, 280, 50e5, 50e5);
  const cold = side('Water', 276, 280, 3e5, 3e5);
  const ends = endStates(hot, cold);
  assert.equal(provesNoCross(hot, cold, ends), true);
  const full = internalPinch(hot, cold, SLICES, new PinchPoint(), undefined, ends);
  assert.ok(full.dT > 0, `slices: ${full.dT} K`);
});

test('a CO2 condenser whose water leaves warmer than the saturation temperature is not proven: its slices cross at the dew point', () => {
  // both ends warm enough (hot in 300 K vs water out 290 K, hot out 280 K vs water in 276 K) but the condensing
  // CO2 sits at 287.4 K, below the water's 290 K, over part of the duty
  const hot = side('CO2', 300, 280, 50e5, 50e5);
  const cold = side('Water', 276, 290, 3e5, 3e5);
  const ends = endStates(hot, cold);
  assert.ok(ends[0].T - ends[3].T > 0 && ends[1].T - ends[2].T > 0);
  const full = internalPinch(hot, cold, SLICES, new PinchPoint(), undefined, ends);
  assert.ok(full.dT < 0, `slices: ${full.dT} K`);
  assert.equal(provesNoCross(hot, cold, ends), false);
});
