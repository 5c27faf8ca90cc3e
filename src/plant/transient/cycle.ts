/**
 * Charge, hold and discharge in time steps. Each charge or discharge step solves the mode's network at the store
 * states of the step's start (quasi-steady: the machines and heat exchangers follow the stores instantly), reads the
 * rates of change of every store part (mass and energy), and advances the stores by explicit Euler — the step is
 * shortened to the instant a limit is reached (pressure, level, volume), found by bisection on the linear path
 * x + θ ẋ Δt (as the mode's controller leaves it), and the phase stops there. Heat exchange with the surroundings
 * (standing losses, cavern walls) is applied after the flows, in every phase. With `restore`, the plant's restoring
 * units (a basin cooler, the trim coolers that return a thermal store's unused hot medium to its cold tank) bring
 * their stores back to their set points after the discharge, as a plant does in the idle hours before its next
 * charge; their heat and their fans' electricity are in the cycle's balance. Energy terms are summed with
 * compensated sums; the cycle's balance
 *   E_in + E_fuel − E_out = ΔE_stored + E_exhaust + E_drivetrain + Q_rejected − Q_standing
 * and the working fluid's mass (stores against what crossed the plant's boundary) are reported as residuals.
 */
import { KahanAccumulator } from '../../numerics/index.js';
import type { OperatingMode } from './mode.js';
import { OperatingPoint, readPoint } from './mode.js';
import type { StoreSet } from './stores.js';

export type PhaseName = 'charge' | 'hold' | 'discharge';

/** What the cycle engine needs of a plant. */
export interface TransientPlant {
  readonly stores: StoreSet;
  readonly charge: OperatingMode;
  readonly discharge: OperatingMode;
  /** Net electric power at design: drawn while charging, delivered while discharging. Unit: W */
  readonly designPower: { readonly charge: number; readonly discharge: number };
  /** Auxiliary power at design (starting estimate of the bus power). Unit: W */
  readonly designAux: { readonly charge: number; readonly discharge: number };
  /** Storage volumes the energy density is counted on. Unit: m³ */
  readonly volumes: readonly { readonly basis: string; readonly volume: number }[];
  /**
   * Units that bring stores back to their set points between cycles (a basin cooler, thermal-store trim coolers):
   * changes x and returns what they did. Run after the discharge when CycleOptions.restore is set.
   */
  restore?(x: Float64Array): Restoration;
}

/** What the restoring units did after a discharge. */
export interface Restoration {
  /** Heat they moved from the stores to the ambient (negative: taken from the ambient into the stores). Unit: J */
  readonly heat: number;
  /** Electricity their fans and pumps drew. Unit: J */
  readonly electricity: number;
  /** What each unit did, for people ('basin cooled from 21.3 to 20.0 degC: 7.2 MWh'). */
  readonly actions: readonly string[];
}

export interface CycleOptions {
  /** Longest charge (the charge stops earlier at a store limit). Unit: s */
  readonly chargeSeconds: number;
  /** Unit: s */
  readonly holdSeconds: number;
  /** Longest discharge. Unit: s */
  readonly dischargeSeconds: number;
  /** Time step. Unit: s */
  readonly stepSeconds: number;
  /** Run the plant's restoring units after the discharge (TransientPlant.restore; default false). */
  readonly restore?: boolean;
  /** Net electric power drawn while charging (default: design). Unit: W */
  readonly chargePower?: number;
  /** Net electric power delivered while discharging (default: design). Unit: W */
  readonly dischargePower?: number;
  onProgress?(done: number, total: number): void;
  /** Called after every step with the store states (the engine's own array: copy what you keep). */
  observe?(phase: PhaseName, x: Float64Array, t: number): void;
}

