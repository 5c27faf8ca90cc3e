/**
 * The one build pipeline of the templates: check → charge and discharge networks → design points → store sizes →
 * operating modes → figures. A template says what is particular to it as a TemplatePlan: its parts assembled into
 * each mode's network with the boundary values a step sets (a `B`, from which the parts' handles make their
 * updates), how its stores are sized from the design points, where each mode's boundary comes from at store states x,
 * and its own figures and notes. The pipeline does the rest the same way for every template: the design points
 * (design-point.ts) from the boundary at design (changed by the template's `redesign` where it has one), the exchangers held at their design end differences off design
 * (pinch-holds.ts), the store set and its empty state, each operating mode's prepare and solve, the design
 * operating points, the figures every template reports, and the TemplateBuild the PlantModel is made from.
 */
import type { Network, NetworkSolveResult } from '../network/network.js';
import type { Solution } from '../network/solution.js';
import type { Restoration, TransientPlant } from '../transient/cycle.js';
import { OperatingPoint, readPoint, type HeatSink, type OperatingMode, type StorePort } from '../transient/mode.js';
import { StoreSet, type Ambient, type Store } from '../transient/stores.js';
import { designPoint } from './design-point.js';
import { applyToNetwork, type NetworkBuilder, type NetworkDoc, type Update } from './doc.js';
import { holdEndDifferences, pinchHolds, solveHoldingPinches, type PinchHold } from './pinch-holds.js';
import type { BusSpec, LineSpec } from './parts/machine-train.js';
import { DESIGN_FILE_NOTE, type TemplateBuild } from './plant-model.js';
import type { Equipment, Figure, Site } from './types.js';

/** A mode's live network as its parts built it, with what its design point needs. `B`: the boundary values a step sets. */
export interface ModeNetwork<B> {
  readonly builder: NetworkBuilder;
  /** The main working-fluid flow: fixed at a trial value until the design point holds the bus power instead. */
  readonly flowConnection: string;
  readonly bus: BusSpec;
  /** Store exchangers designed for their pinch. */
  readonly exchangers?: readonly { readonly id: string; readonly pinch: number }[];
  /** Discharge exchangers' medium outlets and the cold tanks they must not return below. */
  readonly returns?: readonly { readonly id: string; readonly connection: string; readonly T: number }[];
  readonly lines: readonly LineSpec[];
  /** The boundary at the design point. */
  readonly design: B;
  /** The updates of every part's handle for a boundary (the same at design and at each step). */
  updates(b: B): Update[];
  /** Exchangers held at an effectiveness that are bypassed for a solve that would cross them (pinchHolds). */
  readonly effectivenessHolds?: readonly string[];
  /** The working-fluid flow the design point starts from (default 100). Unit: kg/s */
  readonly trialFlow?: number;
  /**
   * The components held at their design end differences off design (holdEndDifferences; default: every component
   * of the network). A template that holds an exchanger another way (the gas-liquid basin condenser and evaporator
   * keep their water's design temperature change) leaves it out.
   */
  readonly heldAtEndDifferences?: readonly string[];
  /**
   * A change of the design point before its exchangers are held at their design end differences: the gas-liquid
   * discharge is rationed to the heat its charge stores (gas-liquid/rationing.ts), which raises some exchangers'
   * hot-end approaches, and those raised approaches are what the plant holds off design.
   */
  redesign?(design: DesignPoint): DesignPoint;
}

/** A mode's design point as designPoint solves it (design-point.ts), before its exchangers are held. */
export interface DesignPoint {
  readonly network: Network;
  readonly solution: Solution;
  /** The design flow on `flowConnection`. Unit: kg/s */
  readonly massFlow: number;
  /** The design point's network file (flow fixed, exchangers at their end differences). */
  readonly file: NetworkDoc;
}

/** A mode's design point, held off design. */
export interface ModeDesign extends DesignPoint {
  /** The exchangers held off design, with their design pinch. */
  readonly holds: readonly PinchHold[];
}

/** The stores sized from the design points. */
export interface StoreSizes {
  /** Every store, in the order of the plant's state vector. */
  readonly stores: readonly Store[];
  /** The store whose working-fluid mass measures the state of charge. */
  readonly primary: Store;
  /** The primary store's working window. Unit: kg */
  readonly massWindow: number;
  /** Writes the empty state (the start of a cycle) into x. */
  fillEmpty(x: Float64Array): void;
  readonly volumes: readonly { readonly basis: string; readonly volume: number }[];
  /** The main basis of energy density (one of volumes). */
  readonly densityBasis: string;
  /** Units that bring the stores back to their set points after a discharge. */
  readonly restore?: (x: Float64Array) => Restoration;
}

