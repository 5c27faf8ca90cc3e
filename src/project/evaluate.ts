/**
 * The end-to-end run of a project: for each plant, its performance (from its thermodynamic template or given
 * directly) → a year of dispatch against the market's prices → (for a template plant) the schedule replayed
 * through the plant's transient model → the cash flows, NPV, IRRs, payback, DSCR and LCOS in two conventions.
 *
 * Conventions (also in the results): the dispatched year stands for every operating year (a battery's energies
 * and revenues fade by its annual degradation); revenue = arbitrage at the market's prices + capacity payment +
 * ancillary reserve; charging cost = Σ price × charge × Δt; fuel (diabatic CAES) is an operating cost stream.
 */
import {
  solveRollingDispatch,
  persistenceForecast,
  type DispatchResult,
  type Foresight,
  type PriceSeries,
} from '../dispatch/index.js';
import { envelopeFromMaps, mapsFromCurves, startUpOptions } from '../dispatch/feasible/envelope.js';
import { hasStartUp } from '../dispatch/feasible/replay-startup.js';
import { runFeasibleJob, type FeasibleRunner } from './feasible-job.js';
import { solveCyclicPlainDispatch } from './cyclic-dispatch.js';
import { PeriodicCache } from '../plant/templates/periodic-cache.js';
import { liIonLifeKey, yearDispatchKey } from './year-cache.js';
import {
  evaluateProject,
  financeMonteCarlo,
  financeTornado,
  lcosLazard,
  parseFinanceSection,
  type FinanceMetricName,
  type MonteCarloResult,
  type ProjectFinanceInputs,
} from '../finance/index.js';
import { compensatedSum } from '../numerics/index.js';
import { formatNumber, SECONDS_PER_YEAR } from '../units/index.js';
import { ancillaryRevenuePerYear, capacityRevenuePerYear, priceSeries } from './market.js';
import { linearPerformance, type PlantPerformance } from './performance.js';
import type { PlantDetail, ReplayReport, TemplatePlant } from './template-plant.js';
import { storageParams } from './storage.js';
import type { PlantCache } from './study/plant-cache.js';
import { LI_ION_TEMPLATE, runLiIonPlant, type BatteryDetail, type LiIonRun } from './li-ion-evaluate.js';
import { financeFigures, type FinanceFigures } from './cash-flow-data.js';
import { parseRecyclingPlantProject } from './recycling-plant.js';
import { recyclingEvaluation, type RecyclingEvaluation } from './recycling-evaluate.js';
import type { PlantSpec, ProjectSpec } from './schema.js';
import { ProjectError, ProjectFileError } from './errors.js';
import { readFromMap, type ReadText } from './read-text.js';

/** Progress of a long run: which stage of which plant, and how far. */
export type ProjectProgress = (event: { readonly plant: string; readonly stage: string; readonly done: number; readonly total: number }) => void;

export interface EvaluateOptions {
  /** Reads a file the project names (a price file); the Node edge reads relative to the project file (files.ts). */
  readonly readText?: ReadText;
  readonly onProgress?: ProjectProgress;
  /** Called with each plant's evaluation as soon as it is done (results arrive as they are computed). */
  readonly onPlant?: (plant: PlantEvaluation, index: number) => void;
  /** Reuses template plants and their year of dispatch across evaluations by the hash of what each depends on (src/project/study/plant-cache.ts). */
  readonly plantCache?: PlantCache;
  /**
   * Evaluates plants[index] elsewhere (the Node edge's worker threads, src/project/parallel-node.ts, each running
   * evaluatePlantOf): the plants are then evaluated concurrently, and onProgress is the runner's to call.
   */
  readonly plantRunner?: (index: number) => Promise<PlantEvaluation>;
  /**
   * Runs the plant-feasible dispatches (the DP and its LP bound) elsewhere (the Node edge's dispatch thread,
   * dispatch-thread-node.ts): each plant then goes on with its detail, and the next plant with its design, while
   * its dispatch runs. Default: here, in turn.
   */
  readonly dispatchRunner?: FeasibleRunner;
  /**
   * With dispatchRunner: evaluates plants[index] elsewhere (a promise of its evaluation, started before this thread
   * begins its first plant) or here (undefined). The Node edge sends a li-ion plant's life of yearly dispatches to
   * the dispatch thread so that it runs beside the template plants' physics (dispatch-thread-node.ts). A plant that
   * fails there is evaluated here, so that its error is the in-process one.
   */
  readonly plantElsewhere?: (index: number) => Promise<PlantEvaluation> | undefined;
  /**
   * With dispatchRunner: once this thread has started every plant it evaluates and would only wait, it calls this
   * to run here work sent elsewhere that has not begun there (a dispatch, a plant: then its promise rejects and the
   * plant is evaluated here); the promise of that work done, or undefined when there is none.
   */
  readonly helpElsewhere?: () => Promise<void> | undefined;
}

