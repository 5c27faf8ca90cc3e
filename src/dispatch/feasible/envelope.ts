/**
 * The operating envelope of a storage plant as data: what the plant can do in one step, taken from the plant model
 * as it is (never convexified). The dynamics are the plant's own part-load maps (src/plant/transient/replay.ts):
 *   charging at P_in:      s ← s + f(s, P_in)·Δt,  P_in  ∈ [chargeMin, chargeMax], f finite
 *   discharging at P_out:  s ← s − w(s, P_out)·Δt, P_out ∈ [dischargeMin, dischargeMax], w finite; fuel φ(s, P_out)
 *   always:                s ← s·exp(−λΔt)
 * with f, w, φ interpolated bilinearly on the maps' grid of (state of charge, power). A NaN cell is a power the
 * plant cannot run at that state of charge: that is where the state-of-charge-dependent power limits of a cavern's
 * or a tank's pressure live, and the only such limits the templates provide. One mode per step (charge, discharge
 * or idle); a start from standstill (or from the other mode) costs `startCost`; at most `dailyCycleLimit` usable
 * capacities are withdrawn per local day, and at most `dailyStartLimit` discharges started per local day, when the
 * user sets them.
 * Start-up (a CAES or CO2 turbine or compressor train takes minutes to reach load, and a start consumes energy):
 * the first step of a run — from idle or from the other mode — runs at its setpoint only for Δt − t_start (the
 * store moves and the grid sees the setpoint for that part only; the store only loses its standing loss while
 * the train starts), and the start-up energy is drawn from the grid in that step, at that step's price. The
 * templates give no start-up figures: they come from the project or the command line (default none).
 */
import type { PartLoadMaps } from '../../plant/transient/replay.js';
import { checkRange, DispatchInputError } from '../errors.js';

export interface OperatingEnvelope {
  /** The plant's part-load maps: the dynamics the replay uses, bit for bit. */
  readonly maps: PartLoadMaps;
  /** Lowest and highest state of charge the dispatch may use, fractions of maps.capacity. */
  readonly socMin: number;
  readonly socMax: number;
  /** Grid power drawn while charging: the smallest (minimum load) and largest, W. */
  readonly chargeMin: number;
  readonly chargeMax: number;
  /** Grid power delivered while discharging: the smallest (minimum load) and largest, W. */
  readonly dischargeMin: number;
  readonly dischargeMax: number;
  /** Cost of each start of charging and of discharging (from standstill or from the other mode), money. */
  readonly startCost: { readonly charge: number; readonly discharge: number };
  /** Most energy withdrawn per local day, in usable capacities ((socMax − socMin)·capacity). */
  readonly dailyCycleLimit?: number;
  /** Most discharges started per local day (a whole number ≥ 1); the DP carries the starts made today. */
  readonly dailyStartLimit?: number;
  /** Start-up time and energy of each side (zero: none). */
  readonly startUp: { readonly charge: StartUp; readonly discharge: StartUp };
  /** Price of the fuel the discharge burns (maps.fuel), money/J (LHV). */
  readonly fuelPrice: number;
  /** Wear cost per energy delivered, money/J. */
  readonly wearCost: number;
  /** Paid per energy drawn on top of the price (network charges), money/J. */
  readonly chargeSurcharge: number;
}

/** A train's start-up: the time it runs below its setpoint and the energy it draws from the grid. */
export interface StartUp {
  /** s */
  readonly seconds: number;
  /** J */
  readonly energy: number;
}

/** What the project or the command line adds to a plant's maps. */
export interface EnvelopeOptions {
  /** Fractions of maps.capacity (defaults 0 and 1). */
  readonly socMin?: number;
  readonly socMax?: number;
  /** Minimum load as a fraction of the largest power, raising the plant's own where higher (defaults: the plant's). */
  readonly minimumLoad?: { readonly charge?: number; readonly discharge?: number };
  /** Discharge power sold as reserve and never dispatched, W (cuts the top of the discharge range). */
  readonly reservePower?: number;
  /** money per start. */
  readonly startCost?: { readonly charge?: number; readonly discharge?: number };
  readonly dailyCycleLimit?: number;
  /** Discharges started per local day, a whole number ≥ 1. */
  readonly dailyStartLimit?: number;
  /** s and J per side (defaults 0). */
  readonly startUp?: { readonly charge?: Partial<StartUp>; readonly discharge?: Partial<StartUp> };
  /** money/J. */
  readonly fuelPrice?: number;
  readonly wearCost?: number;
  readonly chargeSurcharge?: number;
}