/** How a mode runs between its stores. */
export interface ModeRun<B> {
  readonly ports: readonly StorePort[];
  readonly fuelConnections?: readonly string[];
  /** The boundary at store states x, or why the mode cannot run there. */
  boundary(x: Float64Array): B | string;
  /** A solve that controls more than the boundary (heat rationing); `once` is the plain solve. */
  solve?(x: Float64Array, once: () => NetworkSolveResult): NetworkSolveResult;
  /** A controller acting on the stores after each step's flows (OperatingMode.control). */
  control?(x: Float64Array, dt: number): { readonly heat: number; readonly electricity: number };
}

/** What a template reports of itself once built. */
export interface Description {
  readonly technology: string;
  readonly figures: Readonly<Record<string, Figure>>;
  readonly notes: readonly string[];
  /** The first lines of a design point file's header (the pipeline adds DESIGN_FILE_NOTE). */
  readonly yamlHeader: (mode: 'charge' | 'discharge') => readonly string[];
  readonly referenceEfficiency?: number;
  /** Items the generic equipment list does not cover. */
  readonly extraEquipment?: readonly Equipment[];
}

/** The built plant a template describes. */
export interface Built<S extends StoreSizes> {
  readonly charge: ModeDesign;
  readonly discharge: ModeDesign;
  readonly sizes: S;
  readonly points: { readonly charge: OperatingPoint; readonly discharge: OperatingPoint };
}

/** What the pipeline reads of every template's parameters: each mode's power and smallest load, the fans' share. */
export interface TemplateParameters {
  /** Unit: W, - */
  readonly charge: { readonly power: number; readonly minimumLoad: number };
  readonly discharge: { readonly power: number; readonly minimumLoad: number };
  /** Fan electricity per heat moved by dry coolers and air heaters. Unit: - */
  readonly heatRejection: { readonly fanPower: number };
}

export interface TemplatePlan<CB, DB, S extends StoreSizes> {
  /** h_abs of the open working fluid at the dead state (0 for a closed cycle). Unit: J/kg */
  readonly hRefAbs: number;
  /** Heat sinks by name (default: the ambient, through dry coolers at heatRejection.fanPower). */
  readonly sinks?: Readonly<Record<string, HeatSink>>;
  /** Refuses parameters that cannot make a plant (before anything is built). */
  check?(): void;
  charge(): ModeNetwork<CB>;
  /** The discharge network, which may depend on the charge's design point (the hot tanks' temperatures). */
  discharge(charge: ModeDesign): ModeNetwork<DB>;
  size(charge: ModeDesign, discharge: ModeDesign): S;
  run(sizes: S, designs: { readonly charge: ModeDesign; readonly discharge: ModeDesign }): { readonly charge: ModeRun<CB>; readonly discharge: ModeRun<DB> };
  describe(built: Built<S>): Description;
}

/** A mode's design point: the boundary at design applied, designPoint, the exchangers held at their design end differences. */
function design<B>(template: string, mode: 'charge' | 'discharge', m: ModeNetwork<B>): ModeDesign {
  applyToNetwork(m.builder.network, m.updates(m.design));
  const solved = designPoint({ template, mode, builder: m.builder, flowConnection: m.flowConnection, trialFlow: m.trialFlow ?? 100, bus: m.bus, exchangers: m.exchangers ?? [], ...(m.returns ? { returns: m.returns } : {}), lines: m.lines });
  const d = m.redesign ? m.redesign(solved) : solved;
  const holds = [...holdEndDifferences(d.network, d.solution, m.heldAtEndDifferences ?? d.network.allComponents().map((c) => c.id)), ...pinchHolds(d.solution, m.effectivenessHolds ?? [])];
  return { network: d.network, solution: d.solution, massFlow: d.massFlow, file: d.file, holds };
}

function operatingMode<B>(phase: 'charge' | 'discharge', m: ModeNetwork<B>, d: ModeDesign, run: ModeRun<B>, plan: { readonly hRefAbs: number; readonly sinks: Readonly<Record<string, HeatSink>> }, storeComponents: ReadonlySet<string>): OperatingMode {
  const net = d.network;
  const once = () => solveHoldingPinches(net, d.holds);
  return {
    phase,
    network: net,
    ports: run.ports,
    busMembers: m.bus.members,
    sinks: plan.sinks,
    storeComponents,
    fuelConnections: run.fuelConnections ?? [],
    mainFlow: m.flowConnection,
    hRefAbs: plan.hRefAbs,
    solve: run.solve ? (x) => (run.solve as NonNullable<ModeRun<B>['solve']>)(x, once) : once,
    ...(run.control ? { control: run.control } : {}),
    prepare(x, bus) {
      const b = run.boundary(x);
      if (typeof b === 'string') return b;
      applyToNetwork(net, [...m.updates(b), { component: m.bus.id, set: { P: bus } }]);
      return undefined;
    },
  };
}