export interface PlantEvaluation {
  readonly name: string;
  readonly performance: PlantPerformance;
  /** Design-point figures and the design cycle's metrics of a template plant. */
  readonly plantModel?: TemplatePlant['summary'];
  readonly dispatch: {
    /** dp: the plant-feasible dynamic programme; lp, milp: the linear programme, with or without binaries. */
    readonly formulation: 'lp' | 'milp' | 'dp';
    readonly horizon: DispatchResult['horizon'];
    readonly status: string;
    readonly solveSeconds: number;
    /** The LP relaxation's optimum (dp): no schedule the plant can follow earns more (net of its costs), money. */
    readonly bound?: number;
    /** (bound − net revenue) ÷ |bound| (dp). */
    readonly gap?: number;
    /** Net revenue with perfect foresight, and what knowing the prices is worth (rolling forecasts, dp), money. */
    readonly perfectForesight?: { readonly netRevenue: number; readonly value: number };
    /** Arbitrage revenue of the year, money. */
    readonly revenue: number;
    /** J */
    readonly charged: number;
    /** J */
    readonly discharged: number;
    readonly equivalentFullCycles: number;
    /** Variable costs the optimiser saw (fuel, battery wear), money. */
    readonly variableCost: number;
    /** Minimum loads relaxed in an LP. */
    readonly relaxed: readonly string[];
  };
  /** Design-point tables, process paths and one transient cycle of a template plant (what the plant views draw). */
  readonly plantDetail?: PlantDetail;
  /** The schedule run through the plant's transient model (template plants). */
  readonly replay?: ReplayReport;
  /** A li-ion plant's battery model: layout, round trips, life year by year, replacements, end of life, the models' spread. */
  readonly battery?: BatteryDetail;
  readonly finance: FinanceFigures & {
    readonly minDscr: number | null;
    /** Schmidt et al. 2019: discounted lifetime costs (incl. charging) over discounted discharged energy; null when
     *  no energy is discharged (see lcosNote). money/J */
    readonly lcosSchmidt: number | null;
    /** Why an LCOS is undefined (a plant that discharges nothing, e.g. at constant prices). */
    readonly lcosNote?: string;
    /** Lazard: the levelised price per discharged energy that meets the target equity IRR. money/J */
    readonly lcosLazard: number | null;
    readonly lazardTargetEquityIrr: number;
    /** On the schedule the plant realises (the replay for a template plant). money */
    readonly revenuePerYear: { readonly arbitrage: number; readonly capacity: number; readonly ancillary: number };
    /** The tornado of the finance section, with the metric it varies (src/finance/knobs.ts FINANCE_METRICS). */
    readonly tornado?: ReturnType<typeof financeTornado> & { readonly metric: FinanceMetricName };
    readonly monteCarlo?: MonteCarloData;
  };
  /** Hourly (per step) schedule, SI. */
  readonly schedule: DispatchResult['schedule'];
}

export type { YearlyCashFlow } from './cash-flow-data.js';

export interface ProjectEvaluation {
  readonly name: string;
  readonly site: ProjectSpec['site'];
  readonly prices: { readonly startMs: number; readonly stepSeconds: number; readonly steps: number; readonly mean: number; readonly min: number; readonly max: number };
  readonly plants: readonly PlantEvaluation[];
  /** The project's battery recycling plants (its `recycling` list), when it has any. */
  readonly recycling?: readonly RecyclingEvaluation[];
  readonly conventions: readonly string[];
  readonly seconds: number;
}

export const CONVENTIONS: readonly string[] = [
  'The dispatched year stands for every operating year; a battery’s energies and revenues fade by its annual degradation.',
  'Revenue = arbitrage at the market prices + capacity payment on the discharge power + ancillary reserve; charging cost = Σ price × charge × Δt.',
  'A battery’s degradation cost per MWh steers the dispatch only; in the cash flows its wear appears as capacity fade and the replacements of its finance section.',
  'A li-ion plant (the battery model) is dispatched every operating year on its faded capacity, steered by the wear cost its life model implies; its racks added or replaced are capex in their year, its auxiliaries’ electricity is bought at the year’s mean price, and its retired modules are sold at their end-of-life value.',
  'A template plant is designed at the annual mean ambient temperature of the site; its efficiencies, power limits and part-load curves come from its own design cycle and part-load maps, and the dispatch schedule is replayed through its transient model.',
  'For a template plant the energies and money are counted on the replayed schedule (what the plant model can do of the optimiser’s schedule), not on the optimiser’s own.',
  'LCOS (Schmidt et al. 2019): discounted capex, O&M, charging and end-of-life costs over discounted discharged energy, pre-tax, at the discount rate.',
  'LCOS (Lazard): the constant price per discharged MWh that gives the target after-tax equity IRR (default: the equity discount rate) in the full cash-flow model with tax and debt.',
]; 

