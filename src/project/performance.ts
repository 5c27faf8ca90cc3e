/**
 * What dispatch and finance need to know about a storage plant, as plain data (SI). The plant templates
 * (src/plant/templates) compute it from their thermodynamic design; a battery or a plant modelled elsewhere gives it
 * directly.
 */
export interface PartLoadCurve {
  /** Ascending input powers at the breakpoints; a first point above zero is the minimum run point. W */
  readonly input: readonly number[];
  /** Output powers at the same breakpoints. W */
  readonly output: readonly number[];
}

export interface PlantPerformance {
  readonly technology: string;
  /** Electric power drawn while charging at design (with auxiliaries). W */
  readonly chargePower: number;
  /** Net electric power delivered while discharging at design. W */
  readonly dischargePower: number;
  /** Usable energy: electricity deliverable at design from full to empty. J */
  readonly energyCapacity: number;
  /** Charge: electric input → rate of filling, in W of deliverable electricity. */
  readonly chargeCurve: PartLoadCurve;
  /** Discharge: withdrawal rate in W of deliverable electricity → net electric output. */
  readonly dischargeCurve: PartLoadCurve;
  /** Fraction of the stored energy lost per second while holding. 1/s */
  readonly standingLoss: number;
  /** Fuel (LHV) burnt per electricity delivered (diabatic CAES); 0 for none. J/J */
  readonly fuelPerOutput: number;
  /** Electricity out ÷ electricity in over a design cycle. - */
  readonly roundTripEfficiency: number;
  /** Energy per volume of storage, with the volumes it is counted on. J/m³ */
  readonly energyDensity?: number;
  readonly energyDensityBasis?: string;
  /** Component sizes for capital-cost correlations (W for machines and duties, kg for store media, m³ volumes). */
  readonly equipment?: readonly { readonly id: string; readonly kind: string; readonly size: number; readonly unit: string; readonly note?: string }[];
}

/** A battery (or any plant) from power, energy and round-trip efficiency: equal losses each way, linear. */
export function linearPerformance(p: {
  technology: string;
  power: number;
  powerCharge?: number;
  energy: number;
  roundTripEfficiency: number;
  standingLoss: number;
  minimumLoad: number;
}): PlantPerformance {
  const eta = Math.sqrt(p.roundTripEfficiency);
  const Pc = p.powerCharge ?? p.power;
  const Pd = p.power;
  const lo = p.minimumLoad;
  return {
    technology: p.technology,
    chargePower: Pc,
    dischargePower: Pd,
    energyCapacity: p.energy,
    chargeCurve: lo > 0 ? { input: [lo * Pc, Pc], output: [lo * Pc * eta, Pc * eta] } : { input: [0, Pc], output: [0, Pc * eta] },
    dischargeCurve: lo > 0 ? { input: [(lo * Pd) / eta, Pd / eta], output: [lo * Pd, Pd] } : { input: [0, Pd / eta], output: [0, Pd] },
    standingLoss: p.standingLoss,
    fuelPerOutput: 0,
    roundTripEfficiency: p.roundTripEfficiency,
  };
}
