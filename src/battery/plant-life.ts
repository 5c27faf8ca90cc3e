/**
 * The life of a battery plant under its dispatch, year by year. Each year: the usable energy the faded fleet can
 * deliver at rated power (the nameplate integral through cells, PCS and transformer at 25 °C); the policy acts
 * (augmentation adds racks until the nameplate is held again; replacement renews every rack once the mean relative
 * capacity falls to its threshold); the caller's dispatch gives the year's grid powers for that usable energy and
 * power; the plant model runs them (SOC, cell temperature, C-rate, losses, HVAC); the life model of each cohort of
 * racks is stepped over that duty; the faded capacity is what the next year's dispatch sees.
 *
 * Cohorts (racks installed in the same year) age under the same duty: every rack sees the plant's SOC and
 * container temperature (a fleet's racks share the current equally, src/battery/system/operate.ts). A life model
 * without a resistance state leaves the resistance at its new value (growth 1), and says so in `notes`.
 *
 * Degradation cost (stated basis): the cost of restoring the nominal energy the year's ageing consumed, at the
 * given unit cost, divided by the energy delivered at the grid in that year: money/J.
 */
import { PlantInputError } from '../plant/errors.js';
import { makeDuty } from './life/duty.js';
import { advanceTo } from './life/life-under-duty.js';
import type { LifeModel } from './life/model.js';
import { deliverableEnergy, NAMEPLATE_TEMPERATURE, type BatterySystem } from './system/layout.js';
import { operate, type Fleet } from './system/operate.js';

export type PlantLifePolicy =
  | { readonly kind: 'none' }
  /** Racks added at the start of a year whenever the usable energy has fallen below the nameplate. */
  | { readonly kind: 'augmentation' }
  /** Every rack renewed at the start of a year once the mean relative capacity is at or below `threshold`. */
  | { readonly kind: 'replacement'; readonly threshold: number };

/** The year's schedule: grid power per step (W, > 0 delivered, < 0 drawn), one year at the life's step. */
export type DispatchYear = (
  year: number,
  plant: {
    /** Usable energy at the grid at rated power this year. Unit: J */
    readonly usableEnergy: number;
    /** Unit: W */
    readonly power: number;
    /** Last year's AC round trip (0 in the first year). Unit: - */
    readonly roundTripEfficiency: number;
    /** Last year's degradation cost (0 in the first year). Unit: money/J */
    readonly degradationCost: number;
    /** The fleet this year: racks in service, mean relative capacity and resistance. */
    readonly fleet: Fleet;
  },
) => Float64Array | Promise<Float64Array>;

export interface PlantLifeInputs {
  readonly system: BatterySystem;
  /** Whole years. */
  readonly years: number;
  /** Step of the schedules and of the ambient series. Unit: s */
  readonly stepSeconds: number;
  /** One year of ambient air temperature at stepSeconds. Unit: K */
  readonly ambient: Float64Array;
  /** One year of irradiance on the containers (optional). Unit: W/m² */
  readonly irradiance?: Float64Array;
  readonly dispatchYear: DispatchYear;
  /** A new cell's life model, at the beginning of life (one per cohort of racks). */
  readonly createLifeModel: () => LifeModel;
  readonly policy: PlantLifePolicy;
  /** Cost of new racks (augmentation, replacement) per nominal DC energy installed. Unit: money/J */
  readonly unitCost: number;
}

