/**
 * A plant built from a thermodynamic template (src/plant/templates): its performance for dispatch and finance
 * (from the plant's own design cycle and part-load maps), a summary of its design, and the replay of a dispatch
 * schedule through its transient model.
 */
import type { DispatchSchedule } from '../dispatch/index.js';
import { createPlant, isTemplateName, TEMPLATE_NAMES, TemplateParameterError, TemplatePlantModel, type PartLoadMaps, type PlantModel, type PlantPerformance as TemplatePerformance } from '../plant/templates/index.js';
import { canonicalJson, PeriodicCache } from '../plant/templates/periodic-cache.js';
import { replaySchedule } from '../plant/transient/replay.js';
import type { OperatingEnvelope } from '../dispatch/feasible/envelope.js';
import { hasStartUp, replayWithStartUp, type Replay } from '../dispatch/feasible/replay-startup.js';
import { PlantInputError } from '../plant/errors.js';
import type { ProcessPathData } from '../plant/network/solution.js';
import type { PlantPerformance } from './performance.js';
import type { SiteSpec } from './schema.js';
import { ProjectError, ProjectFileError } from './errors.js';
import { designAmbient } from './site-ambient.js';

export interface ReplayReport {
  readonly feasible: boolean;
  readonly violationCount: number;
  /** The first violations: step, limit, value, bound (SI). */
  readonly violations: readonly { readonly step: number; readonly limit: string; readonly value: number; readonly bound: number }[];
  /** Electricity the plant model really draws and delivers for the schedule, and the dispatch's figures. J */
  readonly energyIn: number;
  readonly energyOut: number;
  readonly dispatchEnergyIn: number;
  readonly dispatchEnergyOut: number;
  /** Fuel burnt (LHV). J */
  readonly fuel: number;
  /** The replayed (realised) powers per step: what the plant model could do of the schedule. W */
  readonly charge: Float64Array;
  readonly discharge: Float64Array;
}

export interface TemplatePlant {
  /** The plant model (designed when first asked for: a plant kept in the cache is not designed again unless it is). */
  readonly model: PlantModel;
  readonly performance: PlantPerformance & TemplatePerformance;
  /** The part-load maps the dispatch and the replay use (a template model's maps()). */
  readonly maps?: PartLoadMaps;
  readonly summary: {
    readonly template: string;
    readonly technology: string;
    readonly ambientTemperature: number;
    readonly roundTripEfficiency: number;
    readonly roundTripEfficiencyWithFuel: number;
    readonly exergyEfficiency: number;
    readonly energyDensities: TemplatePerformance['energyDensities'];
    readonly chargeDuration: number;
    readonly dischargeDuration: number;
    readonly efficiencies: TemplatePerformance['efficiencies'];
    readonly figures: Record<string, { value: number; unit: string; note?: string }>;
    readonly notes: readonly string[];
    /**
     * How the periodic design cycle was found, and what its figures must be read with; with `storeBalance`, every
     * store part's balance over that cycle as measured (in, out, left, restored, heat lost, which store ended the
     * discharge: src/plant/templates/balance.ts) — what evaluate's results.json carries as plantModel.designCycle.
     */
    readonly designCycle: TemplatePerformance['designCycle'];
    readonly warnings: readonly string[];
  };
  /** The schedule through the plant's maps; with `startUp` (the DP's envelope had start-up times or energies) each
   *  run's first step as the plant starts it (src/dispatch/feasible/replay-startup.ts). */
  replay(schedule: DispatchSchedule, startUp?: OperatingEnvelope['startUp']): ReplayReport;
  /** The design points' stream and component tables with their p–h / T–s paths, and the plant's cycle with a hold. */
  detail(): PlantDetail;
}

/** A solved design point as plain data: Solution.toJSON() (streams, components, balances) and its process paths. */
export interface DesignPointData {
  readonly solution: object;
  readonly paths: readonly ProcessPathData[];
}

