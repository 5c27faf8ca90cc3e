/**
 * One operating mode of a plant (charge or discharge) as the transient sees it: a network whose boundaries follow
 * the store states, the streams through which each store part gains or loses fluid, and one quasi-steady operating
 * point per time step, read off the solved network:
 *   net electric power   P = Σ P_el (machines: + drawn, − delivered) + P_aux (fans, chillers)
 *   fans, chillers       P_aux = Σ_sinks (f_fan |Q_sink| + Q_chiller / COP)
 *   store rates          dM/dt = Σ ± ṁ,  dE/dt = Σ ± ṁ h   (per part; a trim cooler caps h before a cold tank)
 *   exhaust              Ė_exh = Ė_fuel,LHV − Σ_boundaries (ṁ h_abs − ṁ h_ref)   (intake, exhaust, fuel)
 * so that over any time  P + Ė_fuel = dE_stored/dt + Ė_exh + P_drivetrain + Q̇_rejected − Q̇_standing  holds to the
 * network's own balance (the cycle's conservation check).
 */
import type { Network } from '../network/network.js';
import type { Solution } from '../network/solution.js';
import type { SolveResult } from '../../numerics/index.js';
import type { Store } from './stores.js';

/** A stream between the network and one part of a store. */
export interface StorePort {
  readonly store: Store;
  readonly part: number;
  /** Connection id in the mode's network. */
  readonly connection: string;
  /** +1: the stream enters the part; −1: it leaves it. */
  readonly sign: 1 | -1;
  /** Highest specific enthalpy admitted into the part: above it a trim cooler rejects the excess to the ambient. Unit: J/kg */
  readonly trimEnthalpy?: number;
}

/** A named heat sink or source outside the network (heater/cooler `sink`). */
export interface HeatSink {
  /** Fan (or pump) power per heat moved, for dry coolers and air heaters. Unit: - */
  readonly fanFraction: number;
  /** Coefficient of performance of a chiller serving it (electricity = heat ÷ COP). Unit: - */
  readonly cop?: number;
}

export interface OperatingMode {
  readonly phase: 'charge' | 'discharge';
  readonly network: Network;
  readonly ports: readonly StorePort[];
  /** The machines whose electric power `prepare` sets (the main power bus). */
  readonly busMembers: readonly string[];
  /** Heat sinks by name (heaters' and coolers' `sink`; 'ambient' when unnamed). */
  readonly sinks: Readonly<Record<string, HeatSink>>;
  /** Ids of the components that are store boundaries (two-tank stores, vessels, gas holders). */
  readonly storeComponents: ReadonlySet<string>;
  /** Connections carrying fuel into combustors (for the fuel's exergy). */
  readonly fuelConnections: readonly string[];
  /** The connection of the main working-fluid flow (time series). */
  readonly mainFlow: string;
  /** h_abs of the open working fluid at the dead state (the zero of energy carried across the boundary). Unit: J/kg */
  readonly hRefAbs: number;
  /**
   * Sets the network's boundaries for the store states x and the main bus's electric power (a magnitude, W);
   * returns why the mode cannot run at these states, or undefined.
   */
  prepare(x: Float64Array, busPower: number): string | undefined;
  /** Solves the prepared network at store states x, where a mode controls more than `prepare` sets (default: network.solve()). */
  solve?(x: Float64Array): SolveResult<Solution>;
  /**
   * A controller acting on the stores after each step's flows (a tank cooler holding a liquid tank at its
   * condensing temperature): changes x, returns the heat it rejected to the ambient (J) and the electricity its fans
   * drew (J) over dt.
   */
  control?(x: Float64Array, dt: number): { readonly heat: number; readonly electricity: number };
}

