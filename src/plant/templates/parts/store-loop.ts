/**
 * A store loop (tank → pump → exchangers → tank) and the gas–medium exchangers it serves, for one two-tank thermal
 * store. Exchangers are specified by the hot-end approach ttd_u (charging: gas in − medium out; discharging: medium
 * in − gas out) and the internal pinch ttd_min (< ttd_u): the medium's flow follows, and no temperature cross can
 * hide inside (the medium's c_p rises by half over a thermal oil's range).
 */
import type { NetworkBuilder } from '../doc.js';
import type { ParamsOf } from '../../components/registry.js';
import type { ThermalStoreParams } from '../common.js';
import type { FluidSpec } from '../../fluids/resolve.js';
import { coldSide, hotSide, lossEntry } from './losses.js';

/** A gas–medium heat exchanger's parameters: the gas on `gasSide`, losses on both sides, ttd_u and the pinch. */
export function storeExchangerParams(gasSide: 'hot' | 'cold', store: ThermalStoreParams, gasInletPressure: number, mediumInletPressure: number): ParamsOf<'heat-exchanger'> {
  const gas = lossEntry(store.gasPressureLoss, gasInletPressure);
  const medium = lossEntry(store.mediumPressureLoss, mediumInletPressure);
  const [hot, cold] = gasSide === 'hot' ? [gas, medium] : [medium, gas];
  return { ...hotSide(hot), ...coldSide(cold), ttd_u: store.hotEndApproach, ttd_min: store.pinch };
}

/** Connection ids of a store loop. */
export interface StoreLoop {
  /** Tank → pump (leaves the supplying tank). */
  readonly supply: string;
  /** Back into the receiving tank. */
  readonly ret: string;
  /** The medium's outlet connection of each user (heat exchanger id → connection id). */
  readonly outlets: Readonly<Record<string, string>>;
}

/**
 * A store loop: the two-tank store's supply (T, p of the supplying tank) → pump → (splitter) → the medium sides of
 * `users` (heat exchangers; 'hot' when the medium is the hot stream) → (mixer) → return at the store pressure.
 */
export function storeLoop(d: NetworkBuilder, id: string, store: { medium: FluidSpec; T: number; p: number; pumpEfficiency: number; mode: 'charge' | 'discharge' }, users: readonly { id: string; side: 'hot' | 'cold' }[]): StoreLoop {
  d.add('two-tank-store', id, { fluid: store.medium, T: store.T, p: store.p, mode: store.mode });
  const pump = `${id}_pump`;
  d.add('pump', pump, { eta_s: store.pumpEfficiency });
  const supply = `${id}_supply`;
  const ret = `${id}_return`;
  d.connect(supply, `${id}.supply`, pump);
  if (users.length === 1) {
    const u = users[0];
    d.connect(`${pump}-${u.id}`, pump, `${u.id}.${u.side}_in`);
    d.connect(ret, `${u.id}.${u.side}_out`, `${id}.return`, { p: store.p });
    return { supply, ret, outlets: { [u.id]: ret } };
  }
  const split = `${id}_split`;
  const merge = `${id}_merge`;
  d.add('splitter', split, { outlets: users.length });
  d.add('mixer', merge, { inlets: users.length });
  d.connect(`${pump}-${split}`, pump, split);
  users.forEach((u, k) => {
    d.connect(`${split}-${u.id}`, `${split}.out${k + 1}`, `${u.id}.${u.side}_in`);
    d.connect(`${u.id}-${merge}`, `${u.id}.${u.side}_out`, `${merge}.in${k + 1}`);
  });
  d.connect(ret, merge, `${id}.return`, { p: store.p });
  return { supply, ret, outlets: Object.fromEntries(users.map((u) => [u.id, `${u.id}-${merge}`])) };
}

/** The discharge exchangers of a chain of stores with their medium outlets and cold-tank temperatures (designPoint `returns`). */
export function dischargeReturns(stores: readonly ThermalStoreParams[], loops: readonly StoreLoop[]): { id: string; connection: string; T: number }[] {
  return stores.flatMap((s, j) => Object.entries(loops[j].outlets).map(([id, connection]) => ({ id, connection, T: s.coldTemperature })));
}

/** Whether a store serves stage k (1-based). */
export function serves(store: ThermalStoreParams, k: number): boolean {
  return store.stages === undefined || store.stages.includes(k);
}

/** The stages (1-based) of n that a store serves. */
export function stageList(n: number, store: ThermalStoreParams): number[] {
  return Array.from({ length: n }, (_, k) => k + 1).filter((k) => serves(store, k));
}
