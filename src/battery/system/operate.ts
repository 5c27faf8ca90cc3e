/**
 * A battery plant run through a schedule of grid powers: for each step the transformer, PCS and cells in turn
 * (equivalent circuit at the present SOC, cell temperature and age), the SOC kept in its window and the cells
 * within their continuous rates (the schedule is curtailed where it asks for more, and the steps counted), the
 * self-discharge, and each container's thermal model with its HVAC and auxiliaries.
 *
 * Every rack carries the same current (the racks of a fleet with several ages are represented by their mean
 * capacity and resistance growth); all containers are alike (one is simulated). Substeps of at most 15 min keep
 * the SOC integration accurate on hourly schedules; the cell temperature of a step is the one at its start.
 */
import { PlantInputError } from '../../plant/errors.js';
import { cellResistance, newCellPoint, openCircuitVoltage, pointAtPower } from '../cell/equivalent-circuit.js';
import { pcsAcForDc, pcsAcFromDc, pcsDcForAc, pcsDcFromAc, transformerInputFor, transformerLoadLoss, transformerNoLoadLoss } from './pcs.js';
import { newThermalStep, thermalStep } from './thermal.js';
import type { BatterySystem } from './layout.js';

/** The cells in service: how many racks, and their mean age. */
export interface Fleet {
  /** Racks in service. Unit: - */
  readonly racks: number;
  /** Mean capacity relative to a new cell's. Unit: - */
  readonly capacityFraction: number;
  /** Mean resistance relative to a new cell's. Unit: - */
  readonly resistanceGrowth: number;
}

export interface OperationResult {
  readonly stepSeconds: number;
  /** SOC of the present capacity: the start, then the end of each step (n + 1 samples). Unit: - */
  readonly soc: Float64Array;
  /** Cell temperature, same samples. Unit: K */
  readonly temperature: Float64Array;
  /** Mean C-rate over the step ending at each sample (0 at the first; positive = charge). Unit: 1/h */
  readonly cRate: Float64Array;
  /** Realised grid power of each step (mean; > 0 delivered). Unit: W */
  readonly gridPower: Float64Array;
  /** Electricity drawn from and delivered to the grid by the PCS (auxiliaries apart). Unit: J */
  readonly energyIn: number;
  readonly energyOut: number;
  /** At the cells' terminals. Unit: J */
  readonly dcIn: number;
  readonly dcOut: number;
  /** Joule heat of all cells. Unit: J */
  readonly cellHeat: number;
  /** Chillers and heaters. Unit: J */
  readonly hvac: number;
  /** Other auxiliaries and the transformer's no-load loss. Unit: J */
  readonly auxiliary: number;
  /** Charge passed through each cell, both ways. Unit: C */
  readonly chargeThroughput: number;
  /** Steps where the schedule asked for more than the plant could do (SOC window, cell rates). */
  readonly curtailedSteps: number;
}

export const OPERATE_DEFAULTS = { maxSubstepSeconds: 900 } as const;

