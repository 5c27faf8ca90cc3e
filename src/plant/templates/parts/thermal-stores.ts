/**
 * A chain of two-tank thermal stores at falling temperature levels (hottest first), each with its store loop in
 * either mode: the charge exchangers behind the compression stages it serves (gas on the hot side, hottest store
 * first), the discharge exchangers before the expansion stages it serves (gas on the cold side, coldest store first),
 * the tanks' temperatures as the per-step boundary, and — once the charge design point is known — the tanks sized
 * for the medium a design charge moves (SizedThermalStores): their empty state, their ports, the trim coolers after a
 * discharge, and their figures.
 */
import { PlantInputError } from '../../errors.js';
import type { Solution } from '../../network/solution.js';
import type { Restoration } from '../../transient/cycle.js';
import type { StorePort } from '../../transient/mode.js';
import { cylinderWetArea, TwoTankThermalStore, type Ambient } from '../../transient/stores.js';
import { resolveFluid } from '../../fluids/resolve.js';
import type { ThermalStoreParams } from '../common.js';
import { StreamState, type StreamFluid } from '../../fluids/stream-fluid.js';
import type { NetworkBuilder, Update } from '../doc.js';
import type { Figure } from '../types.js';
import { lossEntry, lossFunction } from './losses.js';
import type { Node } from './paths.js';
import { dischargeReturns, serves, stageList, storeExchangerParams, storeLoop, type StoreLoop } from './store-loop.js';

/** Checks a chain of stores: names unique, stages served in both trains, cold temperatures falling, pinch below the hot-end approach. */
export function checkStores(template: string, stores: readonly ThermalStoreParams[], compressionStages: number, expansionStages: number, field = 'thermalStores'): void {
  const names = new Set<string>();
  stores.forEach((s, k) => {
    const where = `${template} ${field}[${k}]`;
    if (s.stages && !(s.stages.some((n) => n <= compressionStages) && s.stages.some((n) => n <= expansionStages))) {
      throw new PlantInputError(where, 'stages', s.stages, `stage numbers that include a compression stage (1–${compressionStages}) and an expansion stage (1–${expansionStages})`);
    }
    if (names.has(s.name)) throw new PlantInputError(where, 'name', s.name, 'a name no other store has');
    names.add(s.name);
    if (!(s.pinch < s.hotEndApproach)) throw new PlantInputError(where, 'pinch', s.pinch, `a pinch below the hot-end approach (${s.hotEndApproach} K)`);
    if (k > 0 && !(s.coldTemperature < stores[k - 1].coldTemperature)) {
      throw new PlantInputError(where, 'coldTemperature', s.coldTemperature, `below the cold temperature of ${stores[k - 1].name} (${stores[k - 1].coldTemperature} K): stores are chained hottest first`);
    }
  });
}

/** A store of the chain: its parameters, and where a template has it, its standing loss as a fraction a day. */
export type ChainStoreParams = ThermalStoreParams & { readonly standingLoss?: number | undefined };

/** What differs in the discharge: the stores as its exchangers are designed (approach, pinch), the gas pressure of their losses (Pa). */
export type DischargeSide = { readonly params?: readonly ThermalStoreParams[]; readonly gasPressure?: number };

/** The chain's exchangers and loops in the charge and the discharge network. */
export class ThermalStoreChain {
  private chargeLoops: StoreLoop[] = [];
  private dischargeLoops: StoreLoop[] = [];
  /** The stores as the discharge exchangers are designed. */
  readonly dischargeParams: readonly ThermalStoreParams[];
  private readonly dischargeGasPressure: number;

  /** @param gasPressure where a loss given as a drop becomes a specification (charge, gasLosses(), and discharge unless `discharge` says). Unit: Pa */
  constructor(
    readonly params: readonly ChainStoreParams[],
    readonly compressionStages: number,
    readonly expansionStages: number,
    private readonly gasPressure: number,
    discharge: DischargeSide = {},
  ) {
    this.dischargeParams = discharge.params ?? params;
    this.dischargeGasPressure = discharge.gasPressure ?? gasPressure;
  }

  check(template: string): this {
    checkStores(template, this.params, this.compressionStages, this.expansionStages);
    return this;
  }

