/**
 * The key figures of a plant, in one list used by the compare table, the HTML report, the workbook and the web app:
 * each with its label, its display kind (so its unit) and how it is read from a plant of results.json (SI).
 */
import { formatValue, displayUnit, toDisplay, MWH, type DisplayKind } from './display.js';
import { label, type Lang, type LabelKey } from './labels.js';
import type { ResultsData, ResultsPlant } from './results.js';

export interface Kpi {
  readonly key: LabelKey;
  readonly kind: DisplayKind;
  /** The SI value (money in the plant's currency), or null where it does not exist (no IRR, payback not reached). */
  readonly value: (p: ResultsPlant) => number | null;
}

/**
 * Energy delivered in the first operating year, as the cash flow counts it (the replayed schedule for a template
 * plant, the dispatch's otherwise, scaled to a year; a battery fades from there). J
 */
export function annualDischarge(p: ResultsPlant): number {
  const c = p.finance.cashFlow;
  const i = c.operatingYear.indexOf(1);
  return i < 0 ? 0 : c.energyDischarged[i];
}

export const KPIS: readonly Kpi[] = [
  { key: 'ratedPower', kind: 'power', value: (p) => p.performance.dischargePower },
  { key: 'energyCapacity', kind: 'energy', value: (p) => p.performance.energyCapacity },
  { key: 'roundTripEfficiency', kind: 'fraction', value: (p) => p.performance.roundTripEfficiency },
  { key: 'annualDischarge', kind: 'energy', value: annualDischarge },
  { key: 'equivalentFullCycles', kind: 'count', value: (p) => p.dispatch.equivalentFullCycles },
  { key: 'totalInvestment', kind: 'money', value: (p) => p.finance.capex },
  { key: 'arbitrageMargin', kind: 'money', value: (p) => p.finance.revenuePerYear.arbitrage },
  { key: 'npvProjectAfterTax', kind: 'money', value: (p) => p.finance.npvProjectAfterTax },
  { key: 'irrProjectAfterTax', kind: 'fraction', value: (p) => p.finance.irrProjectAfterTax },
  { key: 'irrEquity', kind: 'fraction', value: (p) => p.finance.irrEquity },
  { key: 'paybackYears', kind: 'years', value: (p) => p.finance.paybackYears },
  { key: 'minDscr', kind: 'ratio', value: (p) => p.finance.minDscr },
  { key: 'lcosSchmidt', kind: 'pricePerEnergy', value: (p) => p.finance.lcosSchmidt },
  { key: 'lcosLazard', kind: 'pricePerEnergy', value: (p) => p.finance.lcosLazard },
];

/**
 * A li-ion plant's life in the figures an investor asks of a battery (src/project/li-ion-evaluate.ts): the fleet's
 * capacity after 10 years, how often racks were added or renewed, and what the fleet left at the end is worth. Shown
 * where a project has a battery model (null for its other plants).
 */
export const BATTERY_KPIS: readonly Kpi[] = [
  { key: 'batteryCapacity10', kind: 'fraction', value: (p) => (p.battery && p.battery.years.length >= 10 ? p.battery.years[9].capacityEnd : null) },
  { key: 'batteryReplacements', kind: 'count', value: (p) => (p.battery ? p.battery.replacements.length : null) },
  { key: 'batteryEndOfLifeValue', kind: 'money', value: (p) => (p.battery ? p.battery.endOfLife.value : null) },
];

/** A KPI of one plant for people: label, number in the display unit, the unit, and the text. */
export interface KpiValue {
  readonly key: LabelKey;
  readonly label: string;
  /** In `unit`; null where the figure does not exist. */
  readonly value: number | null;
  readonly unit: string;
  readonly text: string;
}

export function kpiValues(p: ResultsPlant, lang: Lang, kpis: readonly Kpi[] = KPIS): KpiValue[] {
  const currency = p.finance.currency;
  return kpis.map((k) => {
    const si = k.value(p);
    const text = si === null ? (k.key === 'paybackYears' ? label('notReached', lang) : '—') : formatValue(si, k.kind, lang, currency);
    return { key: k.key, label: label(k.key, lang), value: si === null ? null : toDisplay(si, k.kind, lang, currency), unit: displayUnit(k.kind, lang, currency), text };
  });
}

/** The figures of results.json in display units with their units named (written beside it as results-display.json). */
export function resultsInDisplayUnits(results: ResultsData, lang: Lang): object {
  const currency = results.plants[0]?.finance.currency ?? 'CNY';
  const price = (v: number) => Number((v * MWH).toPrecision(6));
  return {
    project: results.name,
    site: results.site.name,
    language: lang,
    prices: { unit: displayUnit('pricePerEnergy', lang, currency), mean: price(results.prices.mean), min: price(results.prices.min), max: price(results.prices.max), steps: results.prices.steps },
    plants: results.plants.map((p) => ({
      name: p.name,
      technology: p.performance.technology,
      currency: p.finance.currency,
      kpis: Object.fromEntries(
        kpiValues(p, lang).map((k) => [k.key, { label: k.label, value: k.value === null ? null : Number(k.value.toPrecision(8)), unit: k.unit, text: k.text }]),
      ),
    })),
    conventions: results.conventions,
  };
}