export interface PlantLifeYear {
  readonly year: number;
  /** Usable energy at the grid at rated power, at the start of the year (after the policy acted). Unit: J */
  readonly usableEnergy: number;
  /** Capacity-weighted mean relative capacity of the racks at the start and end of the year. Unit: - */
  readonly capacityStart: number;
  readonly capacityEnd: number;
  /** Mean relative resistance at the end of the year. Unit: - */
  readonly resistanceEnd: number;
  readonly racks: number;
  /** AC round trip (grid out / grid in) and DC round trip over the year's operation. Unit: - */
  readonly roundTripEfficiency: number;
  readonly dcRoundTripEfficiency: number;
  /** Electricity delivered to and drawn from the grid. Unit: J */
  readonly energyOut: number;
  readonly energyIn: number;
  /** HVAC and other auxiliaries. Unit: J */
  readonly auxiliaryEnergy: number;
  /** Equivalent full cycles of the year: charge throughput / (2 × rated capacity). Unit: - */
  readonly equivalentFullCycles: number;
  readonly curtailedSteps: number;
  /** The realised grid power of each step (what the plant did of the schedule; price it for revenue). Unit: W */
  readonly gridPower: Float64Array;
  /** Racks and modules added, their nominal energy and cost. Unit: -, -, J, money */
  readonly racksAdded: number;
  readonly modulesAdded: number;
  readonly addedEnergy: number;
  readonly addedCost: number;
  /** Nominal energy × relative capacity of the racks retired at the start of the year. Unit: J */
  readonly retiredEnergy: number;
  readonly retiredModules: number;
  /** Unit: money/J delivered */
  readonly degradationCost: number;
}

export interface PlantLifeResult {
  readonly years: readonly PlantLifeYear[];
  /** Relative capacity of the fleet at the start of each year and at the end of the last (years + 1 values). */
  readonly capacity: readonly number[];
  readonly resistance: readonly number[];
  /** Nominal energy × relative capacity of the racks left at the end (second life or recycling). Unit: J */
  readonly endOfLifeEnergy: number;
  readonly lifeModel: string;
  readonly notes: readonly string[];
}

interface Cohort {
  racks: number;
  model: LifeModel;
}

function fleetOf(cohorts: readonly Cohort[]): Fleet {
  let racks = 0, q = 0, r = 0;
  for (const c of cohorts) {
    racks += c.racks;
    q += c.racks * c.model.q;
    r += c.racks * (c.model.r ?? 1);
  }
  return { racks, capacityFraction: q / racks, resistanceGrowth: r / racks };
}

