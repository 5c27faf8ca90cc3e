/** A flow path through a network under construction: port references and the connections along them. */
import type { NetworkBuilder, StreamSpec } from '../doc.js';

/** A port reference: the component id and, where it has several, the port. */
export interface Node {
  readonly id: string;
  readonly in?: string;
  readonly out?: string;
}

const outOf = (n: Node) => (n.out ? `${n.id}.${n.out}` : n.id);
const inOf = (n: Node) => (n.in ? `${n.id}.${n.in}` : n.id);

/** Connects a path of nodes in order; connection ids `${a}-${b}`; specs by the index of the connection. Returns the ids. */
export function connectPath(d: NetworkBuilder, nodes: readonly Node[], specs: Readonly<Record<number, StreamSpec>> = {}): string[] {
  const ids: string[] = [];
  for (let k = 0; k + 1 < nodes.length; k++) {
    const id = `${nodes[k].id}-${nodes[k + 1].id}`;
    d.connect(id, outOf(nodes[k]), inOf(nodes[k + 1]), specs[k] ?? {});
    ids.push(id);
  }
  return ids;
}

/** The connection into node `id` on a path connected by connectPath. */
export function connectionInto(path: readonly Node[], id: string): string {
  const i = path.findIndex((n) => n.id === id);
  if (i < 1) throw new RangeError(`template bug: no connection into ${id} on its path`);
  return `${path[i - 1].id}-${id}`;
}

/** The connection out of node `id` on a path connected by connectPath. */
export function connectionOutOf(path: readonly Node[], id: string): string {
  const i = path.findIndex((n) => n.id === id);
  if (i < 0 || i + 1 >= path.length) throw new RangeError(`template bug: no connection out of ${id} on its path`);
  return `${id}-${path[i + 1].id}`;
}

/** Adds to the specification of connection `id` already in the network (a loop's return held at a tank's temperature). */
export function specify(d: NetworkBuilder, id: string, spec: StreamSpec): void {
  d.network.setSpecs(id, spec);
}
