/**
 * The cold store of a liquid CO2 plant as its loop sees it, whichever kind it is: which part of the store each end of
 * the loop draws from or returns to, the temperature the loop's liquid leaves the store at, its volume, its start and
 * restore, and its design figures.
 *   - two-tank liquid store: the charge draws the warm tank and returns to the cold one, the discharge the reverse;
 *   - phase-change bed (phase-change-store.ts): both modes draw from and return to the bed, which stays at its
 *     melting temperature while partly frozen.
 */
import { phaseChangeMaterial, type PhaseChangeMaterialId } from '../../../fluids/phase-change/materials.js';
import { resolveFluid, type FluidSpec } from '../../fluids/resolve.js';
import type { StorePort } from '../../transient/mode.js';
import { TwoTankThermalStore, type Ambient, type Store } from '../../transient/stores.js';
import type { Figure } from '../types.js';
import { checkPhaseChangeColdStore, phaseChangeColdStore, type PhaseChangeColdStore, type PhaseChangeColdStoreSpec } from './phase-change-store.js';

export interface ColdSide {
  readonly store: Store;
  /** Temperature the loop's liquid leaves the store at, on charge and on discharge. Unit: K */
  chargeSupplyTemperature(x: Float64Array): number;
  dischargeSupplyTemperature(x: Float64Array): number;
  /** Temperature the discharge returns the liquid at, for a store at state x. Unit: K */
  dischargeReturnTemperature(x: Float64Array): number;
  /** The loop's return where it follows the store's state (a bed: its temperature ∓ the swing); undefined where it is fixed by design (a two-tank store's tanks). Unit: K */
  followingReturn(x: Float64Array, phase: 'charge' | 'discharge'): number | undefined;
  /** The store's ports on the loop's supply and return connections. */
  ports(phase: 'charge' | 'discharge', loop: { supply: string; ret: string }): StorePort[];
  /** Total volume of the store's vessels. Unit: m³ */
  readonly volume: number;
  fillEmpty(x: Float64Array): void;
  restore(x: Float64Array): { heat: number; action: string };
  /** Its design figures (coldStore.…). */
  readonly figures: Record<string, Figure>;
  /** One line for the plant's notes. */
  readonly note: string;
}

/** A two-tank store's parts as the liquid CO2 template builds them (liquid-co2/sizing.ts coldStoreParts). */
export interface TwoTankParts {
  readonly store: TwoTankThermalStore;
  readonly charge: number;
  readonly discharge: number;
  readonly tankVolume: number;
  fillEmpty(x: Float64Array): void;
  restore(x: Float64Array): { heat: number; action: string };
}

const W = TwoTankThermalStore.HOT;
const C = TwoTankThermalStore.COLD;
const degC = (T: number) => (T - 273.15).toFixed(2);

/** A two-tank liquid store: the discharge returns its medium at the warm tank's design temperature. */
export function twoTankColdSide(parts: TwoTankParts, t: { warm: number; cold: number; medium: string; sizeMargin: number }): ColdSide {
  const s = parts.store;
  return {
    store: s,
    chargeSupplyTemperature: (x) => s.state(x, W).T,
    dischargeSupplyTemperature: (x) => s.state(x, C).T,
    dischargeReturnTemperature: () => t.warm,
    followingReturn: () => undefined,
    ports: (phase, loop) =>
      phase === 'charge'
        ? [
            { store: s, part: W, connection: loop.supply, sign: -1 },
            { store: s, part: C, connection: loop.ret, sign: 1 },
          ]
        : [
            { store: s, part: C, connection: loop.supply, sign: -1 },
            { store: s, part: W, connection: loop.ret, sign: 1 },
          ],
    volume: 2 * parts.tankVolume,
    fillEmpty: (x) => parts.fillEmpty(x),
    restore: (x) => parts.restore(x),
    figures: {
      'coldStore.mediumMass': { value: Math.max(parts.charge, parts.discharge) * (1 + t.sizeMargin), unit: 'kg' },
      'coldStore.tankVolume': { value: parts.tankVolume, unit: 'm3', note: 'each of the two tanks' },
      'coldStore.dischargeToChargeMedium': { value: parts.discharge / parts.charge, unit: '-', note: 'medium a design discharge warms over what a design charge cools (above 1: the chiller makes up the rest)' },
    },
    note: `cold store: ${t.medium} between ${degC(t.cold)} and ${degC(t.warm)} degC; a design discharge warms ${(parts.discharge / parts.charge).toFixed(3)} times the medium a design charge cools`,
  };
}

