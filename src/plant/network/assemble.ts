/**
 * Assembling a network into its equation system, before any number is computed: every port connected exactly once;
 * the fluid of each stream spread through the components that pass it on (regions of one fluid, with a composition
 * variable where a combustor makes flue gas); variables m, p, h per stream; the equations of every component and
 * stream specification; and the structure — the degrees of freedom with the over- and under-determined parts named
 * (structure.ts), or, when it is square and structurally regular, the block-triangular order the solver follows.
 */
import type { FluidSpec } from '../fluids/resolve.js';
import { CombustionGas } from '../fluids/combustion-gas.js';
import type { StreamFluid } from '../fluids/stream-fluid.js';
import type { Builder, Component, DeadState, EquationInput } from '../core/component.js';
import { streamSpecEquations } from '../core/specs.js';
import { PlantInputError, type Problem } from '../errors.js';
import type { Equation, PortRef, Scales } from '../core/equation.js';
import { Evaluator } from '../core/evaluator.js';
import { VAR_F, VAR_H, VAR_M, VAR_P } from './newton.js';
import { blockTriangularOrder, maximumMatching, overdeterminedEquations, underdeterminedVariables } from './structure.js';
import type { Connection } from './network.js';

/** What the network hands over to be assembled. */
export interface AssemblyInput {
  /** Identifies the structure (which components, connections and specifications): an assembly is reused while it holds. */
  readonly signature: string;
  readonly components: readonly Component[];
  readonly connections: readonly Connection[];
  readonly deadState: DeadState;
  /** The medium of a fluid given on a connection (a PlantInputError naming the stream otherwise). */
  readonly checkFluid: (c: Connection, fluid: FluidSpec) => StreamFluid;
}

/** The assembled system of a network. */
export interface Assembly {
  readonly signature: string;
  readonly ports: PortRef[];
  /** Per component: port name → PortRef. */
  readonly portMaps: Map<Component, Map<string, PortRef>>;
  readonly equations: Equation[];
  readonly nVariables: number;
  readonly kinds: Uint8Array;
  readonly upper: Float64Array;
  readonly variableNames: string[];
  readonly blocks: number[][];
  /** Variable each equation is matched to (its unknown in a single-equation block). */
  readonly varOfEq: Int32Array;
  /** The unknowns of each block (matched to its equations). */
  readonly blockVars: number[][];
  /** Every block is one equation with a closed form: a cold start needs no guesses. */
  readonly explicitOnly: boolean;
  /** Scratch for the block solver (all −1). */
  readonly colOf: Int32Array;
  readonly scales: Scales;
  readonly e: Evaluator;
  /** Streams (by index) whose fluid feeds a combustor as fuel. */
  readonly fuel: Uint8Array;
}