/** One quasi-steady operating point: powers, flows and the rates of change of the stores. */
export class OperatingPoint {
  /** Net electric power, + drawn, − delivered. Unit: W */
  net = 0;
  /** Electric power of the main bus (signed like `net`). Unit: W */
  bus = 0;
  /** Auxiliaries: pumps, fans, chillers (always drawn). Unit: W */
  aux = 0;
  /** Fans and chillers only (electricity outside the network, which ends as heat). Unit: W */
  external = 0;
  /** Fuel burnt, LHV. Unit: W */
  fuel = 0;
  /** Chemical and physical exergy of the fuel. Unit: W */
  fuelExergy = 0;
  /** Heat to sinks outside the network (coolers +, heat taken by heaters −), trims and external auxiliaries. Unit: W */
  heatRejected = 0;
  /** Heat taken from the ambient by heaters (a part of heatRejected, with the opposite sign). Unit: W */
  heatFromAmbient = 0;
  /** Motor, generator and mechanical losses. Unit: W */
  drivetrain = 0;
  /** Exhaust loss (enthalpy of what leaves for the ambient, fuel counted at LHV). Unit: W */
  exhaust = 0;
  /** Trim coolers in front of cold tanks. Unit: W */
  trim = 0;
  /** Mass flow of the main stream. Unit: kg/s */
  massFlow = 0;
  /** Mass entering through the boundaries that are not stores (intake − exhaust + fuel). Unit: kg/s */
  boundaryMass = 0;
  /** d(M, E)/dt of every store part, laid out as the plant's state vector. Unit: kg/s, W */
  readonly rates: Float64Array;
  /** Exergy destruction by component id. Unit: W */
  readonly destruction = new Map<string, number>();
  /** Heat by heater/cooler id (+ into the fluid). Unit: W */
  readonly heat = new Map<string, number>();
  constructor(size: number) {
    this.rates = new Float64Array(size);
  }
}

const MACHINES = new Set(['compressor', 'turbine', 'pump']);
const BOUNDARIES = new Set(['source', 'sink']);
const STORE_BOUNDARIES = new Set(['two-tank-store', 'storage-vessel', 'gas-holder']);
const NO_DESTRUCTION = new Set([...BOUNDARIES, ...STORE_BOUNDARIES, 'power-bus']);

/** What a mode's network is made of, read once: the streams in and out of every component. */
interface Topology {
  readonly machines: { id: string; inlet: string; outlet: string; expansion: boolean; drive: number; member: boolean }[];
  readonly exchangers: { id: string; inlet: string; outlet: string; sink: string; Text: number | undefined }[];
  readonly combustors: { id: string; fuel: string; lhv: number }[];
  readonly boundaries: string[];
  /** Components that destroy exergy, with the streams in and out. */
  readonly flows: { id: string; ins: string[]; outs: string[] }[];
}

const topologies = new WeakMap<OperatingMode, Topology>();

function topologyOf(mode: OperatingMode, sol: Solution): Topology {
  const hit = topologies.get(mode);
  if (hit) return hit;
  const net = mode.network;
  const conns = net.allConnections();
  const ins = (id: string) => conns.filter((c) => c.to.component === id).map((c) => c.id);
  const outs = (id: string) => conns.filter((c) => c.from.component === id).map((c) => c.id);
  const members = new Set(mode.busMembers);
  const t: Topology = { machines: [], exchangers: [], combustors: [], boundaries: [], flows: [] };
  for (const c of net.allComponents()) {
    const p = c.get() as Record<string, unknown>;
    if (MACHINES.has(c.type)) {
      t.machines.push({ id: c.id, inlet: ins(c.id)[0], outlet: outs(c.id)[0], expansion: c.type === 'turbine', drive: ((p.eta_mech as number | undefined) ?? 1) * ((p.eta_el as number | undefined) ?? 1), member: members.has(c.id) });
    } else if (c.type === 'heater' || c.type === 'cooler') {
      t.exchangers.push({ id: c.id, inlet: ins(c.id)[0], outlet: outs(c.id)[0], sink: (p.sink as string | undefined) ?? 'ambient', Text: p.T_external as number | undefined });
    } else if (c.type === 'combustor') {
      const fuel = conns.find((x) => x.to.component === c.id && x.to.port === 'fuel') as { id: string };
      t.combustors.push({ id: c.id, fuel: fuel.id, lhv: sol.report(c.id).values.LHV });
    } else if (BOUNDARIES.has(c.type) && !mode.storeComponents.has(c.id)) {
      t.boundaries.push(c.id);
    } else if (STORE_BOUNDARIES.has(c.type) && !mode.storeComponents.has(c.id)) {
      throw new RangeError(`${c.type} ${c.id} is a store boundary the transient does not know`);
    }
    if (!NO_DESTRUCTION.has(c.type)) t.flows.push({ id: c.id, ins: ins(c.id), outs: outs(c.id) });
  }
  topologies.set(mode, t);
  return t;
}

