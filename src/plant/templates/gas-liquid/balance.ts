/**
 * The stores' liquid balance of a gas-liquid CO2 plant's design cycle, as design ESTIMATES (design flow × design
 * duration): for the liquid CO2 and for each thermal store, the mass a design charge moves into its hot (or liquid)
 * tank, the mass a design discharge takes out, and what is left (positive: hot medium the discharge leaves, returned
 * through the trim coolers; negative: a discharge that would need more than the charge stored — its hot tank would
 * run dry first). Design figures, known before any cycle runs; the balance the periodic design cycle MEASURES, for
 * every template and every store, is templates/balance.ts (DesignCycleReport.storeBalance), which the report shows.
 */
import type { Figure } from '../types.js';

export interface StoreBalanceInput {
  readonly name: string;
  /** Hot medium a design charge stores. Unit: kg */
  readonly chargeMass: number;
  /** Hot medium a design discharge takes. Unit: kg */
  readonly dischargeMass: number;
}

/** Figures `<store>.chargeMass`, `.dischargeMass`, `.remnant`, `.dischargeToChargeRatio` for liquidCO2 and every store. */
export function liquidBalance(o: {
  /** Liquid CO2 a design charge stores (the tanks' mass window). Unit: kg */
  readonly massWindow: number;
  /** Liquid CO2 a design discharge takes. Unit: kg */
  readonly dischargeMass: number;
  readonly stores: readonly StoreBalanceInput[];
}): Record<string, Figure> {
  const figures: Record<string, Figure> = {};
  const add = (name: string, what: string, charge: number, discharge: number) => {
    figures[`${name}.chargeMass`] = { value: charge, unit: 'kg', note: `${what} a design charge stores` };
    figures[`${name}.dischargeMass`] = { value: discharge, unit: 'kg', note: `${what} a design discharge takes` };
    figures[`${name}.remnant`] = { value: charge - discharge, unit: 'kg', note: `${what} a design cycle leaves (negative: the discharge would need more than the charge stored)` };
    figures[`${name}.dischargeToChargeRatio`] = { value: charge > 0 ? discharge / charge : 0, unit: '-', note: 'the rate the discharge spends it at over the rate the charge filled it (per kg of CO2)' };
  };
  add('liquidCO2', 'liquid CO2', o.massWindow, o.dischargeMass);
  for (const s of o.stores) add(s.name, `${s.name} hot medium`, s.chargeMass, s.dischargeMass);
  return figures;
}
