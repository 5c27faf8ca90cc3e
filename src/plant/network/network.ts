/**
 * A plant network: components joined by streams, solved for its steady state (assembly in assemble.ts).
 *
 *   const net = new Network({ deadState: { T: 293.15, p: 101300 } });
 *   net.add(new Source('air', { fluid: 'Air', ambient: true }), new Compressor('C1', { eta_s: 0.85, pr: 8 }), new Sink('out'));
 *   net.connect('air', 'C1', { m: 100 });
 *   net.connect('C1', 'out');
 *   const result = net.solve();   // SolveResult<Solution>
 *
 * Assembly (cached until a specification is added or removed; changing a value keeps it): streams get variables
 * m, p, h (and f for flue gas), the fluid of each stream is spread from the boundaries through every component that
 * passes it on, every component and stream specification contributes its equations, and the structure is checked
 * before any number is computed — dangling ports, fluid conflicts, and too few or too many specifications, named by
 * stream and component. Solving goes block by block in block-triangular order (structure.ts), each block by Newton
 * (newton.ts) from starting values spread through the topology (guess.ts) or, on a re-solve, from the last
 * solution. A converged solution that breaks physics or its specification's sense (violations.ts: a compressor
 * that expands, a temperature cross, negative flow, …) is a failed result carrying the violations, unless the network
 * (`allowUnphysical`) or the component accepts them.
 */
import { resolveFluid, type FluidSpec } from '../fluids/resolve.js';
import type { StreamFluid } from '../fluids/stream-fluid.js';
import { failed, solved, type SolveResult } from '../../numerics/index.js';
import { FluidInputError } from '../../fluids/index.js';
import type { Component, DeadState } from '../core/component.js';
import { checkStreamSpecs, STREAM_SPEC_KEYS, type StreamSpecs } from '../core/specs.js';
import { NetworkSpecificationError, PlantInputError, checkNumber, type Problem } from '../errors.js';
import type { Equation, PortRef } from '../core/equation.js';
import type { Evaluator } from '../core/evaluator.js';
import { GuessState, startingValues } from './guess.js';
import { SOLVER_DEFAULTS, isRangeError, solveBlock, type BlockOutcome, type SolverOptions, type SystemView } from './newton.js';
import { assemble, type Assembly } from './assemble.js';
import { Solution } from './solution.js';
import { networkDocument, type NetworkDocument } from './doc.js';
import { allows, checkAllowance, describeViolations, type PhysicsViolation, type UnphysicalAllowance, type ViolationKind } from '../violations.js';

/** How a solve starts: from the last solution, block by block from nothing, or from guesses spread through the topology. */
type StartMode = 'warm' | 'sequential' | 'guess';

/** Where a stream starts or ends: a component and one of its ports. */
export interface Endpoint {
  readonly component: string;
  readonly port: string;
}

export interface Connection {
  /** Identifier (given, or 's1', 's2', … in order). */
  readonly id: string;
  readonly from: Endpoint;
  readonly to: Endpoint;
  /** 'C1 → IC1' (with ports where a component has several). */
  readonly label: string;
  /** Specifications on the stream (SI). */
  specs: StreamSpecs;
  /** The fluid, where the stream's source does not already say. */
  fluid?: FluidSpec;
}

export interface ConnectionOptions extends StreamSpecs {
  id?: string;
  fluid?: FluidSpec;
}

export interface NetworkOptions {
  readonly name?: string;
  /** Dead state of exergy, also the ambient of sources and sinks with `ambient: true` (default 293.15 K, 101325 Pa). */
  readonly deadState?: Partial<DeadState>;
  /** Violations of physics accepted anywhere in the network as warnings (every kind, or those listed; violations.ts). */
  readonly allowUnphysical?: UnphysicalAllowance;
}

export const DEFAULT_DEAD_STATE: DeadState = Object.freeze({ T: 293.15, p: 101325 });

