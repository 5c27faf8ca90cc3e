/**
 * The plant's round trip at a power and a constant ambient temperature, from the model: full cycles (charge from
 * socMin to socMax at the power, one hour at rest, discharge back, one hour at rest) repeated until the container
 * temperature repeats, the last one reported. DC round trip at the cells' terminals; AC at the grid (PCS and
 * transformer); AC with auxiliaries (HVAC, other auxiliaries and the transformer's no-load loss charged to the
 * cycle). The power rate is the grid power over the nameplate energy, 1/h.
 */
import { PlantInputError } from '../../plant/errors.js';
import type { BatterySystem } from './layout.js';
import { operate, type Fleet } from './operate.js';

export interface RoundTrip {
  /** Grid power. Unit: W */
  readonly power: number;
  /** Unit: K */
  readonly ambient: number;
  /** Unit: - */
  readonly dc: number;
  readonly ac: number;
  readonly acWithAuxiliaries: number;
  /** Electricity drawn and delivered at the grid over the cycle. Unit: J */
  readonly energyIn: number;
  readonly energyOut: number;
  /** HVAC and other auxiliary electricity over the cycle. Unit: J */
  readonly hvac: number;
  readonly auxiliary: number;
  /** Cycle length. Unit: s */
  readonly cycleSeconds: number;
  /** Highest cell temperature over the cycle. Unit: K */
  readonly maxCellTemperature: number;
}

const STEP = 300;
const CYCLES = 4;

export function roundTripAt(sys: BatterySystem, powerRate: number, ambient: number, fleet?: Fleet): RoundTrip {
  const power = powerRate * sys.energy / 3600;
  if (!(power > 0 && power <= sys.power * (1 + 1e-12))) throw new PlantInputError('round trip', 'powerRate', powerRate, `> 0 and ≤ the rated power over the energy, ${(sys.power / sys.energy) * 3600} 1/h`);
  const f = fleet ?? { racks: sys.racks, capacityFraction: 1, resistanceGrowth: 1 };
  // each block 30 % longer than the nameplate energy needs at this power: the SOC window ends it
  const block = Math.ceil((1.3 * sys.energy) / power / STEP);
  const rest = 3600 / STEP;
  const perCycle = 2 * block + 2 * rest;
  const n = perCycle * CYCLES;
  const grid = new Float64Array(n);
  for (let c = 0; c < CYCLES; c++) {
    const o = c * perCycle;
    grid.fill(-power, o, o + block);
    grid.fill(power, o + block + rest, o + 2 * block + rest);
  }
  const amb = new Float64Array(n).fill(ambient);
  const whole = operate(sys, f, STEP, grid, amb, { soc: sys.socMin, temperature: Math.min(Math.max(ambient, sys.thermal.heatingSetpoint), sys.thermal.coolingSetpoint) });
  // the last cycle alone: operate it again from the state the previous cycles left
  const start = (CYCLES - 1) * perCycle;
  const last = operate(sys, f, STEP, grid.subarray(start), amb.subarray(start), { soc: whole.soc[start], temperature: whole.temperature[start] });
  let maxT = 0;
  for (const t of last.temperature) maxT = Math.max(maxT, t);
  return {
    power,
    ambient,
    dc: last.dcOut / last.dcIn,
    ac: last.energyOut / last.energyIn,
    acWithAuxiliaries: last.energyOut / (last.energyIn + last.hvac + last.auxiliary),
    energyIn: last.energyIn,
    energyOut: last.energyOut,
    hvac: last.hvac,
    auxiliary: last.auxiliary,
    cycleSeconds: perCycle * STEP,
    maxCellTemperature: maxT,
  };
}
