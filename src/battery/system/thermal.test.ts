import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTAINER_THERMAL_DEFAULTS, chillerCop, newThermalStep, thermalStep, type ContainerThermalSpec } from './thermal.js';
import { ambientFromMonthlyMeans } from './ambient.js';

const spec: ContainerThermalSpec = { ...CONTAINER_THERMAL_DEFAULTS, heatCapacity: 27e6, solarAperture: 5 };

test('the container thermal model balances energy each step to 1e-9: heat in = stored + out', () => {
  const s = newThermalStep();
  let T = 295;
  // a day in summer and in winter, with and without cell heat: free floating, chiller on, heater on
  const cases = [
    { heat: 12e3, ambient: 308, sun: 800 },
    { heat: 12e3, ambient: 300, sun: 0 },
    { heat: 0, ambient: 263, sun: 0 },
    { heat: 3e3, ambient: 283, sun: 200 },
    { heat: 200e3, ambient: 313, sun: 900 }, // beyond the chiller's capacity: T rises above the set point
  ];
  for (let k = 0; k < 200; k++) {
    const c = cases[k % cases.length];
    const dt = k % 3 === 0 ? 3600 : 900;
    thermalStep(spec, T, dt, c.heat, c.ambient, c.sun, s);
    const heatIn = (c.heat + spec.solarAperture * c.sun + s.heating) * dt;
    const stored = spec.heatCapacity * (s.temperature - T);
    const out = (s.envelope + s.cooling) * dt;
    assert.ok(Math.abs(heatIn - stored - out) <= 1e-9 * (Math.abs(heatIn) + Math.abs(stored) + Math.abs(out)), `step ${k}: ${heatIn} vs ${stored} + ${out}`);
    T = s.temperature;
  }
});

test('the chiller holds the cooling set point and the heater the heating set point while they can', () => {
  const s = newThermalStep();
  thermalStep(spec, 303.15, 3600, 12e3, 308, 0, s);
  assert.ok(Math.abs(s.temperature - 303.15) < 1e-9 && s.cooling > 12e3);
  thermalStep(spec, 288.15, 3600, 0, 263, 0, s);
  assert.ok(Math.abs(s.temperature - 288.15) < 1e-9 && s.heating > 0 && s.hvacElectric === s.heating);
});

test('the chiller COP falls as the ambient warms: ≈3.4 at 35 °C', () => {
  // f · T_evap / (T_amb + 15 − T_evap), T_evap = 30 − 10 = 20 °C: 0.35 × 293.15 / 30 = 3.420
  assert.ok(Math.abs(chillerCop(spec, 308.15) - (0.35 * 293.15) / 30) < 1e-12);
  assert.ok(chillerCop(spec, 318.15) < chillerCop(spec, 308.15));
  assert.equal(chillerCop(spec, 273.15), 6);
});

test('an hourly year from monthly means keeps each month’s mean within the interpolation’s smoothing', () => {
  const luoyang = [1, 5, 10.5, 16.5, 22, 26.5, 27.5, 26, 21.5, 16, 9, 3].map((c) => c + 273.15);
  const T = ambientFromMonthlyMeans(luoyang);
  assert.equal(T.length, 8760);
  const julyMean = T.slice(181 * 24, 212 * 24).reduce((a, b) => a + b, 0) / (31 * 24);
  assert.ok(Math.abs(julyMean - luoyang[6]) < 0.6, `July mean ${julyMean - 273.15} °C`);
  const day = T.slice(200 * 24, 201 * 24);
  // a 10 K swing sampled at the half hours: 10 cos(π/24) = 9.914 K, plus the seasonal drift over the day (< 0.02 K)
  const range = Math.max(...day) - Math.min(...day);
  assert.ok(Math.abs(range - 10 * Math.cos(Math.PI / 24)) < 0.03, `diurnal range ${range} K`);
});
