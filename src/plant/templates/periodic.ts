/**
 * The periodic design cycle: a plant that charges and discharges day after day settles where every store returns
 * to its state at the start of the cycle — a cavern cooled by its discharge, a thermal store's leftovers, a basin
 * warmed by condensation. Its figures (round-trip efficiency, capacity, durations) then contain no change of
 * stored energy. Cycles are repeated from the empty state, each from where the last ended, until the start and end
 * states agree:
 *   every store part:   |ΔM| ≤ tol · M_store   (M_store: the store's mass, all its parts)
 *                       |ΔT| ≤ tol · T          (K; parts holding something at both ends)
 *   the stores:         |ΔE_stored|, |ΔX_stores| ≤ tol · (E_in + E_fuel)
 * Stores that settle slowly, by a similar fraction every cycle, are moved to where they are heading
 * (extrapolatePeriodic) and the cycles go on from there.
 * Most cycles are saved by starting where a cheap coarse cycle (a longer time step) is periodic, and by correcting
 * the coarse cycle with the defect each design cycle shows against it (coarsePeriodicStart): two design cycles
 * then usually suffice where plain repetition needs four to twenty-five.
 * A plant whose stores keep drifting (a basin with no way to shed heat, a discharge that runs out of stored heat
 * before the main store is empty) is reported with what drifts, by how much per cycle, and what to change.
 */
import type { CycleResult } from '../transient/cycle.js';
import type { StoreSet } from '../transient/stores.js';

/** How the periodic design cycle is sought. */
export const PERIODIC_CYCLE = Object.freeze({
  /** Largest relative mismatch between the start and the end state of a periodic cycle. Unit: - */
  tolerance: 1e-4,
  /** Most cycles run. */
  maxCycles: 40,
  /** A search that has not reduced its mismatch by `stallFactor` over this many cycles is given up as drifting. */
  stallCycles: 8,
  stallFactor: 1.25,
  /** Most jumps to the limit of a slowly settling sequence (extrapolatePeriodic). */
  maxJumps: 12,
  /**
   * A cycle delivering less than this fraction of the best cycle before it is barren: a plant drifting towards
   * nothing (or a jump that landed there) is reported by its last productive cycle, not by a remnant whose
   * round-trip efficiency, a ratio of two vanishing energies, means nothing. Unit: -
   */
  barrenFraction: 1e-3,
  /**
   * The coarse cycle (coarsePeriodicStart): the same cycle with a time step this many times longer, some 20 steps a
   * phase — a few times cheaper than a design cycle, and its periodic start within a few 1e-3 of the design cycle's.
   */
  coarseFactor: 8,
  /** Largest relative change of a store state (stateChange) at which a coarse search is periodic. Unit: - */
  coarseTolerance: 1e-5,
  /** Most coarse cycles of one coarse search. */
  coarseCycles: 12,
  /**
   * A periodic coarse cycle delivering less than this fraction of the best coarse cycle of its search is not a start:
   * a plant drifting towards nothing is periodic there too (nothing charged, nothing delivered). Unit: -
   */
  coarseDelivered: 0.5,
});

/** The largest mismatch between a cycle's start and end states, and where it is. */
export interface Mismatch {
  /** Unit: - */
  readonly value: number;
  /** 'basin.water temperature', 'tank.contents mass', 'stored exergy'. */
  readonly where: string;
  /** The change over the cycle, for people ('+0.86 K', '−12.3 t', '+2.05 MWh (basin +1.98)'). */
  readonly change: string;
  /** The store it lies in (for the stored energy and exergy: the store whose energy changed most). */
  readonly store?: string;
}

const CELSIUS = 273.15;

function signed(v: number, digits: number): string {
  return `${v >= 0 ? '+' : '−'}${Math.abs(v).toPrecision(digits)}`;
}

