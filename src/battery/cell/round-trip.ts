/**
 * A cell's DC round trip at constant power: charged from socMin to socMax, then discharged back, at the same
 * power rate (power / nominal energy, the P-rate of GB/T 36276) and a fixed cell temperature. Integrated over SOC
 * in equal steps with the operating point at each step's midpoint: exact when U and R are constant over a step.
 */
import { PlantInputError } from '../../plant/errors.js';
import { cellResistance, newCellPoint, openCircuitVoltage, pointAtPower } from './equivalent-circuit.js';
import type { CellPreset } from './types.js';

export interface CellRoundTrip {
  /** Energy into the cell's terminals while charging. Unit: J */
  readonly energyIn: number;
  /** Energy out of the terminals while discharging. Unit: J */
  readonly energyOut: number;
  /** energyOut / energyIn. Unit: - */
  readonly efficiency: number;
  /** Charge and discharge times. Unit: s */
  readonly chargeSeconds: number;
  readonly dischargeSeconds: number;
}

export const CELL_ROUND_TRIP_DEFAULTS = { socMin: 0.1, socMax: 0.9, steps: 400 } as const;

export function cellRoundTrip(
  cell: CellPreset,
  powerRate: number,
  temperature: number,
  options: { socMin?: number; socMax?: number; steps?: number; resistanceGrowth?: number } = {},
): CellRoundTrip {
  const o = { ...CELL_ROUND_TRIP_DEFAULTS, ...options };
  if (!(powerRate > 0)) throw new PlantInputError('cell round trip', 'powerRate', powerRate, '> 0 1/h');
  if (!(o.socMin >= 0 && o.socMax <= 1 && o.socMin < o.socMax)) throw new PlantInputError('cell round trip', 'socMin, socMax', [o.socMin, o.socMax], '0 ≤ socMin < socMax ≤ 1');
  const power = (powerRate * cell.capacity * cell.voltageNominal) / 3600;
  const dSoc = (o.socMax - o.socMin) / o.steps;
  const pt = newCellPoint();
  let tc = 0;
  let td = 0;
  for (let k = 0; k < o.steps; k++) {
    const soc = o.socMin + (k + 0.5) * dSoc;
    const U = openCircuitVoltage(cell, soc);
    const R = cellResistance(cell, soc, temperature, options.resistanceGrowth ?? 1);
    pointAtPower(U, R, -power, pt, cell.ocvHysteresis);
    if (!pt.feasible) throw new PlantInputError('cell round trip', 'powerRate', powerRate, 'a power the cell can absorb');
    tc += (dSoc * cell.capacity) / -pt.current;
    pointAtPower(U, R, power, pt, cell.ocvHysteresis);
    if (!pt.feasible) throw new PlantInputError('cell round trip', 'powerRate', powerRate, `a power the cell can deliver at SOC ${soc}`);
    td += (dSoc * cell.capacity) / pt.current;
  }
  return { energyIn: power * tc, energyOut: power * td, efficiency: td / tc, chargeSeconds: tc, dischargeSeconds: td };
}