/** Runs a parsed project. */
export async function evaluate(project: ProjectSpec, options: EvaluateOptions = {}): Promise<ProjectEvaluation> {
  const t0 = performance.now();
  const readText = options.readText ?? readFromMap({});
  const series = priceSeries(project.market, project.site, readText);
  const plants: PlantEvaluation[] = [];
  const runner = options.plantRunner;
  if (runner) {
    plants.push(...(await Promise.all(project.plants.map(async (_, i) => {
      const plant = await runner(i);
      options.onPlant?.(plant, i);
      return plant;
    }))));
  } else if (options.dispatchRunner) {
    plants.push(...(await overlapped(project, series, options, readText, options.dispatchRunner)));
  } else {
    for (const [i, spec] of project.plants.entries()) {
      const plant = await evaluatePlant(project, spec, i, series, options.onProgress, readText, options.plantCache);
      plants.push(plant);
      options.onPlant?.(plant, i);
    }
  }
  const recycling = project.recycling.map((entry, i) => {
    const parsed = parseRecyclingPlantProject(entry);
    if (!parsed.ok) throw new ProjectFileError(`recycling[${i}]`, parsed.issues.map((x) => ({ field: `recycling[${i}].${x.field}`, message: `recycling[${i}].${x.message}` })));
    options.onProgress?.({ plant: parsed.value.name, stage: 'recycling plant', done: 0, total: 1 });
    return recyclingEvaluation(parsed.value);
  });
  const prices = series.prices;
  let min = Infinity;
  let max = -Infinity;
  for (const p of prices) {
    min = Math.min(min, p);
    max = Math.max(max, p);
  }
  return {
    name: project.name,
    site: project.site,
    prices: { startMs: series.startMs, stepSeconds: series.stepSeconds, steps: prices.length, mean: compensatedSum(prices) / prices.length, min, max },
    plants,
    ...(recycling.length ? { recycling } : {}),
    conventions: CONVENTIONS,
    seconds: (performance.now() - t0) / 1000,
  };
}

/**
 * The plants in the file's order, each started once the one before waits on its dispatch elsewhere (or is done):
 * the main thread designs plant i + 1 while plant i's dispatch runs; the plants evaluated elsewhere
 * (plantElsewhere) are all started first, and once every plant is started this thread takes back the work sent
 * elsewhere that has not begun there (helpElsewhere) instead of waiting for it. What each plant gives is unchanged
 * (the plants are independent); an error is the first failing plant's in the file's order, as evaluated in turn,
 * and no plant is started here after one has failed.
 */
async function overlapped(project: ProjectSpec, series: PriceSeries, options: EvaluateOptions, readText: ReadText, runner: FeasibleRunner): Promise<PlantEvaluation[]> {
  const here = (spec: PlantSpec, i: number) => evaluatePlant(project, spec, i, series, options.onProgress, readText, options.plantCache, runner);
  const elsewhere = project.plants.map((spec, i) => {
    const there = options.plantElsewhere?.(i);
    if (!there) return undefined;
    const plant = there.catch(() => here(spec, i));
    plant.catch(() => undefined); // awaited in the file's order below
    return plant;
  });
  const started: Promise<PlantEvaluation>[] = [];
  let failedOne = false;
  for (const [i, spec] of project.plants.entries()) {
    const there = elsewhere[i];
    if (there) {
      started.push(there);
      continue;
    }
    if (failedOne) break;
    const plant = here(spec, i);
    started.push(plant);
    const settled = plant.then(
      () => undefined,
      () => {
        failedOne = true;
      },
    );
    // all of a plant's own work runs in tasks of this thread: after one macrotask it is done or waiting elsewhere
    await Promise.race([settled, new Promise<void>((resolve) => setTimeout(resolve, 0))]);
  }
  const finished = started.map((p) => {
    const state = { done: false };
    p.then(
      () => (state.done = true),
      () => (state.done = true),
    );
    return state;
  });
  const plants: PlantEvaluation[] = [];
  for (const [i, p] of started.entries()) {
    // nothing of this thread's own left but to wait: it takes on what the other thread has not begun
    while (!finished[i].done) {
      const help = options.helpElsewhere?.();
      if (!help) break;
      await help;
    }
    const plant = await p;
    plants.push(plant);
    options.onPlant?.(plant, i);
  }
  return plants;
}