/** Checks a plant's maps and the user's limits; throws a DispatchInputError naming the field. */
export function envelopeFromMaps(maps: PartLoadMaps, options: EnvelopeOptions = {}, field = 'envelope'): OperatingEnvelope {
  checkRange(`${field}.capacity`, maps.capacity, 0, Infinity, { minOpen: true, maxOpen: true, unit: 'J' });
  checkRange(`${field}.standingLoss`, maps.standingLoss, 0, Infinity, { maxOpen: true, unit: '1/s' });
  const rows = maps.soc.length;
  if (rows < 1) throw new DispatchInputError(`${field}.maps.soc`, rows, 'expected at least one row');
  for (const [name, cols, values] of [
    ['fill', maps.chargePower, maps.fill],
    ['withdrawal', maps.dischargePower, maps.withdrawal],
    ['fuel', maps.dischargePower, maps.fuel],
  ] as const) {
    if (cols.length < 1 || values.length !== rows * cols.length) {
      throw new DispatchInputError(`${field}.maps.${name}`, values.length, `expected ${rows} × ${cols.length} values (rows × power columns)`);
    }
  }
  const socMin = checkRange(`${field}.socMin`, options.socMin ?? 0, 0, 1, { maxOpen: true });
  const socMax = checkRange(`${field}.socMax`, options.socMax ?? 1, socMin, 1, { minOpen: true, unit: '(above socMin)' });
  const side = (name: 'charge' | 'discharge', cols: Float64Array, load: number | undefined, cut: number) => {
    const lo = cols[0];
    const hi = cols[cols.length - 1] - cut;
    const f = load === undefined ? 0 : checkRange(`${field}.minimumLoad.${name}`, load, 0, 1, { maxOpen: true });
    const min = Math.max(lo, f * hi);
    if (!(hi > 0 && min <= hi)) throw new DispatchInputError(`${field}.${name}`, hi, `a power range above zero (minimum ${min} W, maximum ${hi} W)`);
    return [min, hi] as const;
  };
  const reserve = checkRange(`${field}.reservePower`, options.reservePower ?? 0, 0, Infinity, { maxOpen: true, unit: 'W' });
  const [chargeMin, chargeMax] = side('charge', maps.chargePower, options.minimumLoad?.charge, 0);
  const [dischargeMin, dischargeMax] = side('discharge', maps.dischargePower, options.minimumLoad?.discharge, reserve);
  const money = (name: string, v: number | undefined) => checkRange(`${field}.${name}`, v ?? 0, 0, Infinity, { maxOpen: true, unit: 'money' });
  const startUp = (name: 'charge' | 'discharge'): StartUp => ({
    seconds: checkRange(`${field}.startUp.${name}.seconds`, options.startUp?.[name]?.seconds ?? 0, 0, Infinity, { maxOpen: true, unit: 's (below the step)' }),
    energy: checkRange(`${field}.startUp.${name}.energy`, options.startUp?.[name]?.energy ?? 0, 0, Infinity, { maxOpen: true, unit: 'J' }),
  });
  const starts = options.dailyStartLimit;
  if (starts !== undefined && !(Number.isInteger(starts) && starts >= 1 && starts <= 24 * 60)) {
    throw new DispatchInputError(`${field}.dailyStartLimit`, starts, 'a whole number of discharge starts per day ≥ 1');
  }
  return {
    maps,
    socMin,
    socMax,
    chargeMin,
    chargeMax,
    dischargeMin,
    dischargeMax,
    startCost: { charge: money('startCost.charge', options.startCost?.charge), discharge: money('startCost.discharge', options.startCost?.discharge) },
    ...(options.dailyCycleLimit !== undefined
      ? { dailyCycleLimit: checkRange(`${field}.dailyCycleLimit`, options.dailyCycleLimit, 0, Infinity, { minOpen: true, maxOpen: true, unit: 'cycles/day' }) }
      : {}),
    ...(starts !== undefined ? { dailyStartLimit: starts } : {}),
    startUp: { charge: startUp('charge'), discharge: startUp('discharge') },
    fuelPrice: money('fuelPrice', options.fuelPrice),
    wearCost: money('wearCost', options.wearCost),
    chargeSurcharge: checkRange(`${field}.chargeSurcharge`, options.chargeSurcharge ?? 0, -Infinity, Infinity, { minOpen: true, maxOpen: true, unit: 'money/J' }),
  };
}

/** A part-load curve, input ascending: grid power → fill rate (charge), or withdrawal → grid power (discharge). W */
export interface CurvePoints {
  readonly input: readonly number[];
  readonly output: readonly number[];
}

/**
 * One-row maps from a plant given by its performance alone (no state-of-charge dependence): the charge curve maps
 * grid power to fill rate, the discharge curve withdrawal to grid power; fuel in proportion to the output.
 */
export function mapsFromCurves(p: {
  /** J */ readonly capacity: number;
  /** 1/s */ readonly standingLoss: number;
  readonly chargeCurve: CurvePoints;
  readonly dischargeCurve: CurvePoints;
  /** Fuel per electricity delivered, J/J. */ readonly fuelPerOutput?: number;
}): PartLoadMaps {
  const phi = p.fuelPerOutput ?? 0;
  const c = p.chargeCurve;
  const d = p.dischargeCurve;
  return {
    soc: Float64Array.of(p.capacity / 2),
    chargePower: Float64Array.from(c.input),
    fill: Float64Array.from(c.output),
    dischargePower: Float64Array.from(d.output),
    withdrawal: Float64Array.from(d.input),
    fuel: Float64Array.from(d.output, (y) => y * phi),
    capacity: p.capacity,
    standingLoss: p.standingLoss,
  };
}

/** A start-up as project files write it: for both trains (time s, energy J) or for each, the side's own winning. */
export interface StartUpSpec {
  readonly time?: number;
  readonly energy?: number;
  readonly charge?: { readonly time?: number; readonly energy?: number };
  readonly discharge?: { readonly time?: number; readonly energy?: number };
}

/** The envelope's start-up options from a project file's `startUp`. */
export function startUpOptions(spec: StartUpSpec): NonNullable<EnvelopeOptions['startUp']> {
  const side = (own: StartUpSpec['charge']) => ({ seconds: own?.time ?? spec.time ?? 0, energy: own?.energy ?? spec.energy ?? 0 });
  return { charge: side(spec.charge), discharge: side(spec.discharge) };
}
