/**
 * The cell as an equivalent circuit: an open-circuit voltage U(SOC) behind a series resistance R(SOC, T).
 *
 *   terminal voltage  V = U − sgn(I) h/2 − I R  (I > 0 discharging, I < 0 charging; h the OCV hysteresis gap)
 *   terminal power    P = V I = U I − I² R    (P > 0 delivered, P < 0 absorbed)
 *   ⇒ I = (U' − √(U'² − 4 R P)) / (2R),  U' = U − sgn(P) h/2, the root that tends to P/U' as R → 0
 *   heat              Q = I² R + |I| h/2      (irreversible; the reversible entropic heat is neglected)
 *   R(SOC, T) = R_ref(SOC) · f_R · exp(Ea/R_gas · (1/T − 1/T_ref)),  f_R the ageing growth factor
 *
 * No RC branches: the resistance is the effective one over hour-long steps (see CellPreset.resistance), which is
 * what energy efficiency and heat need; transients below a minute are not resolved.
 */
import type { CellPreset, Table1D } from './types.js';

/** Molar gas constant (CODATA 2018, exact). Unit: J/(mol K) */
export const GAS_CONSTANT = 8.314462618;

/** y(x) on a piecewise-linear table, held at the end values outside it (tables cover SOC 0–1). */
export function interpolate(t: Table1D, x: number): number {
  const xs = t.x;
  const n = xs.length;
  if (x <= xs[0]) return t.y[0];
  if (x >= xs[n - 1]) return t.y[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return t.y[lo] + ((t.y[hi] - t.y[lo]) * (x - xs[lo])) / (xs[hi] - xs[lo]);
}

/** Open-circuit voltage. Unit: V */
export function openCircuitVoltage(cell: CellPreset, soc: number): number {
  return interpolate(cell.ocv, soc);
}

/** Series resistance at SOC and cell temperature T (K), times the ageing growth factor. Unit: Ω */
export function cellResistance(cell: CellPreset, soc: number, temperature: number, growth = 1): number {
  const arrhenius = Math.exp((cell.resistanceActivationEnergy / GAS_CONSTANT) * (1 / temperature - 1 / cell.resistanceReferenceTemperature));
  return interpolate(cell.resistance, soc) * growth * arrhenius;
}

/** A cell's operating point at a terminal power (written into a caller-owned object in hot loops). */
export interface CellPoint {
  /** Unit: A (> 0 discharging) */
  current: number;
  /** Terminal voltage. Unit: V */
  voltage: number;
  /** Open-circuit voltage. Unit: V */
  ocv: number;
  /** Joule heat I²R. Unit: W */
  heat: number;
  /** False when |P| exceeds what the circuit can deliver (U²/4R); the point is then at that limit. */
  feasible: boolean;
}

export function newCellPoint(): CellPoint {
  return { current: 0, voltage: 0, ocv: 0, heat: 0, feasible: true };
}

/** The point at terminal power P (W, > 0 delivered) with OCV U (V), resistance R (Ω) and hysteresis gap h (V). */
export function pointAtPower(U0: number, R: number, P: number, out: CellPoint, hysteresis = 0): CellPoint {
  const half = P > 0 ? hysteresis / 2 : P < 0 ? -hysteresis / 2 : 0;
  const U = U0 - half;
  const disc = U * U - 4 * R * P;
  out.feasible = disc >= 0;
  const root = Math.sqrt(Math.max(0, disc));
  // (U − root)/(2R) written as 2P/(U + root): no cancellation when R P ≪ U²
  const I = out.feasible ? (2 * P) / (U + root) : U / (2 * R);
  out.current = I;
  out.voltage = U - I * R;
  out.ocv = U0;
  out.heat = I * I * R + I * half;
  return out;
}
