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

export function storageParams(perf: PlantPerformance, dispatch: DispatchSpec, variableCost: number): StorageMapping {
  const relaxed: string[] = [];
  const converter = (curve: PartLoadCurve, side: 'charge' | 'discharge'): Converter => {
    let input = [...curve.input];
    let output = [...curve.output];
    if (input[0] > 0 && !dispatch.milp) {
      relaxed.push(`${side} minimum load ${(input[0] / 1e6).toFixed(3)} MW (input) relaxed in the LP`);
      // extend linearly to zero along the first segment's average efficiency at the minimum point
      input = [0, ...input];
      output = [0, ...output];
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
    discharge: converter(perf.dischargeCurve, 'discharge'),
    degradationCost: variableCost,
    ...(dispatch.dailyCycleLimit !== undefined ? { dailyCycleLimit: dispatch.dailyCycleLimit } : {}),
  };
  return { storage, relaxed };
}
