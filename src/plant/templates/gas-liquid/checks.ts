/**
 * Checks of the gas-liquid CO2 template's parameters against each other (each error names the field as a plant
 * file writes it, its value and what would be valid), and small helpers of its networks.
 */
import { fluid } from '../../../fluids/index.js';
import { PlantInputError } from '../../errors.js';
import type { Co2GasLiquidParams } from './schema.js';


/**
 * The basin evaporator's pinch against its approach and pressure loss. The CO2 enters boiling at the saturation
 * temperature of the evaporator's inlet pressure — the evaporating temperature plus the fall of saturation
 * temperature its pressure loss makes — and meets the basin water leaving; the water can leave no colder than that
 * plus the pinch, and it entered at the evaporating temperature plus the approach. A pinch at or above the approach
 * less the saturation fall leaves the water no cooling to give: the design asks for unbounded basin water (a 3 K
 * fall with a 5 K approach and a 2 K pinch asked for 85,000 kg/s against 5,200 kg/s at 0.2 K).
 */
export function checkEvaporatorPinch(where: string, Ev: Co2GasLiquidParams['evaporator'], Tevap: number, pEvapIn: number): void {
  const co2 = fluid('CO2');
  const stated = Ev.pressureLoss.kind === 'saturation' ? Ev.pressureLoss.value : 0;
  const fall = Math.max(stated, co2.saturationAtP(Math.min(pEvapIn, co2.critical.p * 0.999)).T - Tevap);
  if (Ev.pinch < Ev.approach - fall) return;
  throw new PlantInputError(
    where,
    'evaporator.pinch',
    `${Ev.pinch} K`,
    `below evaporator.approach (${Ev.approach} K) less the fall of saturation temperature that evaporator.pressureLoss makes (${fall.toPrecision(3)} K): below ${(Ev.approach - fall).toPrecision(3)} K — at or above it the basin water cannot cool on its way through (it would need unbounded flow); give a smaller pinch or pressure loss, or a larger approach`,
  );
}

/** The saturation pressure of water at T (capped below its critical temperature). Unit: Pa */
export function psatWater(T: number): number {
  return fluid('Water').saturationAtT(Math.min(T, 647)).p;
}

/**
 * Subcooling and superheat inside what the exchangers allow. With the basin, the condensate leaves at the
 * condensing temperature less the subcooling and meets the basin water entering at the condensing temperature less
 * the approach: the cold-end difference (approach − subcooling) may not fall below the pinch; likewise the vapour
 * leaves the basin evaporator at the evaporating temperature plus the superheat against water entering at that plus
 * the approach. With air, a chiller or a water source (no pinch), each must stay below the approach.
 */
export function checkSaturationOffsets(where: string, P: Co2GasLiquidParams): void {
  const offsets = [
    { field: 'condenser.subcooling', value: P.condenser.subcooling, approach: P.condenser.approach, pinch: P.condenser.sink === 'basin' ? P.condenser.pinch : 0, side: 'condenser' },
    { field: 'evaporator.superheat', value: P.evaporator.superheat, approach: P.evaporator.approach, pinch: P.evaporator.source === 'basin' ? P.evaporator.pinch : 0, side: 'evaporator' },
  ];
  for (const o of offsets) {
    const max = o.approach - o.pinch;
    if (o.value > 0 && !(o.pinch > 0 ? o.value <= max : o.value < max)) {
      throw new PlantInputError(where, o.field, `${o.value} K`, o.pinch > 0 ? `at most ${o.side}.approach (${o.approach} K) less ${o.side}.pinch (${o.pinch} K): ${max} K` : `below ${o.side}.approach (${o.approach} K)`);
    }
  }
}

/**
 * Each store as its discharge exchangers see it: their own hot-end approach and pinch where the file gives them
 * (dischargeHotEndApproach, dischargePinch), else the charge's. The pinch must stay below the approach.
 */
export function dischargeSides<S extends Co2GasLiquidParams['thermalStores'][number]>(where: string, stores: readonly S[]): S[] {
  return stores.map((s, k) => {
    const hotEndApproach = s.dischargeHotEndApproach ?? s.hotEndApproach;
    const pinch = s.dischargePinch ?? s.pinch;
    if (!(pinch < hotEndApproach)) {
      const field = s.dischargePinch !== undefined ? 'dischargePinch' : 'dischargeHotEndApproach';
      throw new PlantInputError(`${where} thermalStores[${k}]`, field, field === 'dischargePinch' ? pinch : hotEndApproach, field === 'dischargePinch' ? `a pinch below the discharge hot-end approach (${hotEndApproach} K)` : `a hot-end approach above the discharge pinch (${pinch} K)`);
    }
    return { ...s, hotEndApproach, pinch };
  });
}