/** A time series: one row per step (values at the step's start; powers over the step), and a last row at the end. */
export interface TimeSeries {
  /** Start of each step from the start of the cycle. Unit: s */
  readonly t: Float64Array;
  /** Length of each step (0 in the last row). Unit: s */
  readonly dt: Float64Array;
  /** 0 charge, 1 hold, 2 discharge, 3 the end state. */
  readonly phase: Uint8Array;
  /** Channels: 'power.in' W, 'power.out' W, 'fuel' W, 'massFlow' kg/s, and per store ('cavern.p' Pa, …). */
  readonly channels: Readonly<Record<string, { readonly unit: string; readonly values: Float64Array }>>;
}

export interface ComponentLoss {
  readonly id: string;
  /** Exergy destroyed over the cycle. Unit: J */
  readonly exergyDestroyed: number;
  /** Heat exchanged with the outside (heaters and coolers; + into the fluid). Unit: J */
  readonly heat: number;
}

export interface Stop {
  readonly phase: PhaseName;
  /** From the start of the phase. Unit: s */
  readonly time: number;
  readonly reason: string;
}

export interface CycleMetrics {
  /** Electricity drawn, auxiliaries included. Unit: J */
  readonly energyIn: number;
  /** Net electricity delivered. Unit: J */
  readonly energyOut: number;
  /** Fuel burnt (LHV). Unit: J */
  readonly fuel: number;
  /** Exergy of that fuel. Unit: J */
  readonly fuelExergy: number;
  /** E_out / E_in. Unit: - */
  readonly roundTripEfficiency: number;
  /** E_out / (E_in + E_fuel). Unit: - */
  readonly roundTripEfficiencyWithFuel: number;
  /** (E_out + ΔX_stores) / (E_in + X_fuel): exergy delivered or kept in the stores over exergy supplied. Unit: - */
  readonly exergyEfficiency: number;
  /** Change of the stores' exergy over the cycle. Unit: J */
  readonly storeExergyChange: number;
  /** E_out per storage volume, for each basis the plant names. Unit: J/m³ */
  readonly energyDensity: readonly { readonly basis: string; readonly volume: number; readonly value: number }[];
  /** Unit: s */
  readonly chargeDuration: number;
  readonly holdDuration: number;
  readonly dischargeDuration: number;
  /** Heat rejected to the ambient (coolers, trims, fans; net of heat taken from it). Unit: J */
  readonly heatRejected: number;
  /** Heat taken from the ambient by heaters (evaporators on air). Unit: J */
  readonly heatFromAmbient: number;
  /** Motor, generator and mechanical losses. Unit: J */
  readonly drivetrainLoss: number;
  /** Exhaust (sensible enthalpy of air or flue gas leaving, fuel at LHV). Unit: J */
  readonly exhaustLoss: number;
  /** Heat lost by the stores to their surroundings (net; cavern walls, tank insulation, basin). Unit: J */
  readonly storeLoss: number;
  /** Heat lost by each store. Unit: J */
  readonly storeLossByStore: Readonly<Record<string, number>>;
  /** Auxiliary electricity (pumps, fans, chillers), the restoring units' included. Unit: J */
  readonly auxiliaryEnergy: number;
  /** Heat the restoring units moved to the ambient after the discharge (0 without restore). Unit: J */
  readonly restoreHeat: number;
  /** Electricity of the restoring units (a part of energyIn and auxiliaryEnergy). Unit: J */
  readonly restoreElectricity: number;
  /** What the restoring units did. */
  readonly restoreActions: readonly string[];
  /** Change of stored energy over the cycle. Unit: J */
  readonly storedEnergyChange: number;
  /** Exergy destroyed by component, largest first. */
  readonly losses: readonly ComponentLoss[];
}

export interface Conservation {
  /** Working fluid: change in the stores − mass that crossed the boundary. Unit: kg */
  readonly massResidual: number;
  /** massResidual ÷ the mass moved. Unit: - */
  readonly massRelative: number;
  /** E_in + E_fuel − E_out − (ΔE_stored + E_exhaust + E_drivetrain + Q_rejected − Q_standing). Unit: J */
  readonly energyResidual: number;
  /** energyResidual ÷ (E_in + E_out + E_fuel). Unit: - */
  readonly energyRelative: number;
}

