/**
 * What the dispatch optimiser knows about a store: an energy capacity with SOC limits and a standing loss, a
 * charge converter (grid power drawn → power into the store) and a discharge converter (power withdrawn from the
 * store → grid power delivered). A converter is either linear (one efficiency between a minimum and a maximum
 * power) or a piecewise-linear part-load curve, as a CAES or CO2 plant model exports it. Concave curves
 * (efficiency falling with load) stay a linear programme; a minimum run power, a start-up cost or a non-concave
 * curve (efficiency rising with load, as in turbomachines at part load) need the MILP.
 *
 * Energy balance per step of length Δt (the store's energy e at the end of step t):
 *   0 = e_t − (1 − λΔt)·e_{t−1} − Δt·inflow_t + Δt·withdrawal_t,  inflow = f_charge(charge), discharge = f_discharge(withdrawal)
 */
import { checkRange, DispatchInputError } from './errors.js';

/** One efficiency between a minimum and a maximum grid-side power. */
export interface LinearConverter {
  readonly kind: 'linear';
  /** Largest grid-side power: drawn when charging, delivered when discharging, W. */
  readonly powerMax: number;
  /** Output ÷ input: stored ÷ drawn when charging, delivered ÷ withdrawn when discharging, dimensionless (0, 1]. */
  readonly efficiency: number;
  /** Smallest grid-side power while running; 0 or omitted for none (> 0 needs the MILP), W. */
  readonly powerMin?: number;
  /** Cost of each start from standstill (needs the MILP), money. */
  readonly startupCost?: number;
}

/** A part-load curve: output power against input power at breakpoints, linear between them. */
export interface CurveConverter {
  readonly kind: 'curve';
  /**
   * Input power at each breakpoint, strictly increasing: grid power drawn (charge) or the rate energy is withdrawn
   * from the store (discharge). A first breakpoint above zero is the minimum run point (needs the MILP), W.
   */
  readonly input: readonly number[];
  /** Output power at each breakpoint, strictly increasing: rate into the store (charge) or grid power (discharge), W. */
  readonly output: readonly number[];
  /** Cost of each start from standstill (needs the MILP), money. */
  readonly startupCost?: number;
}

export type Converter = LinearConverter | CurveConverter;

/** What the store must hold at the end of the horizon. */
export type EndState =
  /** Equal to the start; with no `socInitial` the optimiser picks both. */
  | { readonly kind: 'cyclic' }
  /** At least the start. */
  | { readonly kind: 'atLeastInitial' }
  /** Exactly `soc`. */
  | { readonly kind: 'fixed'; readonly soc: number }
  /** At least `soc`. */
  | { readonly kind: 'atLeast'; readonly soc: number }
  | { readonly kind: 'free' };

export interface StorageParams {
  /** Energy held at SOC 1, J. */
  readonly energyCapacity: number;
  /** Lowest SOC, fraction of energyCapacity. */
  readonly socMin: number;
  /** Highest SOC, fraction of energyCapacity. */
  readonly socMax: number;
  /** SOC at the start, fraction of energyCapacity; may be omitted only with a cyclic end state. */
  readonly socInitial?: number;
  readonly endState: EndState;
  /** Fraction of the stored energy lost per unit time; each step keeps 1 − standingLoss·Δt of it, 1/s. */
  readonly standingLoss: number;
  /** Grid → store. */
  readonly charge: Converter;
  /** Store → grid. */
  readonly discharge: Converter;
  /** Wear cost per energy delivered to the grid (battery degradation), money/J. */
  readonly degradationCost: number;
  /**
   * Paid per energy drawn from the grid on top of the price (network charges, a charging surcharge), money/J. The
   * optimiser sees it; revenue is still counted at the true price (the caller adds it to the charging cost).
   */
  readonly chargeCost?: number;
  /** Most energy withdrawn from the store per local calendar day, in usable capacities (equivalent full cycles). */
  readonly dailyCycleLimit?: number;
}

export const STORAGE_DEFAULTS = {
  socMin: 0,
  socMax: 1,
  standingLoss: 0,
  degradationCost: 0,
  endState: { kind: 'atLeastInitial' } as EndState,
} as const;