/** One plant of a project, as evaluate() evaluates it (what a worker thread runs for the plant runner). */
export async function evaluatePlantOf(project: ProjectSpec, index: number, options: Pick<EvaluateOptions, 'readText' | 'onProgress' | 'plantCache'> = {}): Promise<PlantEvaluation> {
  const spec = project.plants[index];
  if (!spec) throw new RangeError(`evaluatePlantOf: index = ${index} is not valid; valid: 0 … ${project.plants.length - 1}`);
  const readText = options.readText ?? readFromMap({});
  const series = priceSeries(project.market, project.site, readText);
  return evaluatePlant(project, spec, index, series, options.onProgress, readText, options.plantCache);
}

async function evaluatePlant(
  project: ProjectSpec,
  spec: PlantSpec,
  index: number,
  series: PriceSeries,
  onProgress: ProjectProgress | undefined,
  readText: ReadText,
  plantCache?: PlantCache,
  runner: FeasibleRunner = runFeasibleJob,
): Promise<PlantEvaluation> {
  const where = `plants[${index}]`;
  const report = (stage: string, done: number, total: number) => onProgress?.({ plant: spec.name, stage, done, total });
  const market = project.market;

  // 1. the plant
  report('plant model', 0, 1);
  let performance: PlantPerformance;
  let template: TemplatePlant | undefined;
  let annualDegradation = 0;
  let wearCost = 0;
  let liIon: LiIonRun | undefined;
  let liIonFirst: DispatchRun | undefined;
  const reservePower = market.ancillary?.power ?? 0;
  if (spec.performance) {
    const p = spec.performance;
    performance = linearPerformance(p);
    annualDegradation = p.annualDegradation;
    wearCost = p.degradationCost;
  } else if (spec.template === LI_ION_TEMPLATE) {
    // the battery's life runs the project's dispatch each year on the faded plant, steered by the wear cost its life
    // model implies; the first year's dispatch is the one the results show hour by hour
    const operatingYears = financeFor(spec, where, { dischargePower: 1 } as PlantPerformance, ZERO_YEAR).inputs.operatingYears;
    const lifeFinance = { currency: String(spec.finance.currency ?? ''), operatingYears };
    let year = 0;
    const live = async (): Promise<LiIonLife> => {
      let first: DispatchRun | undefined;
      const run = await runLiIonPlant(
        spec.parameters ?? {},
        `${where}.parameters`,
        project.site,
        lifeFinance,
        async (perf, wear) => {
          // the plant is laid out when its first year is dispatched; then each year is a step of the dispatch stage
          if (year === 0) report('plant model', 1, 1);
          report('dispatch', year, operatingYears);
          const r = slimRun(await dispatchPlant(project, spec, where, series, perf, undefined, { wearCost: wear, variableCost: wear, reservePower }, readText, runner));
          if (year++ === 0) first = r;
          return r.result;
        },
        (schedule) => moneyOf(schedule, schedule.charge, schedule.discharge, market.chargingSurcharge),
      );
      return { run, first: first! };
    };
    const lifeKey = liIonLifeKey(project, spec, series, lifeFinance, reservePower);
    const life = lifeKey === undefined ? await live() : await LI_ION_LIVES.getAsync(lifeKey, live);
    if (year === 0) report('plant model', 1, 1); // a kept life: nothing was dispatched
    liIon = life.run;
    liIonFirst = life.first;
    performance = liIon.performance;
  } else {
    // the template plants' physics loaded with the first one: a thread that evaluates only a li-ion plant (the
    // Node edge's dispatch thread) or only given performances does without it
    const { buildTemplatePlant } = await import('./template-plant.js');
    const build = () => buildTemplatePlant(spec.template!, spec.parameters ?? {}, project.site, `${where}.parameters`, (done, total) => report('plant cycle', done, total));
    template = plantCache ? plantCache.plant(spec, project.site, build) : build();
    performance = template.performance;
  }
  if (!liIon) report('plant model', 1, 1);

  // 2. a year of dispatch
  const variableCost = performance.fuelPerOutput * market.fuelPrice + wearCost;
  const minimumRun = Math.max(0, performance.dischargeCurve.output[0]);
  if (reservePower > 0 && !(reservePower < performance.dischargePower - minimumRun)) {
    throw new ProjectError(
      'market.ancillary.power',
      `${formatNumber(reservePower / 1e6, 6)} MW`,
      `less than the discharge power of ${spec.name} less its minimum load: ${formatNumber((performance.dischargePower - minimumRun) / 1e6, 6)} MW (the reserve is held back from arbitrage)`,
    );
  }
  if (!liIon) report('dispatch', 0, 1);
  const costs = { wearCost, variableCost, reservePower };
  const compute = async () => slimRun(await dispatchPlant(project, spec, where, series, performance, template, costs, readText, runner));
  const key = yearDispatchKey(project, spec, series, costs);
  const dispatch = () => (key === undefined ? compute() : YEAR_DISPATCHES.getAsync(key, compute));
  const dispatched = liIonFirst ? Promise.resolve(liIonFirst) : plantCache ? plantCache.dispatch(project, spec, series, costs, dispatch) : dispatch();
  // the plant's detail while the dispatch runs (on a dispatch thread: side by side); its failure is awaited below
  dispatched.catch(() => undefined);
  const plantDetail = template?.detail();
  const run = await dispatched;
  const r = run.result;
  report('dispatch', 1, 1);

  // 3. the schedule through the plant model
  let replay: ReplayReport | undefined;
  if (template) {
    report('replay', 0, 1);
    replay = template.replay(r.schedule, run.startUp);
    report('replay', 1, 1);
  }

  // 4. the money
  report('finance', 0, 1);
  // money on what the plant does: the replayed schedule for a template plant, the optimiser's otherwise
  const done = replay ?? { charge: r.schedule.charge, discharge: r.schedule.discharge, energyOut: r.dischargedEnergy, fuel: performance.fuelPerOutput * r.dischargedEnergy };
  const { sales: arbitrageSales, chargingCost } = moneyOf(r.schedule, done.charge, done.discharge, market.chargingSurcharge);
  const capacity = capacityRevenuePerYear(market, performance.dischargePower);
  const ancillary = ancillaryRevenuePerYear(market);
  const yearScale = SECONDS_PER_YEAR / (r.schedule.charge.length * r.schedule.stepSeconds);
  const finance = financeFor(spec, where, performance, {
    discharged: done.energyOut * yearScale,
    sales: arbitrageSales * yearScale,
    chargingCost: chargingCost * yearScale,
    capacity,
    ancillary,
    fuel: done.fuel * yearScale * market.fuelPrice,
    annualDegradation,
    ...(liIon ? { liIon } : {}),
  });
  const model = evaluateProject(finance.inputs);
  const summary = model.summary;
  const target = finance.inputs.equityDiscountRate ?? finance.inputs.discountRate;
  const lazard = lcosLazard(finance.inputs, { targetEquityIrr: target });
  const tornado = finance.sensitivity ? financeTornado(finance.inputs, finance.sensitivity.variables, finance.sensitivity.metric, (done, total) => report('sensitivity', done, total)) : undefined;
  const mc = finance.monteCarlo
    ? plainSamples(
        financeMonteCarlo(finance.inputs, finance.monteCarlo.variables, {
          draws: finance.monteCarlo.draws,
          seed: finance.monteCarlo.seed,
          keepSamples: true, // the histogram and P(NPV > 0) are drawn from the draws
          onProgress: (done, total) => report('Monte Carlo', done, total),
        }),
      )
    : undefined;
  report('finance', 1, 1);

  return {
    name: spec.name,
    performance,
    ...(template ? { plantModel: template.summary } : {}),
    ...(plantDetail ? { plantDetail } : {}),
    dispatch: {
      ...run.summary,
      revenue: r.revenue,
      charged: r.chargedEnergy,
      discharged: r.dischargedEnergy,
      equivalentFullCycles: r.equivalentFullCycles,
    },
    ...(replay ? { replay } : {}),
    ...(liIon ? { battery: liIon.battery } : {}),
    finance: {
      ...financeFigures(finance, model),
      minDscr: summary.minDscr ? summary.minDscr.value : null,
      lcosSchmidt: summary.lcos ? summary.lcos.value : null,
      ...(summary.lcos ? {} : { lcosNote: 'undefined: the plant discharges no energy (with these prices, doing nothing is the best schedule)' }),
      lcosLazard: lazard.ok ? lazard.value.price : null,
      lazardTargetEquityIrr: target,
      revenuePerYear: { arbitrage: (arbitrageSales - chargingCost) * yearScale, capacity, ancillary },
      ...(tornado && finance.sensitivity ? { tornado: { metric: finance.sensitivity.metric, ...tornado } } : {}),
      ...(mc ? { monteCarlo: mc } : {}),
    },
    schedule: r.schedule,
  };
}