/** Statistics of one solve. */
export interface SolveStats {
  /** Blocks of the block-triangular form, and the size of the largest. */
  readonly blocks: number;
  readonly largestBlock: number;
  /** Newton iterations summed over blocks. */
  readonly iterations: number;
  /** Stream evaluations (flashes). */
  readonly evaluations: number;
  /** Warm start from the previous solution. */
  readonly warm: boolean;
  /** Wall time of the solve. Unit: s */
  readonly seconds: number;
}

/** What failed, for a result that did not converge. */
export interface SolveFailure {
  readonly x: Float64Array;
  /** The largest residuals with their owners, at the point where the solver gave up. */
  readonly residuals: readonly { readonly owner: string; readonly equation: string; readonly residual: number }[];
}

/**
 * What `Network.solve` returns: a solution, or why not — with `failure` where Newton did not converge, with
 * `violations` (and the converged solution as `last`) where the solution breaks physics the network does not accept.
 */
export type NetworkSolveResult = SolveResult<Solution> & { readonly failure?: SolveFailure; readonly violations?: readonly PhysicsViolation[] };

/** Options of one solve: the solver's, and whether the converged solution is checked against physics. */
export interface SolveOptions extends Partial<SolverOptions> {
  /**
   * Check the converged solution against physics before returning it (violations.ts; default true). `false` is for
   * a search that throws most of its trial solutions away (a transient step's retries, heat rationing's trials):
   * such a result is not yet a verdict, and whatever a user sees passes through `judge` first, once, on the
   * solution kept — before the network's specifications change (an exchanger's check reads its own parameters:
   * one held at a pinch cannot cross). The part of the check a search needs on every trial: `Solution.violationsOf`.
   */
  readonly check?: boolean;
}

/**
 * A solve's result judged against physics: a converged solution that breaks physics the network or its components
 * do not accept becomes a failed result carrying the violations and the solution (`last`), as `Network.solve`
 * returns it by default; anything else is returned as it is. Judging twice costs nothing (the solution remembers
 * its violations), so a result already judged may pass again.
 */
export function judge(r: NetworkSolveResult): NetworkSolveResult {
  if (!r.ok) return r;
  const refused = r.value.violations().filter((v) => !v.allowed);
  if (refused.length === 0) return r;
  return { ...failed(describeViolations(refused), r.iterations, r.value), violations: refused };
}


export class Network {
  readonly name: string;
  readonly deadState: DeadState;
  private readonly components = new Map<string, Component>();
  private readonly connections: Connection[] = [];
  private assembly: Assembly | undefined;
  private last: Float64Array | undefined;
  private lastSignature = '';
  /** Variable layout of the last solution: a solve after a specification changed starts from it when this holds. */
  private lastLayout = '';
  /** The layout now (layout()), until a component or connection is added. */
  private layoutMemo: string | undefined;
  /** The connections' part of the signature, until a connection is made or its specifications change. */
  private connectionMemo: string | undefined;
  private unphysical: UnphysicalAllowance | undefined;

  constructor(options: NetworkOptions = {}) {
    this.name = options.name ?? 'network';
    const T = options.deadState?.T ?? DEFAULT_DEAD_STATE.T;
    const p = options.deadState?.p ?? DEFAULT_DEAD_STATE.p;
    checkNumber('network', 'deadState.T', T, { min: 0, minOpen: true, unit: 'K' });
    checkNumber('network', 'deadState.p', p, { min: 0, minOpen: true, unit: 'Pa' });
    this.deadState = Object.freeze({ T, p });
    this.unphysical = checkAllowance('network', 'allowUnphysical', options.allowUnphysical);
  }

  /**
   * Accepts solutions that break physics anywhere in the network (every kind, or the kinds listed; `false`
   * withdraws it): they are then warnings instead of a failed solve. One component: `Component.allowUnphysical`.
   */
  allowUnphysical(kinds: UnphysicalAllowance | false = true): this {
    this.unphysical = checkAllowance('network', 'allowUnphysical', kinds);
    return this;
  }

  /** The network-wide opt-in, if any. */
  get unphysicalAllowance(): UnphysicalAllowance | undefined {
    return this.unphysical;
  }

