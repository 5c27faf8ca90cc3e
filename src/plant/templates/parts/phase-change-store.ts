/**
 * A latent (phase-change) cold store: a bed of a phase-change material (src/fluids/phase-change) in insulated
 * vessels, through which a heat-transfer liquid circulates to the plant's exchangers. The liquid leaves the bed at
 * the bed's temperature — the melting temperature while the bed is partly frozen — and returns `swing` colder on
 * charge (the CO2 evaporator: the bed freezes, cold is stored) or `swing` warmer on discharge (the CO2 condenser:
 * the bed melts). So the exchangers' approaches and pinches are taken against the melting temperature, and beyond
 * a fully frozen or fully molten bed the heat is sensible, up to `sensibleBand` past the melting temperature, where
 * the mode stops.
 *
 * State: one part whose mass M is the material's and whose energy E = M h (h from the solid at the melting point,
 * fluids/phase-change/bed.ts). The loop's supply (sign −1) and return (sign +1) are both ports of that part: their
 * mass flows cancel and E changes by ṁ (h_return − h_supply) of the heat-transfer liquid, the heat the bed takes.
 * The frozen fraction follows from E and is carried over the transient and the periodic cycle.
 *
 * Sizing: the latent heat the larger of a design charge and a design discharge moves, with the margin; at the start
 * of a charge the bed is frozen so far that both fit inside its latent range, centred; after each discharge
 * restore() returns it there (a chiller takes out what the discharge melted beyond what the charge froze).
 */
import { enthalpyAt, stateAt, type PhaseChangeState } from '../../../fluids/phase-change/bed.js';
import { phaseChangeMaterial, type PhaseChangeMaterial, type PhaseChangeMaterialId } from '../../../fluids/phase-change/materials.js';
import { PlantInputError } from '../../errors.js';
import type { StreamFluid } from '../../fluids/stream-fluid.js';
import { cylinderWetArea, Store, type Ambient, type Channel, type Limit, type PartState } from '../../transient/stores.js';

const CELSIUS = 273.15;
const degC = (T: number) => (T - CELSIUS).toFixed(2);

/** Options of a phase-change store. */
export interface PhaseChangeStoreOptions {
  readonly material: PhaseChangeMaterial;
  /** Mass of the material. Unit: kg */
  readonly mass: number;
  /** Total volume of the vessels (material and the liquid around it). Unit: m³ */
  readonly volume: number;
  /** Pressure of the heat-transfer liquid. Unit: Pa */
  readonly p: number;
  /** Heat-gain coefficient of the vessels' surface. Unit: W/(m² K) */
  readonly U: number;
  /** Surface of the vessels. Unit: m² */
  readonly area: number;
  /** How far past the melting temperature the bed may go, once fully frozen (charge) or molten (discharge). Unit: K */
  readonly sensibleBand: number;
}

/** The options and the names the equipment list reads from a thermal store (its medium, its vessels' volume). */
export type PhaseChangeStoreSettings = PhaseChangeStoreOptions & { readonly medium: string; readonly tankVolume: number };

export class PhaseChangeStore extends Store {
  readonly kind = 'thermal-store' as const;
  readonly parts = ['bed'] as const;
  readonly holdsWorkingFluid = false;
  private readonly dead: { h: number; s: number };
  private memo: { M: number; E: number; s: PartState & PhaseChangeState } | undefined;

  readonly options: PhaseChangeStoreSettings;

  constructor(id: string, ambient: Ambient, options: PhaseChangeStoreOptions) {
    super(id, ambient);
    this.options = { ...options, medium: options.material.id, tankVolume: options.volume };
    const d = stateAt(options.material, enthalpyAt(options.material, ambient.T, 0));
    this.dead = { h: d.h, s: d.s };
  }

  protected hRef(): number {
    return this.dead.h;
  }

  /** Sets the bed to the frozen fraction f at the melting temperature, or to T beyond it. */
  fill(x: Float64Array, spec: { frozenFraction: number } | { T: number }): void {
    const m = this.options.material;
    const h = 'T' in spec ? enthalpyAt(m, spec.T) : enthalpyAt(m, m.meltingTemperature, spec.frozenFraction);
    this.set(x, 0, this.options.mass, this.options.mass * h);
  }