/** A dispatch run as evaluate uses it: the schedule and its money, and the dispatch section's summary. */
interface DispatchRun {
  readonly result: Pick<DispatchResult, 'schedule' | 'revenue' | 'chargedEnergy' | 'dischargedEnergy' | 'equivalentFullCycles'>;
  readonly summary: Omit<PlantEvaluation['dispatch'], 'revenue' | 'charged' | 'discharged' | 'equivalentFullCycles'>;
  /** The envelope's start-up times and energies, when it has any: the replay runs the schedule with them. */
  readonly startUp?: StartUps;
}

type StartUps = NonNullable<Parameters<TemplatePlant['replay']>[1]>;

/** Only what evaluate reads of a run (the solvers' results carry more), so that a kept run is what a fresh one gives. */
function slimRun(run: DispatchRun): DispatchRun {
  const r = run.result;
  return {
    result: { schedule: r.schedule, revenue: r.revenue, chargedEnergy: r.chargedEnergy, dischargedEnergy: r.dischargedEnergy, equivalentFullCycles: r.equivalentFullCycles },
    summary: run.summary,
    ...(run.startUp ? { startUp: run.startUp } : {}),
  };
}

/** A li-ion plant's life and its first year's run. */
interface LiIonLife {
  readonly run: LiIonRun;
  readonly first: DispatchRun;
}