/** Where a cycle's end state differs most from its start state (relative, as in the header). */
export function cycleMismatch(stores: StoreSet, r: CycleResult): Mismatch {
  const x0 = r.initialState;
  const x1 = r.finalState;
  const m = r.metrics;
  const scale = m.energyIn + m.fuel;
  // the store whose energy changed most carries the blame for the stores' energy and exergy
  let most = stores.stores[0];
  let mostChange = 0;
  for (const s of stores.stores) {
    const d = s.energy(x1) - s.energy(x0);
    if (Math.abs(d) > Math.abs(mostChange)) {
      most = s;
      mostChange = d;
    }
  }
  const share = `(${most.id} ${signed(mostChange / 3.6e9, 4)} MWh of energy)`;
  let worst: Mismatch = { value: Math.abs(m.storedEnergyChange) / scale, where: 'stored energy', change: `${signed(m.storedEnergyChange / 3.6e9, 4)} MWh ${share}`, store: most.id };
  const consider = (value: number, where: string, change: string, store: string) => {
    if (value > worst.value) worst = { value, where, change, store };
  };
  consider(Math.abs(m.storeExergyChange) / scale, 'stored exergy', `${signed(m.storeExergyChange / 3.6e9, 4)} MWh ${share}`, most.id);
  for (const s of stores.stores) {
    let mass = 0;
    for (let k = 0; k < s.parts.length; k++) mass += s.M(x0, k);
    if (!(mass > 0)) continue;
    for (let k = 0; k < s.parts.length; k++) {
      const name = `${s.id}.${s.parts[k]}`;
      const dM = s.M(x1, k) - s.M(x0, k);
      consider(Math.abs(dM) / mass, `${name} mass`, `${signed(dM / 1e3, 4)} t`, s.id);
      if (s.M(x0, k) > 1e-6 * mass && s.M(x1, k) > 1e-6 * mass) {
        const T0 = s.state(x0, k).T;
        const dT = s.state(x1, k).T - T0;
        consider(Math.abs(dT) / T0, `${name} temperature`, `${signed(dT, 3)} K (from ${(T0 - CELSIUS).toFixed(2)} degC)`, s.id);
      }
    }
  }
  return worst;
}

/** Whether a search with these mismatches (one per cycle, the last latest) has stalled. */
export function stalled(mismatches: readonly number[], o: { stallCycles: number; stallFactor: number } = PERIODIC_CYCLE): boolean {
  const n = mismatches.length;
  if (n <= o.stallCycles) return false;
  return mismatches[n - 1] * o.stallFactor > mismatches[n - 1 - o.stallCycles];
}

/**
 * Why a plant did not become periodic, for people: what drifts and by how much per cycle, the capacity's trend,
 * how the last cycle's phases ended, and what to change.
 */
export function driftMessage(template: string, stores: StoreSet, cycles: readonly CycleResult[], last: Mismatch, tolerance: number): string {
  const r = cycles[cycles.length - 1];
  const first = cycles[0].metrics.energyOut;
  const now = r.metrics.energyOut;
  const stops = r.stops.map((s) => `${s.phase} ended: ${s.reason}`).join('; ');
  let text = `${template}: the design cycle did not become periodic in ${cycles.length} cycles — ${last.where} changes by ${last.change} per cycle (mismatch ${last.value.toExponential(1)}, tolerance ${tolerance.toExponential(0)}); the delivered energy went from ${(first / 3.6e9).toPrecision(4)} to ${(now / 3.6e9).toPrecision(4)} MWh per cycle; ${stops || 'no phase reached a limit'}. The figures are those of the last cycle and include a change of stored energy.`;
  const heatLimited = r.stops.some((s) => s.phase === 'discharge' && /hot tank empty/.test(s.reason));
  if (heatLimited) {
    text += ' The discharge runs out of stored heat before the main store is empty (its reheat takes more heat per kg than the charge stores), so the main store keeps more working fluid every cycle and the next charge is shorter. To change: lower the reheat (a larger thermalStores[].hotEndApproach or fewer reheated stages), let the charge store more heat (a lower thermalStores[].coldTemperature, or a store on every compression stage), or keep some turbines unheated.';
  }
  const kind = last.store !== undefined ? stores.get(last.store).kind : undefined;
  if (kind === 'basin') {
    text += ' The basin takes the heat of condensation and gives the heat of evaporation; what the two do not balance stays in it. To change: keep basin.cooler on (the default), or let the condenser or the evaporator work against the air.';
  }
  if (kind === 'thermal-store' && /\.hot mass$/.test(last.where)) {
    text += ' The charge stores more heat than the discharge takes back and the hot tank fills cycle after cycle. To change: thermalStores[].returnCooling (the trim cooler returns the unused hot medium to the cold tank).';
  }
  return text;
}

