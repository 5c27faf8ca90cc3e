/**
 * The structure of the equation system, before any number is computed:
 * - a maximum matching of equations to variables (Kuhn's augmenting paths): perfect iff the system is
 *   structurally solvable;
 * - where it is not, the Dulmage–Mendelsohn parts: the variables no equation can fix (under-determined) and the
 *   equations that compete for the same variables (over-determined), which name the specifications to add or drop;
 * - where it is, the block-triangular order (Tarjan's strongly connected components of the matched dependency
 *   graph): blocks of equations that must be solved together, each after the blocks it depends on. Most plant
 *   blocks are single equations in one unknown — a sequential solve, exact and cheap — and Newton is kept for the
 *   truly coupled loops (recuperators, power targets with recycles).
 */

export interface Matching {
  /** Variable matched to each equation, or −1. */
  readonly varOfEq: Int32Array;
  /** Equation matched to each variable, or −1. */
  readonly eqOfVar: Int32Array;
  readonly size: number;
}

/** A maximum matching; `adjacency[i]` lists the variables of equation i. */
export function maximumMatching(nVar: number, adjacency: readonly (readonly number[])[]): Matching {
  const nEq = adjacency.length;
  const varOfEq = new Int32Array(nEq).fill(-1);
  const eqOfVar = new Int32Array(nVar).fill(-1);
  let size = 0;
  // cheap start: equations with the fewest variables first take a free one
  const order = Array.from({ length: nEq }, (_, i) => i).sort((a, b) => adjacency[a].length - adjacency[b].length);
  for (const i of order) {
    for (const v of adjacency[i]) {
      if (eqOfVar[v] < 0) {
        varOfEq[i] = v;
        eqOfVar[v] = i;
        size++;
        break;
      }
    }
  }
  const seen = new Int32Array(nVar).fill(-1);
  const augment = (i: number, stamp: number): boolean => {
    for (const v of adjacency[i]) {
      if (seen[v] === stamp) continue;
      seen[v] = stamp;
      const j = eqOfVar[v];
      if (j < 0 || augment(j, stamp)) {
        varOfEq[i] = v;
        eqOfVar[v] = i;
        return true;
      }
    }
    return false;
  };
  for (const i of order) {
    if (varOfEq[i] >= 0) continue;
    if (augment(i, i)) size++;
  }
  return { varOfEq, eqOfVar, size };
}

/** Variables reachable from unmatched variables by alternating paths: the under-determined part. */
export function underdeterminedVariables(nVar: number, adjacency: readonly (readonly number[])[], m: Matching): number[] {
  const eqsOfVar: number[][] = Array.from({ length: nVar }, () => []);
  adjacency.forEach((vars, i) => vars.forEach((v) => eqsOfVar[v].push(i)));
  const reached = new Uint8Array(nVar);
  const queue: number[] = [];
  for (let v = 0; v < nVar; v++) {
    if (m.eqOfVar[v] < 0) {
      reached[v] = 1;
      queue.push(v);
    }
  }
  while (queue.length > 0) {
    const v = queue.shift() as number;
    for (const i of eqsOfVar[v]) {
      const w = m.varOfEq[i];
      if (w >= 0 && !reached[w]) {
        reached[w] = 1;
        queue.push(w);
      }
    }
  }
  const out: number[] = [];
  for (let v = 0; v < nVar; v++) if (reached[v]) out.push(v);
  return out;
}

/** Equations reachable from unmatched equations by alternating paths: the over-determined part. */
export function overdeterminedEquations(adjacency: readonly (readonly number[])[], m: Matching): number[] {
  const nEq = adjacency.length;
  const reached = new Uint8Array(nEq);
  const queue: number[] = [];
  for (let i = 0; i < nEq; i++) {
    if (m.varOfEq[i] < 0) {
      reached[i] = 1;
      queue.push(i);
    }
  }
  while (queue.length > 0) {
    const i = queue.shift() as number;
    for (const v of adjacency[i]) {
      const j = m.eqOfVar[v];
      if (j >= 0 && !reached[j]) {
        reached[j] = 1;
        queue.push(j);
      }
    }
  }
  const out: number[] = [];
  for (let i = 0; i < nEq; i++) if (reached[i]) out.push(i);
  return out;
}

/**
 * The blocks of a perfectly matched system in solving order (each block's equations depend only on its own
 * variables and those of earlier blocks): Tarjan's algorithm on "equation i uses the variable equation j is matched
 * to", which emits every component after all the components it reaches — exactly the order needed.
 */
export function blockTriangularOrder(adjacency: readonly (readonly number[])[], m: Matching): number[][] {
  const n = adjacency.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const blocks: number[][] = [];
  let counter = 0;
  // iterative depth-first search: frames of (node, next neighbour position)
  const frames: number[] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    frames.push(root, 0);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const top = frames.length - 2;
      const i = frames[top];
      const pos = frames[top + 1];
      const vars = adjacency[i];
      if (pos < vars.length) {
        frames[top + 1] = pos + 1;
        const j = m.eqOfVar[vars[pos]];
        if (j < 0 || j === i) continue;
        if (index[j] < 0) {
          index[j] = low[j] = counter++;
          stack.push(j);
          onStack[j] = 1;
          frames.push(j, 0);
        } else if (onStack[j]) {
          low[i] = Math.min(low[i], index[j]);
        }
        continue;
      }
      frames.length -= 2;
      if (frames.length > 0) {
        const parent = frames[frames.length - 2];
        low[parent] = Math.min(low[parent], low[i]);
      }
      if (low[i] === index[i]) {
        const block: number[] = [];
        let j: number;
        do {
          j = stack.pop() as number;
          onStack[j] = 0;
          block.push(j);
        } while (j !== i);
        blocks.push(block.reverse());
      }
    }
  }
  return blocks;
}
