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

/**
 * What a mode's network is made of, read once: the streams in and out of every component, and the mode's own fields
 * readPoint uses. Its numbers are held in Float64Arrays and its objects hold only strings and booleans: modes are
 * object literals of several shapes (one per template, with or without `control`), and a number that is an integer
 * in one plant (hRefAbs 0, a drive efficiency of 1) and a fraction in the next changes an object's hidden class; an
 * optimised readPoint that met a new one was deoptimised ('wrong map') and recompiled by V8, three times an
 * evaluation of the Luoyang comparison, at ~0.3-0.5 s of compile CPU each (--trace-opt on the built CLI).
 */
interface Topology {
  readonly machines: { id: string; inlet: string; outlet: string; expansion: boolean; member: boolean }[];
  /** η_mech η_el of each machine, in `machines`' order. */
  readonly drive: Float64Array;
  readonly exchangers: { id: string; inlet: string; outlet: string; sink: string }[];
  /** The external temperature of each exchanger, in `exchangers`' order; NaN where it has none. Unit: K */
  readonly exchangerText: Float64Array;
  readonly combustors: { id: string; fuel: string }[];
  /** LHV of each combustor's fuel, in `combustors`' order. Unit: J/kg */
  readonly lhv: Float64Array;
  readonly boundaries: string[];
  /** Components that destroy exergy, with the streams in and out. */
  readonly flows: { id: string; ins: string[]; outs: string[] }[];
  readonly network: Network;
  /** The mode's store ports: their connections and signs, and below, in the same order, their state indices and trims. */
  readonly ports: { connection: string; entering: boolean }[];
  /**
   * Index of each port's part's mass in the store state vector (its store's offset + 2 part; the StoreSet lays the
   * offsets out once, when it is built, before any mode is read).
   */
  readonly portIndex: Int32Array;
  /** The highest enthalpy a port admits; ∞ where it has no trim (h > ∞ never holds, as h > undefined never did). Unit: J/kg */
  readonly portTrim: Float64Array;
  /** The heat sinks the mode names, by name → index into sinkFan and sinkCop. */
  readonly sinks: ReadonlyMap<string, number>;
  readonly sinkFan: Float64Array;
  /** A sink's chiller COP; NaN where it has none. */
  readonly sinkCop: Float64Array;
  readonly mainFlow: string;
  /** [hRefAbs]. Unit: J/kg */
  readonly reference: Float64Array;
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
  const machines: Topology['machines'] = [];
  const drive: number[] = [];
  const exchangers: Topology['exchangers'] = [];
  const exchangerText: number[] = [];
  const combustors: Topology['combustors'] = [];
  const lhv: number[] = [];
  const boundaries: string[] = [];
  const flows: Topology['flows'] = [];
  for (const c of net.allComponents()) {
    const p = c.get() as Record<string, unknown>;
    if (MACHINES.has(c.type)) {
      machines.push({ id: c.id, inlet: ins(c.id)[0], outlet: outs(c.id)[0], expansion: c.type === 'turbine', member: members.has(c.id) });
      drive.push(((p.eta_mech as number | undefined) ?? 1) * ((p.eta_el as number | undefined) ?? 1));
    } else if (c.type === 'heater' || c.type === 'cooler') {
      exchangers.push({ id: c.id, inlet: ins(c.id)[0], outlet: outs(c.id)[0], sink: (p.sink as string | undefined) ?? 'ambient' });
      exchangerText.push((p.T_external as number | undefined) ?? NaN);
    } else if (c.type === 'combustor') {
      const fuel = conns.find((x) => x.to.component === c.id && x.to.port === 'fuel') as { id: string };
      combustors.push({ id: c.id, fuel: fuel.id });
      lhv.push(sol.report(c.id).values.LHV);
    } else if (BOUNDARIES.has(c.type) && !mode.storeComponents.has(c.id)) {
      boundaries.push(c.id);
    } else if (STORE_BOUNDARIES.has(c.type) && !mode.storeComponents.has(c.id)) {
      throw new RangeError(`${c.type} ${c.id} is a store boundary the transient does not know`);
    }
    if (!NO_DESTRUCTION.has(c.type)) flows.push({ id: c.id, ins: ins(c.id), outs: outs(c.id) });
  }
  const sinks = new Map<string, number>();
  const sinkFan: number[] = [];
  const sinkCop: number[] = [];
  for (const name of Object.keys(mode.sinks)) {
    const k = mode.sinks[name];
    if (!k) continue;
    sinks.set(name, sinkFan.length);
    sinkFan.push(k.fanFraction);
    sinkCop.push(k.cop ?? NaN);
  }
  const t: Topology = {
    machines,
    drive: Float64Array.from(drive),
    exchangers,
    exchangerText: Float64Array.from(exchangerText),
    combustors,
    lhv: Float64Array.from(lhv),
    boundaries,
    flows,
    network: net,
    ports: mode.ports.map((p) => ({ connection: p.connection, entering: p.sign > 0 })),
    portIndex: Int32Array.from(mode.ports, (p) => p.store.offset + 2 * p.part),
    portTrim: Float64Array.from(mode.ports, (p) => p.trimEnthalpy ?? Infinity),
    sinks,
    sinkFan: Float64Array.from(sinkFan),
    sinkCop: Float64Array.from(sinkCop),
    mainFlow: mode.mainFlow,
    reference: Float64Array.of(mode.hRefAbs),
  };
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
  const T0 = t.network.deadState.T;
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
  for (let k = 0; k < t.machines.length; k++) {
    const m = t.machines[k];
    const a = sol.stream(m.inlet);
    const P = a.m * (sol.stream(m.outlet).h - a.h);
    const P_el = m.expansion ? P * t.drive[k] : P / t.drive[k];
    electricOf.set(m.id, P_el);
    electric += P_el;
    if (m.member) bus += P_el;
    drivetrain += P_el - P;
  }
  const sinkHeat = new Map<string, number>();
  let fromAmbient = 0;
  for (let k = 0; k < t.exchangers.length; k++) {
    const x = t.exchangers[k];
    const Text = t.exchangerText[k];
    const a = sol.stream(x.inlet);
    const Q = a.m * (sol.stream(x.outlet).h - a.h);
    heat += Q;
    out.heat.set(x.id, Q);
    heatExergy.set(x.id, Q * (1 - T0 / (Number.isNaN(Text) ? T0 : Text)));
    sinkHeat.set(x.sink, (sinkHeat.get(x.sink) ?? 0) + Q);
    if (x.sink === 'ambient' && Q > 0) fromAmbient += Q;
  }
  for (let k = 0; k < t.combustors.length; k++) {
    const f = sol.stream(t.combustors[k].fuel);
    fuel += f.m * t.lhv[k];
    fuelExergy += f.E;
  }
  for (const id of t.boundaries) {
    const a = sol.report(id).accounting;
    boundaryEnergy += a.energy - a.mass * t.reference[0];
    boundaryMass += a.mass;
  }
  for (const f of t.flows) {
    let d = electricOf.get(f.id) ?? 0;
    d += heatExergy.get(f.id) ?? 0;
    for (const c of f.ins) d += sol.stream(c).E;
    for (const c of f.outs) d -= sol.stream(c).E;
    out.destruction.set(f.id, d);
  }
  let external = 0;
  for (const [name, Q] of sinkHeat) {
    const k = t.sinks.get(name);
    if (k === undefined) continue;
    external += t.sinkFan[k] * Math.abs(Q);
    const cop = t.sinkCop[k];
    if (!Number.isNaN(cop)) external += Math.abs(Q) / cop;
  }
  let trim = 0;
  for (let k = 0; k < t.ports.length; k++) {
    const port = t.ports[k];
    const r = sol.stream(port.connection);
    let h = r.h;
    const hMax = t.portTrim[k];
    if (port.entering && h > hMax) {
      trim += r.m * (h - hMax);
      h = hMax;
    }
    const i = t.portIndex[k];
    const sign = port.entering ? 1 : -1;
    out.rates[i] += sign * r.m;
    out.rates[i + 1] += sign * r.m * h;
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
  out.massFlow = sol.stream(t.mainFlow).m;
  return out;
}
