/**
 * Jumps of the value function as nodes of its own, with a value on each side.
 *
 * With a hard end and a minimum load, V_t(s) is a staircase more than a slope: a schedule of fixed power levels earns
 * the same money from every state it is feasible from, so V_t jumps wherever a schedule stops being feasible — at
 * endMin itself (meets the end or not), at endMin/decay^k (the lowest state that can idle to the end: below it a
 * charge at minimum load is forced), at the lowest state from which a discharge at some level still meets the end,
 * and so on back. Linear interpolation between grid states draws a chord across each jump (a state a hair above one
 * is valued as if most of the forced charge were due, dp.test.ts seeds 7 and 25), and idle steps carry the smear
 * backward.
 *
 * Here V_t is interpolated between the grid states and a few nodes z with a left limit V(z−) and a right limit
 * V(z+) = V(z) (a threshold state can still do what it is the threshold of). The nodes of step t are where a jump
 * of step t+1 (or the end's own, at endMin) is reached by one of the step's moves of fixed power — idle, or charging
 * or discharging at one of the power levels: s* with s'(s*) = z, found by bracketed regula falsi on the move's
 * landing (monotone in s; dp-node-search.ts). Each candidate is valued on both sides by the Bellman step at a true
 * state (dp-bellman.ts) and kept where the two sides differ — at most 16 per layer and step, the largest jumps — but
 * not where both sides miss the end (the shortfall penalty ranks those). Only horizons with an end condition above
 * the range's bottom have nodes; the grid's cost is unchanged otherwise.
 */
import type { DpTables } from './dp.js';

/** The nodes of one step: layer L's are indices layerOff[L] … layerOff[L+1] − 1, sorted by state. */
export interface StepNodes {
  /** J */
  readonly z: Float64Array;
  /** V(z−) and V(z+), money. */
  readonly vl: Float64Array;
  readonly vr: Float64Array;
  readonly layerOff: Int32Array;
}

/** Grid state j, J (the top one exactly socMax·capacity, as the tables have it). */
export function gridState(tb: DpTables, j: number): number {
  return j === tb.N - 1 ? tb.sHi : tb.sLo + j * tb.h;
}

/**
 * V at state x in grid cell j (g_j ≤ x ≤ g_{j+1}), given the grid values v0 = V(g_j), v1 = V(g_{j+1}) and the
 * layer's nodes from index k (the first with z ≥ g_j) to kEnd: linear between the nearest anchors on each side — a
 * grid state, or a node's right limit on its left and left limit on its right.
 */
export function cellValue(tb: DpTables, nd: StepNodes, k: number, kEnd: number, j: number, x: number, v0: number, v1: number): number {
  let xl = gridState(tb, j);
  let yl = v0;
  let xr = gridState(tb, j + 1);
  let yr = v1;
  const z = nd.z;
  for (; k < kEnd; k++) {
    const zk = z[k];
    if (zk > xr) break;
    if (zk <= x) {
      xl = zk;
      yl = nd.vr[k];
    } else {
      xr = zk;
      yr = nd.vl[k];
      break;
    }
  }
  return xr > xl ? yl + ((x - xl) / (xr - xl)) * (yr - yl) : yl;
}

/** V at a true state s of layer L, whose grid values start at V[base] (base = (t·S + L)·N), with the step's nodes. */
export function layerValue(tb: DpTables, V: Float64Array, base: number, nd: StepNodes | undefined, L: number, s: number): number {
  const u = (s - tb.sLo) / tb.h;
  let j = Math.floor(u);
  let w = u - j;
  if (j < 0) {
    j = 0;
    w = 0;
  } else if (j >= tb.N - 1) {
    j = tb.N - 2;
    w = 1;
  }
  const v0 = V[base + j];
  const v1 = V[base + j + 1];
  if (nd === undefined) return v0 + w * (v1 - v0);
  // the layer's first node at or above g_j (binary search: a layer has a few dozen at most)
  const g = gridState(tb, j);
  const z = nd.z;
  let lo = nd.layerOff[L];
  let hi = nd.layerOff[L + 1];
  const end = hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (z[mid] < g) lo = mid + 1;
    else hi = mid;
  }
  if (lo === end || z[lo] > gridState(tb, j + 1)) return v0 + w * (v1 - v0);
  return cellValue(tb, nd, lo, end, j, Math.min(tb.sHi, Math.max(tb.sLo, s)), v0, v1);
}

/**
 * For the backward pass's inner loops: first[L·N + j] = the first node of layer L in [g_j, g_{j+1}], −1 where the
 * cell has none (then plain linear interpolation). Filled for one step, cleared by `clearFirst`.
 */
export function fillFirst(tb: DpTables, nd: StepNodes, S: number, first: Int32Array): void {
  markFirst(tb, nd, S, first, true);
}

export function clearFirst(tb: DpTables, nd: StepNodes, S: number, first: Int32Array): void {
  markFirst(tb, nd, S, first, false);
}

function markFirst(tb: DpTables, nd: StepNodes, S: number, first: Int32Array, on: boolean): void {
  const N = tb.N;
  for (let L = 0; L < S; L++) {
    // descending, so that each cell ends up with its lowest node
    for (let k = nd.layerOff[L + 1] - 1; k >= nd.layerOff[L]; k--) {
      const z = nd.z[k];
      // the cell with g_j ≤ z < g_{j+1}, the division's rounding corrected
      let j = Math.min(N - 2, Math.max(0, Math.floor((z - tb.sLo) / tb.h)));
      if (gridState(tb, j) > z && j > 0) j--;
      else if (j < N - 2 && gridState(tb, j + 1) <= z) j++;
      first[L * N + j] = on ? k : -1;
      // a node exactly at g_j also bounds the cell below it
      if (j > 0 && z === gridState(tb, j)) first[L * N + j - 1] = on ? k : -1;
    }
  }
}

/** Nodes of every layer from per-layer lists (each sorted by z). */
export function packNodes(lists: readonly { z: number; vl: number; vr: number }[][]): StepNodes | undefined {
  let n = 0;
  for (const l of lists) n += l.length;
  if (n === 0) return undefined;
  const z = new Float64Array(n);
  const vl = new Float64Array(n);
  const vr = new Float64Array(n);
  const layerOff = new Int32Array(lists.length + 1);
  let k = 0;
  lists.forEach((l, L) => {
    layerOff[L] = k;
    for (const p of l) {
      z[k] = p.z;
      vl[k] = p.vl;
      vr[k] = p.vr;
      k++;
    }
  });
  layerOff[lists.length] = k;
  return { z, vl, vr, layerOff };
}