/** Async because a dispatch (the caller's) may be: the year's schedule is awaited. */
export async function plantLife(p: PlantLifeInputs): Promise<PlantLifeResult> {
  const sys = p.system;
  if (!(Number.isInteger(p.years) && p.years >= 1 && p.years <= 60)) throw new PlantInputError('plant life', 'years', p.years, 'a whole number from 1 to 60');
  if (!(p.stepSeconds > 0 && (365 * 86400) % p.stepSeconds === 0)) throw new PlantInputError('plant life', 'stepSeconds', p.stepSeconds, 'a divisor of a 365-day year');
  const n = (365 * 86400) / p.stepSeconds;
  if (p.ambient.length !== n) throw new PlantInputError('plant life', 'ambient', p.ambient.length, `${n} values (one year at the step)`);
  if (p.policy.kind === 'replacement' && !(p.policy.threshold > 0 && p.policy.threshold < 1)) throw new PlantInputError('plant life', 'policy.threshold', p.policy.threshold, '0 < x < 1');
  if (!(p.unitCost >= 0)) throw new PlantInputError('plant life', 'unitCost', p.unitCost, '≥ 0');
  const rackEnergy = sys.cell.capacity * sys.cell.voltageNominal * sys.cellsPerRack;
  const usable = (f: Fleet) => deliverableEnergy({ ...sys, racks: f.racks }, sys.power, NAMEPLATE_TEMPERATURE, f.capacityFraction, f.resistanceGrowth);
  const time = Float64Array.from({ length: n + 1 }, (_, k) => k * p.stepSeconds);
  const notes: string[] = [];
  let cohorts: Cohort[] = [{ racks: sys.racks, model: p.createLifeModel() }];
  const lifeId = cohorts[0].model.info.id;
  if (!cohorts[0].model.info.hasResistance) notes.push(`life model ${lifeId} has no resistance state: the resistance stays at its new value`);
  const years: PlantLifeYear[] = [];
  const capacity: number[] = [];
  const resistance: number[] = [];
  let soc = sys.socMin;
  let temperature = Math.min(Math.max(p.ambient[0], sys.thermal.heatingSetpoint), sys.thermal.coolingSetpoint);

  for (let y = 0; y < p.years; y++) {
    let racksAdded = 0, retiredEnergy = 0, retiredModules = 0;
    let fleet = fleetOf(cohorts);
    if (p.policy.kind === 'replacement' && fleet.capacityFraction <= p.policy.threshold) {
      for (const c of cohorts) retiredEnergy += c.racks * rackEnergy * c.model.q;
      retiredModules = fleet.racks * sys.modulesPerRack;
      cohorts = [{ racks: sys.racks, model: p.createLifeModel() }];
      racksAdded = sys.racks;
    } else if (p.policy.kind === 'augmentation' && y > 0 && usable(fleet) < sys.energy) {
      const fresh = p.createLifeModel();
      let k = 0;
      do {
        k++;
        fleet = fleetOf([...cohorts, { racks: k, model: fresh }]);
      } while (usable(fleet) < sys.energy && k < 10 * sys.racks);
      if (usable(fleet) < sys.energy) notes.push(`year ${y}: ${k} racks added and the nameplate still not held (usable ${(usable(fleet) / 3.6e9).toFixed(3)} MWh)`);
      cohorts.push({ racks: k, model: fresh });
      racksAdded = k;
    }
    fleet = fleetOf(cohorts);
    const qStart = fleet.capacityFraction;
    capacity.push(qStart);
    resistance.push(fleet.resistanceGrowth);
    const usableEnergy = usable(fleet);
    const nominalBefore = cohorts.reduce((a, c) => a + c.racks * rackEnergy * c.model.q, 0);
    const prev = years.length ? years[years.length - 1] : undefined;
    const schedule = await p.dispatchYear(y, { usableEnergy, power: sys.power, roundTripEfficiency: prev?.roundTripEfficiency ?? 0, degradationCost: prev?.degradationCost ?? 0, fleet });
    if (schedule.length !== n) throw new PlantInputError('plant life', `dispatchYear(${y})`, schedule.length, `${n} steps (one year at the step)`);
    const op = operate(sys, fleet, p.stepSeconds, schedule, p.ambient, { soc, temperature }, p.irradiance);
    const duty = makeDuty(time, op.soc, op.temperature, op.cRate);
    // a whole year of age: one pass of a BLAST-style model over the year's samples ages it a few days less (its
    // slices skip the step between breakpoints), so the duty is repeated until the age is reached
    for (const c of cohorts) advanceTo(c.model, duty, c.model.tDays + 365);
    soc = op.soc[n];
    temperature = op.temperature[n];
    const end = fleetOf(cohorts);
    const nominalAfter = cohorts.reduce((a, c) => a + c.racks * rackEnergy * c.model.q, 0);
    years.push({
      year: y,
      usableEnergy,
      capacityStart: qStart,
      capacityEnd: end.capacityFraction,
      resistanceEnd: end.resistanceGrowth,
      racks: fleet.racks,
      roundTripEfficiency: op.energyIn > 0 ? op.energyOut / op.energyIn : 0,
      dcRoundTripEfficiency: op.dcIn > 0 ? op.dcOut / op.dcIn : 0,
      energyOut: op.energyOut,
      energyIn: op.energyIn,
      auxiliaryEnergy: op.hvac + op.auxiliary,
      equivalentFullCycles: op.chargeThroughput / (2 * sys.cell.capacity),
      curtailedSteps: op.curtailedSteps,
      gridPower: op.gridPower,
      racksAdded,
      modulesAdded: racksAdded * sys.modulesPerRack,
      addedEnergy: racksAdded * rackEnergy,
      addedCost: racksAdded * rackEnergy * p.unitCost,
      retiredEnergy,
      retiredModules,
      degradationCost: op.energyOut > 0 ? ((nominalBefore - nominalAfter) * p.unitCost) / op.energyOut : 0,
    });
  }
  const last = fleetOf(cohorts);
  capacity.push(last.capacityFraction);
  resistance.push(last.resistanceGrowth);
  return {
    years,
    capacity,
    resistance,
    endOfLifeEnergy: cohorts.reduce((a, c) => a + c.racks * rackEnergy * c.model.q, 0),
    lifeModel: lifeId,
    notes,
  };
}
