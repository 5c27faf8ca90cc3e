/**
 * Yearly operation of a storage plant from a few parameters, when no dispatch result is at hand: discharged and
 * charged energy with cycle and calendar degradation, and the cost of charging.
 *
 *   E_dis,n = cycles · DoD · E_rated · (1 − d_cycle)^((n−1)·cycles) · (1 − d_time)^(n−1)
 *   E_chg,n = E_dis,n / η_RT
 *   charging_n = p_el · E_chg,n
 *
 * This is the energy term of Schmidt et al., Joule 3 (2019) 81, doi:10.1016/j.joule.2018.12.008, as read from
 * secondary sources (its self-discharge correction is not included; see the project's research notes, §3.1).
 */
import { checkNumber, RANGES } from './check.js';

export interface OperationParameters {
  /** Usable rated energy capacity; J. */
  readonly energyRated: number;
  /** Full cycles per year; 1/yr. */
  readonly cyclesPerYear: number;
  /** Depth of discharge per cycle; fraction. */
  readonly depthOfDischarge: number;
  /** Round-trip efficiency, discharged over charged energy; fraction. */
  readonly roundTripEfficiency: number;
  /** Capacity lost per year of calendar ageing; fraction per year. */
  readonly timeDegradation: number;
  /** Capacity lost per full cycle; fraction per cycle. */
  readonly cycleDegradation: number;
  /** Price of charging electricity, VAT-exclusive; money/J. */
  readonly chargingPrice: number;
  readonly operatingYears: number;
}

export interface OperationSeries {
  /** Energy delivered per operating year; J. */
  readonly energyDischarged: Float64Array;
  /** Energy drawn per operating year; J. */
  readonly energyCharged: Float64Array;
  /** Cost of the charged energy per operating year, VAT-exclusive; money. */
  readonly chargingCost: Float64Array;
}

export function checkOperationParameters(p: OperationParameters, field = 'operation'): void {
  checkNumber(`${field}.energyRated`, p.energyRated, RANGES.positive);
  checkNumber(`${field}.cyclesPerYear`, p.cyclesPerYear, { min: 0, max: 100000 });
  checkNumber(`${field}.depthOfDischarge`, p.depthOfDischarge, { min: 0, max: 1, minExclusive: true });
  checkNumber(`${field}.roundTripEfficiency`, p.roundTripEfficiency, { min: 0, max: 1, minExclusive: true });
  checkNumber(`${field}.timeDegradation`, p.timeDegradation, { min: 0, max: 1, maxExclusive: true });
  checkNumber(`${field}.cycleDegradation`, p.cycleDegradation, { min: 0, max: 1, maxExclusive: true });
  checkNumber(`${field}.chargingPrice`, p.chargingPrice, RANGES.finite);
  checkNumber(`${field}.operatingYears`, p.operatingYears, { min: 1, max: 200, integer: true });
}

export function parametricOperation(p: OperationParameters, field = 'operation'): OperationSeries {
  checkOperationParameters(p, field);
  const N = p.operatingYears;
  const energyDischarged = new Float64Array(N);
  const energyCharged = new Float64Array(N);
  const chargingCost = new Float64Array(N);
  const perCycle = Math.pow(1 - p.cycleDegradation, p.cyclesPerYear);
  let health = 1;
  for (let n = 0; n < N; n++) {
    const e = p.cyclesPerYear * p.depthOfDischarge * p.energyRated * health;
    energyDischarged[n] = e;
    energyCharged[n] = e / p.roundTripEfficiency;
    chargingCost[n] = p.chargingPrice * energyCharged[n];
    health *= perCycle * (1 - p.timeDegradation);
  }
  return { energyDischarged, energyCharged, chargingCost };
}
