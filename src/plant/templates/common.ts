/**
 * Pieces the templates share: the parameters of a two-tank thermal store and of machines, the heat exchangers
 * between a gas and a store medium, store loops (tank → pump → exchangers → tank), the equal split of a pressure
 * ratio over stages with losses between them, and the default part-load lines of compressors and turbines.
 *
 * Heat exchangers between a gas and a store medium are specified by the hot-end approach ttd_u (charging: gas in −
 * medium out; discharging: medium in − gas out) and the internal pinch ttd_min (< ttd_u): the medium's flow follows,
 * and no temperature cross can hide inside (the medium's c_p rises by half over a thermal oil's range).
 */
import { z } from 'zod';
import { PlantInputError } from '../errors.js';
import { PhysicsViolationError } from '../violations.js';
import { StreamState, type StreamFluid } from '../fluids/stream-fluid.js';
import type { Network, NetworkSolveResult } from '../network/network.js';
import type { Solution } from '../network/solution.js';
import { PowerBus } from '../components/power-bus.js';
import { applyToDoc, applyToNetwork, networkOf, type DocBuilder, type Entry, type NetworkDoc, type StreamSpec, type Update } from './doc.js';
import { afterLoss, choice, flag, integer, pressureLoss, quantity, rangeText, type PressureLoss } from './parameters.js';
import { fluid } from '../../fluids/index.js';
import { storeLiquid } from '../../fluids/incompressible/index.js';
import { formatQuantity } from '../../units/index.js';
import { ConstantPressureStore, RigidVessel, TwoTankThermalStore, type Ambient } from '../transient/stores.js';
import type { Restoration } from '../transient/cycle.js';
import type { CharacteristicLine } from '../components/characteristic.js';

/** Default part-load lines η_s/η_s,design over m/m_design (assumption: generic parabola-like lines, −4 % at 60 % flow, flat beyond the ends). */
export const COMPRESSOR_LINE: CharacteristicLine = Object.freeze({ x: [0.3, 0.5, 0.6, 0.7, 0.85, 1, 1.2], y: [0.8, 0.9, 0.94, 0.965, 0.99, 1, 0.985] });
export const TURBINE_LINE: CharacteristicLine = Object.freeze({ x: [0.2, 0.4, 0.6, 0.8, 1, 1.2], y: [0.82, 0.91, 0.96, 0.99, 1, 0.99] });

const storeName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'letters, digits and "_", starting with a letter');

/** One two-tank thermal store (several may be chained at falling temperature levels, hottest first). */
type ThermalStoreMedium = 'TVP1' | 'T66' | 'DowQ' | 'NaK' | 'Water';

export function thermalStoreSchema(defaults: { name: string; medium: ThermalStoreMedium; coldTemperature: number; pressure: number }) {
  return z
    .object({
      name: storeName.default(defaults.name),
      medium: choice(['TVP1', 'T66', 'DowQ', 'NaK', 'Water'] as const, defaults.medium, 'store liquid: Therminol VP-1, Therminol 66, Dowtherm Q, solar salt, or pressurised water', 'CoolProp INCOMP fits; water from IAPWS-95'),
      coldTemperature: quantity('temperature', defaults.coldTemperature, { min: 250, max: 900 }, 'cold-tank temperature (the hot tank’s follows from the process)'),
      pressure: quantity('pressure', defaults.pressure, { min: 1e5, max: 200e5 }, 'pressure of the medium (above its vapour pressure at the hot temperature)'),
      pinch: quantity('temperatureDifference', 10, { min: 0.5, max: 100 }, 'smallest temperature difference inside each of its heat exchangers'),
      hotEndApproach: quantity('temperatureDifference', 15, { min: 1, max: 150 }, 'hot-end approach of each of its heat exchangers (larger than the pinch)'),
      mediumPressureLoss: pressureLoss({ kind: 'drop', value: 0.5e5 }, 'medium side of each heat exchanger (made up by the store pump)'),
      gasPressureLoss: pressureLoss({ kind: 'fraction', value: 0.02 }, 'gas side of each of its heat exchangers', 'Gasanzade et al. 2023 (heat exchangers 2 %)'),
      pumpEfficiency: quantity('fraction', 0.8, { min: 0.3, max: 1, minOpen: false }, 'isentropic efficiency of the store pump (drive losses included)'),
      heatLossCoefficient: quantity('heatTransferCoefficient', 0.15, { min: 0, max: 10 }, 'heat-loss coefficient of the tanks’ wetted surface (0.3 m mineral wool ≈ 0.15 W/(m² K))'),
      sizeMargin: quantity('fraction', 0.1, { min: 0, max: 2 }, 'medium beyond what a design charge needs'),
      heel: quantity('fraction', 0.03, { min: 0, max: 0.3 }, 'level a tank is never drawn below'),
      returnCooling: flag(true, 'cool the medium returning to the cold tank during discharge to the cold-tank temperature (heat to the ambient)'),
      stages: z
        .array(z.number().int().min(1).max(8))
        .min(1)
        .optional()
        .meta({ kind: 'list', unit: '', default: 'all', range: 'stage numbers from 1', doc: 'the compression stages it cools and the expansion stages it reheats (default: all)', source: '' }),
    })
    .strict()
    .superRefine((s, ctx) => {
      // the cold tank must hold its medium as a liquid inside the range its correlation is valid for: refused here,
      // at the field, not deep in the design point's solver
      const valid = mediumRange(s.medium, s.pressure);
      if (!(s.coldTemperature >= valid.range.min && s.coldTemperature <= valid.range.max)) {
        ctx.addIssue({
          code: 'custom',
          path: ['coldTemperature'],
          message: `${formatQuantity(s.coldTemperature, 'temperature', 'degC', 5)} is outside the range of ${valid.name}: ${rangeText('temperature', valid.range, 'coldTemperature')} (${valid.basis})`,
          input: s.coldTemperature,
        });
      }
    });
}