  /** Whether the network accepts violations of this kind everywhere. */
  allowsUnphysical(kind: ViolationKind): boolean {
    return allows(this.unphysical, kind);
  }

  /** Adds components (ids must be unique). */
  add(...components: Component[]): this {
    this.layoutMemo = undefined;
    for (const c of components) {
      if (this.components.has(c.id)) throw new PlantInputError(c.label, 'id', c.id, 'an id no other component of the network has');
      this.components.set(c.id, c);
    }
    return this;
  }

  /** The component with this id. */
  component<C extends Component = Component>(id: string): C {
    const c = this.components.get(id);
    if (!c) throw new PlantInputError('network', 'component', id, `one of ${[...this.components.keys()].join(', ')}`);
    return c as C;
  }

  /** All components in the order added. */
  allComponents(): readonly Component[] {
    return [...this.components.values()];
  }

  /**
   * The network's document (the network-file format, SI numbers): what a researcher opens as YAML and gives back to
   * `chuneng solve`; loading it again gives this network (network/doc.ts).
   */
  toDoc(description?: string): NetworkDocument {
    return networkDocument(this, description);
  }

  /** All connections in the order made. */
  allConnections(): readonly Connection[] {
    return this.connections;
  }

  /** The connection into a component's inlet `port`, or into its only inlet when `port` is omitted; undefined if none. */
  connectionInto(component: string, port?: string): Connection | undefined {
    return this.connections.find((c) => c.to.component === component && (port === undefined || c.to.port === port));
  }

  /**
   * Connects an outlet to an inlet: 'C1.out' → 'IC1.hot_in'; a component with a single outlet (inlet) may be named
   * alone ('C1'). Specifications on the stream (SI: m kg/s, p Pa, T K, h J/kg, Q -) and its fluid may follow.
   */
  connect(from: string, to: string, options: ConnectionOptions = {}): Connection {
    const a = this.endpoint(from, 'outlet');
    const b = this.endpoint(to, 'inlet');
    const id = options.id ?? `s${this.connections.length + 1}`;
    if (this.connections.some((c) => c.id === id)) throw new PlantInputError('network', 'connection id', id, 'an id no other connection has');
    const { id: _id, fluid, ...specs } = options;
    const label = `${this.short(a, 'outlet')} → ${this.short(b, 'inlet')}`;
    checkStreamSpecs(`stream ${label}`, specs);
    const c: Connection = { id, from: a, to: b, label, specs: clean(specs), ...(fluid !== undefined ? { fluid } : {}) };
    if (fluid !== undefined) this.checkFluid(c, fluid);
    this.connections.push(c);
    this.layoutMemo = undefined;
    this.connectionMemo = undefined;
    return c;
  }

  /** The connection with this id or label. */
  connection(idOrLabel: string): Connection {
    const c = this.connections.find((x) => x.id === idOrLabel || x.label === idOrLabel);
    if (!c) throw new PlantInputError('network', 'connection', idOrLabel, `one of ${this.connections.map((x) => x.id).join(', ')}`);
    return c;
  }

  /** Changes a stream's specifications; `undefined` removes one. */
  setSpecs(idOrLabel: string, changes: Partial<Record<keyof StreamSpecs, number | undefined>>): void {
    const c = this.connection(idOrLabel);
    const next: Record<string, unknown> = { ...c.specs };
    for (const [k, v] of Object.entries(changes)) {
      if (!(STREAM_SPEC_KEYS as readonly string[]).includes(k)) throw new PlantInputError(`stream ${c.label}`, k, v, `one of ${STREAM_SPEC_KEYS.join(', ')}`);
      next[k] = v;
    }
    const specs = clean(next as StreamSpecs);
    checkStreamSpecs(`stream ${c.label}`, specs);
    c.specs = specs;
    this.connectionMemo = undefined;
  }

  /** Everything wrong with the structure and the specification (empty when it can be solved). */
  check(): readonly Problem[] {
    const built = this.build();
    return 'problems' in built ? built.problems : [];
  }

