/**
 * Efficiency figures of a cycle, each with its formula, as the literature uses them. For a plant that burns fuel
 * (diabatic CAES) the electric ratio exceeds one and the quoted "round-trip efficiency" counts the fuel:
 *   η_el      = E_out / E_in                                  electricity out per electricity in
 *   η_RT      = E_out / (E_in + E_fuel)                       Huntorf's "42 %" = 1 / (0.8 + 1.6)
 *   HR        = E_fuel / E_out                                heat rate (fuel LHV per electricity out)
 *   ER        = E_in / E_out                                  electricity in per electricity out
 *   η_RT,ref  = E_out / (E_in + η_ref E_fuel)                 fuel counted as the electricity a reference plant
 *                                                             would make of it
 *   η_st      = (E_out − η_ref E_fuel) / E_in                 electricity attributable to storage per electricity in
 *                                                             (Succar & Williams 2008, "storage efficiency")
 *   η_ex      = (E_out + ΔX_stores) / (E_in + X_fuel)         exergy efficiency
 * E_fuel at the lower heating value; η_ref a reference power plant's efficiency (a parameter).
 */
export interface EfficiencyFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly formula: string;
}

export interface CycleEnergies {
  /** Unit: J */
  readonly energyIn: number;
  readonly energyOut: number;
  readonly fuel: number;
  readonly fuelExergy: number;
  readonly storeExergyChange: number;
}

export function efficiencyFigures(m: CycleEnergies, referenceEfficiency?: number): EfficiencyFigure[] {
  const { energyIn: Ein, energyOut: Eout, fuel: F } = m;
  const out: EfficiencyFigure[] = [{ name: 'electric round-trip efficiency', value: Eout / Ein, unit: '-', formula: 'η_el = E_out / E_in' }];
  if (F > 0) {
    out.push(
      { name: 'round-trip efficiency with fuel', value: Eout / (Ein + F), unit: '-', formula: 'η_RT = E_out / (E_in + E_fuel,LHV)' },
      { name: 'heat rate', value: F / Eout, unit: 'J/J', formula: 'HR = E_fuel,LHV / E_out (× 3600 for kJ/kWh)' },
      { name: 'fuel per electricity out', value: F / Eout, unit: 'kWh/kWh', formula: 'E_fuel,LHV / E_out' },
      { name: 'electricity in per electricity out', value: Ein / Eout, unit: 'kWh/kWh', formula: 'ER = E_in / E_out' },
    );
    if (referenceEfficiency !== undefined) {
      out.push(
        { name: `round-trip efficiency, fuel at a ${(referenceEfficiency * 100).toFixed(0)} % reference plant`, value: Eout / (Ein + referenceEfficiency * F), unit: '-', formula: 'η_RT,ref = E_out / (E_in + η_ref E_fuel)' },
        { name: 'storage efficiency (Succar & Williams 2008)', value: (Eout - referenceEfficiency * F) / Ein, unit: '-', formula: 'η_st = (E_out − η_ref E_fuel) / E_in' },
      );
    }
  }
  out.push({ name: 'exergy efficiency', value: (Eout + m.storeExergyChange) / (Ein + m.fuelExergy), unit: '-', formula: 'η_ex = (E_out + ΔX_stores) / (E_in + X_fuel)' });
  return out;
}
