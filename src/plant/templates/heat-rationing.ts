/**
 * Heat rationing in a discharge: the stored heat is spent in proportion to the working fluid still to come out of
 * the main store, so that the hot tanks and the main store run out together.
 *
 * A plant whose reheat, at the hot tank less the hot-end approach, takes more heat per kg than the charge stored
 * would otherwise empty its hot tank while the main store still holds working fluid; that fluid stays, the next
 * charge is shorter and stores less heat, and cycle after cycle the plant shrinks towards nothing. An operator
 * instead lowers the reheat temperature (less medium per kg of working fluid) until the heat lasts: here every
 * discharge exchanger of a rationed store has its hot-end approach raised by the same controller until the store's
 * medium flow per kg of working fluid is at most
 *   r = (hot medium above the heel) / (working fluid in the main store above its end-of-discharge mass),
 * evaluated at every step from the store states. Where the heat suffices (the flow at the design approach is
 * below r) nothing changes.
 */
import { failed, solved, type SolveResult } from '../../numerics/index.js';
import { judge, type Network } from '../network/network.js';
import type { Solution } from '../network/solution.js';
import { isRangeError } from '../network/newton.js';
import type { TwoTankThermalStore } from '../transient/stores.js';
import { stageList, type ThermalStoreParams } from './common.js';
import { applyToNetwork } from './doc.js';

/** A thermal store whose discharge may be rationed. */
export interface RationedStore {
  /** The store's discharge exchangers (medium on the hot side); their hot-end approach is the lever. */
  readonly exchangers: readonly string[];
  /** Their working-fluid inlet connections, for the largest approach that still heats. */
  readonly gasInlets: readonly string[];
  /** The medium connection leaving the hot tank. */
  readonly supply: string;
  /** The design hot-end approach: the smallest the controller uses. Unit: K */
  readonly approach: number;
  /** Medium mass the discharge may spend per kg of working fluid at store states x. Unit: - */
  ratio(x: Float64Array): number;
  /** What the store's searches have learnt, for the next step's (solveRationed). */
  readonly memory: RationingMemory;
}

/**
 * A rationing controller's memory between steps: the slope of the excess spending over the hot-end approach where
 * its last search settled. The stores change little from one step to the next, so one secant step along it from the
 * last step's approach lands within the tolerance (two solves a step instead of a fresh bracket's four to six).
 */
export interface RationingMemory {
  /** d(excess)/d(approach) between the last two points of the last search (NaN: none yet). Unit: 1/K */
  slope: number;
}

/** A chain of stores' discharge side as rationing reads it, in a network whose exchangers are named HXd<stage>_<store>. */
export interface RationingChain {
  /** Each store as its discharge exchangers are designed (name, stages served, design hot-end approach). */
  readonly params: readonly ThermalStoreParams[];
  /** Each store's discharge loop supply (hot tank → pump). */
  readonly supplies: readonly string[];
  /** The expansion stages. */
  readonly stages: number;
  /** The discharge network (its connections name each exchanger's working-fluid inlet). */
  readonly network: Network;
}

/**
 * The rationed stores of a chain, store j allowed `allowance(j, x)` kg of medium per kg of working fluid at store
 * states x (Infinity: no allowance).
 */
export function rationedExchangers(d: RationingChain, allowance: (j: number, x: Float64Array) => number): RationedStore[] {
  return d.params.map((s, j) => {
    const exchangers = stageList(d.stages, s).map((k) => `HXd${k}_${s.name}`);
    return {
      exchangers,
      gasInlets: exchangers.map((id) => {
        const c = d.network.connectionInto(id, 'cold_in');
        if (!c) throw new RangeError(`template bug: no connection into ${id}.cold_in`);
        return c.id;
      }),
      supply: d.supplies[j],
      approach: s.hotEndApproach,
      ratio: (x) => allowance(j, x),
      memory: { slope: Number.NaN },
    };
  });
}

