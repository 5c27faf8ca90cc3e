/**
 * A live network as its network document (the network-file format of src/plant/file/schema.ts, SI numbers): the
 * YAML a researcher opens, edits and gives back to `chuneng solve`. It is an export of what the network holds —
 * each component's type and parameters (`Component.get`), its opt-in to unphysical solutions, each connection's
 * ends, fluid and specifications, refs written back in the file's form (`T: { ref: e2, delta: -10 }`) — so loading
 * it again gives the same network.
 */
import type { FluidSpec } from '../fluids/resolve.js';
import type { RefQuantity, StreamRef, StreamSpecs } from '../core/specs.js';
import type { UnphysicalAllowance } from '../violations.js';
import type { Network } from './network.js';

/** One component entry: its type and parameters (SI). */
export type ComponentDocEntry = { readonly type: string } & Record<string, unknown>;

/** A specification value as the file writes it: a number (SI) or a ref to another stream's. */
export type SpecDocValue = number | { readonly ref: string; readonly factor?: number; readonly delta?: number };

/** One connection: ends as 'id.port', its id, its fluid where given and its specifications. */
export type ConnectionDocEntry = { readonly id: string; readonly from: string; readonly to: string; readonly fluid?: FluidSpec } & Partial<Record<keyof Omit<StreamSpecs, 'refs'>, SpecDocValue>>;

export interface NetworkDocument {
  readonly name: string;
  readonly description?: string;
  readonly deadState: { readonly T: number; readonly p: number };
  readonly allowUnphysical?: UnphysicalAllowance;
  readonly components: Readonly<Record<string, ComponentDocEntry>>;
  readonly connections: readonly ConnectionDocEntry[];
}

/** A ref in the file's form. */
function refEntry(r: StreamRef): SpecDocValue {
  return { ref: r.stream, ...(r.factor !== undefined ? { factor: r.factor } : {}), ...(r.delta !== undefined ? { delta: r.delta } : {}) };
}

/** The document of a live network (a copy: editing it leaves the network as it is). */
export function networkDocument(net: Network, description?: string): NetworkDocument {
  const components: Record<string, ComponentDocEntry> = {};
  for (const c of net.allComponents()) {
    const params = structuredClone(c.get()) as Record<string, unknown>;
    for (const k of Object.keys(params)) if (params[k] === undefined) delete params[k];
    const allowance = c.unphysicalAllowance;
    components[c.id] = { type: c.type, ...params, ...(allowance !== undefined ? { allowUnphysical: structuredClone(allowance) } : {}) };
  }
  const connections = net.allConnections().map((c): ConnectionDocEntry => {
    const { refs, ...values } = c.specs;
    const specs: Record<string, SpecDocValue> = {};
    for (const [k, v] of Object.entries(values)) if (v !== undefined) specs[k] = v;
    for (const [k, r] of Object.entries(refs ?? {}) as [RefQuantity, StreamRef | undefined][]) if (r) specs[k] = refEntry(r);
    return {
      id: c.id,
      from: `${c.from.component}.${c.from.port}`,
      to: `${c.to.component}.${c.to.port}`,
      ...(c.fluid !== undefined ? { fluid: structuredClone(c.fluid) } : {}),
      ...specs,
    };
  });
  const allowance = net.unphysicalAllowance;
  return {
    name: net.name,
    ...(description !== undefined ? { description } : {}),
    deadState: { T: net.deadState.T, p: net.deadState.p },
    ...(allowance !== undefined ? { allowUnphysical: structuredClone(allowance) } : {}),
    components,
    connections,
  };
}