  state(x: Float64Array, part = 0): PartState & PhaseChangeState {
    const M = this.M(x, part);
    const E = this.E(x, part);
    if (this.memo && this.memo.M === M && this.memo.E === E) return this.memo.s;
    const b = stateAt(this.options.material, E / M);
    const s = { ...b, p: this.options.p, u: b.h, rho: this.options.material.rhoLiquid, Q: NaN, volume: this.options.volume, level: b.frozenFraction, M };
    this.memo = { M, E, s };
    return s;
  }

  /** Heat gained from the ambient through the vessels' surface over dt (the bed's temperature held over the step). */
  standing(x: Float64Array, dt: number, out: Float64Array): void {
    out[0] = 0;
    const o = this.options;
    if (!(dt > 0) || o.U === 0) return;
    const q = o.U * o.area * (this.ambient.T - this.state(x).T) * dt;
    x[this.offset + 1] += q;
    out[0] = q;
  }

  limits(x: Float64Array, phase: 'charge' | 'discharge'): Limit[] {
    const T = this.state(x).T;
    const Tm = this.options.material.meltingTemperature;
    const band = this.options.sensibleBand;
    return phase === 'charge'
      ? [{ name: `${this.id} frozen and ${band} K below its melting point`, margin: T - (Tm - band) }]
      : [{ name: `${this.id} molten and ${band} K above its melting point`, margin: Tm + band - T }];
  }

  channels(): Channel[] {
    return [
      { name: `${this.id}.T`, unit: 'K', read: (x) => this.state(x).T },
      { name: `${this.id}.frozenFraction`, unit: '-', read: (x) => this.state(x).frozenFraction },
    ];
  }

  exergy(x: Float64Array): number {
    const st = this.state(x);
    return st.M * (st.h - this.dead.h - this.ambient.T * (st.s - this.dead.s));
  }
}

/** What a phase-change cold store is built from (coldStore and coldStore.phaseChange of the plant file). */
export interface PhaseChangeColdStoreSpec {
  readonly material: PhaseChangeMaterial;
  /** The heat-transfer liquid of the loop and its pressure. */
  readonly medium: StreamFluid;
  readonly pressure: number;
  /** Unit: K */
  readonly swing: number;
  readonly sensibleBand: number;
  /** Volume fraction of the vessels the material fills. Unit: - */
  readonly packing: number;
  /** Latent heat beyond what the larger design mode moves. Unit: - */
  readonly sizeMargin: number;
  /** Unit: W/(m² K) */
  readonly heatLossCoefficient: number;
}

/** The loop's temperatures for a bed at its melting temperature: supply at it, return swing colder (charge) or warmer (discharge). Unit: K */
export function phaseChangeLoopTemperatures(S: Pick<PhaseChangeColdStoreSpec, 'material' | 'swing'>): { supply: number; chargeReturn: number; dischargeReturn: number } {
  const Tm = S.material.meltingTemperature;
  return { supply: Tm, chargeReturn: Tm - S.swing, dischargeReturn: Tm + S.swing };
}

/**
 * The cold store loop's four temperatures, whichever the store: a two-tank liquid store gives its warm tank on charge
 * and takes it back cold (and the reverse on discharge); a phase-change bed gives the liquid at its melting
 * temperature in both modes and takes it back `swing` colder (charge) or warmer (discharge). Unit: K
 */
export function coldLoopTemperatures(S: { coldTemperature: number; warmTemperature: number; phaseChange?: { material: PhaseChangeMaterialId; swing: number } }): { chargeSupply: number; chargeReturn: number; dischargeSupply: number; dischargeReturn: number } {
  if (!S.phaseChange) return { chargeSupply: S.warmTemperature, chargeReturn: S.coldTemperature, dischargeSupply: S.coldTemperature, dischargeReturn: S.warmTemperature };
  const t = phaseChangeLoopTemperatures({ material: phaseChangeMaterial(S.phaseChange.material), swing: S.phaseChange.swing });
  return { chargeSupply: t.supply, chargeReturn: t.chargeReturn, dischargeSupply: t.supply, dischargeReturn: t.dischargeReturn };
}

