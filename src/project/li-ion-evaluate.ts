/**
 * A `li-ion` template plant in a project: its performance from the battery model, its life under the project's own
 * dispatch year by year (each year's dispatch sees the faded plant and the wear cost the life model implies), and
 * what the finance needs of it: each operating year's discharged energy, sales and charging cost, the racks added or
 * replaced (capex in their year), and the value of the retired modules and of the fleet left at the end.
 *
 * The retired modules' value is what a recycler could pay for them: the best route's net value per nameplate energy
 * of the recycling model (src/battery/recycling) for the plant's chemistry, with the documented Chinese cost
 * estimate and the dated CN-2025-06 prices, applied to the modules' nominal energy (their mass goes with it). A
 * file may give its own value (parameters.endOfLifeValue, e.g. a second-life offer).
 */
import { PROCESS_COSTS_CN_ESTIMATE } from '../battery/data/recycling-costs.js';
import { compareRoutes, estimatedCosts, parseRecyclingPlant, type RecyclingChemistry } from '../battery/recycling/index.js';
import { createLifeModel, lifeModelInfos, lifeUnderDuty, makeDuty } from '../battery/life/index.js';
import type { PlantLifeYear } from '../battery/plant-life.js';
import { operate } from '../battery/system/operate.js';
import type { DispatchResult } from '../dispatch/index.js';
import { parseQuantity, UnitError } from '../units/index.js';
import { ProjectError, ProjectFileError } from './errors.js';
import { buildLiIonPlant, type LiIonSchedule } from './li-ion.js';
import { LiIonParametersSchema, liIonParameters } from './li-ion-schema.js';
import type { PlantPerformance } from './performance.js';
import type { SiteSpec } from './schema.js';

/** The template name of a battery plant from the full battery model. */
export const LI_ION_TEMPLATE = 'li-ion';

/** A year of the plant's life as the results carry it: without the year's grid powers (8760 numbers a year; the
 *  first year's realised schedule is the plant's schedule). */
export type BatteryYear = Omit<PlantLifeYear, 'gridPower'>;

/** What the results carry of a li-ion plant (SI; money in the plant's currency). */
export interface BatteryDetail {
  readonly cell: string;
  readonly chemistry: string;
  readonly lifeModel: string;
  readonly lifeModelName: string;
  readonly layout: {
    readonly racks: number;
    readonly cellsPerRack: number;
    readonly modulesPerRack: number;
    readonly containers: number;
    /** DC nominal. Unit: J */
    readonly nominalEnergy: number;
    /** At the grid. Unit: J */
    readonly energy: number;
    /** Unit: W */
    readonly power: number;
    readonly socMin: number;
    readonly socMax: number;
    readonly sizedBy: string;
  };
  readonly roundTrips: readonly { readonly power: number; readonly ambient: number; readonly dc: number; readonly ac: number; readonly acWithAuxiliaries: number }[];
  readonly years: readonly BatteryYear[];
  /** Fleet mean relative capacity and resistance at the start of each year and the end of the last (years + 1). */
  readonly capacity: readonly number[];
  readonly resistance: readonly number[];
  readonly replacements: readonly { readonly year: number; readonly racks: number; readonly energy: number; readonly cost: number; readonly kind: 'augmentation' | 'replacement' }[];
  /** The fleet left after the last year. energy: nominal DC energy, J; valuePerEnergy: money/J; value: money. */
  readonly endOfLife: { readonly energy: number; readonly valuePerEnergy: number; readonly value: number; readonly basis: string };
  /** Every shipped model of the chemistry under the plant's first-year duty: the models' spread is model uncertainty. */
  readonly spread: readonly { readonly model: string; readonly name: string; readonly capacity: readonly number[]; readonly yearsTo80: number | null }[];
  readonly notes: readonly string[];
}

/** Each operating year's money and energy as the finance takes them. Units: J, money per year. */
export interface LiIonYears {
  readonly discharged: readonly number[];
  readonly sales: readonly number[];
  readonly chargingCost: readonly number[];
  /** Value of the modules retired at the start of each year (replacement), money. */
  readonly retiredValue: readonly number[];
}

export interface LiIonRun {
  /** The new plant's performance (year 1). */
  readonly performance: PlantPerformance;
  /** The first year's dispatch (what the results show hour by hour). */
  readonly firstYear: YearDispatch;
  readonly battery: BatteryDetail;
  readonly years: LiIonYears;
}

/** The year's dispatch of the plant as it is that year; wearCost is the degradation cost steering it, money/J. */
export type LiIonDispatch = (performance: PlantPerformance, wearCost: number) => Promise<YearDispatch>;

/** What a year's dispatch gives the life: its schedule and energies. */
export type YearDispatch = Pick<DispatchResult, 'schedule' | 'chargedEnergy' | 'dischargedEnergy'>;

