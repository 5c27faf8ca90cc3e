/**
 * A container's lumped thermal model: one node (cells, racks and coolant together) at temperature T, heated by the
 * cells' Joule heat Q_g and the sun on the envelope Q_s, exchanging UA (T_a − T) with the ambient air, and held in
 * a band [T_heat, T_cool] by a chiller (heat removed Q_c, electric Q_c / COP(T_a)) and a heater (Q_h, electric
 * Q_h / COP_heater). Implicit Euler over each step, so a step of any length is stable:
 *
 *   0 = C (T' − T) − Δt (Q_g + Q_s + UA (T_a − T') − Q_c + Q_h)
 *
 * with Q_c (or Q_h) the least that keeps T' inside the band, up to the unit's capacity. Energy balance holds exactly
 * by construction: heat in (Q_g + Q_s + Q_h) Δt = stored C (T' − T) + out (UA (T' − T_a) + Q_c) Δt.
 *
 * Chiller COP: a fraction of the Carnot COP between an evaporator below the cooling set point and a condenser above
 * the ambient, COP = min(COP_max, f · T_evap / (T_cond − T_evap)). ASSUMPTIONS (defaults below): f = 0.35, 10 K
 * evaporator and 15 K condenser approaches, COP_max = 6 (giving COP ≈ 3.4 at 35 °C ambient, the order of the EER
 * of packaged liquid-cooling units), a resistive heater (COP 1), envelope UA 40 W/K for a 20-ft insulated container
 * (≈ 80 m² at U ≈ 0.5 W/(m² K)), heat capacity 1.2 × the cells' (racks and coolant), 1 kW of other auxiliaries
 * (BMS, coolant pump, fans, controls, lighting) per container, set points 15 °C and 30 °C.
 */
import { PlantInputError } from '../../plant/errors.js';

export interface ContainerThermalSpec {
  /** Unit: J/K */
  readonly heatCapacity: number;
  /** Envelope conductance to the ambient air. Unit: W/K */
  readonly envelopeUA: number;
  /** Solar absorptance × sunlit area: solar gain = this × irradiance. Unit: m² */
  readonly solarAperture: number;
  /** Unit: K */
  readonly coolingSetpoint: number;
  /** Unit: K */
  readonly heatingSetpoint: number;
  /** Heat the chiller can remove. Unit: W */
  readonly coolingCapacity: number;
  /** Heat the heater can add. Unit: W */
  readonly heatingCapacity: number;
  /** Fraction of the Carnot COP. Unit: - */
  readonly carnotFraction: number;
  /** Unit: K */
  readonly evaporatorApproach: number;
  /** Unit: K */
  readonly condenserApproach: number;
  /** Unit: - */
  readonly maxCop: number;
  /** Unit: - */
  readonly heaterCop: number;
  /** Other auxiliaries drawn continuously. Unit: W */
  readonly auxiliaryPower: number;
}

export const CONTAINER_THERMAL_DEFAULTS = {
  envelopeUA: 40,
  solarAperture: 0,
  coolingSetpoint: 303.15,
  heatingSetpoint: 288.15,
  coolingCapacity: 60e3,
  heatingCapacity: 20e3,
  carnotFraction: 0.35,
  evaporatorApproach: 10,
  condenserApproach: 15,
  maxCop: 6,
  heaterCop: 1,
  auxiliaryPower: 1e3,
  /** heat capacity = this × the cells' mass × specific heat */
  heatCapacityOverCells: 1.2,
} as const;

export function checkThermal(t: ContainerThermalSpec, where = 'thermal'): void {
  const positive: (keyof ContainerThermalSpec)[] = ['heatCapacity', 'coolingCapacity', 'carnotFraction', 'maxCop', 'heaterCop'];
  for (const k of positive) if (!(t[k] > 0)) throw new PlantInputError(where, k, t[k], '> 0');
  const nonNegative: (keyof ContainerThermalSpec)[] = ['envelopeUA', 'solarAperture', 'heatingCapacity', 'evaporatorApproach', 'condenserApproach', 'auxiliaryPower'];
  for (const k of nonNegative) if (!(t[k] >= 0)) throw new PlantInputError(where, k, t[k], '≥ 0');
  if (!(t.heatingSetpoint < t.coolingSetpoint)) throw new PlantInputError(where, 'heatingSetpoint', t.heatingSetpoint, `below coolingSetpoint ${t.coolingSetpoint} K`);
}

/** The chiller's COP at an ambient temperature (K). Unit: - */
export function chillerCop(t: ContainerThermalSpec, ambient: number): number {
  const evap = t.coolingSetpoint - t.evaporatorApproach;
  const lift = ambient + t.condenserApproach - evap;
  return lift <= 0 ? t.maxCop : Math.min(t.maxCop, (t.carnotFraction * evap) / lift);
}

/** One step's flows (W, means over the step) and the end temperature; written into a caller-owned object. */
export interface ThermalStep {
  /** End-of-step temperature. Unit: K */
  temperature: number;
  /** Heat removed by the chiller. Unit: W */
  cooling: number;
  /** Heat added by the heater. Unit: W */
  heating: number;
  /** Heat lost through the envelope, UA (T' − T_a) (negative when gained). Unit: W */
  envelope: number;
  /** Electricity of chiller and heater. Unit: W */
  hvacElectric: number;
}

export function newThermalStep(): ThermalStep {
  return { temperature: 0, cooling: 0, heating: 0, envelope: 0, hvacElectric: 0 };
}

/** Advances the container from T over dt (s) with cell heat `heat` (W), ambient (K) and irradiance (W/m²). */
export function thermalStep(t: ContainerThermalSpec, T: number, dt: number, heat: number, ambient: number, irradiance: number, out: ThermalStep): ThermalStep {
  const C = t.heatCapacity;
  const gain = heat + t.solarAperture * irradiance;
  const a = C * T + dt * (gain + t.envelopeUA * ambient);
  const b = C + dt * t.envelopeUA;
  let Tn = a / b;
  let cooling = 0;
  let heating = 0;
  if (Tn > t.coolingSetpoint) {
    cooling = Math.min(t.coolingCapacity, (a - b * t.coolingSetpoint) / dt);
    Tn = (a - dt * cooling) / b;
  } else if (Tn < t.heatingSetpoint) {
    heating = Math.min(t.heatingCapacity, (b * t.heatingSetpoint - a) / dt);
    Tn = (a + dt * heating) / b;
  }
  out.temperature = Tn;
  out.cooling = cooling;
  out.heating = heating;
  out.envelope = t.envelopeUA * (Tn - ambient);
  out.hvacElectric = cooling / chillerCop(t, ambient) + heating / t.heaterCop;
  return out;
}
