/**
 * The periodic design cycle: a plant that charges and discharges day after day settles where every store returns
 * to its state at the start of the cycle — a cavern cooled by its discharge, a thermal store's leftovers, a basin
 * warmed by condensation. Its figures (round-trip efficiency, capacity, durations) then contain no change of
 * stored energy. Cycles are repeated from the empty state, each from where the last ended, until the start and end
 * states agree:
 *   every store part:   |ΔM| ≤ tol · M_store   (M_store: the store's mass, all its parts)
 *                       |ΔT| ≤ tol · T          (K; parts holding something at both ends)
 *   the stores:         |ΔE_stored|, |ΔX_stores| ≤ tol · (E_in + E_fuel)
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
  maxCycles: 16,
  /** A search that has not reduced its mismatch by `stallFactor` over this many cycles is given up as drifting. */
  stallCycles: 4,
  stallFactor: 2,
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
