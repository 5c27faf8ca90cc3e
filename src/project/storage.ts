/**
 * From a plant's performance to what the dispatch optimiser needs: the store's capacity and SOC limits, and its
 * part-load curves as converters. A minimum run point needs the MILP; in an LP it is relaxed (the curve extended
 * to zero) and the relaxation is reported, so that the replay through the plant model can show where it mattered.
 */
import type { Converter, StorageParams } from '../dispatch/index.js';
import type { PlantPerformance, PartLoadCurve } from './performance.js';
import type { DispatchSpec } from './schema.js';

export interface StorageMapping {
  readonly storage: StorageParams;
  /** Minimum loads dropped because the dispatch is an LP. */
  readonly relaxed: readonly string[];
}

/** What the market takes from the dispatch: a surcharge on charging, a reserve held back from arbitrage. */
export interface MarketTerms {
  /** Paid per energy drawn on top of the price, money/J. */
  readonly chargeCost?: number;
  /** Discharge power sold as reserve and so never dispatched, W. */
  readonly reservePower?: number;
}

export function storageParams(perf: PlantPerformance, dispatch: DispatchSpec, variableCost: number, market: MarketTerms = {}): StorageMapping {
  const relaxed: string[] = [];
  const converter = (curve: PartLoadCurve, side: 'charge' | 'discharge'): Converter => {
    let input = [...curve.input];
    let output = [...curve.output];
    if (!dispatch.milp) {
      if (input[0] > 0) {
        relaxed.push(`${side} minimum load ${(input[0] / 1e6).toFixed(3)} MW (input) relaxed in the LP`);
        input = [0, ...input];
        output = [0, ...output];
      }
      // an LP needs a concave curve (efficiency not rising with load); turbomachines' curves rise: take the upper
      // concave envelope, which keeps the design point and overstates part-load efficiency (the replay shows it)
      const hull = concaveEnvelope(input, output);
      if (hull.input.length !== input.length) {
        relaxed.push(`${side} part-load curve replaced by its concave envelope in the LP (part-load losses not seen by the optimiser)`);
        input = hull.input;
        output = hull.output;
      }
    }
    return { kind: 'curve', input, output };
  };
  const socStart = dispatch.socStart;
  const storage: StorageParams = {
    energyCapacity: perf.energyCapacity,
    socMin: dispatch.socMin,
    socMax: dispatch.socMax,
    ...(socStart !== undefined ? { socInitial: socStart } : {}),
    endState: socStart !== undefined ? { kind: 'atLeastInitial' } : { kind: 'cyclic' },
    standingLoss: perf.standingLoss,
    charge: converter(perf.chargeCurve, 'charge'),
    discharge: converter(holdBack(perf.dischargeCurve, market.reservePower ?? 0), 'discharge'),
    degradationCost: variableCost,
    ...(market.chargeCost ? { chargeCost: market.chargeCost } : {}),
    ...(dispatch.dailyCycleLimit !== undefined ? { dailyCycleLimit: dispatch.dailyCycleLimit } : {}),
  };
  return { storage, relaxed };
}

/**
 * The discharge curve with `reserve` W of its output held back: cut at output = max − reserve (the input there by
 * linear interpolation). The caller has checked that the reserve leaves at least the minimum run point.
 */
export function holdBack(curve: PartLoadCurve, reserve: number): PartLoadCurve {
  if (reserve <= 0) return curve;
  const top = curve.output[curve.output.length - 1] - reserve;
  const input: number[] = [];
  const output: number[] = [];
  for (let k = 0; k < curve.input.length; k++) {
    if (curve.output[k] < top) {
      input.push(curve.input[k]);
      output.push(curve.output[k]);
      continue;
    }
    const k0 = Math.max(0, k - 1);
    const f = k === 0 ? 0 : (top - curve.output[k0]) / (curve.output[k] - curve.output[k0]);
    input.push(curve.input[k0] + f * (curve.input[k] - curve.input[k0]));
    output.push(top);
    break;
  }
  return { input, output };
}

/** The upper concave envelope of points with ascending x (Andrew's monotone chain, upper hull). */
export function concaveEnvelope(x: readonly number[], y: readonly number[]): { input: number[]; output: number[] } {
  const hx: number[] = [];
  const hy: number[] = [];
  for (let i = 0; i < x.length; i++) {
    while (hx.length >= 2) {
      const n = hx.length;
      // drop the middle point when it lies on or below the chord from its neighbours
      const cross = (hx[n - 1] - hx[n - 2]) * (y[i] - hy[n - 2]) - (hy[n - 1] - hy[n - 2]) * (x[i] - hx[n - 2]);
      if (cross >= 0) {
        hx.pop();
        hy.pop();
      } else break;
    }
    hx.push(x[i]);
    hy.push(y[i]);
  }
  return { input: hx, output: hy };
}