/**
 * Reads a solved network into an operating point, from its stream table (powers m Δh over the drive train,
 * heat m Δh, exergy destruction Σ E_in − Σ E_out + P_el + Q (1 − T0/T_ext)) — the same figures as the component
 * reports, without their heat-exchanger profiles.
 */
export function readPoint(mode: OperatingMode, sol: Solution, out: OperatingPoint): OperatingPoint {
  const t = topologyOf(mode, sol);
  out.rates.fill(0);
  out.destruction.clear();
  out.heat.clear();
  const T0 = mode.network.deadState.T;
  const row = (id: string) => sol.stream(id);
  const electricOf = new Map<string, number>();
  const heatExergy = new Map<string, number>();
  let electric = 0;
  let bus = 0;
  let drivetrain = 0;
  let heat = 0;
  let fuel = 0;
  let fuelExergy = 0;
  let boundaryEnergy = 0;
  let boundaryMass = 0;
  for (const m of t.machines) {
    const a = row(m.inlet);
    const P = a.m * (row(m.outlet).h - a.h);
    const P_el = m.expansion ? P * m.drive : P / m.drive;
    electricOf.set(m.id, P_el);
    electric += P_el;
    if (m.member) bus += P_el;
    drivetrain += P_el - P;
  }
  const sinkHeat = new Map<string, number>();
  let fromAmbient = 0;
  for (const x of t.exchangers) {
    const a = row(x.inlet);
    const Q = a.m * (row(x.outlet).h - a.h);
    heat += Q;
    out.heat.set(x.id, Q);
    heatExergy.set(x.id, Q * (1 - T0 / (x.Text ?? T0)));
    sinkHeat.set(x.sink, (sinkHeat.get(x.sink) ?? 0) + Q);
    if (x.sink === 'ambient' && Q > 0) fromAmbient += Q;
  }
  for (const c of t.combustors) {
    const f = row(c.fuel);
    fuel += f.m * c.lhv;
    fuelExergy += f.E;
  }
  for (const id of t.boundaries) {
    const a = sol.report(id).accounting;
    boundaryEnergy += a.energy - a.mass * mode.hRefAbs;
    boundaryMass += a.mass;
  }
  for (const f of t.flows) {
    let d = electricOf.get(f.id) ?? 0;
    d += heatExergy.get(f.id) ?? 0;
    for (const c of f.ins) d += row(c).E;
    for (const c of f.outs) d -= row(c).E;
    out.destruction.set(f.id, d);
  }
  let external = 0;
  for (const [name, Q] of sinkHeat) {
    const sink = mode.sinks[name];
    if (!sink) continue;
    external += sink.fanFraction * Math.abs(Q);
    if (sink.cop !== undefined) external += Math.abs(Q) / sink.cop;
  }
  let trim = 0;
  for (const port of mode.ports) {
    const r = row(port.connection);
    let h = r.h;
    if (port.sign > 0 && port.trimEnthalpy !== undefined && h > port.trimEnthalpy) {
      trim += r.m * (h - port.trimEnthalpy);
      h = port.trimEnthalpy;
    }
    const i = port.store.offset + 2 * port.part;
    out.rates[i] += port.sign * r.m;
    out.rates[i + 1] += port.sign * r.m * h;
  }
  out.net = electric + external;
  out.bus = bus;
  out.aux = electric - bus + external;
  out.external = external;
  out.fuel = fuel;
  out.fuelExergy = fuelExergy;
  out.drivetrain = drivetrain;
  out.trim = trim;
  out.heatRejected = -heat + trim + external;
  out.heatFromAmbient = fromAmbient;
  out.exhaust = fuel - boundaryEnergy;
  out.boundaryMass = boundaryMass;
  out.massFlow = row(mode.mainFlow).m;
  return out;
}