/** The plain storage of a quick study: one power each way, one efficiency each way. */
export interface SimpleStorageSpec {
  /** Discharge power limit (delivered), W. */
  readonly power: number;
  /** Charge power limit (drawn); `power` when omitted, W. */
  readonly powerCharge?: number;
  /** Energy capacity, J. */
  readonly energy: number;
  /** Stored ÷ drawn, dimensionless. */
  readonly etaCharge: number;
  /** Delivered ÷ withdrawn, dimensionless. */
  readonly etaDischarge: number;
  readonly socMin?: number;
  readonly socMax?: number;
  /** Starting SOC; socMin when omitted (unless the end state is cyclic), fraction. */
  readonly socInitial?: number;
  readonly endState?: EndState;
  /** 1/s. */
  readonly standingLoss?: number;
  /** money/J delivered. */
  readonly degradationCost?: number;
  readonly dailyCycleLimit?: number;
  /** W; > 0 needs the MILP. */
  readonly powerMinCharge?: number;
  /** W; > 0 needs the MILP. */
  readonly powerMinDischarge?: number;
  /** money per start; > 0 needs the MILP. */
  readonly startupCostCharge?: number;
  /** money per start; > 0 needs the MILP. */
  readonly startupCostDischarge?: number;
}

export function simpleStorage(spec: SimpleStorageSpec): StorageParams {
  const d = STORAGE_DEFAULTS;
  const endState = spec.endState ?? d.endState;
  const socMin = spec.socMin ?? d.socMin;
  const storage: StorageParams = {
    energyCapacity: spec.energy,
    socMin,
    socMax: spec.socMax ?? d.socMax,
    ...(spec.socInitial !== undefined || endState.kind !== 'cyclic' ? { socInitial: spec.socInitial ?? socMin } : {}),
    endState,
    standingLoss: spec.standingLoss ?? d.standingLoss,
    charge: linear(spec.powerCharge ?? spec.power, spec.etaCharge, spec.powerMinCharge, spec.startupCostCharge),
    discharge: linear(spec.power, spec.etaDischarge, spec.powerMinDischarge, spec.startupCostDischarge),
    degradationCost: spec.degradationCost ?? d.degradationCost,
    ...(spec.dailyCycleLimit !== undefined ? { dailyCycleLimit: spec.dailyCycleLimit } : {}),
  };
  validateStorage(storage);
  return storage;
}

function linear(powerMax: number, efficiency: number, powerMin?: number, startupCost?: number): LinearConverter {
  return {
    kind: 'linear',
    powerMax,
    efficiency,
    ...(powerMin !== undefined ? { powerMin } : {}),
    ...(startupCost !== undefined ? { startupCost } : {}),
  };
}

/**
 * A battery for now: √(round-trip efficiency) each way and a wear cost per energy delivered (the usual
 * throughput proxy for degradation, to be replaced by a life model replayed on the schedule).
 */
export function batteryStorage(spec: {
  /** W. */ readonly power: number;
  /** J. */ readonly energy: number;
  /** Delivered ÷ drawn over a full cycle, dimensionless. */ readonly roundTripEfficiency: number;
  /** money/J delivered. */ readonly degradationCost: number;
} & Omit<SimpleStorageSpec, 'power' | 'energy' | 'etaCharge' | 'etaDischarge' | 'degradationCost'>): StorageParams {
  checkRange('roundTripEfficiency', spec.roundTripEfficiency, 0, 1, { minOpen: true });
  const eta = Math.sqrt(spec.roundTripEfficiency);
  return simpleStorage({ ...spec, etaCharge: eta, etaDischarge: eta });
}

/**
 * A part-load curve from grid-side powers and efficiencies at those powers, as plant models and data sheets give
 * them. Charge: input = power, output = η·power. Discharge: output = power, input = power/η. W, dimensionless.
 */
export function partLoadCurve(
  side: 'charge' | 'discharge',
  points: readonly { readonly power: number; readonly efficiency: number }[],
  startupCost?: number,
): CurveConverter {
  points.forEach((p, i) => {
    checkRange(`${side}.points[${i}].power`, p.power, 0, Infinity, { unit: 'W' });
    checkRange(`${side}.points[${i}].efficiency`, p.efficiency, 0, Infinity, { minOpen: true });
  });
  const input = points.map((p) => (side === 'charge' ? p.power : p.power / p.efficiency));
  const output = points.map((p) => (side === 'charge' ? p.power * p.efficiency : p.power));
  const curve: CurveConverter = { kind: 'curve', input, output, ...(startupCost !== undefined ? { startupCost } : {}) };
  converterSegments(curve, side);
  return curve;
}

