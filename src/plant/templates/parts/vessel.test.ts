import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid } from '../../../fluids/index.js';
import { adiabaticFillWindow, tankWallArea } from './vessel.js';

test('a rigid tank of air filled adiabatically from 1 to 2 bar at 300 K takes (p − p₀) V / (γ R T), as an ideal gas does, to 0.5 %', () => {
  const w = adiabaticFillWindow('t', fluid('Air'), 1, 300, 1e5, 2e5);
  const ideal = 1e5 / (1.4 * 287.05 * 300);
  assert.ok(Math.abs(w.full - w.empty - ideal) < 0.005 * ideal, `${w.full - w.empty} kg against ${ideal} kg`);
});

test('n equal cylinders three diameters high: mantle and both ends', () => {
  // one tank of 3π/4 m³ has D = 1 m, H = 3 m: π·1·3 + 2·π/4
  assert.ok(Math.abs(tankWallArea((3 * Math.PI) / 4, 1) - 3.5 * Math.PI) < 1e-12);
  assert.ok(Math.abs(tankWallArea((3 * Math.PI) / 2, 2) - 7 * Math.PI) < 1e-12);
});
