/**
 * The stores' balance over the periodic design cycle, measured: for every part of every store (a cavern's air, a
 * thermal store's hot and cold tanks, a CO2 tank, a dome's gas, a basin's water) what the charge brought in, what the
 * discharge took out, what the restoring units moved, what the surroundings took, and what is left — read from the
 * transient's store states at the start of the charge, the end of the charge, the end of the discharge and the end
 * of the cycle, and from the cycle engine's ledger of the flows (cycle.ts StoreLedger). Masses for every part that
 * moves mass; heat (energy relative to the dead state) for a part whose contents only warm and cool (a basin).
 *
 * For each part, exactly (the engine advances the states by these very terms):
 *   x_end − x_start = Σ_phases (in − out + controller + standing) + restored
 * and for a periodic cycle x_end ≈ x_start (periodic.ts). A part is "filled by" the phase whose flows raise it (a
 * cavern, a hot tank and a high-pressure tank by the charge; a cold tank, a dome and a low-pressure tank by the
 * discharge); `in` is what that phase brought, `out` what the other one took, their ratio out/in, and `remnant` what
 * the emptying phase left in it. Which store's limit ended each phase is kept, so a store that ends the discharge
 * empty is told apart from one that keeps a remnant.
 */
import type { CycleResult } from '../transient/cycle.js';
import type { Store, StoreKind, StoreSet } from '../transient/stores.js';

/** The store states of one design cycle at its four instants (x's layout: M, E per part). */
export interface CycleStates {
  /** At the start of the charge. */
  readonly start: Float64Array;
  /** At the end of the charge. */
  readonly charged: Float64Array;
  /** At the end of the discharge, before the restoring units. */
  readonly discharged: Float64Array;
  /** At the end of the cycle (after the restoring units): the next cycle's start. */
  readonly end: Float64Array;
}

/** One store part's balance over the design cycle. Units: kg for quantity 'mass', J for 'heat'. */
export interface StorePartBalance {
  readonly store: string;
  readonly part: string;
  readonly kind: StoreKind;
  /** 'mass': the part's contents (kg); 'heat': its energy relative to the dead state (J), for a part whose mass does not move (a basin's water). */
  readonly quantity: 'mass' | 'heat';
  readonly unit: 'kg' | 'J';
  /** Whether it holds the plant's working fluid (air, CO2) rather than a heat-transfer medium. */
  readonly workingFluid: boolean;
  /** At the start of the charge, the end of the charge, the end of the discharge, the end of the cycle. */
  readonly atStart: number;
  readonly atCharged: number;
  readonly atDischarged: number;
  readonly atEnd: number;
  /** The flows of each phase, in and out (gross over the steps, both ≥ 0). */
  readonly chargeIn: number;
  readonly chargeOut: number;
  readonly dischargeIn: number;
  readonly dischargeOut: number;
  /** What each phase's controller changed (a liquid tank held at its condensing or evaporating temperature, its heat to the basin). */
  readonly chargeControlled: number;
  readonly dischargeControlled: number;
  /** What the surroundings gave over the cycle (negative: the standing loss). */
  readonly standing: number;
  /** Heat the part lost to its surroundings over the cycle (its energy's standing term, whatever the quantity). Unit: J */
  readonly heatLost: number;
  /** What the restoring units changed after the discharge (negative: taken out, e.g. a basin cooled, hot medium returned). */
  readonly restored: number;
  /** The phase whose flows fill it ('none': neither moves it). */
  readonly filledBy: 'charge' | 'discharge' | 'none';
  /** What its filling phase brought in (net of that phase's own outflow, its controller included, standing excluded). */
  readonly in: number;
  /** What the other phase took out (net of its own inflow and controller). */
  readonly out: number;
  /** out ÷ in (0 when nothing came in). Unit: - */
  readonly ratio: number;
  /** What the emptying phase left in it (at the end of the discharge for a part the charge fills). */
  readonly remnant: number;
  /** The end state's departure from the start as periodic.ts measures it: |ΔM| ÷ the store's mass, |ΔT| ÷ T for heat. Unit: - */
  readonly periodicMismatch: number;
  /** (x_end − x_start) − (flows + controller + standing + restored), relative to the largest term. Unit: - */
  readonly residual: number;
}

/** One store's part in ending a phase. */
export interface StoreBalanceStore {
  readonly store: string;
  readonly kind: StoreKind;
  /** How the charge or the discharge ended, where the stop names this store (one of its limits, or the mode refusing on its state). */
  readonly endedCharge?: string;
  readonly endedDischarge?: string;
}

/** The stores' measured balance over one design cycle. */
export interface StoreBalance {
  /** Whether the cycle is the periodic one (its end state within `tolerance` of its start). */
  readonly periodic: boolean;
  /** The cycle's number in the search (1: the first run). */
  readonly cycle: number;
  readonly tolerance: number;
  /** How each phase ended ('' where it ran its whole time). */
  readonly chargeStop: string;
  readonly dischargeStop: string;
  readonly stores: readonly StoreBalanceStore[];
  readonly parts: readonly StorePartBalance[];
}

/** A part moves mass when its mass changes by more than this fraction of its store's largest content over the cycle. */
const MOVES_MASS = 1e-9;