/** The temperatures a store medium is valid at as a liquid: a fitted liquid's correlation range, or water between its triple point and boiling at the store's pressure. */
function mediumRange(medium: ThermalStoreMedium, pressure: number): { name: string; range: { min: number; max: number }; basis: string } {
  if (medium === 'Water') {
    const boiling = fluid('Water').saturationAtP(Math.min(pressure, 220e5)).T;
    return { name: 'water', range: { min: 273.16, max: boiling }, basis: `liquid from its triple point to boiling at the store's pressure ${formatQuantity(pressure, 'pressure', 'bar', 4)}` };
  }
  const liquid = storeLiquid(medium);
  return { name: `${liquid.name} (${medium})`, range: { min: liquid.Tmin, max: liquid.Tmax }, basis: 'the validity of its correlation' };
}

export type ThermalStoreParams = z.infer<ReturnType<typeof thermalStoreSchema>>;

/** Isentropic efficiency per stage and mechanical efficiency of a train. */
function trainSchema(d: { maxStages: number; efficiency: number; efficiencySource: string }) {
  return {
    efficiency: quantity('fraction', d.efficiency, { min: 0.3, max: 1 }, 'isentropic efficiency of every stage at design', d.efficiencySource),
    stageEfficiencies: z
      .array(quantity('fraction', d.efficiency, { min: 0.3, max: 1 }, 'isentropic efficiency of one stage'))
      .max(d.maxStages)
      .optional()
      .meta({ kind: 'list', unit: '', default: '', range: 'one per stage, 30–100 %', doc: 'isentropic efficiency of each stage (instead of `efficiency`)', source: '' }),
    mechanicalEfficiency: quantity('fraction', 0.995, { min: 0.5, max: 1 }, 'mechanical efficiency (bearings, gear)'),
  };
}

/** A mode's electric power at design and its smallest load (charge: the compressor motors; discharge: the generators). */
export function modePowerSchema(
  mode: 'charge' | 'discharge',
  d: { power: number; minPower: number; minimumLoad: number; powerSource?: string; minimumLoadSource?: string },
) {
  const machines = mode === 'charge' ? 'the compressor motors' : 'the generators';
  return z
    .object({
      power: quantity('power', d.power, { min: d.minPower, max: 3e9 }, `electric power of ${machines} at design`, d.powerSource),
      minimumLoad: quantity('fraction', d.minimumLoad, { min: 0.05, max: 1 }, `smallest ${mode} power as a fraction of the design`, d.minimumLoadSource),
    })
    .strict()
    .prefault({});
}

/** A compressor train's efficiencies: isentropic per stage, mechanical, motor. */
export function compressorTrainSchema(d: { maxStages: number; efficiency: number; efficiencySource: string }) {
  return { ...trainSchema(d), motorEfficiency: quantity('fraction', 0.97, { min: 0.5, max: 1 }, 'motor efficiency', 'Gasanzade et al. 2023 (motor 97 %)') };
}

/** A turbine train's efficiencies: isentropic per stage, mechanical, generator. */
export function turbineTrainSchema(d: { maxStages: number; efficiency: number; efficiencySource: string }) {
  return { ...trainSchema(d), generatorEfficiency: quantity('fraction', 0.97, { min: 0.5, max: 1 }, 'generator efficiency', 'Gasanzade et al. 2023 (generator 97 %)') };
}

/** Stage pressure ratios: 'equal' (re-split over the actual total ratio at every step) or the first N−1 given. */
export const ratiosSchema = z
  .union([z.literal('equal'), z.array(z.number().positive())])
  .default('equal')
  .meta({ kind: 'list', unit: '', default: 'equal', range: "'equal' or N−1 ratios p_out/p_in (the last stage takes the rest)", doc: 'stage pressure ratios', source: 'assumption' });

/** A gas–medium heat exchanger: the gas on `gasSide`, losses on both sides, ttd_u and the pinch. */
export function storeExchanger(gasSide: 'hot' | 'cold', store: ThermalStoreParams, gasInletPressure: number, mediumInletPressure: number): Entry {
  const gas = lossEntry(store.gasPressureLoss, gasInletPressure);
  const medium = lossEntry(store.mediumPressureLoss, mediumInletPressure);
  const [hot, cold] = gasSide === 'hot' ? [gas, medium] : [medium, gas];
  return { type: 'heat-exchanger', ...side(hot, '1'), ...side(cold, '2'), ttd_u: store.hotEndApproach, ttd_min: store.pinch };
}

