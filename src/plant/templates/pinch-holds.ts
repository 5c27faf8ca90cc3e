/**
 * Off design, store exchangers hold their design end differences (holdEndDifferences), and a solve that would cross
 * a temperature profile switches the exchanger to its design pinch or bypasses it for that solve (solveHoldingPinches).
 */
import { judge, type Network, type NetworkSolveResult } from '../network/network.js';
import type { Solution } from '../network/solution.js';
import { applyToNetwork, type Update } from './doc.js';

/** An exchanger off design and the internal pinch of its design point (solveHoldingPinches). */
export interface PinchHold {
  readonly id: string;
  /** Unit: K */
  readonly pinch: number;
}

/**
 * The off-design form of pinch specifications: every exchanger in `ids` that the design point gave ttd_min keeps
 * its design cold-end difference (ttd_l) instead. At the design point the solution is the same; off design the
 * exchanger holds both end differences (as the A-CAES and CO2 system models in the literature do) and the solver
 * no longer evaluates a temperature profile on every residual. Returns every exchanger held at its end differences
 * with its design pinch, for the solves that must not let its profile cross (solveHoldingPinches).
 */
export function holdEndDifferences(net: Network, sol: Solution, ids: readonly string[]): PinchHold[] {
  const updates: Update[] = [];
  const held: string[] = [];
  for (const id of ids) {
    const c = net.component(id).get() as Record<string, unknown>;
    if (c.ttd_min === undefined && c.ttd_l === undefined) continue;
    held.push(id);
    if (c.ttd_min === undefined) continue;
    updates.push({ component: id, set: { ttd_min: undefined, ttd_l: sol.component(id).values.ttd_l } });
  }
  applyToNetwork(net, updates);
  return pinchHolds(sol, held);
}

/** The exchangers among `ids` with their design pinch (where it is positive), for solveHoldingPinches. */
export function pinchHolds(sol: Solution, ids: readonly string[]): PinchHold[] {
  const holds: PinchHold[] = [];
  for (const id of ids) {
    const pinch = sol.component(id).pinch;
    if (pinch !== undefined && pinch > 0) holds.push({ id, pinch });
  }
  return holds;
}

/** How solveHoldingPinches returns its solve. */
export interface HoldingOptions {
  /**
   * Judge the solve kept against physics (network.ts judge; default true). `false`: returned unjudged, for a search
   * that judges only the trial it keeps (heat rationing); the exchangers switched for the solve are judged before
   * they go back to their specification, so that a later `judge` sees them as they were solved.
   */
  readonly judge?: boolean;
}

/**
 * An off-design solve of a network whose exchangers hold their design end differences (holdEndDifferences) or
 * effectiveness. Where that would cross the temperature profile inside one of them, as a controller would for this
 * solve: an exchanger held at its end differences (a medium whose c_p bends its profile: off design they no longer
 * leave room inside) holds its design pinch instead of its cold-end difference, its medium flow throttled; an
 * exchanger held at an effectiveness (whose Q_max counts the sides' pressure losses as heat: it crosses where the
 * two inlets are within a kelvin or so) is bypassed, Q = 0. After the solve each goes back to its specification
 * (each operating point a function of its state alone). Each trial solve is checked only for the held exchangers'
 * crosses (the same check, exactly: Solution.violationsOf); the solve kept is judged whole once (unless
 * `judge: false`).
 */
export function solveHoldingPinches(net: Network, holds: readonly PinchHold[], options: HoldingOptions = {}): NetworkSolveResult {
  let r = net.solve({ check: false });
  const switched: { readonly id: string; readonly undo: Record<string, number | undefined> }[] = [];
  try {
    for (let pass = 0; pass < holds.length && r.ok; pass++) {
      const solution = r.value;
      const open = holds.filter((hold) => !switched.some((s) => s.id === hold.id));
      // refused crosses only: a cross the network or the exchanger accepts is a warning, no reason to switch
      const crosses = solution.violationsOf(open.map((hold) => hold.id)).filter((v) => v.kind === 'temperature-cross' && !v.allowed);
      const updates: Update[] = [];
      for (const hold of open) {
        const cross = crosses.find((v) => v.id === hold.id);
        if (!cross) continue;
        const p = net.component(hold.id).get() as { ttd_l?: number; eps?: number };
        if (p.ttd_l !== undefined && cross.quantity === 'pinch') {
          updates.push({ component: hold.id, set: { ttd_l: undefined, ttd_min: hold.pinch } });
          switched.push({ id: hold.id, undo: { ttd_min: undefined, ttd_l: p.ttd_l } });
        } else if (p.eps !== undefined) {
          updates.push({ component: hold.id, set: { eps: undefined, Q: 0 } });
          switched.push({ id: hold.id, undo: { Q: undefined, eps: p.eps } });
        }
      }
      if (updates.length === 0) break;
      applyToNetwork(net, updates);
      r = net.solve({ check: false });
    }
    if (options.judge !== false) r = judge(r);
    else if (r.ok) r.value.violationsOf(switched.map((s) => s.id));
  } finally {
    if (switched.length > 0) applyToNetwork(net, switched.map((s) => ({ component: s.id, set: s.undo })));
  }
  return r;
}