/**
 * Where a slowly settling sequence of cycle start states is heading. A store that settles over many cycles (the
 * cushion of a high-pressure CO2 tank, far larger than what a cycle moves; a gas store warmed a little by every
 * refill) approaches its periodic state geometrically: x_{k+1} − x_k ≈ λ (x_k − x_{k−1}). With λ from the last two
 * differences (least squares, each component relative to its store's size) and the two differences nearly
 * parallel, the limit is x* = x_{k+1} + λ/(1 − λ) (x_{k+1} − x_k). The jump is linear in x, so the masses of the
 * working fluid and of every medium (sums over parts and stores) stay exactly what the cycles conserve. Returns
 * undefined where the sequence is not of that kind or the limit is not a state the stores can hold; the search
 * then just goes on cycling, and every cycle after a jump is checked as any other.
 */
export function extrapolatePeriodic(stores: StoreSet, starts: readonly Float64Array[]): Float64Array | undefined {
  const n = starts.length;
  if (n < 3) return undefined;
  const [a, b, c] = [starts[n - 3], starts[n - 2], starts[n - 1]];
  const w = storeWeights(stores, c);
  let dot = 0;
  let prev = 0;
  let last = 0;
  for (let i = 0; i < a.length; i++) {
    const d1 = (b[i] - a[i]) * w[i];
    const d2 = (c[i] - b[i]) * w[i];
    dot += d1 * d2;
    prev += d1 * d1;
    last += d2 * d2;
  }
  if (!(prev > 0) || !(last > 0)) return undefined;
  const lambda = dot / prev;
  // one dominant mode: the last difference is λ times the one before, to within a fifth of its size; a sequence
  // whose steps shrink less than tenfold a cycle (λ > 0.1) is worth a jump (the Luoyang gas-liquid CO2 plant's coarse
  // cycles settle by λ ≈ 0.18: a jump after the second saves two of six cycles)
  const residual = last - 2 * lambda * dot + lambda * lambda * prev;
  if (!(lambda > 0.1 && lambda < 0.995) || residual > 0.04 * last) return undefined;
  // a jump that would move a store part by more than a few kelvin or a good part of its mass is cut back: the
  // geometric model holds near the limit, not far from it
  for (let factor = lambda / (1 - lambda), tries = 0; tries < 6; factor /= 2, tries++) {
    const x = Float64Array.from(c, (v, i) => v + factor * (v - b[i]));
    if (holdable(stores, x) && near(stores, x, c)) return x;
  }
  return undefined;
}

/** Whether every store part of x lies within 10 K and a fifth of its mass of where it is in y. */
function near(stores: StoreSet, x: Float64Array, y: Float64Array): boolean {
  for (const s of stores.stores) {
    for (let k = 0; k < s.parts.length; k++) {
      const My = s.M(y, k);
      if (!(My > 0)) continue;
      if (Math.abs(s.M(x, k) - My) > 0.2 * My) return false;
      if (Math.abs(s.state(x, k).T - s.state(y, k).T) > 10) return false;
    }
  }
  return true;
}

/** Per component of the store states: 1 / (its store's mass) for masses, 1 / (its store's |energy|) for energies. */
function storeWeights(stores: StoreSet, x: Float64Array): Float64Array {
  const w = new Float64Array(x.length);
  for (const s of stores.stores) {
    let mass = 0;
    let energy = 0;
    for (let k = 0; k < s.parts.length; k++) {
      mass += Math.abs(s.M(x, k));
      energy += Math.abs(s.E(x, k));
    }
    for (let k = 0; k < s.parts.length; k++) {
      w[s.offset + 2 * k] = mass > 0 ? 1 / mass : 0;
      w[s.offset + 2 * k + 1] = energy > 0 ? 1 / energy : 0;
    }
  }
  return w;
}