/**
 * What moved each component of the store states (x's layout: M, E per part) in each phase: the terms the engine
 * advances the states by, so that per component x_end − x_start = Σ (inflow − outflow + control + standing) + restore
 * to rounding (templates/balance.ts measures the stores' balance from it).
 */
export interface StoreLedger {
  /** Σ max(ẋ, 0)·h and Σ max(−ẋ, 0)·h over the phase's steps: what the flows brought in and took out. */
  readonly inflow: { readonly charge: Float64Array; readonly discharge: Float64Array };
  readonly outflow: { readonly charge: Float64Array; readonly discharge: Float64Array };
  /** What the mode's controller changed (a tank cooler holding a liquid tank at its condensing temperature). */
  readonly control: { readonly charge: Float64Array; readonly discharge: Float64Array };
  /** What the exchange with the surroundings changed (a gain; negative: a loss). */
  readonly standing: { readonly charge: Float64Array; readonly hold: Float64Array; readonly discharge: Float64Array };
  /** What the restoring units changed after the discharge. */
  readonly restore: Float64Array;
}

export interface CycleResult {
  readonly timeseries: TimeSeries;
  readonly metrics: CycleMetrics;
  readonly stops: readonly Stop[];
  readonly conservation: Conservation;
  /** Store states at the start and the end (M, E per part). */
  readonly initialState: Float64Array;
  readonly finalState: Float64Array;
  readonly ledger: StoreLedger;
}

/** A ledger of zeros for states of `size` components. */
function emptyLedger(size: number): StoreLedger {
  const z = () => new Float64Array(size);
  return { inflow: { charge: z(), discharge: z() }, outflow: { charge: z(), discharge: z() }, control: { charge: z(), discharge: z() }, standing: { charge: z(), hold: z(), discharge: z() }, restore: z() };
}

/** Accumulators of one run. */
class Ledger {
  readonly eIn = new KahanAccumulator();
  readonly eOut = new KahanAccumulator();
  readonly fuel = new KahanAccumulator();
  readonly fuelExergy = new KahanAccumulator();
  readonly heatRejected = new KahanAccumulator();
  readonly heatFromAmbient = new KahanAccumulator();
  readonly drivetrain = new KahanAccumulator();
  readonly exhaust = new KahanAccumulator();
  readonly standing = new KahanAccumulator();
  readonly aux = new KahanAccumulator();
  readonly boundaryMass = new KahanAccumulator();
  readonly movedMass = new KahanAccumulator();
  readonly storeLoss = new Map<string, KahanAccumulator>();
  readonly destruction = new Map<string, KahanAccumulator>();
  readonly heat = new Map<string, KahanAccumulator>();

  addPoint(p: OperatingPoint, dt: number): void {
    if (p.net >= 0) this.eIn.add(p.net * dt);
    else this.eOut.add(-p.net * dt);
    this.fuel.add(p.fuel * dt);
    this.fuelExergy.add(p.fuelExergy * dt);
    this.heatRejected.add(p.heatRejected * dt);
    this.heatFromAmbient.add(p.heatFromAmbient * dt);
    this.drivetrain.add(p.drivetrain * dt);
    this.exhaust.add(p.exhaust * dt);
    this.aux.add(p.aux * dt);
    this.boundaryMass.add(p.boundaryMass * dt);
    this.movedMass.add(Math.abs(p.massFlow) * dt);
    for (const [id, v] of p.destruction) add(this.destruction, id, v * dt);
    for (const [id, v] of p.heat) add(this.heat, id, v * dt);
  }
}

function add(m: Map<string, KahanAccumulator>, id: string, v: number): void {
  let a = m.get(id);
  if (!a) m.set(id, (a = new KahanAccumulator()));
  a.add(v);
}

