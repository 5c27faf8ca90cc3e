/**
 * The small plants and price series the feasible-dispatch tests share (tests only): hourly prices from a Beijing
 * midnight, a one-row plant whose moves land on the DP's grid, and a two-row plant with a standing loss whose moves
 * fall between grid states.
 */
import type { PartLoadMaps } from '../../plant/transient/replay.js';
import type { PriceSeries } from '../prices.js';

export const MW = 1e6;
export const MWH = 3.6e9;
/** 2025-01-01 00:00 in Beijing (UTC+8). */
export const MIDNIGHT = Date.UTC(2025, 0, 1) - 8 * 3600_000;

/** Hourly prices given per MWh, from `startMs`. */
export const hourly = (perMWh: readonly number[], startMs = MIDNIGHT): PriceSeries => ({ startMs, stepSeconds: 3600, prices: Float64Array.from(perMWh, (p) => p / MWH), utcOffsetMinutes: 480 });

/** One-row maps, no standing loss: 2–4 MW charging fills 1–3 MW (efficiency rises with load), 1–3 MW discharged withdraws 2–4 MW (10 MWh). */
export function gridPlant(): PartLoadMaps {
  return {
    soc: Float64Array.of(5 * MWH),
    chargePower: Float64Array.of(2 * MW, 4 * MW),
    fill: Float64Array.of(1 * MW, 3 * MW),
    dischargePower: Float64Array.of(1 * MW, 3 * MW),
    withdrawal: Float64Array.of(2 * MW, 4 * MW),
    fuel: Float64Array.of(0, 0),
    capacity: 10 * MWH,
    standingLoss: 0,
  };
}

/** Two-row maps whose moves fall between grid states: fill and withdrawal depend on the state of charge (filling is harder against a higher pressure), with a standing loss. */
export function slidingPlant(): PartLoadMaps {
  return {
    soc: Float64Array.of(1 * MWH, 9 * MWH),
    chargePower: Float64Array.of(2 * MW, 3 * MW, 4 * MW),
    fill: Float64Array.of(0.9 * MW, 1.9 * MW, 3.1 * MW, 0.7 * MW, 1.6 * MW, 2.7 * MW),
    dischargePower: Float64Array.of(1 * MW, 2 * MW, 3 * MW),
    withdrawal: Float64Array.of(2.1 * MW, 3.0 * MW, 4.1 * MW, 1.9 * MW, 2.8 * MW, 3.8 * MW),
    fuel: Float64Array.of(0, 0, 0, 0, 0, 0),
    capacity: 10 * MWH,
    standingLoss: 0.002 / 3600,
  };
}