  /**
   * The assembled equation system — equations, the evaluator holding the variables (the last solution after a
   * solve) and a name for every variable — for diagnostics and tests. Throws NetworkSpecificationError.
   */
  system(): { readonly equations: readonly Equation[]; readonly evaluator: Evaluator; readonly variableNames: readonly string[]; readonly blocks: readonly (readonly number[])[] } {
    const built = this.build();
    if ('problems' in built) throw new NetworkSpecificationError(built.problems);
    return { equations: built.equations, evaluator: built.e, variableNames: built.variableNames, blocks: built.blocks };
  }

  /** Forgets the last solution and the assembled equations with whatever they remember: the next solve is cold. */
  reset(): void {
    this.last = undefined;
    this.assembly = undefined;
  }

  /**
   * Solves the network. Throws NetworkSpecificationError for a network that cannot be solved as specified (the
   * caller's mistake); returns `{ ok: false, reason, failure }` when Newton does not converge, with the largest
   * residuals by component and equation, and `{ ok: false, reason, violations, last }` when the converged solution
   * breaks physics in a way neither the network nor the component accepts (the reason: one paragraph naming each
   * component or stream, the quantity, its value and what would be sensible). With `check: false` a converged
   * solution is returned unjudged, for a search to judge the one it keeps (`judge`).
   */
  solve(options: SolveOptions = {}): NetworkSolveResult {
    const t0 = performance.now();
    const { check = true, ...solver } = options;
    const opts: SolverOptions = { ...SOLVER_DEFAULTS, ...solver };
    const built = this.build();
    if ('problems' in built) throw new NetworkSpecificationError(built.problems);
    const a = built;
    const e = a.e;
    e.evaluations = 0;
    // the last solution is a start after a specification changed too, as long as the streams (the variables) are the same
    const warm = opts.warm && this.last !== undefined && this.last.length === a.e.x.length && (this.lastSignature === a.signature || this.lastLayout === this.layout());
    // where every block is one equation with a closed form, a solve needs no starting values at all (a sequential
    // solve, as fast from cold as from warm); otherwise the last solution or guesses spread through the topology,
    // and guesses again if that fails
    let mode: StartMode = a.explicitOnly ? 'sequential' : warm ? 'warm' : 'guess';
    let outcome = this.run(a, opts, mode);
    while (!outcome.ok && mode !== 'guess') {
      mode = mode === 'warm' && a.explicitOnly ? 'sequential' : 'guess';
      outcome = this.run(a, opts, mode);
    }
    const usedWarm = mode === 'warm';
    const seconds = (performance.now() - t0) / 1000;
    const stats: SolveStats = {
      blocks: a.blocks.length,
      largestBlock: a.blocks.reduce((m, b) => Math.max(m, b.length), 0),
      iterations: outcome.iterations,
      evaluations: e.evaluations,
      warm: usedWarm,
      seconds,
    };
    if (!outcome.ok) {
      this.last = undefined;
      const failure: SolveFailure = { x: Float64Array.from(e.x), residuals: this.worstResiduals(a) };
      const worst = failure.residuals
        .slice(0, 5)
        .map((w) => `${w.owner}: ${w.equation} = ${w.residual.toExponential(3)}`)
        .join('; ');
      return { ...failed(`${outcome.reason}. Largest residuals (scaled): ${worst}`, outcome.iterations), failure };
    }
    // a converged point is a good start for the next solve, whether or not its physics is accepted
    this.last = Float64Array.from(e.x);
    this.lastSignature = a.signature;
    this.lastLayout = this.layout();
    const solution = new Solution(this, a.ports, a.portMaps, e.clone(), a.fuel, stats);
    const result = solved(solution, outcome.iterations);
    return check ? judge(result) : result;
  }