export function assemble(input: AssemblyInput): Assembly | { problems: Problem[] } {
  const { signature } = input;
  const byId = new Map(input.components.map((c) => [c.id, c]));
  const problems: Problem[] = [];
  const comps = input.components;
  const conns = input.connections;
  // ports: each connected exactly once
  const used = new Map<string, Connection>();
  for (const c of conns) {
    for (const [end, kind] of [
      [c.from, 'outlet'],
      [c.to, 'inlet'],
    ] as const) {
      const key = `${end.component}.${end.port}`;
      const other = used.get(key);
      if (other) {
        problems.push({ kind: 'topology', where: [(byId.get(end.component) as Component).label], message: `${kind} ${key} is connected twice (streams ${other.label} and ${c.label})` });
      }
      used.set(key, c);
    }
  }
  for (const c of comps) {
    for (const [port, kind] of [...c.inlets().map((p) => [p, 'inlet'] as const), ...c.outlets().map((p) => [p, 'outlet'] as const)]) {
      if (!used.has(`${c.id}.${port}`)) problems.push({ kind: 'topology', where: [c.label], message: `${c.label}: ${kind} '${port}' is not connected (a dangling port)` });
    }
  }
  if (conns.length === 0) problems.push({ kind: 'topology', where: ['network'], message: 'the network has no streams' });
  if (problems.length > 0) return { problems };

  // fluids: regions of streams that must carry the same fluid
  const n = conns.length;
  const streamOf = new Map<string, number>();
  conns.forEach((c, k) => {
    streamOf.set(`${c.from.component}.${c.from.port}`, k);
    streamOf.set(`${c.to.component}.${c.to.port}`, k);
  });
  const parent = Array.from({ length: n }, (_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  for (const c of comps) {
    for (const [a, b] of c.fluidLinks()) {
      const ka = streamOf.get(`${c.id}.${a}`) as number;
      const kb = streamOf.get(`${c.id}.${b}`) as number;
      parent[find(ka)] = find(kb);
    }
  }
  const regionFluid = new Map<number, { fluid: StreamFluid; from: string }>();
  const assign = (k: number, fluid: StreamFluid, from: string) => {
    const r = find(k);
    const had = regionFluid.get(r);
    if (!had) regionFluid.set(r, { fluid, from });
    else if (had.fluid !== fluid) {
      problems.push({
        kind: 'fluid',
        where: [had.from, from],
        message: `stream ${conns[k].label} would carry both ${had.fluid.name} (from ${had.from}) and ${fluid.name} (from ${from}); only a combustor changes a fluid`,
      });
    }
  };
  for (const c of comps) {
    for (const port of [...c.inlets(), ...c.outlets()]) {
      const f = c.boundaryFluid(port);
      if (f) assign(streamOf.get(`${c.id}.${port}`) as number, f, c.label);
    }
  }
  conns.forEach((c, k) => {
    if (c.fluid !== undefined) assign(k, input.checkFluid(c, c.fluid), `stream ${c.label}`);
  });
  // fluids made by components (combustors) from their inlets, until nothing changes
  for (let round = 0; round < comps.length + 1; round++) {
    let changed = false;
    for (const c of comps) {
      for (const port of c.outlets()) {
        const k = streamOf.get(`${c.id}.${port}`) as number;
        let made: StreamFluid | undefined;
        try {
          made = c.derivedFluid(port, (inPort) => regionFluid.get(find(streamOf.get(`${c.id}.${inPort}`) as number))?.fluid);
        } catch (error) {
          if (!(error instanceof PlantInputError)) throw error;
          problems.push({ kind: 'fluid', where: [c.label], message: error.message });
          return { problems };
        }
        if (made && !regionFluid.has(find(k))) {
          assign(k, made, c.label);
          changed = true;
        } else if (made) assign(k, made, c.label);
      }
    }
    if (!changed) break;
  }
  const orphans = new Map<number, string[]>();
  conns.forEach((c, k) => {
    if (!regionFluid.has(find(k))) orphans.set(find(k), [...(orphans.get(find(k)) ?? []), c.label]);
  });
  for (const labels of orphans.values()) {
    const which = labels.length > 1 ? `streams ${labels.join(', ')} have` : `stream ${labels[0]} has`;
    problems.push({ kind: 'fluid', where: labels.map((l) => `stream ${l}`), message: `${which} no fluid: give the fluid at a source (or on a stream)` });
  }
  if (problems.length > 0) return { problems: dedupe(problems) };

  // variables
  const regionVar = new Map<number, number>();
  let nVariables = 3 * n;
  const ports: PortRef[] = conns.map((c, k) => {
    const fluid = (regionFluid.get(find(k)) as { fluid: StreamFluid }).fluid;
    let f = -1;
    if (fluid.variableComposition) {
      const r = find(k);
      if (!regionVar.has(r)) regionVar.set(r, nVariables++);
      f = regionVar.get(r) as number;
    }
    return { stream: k, m: 3 * k, p: 3 * k + 1, h: 3 * k + 2, f, fluid, label: c.label };
  });
  const kinds = new Uint8Array(nVariables);
  const upper = new Float64Array(nVariables).fill(Infinity);
  const variableNames: string[] = new Array(nVariables);
  ports.forEach((p, k) => {
    kinds[p.m] = VAR_M;
    kinds[p.p] = VAR_P;
    kinds[p.h] = VAR_H;
    variableNames[p.m] = `the mass flow m of stream ${conns[k].label}`;
    variableNames[p.p] = `the pressure p of stream ${conns[k].label}`;
    variableNames[p.h] = `the enthalpy h (temperature) of stream ${conns[k].label}`;
    if (p.f >= 0) {
      kinds[p.f] = VAR_F;
      upper[p.f] = (p.fluid as CombustionGas).fStoichiometric;
      variableNames[p.f] ??= `the flue-gas composition (fuel fraction) of stream ${conns[k].label}`;
    }
  });
  const portMaps = new Map<Component, Map<string, PortRef>>();
  for (const c of comps) {
    const map = new Map<string, PortRef>();
    for (const port of [...c.inlets(), ...c.outlets()]) map.set(port, ports[streamOf.get(`${c.id}.${port}`) as number]);
    portMaps.set(c, map);
  }
  // equations
  const scales: Scales = {
    m: 1,
    p: 1e5,
    h: 1e5,
    T: 100,
    get E() {
      return this.m * this.h;
    },
  };
  const equations: Equation[] = [];
  for (const c of comps) {
    const map = portMaps.get(c) as Map<string, PortRef>;
    const b: Builder = {
      port: (name) => {
        const p = map.get(name);
        if (!p) throw new PlantInputError(c.label, 'port', name, `one of ${[...map.keys()].join(', ')}`);
        return p;
      },
      scales,
      deadState: input.deadState,
      add: (eq: EquationInput) => equations.push(own(eq, c.label)),
      other: (id) => byId.get(id),
      portOf: (other, port) => (portMaps.get(other) as Map<string, PortRef>).get(port) as PortRef,
    };
    try {
      c.equations(b);
    } catch (error) {
      if (!(error instanceof PlantInputError)) throw error;
      problems.push({ kind: 'topology', where: [c.label], message: error.message });
    }
  }
  // a stream's refs name other connections by id (core/specs.ts); a ref to none is a problem of that stream
  const portOfId = (id: string) => {
    const j = conns.findIndex((x) => x.id === id);
    return j < 0 ? undefined : ports[j];
  };
  conns.forEach((c, k) => {
    try {
      for (const eq of streamSpecEquations(ports[k], () => c.specs, scales, true, portOfId)) equations.push(own(eq, `stream ${c.label}`));
    } catch (error) {
      if (!(error instanceof PlantInputError)) throw error;
      problems.push({ kind: 'topology', where: [`stream ${c.label}`], message: error.message });
    }
  });
  if (problems.length > 0) return { problems };
  // structure: degrees of freedom, matching, blocks
  const adjacency = equations.map((eq) => eq.vars);
  const matching = maximumMatching(nVariables, adjacency);
  if (equations.length !== nVariables || matching.size !== nVariables) {
    return { problems: specificationProblems(equations, nVariables, adjacency, matching, variableNames, ports) };
  }
  const blocks = blockTriangularOrder(adjacency, matching);
  const fuel = new Uint8Array(n);
  for (const c of comps) {
    if (c.type !== 'combustor') continue;
    const k = (portMaps.get(c) as Map<string, PortRef>).get('fuel')?.stream;
    if (k === undefined) continue;
    for (let j = 0; j < n; j++) if (find(j) === find(k)) fuel[j] = 1;
  }
  return {
    signature,
    ports,
    portMaps,
    equations,
    nVariables,
    kinds,
    upper,
    variableNames,
    blocks,
    varOfEq: matching.varOfEq,
    blockVars: blocks.map((b) => b.map((i) => matching.varOfEq[i])),
    explicitOnly: blocks.every((b) => b.length === 1 && equations[b[0]].solveFor !== undefined),
    colOf: new Int32Array(nVariables).fill(-1),
    scales,
    e: new Evaluator(ports, nVariables, scales),
    fuel,
  };
}

function specificationProblems(
  equations: Equation[],
  nVariables: number,
  adjacency: readonly (readonly number[])[],
  matching: ReturnType<typeof maximumMatching>,
  names: string[],
  ports: PortRef[],
): Problem[] {
  const problems: Problem[] = [];
  const count = `${equations.length} equations for ${nVariables} unknowns`;
  const over = overdeterminedEquations(adjacency, matching);
  if (over.length > 0) {
    const excess = equations.length - matching.size;
    const specs = over.filter((i) => equations[i].spec);
    const candidates = (specs.length > 0 ? specs : over).map((i) => `${equations[i].owner}: ${equations[i].name}`);
    const owners = [...new Set(over.map((i) => equations[i].owner))];
    problems.push({
      kind: 'over-specified',
      where: owners,
      message: `over-specified (${count}): ${excess} specification${excess > 1 ? 's' : ''} too many among ${candidates.join(', ')} — they fix the same unknowns; remove ${excess > 1 ? `${excess} of them` : 'one of them'}`,
    });
  }
  const under = underdeterminedVariables(nVariables, adjacency, matching);
  if (under.length > 0) {
    const missing = nVariables - matching.size;
    const free = under.filter((v) => matching.eqOfVar[v] < 0);
    const streamOfVar = (v: number) => ports.find((p) => p.m === v || p.p === v || p.h === v || p.f === v);
    const where = [...new Set(under.map((v) => streamOfVar(v)).filter((p): p is PortRef => p !== undefined).map((p) => `stream ${p.label}`))];
    const owners = [...new Set(equations.filter((eq) => eq.vars.some((v) => under.includes(v))).map((eq) => eq.owner))];
    problems.push({
      kind: 'under-specified',
      where: [...where, ...owners],
      message:
        `under-specified (${count}): ${missing} more specification${missing > 1 ? 's are' : ' is'} needed. Not fixed by any equation: ${free.map((v) => names[v]).join('; ')}. ` +
        `Any of these can take a specification: ${under
          .slice(0, 12)
          .map((v) => names[v])
          .join('; ')}${under.length > 12 ? '; …' : ''}${owners.length > 0 ? ` (components involved: ${owners.join(', ')})` : ''}`,
    });
  }
  if (problems.length === 0) problems.push({ kind: 'under-specified', where: ['network'], message: `the equations do not determine the unknowns (${count})` });
  return problems;
}

function own(eq: EquationInput, owner: string): Equation {
  return { ...eq, owner, spec: eq.spec ?? true };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.message) ? false : (seen.add(p.message), true)));
}