/**
 * Years of dispatch and li-ion lives computed in this process (and, with a persistent store, in earlier ones: a
 * second `chuneng evaluate` of the same project), by everything they depend on (year-cache.ts).
 */
const YEAR_DISPATCHES = new PeriodicCache<DispatchRun>(8, 'year-dispatch');
const LI_ION_LIVES = new PeriodicCache<LiIonLife>(4, 'li-ion-life');

/** Start-up times and energies, or a daily limit of starts: what only the plant-feasible DP models. */
const startUpsAsked = (d: ProjectSpec['dispatch']): boolean => d.startUp !== undefined || d.dailyStartLimit !== undefined;

/**
 * The project's dispatch method for a plant: the plant-feasible DP for a template plant (not li-ion) or a plant
 * with a minimum load, start costs or start-ups, the LP (or the MILP) otherwise or when the file asks for it.
 */
export function dispatchMethod(project: ProjectSpec, spec: PlantSpec): 'lp' | 'milp' | 'dp' {
  const d = project.dispatch;
  const templated = spec.template !== undefined && spec.template !== LI_ION_TEMPLATE;
  const linear = !templated && !((spec.performance?.minimumLoad ?? 0) > 0) && !d.startCost && !d.minimumLoad && !startUpsAsked(d);
  return d.milp ? 'milp' : d.method === 'auto' ? (linear ? 'lp' : 'dp') : d.method;
}

/**
 * The year's dispatch of one plant by the project's method: the plant-feasible DP for a template plant (its own
 * part-load maps) or a plant with a minimum load or start cost, the LP (or MILP) otherwise or when asked for.
 */