/** Columns of the time series, grown as steps are recorded. */
class Recorder {
  private n = 0;
  private capacity: number;
  private t: Float64Array;
  private dt: Float64Array;
  private phase: Uint8Array;
  private readonly values: Float64Array[];
  constructor(
    private readonly names: readonly { name: string; unit: string }[],
    capacity: number,
  ) {
    this.capacity = Math.max(16, capacity);
    this.t = new Float64Array(this.capacity);
    this.dt = new Float64Array(this.capacity);
    this.phase = new Uint8Array(this.capacity);
    this.values = names.map(() => new Float64Array(this.capacity));
  }

  row(t: number, dt: number, phase: number, values: (k: number) => number): void {
    if (this.n === this.capacity) this.grow();
    this.t[this.n] = t;
    this.dt[this.n] = dt;
    this.phase[this.n] = phase;
    for (let k = 0; k < this.values.length; k++) this.values[k][this.n] = values(k);
    this.n++;
  }

  private grow(): void {
    this.capacity *= 2;
    const g = <T extends Float64Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.capacity);
      b.set(a);
      return b;
    };
    this.t = g(this.t);
    this.dt = g(this.dt);
    this.phase = g(this.phase);
    for (let k = 0; k < this.values.length; k++) this.values[k] = g(this.values[k]);
  }

  result(): TimeSeries {
    const channels: Record<string, { unit: string; values: Float64Array }> = {};
    this.names.forEach((c, k) => (channels[c.name] = { unit: c.unit, values: this.values[k].slice(0, this.n) }));
    return { t: this.t.slice(0, this.n), dt: this.dt.slice(0, this.n), phase: this.phase.slice(0, this.n), channels };
  }
}

const PHASE_CODE: Record<PhaseName, number> = { charge: 0, hold: 1, discharge: 2 };

/** The outcome of one quasi-steady solve at states x. */
export type PointOutcome = { readonly ok: true; readonly point: OperatingPoint } | { readonly ok: false; readonly reason: string };

/**
 * The operating point of a mode at store states x and a net electric power (W, magnitude); `aux` is the estimate of
 * the auxiliaries (W) that separates the main bus from the net power.
 */
export function solvePoint(mode: OperatingMode, size: number, x: Float64Array, net: number, aux: number, out = new OperatingPoint(size)): PointOutcome {
  const bus = mode.phase === 'charge' ? net - aux : net + aux;
  if (!(bus > 0)) return { ok: false, reason: `the auxiliaries (${(aux / 1e6).toPrecision(4)} MW) exceed the power asked for (${(net / 1e6).toPrecision(4)} MW)` };
  const why = mode.prepare(x, bus);
  if (why !== undefined) return { ok: false, reason: why };
  const r = mode.solve ? mode.solve(x) : mode.network.solve();
  if (!r.ok) {
    // a converged point that breaks physics (violations.ts) is a limit of operation, not a solver failure
    const impossible = 'violations' in r && r.violations !== undefined;
    return { ok: false, reason: impossible ? `the ${mode.phase} point is physically impossible: ${r.reason}` : `the ${mode.phase} network did not converge: ${r.reason}` };
  }
  try {
    return { ok: true, point: readPoint(mode, r.value, out) };
  } catch (error) {
    // a solution whose streams a medium cannot take (a store liquid below its range) cannot run
    if (error instanceof RangeError) return { ok: false, reason: `the ${mode.phase} point cannot be evaluated: ${error.message}` };
    throw error;
  }
}

/**
 * A net power met to within 1e-6 relative by re-solving with the auxiliaries of the last solve (two or three
 * solves; the auxiliaries move little with the bus).
 */
