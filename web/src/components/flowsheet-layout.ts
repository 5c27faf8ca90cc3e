/**
 * A plant's flowsheet as a graph laid out left to right: components are nodes, streams are edges (a stream's label
 * names its ends, 'C1 → HXc1_oil.hot_in': component, then the port where the component has more than one). Pure data,
 * no React, so the layout is tested on its own.
 *
 * Layout: the working fluid (the fluid through the compressors and turbines) runs along one row; each loop of another
 * medium (a thermal store's oil, a cooling basin's water) gets its own band of rows below it. Columns come from a
 * topological order along the streams: cycles are broken at the edge returning into a store (a depth-first search
 * starting from the loops' sources and stores), columns are the longest path from a source, and then every node is
 * moved as far right as its successors allow, so a store's supply sits just before the exchangers it feeds.
 */
import type { SolutionJson } from '../views/types.js';

export interface FlowsheetNode {
  readonly id: string;
  readonly type: string;
  readonly column: number;
  readonly row: number;
  /** On the working fluid's row. */
  readonly main: boolean;
}

export interface FlowsheetEdge {
  /** The stream's connection id. */
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly sourcePort?: string;
  readonly targetPort?: string;
  readonly fluid: string;
  /** Drawn against the flow direction of the layout (a loop's return). */
  readonly backward: boolean;
  readonly main: boolean;
}

export interface FlowsheetGraph {
  readonly nodes: readonly FlowsheetNode[];
  readonly edges: readonly FlowsheetEdge[];
  readonly mainFluid: string | undefined;
  readonly columns: number;
  readonly rows: number;
}

const MACHINES = /compressor|turbine|expander/;
const STORES = /store|tank|vessel|holder|cavern|source|basin/;

/** 'HXc1_oil.hot_in' → { component: 'HXc1_oil', port: 'hot_in' } (component ids hold no dots). */
export function parseEnd(text: string): { component: string; port?: string } {
  const t = text.trim();
  const dot = t.indexOf('.');
  return dot < 0 ? { component: t } : { component: t.slice(0, dot), port: t.slice(dot + 1) };
}

/** The two ends of a stream label 'A.out → B.in'; undefined for a label that names no two ends. */
export function streamEnds(label: string): { from: { component: string; port?: string }; to: { component: string; port?: string } } | undefined {
  const parts = label.split('→');
  if (parts.length !== 2) return undefined;
  return { from: parseEnd(parts[0]), to: parseEnd(parts[1]) };
}

type Ends = { readonly source: string; readonly target: string; readonly fluid: string };