/** A converter as the optimiser sees it: an on/off point (x0, y0) plus segments of decreasing or any slope. */
export interface ConverterSegments {
  /** Input at the minimum run point (0 when the converter may run at any load), W. */
  readonly x0: number;
  /** Output at the minimum run point, W. */
  readonly y0: number;
  /** Input width of each segment above the minimum run point, W. */
  readonly widths: Float64Array;
  /** Output per input on each segment, dimensionless. */
  readonly slopes: Float64Array;
  /** Slopes never increase: the LP follows the curve without binaries. */
  readonly concave: boolean;
  /** Largest input, W. */
  readonly inputMax: number;
  /** Largest output, W. */
  readonly outputMax: number;
  /** money per start. */
  readonly startupCost: number;
  /** The converter needs on/off binaries: a minimum run point, a start-up cost or a non-concave curve. */
  readonly needsBinary: boolean;
}

/** Validates a converter and returns its segments. `side` says which way it converts (and names the field). */
export function converterSegments(c: Converter, side: 'charge' | 'discharge', field: string = side): ConverterSegments {
  const seg = segmentsOf(c, side, field);
  if (seg.startupCost > 0 && seg.x0 === 0) {
    // without a minimum load, "on" at zero power would be a free idle that never pays a start
    throw new DispatchInputError(`${field}.startupCost`, seg.startupCost, 'a start-up cost needs a minimum run power above zero (powerMin, or a curve starting above 0 W)');
  }
  return seg;
}

function segmentsOf(c: Converter, side: 'charge' | 'discharge', field: string): ConverterSegments {
  const startupCost = c.startupCost === undefined ? 0 : checkRange(`${field}.startupCost`, c.startupCost, 0, Infinity, { unit: 'money' });
  if (c.kind === 'linear') {
    const pMax = checkRange(`${field}.powerMax`, c.powerMax, 0, Infinity, { minOpen: true, maxOpen: true, unit: 'W' });
    const eta = checkRange(`${field}.efficiency`, c.efficiency, 0, 1, { minOpen: true });
    const pMin = c.powerMin === undefined ? 0 : checkRange(`${field}.powerMin`, c.powerMin, 0, pMax, { unit: 'W' });
    // Charge powers are inputs, discharge powers outputs: convert both to the input axis.
    const [x0, y0, width] = side === 'charge' ? [pMin, pMin * eta, pMax - pMin] : [pMin / eta, pMin, (pMax - pMin) / eta];
    return {
      x0,
      y0,
      widths: Float64Array.of(width),
      slopes: Float64Array.of(eta),
      concave: true,
      inputMax: x0 + width,
      outputMax: side === 'charge' ? pMax * eta : pMax,
      startupCost,
      needsBinary: pMin > 0 || startupCost > 0,
    };
  }
  if (c.kind !== 'curve') throw new DispatchInputError(`${field}.kind`, (c as { kind: unknown }).kind, 'expected "linear" or "curve"');
  const { input, output } = c;
  if (!Array.isArray(input) || input.length < 2) throw new DispatchInputError(`${field}.input`, input, 'expected at least two breakpoints');
  if (!Array.isArray(output) || output.length !== input.length) {
    throw new DispatchInputError(`${field}.output`, output, `expected ${input.length} values, one per input breakpoint`);
  }
  input.forEach((x, i) => checkRange(`${field}.input[${i}]`, x, i === 0 ? 0 : input[i - 1], Infinity, { minOpen: i > 0, maxOpen: true, unit: 'W' }));
  output.forEach((y, i) => checkRange(`${field}.output[${i}]`, y, i === 0 ? 0 : output[i - 1], Infinity, { minOpen: i > 0, maxOpen: true, unit: 'W' }));
  if (input[0] === 0 && output[0] !== 0) throw new DispatchInputError(`${field}.output[0]`, output[0], 'must be 0 where the input is 0');
  const K = input.length - 1;
  const widths = new Float64Array(K);
  const slopes = new Float64Array(K);
  let concave = true;
  for (let k = 0; k < K; k++) {
    widths[k] = input[k + 1] - input[k];
    slopes[k] = (output[k + 1] - output[k]) / widths[k];
    if (k > 0 && slopes[k] > slopes[k - 1] * (1 + 1e-12)) concave = false;
  }
  return {
    x0: input[0],
    y0: output[0],
    widths,
    slopes,
    concave,
    inputMax: input[K],
    outputMax: output[K],
    startupCost,
    needsBinary: input[0] > 0 || startupCost > 0 || !concave,
  };
}