async function dispatchPlant(
  project: ProjectSpec,
  spec: PlantSpec,
  where: string,
  series: PriceSeries,
  performance: PlantPerformance,
  template: TemplatePlant | undefined,
  costs: { wearCost: number; variableCost: number; reservePower: number },
  readText: ReadText,
  runner: FeasibleRunner,
): Promise<DispatchRun> {
  const d = project.dispatch;
  const market = project.market;
  const method = dispatchMethod(project, spec);
  if (method !== 'dp' && startUpsAsked(d)) {
    // only the plant-feasible DP models start-up times and energies and a daily limit of starts
    const field = d.startUp !== undefined ? 'dispatch.startUp' : 'dispatch.dailyStartLimit';
    throw new ProjectError(field, d.startUp ?? d.dailyStartLimit, `no ${field.slice('dispatch.'.length)} with the ${method.toUpperCase()} (only the dp method models it: dispatch.method dp or auto)`);
  }
  const h = d.horizon;
  const foresight = (): Foresight => {
    if (h === 'year' || h.rolling.foresight === 'perfect') return { kind: 'perfect' };
    if (h.rolling.foresight === 'persistence') {
      return { kind: 'forecast', prices: persistenceForecast(series.prices, Math.round(86400 / series.stepSeconds)), name: 'persistence (same hour, previous day)' };
    }
    const file = h.rolling.foresight.forecast;
    const forecast = priceSeries({ ...market, tariff: undefined, prices: file }, project.site, readText);
    if (forecast.prices.length !== series.prices.length || forecast.startMs !== series.startMs || forecast.stepSeconds !== series.stepSeconds) {
      throw new ProjectError('dispatch.horizon.rolling.foresight.forecast', file, `a forecast on the price series' own steps (${series.prices.length} of ${series.stepSeconds} s)`);
    }
    return { kind: 'forecast', prices: forecast.prices, name: file };
  };
  const rolling = h === 'year' ? undefined : { windowSeconds: h.rolling.window, commitSeconds: h.rolling.step, foresight: foresight() };
  const failedWith = (reason: string) => new ProjectError(`${where}.dispatch`, spec.name, `a dispatch the solver can finish (${reason})`);

  if (method === 'dp') {
    const maps =
      template?.maps ??
      mapsFromCurves({ capacity: performance.energyCapacity, standingLoss: performance.standingLoss, chargeCurve: performance.chargeCurve, dischargeCurve: performance.dischargeCurve, fuelPerOutput: performance.fuelPerOutput });
    const envelope = envelopeFromMaps(
      maps,
      {
        socMin: d.socMin,
        socMax: d.socMax,
        ...(d.minimumLoad ? { minimumLoad: d.minimumLoad } : {}),
        reservePower: costs.reservePower,
        ...(d.startCost ? { startCost: d.startCost } : {}),
        ...(d.dailyCycleLimit !== undefined ? { dailyCycleLimit: d.dailyCycleLimit } : {}),
        ...(d.startUp ? { startUp: startUpOptions(d.startUp) } : {}),
        ...(d.dailyStartLimit !== undefined ? { dailyStartLimit: d.dailyStartLimit } : {}),
        fuelPrice: market.fuelPrice,
        wearCost: costs.wearCost,
        chargeSurcharge: market.chargingSurcharge,
      },
      'dispatch',
    );
    const options = { ...(d.grid ?? {}), ...(d.socStart !== undefined ? { socStart: d.socStart } : {}), bound: d.bound };
    const result = await runner({ series, envelope, ...(rolling ? { rolling } : {}), options });
    if (!result.ok) throw failedWith(result.reason);
    const r = result.value;
    return {
      result: r,
      ...(hasStartUp(envelope) ? { startUp: envelope.startUp } : {}),
      summary: {
        formulation: 'dp',
        horizon: r.horizon,
        status: r.endShortfall > 0 ? `end ${formatNumber(r.endShortfall / 3.6e9, 4)} MWh short of the start` : 'optimal on the grid',
        solveSeconds: r.seconds.tables + r.seconds.dp + r.seconds.bound,
        variableCost: r.costs.fuel + r.costs.wear + r.costs.starts,
        relaxed: [],
        ...(r.bound !== undefined ? { bound: r.bound, gap: r.gap! } : {}),
        ...(r.perfectForesight ? { perfectForesight: r.perfectForesight } : {}),
      },
    };
  }
  const { storage, relaxed } = storageParams(performance, { ...d, milp: method === 'milp' }, costs.variableCost, { chargeCost: market.chargingSurcharge, reservePower: costs.reservePower });
  const dispatchOptions = { milp: method === 'milp', timeLimitSeconds: d.timeLimit };
  const result = rolling ? await solveRollingDispatch(series, storage, rolling, dispatchOptions) : await solveCyclicPlainDispatch(series, storage, dispatchOptions);
  if (!result.ok) throw failedWith(result.reason);
  const r = result.value;
  return {
    result: r,
    summary: { formulation: r.formulation, horizon: r.horizon, status: r.status, solveSeconds: r.solveSeconds, variableCost: r.degradationCost, relaxed },
  };
}

/** A Monte Carlo result with its draws as plain arrays (JSON): each variable's sampled values, each metric's values. */
export type MonteCarloData = Omit<MonteCarloResult, 'samples'> & {
  readonly samples?: { readonly inputs: Readonly<Record<string, readonly number[]>>; readonly metrics: Readonly<Record<string, readonly (number | null)[]>> };
};

function plainSamples(mc: MonteCarloResult): MonteCarloData {
  const { samples, ...rest } = mc;
  if (!samples) return rest;
  const inputs: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(samples.inputs)) inputs[k] = Array.from(v);
  return { ...rest, samples: { inputs, metrics: samples.metrics } };
}

/**
 * A year's arbitrage money on the powers a plant realises: sales, and the charging cost with the surcharge (network
 * charges) paid on every unit drawn, beside the price. money
 */
