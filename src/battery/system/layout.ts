/**
 * A battery plant laid out from its cell, in the terms users speak: power and energy (or power and duration) at
 * the grid. Cells in series make modules, modules in series make a rack (one DC string, one cell in parallel),
 * racks make containers; the PCS is rated at the plant's power and the transformer 5 % above it.
 *
 * The energy is the electricity delivered at the grid at rated power from socMax down to socMin, at the beginning
 * of life and a 25 °C cell (the plant's nameplate, as tenders state it): the number of racks is the least that
 * delivers it through the cells' resistance, the PCS and the transformer (deliverableEnergy), and at least as many
 * as keep the cell within its continuous power rates at rated power.
 */
import { PlantInputError } from '../../plant/errors.js';
import type { CellPreset } from '../cell/types.js';
import { cellResistance, newCellPoint, openCircuitVoltage, pointAtPower } from '../cell/equivalent-circuit.js';
import { PCS_DEFAULTS, TRANSFORMER_DEFAULTS, checkPcs, pcsDcForAc, transformerInputFor, type PcsSpec, type TransformerSpec } from './pcs.js';
import { CONTAINER_THERMAL_DEFAULTS, checkThermal, type ContainerThermalSpec } from './thermal.js';

export interface BatterySystemSpec {
  readonly cell: CellPreset;
  /** Rated power at the grid, both ways. Unit: W */
  readonly power: number;
  /** Nameplate energy at the grid (give this or duration). Unit: J */
  readonly energy?: number;
  /** Energy / power (give this or energy). Unit: s */
  readonly duration?: number;
  /** SOC window of the present capacity. Unit: - */
  readonly socMin: number;
  readonly socMax: number;
  readonly cellsPerModule?: number;
  readonly modulesPerRack?: number;
  readonly racksPerContainer?: number;
  readonly pcs?: Partial<Omit<PcsSpec, 'ratedPower'>>;
  readonly transformer?: Partial<Omit<TransformerSpec, 'rating'>>;
  readonly thermal?: Partial<ContainerThermalSpec>;
}

export interface BatterySystem {
  readonly cell: CellPreset;
  /** Unit: W */
  readonly power: number;
  /** Nameplate energy at the grid. Unit: J */
  readonly energy: number;
  readonly socMin: number;
  readonly socMax: number;
  readonly cellsPerModule: number;
  readonly modulesPerRack: number;
  /** Cells in series in a rack. Unit: - */
  readonly cellsPerRack: number;
  readonly racksPerContainer: number;
  readonly racks: number;
  readonly containers: number;
  readonly modules: number;
  readonly cells: number;
  /** Cells × nominal capacity × nominal voltage. Unit: J */
  readonly nominalEnergy: number;
  /** One module's nominal energy. Unit: J */
  readonly moduleEnergy: number;
  readonly pcs: PcsSpec;
  readonly transformer: TransformerSpec;
  /** One container's thermal model (its heat capacity from its cells). */
  readonly thermal: ContainerThermalSpec;
  /** What decided the rack count: 'energy' or 'power'. */
  readonly sizedBy: 'energy' | 'power';
}

/** 25 °C, the temperature the nameplate is stated at. Unit: K */
export const NAMEPLATE_TEMPERATURE = 298.15;
const SOC_STEPS = 200;