export function solveNet(mode: OperatingMode, size: number, x: Float64Array, net: number, auxGuess: number, out = new OperatingPoint(size)): PointOutcome {
  let aux = auxGuess;
  let outcome: PointOutcome = { ok: false, reason: 'not solved' };
  for (let k = 0; k < 4; k++) {
    outcome = solvePoint(mode, size, x, net, aux, out);
    if (!outcome.ok) return outcome;
    const got = Math.abs(outcome.point.net);
    if (Math.abs(got - net) <= 1e-6 * net) return outcome;
    aux = outcome.point.aux;
  }
  return outcome;
}

/** Runs a charge–hold–discharge cycle from store states x0 (not changed). */
export function runCycle(plant: TransientPlant, x0: Float64Array, options: CycleOptions): CycleResult {
  checkOptions(options);
  const stores = plant.stores;
  const size = stores.size;
  const x = Float64Array.from(x0);
  const storeChannels = stores.channels();
  const fixed = [
    { name: 'power.in', unit: 'W' },
    { name: 'power.out', unit: 'W' },
    { name: 'fuel', unit: 'W' },
    { name: 'massFlow', unit: 'kg/s' },
  ];
  const names = [...fixed, ...storeChannels.map((c) => ({ name: c.name, unit: c.unit }))];
  const step = options.stepSeconds;
  const totalSteps = Math.ceil(options.chargeSeconds / step) + Math.ceil(options.holdSeconds / step) + Math.ceil(options.dischargeSeconds / step);
  const recorder = new Recorder(names, totalSteps + 2);
  const ledger = new Ledger();
  const stops: Stop[] = [];
  const standing = new Float64Array(4);
  const book = emptyLedger(size);
  const beforeStanding = new Float64Array(size);
  let done = 0;
  let clock = 0;
  const durations: Record<PhaseName, number> = { charge: 0, hold: 0, discharge: 0 };

  const applyStanding = (dt: number, phase: PhaseName) => {
    beforeStanding.set(x);
    for (const s of stores.stores) {
      s.standing(x, dt, standing);
      for (let k = 0; k < s.parts.length; k++) {
        ledger.standing.add(standing[k]);
        add(ledger.storeLoss, s.id, -standing[k]);
      }
    }
    const gained = book.standing[phase];
    for (let i = 0; i < size; i++) gained[i] += x[i] - beforeStanding[i];
  };
  const record = (phase: number, dt: number, p: OperatingPoint | undefined) => {
    const values = [p && p.net > 0 ? p.net : 0, p && p.net < 0 ? -p.net : 0, p ? p.fuel : 0, p ? p.massFlow : 0];
    recorder.row(clock, dt, phase, (k) => (k < values.length ? values[k] : storeChannels[k - values.length].read(x)));
  };
  const progress = () => {
    done++;
    options.onProgress?.(Math.min(done, totalSteps), totalSteps);
  };

  const run = (phase: 'charge' | 'discharge', seconds: number, power: number) => {
    const mode = phase === 'charge' ? plant.charge : plant.discharge;
    const point = new OperatingPoint(size);
    const trial = new Float64Array(size);
    let aux = phase === 'charge' ? plant.designAux.charge : plant.designAux.discharge;
    let t = 0;
    const steps = Math.ceil(seconds / step - 1e-9);
    for (let k = 0; k < steps; k++) {
      const dt = Math.min(step, seconds - t);
      const outcome = solvePoint(mode, size, x, power, aux, point);
      if (!outcome.ok) {
        stops.push({ phase, time: t, reason: outcome.reason });
        break;
      }
      aux = point.aux;
      for (let i = 0; i < size; i++) trial[i] = x[i] + point.rates[i] * dt;
      const { theta, reason, controlled } = limitFraction(stores, x, point.rates, dt, trial, phase, mode.control);
      const h = theta * dt;
      if (h > 0) {
        const before = Float64Array.from(x);
        const [inflow, outflow] = [book.inflow[phase], book.outflow[phase]];
        for (let i = 0; i < size; i++) {
          const d = point.rates[i] * h;
          x[i] += d;
          if (d > 0) inflow[i] += d;
          else outflow[i] -= d;
        }
        // a whole step ends where limitFraction's trial did, the controller's action included: taken from there
        // rather than computed again (the same states, the same numbers)
        const whole = theta === 1 && controlled !== undefined;
        if (whole) x.set(trial);
        const control = whole ? controlled : mode.control?.(x, h);
        if (control) for (let i = 0, c = book.control[phase]; i < size; i++) c[i] += x[i] - (before[i] + point.rates[i] * h);
        // the controller's fans are drawn over the step like the auxiliaries
        if (control) point.net += control.electricity / h;
        const after = x.slice();
        x.set(before);
        record(PHASE_CODE[phase], h, point);
        x.set(after);
        ledger.addPoint(point, h);
        if (control) {
          ledger.heatRejected.add(control.heat + control.electricity);
          ledger.aux.add(control.electricity);
        }
        applyStanding(h, phase);
        clock += h;
        t += h;
        options.observe?.(phase, x, clock);
      }
      progress();
      if (reason !== undefined) {
        stops.push({ phase, time: t, reason });
        break;
      }
    }
    durations[phase] = t;
  };

  const x0copy = Float64Array.from(x);
  const energy0 = stores.energy(x);
  const exergy0 = stores.exergy(x);
  const mass0 = stores.workingMass(x);

  run('charge', options.chargeSeconds, options.chargePower ?? plant.designPower.charge);
  const holdSteps = Math.ceil(options.holdSeconds / step - 1e-9);
  for (let k = 0; k < holdSteps; k++) {
    const dt = Math.min(step, options.holdSeconds - k * step);
    record(PHASE_CODE.hold, dt, undefined);
    applyStanding(dt, 'hold');
    clock += dt;
    options.observe?.('hold', x, clock);
    progress();
  }
  durations.hold = options.holdSeconds;
  run('discharge', options.dischargeSeconds, options.dischargePower ?? plant.designPower.discharge);
  let restoration: Restoration = { heat: 0, electricity: 0, actions: [] };
  if (options.restore && plant.restore) {
    // instantaneous in the time series: the units run in the idle hours; their electricity is in E_in, not in power.in
    const beforeRestore = Float64Array.from(x);
    restoration = plant.restore(x);
    for (let i = 0; i < size; i++) book.restore[i] = x[i] - beforeRestore[i];
    ledger.eIn.add(restoration.electricity);
    ledger.aux.add(restoration.electricity);
    ledger.heatRejected.add(restoration.heat + restoration.electricity);
    if (restoration.heat < 0) ledger.heatFromAmbient.add(-restoration.heat);
  }
  record(3, 0, undefined);
  options.onProgress?.(totalSteps, totalSteps);

  const energy1 = stores.energy(x);
  const exergy1 = stores.exergy(x);
  const mass1 = stores.workingMass(x);
  const eIn = ledger.eIn.value;
  const eOut = ledger.eOut.value;
  const fuel = ledger.fuel.value;
  const dStored = energy1 - energy0;
  const rhs = dStored + ledger.exhaust.value + ledger.drivetrain.value + ledger.heatRejected.value - ledger.standing.value;
  const energyResidual = eIn + fuel - eOut - rhs;
  const massResidual = mass1 - mass0 - ledger.boundaryMass.value;
  const storeLossByStore: Record<string, number> = {};
  for (const [id, a] of ledger.storeLoss) storeLossByStore[id] = a.value;
  const losses: ComponentLoss[] = [...ledger.destruction.entries()]
    .map(([id, a]) => ({ id, exergyDestroyed: a.value, heat: ledger.heat.get(id)?.value ?? 0 }))
    .sort((a, b) => b.exergyDestroyed - a.exergyDestroyed);
  const dX = exergy1 - exergy0;
  const metrics: CycleMetrics = {
    energyIn: eIn,
    energyOut: eOut,
    fuel,
    fuelExergy: ledger.fuelExergy.value,
    roundTripEfficiency: eIn > 0 ? eOut / eIn : 0,
    roundTripEfficiencyWithFuel: eIn + fuel > 0 ? eOut / (eIn + fuel) : 0,
    exergyEfficiency: eIn + ledger.fuelExergy.value > 0 ? (eOut + dX) / (eIn + ledger.fuelExergy.value) : 0,
    storeExergyChange: dX,
    energyDensity: plant.volumes.map((v) => ({ basis: v.basis, volume: v.volume, value: eOut / v.volume })),
    chargeDuration: durations.charge,
    holdDuration: durations.hold,
    dischargeDuration: durations.discharge,
    heatRejected: ledger.heatRejected.value,
    heatFromAmbient: ledger.heatFromAmbient.value,
    drivetrainLoss: ledger.drivetrain.value,
    exhaustLoss: ledger.exhaust.value,
    storeLoss: -ledger.standing.value,
    storeLossByStore,
    auxiliaryEnergy: ledger.aux.value,
    restoreHeat: restoration.heat,
    restoreElectricity: restoration.electricity,
    restoreActions: restoration.actions,
    storedEnergyChange: dStored,
    losses,
  };
  const scale = eIn + eOut + fuel;
  const moved = Math.max(ledger.movedMass.value, Math.abs(mass1 - mass0), 1e-300);
  return {
    timeseries: recorder.result(),
    metrics,
    stops,
    conservation: { massResidual, massRelative: Math.abs(massResidual) / moved, energyResidual, energyRelative: scale > 0 ? Math.abs(energyResidual) / scale : Math.abs(energyResidual) },
    initialState: x0copy,
    finalState: Float64Array.from(x),
    ledger: book,
  };
}

