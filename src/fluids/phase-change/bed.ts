/**
 * The specific enthalpy and entropy of a phase-change material, measured from the solid at its melting temperature
 * T_m (h = 0, s = 0), with constant heat capacities on either side:
 *   solid,  T < T_m:   h = c_s (T − T_m),            s = c_s ln(T / T_m)
 *   melting, T = T_m:  h = (1 − f) L,                s = (1 − f) L / T_m      (f: frozen fraction, 1 … 0)
 *   liquid, T > T_m:   h = L + c_l (T − T_m),        s = L / T_m + c_l ln(T / T_m)
 * so that a store's state is its enthalpy alone, from which its temperature and frozen fraction follow.
 */
import type { PhaseChangeMaterial } from './materials.js';

/** A material's state at a specific enthalpy. */
export interface PhaseChangeState {
  /** Unit: K */
  readonly T: number;
  /** Mass fraction that is solid: 1 frozen (or colder), 0 molten (or warmer). Unit: - */
  readonly frozenFraction: number;
  /** Unit: J/kg */
  readonly h: number;
  /** Unit: J/(kg K) */
  readonly s: number;
}

/** Specific enthalpy at T; at T_m exactly, that of the frozen fraction f (default: fully frozen). Unit: J/kg */
export function enthalpyAt(m: PhaseChangeMaterial, T: number, frozenFraction = 1): number {
  if (!(T > 0)) throw new RangeError(`${m.name}: temperature ${T} K is not positive`);
  if (!(frozenFraction >= 0 && frozenFraction <= 1)) throw new RangeError(`${m.name}: frozen fraction ${frozenFraction} is outside 0…1`);
  const Tm = m.meltingTemperature;
  if (T < Tm) return m.cpSolid * (T - Tm);
  if (T > Tm) return m.latentHeat + m.cpLiquid * (T - Tm);
  return (1 - frozenFraction) * m.latentHeat;
}

/** The state at a specific enthalpy h (J/kg). */
export function stateAt(m: PhaseChangeMaterial, h: number): PhaseChangeState {
  if (!Number.isFinite(h)) throw new RangeError(`${m.name}: specific enthalpy ${h} J/kg is not a finite number`);
  const Tm = m.meltingTemperature;
  const L = m.latentHeat;
  if (h < 0) {
    const T = Tm + h / m.cpSolid;
    if (!(T > 0)) throw new RangeError(`${m.name}: specific enthalpy ${h} J/kg lies below absolute zero`);
    return { T, frozenFraction: 1, h, s: m.cpSolid * Math.log(T / Tm) };
  }
  if (h > L) {
    const T = Tm + (h - L) / m.cpLiquid;
    return { T, frozenFraction: 0, h, s: L / Tm + m.cpLiquid * Math.log(T / Tm) };
  }
  return { T: Tm, frozenFraction: 1 - h / L, h, s: h / Tm };
}