/** Whether every store part has a mass ≥ 0 and, where it holds something, a state its fluid can have. */
function holdable(stores: StoreSet, x: Float64Array): boolean {
  for (const s of stores.stores) {
    for (let k = 0; k < s.parts.length; k++) {
      const M = s.M(x, k);
      if (!(M >= 0)) return false;
      if (M === 0) continue;
      try {
        if (!Number.isFinite(s.state(x, k).T)) return false;
      } catch {
        return false;
      }
    }
  }
  return true;
}

/**
 * The largest change of any store-state component between x and y, relative to its store (masses to the store's
 * mass, energies to the store's |energy|, as extrapolatePeriodic weighs them). Unit: -
 */
export function stateChange(stores: StoreSet, x: Float64Array, y: Float64Array): number {
  const w = storeWeights(stores, y);
  let most = 0;
  for (let i = 0; i < x.length; i++) most = Math.max(most, Math.abs(x[i] - y[i]) * w[i]);
  return most;
}

/** What a coarse cycle gives the search: its end state and the electricity it delivered (J). */
export interface CoarseCycle {
  readonly end: Float64Array;
  readonly delivered: number;
}

/**
 * The periodic start of a coarse model of the design cycle, x = G_c(x) + d, searched from x0 by repetition (with
 * extrapolatePeriodic's jumps). G_c is the cycle with a longer time step (PERIODIC_CYCLE.coarseFactor); d, the
 * defect, is what a design cycle G did from some start x_k beyond its coarse twin, G(x_k) − G_c(x_k) (zero before
 * the first design cycle). This is defect correction: where G − G_c hardly changes between x_k and the periodic
 * start, the corrected coarse model is periodic where G is, so the design cycles need only check the start the coarse
 * cycles found — and correct it once more when the check fails. Returns undefined when the coarse cycles do not
 * settle (a change of state larger than the cycle before, a drifting plant, a coarse cycle the plant cannot run, a
 * defect that leaves the stores' valid states) or settle where they deliver far less than they did on the way (a
 * plant drifting towards nothing): the caller then repeats design cycles as before.
 */
export function coarsePeriodicStart(
  stores: StoreSet,
  coarseCycle: (x: Float64Array) => CoarseCycle,
  x0: Float64Array,
  defect?: Float64Array,
  o: { coarseTolerance: number; coarseCycles: number; coarseDelivered: number; stallCycles: number; stallFactor: number } = PERIODIC_CYCLE,
): { x: Float64Array; cycles: number } | undefined {
  let x = x0;
  let starts: Float64Array[] = [x];
  const changes: number[] = [];
  let best = 0;
  for (let k = 0; k < o.coarseCycles; k++) {
    let c: CoarseCycle;
    try {
      c = coarseCycle(x);
    } catch {
      return undefined;
    }
    best = Math.max(best, c.delivered);
    const y = defect ? Float64Array.from(c.end, (v, i) => v + defect[i]) : c.end;
    if (!holdable(stores, y)) return undefined;
    const change = stateChange(stores, y, x);
    if (!Number.isFinite(change)) return undefined;
    if (change <= o.coarseTolerance) return c.delivered >= o.coarseDelivered * best && best > 0 ? { x: y, cycles: k + 1 } : undefined;
    // a coarse cycle that moves the stores more than the one before does not settle (a plant whose stop switches
    // between two time steps from cycle to cycle, a drifting plant): not worth more coarse cycles
    if (changes.length > 0 && change > changes[changes.length - 1]) return undefined;
    changes.push(change);
    if (stalled(changes, o)) return undefined;
    starts.push(y);
    const jump = extrapolatePeriodic(stores, starts);
    if (jump) starts = [jump];
    x = jump ?? y;
  }
  return undefined;
}