  private run(a: Assembly, opts: SolverOptions, mode: StartMode): { ok: boolean; iterations: number; reason?: string } {
    const e = a.e;
    if (mode === 'warm') e.x.set(this.last as Float64Array);
    else if (mode === 'guess') this.coldStart(a);
    else {
      e.x.fill(NaN);
      e.invalidate();
    }
    this.updateScales(a);
    const sys: SystemView = { equations: a.equations, kinds: a.kinds, upper: a.upper, scales: a.scales, e, options: opts, colOf: a.colOf, ...(mode === 'warm' ? { start: this.last } : {}) };
    let iterations = 0;
    for (let b = 0; b < a.blocks.length; b++) {
      const res = solveBlock(sys, a.blocks[b], a.blockVars[b], mode === 'warm');
      iterations += res.iterations;
      if (!res.ok) return { ok: false, iterations, reason: this.describeFailure(a, b, res) };
    }
    return { ok: true, iterations };
  }

  private coldStart(a: Assembly): void {
    const g = new GuessState(a.ports, this.deadState);
    const specs = this.connections.map((c) => c.specs);
    startingValues(g, {
      components: this.allComponents(),
      portOf: (c, port) => a.portMaps.get(c)?.get(port) as PortRef,
      specs,
      ids: this.connections.map((c) => c.id),
    });
    const x = a.e.x;
    a.ports.forEach((p, k) => {
      x[p.m] = g.m[k];
      x[p.p] = g.p[k];
      x[p.h] = g.h[k];
      if (p.f >= 0) x[p.f] = g.f[k];
    });
    a.e.invalidate();
  }

  /** The mass-flow scale: the largest flow known now (or specified), else 1 kg/s. */
  private updateScales(a: Assembly): void {
    let m = 0;
    for (const p of a.ports) {
      const v = Math.abs(a.e.x[p.m]);
      if (v > m) m = v;
    }
    for (const c of this.connections) if (c.specs.m !== undefined) m = Math.max(m, Math.abs(c.specs.m));
    a.scales.m = Number.isFinite(m) && m > 1e-6 ? m : 1;
  }

  private describeFailure(a: Assembly, block: number, res: BlockOutcome): string {
    const eqs = a.blocks[block];
    const names = eqs.slice(0, 8).map((i) => `${a.equations[i].owner}: ${a.equations[i].name}`);
    let text = `did not converge in block ${block + 1} of ${a.blocks.length} (${eqs.length} equation${eqs.length > 1 ? 's' : ''}: ${names.join(', ')}${eqs.length > 8 ? ', …' : ''}): ${res.reason}`;
    if (res.singularVariable !== undefined) {
      const v = res.singularVariable;
      const touching = eqs.filter((i) => a.equations[i].vars.includes(v)).map((i) => `${a.equations[i].owner}: ${a.equations[i].name}`);
      text += `; the variable that lost rank is ${a.variableNames[v]}, touched by ${touching.join(', ')}`;
      const port = a.ports.find((p) => p.h === v);
      let twoPhase = false;
      try {
        twoPhase = port !== undefined && !Number.isNaN(a.e.state(port).Q);
      } catch (error) {
        if (!isRangeError(error)) throw error;
      }
      if (twoPhase) text += ' (the stream is two-phase there, where a temperature cannot fix h: give a quality Q instead)';
    }
    const owners = new Set(eqs.map((i) => a.equations[i].owner));
    for (const c of this.components.values()) {
      if (!owners.has(c.label)) continue;
      const map = a.portMaps.get(c) as Map<string, PortRef>;
      const hint = c.diagnose(a.e, (name) => map.get(name) as PortRef);
      if (hint) text += `; ${hint}`;
    }
    return text;
  }

  private worstResiduals(a: Assembly): { owner: string; equation: string; residual: number }[] {
    const out: { owner: string; equation: string; residual: number }[] = [];
    for (const eq of a.equations) {
      let r: number;
      try {
        r = eq.residual(a.e);
      } catch (error) {
        if (!isRangeError(error)) throw error;
        r = NaN;
      }
      out.push({ owner: eq.owner, equation: eq.name, residual: r });
    }
    return out.sort((x, y) => (Number.isNaN(y.residual) ? 1 : Math.abs(y.residual)) - (Number.isNaN(x.residual) ? 1 : Math.abs(x.residual)));
  }

  // ——— assembly ———

