/**
 * Template parameters that set a component's parameter: each takes its kind and range from the component's
 * declaration (core/declaration.ts componentQuantity), narrowed only by a `Narrowing` that says why — exchangers'
 * temperature differences, pumps' and recuperators' figures, losses, store and throttle pressures.
 */
import { componentQuantity, type ComponentDeclaration } from '../core/declaration.js';
import { COMBUSTOR } from '../components/combustor.js';
import { HEAT_EXCHANGER } from '../components/heat-exchanger.js';
import { PUMP } from '../components/pump.js';
import { COOLER, HEATER } from '../components/simple-heat-exchanger.js';
import { TURBINE } from '../components/turbine.js';
import { TWO_TANK_STORE } from '../components/two-tank-store.js';
import { VALVE } from '../components/valve.js';
import { flag, optionalSetting, pressureLoss, setting, type LossTarget, type Narrowing } from './parameters.js';

/** What a pressure loss sets on a component: its pressure ratio (a loss x is pr = 1 − x) or its pressure drop. */
const lossOf = (d: ComponentDeclaration, ratio: string, drop: string): LossTarget => ({ ratio: componentQuantity(d, ratio), drop: componentQuantity(d, drop) });

/** The pressure losses the templates set, by the component that takes them (their ranges: those components'). */
export const LOSS = Object.freeze({
  cooler: lossOf(COOLER, 'pr', 'dp'),
  heater: lossOf(HEATER, 'pr', 'dp'),
  /** Either side of a two-stream exchanger (pr1/dp1 and pr2/dp2 are declared alike). */
  exchanger: lossOf(HEAT_EXCHANGER, 'pr1', 'dp1'),
  combustor: lossOf(COMBUSTOR, 'pr', 'dp'),
});

/** Why the templates ask more of an exchanger's temperature differences than the component does (it takes any). */
const NO_CROSS = (end: string): Narrowing => ({ range: { min: 0, minOpen: true }, why: `above 0 K: at 0 K or below the streams meet or cross ${end} (no finite exchanger does that)` });

/** A store's tanks: at or above the atmosphere (their pressure also sets where water boils, which starts at its triple point). */
const STORE_PRESSURE: Narrowing = { range: { min: 1e5 }, why: 'at least 1 bar: atmospheric or pressurised tanks, not vacuum vessels (assumption)' };

/** The parameters a template sets on its exchangers, pumps and machines, each by the component parameter it sets. */
export const SETS = Object.freeze({
  pinch: componentQuantity(HEAT_EXCHANGER, 'ttd_min'),
  hotEndApproach: componentQuantity(HEAT_EXCHANGER, 'ttd_u'),
  effectiveness: componentQuantity(HEAT_EXCHANGER, 'eps'),
  pumpEfficiency: componentQuantity(PUMP, 'eta_s'),
  storeTemperature: componentQuantity(TWO_TANK_STORE, 'T'),
  storePressure: componentQuantity(TWO_TANK_STORE, 'p'),
  turbineEfficiency: componentQuantity(TURBINE, 'eta_s'),
  heaterTemperature: componentQuantity(HEATER, 'T_external'),
});

/** A pinch (an exchanger's smallest internal temperature difference) with a default. */
export const pinch = (def: number, doc: string) => setting(SETS.pinch, def, doc, { narrow: NO_CROSS('inside') });
/** A hot-end approach of an exchanger with a default. */
export const hotEndApproach = (def: number, doc: string) => setting(SETS.hotEndApproach, def, doc, { narrow: NO_CROSS('at the hot end') });
/** The same without a default. */
export const optionalPinch = (doc: string) => optionalSetting(SETS.pinch, doc, { narrow: NO_CROSS('inside') });
export const optionalHotEndApproach = (doc: string) => optionalSetting(SETS.hotEndApproach, doc, { narrow: NO_CROSS('at the hot end') });
/** A pump's isentropic efficiency with a default. */
export const pumpEfficiency = (def: number, doc: string, source?: string) => setting(SETS.pumpEfficiency, def, doc, source === undefined ? {} : { source });
/** A recuperator's effectiveness Q/Q_max with a default. */
export const effectiveness = (def: number, doc: string) =>
  setting(SETS.effectiveness, def, doc, { narrow: { range: { min: 0, max: 1, minOpen: true, maxOpen: true }, why: 'below 100 %: an effectiveness of 1 takes an infinite area' } });
/** The pressure of a store's medium (its two-tank store's p). */
export const storePressure = (def: number, doc: string) => setting(SETS.storePressure, def, doc, { narrow: STORE_PRESSURE });

/** A cooler's pressure loss (inter-, after- and post-coolers, a dry condenser), as a fraction of its inlet pressure by default. */
export const coolerPressureLoss = (fraction: number, doc: string, source?: string) => pressureLoss(LOSS.cooler, { kind: 'fraction', value: fraction }, doc, source);

/** A pressure set before the turbines: above what they exhaust to. */
export const ABOVE_EXHAUST: Narrowing = { range: { min: 101325, minOpen: true }, why: 'above the atmosphere (1.01325 bar) the last turbine exhausts to, directly or through a store above it' };

/** The pressure a throttle holds before the turbines (its valve's p_out). */
export const throttleSetting = (def: number, doc: string, source?: string) => setting(componentQuantity(VALVE, 'p_out'), def, doc, { narrow: ABOVE_EXHAUST, ...(source ? { source } : {}) });

/** A recuperator (exhaust → the gas before the stores) that may be switched off: its effectiveness and pressure losses. */
export function recuperatorSchema(d: { on: boolean; doc: string; effectiveness: number; loss: number; lossSource?: string }) {
  return {
    recuperator: flag(d.on, d.doc),
    recuperatorEffectiveness: effectiveness(d.effectiveness, 'recuperator effectiveness Q/Q_max'),
    recuperatorPressureLoss: pressureLoss(LOSS.exchanger, { kind: 'fraction', value: d.loss }, 'each side of the recuperator', d.lossSource),
  };
}