/** Money of a year's schedule: sales and charging cost (the caller's market rules). */
export type LiIonMoney = (schedule: DispatchResult['schedule']) => { readonly sales: number; readonly chargingCost: number };

const CHEMISTRY_OF_CELL: Readonly<Record<string, RecyclingChemistry>> = { LFP: 'LFP', NMC: 'NCM523', NCM: 'NCM523' };

export async function runLiIonPlant(
  raw: Record<string, unknown>,
  where: string,
  site: SiteSpec,
  finance: { readonly currency: string; readonly operatingYears: number },
  dispatchYear: LiIonDispatch,
  money: LiIonMoney,
): Promise<LiIonRun> {
  const { endOfLifeValue: eolRaw, ...rest } = raw;
  if ('years' in rest && rest.years !== finance.operatingYears) {
    throw new ProjectError(`${where}.years`, String(rest.years), `the finance section's operating years (${finance.operatingYears}), or leave it out`);
  }
  const parsed = LiIonParametersSchema.safeParse({ ...rest, years: finance.operatingYears });
  if (!parsed.success) {
    throw new ProjectFileError(
      where,
      parsed.error.issues.map((i) => {
        const field = [where, ...i.path.map(String)].join('.');
        return { field, message: `${field}: ${i.message}` };
      }),
    );
  }
  const params = liIonParameters(parsed.data);
  const plant = buildLiIonPlant(params, site, where);
  const sys = plant.system;
  const cellChemistry = sys.cell.chemistry.split('/')[0];

  const eol = endOfLifeValue(eolRaw, `${where}.endOfLifeValue`, cellChemistry, finance.currency);

  const results: YearDispatch[] = [];
  let firstGrid: Float64Array | undefined;
  const life = await plant.runLife(async (performance, year, wearCost) => {
    const r = await dispatchYear(performance, wearCost);
    results[year] = r;
    const s: LiIonSchedule = { stepSeconds: r.schedule.stepSeconds, charge: r.schedule.charge, discharge: r.schedule.discharge };
    if (year === 0) firstGrid = Float64Array.from(s.discharge, (d, i) => d - s.charge[i]);
    return s;
  });

  // each year's money on what the plant delivered: the optimiser's schedule scaled to the energies the plant model
  // realised (curtailment at the SOC limits, the faded capacity), and the auxiliaries' electricity
  const discharged: number[] = [], sales: number[] = [], chargingCost: number[] = [], retiredValue: number[] = [];
  life.years.forEach((y, k) => {
    const r = results[k];
    const m = money(r.schedule);
    const outScale = r.dischargedEnergy > 0 ? y.energyOut / r.dischargedEnergy : 0;
    const inScale = r.chargedEnergy > 0 ? y.energyIn / r.chargedEnergy : 0;
    // the HVAC and other auxiliaries draw from the grid around the clock: bought at the year's mean price
    let priceSum = 0;
    for (const p of r.schedule.price) priceSum += p;
    const auxiliaryCost = y.auxiliaryEnergy * (priceSum / r.schedule.price.length);
    discharged.push(y.energyOut);
    sales.push(m.sales * outScale);
    chargingCost.push(m.chargingCost * inScale + auxiliaryCost);
    retiredValue.push(y.retiredModules * sys.moduleEnergy * eol.valuePerEnergy);
  });

  const replacements = life.years
    .filter((y) => y.racksAdded > 0 && y.year > 0)
    .map((y) => ({ year: y.year, racks: y.racksAdded, energy: y.addedEnergy, cost: y.addedCost, kind: (y.retiredModules > 0 ? 'replacement' : 'augmentation') as 'augmentation' | 'replacement' }));
  const racksLeft = life.years.length ? life.years[life.years.length - 1].racks + 0 : sys.racks;
  const eolEnergy = racksLeft * sys.modulesPerRack * sys.moduleEnergy;
  const info = lifeModelInfos().find((m) => m.id === life.lifeModel)!;

  return {
    performance: plant.performance,
    firstYear: results[0],
    years: { discharged, sales, chargingCost, retiredValue },
    battery: {
      cell: params.cell,
      chemistry: sys.cell.chemistry,
      lifeModel: life.lifeModel,
      lifeModelName: info.name,
      layout: {
        racks: sys.racks,
        cellsPerRack: sys.cellsPerRack,
        modulesPerRack: sys.modulesPerRack,
        containers: sys.containers,
        nominalEnergy: sys.nominalEnergy,
        energy: sys.energy,
        power: sys.power,
        socMin: sys.socMin,
        socMax: sys.socMax,
        sizedBy: sys.sizedBy,
      },
      roundTrips: plant.roundTrips.map((t) => ({ power: t.power, ambient: t.ambient, dc: t.dc, ac: t.ac, acWithAuxiliaries: t.acWithAuxiliaries })),
      years: life.years.map(({ gridPower: _grid, ...year }) => year),
      capacity: life.capacity,
      resistance: life.resistance,
      replacements,
      endOfLife: { energy: eolEnergy, valuePerEnergy: eol.valuePerEnergy, value: eolEnergy * eol.valuePerEnergy, basis: eol.basis },
      spread: firstGrid ? modelSpread(plant, firstGrid, results[0].schedule.stepSeconds, finance.operatingYears) : [],
      notes: [...plant.notes, ...life.notes, `end-of-life value: ${eol.basis}`],
    },
  };
}