/**
 * The checks of a phase-change cold store, as field errors: its loop liquid must be valid from the coldest return
 * (a fully frozen bed at the band's end, less the swing) to the warmest (molten, plus the swing).
 */
export function checkPhaseChangeColdStore(where: string, field: string, S: PhaseChangeColdStoreSpec): void {
  const Tm = S.material.meltingTemperature;
  const lo = Tm - S.sensibleBand - S.swing;
  const hi = Tm + S.sensibleBand + S.swing;
  const room = Math.min(Tm - S.medium.Tmin, S.medium.Tmax - Tm);
  // a liquid that freezes above the bed's melting point (Dowtherm Q under n-nonane) cannot serve it at any swing
  if (!(room > 0)) {
    const mediumField = field.replace(/\.phaseChange$/, '.medium');
    throw new PlantInputError(where, mediumField, S.medium.name, `a loop liquid valid at ${S.material.name}'s melting point (${degC(Tm)} degC) and the swing and sensibleBand around it: ${S.medium.name} is valid from ${degC(S.medium.Tmin)} to ${degC(S.medium.Tmax)} degC`);
  }
  if (!(lo >= S.medium.Tmin && hi <= S.medium.Tmax)) {
    throw new PlantInputError(where, `${field}.swing`, S.swing, `swing + sensibleBand (${S.sensibleBand} K) at most ${room.toFixed(2)} K: the loop liquid ${S.medium.name} is valid from ${degC(S.medium.Tmin)} to ${degC(S.medium.Tmax)} degC and ${S.material.name} melts at ${degC(Tm)} degC`);
  }
}

export interface PhaseChangeColdStore {
  readonly store: PhaseChangeStore;
  /** Heat a design charge takes from the bed (freezing it) and a design discharge gives it (melting it). Unit: J */
  readonly charge: number;
  readonly discharge: number;
  /** Mass of material and total vessel volume. Unit: kg, m³ */
  readonly mass: number;
  readonly volume: number;
  /** Frozen fraction at the start of a charge (what restore returns to). Unit: - */
  readonly startFrozen: number;
  fillEmpty(x: Float64Array): void;
  /** After a discharge, back to the start: heat > 0 taken out of the bed (by a chiller), < 0 put in (from the air). Unit: J */
  restore(x: Float64Array): { heat: number; action: string };
}

/** Sizes the bed for the latent heat the design cycle moves (`duty`, J) with the margin. */
export function phaseChangeColdStore(id: string, S: PhaseChangeColdStoreSpec, ambient: Ambient, duty: { charge: number; discharge: number }): PhaseChangeColdStore {
  const m = S.material;
  const L = m.latentHeat;
  const larger = Math.max(duty.charge, duty.discharge);
  const mass = (larger * (1 + S.sizeMargin)) / L;
  const volume = mass / m.rhoLiquid / S.packing;
  // the charge freezes c, the discharge melts d (fractions of the latent range): the start leaves them centred
  const c = duty.charge / (mass * L);
  const d = duty.discharge / (mass * L);
  const startFrozen = (1 - Math.max(c, d)) / 2 + Math.max(0, d - c);
  const store = new PhaseChangeStore(id, ambient, { material: m, mass, volume, p: S.pressure, U: S.heatLossCoefficient, area: cylinderWetArea(volume)(1), sensibleBand: S.sensibleBand });
  const hStart = enthalpyAt(m, m.meltingTemperature, startFrozen);
  return {
    store,
    charge: duty.charge,
    discharge: duty.discharge,
    mass,
    volume,
    startFrozen,
    fillEmpty(x) {
      store.fill(x, { frozenFraction: startFrozen });
    },
    restore(x) {
      const st = store.state(x);
      const q = store.E(x, 0) - mass * hStart;
      if (q === 0) return { heat: 0, action: '' };
      store.set(x, 0, store.M(x, 0), mass * hStart);
      const how = q > 0 ? 'refrozen by the chiller' : 'warmed from the air';
      return { heat: q, action: `${id}: ${m.name} bed ${how} from ${(100 * st.frozenFraction).toFixed(1)} % frozen at ${degC(st.T)} degC to ${(100 * startFrozen).toFixed(1)} % frozen (${(Math.abs(q) / 3.6e9).toPrecision(4)} MWh)` };
    },
  };
}