function side(l: { pr: number } | { dp: number }, k: '1' | '2'): Record<string, number> {
  return 'pr' in l ? { [`pr${k}`]: l.pr } : { [`dp${k}`]: l.dp };
}

/** A pressure loss as a specification (pr or dp) at a known inlet pressure (a saturation drop needs `satDrop`). */
export function lossEntry(loss: PressureLoss, pIn: number, satDrop?: (p: number, dT: number) => number): { pr: number } | { dp: number } {
  if (loss.kind === 'fraction') return { pr: 1 - loss.value };
  return { dp: pIn - afterLoss(pIn, loss, satDrop) };
}

/** The loss of a specification: p ↦ p_out. */
export function lossFunction(spec: { pr: number } | { dp: number }): (p: number) => number {
  return 'pr' in spec ? (p) => p * spec.pr : (p) => p - spec.dp;
}

/** Inverts a chain of losses: the inlet pressure giving `pOut` at the end. Unit: Pa */
export function upstream(pOut: number, losses: readonly ((p: number) => number)[]): number {
  let p = pOut;
  for (let k = losses.length - 1; k >= 0; k--) {
    const f = losses[k];
    // losses are affine in p (p·pr or p − dp): invert from two points
    const a = f(1e5);
    const b = f(2e5);
    const slope = (b - a) / 1e5;
    p = 1e5 + (p - a) / slope;
  }
  return p;
}

/**
 * Stage pressure ratios of a train from pIn to pOut with losses between the stages (`between[k]` after stage k):
 * `given` (N−1 ratios, the last stage takes the rest) or equal ratios found by bisection. Returns N ratios.
 */