/** What the web app and the reports draw of a template plant (SI units). */
export interface PlantDetail {
  readonly charge: DesignPointData;
  readonly discharge: DesignPointData;
  /**
   * The plant's own repeatable cycle with a hold, the one its figures come from: the periodic design cycle's charge
   * at design power as it was run (from the periodic start, until its store limit), a hold of
   * DETAIL_CYCLE.holdSeconds (so the standing loss shows) and a discharge at design power from the state the hold
   * leaves (at most 1.1 × the design duration, stopping at the store limits), all at the design cycle's time step:
   * times, phases (0 charge, 1 hold, 2 discharge, 3 end) and every channel of the transient (powers, store
   * pressures, temperatures, levels) with its unit; the energies, efficiency and stops are this cycle's, the
   * electricity drawn with the restoring units' after the discharge as in the design cycle (the end row shows the
   * stores they left).
   */
  readonly cycle: {
    readonly t: readonly number[];
    readonly phase: readonly number[];
    readonly channels: Readonly<Record<string, { readonly unit: string; readonly values: readonly number[] }>>;
    readonly energyIn: number;
    readonly energyOut: number;
    readonly roundTripEfficiency: number;
    readonly stops: readonly { readonly phase: string; readonly time: number; readonly reason: string }[];
  };
}

/**
 * The cycle drawn for people: a 2 h hold after the periodic design cycle's charge, and a discharge of at most the
 * design duration with a tenth more (TemplatePlantModel.heldCycle: the charge is the design cycle's as recorded, so
 * only the discharge is solved, at the design cycle's step). Its round-trip efficiency is the design cycle's less
 * what 2 h of standing loss cost; Luoyang plants (detail against design): gas-liquid CO2 0.65596 against 0.65599,
 * liquid CO2 0.46667 against 0.46696, A-CAES 0.65080 against 0.65990 (the cavern's air, warm from the charge, loses
 * heat to the walls fastest in the first hours: 1.9e-6/s over 2 h against λ = 1.2e-6/s over the 24 h hold test). The
 * cycle drawn from empty before gave 0.6525, 0.4905 and 0.5785 (the A-CAES thermal stores starting cold, no restoring
 * units' electricity such as the liquid CO2 plant's chiller) and cost a second charge.
 */
export const DETAIL_CYCLE = { holdSeconds: 7200, durationMargin: 1.1 } as const;

/**
 * The plant details computed in this process (and, with a persistent store, in earlier ones): like the periodic
 * design cycle they depend only on the template, its parameters and the design ambient.
 */
const DETAILS = new PeriodicCache<PlantDetail>(undefined, 'plant-detail');

/** A template plant's performance, summary and part-load maps, by the plant as written and its design ambient. */
const TEMPLATE_PLANTS = new PeriodicCache<{ performance: TemplatePerformance; summary: TemplatePlant['summary']; maps?: PartLoadMaps }>(undefined, 'template-plant');

// the design ambient is declared in site-ambient.ts (light to load for the li-ion plant); callers import it here too
export { designAmbient } from './site-ambient.js';