function moneyOf(schedule: DispatchResult['schedule'], charge: Float64Array, discharge: Float64Array, surcharge: number): { sales: number; chargingCost: number } {
  const dt = schedule.stepSeconds;
  return { sales: sumOf(schedule.price, discharge, dt), chargingCost: sumOf(schedule.price, charge, dt) + surcharge * compensatedSum(charge) * dt };
}

/** Σ price × power × Δt, compensated. */
function sumOf(price: Float64Array, power: Float64Array, dt: number): number {
  const terms = new Float64Array(price.length);
  fillTerms(terms, price, power, dt);
  return compensatedSum(terms);
}

/**
 * sumOf's hourly loop in a function of its own with nothing after it: V8 compiles a long loop on its own (OSR), and
 * when that code held the compensated sum after the loop, which had not yet run, each later call left it there
 * ('insufficient type feedback', 12 times an evaluation of the Luoyang comparison).
 */
function fillTerms(terms: Float64Array, price: Float64Array, power: Float64Array, dt: number): void {
  for (let i = 0; i < price.length; i++) terms[i] = price[i] * power[i] * dt;
}

/**
 * The plant's finance section with the run's figures filled in: its own capex, O&M, tax and debt, and the
 * operation (discharged energy, charging cost, revenues, fuel and wear as cost streams) from the dispatch.
 */
function financeFor(
  spec: PlantSpec,
  where: string,
  perf: PlantPerformance,
  year: { discharged: number; sales: number; chargingCost: number; capacity: number; ancillary: number; fuel: number; annualDegradation: number; liIon?: LiIonRun },
) {
  const section = { ...spec.finance, ratedPower: perf.dischargePower, operation: { kind: 'series', energyDischarged: 0, chargingCost: 0 } };
  const parsed = parseFinanceSection(section);
  if (!parsed.ok) {
    throw new ProjectFileError(`${where}.finance`, parsed.issues.map((i) => ({ field: `${where}.finance.${i.field}`, message: `${where}.finance.${i.message}` })));
  }
  const f = parsed.value;
  const N = f.inputs.operatingYears;
  const fade = (n: number) => (1 - year.annualDegradation) ** n;
  const perYear = (v: number) => Float64Array.from({ length: N }, (_, n) => v * fade(n));
  // a li-ion plant's years come from its life: each year's own dispatch on the faded plant, its racks added or
  // replaced (capex in their year), the retired modules and the fleet left at the end sold at their value
  const li = year.liIon;
  const series = (v: readonly number[]) => Float64Array.from({ length: N }, (_, n) => v[n]);
  const inputs: ProjectFinanceInputs = {
    ...f.inputs,
    ...(li
      ? {
          replacements: [...(f.inputs.replacements ?? []), ...li.battery.replacements.map((x) => ({ operatingYear: x.year + 1, cost: x.cost }))],
          endOfLife: { ...f.inputs.endOfLife, salvageValue: (f.inputs.endOfLife?.salvageValue ?? 0) + Math.max(0, li.battery.endOfLife.value) },
        }
      : {}),
    operation: {
      energyDischarged: li ? series(li.years.discharged) : perYear(year.discharged),
      chargingCost: li ? series(li.years.chargingCost) : perYear(year.chargingCost),
      revenues: [
        { name: 'energy sales', amounts: li ? series(li.years.sales) : perYear(year.sales) },
        ...(li && li.years.retiredValue.some((v) => v !== 0) ? [{ name: 'retired modules', amounts: series(li.years.retiredValue) }] : []),
        ...(year.capacity !== 0 ? [{ name: 'capacity payment', amounts: perYear(year.capacity).fill(year.capacity) }] : []),
        ...(year.ancillary !== 0 ? [{ name: 'ancillary reserve', amounts: perYear(year.ancillary).fill(year.ancillary) }] : []),
        ...f.inputs.operation.revenues,
      ],
    },
    om: {
      ...f.inputs.om,
      other: [
        ...(f.inputs.om.other ?? []),
        // natural gas carries 9 % VAT in China (MOF/STA/GACC announcement 2019 No. 39)
        ...(year.fuel > 0 ? [{ name: 'fuel', amounts: perYear(year.fuel), inputVatRate: 0.09 }] : []),
      ],
    },
  };
  return { ...f, inputs };
}

/** The finance section read for its time line only (a li-ion plant's life runs its operating years). */
const ZERO_YEAR = { discharged: 0, sales: 0, chargingCost: 0, capacity: 0, ancillary: 0, fuel: 0, annualDegradation: 0 };