function checkSoc(field: string, value: unknown, s: StorageParams): number {
  return checkRange(field, value, s.socMin, s.socMax, { unit: '(between socMin and socMax)' });
}

/**
 * Throws a DispatchInputError naming the first bad field, its value and the valid range. With `milp` false, a
 * feature that needs binaries is an error too (never silently relaxed).
 */
export function validateStorage(s: StorageParams, milp = true, field = 'storage'): { charge: ConverterSegments; discharge: ConverterSegments } {
  checkRange(`${field}.energyCapacity`, s.energyCapacity, 0, Infinity, { minOpen: true, maxOpen: true, unit: 'J' });
  checkRange(`${field}.socMin`, s.socMin, 0, 1, { maxOpen: true });
  checkRange(`${field}.socMax`, s.socMax, s.socMin, 1, { minOpen: true, unit: '(above socMin)' });
  checkRange(`${field}.standingLoss`, s.standingLoss, 0, Infinity, { maxOpen: true, unit: '1/s' });
  checkRange(`${field}.degradationCost`, s.degradationCost, 0, Infinity, { maxOpen: true, unit: 'money/J' });
  if (s.chargeCost !== undefined) checkRange(`${field}.chargeCost`, s.chargeCost, -Infinity, Infinity, { minOpen: true, maxOpen: true, unit: 'money/J' });
  if (s.dailyCycleLimit !== undefined) checkRange(`${field}.dailyCycleLimit`, s.dailyCycleLimit, 0, Infinity, { minOpen: true, maxOpen: true, unit: 'cycles/day' });
  const end = s.endState;
  const kinds = ['cyclic', 'atLeastInitial', 'fixed', 'atLeast', 'free'];
  if (!end || !kinds.includes(end.kind)) throw new DispatchInputError(`${field}.endState.kind`, end?.kind, `expected one of ${kinds.join(', ')}`);
  if (end.kind === 'fixed' || end.kind === 'atLeast') checkSoc(`${field}.endState.soc`, end.soc, s);
  if (s.socInitial !== undefined) checkSoc(`${field}.socInitial`, s.socInitial, s);
  else if (end.kind !== 'cyclic') {
    throw new DispatchInputError(`${field}.socInitial`, s.socInitial, `required unless the end state is cyclic (end state is "${end.kind}")`);
  }
  const charge = converterSegments(s.charge, 'charge', `${field}.charge`);
  const discharge = converterSegments(s.discharge, 'discharge', `${field}.discharge`);
  if (!milp) {
    for (const [side, seg] of [['charge', charge], ['discharge', discharge]] as const) {
      if (!seg.needsBinary) continue;
      const [at, value, what] = binaryFeature(s[side], seg);
      throw new DispatchInputError(`${field}.${side}.${at}`, value, `${what} needs the MILP formulation (milp: true, CLI --milp)`);
    }
  }
  return { charge, discharge };
}

/** Which field makes a converter need binaries: [field, value, description]. */
function binaryFeature(c: Converter, seg: ConverterSegments): [string, unknown, string] {
  if (seg.startupCost > 0) return ['startupCost', seg.startupCost, 'a start-up cost'];
  if (seg.x0 > 0) return c.kind === 'linear' ? ['powerMin', c.powerMin, 'a minimum run power'] : ['input[0]', c.input[0], 'a minimum run power'];
  return ['output', c.kind === 'curve' ? c.output : undefined, 'a non-concave part-load curve'];
}

/** Energy between the SOC limits, J: what one equivalent full cycle withdraws. */
export function usableEnergy(s: StorageParams): number {
  return (s.socMax - s.socMin) * s.energyCapacity;
}
