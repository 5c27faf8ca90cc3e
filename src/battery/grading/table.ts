/**
 * The per-cell table of a grading as CSV text, in the units a battery engineer reads (column names carry them):
 * cell, grade, group, rejection and reasons, the features, their robust z-scores, and the DV vector.
 */
import { COULOMBS_PER_AH } from './charge-curve.js';
import type { GradingResult } from './grade.js';
import { reasonText, Z_FEATURES } from './rejection.js';

const field = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const num = (v: number | null | undefined, digits = 6) => (v === null || v === undefined || !Number.isFinite(v) ? '' : String(Number(v.toPrecision(digits))));

export function gradingCsv(result: GradingResult): string {
  const positions = Array.from(result.string.dvPositions, (q) => Math.round(q / COULOMBS_PER_AH));
  const header = [
    'cell', 'grade', 'group', 'rejected', 'reasons', 'grade_reason',
    'capacity_proxy_Ah', 'resistance_mOhm', 'rest_voltage_V', 'rest_drift_mV_per_day', 'dv_deviation',
    'ic_peak_V', 'ic_peak_Ah_per_V', 'temperature_rise_K', 'charge_mean_temperature_C', 'charge_start_V', 'charge_end_V',
    ...Z_FEATURES.map((f) => `z_${f}`),
    ...positions.map((p) => `dv_at_${p}Ah_V_per_Ah`),
  ];
  const rows = result.cells.map((c) => {
    const f = c.features;
    return [
      f.cell, c.grade, c.group === null ? '' : String(c.group), c.rejected ? '1' : '0', c.reasons.map(reasonText).join('; '), c.gradeReason,
      num(f.capacityProxy === null ? null : f.capacityProxy / COULOMBS_PER_AH), num(f.resistance === null ? null : f.resistance * 1e3),
      num(f.restVoltage), num(f.restVoltageDrift * 86400e3), num(f.dvDeviation),
      num(f.icPeak?.voltage), num(f.icPeak === null ? null : f.icPeak.height / COULOMBS_PER_AH), num(f.temperatureRise),
      num(f.chargeMeanTemperature - 273.15), num(f.chargeStartVoltage), num(f.chargeEndVoltage),
      ...Z_FEATURES.map((z) => num(c.z[z], 4)),
      ...Array.from(f.dvVector, (v) => num(v * COULOMBS_PER_AH, 8)),
    ].map(field);
  });
  return [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}