  /** The gas side's loss of one exchanger of each store, hottest first (p ↦ p_out). */
  gasLosses(): ((p: number) => number)[] {
    return this.params.map((s) => lossFunction(lossEntry(s.gasPressureLoss, this.gasPressure)));
  }

  /** Adds the charge exchangers behind compression stage k (hottest store first). */
  chargeExchangers(d: NetworkBuilder, k: number): Node[] {
    return this.params.filter((s) => serves(s, k)).map((s) => {
      const id = d.add('heat-exchanger', `HXc${k}_${s.name}`, storeExchangerParams('hot', s, this.gasPressure, s.pressure));
      return { id, in: 'hot_in', out: 'hot_out' };
    });
  }

  /** Adds the discharge exchangers before expansion stage k (coldest store first). */
  dischargeExchangers(d: NetworkBuilder, k: number): Node[] {
    return [...this.dischargeParams].reverse().filter((s) => serves(s, k)).map((s) => {
      const id = d.add('heat-exchanger', `HXd${k}_${s.name}`, storeExchangerParams('cold', s, this.dischargeGasPressure, s.pressure));
      return { id, in: 'cold_in', out: 'cold_out' };
    });
  }

  /** Adds each store's charge loop (cold tank → pump → its charge exchangers → hot tank). */
  addChargeLoops(d: NetworkBuilder): readonly StoreLoop[] {
    this.chargeLoops = this.params.map((s) => storeLoop(d, s.name, { medium: s.medium, T: s.coldTemperature, p: s.pressure, pumpEfficiency: s.pumpEfficiency, mode: 'charge' }, this.chargeIds(s).map((id) => ({ id, side: 'cold' as const }))));
    return this.chargeLoops;
  }

  /** Adds each store's discharge loop (hot tank → pump → its discharge exchangers → cold tank), the hot tank first guessed `hotGuess` above the cold. Unit: K */
  addDischargeLoops(d: NetworkBuilder, hotGuess: number): readonly StoreLoop[] {
    this.dischargeLoops = this.params.map((s) => storeLoop(d, s.name, { medium: s.medium, T: s.coldTemperature + hotGuess, p: s.pressure, pumpEfficiency: s.pumpEfficiency, mode: 'discharge' }, this.dischargeIds(s).map((id) => ({ id, side: 'hot' as const }))));
    return this.dischargeLoops;
  }

  /** The exchangers a design point gives their pinch (designPoint `exchangers`). */
  designExchangers(mode: 'charge' | 'discharge'): { id: string; pinch: number }[] {
    return (mode === 'charge' ? this.params : this.dischargeParams).flatMap((s) => (mode === 'charge' ? this.chargeIds(s) : this.dischargeIds(s)).map((id) => ({ id, pinch: s.pinch })));
  }

  /** The discharge exchangers' medium outlets and the cold tanks they must not return below (designPoint `returns`). */
  returns(): { id: string; connection: string; T: number }[] {
    return dischargeReturns(this.params, this.dischargeLoops);
  }

  /** Each store's supplying tank at temperature T[j] (the cold tanks in charge, the hot in discharge). Unit: K */
  tankUpdates(T: readonly number[]): Update[] {
    return this.params.map((s, j) => ({ component: s.name, set: { T: T[j] } }));
  }

  /** The cold tanks' design temperatures. Unit: K */
  coldTemperatures(): number[] {
    return this.params.map((s) => s.coldTemperature);
  }

  /** The hot tanks' temperatures a charge design point gives (each loop's mixed return). Unit: K */
  hotTemperatures(charge: Solution): number[] {
    return this.chargeLoops.map((l) => charge.stream(l.ret).T);
  }

  /** Each mode's loops, store by store (available once addChargeLoops and addDischargeLoops have run). */
  get loops(): { readonly charge: readonly StoreLoop[]; readonly discharge: readonly StoreLoop[] } {
    return { charge: this.chargeLoops, discharge: this.dischargeLoops };
  }

  /** Each store's discharge exchangers, store by store. */
  dischargeExchangerIds(): string[][] {
    return this.params.map((s) => this.dischargeIds(s));
  }