  private endpoint(text: string, kind: 'inlet' | 'outlet'): Endpoint {
    if (typeof text !== 'string' || text === '') throw new PlantInputError('network', kind, text, `'component.port' or a component id`);
    const dot = text.indexOf('.');
    const id = dot < 0 ? text : text.slice(0, dot);
    const c = this.components.get(id);
    if (!c) throw new PlantInputError('network', kind, text, `a port of one of the components ${[...this.components.keys()].join(', ')}`);
    const ports = kind === 'outlet' ? c.outlets() : c.inlets();
    if (dot < 0) {
      if (ports.length !== 1) throw new PlantInputError(c.label, kind, text, `one of ${ports.map((p) => `${id}.${p}`).join(', ') || `(none: a ${c.type} has no ${kind})`}`);
      return { component: id, port: ports[0] };
    }
    const port = text.slice(dot + 1);
    if (!ports.includes(port)) throw new PlantInputError(c.label, kind, text, `one of ${ports.map((p) => `${id}.${p}`).join(', ') || `(none: a ${c.type} has no ${kind})`}`);
    return { component: id, port };
  }

  private short(end: Endpoint, kind: 'inlet' | 'outlet'): string {
    const c = this.components.get(end.component) as Component;
    const ports = kind === 'outlet' ? c.outlets() : c.inlets();
    return ports.length === 1 ? end.component : `${end.component}.${end.port}`;
  }

  private checkFluid(c: Connection, fluid: FluidSpec): StreamFluid {
    try {
      return resolveFluid(fluid, `stream ${c.label}`);
    } catch (error) {
      if (error instanceof FluidInputError) throw new PlantInputError(`stream ${c.label}`, 'fluid', fluid, error.valid);
      throw error;
    }
  }

  /**
   * Components with ports and the connections between them, without any specification: what fixes the variables.
   * Built once between additions of a component or a connection rather than at every solve: a connection's fluid
   * comes with it, and a parameter that changes a component's ports (a mixer's inlets) leaves a port without its
   * connection or a connection without its port, which the assembly refuses before any solve.
   */
  private layout(): string {
    return (this.layoutMemo ??= this.buildLayout());
  }

  private buildLayout(): string {
    const parts: string[] = [];
    for (const c of this.components.values()) {
      if (c.inlets().length + c.outlets().length > 0) parts.push(`${c.id}:${c.type}:${c.inlets().join(',')}>${c.outlets().join(',')}`);
    }
    for (const c of this.connections) parts.push(`${c.id}:${c.from.component}.${c.from.port}>${c.to.component}.${c.to.port}:${c.fluid === undefined ? '' : JSON.stringify(c.fluid)}`);
    return parts.join('|');
  }

  private signature(): string {
    const parts: string[] = [];
    for (const c of this.components.values()) parts.push(`${c.id}:${c.type}:${c.signature()}`);
    parts.push(this.connectionSignature());
    return parts.join('|');
  }

  /** The connections' part of the signature, built again only after connect or setSpecs (the only ways it changes). */
  private connectionSignature(): string {
    if (this.connectionMemo === undefined) {
      const parts: string[] = [];
      for (const c of this.connections) {
        parts.push(`${c.id}:${c.from.component}.${c.from.port}>${c.to.component}.${c.to.port}:${Object.keys(c.specs).sort().join(',')}:${c.fluid === undefined ? '' : JSON.stringify(c.fluid)}`);
      }
      this.connectionMemo = parts.join('|');
    }
    return this.connectionMemo;
  }

  private build(): Assembly | { problems: Problem[] } {
    const signature = this.signature();
    if (this.assembly && this.assembly.signature === signature) return this.assembly;
    const built = assemble({ signature, components: this.allComponents(), connections: this.connections, deadState: this.deadState, checkFluid: (c, f) => this.checkFluid(c, f) });
    if (!('problems' in built)) this.assembly = built;
    return built;
  }
}

function clean(specs: StreamSpecs): StreamSpecs {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(specs)) if (v !== undefined) out[k] = v as number;
  return out as StreamSpecs;
}