export function layoutSystem(spec: BatterySystemSpec, where = 'battery'): BatterySystem {
  const cell = spec.cell;
  if (!(spec.power > 0)) throw new PlantInputError(where, 'power', spec.power, '> 0 W');
  if ((spec.energy === undefined) === (spec.duration === undefined)) throw new PlantInputError(where, 'energy, duration', [spec.energy, spec.duration], 'exactly one of energy or duration');
  const energy = spec.energy ?? spec.power * (spec.duration as number);
  if (!(energy > 0)) throw new PlantInputError(where, spec.energy !== undefined ? 'energy' : 'duration', spec.energy ?? spec.duration, '> 0');
  if (!(spec.socMin >= 0 && spec.socMin < spec.socMax && spec.socMax <= 1)) throw new PlantInputError(where, 'socMin, socMax', [spec.socMin, spec.socMax], '0 ≤ socMin < socMax ≤ 1');
  const cellsPerModule = spec.cellsPerModule ?? cell.layout.cellsPerModule;
  const modulesPerRack = spec.modulesPerRack ?? cell.layout.modulesPerRack;
  const racksPerContainer = spec.racksPerContainer ?? cell.layout.racksPerContainer;
  for (const [k, v] of [['cellsPerModule', cellsPerModule], ['modulesPerRack', modulesPerRack], ['racksPerContainer', racksPerContainer]] as const) {
    if (!(Number.isInteger(v) && v >= 1)) throw new PlantInputError(where, k, v, 'a whole number ≥ 1');
  }
  const pcs: PcsSpec = { ratedPower: spec.power, nominalEfficiency: spec.pcs?.nominalEfficiency ?? PCS_DEFAULTS.nominalEfficiency };
  checkPcs(pcs, `${where}.pcs`);
  const transformer: TransformerSpec = { rating: 1.05 * spec.power, noLoadLoss: spec.transformer?.noLoadLoss ?? TRANSFORMER_DEFAULTS.noLoadLoss, loadLoss: spec.transformer?.loadLoss ?? TRANSFORMER_DEFAULTS.loadLoss };
  if (!(transformer.noLoadLoss >= 0 && transformer.noLoadLoss < 0.05)) throw new PlantInputError(`${where}.transformer`, 'noLoadLoss', transformer.noLoadLoss, '0 ≤ x < 5 %');
  if (!(transformer.loadLoss >= 0 && transformer.loadLoss < 0.1)) throw new PlantInputError(`${where}.transformer`, 'loadLoss', transformer.loadLoss, '0 ≤ x < 10 %');
  const cellsPerRack = cellsPerModule * modulesPerRack;
  const cellEnergy = (cell.capacity * cell.voltageNominal) / 1;
  const rackEnergy = cellEnergy * cellsPerRack;

  // power: the cell's continuous rates at rated power (discharge: DC at the PCS for the grid power; charge: the PCS
  // rating's DC), as multiples of the nominal energy per hour
  const dcDischarge = pcsDcForAc(pcs, transformerInputFor(transformer, spec.power));
  const racksForPower = Math.ceil(Math.max(dcDischarge / (cell.maxDischargeRate * rackEnergy / 3600), spec.power / (cell.maxChargeRate * rackEnergy / 3600)));
  // energy: start from the nominal estimate and correct by the delivered energy
  let racks = Math.max(1, Math.ceil(energy / ((spec.socMax - spec.socMin) * rackEnergy * 0.9)));
  const base = { cell, cellsPerRack, pcs, transformer, socMin: spec.socMin, socMax: spec.socMax };
  for (let it = 0; it < 20; it++) {
    const e = deliverableEnergy({ ...base, racks }, spec.power, NAMEPLATE_TEMPERATURE);
    const next = Math.ceil(racks * (energy / e));
    if (next === racks) break;
    racks = next;
  }
  while (deliverableEnergy({ ...base, racks }, spec.power, NAMEPLATE_TEMPERATURE) < energy) racks++;
  while (racks > 1 && deliverableEnergy({ ...base, racks: racks - 1 }, spec.power, NAMEPLATE_TEMPERATURE) >= energy) racks--;
  const sizedBy = racksForPower > racks ? 'power' : 'energy';
  racks = Math.max(racks, racksForPower);
  const containers = Math.ceil(racks / racksPerContainer);
  const cellsPerContainer = cellsPerRack * racksPerContainer;
  const thermal: ContainerThermalSpec = {
    ...CONTAINER_THERMAL_DEFAULTS,
    heatCapacity: CONTAINER_THERMAL_DEFAULTS.heatCapacityOverCells * cellsPerContainer * cell.mass * cell.specificHeat,
    ...spec.thermal,
  };
  checkThermal(thermal, `${where}.thermal`);
  return {
    cell,
    power: spec.power,
    energy,
    socMin: spec.socMin,
    socMax: spec.socMax,
    cellsPerModule,
    modulesPerRack,
    cellsPerRack,
    racksPerContainer,
    racks,
    containers,
    modules: racks * modulesPerRack,
    cells: racks * cellsPerRack,
    nominalEnergy: racks * rackEnergy,
    moduleEnergy: cellEnergy * cellsPerModule,
    pcs,
    transformer,
    thermal,
    sizedBy,
  };
}

/** What the delivered-energy integral needs of a system. */
export interface StringSet {
  readonly cell: CellPreset;
  readonly cellsPerRack: number;
  /** Racks in service (strings in parallel). */
  readonly racks: number;
  readonly pcs: PcsSpec;
  readonly transformer: TransformerSpec;
  readonly socMin: number;
  readonly socMax: number;
}

/**
 * Electricity delivered at the grid at constant grid power from socMax to socMin at cell temperature T (K), with
 * the capacity and resistance of an aged cell (fractions of new). 0 when the cells cannot deliver the power. Unit: J
 */
export function deliverableEnergy(s: StringSet, gridPower: number, temperature: number, capacityFraction = 1, resistanceGrowth = 1): number {
  const dc = pcsDcForAc(s.pcs, transformerInputFor(s.transformer, gridPower));
  const pCell = dc / (s.racks * s.cellsPerRack);
  const dSoc = (s.socMax - s.socMin) / SOC_STEPS;
  const q = s.cell.capacity * capacityFraction;
  const pt = newCellPoint();
  let t = 0;
  for (let k = 0; k < SOC_STEPS; k++) {
    const soc = s.socMax - (k + 0.5) * dSoc;
    pointAtPower(openCircuitVoltage(s.cell, soc), cellResistance(s.cell, soc, temperature, resistanceGrowth), pCell, pt, s.cell.ocvHysteresis);
    if (!pt.feasible) return 0;
    t += (dSoc * q) / pt.current;
  }
  return gridPower * t;
}