  /** The discharge loops' supply connections (hot tank → pump), store by store. */
  dischargeSupplies(): string[] {
    return this.dischargeLoops.map((l) => l.supply);
  }

  /** The tanks sized for a design charge of `chargeSeconds` at the charge design point. */
  size(charge: Solution, chargeSeconds: number, ambient: Ambient): SizedThermalStores {
    return new SizedThermalStores(this.params, this.chargeLoops, this.dischargeLoops, this.hotTemperatures(charge), charge, chargeSeconds, ambient);
  }

  private chargeIds(s: ThermalStoreParams): string[] {
    return stageList(this.compressionStages, s).map((k) => `HXc${k}_${s.name}`);
  }

  private dischargeIds(s: ThermalStoreParams): string[] {
    return stageList(this.expansionStages, s).map((k) => `HXd${k}_${s.name}`);
  }
}

/** One store's tanks. */
interface Tanks {
  readonly store: TwoTankThermalStore;
  /** Medium a design charge moves, with the size margin. Unit: kg */
  readonly usable: number;
  /** Each of the two tanks. Unit: m³ */
  readonly tankVolume: number;
  /** Unit: kg/m³ */
  readonly rhoHot: number;
  readonly rhoCold: number;
}

/** The chain's stores with their tanks: each holds the medium a design charge moves, the margin and two heels. */
export class SizedThermalStores {
  readonly tanks: readonly Tanks[];

  constructor(
    private readonly params: readonly ChainStoreParams[],
    private readonly chargeLoops: readonly StoreLoop[],
    private readonly dischargeLoops: readonly StoreLoop[],
    /** The design charge's hot-tank temperatures. Unit: K */
    readonly hot: readonly number[],
    charge: Solution,
    chargeSeconds: number,
    ambient: Ambient,
  ) {
    this.tanks = params.map((s, j) => {
      const mediumFlow = charge.stream(chargeLoops[j].supply).m;
      const medium = resolveFluid(s.medium);
      const rhoHot = densityAt(medium, hot[j], s.pressure);
      const rhoCold = densityAt(medium, s.coldTemperature, s.pressure);
      const usable = mediumFlow * chargeSeconds * (1 + s.sizeMargin);
      const tankVolume = (1.02 * usable) / rhoHot / (1 - 2 * s.heel);
      const store = new TwoTankThermalStore(s.name, ambient, { medium: s.medium, p: s.pressure, tankVolume, U: s.heatLossCoefficient, wetArea: cylinderWetArea(tankVolume), levelMin: s.heel, ...(s.standingLoss !== undefined ? { lossPerDay: s.standingLoss } : {}) });
      return { store, usable, tankVolume, rhoHot, rhoCold };
    });
  }

  get stores(): TwoTankThermalStore[] {
    return this.tanks.map((t) => t.store);
  }

  /** Both tanks of every store. Unit: m³ */
  get volume(): number {
    return this.tanks.reduce((a, t) => a + 2 * t.tankVolume, 0);
  }

  /** Empty: the usable medium and a heel in the cold tank, a heel in the hot. */
  fillEmpty(x: Float64Array): void {
    this.tanks.forEach((t, j) => {
      const s = this.params[j];
      t.store.fillPart(x, TwoTankThermalStore.HOT, s.heel * t.tankVolume * t.rhoHot, this.hot[j]);
      t.store.fillPart(x, TwoTankThermalStore.COLD, t.usable + s.heel * t.tankVolume * t.rhoCold, s.coldTemperature);
    });
  }

  /** Charge: out of the cold tank, into the hot. */
  chargePorts(): StorePort[] {
    return this.tanks.flatMap((t, j) => [
      { store: t.store, part: TwoTankThermalStore.COLD, connection: this.chargeLoops[j].supply, sign: -1 as const },
      { store: t.store, part: TwoTankThermalStore.HOT, connection: this.chargeLoops[j].ret, sign: 1 as const },
    ]);
  }