/** Every shipped life model of the cell's chemistry under the first year's duty of the new plant, repeated. */
function modelSpread(plant: ReturnType<typeof buildLiIonPlant>, grid: Float64Array, stepSeconds: number, years: number): BatteryDetail['spread'] {
  const sys = plant.system;
  const n = (365 * 86400) / stepSeconds;
  const ambient = plant.ambientYear(stepSeconds);
  const start = Math.min(Math.max(ambient[0], sys.thermal.heatingSetpoint), sys.thermal.coolingSetpoint);
  const op = operate(sys, { racks: sys.racks, capacityFraction: 1, resistanceGrowth: 1 }, stepSeconds, grid.subarray(0, n), ambient, { soc: sys.socMin, temperature: start });
  const time = Float64Array.from({ length: n + 1 }, (_, k) => k * stepSeconds);
  const duty = makeDuty(time, op.soc, op.temperature, op.cRate);
  const family = sys.cell.chemistry.split('/')[0].slice(0, 3).toUpperCase();
  return lifeModelInfos()
    .filter((m) => m.chemistry.toUpperCase().startsWith(family))
    .map((m) => {
      const r = lifeUnderDuty(createLifeModel(m.id), duty, years);
      return { model: m.id, name: m.name, capacity: r.capacity, yearsTo80: r.yearsTo80 };
    });
}

/** The value of retired modules per nominal energy: the file's, or the recycling model's best route (CNY only). */
function endOfLifeValue(raw: unknown, field: string, cellChemistry: string, currency: string): { valuePerEnergy: number; basis: string } {
  if (raw !== undefined) {
    let v: number;
    try {
      v = parseQuantity(raw as string | number, 'pricePerEnergy', field);
    } catch (e) {
      if (e instanceof UnitError) throw new ProjectError(field, String(raw), 'a value per energy in the plant’s currency, e.g. "150 yuan/kWh"');
      throw e;
    }
    return { valuePerEnergy: v, basis: `given in the file (${String(raw)})` };
  }
  const chemistry = CHEMISTRY_OF_CELL[cellChemistry.toUpperCase().slice(0, 3)];
  if (currency !== 'CNY' || !chemistry) {
    return { valuePerEnergy: 0, basis: `none: the recycling model prices in CNY for LFP and NCM cells; give parameters.endOfLifeValue for ${cellChemistry} in ${currency}` };
  }
  const best = recyclingValue(chemistry);
  return { valuePerEnergy: best.value, basis: `what a recycler can pay: ${best.route} route, the recycling model's best for ${chemistry} (CN-2024 recovery, documented CN cost estimate, CN-2025-06 prices), ${(best.value * 3.6e6).toFixed(1)} yuan/kWh of nameplate` };
}

/** The best route's net value per nameplate energy of retired storage modules of a chemistry, yuan/J. */
export function recyclingValue(chemistry: RecyclingChemistry): { route: string; value: number } {
  // a line sized for 100,000 modules of 14.3 kWh (105 kg) a year, as examples/recycling; the gate fee left at 0 so
  // that the net value is what the recycler could pay
  const spec = parseRecyclingPlant({
    name: 'retired storage modules',
    feed: [{ chemistry, form: 'module', unitsPerYear: 100000, unitMass: '105 kg', unitEnergy: '14.336 kWh', gateFee: '0 yuan/t' }],
    line: { capacity: '3.2 t/h', hoursPerYear: '7200 h', availability: '90 %', staff: 160, labourCostPerPerson: '110000 yuan' },
    sorting: { secondLifeShare: '0 %' },
    route: 'hydro',
    recovery: 'CN-2024',
    costs: PROCESS_COSTS_CN_ESTIMATE.hydro, // the file form (strings), as parseRecyclingPlant reads it
    prices: { snapshot: 'CN-2025-06' },
  });
  if (!spec.ok) throw new Error(`recycling value: ${spec.issues.map((i) => i.message).join('; ')}`);
  const byRoute = { hydro: estimatedCosts('hydro'), pyro: estimatedCosts('pyro'), direct: estimatedCosts('direct') };
  const rows = compareRoutes(spec.value, byRoute);
  let best = rows[0];
  for (const r of rows) if (r.netValuePerEnergy > best.netValuePerEnergy) best = r;
  return { route: best.route, value: best.netValuePerEnergy };
}