/** A phase-change bed: both ends of the loop on its one part; the discharge returns the liquid `swing` above the bed. */
export function phaseChangeColdSide(bed: PhaseChangeColdStore, t: { swing: number; medium: string }): ColdSide {
  const s = bed.store;
  const m = s.options.material;
  return {
    store: s,
    chargeSupplyTemperature: (x) => s.state(x).T,
    dischargeSupplyTemperature: (x) => s.state(x).T,
    dischargeReturnTemperature: (x) => s.state(x).T + t.swing,
    // a bed colder or warmer than its melting point (fully frozen or molten) moves the whole loop with it
    followingReturn: (x, phase) => s.state(x).T + (phase === 'charge' ? -t.swing : t.swing),
    ports: (phase, loop) => [
      { store: s, part: 0, connection: loop.supply, sign: -1 },
      { store: s, part: 0, connection: loop.ret, sign: 1 },
    ],
    volume: bed.volume,
    fillEmpty: (x) => bed.fillEmpty(x),
    restore: (x) => bed.restore(x),
    figures: {
      'coldStore.materialMass': { value: bed.mass, unit: 'kg', note: `${m.name}, melting at ${degC(m.meltingTemperature)} degC` },
      'coldStore.volume': { value: bed.volume, unit: 'm3', note: 'the vessels of the bed, material and heat-transfer liquid' },
      'coldStore.latentCapacity': { value: bed.mass * m.latentHeat, unit: 'J', note: 'latent heat of the whole bed' },
      'coldStore.dischargeToChargeHeat': { value: bed.discharge / bed.charge, unit: '-', note: 'heat a design discharge melts into the bed over what a design charge freezes out of it (above 1: the chiller refreezes the rest)' },
      'coldStore.startFrozenFraction': { value: bed.startFrozen, unit: '-', note: 'frozen fraction at the start of a charge' },
    },
    note: `cold store: a bed of ${(bed.mass / 1e6).toPrecision(4)} kt ${m.name} (melting at ${degC(m.meltingTemperature)} degC, ${(bed.volume / 1e3).toPrecision(4)} thousand m3) on a ${t.medium} loop with a ${t.swing} K swing; ${(100 * bed.startFrozen).toFixed(1)} % frozen at the start of a charge; a design discharge melts ${(bed.discharge / bed.charge).toFixed(3)} times the heat a design charge freezes`,
  };
}

/** A plant file's cold store as far as a phase-change bed needs it (coldStore and coldStore.phaseChange). */
export interface PhaseChangeColdStoreParams {
  readonly medium: FluidSpec;
  readonly pressure: number;
  readonly sizeMargin: number;
  readonly heatLossCoefficient: number;
  readonly phaseChange?: { readonly material: PhaseChangeMaterialId; readonly swing: number; readonly sensibleBand: number; readonly packing: number };
}

/** The bed's specification from the plant file, checked (field errors at coldStore.phaseChange…); undefined for a two-tank store. */
export function phaseChangeSpec(where: string, S: PhaseChangeColdStoreParams): PhaseChangeColdStoreSpec | undefined {
  const pc = S.phaseChange;
  if (!pc) return undefined;
  const spec = { material: phaseChangeMaterial(pc.material), medium: resolveFluid(S.medium, 'coldStore.medium'), pressure: S.pressure, swing: pc.swing, sensibleBand: pc.sensibleBand, packing: pc.packing, sizeMargin: S.sizeMargin, heatLossCoefficient: S.heatLossCoefficient };
  checkPhaseChangeColdStore(where, 'coldStore.phaseChange', spec);
  return spec;
}

/** A phase-change bed sized for the heat its loop moves over a design charge and a design discharge (J). */
export function phaseChangeColdSideFor(id: string, spec: PhaseChangeColdStoreSpec, ambient: Ambient, duty: { charge: number; discharge: number }, medium: string): ColdSide {
  return phaseChangeColdSide(phaseChangeColdStore(id, spec, ambient, duty), { swing: spec.swing, medium });
}