/**
 * The fraction θ ∈ [0, 1] of the step after which the first limit that the step moves towards is reached, with its
 * name; θ = 1 and no name when none is. The states are judged as the step leaves them, after the mode's controller
 * (a tank held at its condensing temperature fills faster than its flows alone say): the phase then ends on its
 * limit whatever the step, and a cycle's end state follows its start state smoothly. `trial` (x + ẋ dt) is left as
 * the controller leaves it, and what the controller did is returned with θ = 1.
 */
function limitFraction(
  stores: StoreSet,
  x: Float64Array,
  rates: Float64Array,
  dt: number,
  trial: Float64Array,
  phase: 'charge' | 'discharge',
  control?: OperatingMode['control'],
): { theta: number; reason?: string; controlled?: { readonly heat: number; readonly electricity: number } } {
  const controlled = control?.(trial, dt);
  const before = new Map<string, number>();
  for (const s of stores.stores) for (const l of s.limits(x, phase)) before.set(l.name, l.margin);
  // a limit stops the phase when the step ends beyond it and moves towards it
  const violated: string[] = [];
  for (const s of stores.stores) {
    let limits;
    try {
      limits = s.limits(trial, phase);
    } catch {
      // a state the flash cannot take lies beyond any limit: treat every limit of this store as crossed
      limits = s.limits(x, phase).map((l) => ({ name: l.name, margin: -1 }));
    }
    for (const l of limits) if (l.margin < 0 && l.margin < (before.get(l.name) ?? Infinity)) violated.push(l.name);
  }
  if (violated.length === 0) return { theta: 1, ...(controlled ? { controlled } : {}) };
  const y = new Float64Array(x.length);
  const worst = (theta: number): { margin: number; name: string } => {
    for (let i = 0; i < x.length; i++) y[i] = x[i] + rates[i] * theta * dt;
    if (control && theta > 0) control(y, theta * dt);
    let m = Infinity;
    let name = violated[0];
    for (const s of stores.stores) {
      let limits;
      try {
        limits = s.limits(y, phase);
      } catch {
        return { margin: -1, name };
      }
      for (const l of limits) {
        if (!violated.includes(l.name)) continue;
        if (l.margin < m) {
          m = l.margin;
          name = l.name;
        }
      }
    }
    return { margin: m, name };
  };
  const start = worst(0);
  if (start.margin <= 0) return { theta: 0, reason: start.name };
  return limitCrossing(worst, start.margin);
}