  /** Discharge: out of the hot tank, into the cold (through the trim cooler where the store has one). */
  dischargePorts(): StorePort[] {
    return this.tanks.flatMap((t, j) => [
      { store: t.store, part: TwoTankThermalStore.HOT, connection: this.dischargeLoops[j].supply, sign: -1 as const },
      { store: t.store, part: TwoTankThermalStore.COLD, connection: this.dischargeLoops[j].ret, sign: 1 as const, ...(this.params[j].returnCooling ? { trimEnthalpy: t.store.hAt(this.params[j].coldTemperature) } : {}) },
    ]);
  }

  /** The tanks' temperatures at store states x (the supplying tanks: cold in charge, hot in discharge). Unit: K */
  temperatures(x: Float64Array, part: typeof TwoTankThermalStore.COLD | typeof TwoTankThermalStore.HOT): number[] {
    return this.tanks.map((t) => t.store.state(x, part).T);
  }

  /** The trim coolers after a discharge (restoreThermalStores). */
  restore(x: Float64Array, fanFraction: number): Restoration {
    return restoreThermalStores(x, this.tanks.map((t, j) => ({ store: t.store, coldTemperature: this.params[j].coldTemperature, returnCooling: this.params[j].returnCooling })), fanFraction);
  }

  figures(): Record<string, Figure> {
    const figures: Record<string, Figure> = {};
    this.tanks.forEach((t, j) => {
      const name = this.params[j].name;
      figures[`${name}.hotTemperature`] = { value: this.hot[j], unit: 'K', note: 'mixed return of the design charge' };
      figures[`${name}.mediumMass`] = { value: t.usable, unit: 'kg', note: 'medium moved by a design charge, with the size margin' };
      figures[`${name}.tankVolume`] = { value: t.tankVolume, unit: 'm3', note: 'each of the two tanks' };
    });
    return figures;
  }
}

/** Density of a stream medium at (T, p). Unit: kg/m³ */
export function densityAt(medium: StreamFluid, T: number, p: number): number {
  const st = new StreamState();
  medium.hTP(T, p, 0, st);
  return st.rho;
}

/** A thermal store as its trim cooler sees it after a discharge. */
export interface TrimmedStore {
  readonly store: TwoTankThermalStore;
  /** The cold tank's design temperature. Unit: K */
  readonly coldTemperature: number;
  /** Whether a trim cooler serves the store (thermalStores[].returnCooling). */
  readonly returnCooling: boolean;
}

/**
 * The trim coolers after a discharge: hot medium that the discharge left above the hot tank's heel (the charge
 * stored more heat than the discharge's reheat took) is cooled to the cold-tank temperature and returned to the
 * cold tank, its heat to the ambient, the dry coolers' fans taking `fanFraction` of it. Without this a plant whose
 * charge stores more heat per kg than its discharge uses fills its hot tank cycle after cycle, until the charge stops
 * there before the main store is full. Stores without a trim cooler (returnCooling off) keep their surplus.
 */
export function restoreThermalStores(x: Float64Array, stores: readonly TrimmedStore[], fanFraction: number): Restoration {
  let heat = 0;
  const actions: string[] = [];
  for (const t of stores) {
    if (!t.returnCooling) continue;
    const s = t.store;
    const surplus = s.hotAboveHeel(x);
    if (!(surplus > 0)) continue;
    const hot = s.state(x, TwoTankThermalStore.HOT);
    const hCold = s.hAt(t.coldTemperature);
    const q = surplus * (hot.h - hCold);
    if (!(q > 0)) continue;
    s.set(x, TwoTankThermalStore.HOT, hot.M - surplus, s.E(x, TwoTankThermalStore.HOT) - surplus * hot.h);
    s.set(x, TwoTankThermalStore.COLD, s.M(x, TwoTankThermalStore.COLD) + surplus, s.E(x, TwoTankThermalStore.COLD) + surplus * hCold);
    heat += q;
    actions.push(`${s.id}: ${(surplus / 1e3).toPrecision(4)} t of hot medium the discharge did not use cooled from ${(hot.T - 273.15).toFixed(1)} to ${(t.coldTemperature - 273.15).toFixed(1)} degC into the cold tank (${(q / 3.6e9).toPrecision(4)} MWh to the ambient)`);
  }
  return { heat, electricity: heat * fanFraction, actions };
}