/** The measured balance of the stores over a design cycle from its four states and the engine's ledger of flows. */
export function measureStoreBalance(
  stores: StoreSet,
  states: CycleStates,
  result: Pick<CycleResult, 'stops' | 'ledger'>,
  o: { readonly periodic: boolean; readonly cycle: number; readonly tolerance: number },
): StoreBalance {
  const ledger = result.ledger;
  const chargeStop = result.stops.find((s) => s.phase === 'charge')?.reason ?? '';
  const dischargeStop = result.stops.find((s) => s.phase === 'discharge')?.reason ?? '';
  const parts: StorePartBalance[] = [];
  const ended: StoreBalanceStore[] = [];
  for (const s of stores.stores) {
    ended.push({
      store: s.id,
      kind: s.kind,
      ...endedBy(s, chargeStop, 'endedCharge'),
      ...endedBy(s, dischargeStop, 'endedDischarge'),
    });
    let storeMass = 0;
    for (const x of [states.start, states.charged, states.discharged, states.end]) {
      let m = 0;
      for (let k = 0; k < s.parts.length; k++) m += s.M(x, k);
      storeMass = Math.max(storeMass, m);
    }
    for (let k = 0; k < s.parts.length; k++) {
      const masses = [states.start, states.charged, states.discharged, states.end].map((x) => s.M(x, k));
      const movesMass = Math.max(...masses) - Math.min(...masses) > MOVES_MASS * storeMass;
      // a part whose contents only warm and cool (a basin's water, a packed bed) has a balance of heat
      const heat = !movesMass;
      const i = s.offset + 2 * k + (heat ? 1 : 0);
      const value = (x: Float64Array) => (heat ? s.energy(partOnly(s, x, k)) : x[i]);
      const at = { start: value(states.start), charged: value(states.charged), discharged: value(states.discharged), end: value(states.end) };
      const e = s.offset + 2 * k + 1;
      const flows = {
        chargeIn: ledger.inflow.charge[i],
        chargeOut: ledger.outflow.charge[i],
        dischargeIn: ledger.inflow.discharge[i],
        dischargeOut: ledger.outflow.discharge[i],
        chargeControlled: ledger.control.charge[i],
        dischargeControlled: ledger.control.discharge[i],
        standing: ledger.standing.charge[i] + ledger.standing.hold[i] + ledger.standing.discharge[i],
        restored: ledger.restore[i],
      };
      const heatLost = -(ledger.standing.charge[e] + ledger.standing.hold[e] + ledger.standing.discharge[e]);
      // each phase's net, its controller's share included (the tank cooler's heat goes where the condenser's goes)
      const netCharge = flows.chargeIn - flows.chargeOut + flows.chargeControlled;
      const netDischarge = flows.dischargeIn - flows.dischargeOut + flows.dischargeControlled;
      const filledBy = netCharge > 0 && netDischarge <= 0 ? 'charge' : netDischarge > 0 && netCharge <= 0 ? 'discharge' : netCharge > 0 ? (netCharge >= netDischarge ? 'charge' : 'discharge') : 'none';
      const into = filledBy === 'discharge' ? netDischarge : Math.max(netCharge, 0);
      const outOf = filledBy === 'discharge' ? -netCharge : -netDischarge;
      const change = at.end - at.start;
      const terms = [flows.chargeIn, flows.chargeOut, flows.dischargeIn, flows.dischargeOut, flows.chargeControlled, flows.dischargeControlled, flows.standing, flows.restored, at.start, at.end].map(Math.abs);
      const residual = change - (netCharge + netDischarge + flows.standing + flows.restored);
      parts.push({
        store: s.id,
        part: s.parts[k],
        kind: s.kind,
        quantity: heat ? 'heat' : 'mass',
        unit: heat ? 'J' : 'kg',
        workingFluid: s.holdsWorkingFluid,
        atStart: at.start,
        atCharged: at.charged,
        atDischarged: at.discharged,
        atEnd: at.end,
        ...flows,
        heatLost,
        filledBy,
        in: into,
        out: outOf,
        ratio: into > 0 ? outOf / into : 0,
        remnant: filledBy === 'discharge' ? at.charged : at.discharged,
        periodicMismatch: heat ? Math.abs(s.state(states.end, k).T - s.state(states.start, k).T) / s.state(states.start, k).T : storeMass > 0 ? Math.abs(change) / storeMass : 0,
        residual: Math.abs(residual) / Math.max(...terms, 1e-300),
      });
    }
  }
  return { periodic: o.periodic, cycle: o.cycle, tolerance: o.tolerance, chargeStop, dischargeStop, stores: ended, parts };
}

/** x with every part of s but part k emptied, for s.energy() of one part (a basin has one part: x as it is). */
function partOnly(s: Store, x: Float64Array, k: number): Float64Array {
  if (s.parts.length === 1) return x;
  const y = Float64Array.from(x);
  for (let j = 0; j < s.parts.length; j++) if (j !== k) s.set(y, j, 0, 0);
  return y;
}

/**
 * The stop of a phase when it names store s: one of its limits ('cavern pressure at its minimum (43.00 bar)', 'oil
 * hot tank empty') or a refusal of the mode that begins with the store's id ('cavern pressure 45.4 bar is at the
 * throttle setting'). Every store limit's name begins with its store's id.
 */
function endedBy<K extends 'endedCharge' | 'endedDischarge'>(s: Store, stop: string, key: K): Partial<Record<K, string>> {
  return stop.startsWith(`${s.id} `) || stop.startsWith(`${s.id}.`) ? ({ [key]: stop } as Partial<Record<K, string>>) : {};
}
