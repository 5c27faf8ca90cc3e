import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellResistance, newCellPoint, openCircuitVoltage, pointAtPower } from './equivalent-circuit.js';
import { cellRoundTrip } from './round-trip.js';
import { LFP_280AH } from '../data/cells-lfp.js';
import type { CellPreset } from './types.js';

// a 280 Ah cell with a flat OCV of 3.3 V and a constant 0.5 mΩ: the round trip has a closed form
const flat: CellPreset = { ...LFP_280AH, ocvHysteresis: 0, ocv: { x: [0, 1], y: [3.3, 3.3] }, resistance: { x: [0, 1], y: [0.5e-3, 0.5e-3] } };

test('the DC round trip at 0.5P equals the resistance hand calculation', () => {
  // Hand calculation. P = 0.5 × 280 Ah × 3.2 V = 448 W at the terminals, U = 3.3 V, R = 0.5 mΩ, 25 °C.
  //   discharge: I_d = (U − √(U² − 4RP)) / 2R = (3.3 − √(10.89 − 0.896)) / 0.001 = (3.3 − 3.161329) / 0.001 = 138.6712 A
  //   charge:    |I_c| = (√(U² + 4RP) − U) / 2R = (3.433074 − 3.3) / 0.001 = 133.0744 A
  //   over 10→90 % (0.8 × 280 Ah = 806,400 C): t_c = 806400/133.0744 = 6059.77 s, t_d = 806400/138.6712 = 5815.20 s
  //   E_in = 448 W × 6059.77 s = 754.104 Wh,  E_out = 448 × 5815.20 = 723.669 Wh,  RTE = |I_c|/I_d = 0.959640
  const r = cellRoundTrip(flat, 0.5, 298.15, { socMin: 0.1, socMax: 0.9 });
  assert.ok(Math.abs(r.efficiency - 0.9596401922) < 1e-9, `RTE ${r.efficiency}`);
  assert.ok(Math.abs(r.energyIn / 3600 - 754.104335) < 1e-5, `E_in ${r.energyIn / 3600} Wh`);
  assert.ok(Math.abs(r.energyOut / 3600 - 723.668829) < 1e-5, `E_out ${r.energyOut / 3600} Wh`);
  assert.ok(Math.abs(r.chargeSeconds - 6059.767) < 1e-2);
});

test('the terminal power of an operating point is the power asked for, and its heat is I²R', () => {
  const pt = pointAtPower(3.3, 0.5e-3, 448, newCellPoint());
  assert.ok(Math.abs(pt.voltage * pt.current - 448) < 1e-9);
  assert.ok(Math.abs(pt.heat - pt.current ** 2 * 0.5e-3) < 1e-12);
  const over = pointAtPower(3.3, 0.5e-3, 6000, newCellPoint());
  assert.equal(over.feasible, false, 'above U²/4R = 5445 W the circuit cannot deliver');
});

test('the LFP preset gives about 95 % DC energy efficiency at 0.5P and 25 °C, less when cold and at 1P', () => {
  // 280 Ah storage-cell datasheets state ≥ 95 % at 0.5P, 25 °C (the calibration target of the preset's resistance)
  const r25 = cellRoundTrip(LFP_280AH, 0.5, 298.15).efficiency;
  assert.ok(r25 > 0.945 && r25 < 0.96, `0.5P 25 °C: ${r25}`);
  assert.ok(cellRoundTrip(LFP_280AH, 0.5, 278.15).efficiency < r25);
  assert.ok(cellRoundTrip(LFP_280AH, 1, 298.15).efficiency < r25);
});

test('resistance follows Arrhenius: ×exp(Ea/R (1/T − 1/Tref)) and the ageing growth factor', () => {
  const r25 = cellResistance(LFP_280AH, 0.5, 298.15);
  assert.equal(r25, 0.48e-3);
  const r0 = cellResistance(LFP_280AH, 0.5, 273.15, 1.2);
  const expected = 0.48e-3 * 1.2 * Math.exp((20e3 / 8.314462618) * (1 / 273.15 - 1 / 298.15));
  assert.ok(Math.abs(r0 - expected) < 1e-15);
  assert.ok(r0 / (1.2 * r25) > 1.9 && r0 / (1.2 * r25) < 2.2, 'about double at 0 °C');
  assert.equal(openCircuitVoltage(LFP_280AH, 0.5), 3.3);
});

test('every cell preset names a shipped life model and a voltage window around its OCV', async () => {
  const { CELL_PRESETS } = await import('./presets.js');
  const { LIFE_MODEL_IDS } = await import('../life/registry.js');
  for (const p of Object.values(CELL_PRESETS)) {
    assert.ok(LIFE_MODEL_IDS.includes(p.lifeModel), `${p.id}: life model ${p.lifeModel}`);
    assert.ok(p.voltageMin <= p.ocv.y[0] && p.ocv.y[p.ocv.y.length - 1] <= p.voltageMax, `${p.id}: OCV inside ${p.voltageMin}–${p.voltageMax} V`);
  }
});

test('the OCV hysteresis costs the gap over the voltage each round trip, at any current', () => {
  // flat 3.3 V, no resistance, 20 mV gap: charge at 3.31 V, discharge at 3.29 V ⇒ RTE = 3.29/3.31 = 0.993958
  const h: CellPreset = { ...flat, ocvHysteresis: 0.02, resistance: { x: [0, 1], y: [1e-12, 1e-12] } };
  for (const rate of [0.1, 0.5]) assert.ok(Math.abs(cellRoundTrip(h, rate, 298.15).efficiency - 3.29 / 3.31) < 1e-8);
  const pt = pointAtPower(3.3, 0, 329, newCellPoint(), 0.02);
  assert.ok(Math.abs(pt.current - 100) < 1e-9 && Math.abs(pt.heat - 1) < 1e-9, 'heat = I × gap/2 = 100 A × 10 mV');
});

test('the NMC preset gives about 97.6 % DC energy efficiency at 0.5P and 25 °C, and its racks stay under 1500 V full', async () => {
  // hand estimate: I = 0.5 × 94 A = 47 A, I R = 47 × 0.9 mΩ = 42 mV ≈ 1.15 % of ≈3.7 V each way ⇒ RTE ≈ 97.7 %
  const { NMC_94AH } = await import('../data/cells-nmc.js');
  const r = cellRoundTrip(NMC_94AH, 0.5, 298.15).efficiency;
  assert.ok(r > 0.97 && r < 0.98, `NMC 0.5P 25 °C: ${r}`);
  const series = NMC_94AH.layout.cellsPerModule * NMC_94AH.layout.modulesPerRack;
  assert.ok(series * NMC_94AH.voltageMax <= 1500, `${series} × ${NMC_94AH.voltageMax} V`);
});