/** The working fluid: the fluid through the machines, else the most common one. */
function fluidOf(edges: readonly Ends[], typeOf: ReadonlyMap<string, string>): string | undefined {
  const machineStream = edges.find((e) => MACHINES.test(typeOf.get(e.source) ?? '') || MACHINES.test(typeOf.get(e.target) ?? ''));
  if (machineStream) return machineStream.fluid;
  const counts = new Map<string, number>();
  for (const e of edges) counts.set(e.fluid, (counts.get(e.fluid) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The working fluid of a design point (whose p–h and T–s diagrams the plant page draws). */
export function workingFluid(solution: SolutionJson): string | undefined {
  const typeOf = new Map(solution.components.map((c) => [c.id, c.type]));
  return fluidOf(
    solution.streams.flatMap((s) => {
      const ends = streamEnds(s.label);
      return ends ? [{ source: ends.from.component, target: ends.to.component, fluid: s.fluid }] : [];
    }),
    typeOf,
  );
}

export function flowsheetGraph(solution: SolutionJson): FlowsheetGraph {
  const ids = solution.components.map((c) => c.id);
  const typeOf = new Map(solution.components.map((c) => [c.id, c.type]));
  const known = new Set(ids);
  const raw = solution.streams.flatMap((s) => {
    const ends = streamEnds(s.label);
    if (!ends || !known.has(ends.from.component) || !known.has(ends.to.component)) return [];
    return [{ id: s.id, source: ends.from.component, target: ends.to.component, sourcePort: ends.from.port, targetPort: ends.to.port, fluid: s.fluid }];
  });

  const mainFluid = fluidOf(raw, typeOf);
  const isMainEdge = (e: { fluid: string }) => e.fluid === mainFluid;
  const mainNodes = new Set(raw.filter(isMainEdge).flatMap((e) => [e.source, e.target]));

  const out = new Map<string, typeof raw>(ids.map((id) => [id, []]));
  const inDegree = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const e of raw) {
    out.get(e.source)!.push(e);
    inDegree.set(e.target, inDegree.get(e.target)! + 1);
  }
  // main-fluid edges first, so the spine is walked before the loops hanging from it
  for (const list of out.values()) list.sort((a, b) => Number(isMainEdge(b)) - Number(isMainEdge(a)));

  // 1. back edges: the return into a store that also supplies (its loop starts there), then by depth-first search from
  // the sources and the rest in the order added
  const supplies = (id: string) => STORES.test(typeOf.get(id) ?? '') && out.get(id)!.length > 0;
  const back = new Set<string>(raw.filter((e) => supplies(e.target)).map((e) => e.id));
  for (const list of out.values()) for (let k = list.length - 1; k >= 0; k--) if (back.has(list[k].id)) list.splice(k, 1);
  const roots = [...ids.filter((id) => inDegree.get(id) === 0 || supplies(id)), ...ids];
  const state = new Map<string, 0 | 1 | 2>(ids.map((id) => [id, 0]));
  const visit = (root: string) => {
    // iterative DFS (deep plants must not overflow the stack)
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const edges = out.get(top.id)!;
      if (top.next >= edges.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const e = edges[top.next++];
      const s = state.get(e.target);
      if (s === 1) back.add(e.id);
      else if (s === 0) {
        state.set(e.target, 1);
        stack.push({ id: e.target, next: 0 });
      }
    }
  };
  for (const r of roots) if (state.get(r) === 0) visit(r);

  // 2. longest path over the acyclic rest (Kahn's order)
  const dag = raw.filter((e) => !back.has(e.id));
  const preds = new Map<string, string[]>(ids.map((id) => [id, []]));
  const succs = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of dag) {
    preds.get(e.target)!.push(e.source);
    succs.get(e.source)!.push(e.target);
  }
  const remaining = new Map(ids.map((id) => [id, preds.get(id)!.length]));
  const order: string[] = [];
  const queue = ids.filter((id) => remaining.get(id) === 0);
  while (queue.length) {
    const id = queue.shift()!;
    order.push(id);
    for (const t of succs.get(id)!) {
      remaining.set(t, remaining.get(t)! - 1);
      if (remaining.get(t) === 0) queue.push(t);
    }
  }
  const column = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const id of order) for (const t of succs.get(id)!) column.set(t, Math.max(column.get(t)!, column.get(id)! + 1));
  // 3. as far right as the successors allow (sources next to what they feed)
  for (let k = order.length - 1; k >= 0; k--) {
    const id = order[k];
    const next = succs.get(id)!;
    if (next.length) column.set(id, Math.min(...next.map((t) => column.get(t)!)) - 1);
  }

  // 4. rows: the spine, then one band per loop of another medium (connected through non-spine nodes), then loners
  const connected = new Set(raw.flatMap((e) => [e.source, e.target]));
  const loopOf = new Map<string, number>();
  const loops: string[][] = [];
  const neighbours = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of raw) {
    neighbours.get(e.source)!.push(e.target);
    neighbours.get(e.target)!.push(e.source);
  }
  for (const id of ids) {
    if (mainNodes.has(id) || !connected.has(id) || loopOf.has(id)) continue;
    const members: string[] = [];
    const todo = [id];
    loopOf.set(id, loops.length);
    while (todo.length) {
      const n = todo.pop()!;
      members.push(n);
      for (const m of neighbours.get(n)!) {
        if (mainNodes.has(m) || loopOf.has(m)) continue;
        loopOf.set(m, loops.length);
        todo.push(m);
      }
    }
    loops.push(members);
  }
  // loops ordered by where they attach along the spine
  const attach = (members: string[]) => {
    const cols = members.flatMap((m) => neighbours.get(m)!.filter((n) => mainNodes.has(n)).map((n) => column.get(n)!));
    return cols.length ? cols.reduce((a, b) => a + b, 0) / cols.length : Infinity;
  };
  const loopOrder = loops.map((m, i) => ({ i, at: attach(m) })).sort((a, b) => a.at - b.at || a.i - b.i);
  const row = new Map<string, number>();
  let nextRow = 0;
  /** Stacks a band's nodes sharing a column below each other. */
  const band = (members: readonly string[]) => {
    const used = new Map<number, number>();
    for (const id of members) {
      const c = column.get(id)!;
      const k = used.get(c) ?? 0;
      used.set(c, k + 1);
      row.set(id, nextRow + k);
    }
    nextRow += Math.max(1, ...used.values());
  };
  const spine = ids.filter((id) => mainNodes.has(id));
  if (spine.length) band(spine);
  for (const { i } of loopOrder) band(ids.filter((id) => loopOf.get(id) === i));
  const loners = ids.filter((id) => !connected.has(id));
  loners.forEach((id, k) => {
    row.set(id, nextRow);
    column.set(id, k);
  });
  if (loners.length) nextRow += 1;

  const nodes: FlowsheetNode[] = ids.map((id) => ({ id, type: typeOf.get(id)!, column: column.get(id)!, row: row.get(id)!, main: mainNodes.has(id) }));
  const edges: FlowsheetEdge[] = raw.map((e) => ({
    ...e,
    backward: column.get(e.target)! <= column.get(e.source)!,
    main: isMainEdge(e),
  }));
  return { nodes, edges, mainFluid, columns: Math.max(0, ...nodes.map((n) => n.column)) + 1, rows: nextRow };
}