/**
 * The rationed stores of a discharge: each may spend its hot medium above the heel over the working fluid the main
 * store will still give (`workingFluidLeft`, kg; not positive or not a number: no allowance, the discharge ends on
 * its own limits).
 */
export function rationedStores(d: RationingChain & { readonly stores: readonly TwoTankThermalStore[]; readonly workingFluidLeft: (x: Float64Array) => number }): RationedStore[] {
  return rationedExchangers(d, (j, x) => {
    const left = d.workingFluidLeft(x);
    return left > 0 ? d.stores[j].hotAboveHeel(x) / left : Infinity;
  });
}

/** Relative tolerance on the medium flow per kg of working fluid. */
const RATIO_TOLERANCE = 1e-7;
const MAX_SOLVES = 40;

/**
 * Solves a discharge network with its rationed stores at their allowance (one store after the other, twice, as
 * the stores' exchangers share the working fluid). `mainFlow`: the working-fluid connection whose flow the
 * ratios refer to; `solve`: one solve of the network as it stands (default net.solve()), judged or not — a search
 * throws most of its trials away, so only the solve it keeps is judged here (network.ts judge), before the network
 * changes again.
 */
export function solveRationed(net: Network, mainFlow: string, stores: readonly RationedStore[], x: Float64Array, solve: () => SolveResult<Solution> = () => net.solve()): SolveResult<Solution> {
  // a point the plant cannot run at (an approach left so large by the last step that a medium would flow backwards:
  // violations.ts) still tells on which side of the allowance it lies, so the search goes on from it; it is never
  // the point returned: `last` is the latest solve (returned when it fails), `sol` the latest point the search reads
  const pointOf = (t: SolveResult<Solution>): Solution | undefined => (t.ok ? t.value : 'violations' in t && t.violations !== undefined ? t.last : undefined);
  const first = solve();
  let last = first;
  const start = pointOf(first);
  if (!start) return first;
  let sol = start;
  let solves = 1;
  for (let pass = 0; pass < (stores.length > 1 ? 2 : 1); pass++) {
    for (const store of stores) {
      const allowed = store.ratio(x);
      if (!(allowed < Infinity)) continue;
      const current = approachOf(net, store);
      const flowRatio = (s: Solution) => s.massFlow(store.supply) / s.massFlow(mainFlow);
      const excess = (s: Solution) => flowRatio(s) / allowed - 1;
      const f = excess(sol);
      if (f <= RATIO_TOLERANCE && current === store.approach) continue;
      // the excess falls as the approach a rises; a ≥ the design approach; at the largest a the exchanger with the
      // hottest working-fluid inlet no longer heats
      const hottestInlet = Math.max(...store.gasInlets.map((c) => sol.stream(c).T));
      const aMax = sol.stream(store.supply).T - hottestInlet - 1e-3;
      if (!(aMax > store.approach)) continue;
      // a bracket [lo, hi] with excess fLo > 0 at lo and fHi ≤ 0 at hi (undefined: not yet found)
      let lo = store.approach;
      let hi = aMax;
      let fLo = Number.NaN;
      let fHi: number | undefined;
      // the last step's approach starts the bracket where it lies inside it (the working fluid may since arrive
      // warmer, so that it lies beyond aMax, where the hottest exchanger's medium would flow backwards)
      if (current > aMax) {
        // both ends unknown
      } else if (f > 0) {
        lo = current;
        fLo = f;
      } else {
        hi = current;
        fHi = f;
      }
      // the last point read, for the slope the memory keeps
      let [aLast, gLast] = current <= aMax ? [current, f] : [Number.NaN, Number.NaN];
      const solvesBefore = solves;
      const at = (a: number): number | undefined => {
        setApproach(net, store, a);
        const t = solve();
        solves++;
        last = t;
        const point = pointOf(t);
        if (!point) return undefined;
        let g: number;
        try {
          g = excess(point);
        } catch (error) {
          // a point whose streams a medium cannot take (a store liquid below its range) tells nothing
          if (!isRangeError(error)) throw error;
          return undefined;
        }
        sol = point;
        const slope = (g - gLast) / (a - aLast);
        if (slope < 0 && Math.abs(g - gLast) >= RATIO_TOLERANCE) store.memory.slope = slope;
        [aLast, gLast] = [a, g];
        return g;
      };
      // where the last step left it already settled, it stays; otherwise one secant step along the last search's
      // slope, which brackets the root where it does not land within the tolerance
      let settled = current <= aMax && Math.abs(f) <= RATIO_TOLERANCE;
      if (!settled && current <= aMax && store.memory.slope < 0) {
        const a = Math.min(Math.max(current - f / store.memory.slope, store.approach), aMax);
        const g = at(a);
        if (g !== undefined) {
          if (a === store.approach && g <= RATIO_TOLERANCE) continue; // the heat suffices at the design approach
          if (Math.abs(g) <= RATIO_TOLERANCE) settled = true;
          else if (g > 0) [lo, fLo] = [a, g];
          else [hi, fHi] = [a, g];
        }
      }
      if (!settled && Number.isNaN(fLo)) {
        const g = at(lo);
        if (g === undefined) return failed(`heat rationing of ${store.supply}: no solution at the design approach ${lo} K`, solves);
        if (g <= RATIO_TOLERANCE) continue; // the heat suffices at the design approach
        fLo = g;
      }
      // Illinois regula falsi once bracketed; before that, steps up from lo that double while the excess stays
      // positive; a trial the network cannot solve is pulled back towards the last good one
      let step = 5;
      let side = 0;
      while (!settled) {
        if (solves > MAX_SOLVES) return failed(`heat rationing of ${store.supply}: the medium flow did not settle at ${allowed.toPrecision(6)} kg per kg of working fluid in ${MAX_SOLVES} solves (hot-end approach between ${lo.toFixed(4)} and ${hi.toFixed(4)} K)`, solves);
        let a = fHi === undefined ? Math.min(lo + step, hi) : (lo * fHi - hi * fLo) / (fHi - fLo);
        let g = at(a);
        for (let k = 0; g === undefined && k < 6; k++) {
          a = 0.5 * (a + lo);
          g = at(a);
        }
        if (g === undefined) {
          // the network has no solution with a larger approach: spend at lo (the hot tank runs dry first and says so)
          if (at(lo) === undefined || !(last = judge(last)).ok) return failed(`heat rationing of ${store.supply}: no solution at a hot-end approach of ${lo.toFixed(4)} K, where there was one`, solves);
          break;
        }
        if (Math.abs(g) <= RATIO_TOLERANCE || (fHi !== undefined && hi - lo < 1e-9)) {
          settled = true;
        } else if (g > 0) {
          if (fHi === undefined && a >= hi) settled = true; // even the largest approach spends too much: the hot tank runs dry first
          lo = a;
          fLo = g;
          step *= 2;
          if (side === 1 && fHi !== undefined) fHi /= 2;
          side = 1;
        } else {
          hi = a;
          fHi = g;
          if (side === -1) fLo /= 2;
          side = -1;
        }
      }
      // a search that ended on a point the plant cannot run at goes back to lo, where it spends a little more than
      // allowed (another store's exchangers may be what cannot run: their turn comes in this pass or the next)
      if (solves > solvesBefore && !(last = judge(last)).ok) at(lo);
    }
  }
  last = judge(last);
  return last.ok ? solved(last.value, solves) : last;
}

function approachOf(net: Network, store: RationedStore): number {
  return (net.component(store.exchangers[0]).get() as { ttd_u: number }).ttd_u;
}

function setApproach(net: Network, store: RationedStore, a: number): void {
  applyToNetwork(
    net,
    store.exchangers.map((id) => ({ component: id, set: { ttd_u: a } })),
  );
}