export function buildTemplatePlant(
  template: string,
  parameters: Record<string, unknown>,
  site: SiteSpec,
  field: string,
  onProgress?: (done: number, total: number) => void,
): TemplatePlant {
  if (!isTemplateName(template)) throw new ProjectError(field.replace(/\.parameters$/, '.template'), template, `one of ${TEMPLATE_NAMES.join(', ')}`);
  const ambientTemperature = designAmbient(site);
  let built: PlantModel | undefined;
  const buildModel = (): PlantModel => {
    try {
      const m = createPlant(template, parameters, { ambientTemperature }, onProgress);
      m.performance(); // the design cycle: a plant that cannot cycle fails here, with its field
      return m;
    } catch (e) {
      if (e instanceof TemplateParameterError) {
        throw new ProjectFileError(field, e.issues.map((i) => ({ field: `${field}.${i.field}`, message: `${field}.${i.field}: ${i.message}` })));
      }
      if (e instanceof PlantInputError) throw new ProjectFileError(field, [{ field: `${field}.${e.field}`, message: `${field}: ${e.message}` }]);
      throw e;
    }
  };
  const model = (): PlantModel => (built ??= buildModel());
  // what evaluate needs of the plant as data, kept by the plant as written (TEMPLATE_PLANTS): with it, a plant whose
  // model is never asked for (cycle, network files) is not designed again
  const key = canonicalJson({ template, parameters, ambientTemperature });
  const parts = TEMPLATE_PLANTS.get(key, () => {
    const m = model();
    const performance = m.performance();
    return { performance, summary: summaryOf(template, m, performance, ambientTemperature), ...(m instanceof TemplatePlantModel ? { maps: m.maps() } : {}) };
  });
  const performance = parts.performance;
  return {
    get model() {
      return model();
    },
    performance,
    summary: parts.summary,
    ...(parts.maps ? { maps: parts.maps } : {}),
    detail(): PlantDetail {
      return DETAILS.get(key, () => computeDetail(model(), performance));
    },
    replay(schedule: DispatchSchedule, startUp?: OperatingEnvelope['startUp']): ReplayReport {
      const s = { stepSeconds: schedule.stepSeconds, charge: schedule.charge, discharge: schedule.discharge };
      const o = { initialSoc: Math.min(1, Math.max(0, schedule.energyInitial / performance.energyCapacity)) };
      // the template model's replay is replaySchedule on its maps (plant-model.ts)
      const maps = parts.maps;
      const plain: Replay = (x, options) => (maps ? replaySchedule(maps, x, options) : model().replay(x, options));
      if (startUp && hasStartUp({ startUp }) && !maps) throw new Error(`${template}: a replay with start-ups needs the plant's part-load maps`);
      const r = startUp && maps && hasStartUp({ startUp }) ? replayWithStartUp(plain, maps, s, startUp, o) : plain(s, o);
      const sum = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) * schedule.stepSeconds;
      return {
        feasible: r.feasible,
        violationCount: r.violationCount,
        violations: r.violations.slice(0, 20).map((v) => ({ step: v.step, limit: v.limit, value: v.value, bound: v.bound })),
        energyIn: r.energyIn,
        energyOut: r.energyOut,
        dispatchEnergyIn: sum(schedule.charge),
        dispatchEnergyOut: sum(schedule.discharge),
        fuel: r.fuel,
        charge: r.timeseries.chargePower,
        discharge: r.timeseries.dischargePower,
      };
    },
  };
}

/** A template plant's summary: its performance's headline figures and its design's figures and notes. */
function summaryOf(template: string, model: PlantModel, performance: TemplatePerformance, ambientTemperature: number): TemplatePlant['summary'] {
  const design = model.design();
  const figures: Record<string, { value: number; unit: string; note?: string }> = {};
  for (const [k, f] of Object.entries(design.figures)) figures[k] = { ...f };
  return {
    template,
    technology: performance.technology,
    ambientTemperature,
    roundTripEfficiency: performance.roundTripEfficiency,
    roundTripEfficiencyWithFuel: performance.roundTripEfficiencyWithFuel,
    exergyEfficiency: performance.exergyEfficiency,
    energyDensities: performance.energyDensities,
    chargeDuration: performance.chargeDuration,
    dischargeDuration: performance.dischargeDuration,
    efficiencies: performance.efficiencies,
    figures,
    notes: design.notes,
    designCycle: performance.designCycle,
    warnings: performance.warnings,
  };
}

/** The design points as plain data and the plant's cycle with a hold (PlantDetail). */
function computeDetail(model: PlantModel, performance: TemplatePerformance): PlantDetail {
  const design = model.design();
  const point = (s: typeof design.charge): DesignPointData => ({ solution: s.toJSON(), paths: s.paths() });
  const r = model.heldCycle(DETAIL_CYCLE.holdSeconds, performance.dischargeDuration * DETAIL_CYCLE.durationMargin);
  const channels: Record<string, { unit: string; values: number[] }> = {};
  for (const [k, ch] of Object.entries(r.timeseries.channels)) channels[k] = { unit: ch.unit, values: Array.from(ch.values) };
  return {
    charge: point(design.charge),
    discharge: point(design.discharge),
    cycle: {
      t: Array.from(r.timeseries.t),
      phase: Array.from(r.timeseries.phase),
      channels,
      energyIn: r.energyIn,
      energyOut: r.energyOut,
      roundTripEfficiency: r.roundTripEfficiency,
      stops: r.stops.map((s) => ({ phase: s.phase, time: s.time, reason: s.reason })),
    },
  };
}