export function stageRatios(pIn: number, pOut: number, stages: number, between: readonly (readonly ((p: number) => number)[])[], given: 'equal' | readonly number[]): number[] {
  const lastInlet = (ratios: (k: number) => number) => {
    let p = pIn;
    for (let k = 0; k < stages - 1; k++) {
      p *= ratios(k);
      for (const f of between[k] ?? []) p = f(p);
    }
    return p;
  };
  if (given !== 'equal') {
    const pLast = lastInlet((k) => given[k]);
    return [...given.slice(0, stages - 1), pOut / pLast];
  }
  if (stages === 1) return [pOut / pIn];
  const compress = pOut > pIn;
  let lo = Math.log(compress ? 1 : Math.min(1, pOut / pIn) / 10);
  let hi = Math.log(compress ? (10 * pOut) / pIn : 1);
  // f(ln r) = ln(pOut / p_last,in(r)) − ln r decreases in r
  const f = (lr: number) => Math.log(pOut / lastInlet(() => Math.exp(lr))) - lr;
  for (let k = 0; k < 80; k++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  const r = Math.exp(0.5 * (lo + hi));
  return [...Array.from({ length: stages - 1 }, () => r), pOut / lastInlet(() => r)];
}

/** A port reference: the component id and, where it has several, the port. */
export interface Node {
  readonly id: string;
  readonly in?: string;
  readonly out?: string;
}

const outOf = (n: Node) => (n.out ? `${n.id}.${n.out}` : n.id);
const inOf = (n: Node) => (n.in ? `${n.id}.${n.in}` : n.id);

/** Connects a path of nodes in order; connection ids `${a}-${b}`; specs by the index of the connection. Returns the ids. */
export function connectPath(d: DocBuilder, nodes: readonly Node[], specs: Readonly<Record<number, StreamSpec>> = {}): string[] {
  const ids: string[] = [];
  for (let k = 0; k + 1 < nodes.length; k++) {
    const id = `${nodes[k].id}-${nodes[k + 1].id}`;
    d.connect(id, outOf(nodes[k]), inOf(nodes[k + 1]), specs[k] ?? {});
    ids.push(id);
  }
  return ids;
}

/** Connection ids of a store loop. */
export interface StoreLoop {
  /** Tank → pump (leaves the supplying tank). */
  readonly supply: string;
  /** Back into the receiving tank. */
  readonly ret: string;
  /** The medium's outlet connection of each user (heat exchanger id → connection id). */
  readonly outlets: Readonly<Record<string, string>>;
}

/**
 * A store loop: the two-tank store's supply (T, p of the supplying tank) → pump → (splitter) → the medium sides of
 * `users` (heat exchangers; 'hot' when the medium is the hot stream) → (mixer) → return at the store pressure.
 */
export function storeLoop(d: DocBuilder, id: string, store: { medium: string; T: number; p: number; pumpEfficiency: number; mode: 'charge' | 'discharge' }, users: readonly { id: string; side: 'hot' | 'cold' }[]): StoreLoop {
  d.add(id, { type: 'two-tank-store', fluid: store.medium, T: store.T, p: store.p, mode: store.mode });
  const pump = `${id}_pump`;
  d.add(pump, { type: 'pump', eta_s: store.pumpEfficiency });
  const supply = `${id}_supply`;
  const ret = `${id}_return`;
  d.connect(supply, `${id}.supply`, pump);
  if (users.length === 1) {
    const u = users[0];
    d.connect(`${pump}-${u.id}`, pump, `${u.id}.${u.side}_in`);
    d.connect(ret, `${u.id}.${u.side}_out`, `${id}.return`, { p: store.p });
    return { supply, ret, outlets: { [u.id]: ret } };
  }
  const split = `${id}_split`;
  const merge = `${id}_merge`;
  d.add(split, { type: 'splitter', outlets: users.length });
  d.add(merge, { type: 'mixer', inlets: users.length });
  d.connect(`${pump}-${split}`, pump, split);
  users.forEach((u, k) => {
    d.connect(`${split}-${u.id}`, `${split}.out${k + 1}`, `${u.id}.${u.side}_in`);
    d.connect(`${u.id}-${merge}`, `${u.id}.${u.side}_out`, `${merge}.in${k + 1}`);
  });
  d.connect(ret, merge, `${id}.return`, { p: store.p });
  return { supply, ret, outlets: Object.fromEntries(users.map((u) => [u.id, `${u.id}-${merge}`])) };
}

/** The discharge exchangers of a chain of stores with their medium outlets and cold-tank temperatures (designPoint `returns`). */
export function dischargeReturns(stores: readonly ThermalStoreParams[], loops: readonly StoreLoop[]): { id: string; connection: string; T: number }[] {
  return stores.flatMap((s, j) => Object.entries(loops[j].outlets).map(([id, connection]) => ({ id, connection, T: s.coldTemperature })));
}

/** A machine train's per-stage lists: one efficiency per stage, and 'equal' or one ratio per stage but the last. */
export function checkTrain(
  template: string,
  field: 'compression' | 'expansion',
  train: { readonly stageEfficiencies?: readonly number[] | undefined; readonly pressureRatios: 'equal' | readonly number[] },
  stages: number,
): void {
  if (train.stageEfficiencies && train.stageEfficiencies.length !== stages) throw new PlantInputError(template, `${field}.stageEfficiencies`, train.stageEfficiencies, `${stages} values, one per stage`);
  if (train.pressureRatios !== 'equal' && train.pressureRatios.length !== stages - 1) throw new PlantInputError(template, `${field}.pressureRatios`, train.pressureRatios, `'equal' or ${stages - 1} ratios (the last stage takes the rest)`);
}

/** Checks a chain of stores: cold temperatures falling, pinch below the hot-end approach. */
export function checkStores(template: string, stores: readonly ThermalStoreParams[], compressionStages: number, expansionStages: number, field = 'thermalStores'): void {
  const names = new Set<string>();
  stores.forEach((s, k) => {
    const where = `${template} ${field}[${k}]`;
    if (s.stages && !(s.stages.some((n) => n <= compressionStages) && s.stages.some((n) => n <= expansionStages))) {
      throw new PlantInputError(where, 'stages', s.stages, `stage numbers that include a compression stage (1–${compressionStages}) and an expansion stage (1–${expansionStages})`);
    }
    if (names.has(s.name)) throw new PlantInputError(where, 'name', s.name, 'a name no other store has');
    names.add(s.name);
    if (!(s.pinch < s.hotEndApproach)) throw new PlantInputError(where, 'pinch', s.pinch, `a pinch below the hot-end approach (${s.hotEndApproach} K)`);
    if (k > 0 && !(s.coldTemperature < stores[k - 1].coldTemperature)) {
      throw new PlantInputError(where, 'coldTemperature', s.coldTemperature, `below the cold temperature of ${stores[k - 1].name} (${stores[k - 1].coldTemperature} K): stores are chained hottest first`);
    }
  });
}

/** Whether a store serves stage k (1-based). */
export function serves(store: ThermalStoreParams, k: number): boolean {
  return store.stages === undefined || store.stages.includes(k);
}

/** The stages (1-based) of n that a store serves. */
export function stageList(n: number, store: ThermalStoreParams): number[] {
  return Array.from({ length: n }, (_, k) => k + 1).filter((k) => serves(store, k));
}

/** Electric and isentropic efficiency of stage k. */
export function stageEfficiency(m: { efficiency: number; stageEfficiencies?: readonly number[] | undefined }, k: number): number {
  return m.stageEfficiencies?.[k] ?? m.efficiency;
}

/** Fans of the dry coolers and air heaters. */
export const heatRejectionSchema = z
  .object({
    fanPower: quantity('fraction', 0.01, { min: 0, max: 0.2 }, 'fan electricity per heat moved by dry coolers and air heaters'),
  })
  .strict()
  .prefault({});

/** Pressure at the end of a chain of losses. Unit: Pa */
export function chainOut(p: number, losses: readonly ((p: number) => number)[]): number {
  return losses.reduce((q, f) => f(q), p);
}

/** Density of a stream medium at (T, p). Unit: kg/m³ */
export function densityAt(medium: StreamFluid, T: number, p: number): number {
  const st = new StreamState();
  medium.hTP(T, p, 0, st);
  return st.rho;
}

/**
 * Solves a design point, or says why not: parameters that leave the network without a solution (a PlantInputError),
 * or with one that breaks physics (a PhysicsViolationError naming the components, src/plant/violations.ts).
 */
export function solveDesign(net: Network, template: string, mode: string): Solution {
  const r = net.solve();
  if (!r.ok && r.violations) throw new PhysicsViolationError(r.violations, `${template} ${mode} design point`);
  if (!r.ok) {
    throw new PlantInputError(
      template,
      `${mode} design point`,
      'not solved',
      `parameters for which the ${mode} network solves (${r.reason}) — a store whose cold temperature lies above the gas it should cool can be kept to some stages with thermalStores[].stages`,
    );
  }
  return r.value;
}

/** A machine that gets a part-load line about the design flow. */
export interface LineSpec {
  readonly id: string;
  readonly line: CharacteristicLine;
}

/**
 * The design point of a mode network, found in steps that each start from the last solution:
 *   1. at a trial flow on `flowConnection`, with every store exchanger at ttd_u and ttd_l = its pinch (smooth);
 *   2. exchangers whose internal pinch falls below their pinch there (a medium whose c_p bends its profile) get
 *      ttd_min = pinch instead of ttd_l — the pinch then lies inside, away from the hot end;
 *   2b. discharge exchangers (`returns`) whose medium would go back colder than its cold tank instead return it at
 *      the cold tank's temperature (the medium's flow is throttled, the cold end opens up): a two-tank store runs
 *      its cold tank at its design temperature — without this the cold tank cools cycle after cycle (the gas it
 *      reheats arrives colder than the tank) and the next charge stores its heat lower;
 *   3. the flow scaled to the bus power (every flow and power of the network is proportional to it);
 *   4. part-load lines η_s(m/m_design) added to the machines;
 *   5. the power bus put in place of the flow specification, as the transient runs it.
 * The document is changed to match (its YAML is the design point as solved). The trial points of steps 1–4 may break
 * physics (a profile crossed before step 2 gives it its pinch, a medium flowing backwards that
 * checkStoreExchangers reports); the design point of step 5 may not (solveDesign).
 */
export function designPoint(o: {
  readonly template: string;
  readonly mode: 'charge' | 'discharge';
  readonly doc: NetworkDoc;
  readonly flowConnection: string;
  readonly trialFlow: number;
  readonly bus: { readonly id: string; readonly members: readonly string[]; readonly power: number; readonly sense: 'consumed' | 'delivered' };
  readonly exchangers: readonly { readonly id: string; readonly pinch: number }[];
  /** Discharge exchangers' medium outlets (connection) and the cold-tank temperature they must not go below. Unit: K */
  readonly returns?: readonly { readonly id: string; readonly connection: string; readonly T: number }[];
  readonly lines: readonly LineSpec[];
}): { network: Network; solution: Solution; massFlow: number; file: NetworkDoc } {
  const { doc, template, mode } = o;
  for (const x of o.exchangers) {
    const c = doc.components[x.id];
    delete c.ttd_min;
    c.ttd_l = x.pinch;
  }
  const withFlow = (m: number): Update[] => [{ connection: o.flowConnection, set: { m } }];
  applyToDoc(doc, withFlow(o.trialFlow));
  const net = networkOf(doc);
  const allowance = net.unphysicalAllowance;
  net.allowUnphysical(true);
  const { solution: first, held: heldFirst } = solveFirst(net, doc, o);
  let sol = first;
  const pinched: Update[] = [];
  for (const x of o.exchangers) {
    if (heldFirst.has(x.id)) continue;
    const pinch = sol.component(x.id).pinch ?? Infinity;
    if (pinch < x.pinch - 1e-6) pinched.push({ component: x.id, set: { ttd_l: undefined, ttd_min: x.pinch } });
  }
  if (pinched.length > 0) {
    applyToDoc(doc, pinched);
    applyToNetwork(net, pinched);
    sol = solveDesign(net, template, mode);
  }
  const held: Update[] = [];
  for (const r of o.returns ?? []) {
    if (!(sol.stream(r.connection).T < r.T - 1e-6)) continue;
    held.push({ component: r.id, set: { ttd_l: undefined, ttd_min: undefined } }, { connection: r.connection, set: { T: r.T } });
  }
  if (held.length > 0) {
    applyToDoc(doc, held);
    applyToNetwork(net, held);
    sol = solveDesign(net, template, mode);
  }
  checkStoreExchangers(sol, o.exchangers, template, mode);
  // the flow for the bus power: the network is close to linear in it (exactly so without flow-dependent losses),
  // so a few proportional corrections settle it
  const busOf = (x: Solution) => Math.abs(o.bus.members.reduce((a, id) => a + (x.report(id).P_el ?? 0), 0));
  let m = o.trialFlow;
  for (let k = 0; k < 6 && Math.abs(busOf(sol) - o.bus.power) > 1e-11 * o.bus.power; k++) {
    m *= o.bus.power / busOf(sol);
    const flow = withFlow(m);
    applyToDoc(doc, flow);
    applyToNetwork(net, flow);
    sol = solveDesign(net, template, mode);
  }
  // each machine's line about its own design flow (a fired turbine passes the air and the fuel)
  const inletFlow = (id: string) => sol.stream((doc.connections.find((c) => c.to === id || c.to === `${id}.in`) as { id: string }).id).m;
  const lines: Update[] = o.lines.map((l) => ({ component: l.id, set: { etaChar: { m_design: inletFlow(l.id), x: [...l.line.x], y: [...l.line.y] } } }));
  applyToDoc(doc, lines);
  applyToNetwork(net, lines);
  // the file a researcher opens: the design flow fixed instead of the bus power, and exchangers specified by their
  // design end differences — the same solution, in the form that solves from a cold start
  const file = JSON.parse(JSON.stringify(doc)) as NetworkDoc;
  for (const x of o.exchangers) {
    const c = file.components[x.id];
    if (c.ttd_min !== undefined) {
      delete c.ttd_min;
      c.ttd_l = sol.component(x.id).values.ttd_l;
    }
  }
  doc.components[o.bus.id] = { type: 'power-bus', members: [...o.bus.members], P: o.bus.power, sense: o.bus.sense };
  applyToDoc(doc, [{ connection: o.flowConnection, set: { m: undefined } }]);
  net.add(new PowerBus(o.bus.id, { members: o.bus.members, P: o.bus.power, sense: o.bus.sense }));
  net.setSpecs(o.flowConnection, { m: undefined });
  net.allowUnphysical(allowance ?? false);
  sol = solveDesign(net, template, mode);
  return { network: net, solution: sol, massFlow: sol.stream(o.flowConnection).m, file };
}

/**
 * Step 1 of designPoint. Where the gas reaches a discharge exchanger colder than its store's cold tank less the
 * pinch, ttd_l = pinch sends the medium back colder than the cold tank — and for a liquid kept near the bottom of
 * its range (solar salt from 260 degC) below the range, where the solver stops before step 2b could hold it. Then
 * the first solve starts from every discharge exchanger returning its medium at its cold tank, and frees again those
 * whose lower end difference comes out below the pinch (at ttd_l = pinch their medium returns warmer than the tank): the same specifications
 * as steps 1–2b reach when the first solve succeeds. Returns the solution and the exchangers left held.
 */
function solveFirst(net: Network, doc: NetworkDoc, o: { template: string; mode: string; exchangers: readonly { readonly id: string; readonly pinch: number }[]; returns?: readonly { readonly id: string; readonly connection: string; readonly T: number }[] }): { solution: Solution; held: Set<string> } {
  try {
    return { solution: solveDesign(net, o.template, o.mode), held: new Set() };
  } catch (error) {
    if (!(error instanceof PlantInputError) || !o.returns?.length) throw error;
    const hold: Update[] = o.returns.flatMap((r) => [
      { component: r.id, set: { ttd_l: undefined, ttd_min: undefined } },
      { connection: r.connection, set: { T: r.T } },
    ]);
    applyToDoc(doc, hold);
    applyToNetwork(net, hold);
    let sol = solveDesign(net, o.template, o.mode);
    const held = new Set(o.returns.map((r) => r.id));
    const free: Update[] = [];
    for (const r of o.returns) {
      const pinch = o.exchangers.find((x) => x.id === r.id)?.pinch;
      // held, the lower end difference is the cold tank less the gas inlet: below the pinch, ttd_l = pinch returns the medium warmer than the cold tank
      if (pinch === undefined || !((sol.component(r.id).values.ttd_l ?? Infinity) < pinch)) continue;
      free.push({ component: r.id, set: { ttd_l: pinch } }, { connection: r.connection, set: { T: undefined } });
      held.delete(r.id);
    }
    if (free.length > 0) {
      applyToDoc(doc, free);
      applyToNetwork(net, free);
      sol = solveDesign(net, o.template, o.mode);
    }
    return { solution: sol, held };
  }
}

/**
 * A store exchanger whose specification can only be met with its medium flowing backwards or heat flowing from the
 * cold side to the hot (the gas reaches it colder than the store's cold tank plus the approach) has no physical
 * design point: say which, and what to change.
 */
function checkStoreExchangers(sol: Solution, exchangers: readonly { readonly id: string }[], template: string, mode: 'charge' | 'discharge'): void {
  const C = 273.15;
  for (const x of exchangers) {
    const c = sol.component(x.id);
    const inlets = sol.network.allConnections().filter((k) => k.to.component === x.id);
    const backwards = inlets.find((k) => !(sol.stream(k.id).m > 0));
    const Q = c.Q ?? 0;
    if (backwards === undefined && Q > 0) continue;
    const hotIn = sol.stream(inlets.find((k) => k.to.port === 'hot_in')?.id ?? '');
    const coldIn = sol.stream(inlets.find((k) => k.to.port === 'cold_in')?.id ?? '');
    const what = backwards ? `its ${backwards.to.port === 'hot_in' ? 'hot' : 'cold'} side would flow backwards (${sol.stream(backwards.id).m.toPrecision(4)} kg/s)` : `heat would flow from its cold side to its hot side (Q = ${(Q / 1e6).toPrecision(4)} MW)`;
    throw new PlantInputError(
      `${template} ${mode} design`,
      x.id,
      `hot side in at ${(hotIn.T - C).toFixed(1)} degC, cold side in at ${(coldIn.T - C).toFixed(1)} degC`,
      `an exchanger that can meet its approach and pinch: ${what}. Change the store's coldTemperature, or the stages it serves (thermalStores[].stages)`,
    );
  }
}

/** Air storage: a salt cavern (constant volume, sliding pressure) or a water-compensated store (constant pressure). */
export function cavernSchema(d: { volume: number; volumeSource: string; pressureMin: number; pressureMax: number; windowSource: string }) {
  return z
    .object({
      kind: choice(['cavern', 'compensated'] as const, 'cavern', 'salt cavern at constant volume (sliding pressure) or water-compensated store at constant pressure'),
      volume: quantity('volume', d.volume, { min: 100, max: 1e8 }, 'geometric volume of the cavern(s)', d.volumeSource),
      caverns: integer(1, 1, 20, 'number of caverns (for the wall area)'),
      pressureMin: quantity('pressure', d.pressureMin, { min: 2e5, max: 300e5 }, 'lowest cavern pressure', d.windowSource),
      pressureMax: quantity('pressure', d.pressureMax, { min: 2e5, max: 300e5 }, 'highest cavern pressure', d.windowSource),
      pressure: quantity('pressure', 70e5, { min: 2e5, max: 300e5 }, 'store pressure of a compensated store'),
      cushion: quantity('fraction', 0.05, { min: 0, max: 0.9 }, 'gas volume a compensated store keeps when empty (fraction of its volume)'),
      wallTemperature: quantity('temperature', 308.15, { min: 250, max: 400 }, 'rock (wall) temperature, also the cavern’s temperature when empty', 'assumption (rock at 600–1000 m)'),
      wallHeatTransferCoefficient: quantity('heatTransferCoefficient', 10, { min: 0, max: 1000 }, 'heat-transfer coefficient air–wall (0: adiabatic cavern)', 'assumption (cavern models fit a few to some tens of W/(m² K) to Huntorf data)'),
      heightToDiameter: quantity('fraction', 4, { min: 0.2, max: 50 }, 'height ÷ diameter of each cavern (cylinders), for the wall area'),
    })
    .strict()
    .prefault({});
}

export type CavernParams = z.infer<ReturnType<typeof cavernSchema>>;

export function checkCavern(template: string, S: CavernParams): void {
  if (S.kind === 'cavern' && !(S.pressureMin < S.pressureMax)) throw new PlantInputError(template, 'storage.pressureMin', S.pressureMin, `below storage.pressureMax (${S.pressureMax} Pa)`);
}

/**
 * The air store of a CAES plant, with the air mass between its limits at the wall temperature and its wall area
 * (n cylinders of the given height-to-diameter ratio: mantle and both ends).
 */
export function makeCavern(id: string, ambient: Ambient, S: CavernParams): { store: RigidVessel | ConstantPressureStore; massWindow: number; wallArea: number; fillEmpty(x: Float64Array): void } {
  const air = fluid('Air');
  const Tw = S.wallTemperature;
  const perCavern = S.volume / S.caverns;
  const D = Math.cbrt((4 * perCavern) / (Math.PI * S.heightToDiameter));
  const wallArea = S.caverns * (Math.PI * D * D * S.heightToDiameter + (Math.PI * D * D) / 2);
  const wall = { area: wallArea, U: S.wallHeatTransferCoefficient, T: Tw };
  if (S.kind === 'cavern') {
    const store = new RigidVessel(id, ambient, { kind: 'cavern', fluid: 'Air', volume: S.volume, wall, outlet: 'vapour', pMin: S.pressureMin, pMax: S.pressureMax });
    return { store, wallArea, massWindow: S.volume * (air.tp(Tw, S.pressureMax).rho - air.tp(Tw, S.pressureMin).rho), fillEmpty: (x) => store.fill(x, { T: Tw, p: S.pressureMin }) };
  }
  const store = new ConstantPressureStore(id, ambient, { kind: 'compensated', fluid: 'Air', p: S.pressure, volumeMax: S.volume, volumeMin: S.cushion * S.volume, wall });
  return { store, wallArea, massWindow: S.volume * (1 - S.cushion) * air.tp(Tw, S.pressure).rho, fillEmpty: (x) => store.fill(x, Tw, S.cushion * S.volume) };
}

/** An exchanger off design and the internal pinch of its design point (solveHoldingPinches). */
export interface PinchHold {
  readonly id: string;
  /** Unit: K */
  readonly pinch: number;
}

/**
 * The off-design form of pinch specifications: every exchanger in `ids` that the design point gave ttd_min keeps
 * its design cold-end difference (ttd_l) instead. At the design point the solution is the same; off design the
 * exchanger holds both end differences (as the A-CAES and CO2 system models in the literature do) and the solver
 * no longer evaluates a temperature profile on every residual. Returns every exchanger held at its end differences
 * with its design pinch, for the solves that must not let its profile cross (solveHoldingPinches).
 */
export function holdEndDifferences(net: Network, sol: Solution, ids: readonly string[]): PinchHold[] {
  const updates: Update[] = [];
  const held: string[] = [];
  for (const id of ids) {
    const c = net.component(id).get() as Record<string, unknown>;
    if (c.ttd_min === undefined && c.ttd_l === undefined) continue;
    held.push(id);
    if (c.ttd_min === undefined) continue;
    updates.push({ component: id, set: { ttd_min: undefined, ttd_l: sol.component(id).values.ttd_l } });
  }
  applyToNetwork(net, updates);
  return pinchHolds(sol, held);
}

/** The exchangers among `ids` with their design pinch (where it is positive), for solveHoldingPinches. */
export function pinchHolds(sol: Solution, ids: readonly string[]): PinchHold[] {
  const holds: PinchHold[] = [];
  for (const id of ids) {
    const pinch = sol.component(id).pinch;
    if (pinch !== undefined && pinch > 0) holds.push({ id, pinch });
  }
  return holds;
}

/**
 * An off-design solve of a network whose exchangers hold their design end differences (holdEndDifferences) or
 * effectiveness. Where that would cross the temperature profile inside one of them, as a controller would for this
 * solve: an exchanger held at its end differences (a medium whose c_p bends its profile: off design they no longer
 * leave room inside) holds its design pinch instead of its cold-end difference, its medium flow throttled; an
 * exchanger held at an effectiveness (whose Q_max counts the sides' pressure losses as heat: it crosses where the
 * two inlets are within a kelvin or so) is bypassed, Q = 0. After the solve each goes back to its specification
 * (each operating point a function of its state alone).
 */
export function solveHoldingPinches(net: Network, holds: readonly PinchHold[], solve: () => NetworkSolveResult = () => net.solve()): NetworkSolveResult {
  let r = solve();
  const switched: { readonly id: string; readonly undo: Record<string, number | undefined> }[] = [];
  try {
    for (let pass = 0; pass < holds.length && !r.ok && r.violations; pass++) {
      const violations = r.violations;
      const updates: Update[] = [];
      for (const hold of holds) {
        if (switched.some((s) => s.id === hold.id)) continue;
        const cross = violations.find((v) => v.kind === 'temperature-cross' && v.id === hold.id);
        if (!cross) continue;
        const p = net.component(hold.id).get() as { ttd_l?: number; eps?: number };
        if (p.ttd_l !== undefined && cross.quantity === 'pinch') {
          updates.push({ component: hold.id, set: { ttd_l: undefined, ttd_min: hold.pinch } });
          switched.push({ id: hold.id, undo: { ttd_min: undefined, ttd_l: p.ttd_l } });
        } else if (p.eps !== undefined) {
          updates.push({ component: hold.id, set: { eps: undefined, Q: 0 } });
          switched.push({ id: hold.id, undo: { Q: undefined, eps: p.eps } });
        }
      }
      if (updates.length === 0) break;
      applyToNetwork(net, updates);
      r = solve();
    }
  } finally {
    if (switched.length > 0) applyToNetwork(net, switched.map((s) => ({ component: s.id, set: s.undo })));
  }
  return r;
}

/** A thermal store as its trim cooler sees it after a discharge. */
export interface TrimmedStore {
  readonly store: TwoTankThermalStore;
  /** The cold tank's design temperature. Unit: K */
  readonly coldTemperature: number;
  /** Whether a trim cooler serves the store (thermalStores[].returnCooling). */
  readonly returnCooling: boolean;
}

/**
 * The trim coolers after a discharge: hot medium that the discharge left above the hot tank's heel (the charge
 * stored more heat than the discharge's reheat took) is cooled to the cold-tank temperature and returned to the
 * cold tank, its heat to the ambient, the dry coolers' fans taking `fanFraction` of it. Without this a plant whose
 * charge stores more heat per kg than its discharge uses fills its hot tank cycle after cycle, until the charge stops
 * there before the main store is full. Stores without a trim cooler (returnCooling off) keep their surplus.
 */
export function restoreThermalStores(x: Float64Array, stores: readonly TrimmedStore[], fanFraction: number): Restoration {
  let heat = 0;
  const actions: string[] = [];
  for (const t of stores) {
    if (!t.returnCooling) continue;
    const s = t.store;
    const surplus = s.hotAboveHeel(x);
    if (!(surplus > 0)) continue;
    const hot = s.state(x, TwoTankThermalStore.HOT);
    const hCold = s.hAt(t.coldTemperature);
    const q = surplus * (hot.h - hCold);
    if (!(q > 0)) continue;
    s.set(x, TwoTankThermalStore.HOT, hot.M - surplus, s.E(x, TwoTankThermalStore.HOT) - surplus * hot.h);
    s.set(x, TwoTankThermalStore.COLD, s.M(x, TwoTankThermalStore.COLD) + surplus, s.E(x, TwoTankThermalStore.COLD) + surplus * hCold);
    heat += q;
    actions.push(`${s.id}: ${(surplus / 1e3).toPrecision(4)} t of hot medium the discharge did not use cooled from ${(hot.T - 273.15).toFixed(1)} to ${(t.coldTemperature - 273.15).toFixed(1)} degC into the cold tank (${(q / 3.6e9).toPrecision(4)} MWh to the ambient)`);
  }
  return { heat, electricity: heat * fanFraction, actions };
}
