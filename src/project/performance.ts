/**
 * What dispatch and finance need to know about a storage plant, as plain data (SI). The plant templates
 * (src/plant/templates) compute it from their thermodynamic design; a battery or a plant modelled elsewhere gives it
 * directly.
 */
import type { PlantPerformance as TemplatePerformance } from '../plant/templates/index.js';

export type { PartLoadCurve } from '../plant/templates/index.js';

/**
 * The part of a template plant's performance (src/plant/templates/types.ts) that dispatch and finance use; a
 * battery or a plant modelled elsewhere gives just this.
 */
export type PlantPerformance = Pick<
  TemplatePerformance,
  'technology' | 'chargePower' | 'dischargePower' | 'energyCapacity' | 'chargeCurve' | 'dischargeCurve' | 'standingLoss' | 'fuelPerOutput' | 'roundTripEfficiency'
> &
  Partial<Pick<TemplatePerformance, 'energyDensity' | 'energyDensityBasis' | 'equipment'>>;

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