export function operate(
  sys: BatterySystem,
  fleet: Fleet,
  stepSeconds: number,
  gridPower: Float64Array,
  ambient: Float64Array,
  initial: { soc: number; temperature: number },
  irradiance?: Float64Array,
): OperationResult {
  const n = gridPower.length;
  if (ambient.length !== n) throw new PlantInputError('battery operation', 'ambient', ambient.length, `${n} values, one per step`);
  if (irradiance && irradiance.length !== n) throw new PlantInputError('battery operation', 'irradiance', irradiance.length, `${n} values, one per step`);
  if (!(stepSeconds > 0)) throw new PlantInputError('battery operation', 'stepSeconds', stepSeconds, '> 0 s');
  if (!(fleet.racks >= 1 && fleet.capacityFraction > 0 && fleet.resistanceGrowth > 0)) throw new PlantInputError('battery operation', 'fleet', fleet, 'racks ≥ 1, capacity and resistance fractions > 0');
  const cell = sys.cell;
  const N = fleet.racks * sys.cellsPerRack;
  const containers = Math.ceil(fleet.racks / sys.racksPerContainer);
  const Q = cell.capacity * fleet.capacityFraction;
  const cellEnergy = cell.capacity * cell.voltageNominal;
  const maxDischargeCell = (cell.maxDischargeRate * cellEnergy) / 3600;
  const maxChargeCell = (cell.maxChargeRate * cellEnergy) / 3600;
  const sub = Math.max(1, Math.ceil(stepSeconds / OPERATE_DEFAULTS.maxSubstepSeconds));
  const h = stepSeconds / sub;
  const noLoad = transformerNoLoadLoss(sys.transformer);
  const auxPower = sys.thermal.auxiliaryPower * containers + noLoad;

  const soc = new Float64Array(n + 1);
  const temperature = new Float64Array(n + 1);
  const cRate = new Float64Array(n + 1);
  const realised = new Float64Array(n);
  soc[0] = initial.soc;
  temperature[0] = initial.temperature;
  const pt = newCellPoint();
  const th = newThermalStep();
  let energyIn = 0, energyOut = 0, dcIn = 0, dcOut = 0, cellHeat = 0, hvac = 0, throughput = 0, curtailed = 0;

  for (let i = 0; i < n; i++) {
    const P = gridPower[i];
    let s = soc[i];
    const T = temperature[i];
    let heat = 0;
    let grid = 0;
    let cut = false;
    // the DC power per cell for this step's grid power, within the cell's continuous rates
    let pCell = 0;
    let pGrid = P;
    if (P > 0) {
      pCell = pcsDcForAc(sys.pcs, transformerInputFor(sys.transformer, P)) / N;
      if (pCell > maxDischargeCell) {
        pCell = maxDischargeCell;
        const ac = pcsAcFromDc(sys.pcs, pCell * N);
        pGrid = ac - transformerLoadLoss(sys.transformer, ac);
        cut = true;
      }
    } else if (P < 0) {
      const ac = -P - transformerLoadLoss(sys.transformer, -P);
      pCell = -pcsDcFromAc(sys.pcs, ac) / N;
      if (-pCell > maxChargeCell) {
        pCell = -maxChargeCell;
        pGrid = -transformerInputFor(sys.transformer, pcsAcForDc(sys.pcs, maxChargeCell * N));
        cut = true;
      }
    }
    for (let k = 0; k < sub; k++) {
      let f = 1;
      if (pCell !== 0) {
        pointAtPower(openCircuitVoltage(cell, s), cellResistance(cell, s, T, fleet.resistanceGrowth), pCell, pt, cell.ocvHysteresis);
        if (!pt.feasible) cut = true;
        const dSoc = (-pt.current * h) / Q;
        const next = s + dSoc;
        if (next < sys.socMin || next > sys.socMax) {
          const bound = next < sys.socMin ? sys.socMin : sys.socMax;
          f = dSoc === 0 ? 0 : Math.max(0, (bound - s) / dSoc);
          cut = true;
        }
        s += f * dSoc;
        if (f > 0) {
          const e = pCell * N * h * f;
          if (e > 0) dcOut += e;
          else dcIn -= e;
          heat += pt.heat * N * h * f;
          throughput += Math.abs(pt.current) * h * f;
          grid += pGrid * h * f;
        }
      }
      s -= s * cell.selfDischarge * h;
    }
    if (grid > 0) energyOut += grid;
    else energyIn -= grid;
    if (cut) curtailed++;
    realised[i] = grid / stepSeconds;
    cellHeat += heat;
    thermalStep(sys.thermal, T, stepSeconds, heat / containers / stepSeconds, ambient[i], irradiance ? irradiance[i] : 0, th);
    hvac += th.hvacElectric * containers * stepSeconds;
    soc[i + 1] = s;
    temperature[i + 1] = th.temperature;
    cRate[i + 1] = (s - soc[i]) / (stepSeconds / 3600);
  }
  return {
    stepSeconds,
    soc,
    temperature,
    cRate,
    gridPower: realised,
    energyIn,
    energyOut,
    dcIn,
    dcOut,
    cellHeat,
    hvac,
    auxiliary: auxPower * n * stepSeconds,
    chargeThroughput: throughput,
    curtailedSteps: curtailed,
  };
}
