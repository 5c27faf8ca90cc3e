/**
 * A template's network, built live: each component is made through its declaration as it is added (typed
 * parameters, `add('compressor', 'C1', { eta_s: 0.85, pr: 4 })`, checked at compile time and range-checked once, by
 * the component), each stream connected on the live Network as it is declared. Boundary values that follow the
 * stores in time are `Update`s, applied to the live network at design and at each time step by the same code. The
 * network document is an export: the YAML a researcher opens, edits and gives to `chuneng solve` is the live
 * network's own (`Network.toDoc()`, taken at the design point by design-point.ts), written by docToYaml.
 */
import { Document, isMap, isSeq } from 'yaml';
import { declarationOf, type ComponentType, type ParamsOf } from '../components/registry.js';
import { PlantInputError } from '../errors.js';
import { FluidInputError } from '../../fluids/index.js';
import type { UnphysicalAllowance } from '../violations.js';
import { Network } from '../network/network.js';
import type { NetworkDocument } from '../network/doc.js';
import type { Component } from '../core/component.js';

export type Entry = { readonly type: string } & Record<string, unknown>;
export type StreamSpec = Partial<Record<'m' | 'p' | 'T' | 'h' | 'Q', number>>;

/** A network's exported document (Network.toDoc) as a template writes it: a copy it may still edit (the rationed design point's file). */
export interface NetworkDoc {
  name: string;
  description: string;
  deadState: { T: number; p: number };
  components: Record<string, Entry>;
  connections: ({ id: string; from: string; to: string } & StreamSpec & { fluid?: string })[];
}

/** A change of a component's parameters or a stream's specifications (undefined removes one). */
export type Update =
  | { readonly component: string; readonly set: Readonly<Record<string, unknown>> }
  | { readonly connection: string; readonly set: Readonly<Partial<Record<'m' | 'p' | 'T' | 'h' | 'Q', number | undefined>>> };

/** A component or stream the template declared wrongly: a bug of the template, not of its parameters (checked before). */
function templateBug(where: string, error: unknown): unknown {
  if (!(error instanceof PlantInputError || error instanceof FluidInputError)) return error;
  return new RangeError(`template bug: ${where}: ${error.message}`);
}

/** A template's live network under construction, with the description its exported document carries. */
export class NetworkBuilder {
  readonly network: Network;

  constructor(
    name: string,
    readonly description: string,
    deadState: { T: number; p: number },
  ) {
    this.network = new Network({ name, deadState });
  }

  /** Adds a component of a registered type with its typed parameters (SI) to the live network; returns its id. */
  add<T extends ComponentType>(type: T, id: string, params: ParamsOf<T> & { readonly allowUnphysical?: UnphysicalAllowance }): string {
    if (this.has(id)) throw new RangeError(`template bug: component ${id} added twice`);
    const { allowUnphysical, ...rest } = params as Record<string, unknown>;
    const declaration = declarationOf(type);
    if (!declaration) throw new RangeError(`template bug: no component type ${type}`);
    let c: Component;
    try {
      c = declaration.create(id, rest);
    } catch (error) {
      throw templateBug(`components.${id}`, error);
    }
    this.network.add(allowUnphysical === undefined ? c : c.allowUnphysical(allowUnphysical as UnphysicalAllowance));
    return id;
  }

  /** Connects an outlet to an inlet of components already added ('C1.out' or 'C1' alone), with the stream's specifications. */
  connect(id: string, from: string, to: string, spec: StreamSpec = {}): string {
    if (this.network.allConnections().some((c) => c.id === id)) throw new RangeError(`template bug: connection ${id} made twice`);
    try {
      this.network.connect(from, to, { id, ...spec });
    } catch (error) {
      throw templateBug(`connection ${id}`, error);
    }
    return id;
  }

  has(id: string): boolean {
    return this.network.allComponents().some((c) => c.id === id);
  }

  /** The network's document as it stands (an export: editing it leaves the network as it is). */
  toDoc(): NetworkDocument {
    return this.network.toDoc(this.description);
  }
}

/**
 * Applies updates to a live network; values unchanged since the last call cost nothing. A component's numbers in
 * their declared range are taken without a parse (Component.update, every time step); anything else is parsed as `set` parses it.
 */
export function applyToNetwork(net: Network, updates: readonly Update[]): void {
  for (const u of updates) {
    if ('component' in u) {
      const c = net.component<Component>(u.component);
      const now = c.get() as Record<string, unknown>;
      let changed = false;
      for (const [k, v] of Object.entries(u.set)) if (now[k] !== v) changed = true;
      if (changed) c.update(u.set as never);
    } else {
      const c = net.connection(u.connection);
      const now = c.specs as Record<string, number | undefined>;
      let changed = false;
      for (const [k, v] of Object.entries(u.set)) if (now[k] !== v) changed = true;
      if (changed) net.setSpecs(u.connection, u.set);
    }
  }
}

/** A document (a template's, or a live network's `toDoc()`) as YAML with a header comment, one line per component and connection. */
export function docToYaml(doc: NetworkDoc | NetworkDocument, header: readonly string[]): string {
  const head = header.map((l) => `# ${l}`.trimEnd()).join('\n');
  const node = new Document(JSON.parse(JSON.stringify(doc)));
  // one line per component and per connection
  for (const key of ['components', 'connections', 'deadState']) {
    const c = node.get(key, true);
    if (isMap(c)) for (const item of c.items) if (isMap(item.value)) item.value.flow = true;
    if (isSeq(c)) for (const item of c.items) if (isMap(item)) item.flow = true;
    if (key === 'deadState' && isMap(c)) c.flow = true;
  }
  const body = node.toString({ lineWidth: 0 });
  return `${head}\n${body}`;
}
