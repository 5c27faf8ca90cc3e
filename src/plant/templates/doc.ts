/**
 * A template's network as a network-file document (src/plant/file/schema.ts, SI numbers), from which the live
 * Network is made; the YAML a researcher opens, edits and gives to `chuneng solve` is the live network's own
 * document (`Network.toDoc()`, taken at the design point by design-point.ts), not this one. Components are added by
 * type with parameters typed from their declarations (`add('compressor', 'C1', { eta_s: 0.85, pr: 4 })`, checked at
 * compile time); the live network is made from the document through the same declarations (`networkOf`, no JSON copy
 * and no file-schema parse: each parameter is range-checked once, by its component). Boundary values that follow
 * the stores in time are `Update`s, applied to the document and to the live network (each time step) by the same
 * code.
 */
import { Document, isMap, isSeq } from 'yaml';
import { networkFromFile } from '../file/load.js';
import type { NetworkFile } from '../file/schema.js';
import type { ComponentType, ParamsOf } from '../components/registry.js';
import type { UnphysicalAllowance } from '../violations.js';
import type { Network } from '../network/network.js';
import type { NetworkDocument } from '../network/doc.js';
import type { Component } from '../core/component.js';

export type Entry = { readonly type: string } & Record<string, unknown>;
export type StreamSpec = Partial<Record<'m' | 'p' | 'T' | 'h' | 'Q', number>>;

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

export class DocBuilder {
  readonly doc: NetworkDoc;

  constructor(name: string, description: string, deadState: { T: number; p: number }) {
    this.doc = { name, description, deadState: { ...deadState }, components: {}, connections: [] };
  }

  /** Adds a component of a registered type with its typed parameters (SI); returns its id. */
  add<T extends ComponentType>(type: T, id: string, params: ParamsOf<T> & { readonly allowUnphysical?: UnphysicalAllowance }): string;
  /** Adds an untyped entry (`{ type, ...params }`): the older form, kept while templates move to the typed one. */
  add(id: string, entry: Entry): string;
  add(typeOrId: string, idOrEntry: string | Entry, params?: object): string {
    const [id, entry] = typeof idOrEntry === 'string' ? [idOrEntry, { type: typeOrId, ...params }] : [typeOrId, idOrEntry];
    if (this.doc.components[id]) throw new RangeError(`template bug: component ${id} added twice`);
    this.doc.components[id] = { ...entry };
    return id;
  }

  connect(id: string, from: string, to: string, spec: StreamSpec = {}): string {
    if (this.doc.connections.some((c) => c.id === id)) throw new RangeError(`template bug: connection ${id} made twice`);
    this.doc.connections.push({ id, from, to, ...spec });
    return id;
  }

  has(id: string): boolean {
    return id in this.doc.components;
  }
}

/** Applies updates to a document (in place). */
export function applyToDoc(doc: NetworkDoc, updates: readonly Update[]): void {
  for (const u of updates) {
    if ('component' in u) {
      const c = doc.components[u.component];
      if (!c) throw new RangeError(`template bug: no component ${u.component}`);
      for (const [k, v] of Object.entries(u.set)) {
        if (v === undefined) delete c[k];
        else c[k] = v;
      }
    } else {
      const c = doc.connections.find((x) => x.id === u.connection);
      if (!c) throw new RangeError(`template bug: no connection ${u.connection}`);
      const rec = c as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(u.set)) {
        if (v === undefined) delete rec[k];
        else rec[k] = v;
      }
    }
  }
}

/** Applies updates to a live network; values unchanged since the last call cost nothing. */
export function applyToNetwork(net: Network, updates: readonly Update[]): void {
  for (const u of updates) {
    if ('component' in u) {
      const c = net.component<Component>(u.component);
      const now = c.get() as Record<string, unknown>;
      let changed = false;
      for (const [k, v] of Object.entries(u.set)) if (now[k] !== v) changed = true;
      if (changed) c.set(u.set as never);
    } else {
      const c = net.connection(u.connection);
      const now = c.specs as Record<string, number | undefined>;
      let changed = false;
      for (const [k, v] of Object.entries(u.set)) if (now[k] !== v) changed = true;
      if (changed) net.setSpecs(u.connection, u.set);
    }
  }
}

/** The live network of a document, each component made by its declaration; a failure here is a bug of the template. */
export function networkOf(doc: NetworkDoc): Network {
  const parsed = networkFromFile(doc as unknown as NetworkFile);
  if (!parsed.ok) throw new RangeError(`template bug: its network file does not parse:\n${parsed.issues.map((i) => `  ${i.field}: ${i.message}`).join('\n')}`);
  return parsed.network;
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