/** The dead state of a site: its ambient temperature and pressure (1 atm where it gives none). Unit: K, Pa */
export function siteAmbient(site: Site): Ambient {
  return { T: site.ambientTemperature, p: site.ambientPressure ?? 101325 };
}

/** Builds a template plant from its parsed parameters and its plan. */
export function buildTemplate<CB, DB, S extends StoreSizes>(template: string, parameters: TemplateParameters, plan: TemplatePlan<CB, DB, S>): TemplateBuild {
  plan.check?.();
  const chargeNet = plan.charge();
  const charge = design(template, 'charge', chargeNet);
  const dischargeNet = plan.discharge(charge);
  const discharge = design(template, 'discharge', dischargeNet);
  const sizes = plan.size(charge, discharge);
  const set = new StoreSet(sizes.stores);
  const empty = new Float64Array(set.size);
  sizes.fillEmpty(empty);
  const runs = plan.run(sizes, { charge, discharge });
  const storeIds = new Set(sizes.stores.map((s) => s.id));
  const common = { hRefAbs: plan.hRefAbs, sinks: plan.sinks ?? { ambient: { fanFraction: parameters.heatRejection.fanPower } } };
  const chargeMode = operatingMode('charge', chargeNet, charge, runs.charge, common, storeIds);
  const dischargeMode = operatingMode('discharge', dischargeNet, discharge, runs.discharge, common, storeIds);
  const points = { charge: readPoint(chargeMode, charge.solution, new OperatingPoint(set.size)), discharge: readPoint(dischargeMode, discharge.solution, new OperatingPoint(set.size)) };
  const plant: TransientPlant = {
    stores: set,
    charge: chargeMode,
    discharge: dischargeMode,
    designPower: { charge: points.charge.net, discharge: -points.discharge.net },
    designAux: { charge: points.charge.aux, discharge: points.discharge.aux },
    volumes: sizes.volumes,
    ...(sizes.restore ? { restore: sizes.restore } : {}),
  };
  const own = plan.describe({ charge, discharge, sizes, points });
  const estimate = { chargeSeconds: sizes.massWindow / charge.massFlow, dischargeSeconds: sizes.massWindow / discharge.massFlow };
  const { figures, omitted } = finiteFigures({
    chargeNetPower: { value: points.charge.net, unit: 'W', note: 'electric power drawn at the design point, auxiliaries included' },
    dischargeNetPower: { value: -points.discharge.net, unit: 'W', note: 'net electric power delivered at the design point' },
    chargeMassFlow: { value: charge.massFlow, unit: 'kg/s' },
    dischargeMassFlow: { value: discharge.massFlow, unit: 'kg/s' },
    chargeDurationEstimate: { value: estimate.chargeSeconds, unit: 's', note: 'working window of the main store ÷ design charge flow' },
    dischargeDurationEstimate: { value: estimate.dischargeSeconds, unit: 's' },
    ...own.figures,
  });
  return {
    template,
    technology: own.technology,
    parameters,
    plant,
    empty,
    primary: sizes.primary,
    designSolutions: { charge: charge.solution, discharge: discharge.solution },
    figures,
    notes: omitted.length ? [...own.notes, `figures left out, not finite numbers at the design point: ${omitted.join(', ')}`] : own.notes,
    docs: { charge: charge.file, discharge: discharge.file },
    yamlHeader: (mode) => [...own.yamlHeader(mode), ...DESIGN_FILE_NOTE],
    estimate,
    densityBasis: sizes.densityBasis,
    ...(own.referenceEfficiency !== undefined ? { referenceEfficiency: own.referenceEfficiency } : {}),
    ...(own.extraEquipment ? { extraEquipment: own.extraEquipment } : {}),
    minimumLoad: { charge: parameters.charge.minimumLoad, discharge: parameters.discharge.minimumLoad },
  };
}

/**
 * The figures whose values are finite numbers, and the names (with values) of those left out: a figure that is
 * NaN or infinite at the design point (a quantity the design point does not define) is omitted and named in the
 * notes rather than reported as a number that is none.
 */
export function finiteFigures(all: Readonly<Record<string, Figure>>): { figures: Record<string, Figure>; omitted: string[] } {
  const figures: Record<string, Figure> = {};
  const omitted: string[] = [];
  for (const [name, f] of Object.entries(all)) {
    if (Number.isFinite(f.value)) figures[name] = f;
    else omitted.push(`${name} (${String(f.value)})`);
  }
  return { figures, omitted };
}