/** Width of the bracket the crossing of a limit is found to (2⁻⁴⁰ of the step, as forty bisections). Unit: - */
export const CROSSING_WIDTH = 2 ** -40;

/**
 * The largest θ ∈ [0, 1) at which the worst margin is still positive, within CROSSING_WIDTH of where it reaches zero,
 * and the limit reached there; `marginAt0` > 0. The ITP method (Oliveira & Takahashi 2020, ACM Trans. Math. Softw.
 * 47(1) 5): regula falsi truncated and projected towards the midpoint so that it never takes more trials than
 * bisection (forty, plus one) and takes far fewer where the margin is smooth in θ (about ten; each trial a flash of
 * every store), as it is unless no state can be evaluated beyond the limit (a margin of −1 there).
 */
export function limitCrossing(worst: (theta: number) => { margin: number; name: string }, marginAt0: number): { theta: number; reason: string } {
  // on g = −margin: g(lo) < 0 ≤ g(hi)
  let [lo, gLo] = [0, -marginAt0];
  const end = worst(1);
  let [hi, gHi, reason] = [1, -end.margin, end.name];
  const eps = 0.5 * CROSSING_WIDTH;
  const kappa1 = 0.2;
  const nMax = Math.ceil(Math.log2((hi - lo) / (2 * eps))) + 1;
  for (let j = 0; hi - lo > 2 * eps; j++) {
    const half = 0.5 * (lo + hi);
    const r = eps * 2 ** (nMax - j) - 0.5 * (hi - lo);
    const delta = kappa1 * (hi - lo) ** 2;
    const falsi = (gHi * lo - gLo * hi) / (gHi - gLo);
    const sigma = Math.sign(half - falsi);
    const truncated = Number.isFinite(falsi) && delta <= Math.abs(half - falsi) ? falsi + sigma * delta : half;
    // at least eps inside the bracket: a trial on the crossing to the last bit closes the bracket with the next
    const t = Math.min(Math.max(Math.abs(truncated - half) <= r ? truncated : half - sigma * r, lo + eps), hi - eps);
    const w = worst(t);
    if (w.margin > 0) [lo, gLo] = [t, -w.margin];
    else [hi, gHi, reason] = [t, -w.margin, w.name];
  }
  return { theta: lo, reason };
}

function checkOptions(o: CycleOptions): void {
  const bad = (field: string, value: unknown, valid: string) => {
    throw new RangeError(`cycle: ${field} = ${String(value)} is not valid; valid: ${valid}`);
  };
  for (const k of ['chargeSeconds', 'holdSeconds', 'dischargeSeconds'] as const) if (!(Number.isFinite(o[k]) && o[k] >= 0)) bad(k, o[k], 'a duration ≥ 0 s');
  if (!(Number.isFinite(o.stepSeconds) && o.stepSeconds > 0)) bad('stepSeconds', o.stepSeconds, 'a step > 0 s');
  const total = (o.chargeSeconds + o.holdSeconds + o.dischargeSeconds) / o.stepSeconds;
  if (total > 1e6) bad('stepSeconds', o.stepSeconds, `a step giving at most 10⁶ steps (this gives ${Math.ceil(total)})`);
  if (o.chargePower !== undefined && !(Number.isFinite(o.chargePower) && o.chargePower > 0)) bad('chargePower', o.chargePower, 'a power > 0 W');
  if (o.dischargePower !== undefined && !(Number.isFinite(o.dischargePower) && o.dischargePower > 0)) bad('dischargePower', o.dischargePower, 'a power > 0 W');
}
