/**
 * The money of the recycling line, after the structure of Argonne's EverBatt (collection → disassembly →
 * pre-treatment → pyro | hydro | direct; revenue = Σ recovered mass × price − process cost), with every cost an
 * input and every price dated:
 *   revenue      = Σ products mass × price + second-life energy × second-life price
 *   operating    = collection × feed + dismantling (energy, consumables) × feed + pre-treatment × cells + route × black mass
 *                  + residue disposal + labour + fixed O&M (share of capex)
 *   capital      = capex × CRF(rate, years), capex = capexPerCapacity × line capacity × hours × availability
 *   net value    = revenue − operating − capital            (before gate fees; per kg and per J of nameplate)
 *   break-even gate fee = −net value / feed mass            (negative: the recycler can pay for batteries)
 * Plant-level costs (labour, fixed O&M, capital) are shared among feed streams by mass.
 *
 * Black mass as the market prices it (../../../shared/research/recycling_sources.md §3):
 *   LFP: value = price per Li point × Li content in %;
 *   NCM: value = payable(Ni,Co) × (Ni·p_Ni + Co·p_Co) + payable(Li) × Li · 5.3235 · p_Li2CO3.
 * The route's margin on bought-in black mass (SMM's published measure) = route revenue − route cost − that value.
 */
import { MATERIALS } from '../data/recycling-materials.js';
import { LITHIUM_CARBONATE_PER_LITHIUM } from '../data/recycling-prices.js';
import type { RecyclingRoute } from '../data/recycling-recovery.js';
import { RecyclingInputError } from './errors.js';
import { streamBalance, type StreamBalance } from './mass-balance.js';
import type { RecyclingPlantSpec, RecyclingPrices } from './spec.js';

export interface MoneyLine {
  readonly name: string;
  /** yuan/yr. */
  readonly amount: number;
}

export interface StreamEconomics {
  readonly balance: StreamBalance;
  readonly revenue: readonly MoneyLine[];
  readonly costs: readonly MoneyLine[];
  /** yuan/yr. */
  readonly revenueTotal: number;
  readonly operatingCost: number;
  readonly capitalCharge: number;
  readonly netValue: number;
  /** Net value per mass of feed; yuan/kg. */
  readonly netValuePerMass: number;
  /** Net value per nameplate energy of feed; yuan/J. */
  readonly netValuePerEnergy: number;
  /** yuan/kg (negative: the recycler can pay). */
  readonly breakEvenGateFee: number;
  /** Gate fees received (negative: paid); yuan/yr. */
  readonly gateFees: number;
  /** Market value of the stream's black mass; yuan/yr. */
  readonly blackMassValue: number;
  /** Li content of the black mass; 1. */
  readonly blackMassLithium: number;
  /** Route revenue − route operating cost − black mass at market value; yuan/yr. */
  readonly routeMargin: number;
}

export interface RecyclingResult {
  readonly name: string;
  readonly route: RecyclingRoute;
  readonly streams: readonly StreamEconomics[];
  /** Line capacity per year; kg/yr. */
  readonly annualCapacity: number;
  /** Feed over capacity; 1. */
  readonly utilisation: number;
  readonly capex: number;
  readonly feedMass: number;
  readonly feedEnergy: number;
  readonly revenue: readonly MoneyLine[];
  readonly costs: readonly MoneyLine[];
  readonly revenueTotal: number;
  readonly operatingCost: number;
  readonly capitalCharge: number;
  readonly netValue: number;
  readonly netValuePerMass: number;
  readonly netValuePerEnergy: number;
  readonly breakEvenGateFee: number;
  readonly gateFees: number;
}

/** Capital recovery factor r / (1 − (1 + r)^−n); 1/yr. */
export function capitalRecoveryFactor(rate: number, years: number): number {
  return rate === 0 ? 1 / years : rate / (1 - Math.pow(1 + rate, -years));
}

/** Market value of a black mass by the market's convention; yuan. */
export function blackMassMarketValue(chemistry: string, content: { Li: number; Ni: number; Co: number }, mass: number, p: RecyclingPrices): number {
  if (mass === 0) return 0;
  if (chemistry === 'LFP') return p.lfpBlackMassPerLiPoint * (100 * content.Li / mass) * mass;
  return p.ncmPayableNiCo * (content.Ni * p.nickel + content.Co * p.cobalt) + p.ncmPayableLi * content.Li * LITHIUM_CARBONATE_PER_LITHIUM * p.lithiumCarbonate;
}

/** Evaluates the plant by `route` (default: the spec's). */
export function evaluateRecycling(spec: RecyclingPlantSpec, route: RecyclingRoute = spec.route): RecyclingResult {
  const c = spec.costs;
  const p = spec.prices;
  const balances = spec.feed.map((f, i) => streamBalance(f, `feed[${i}]`, route, spec.recovery, spec.sorting.secondLifeShare));
  const feedMass = balances.reduce((s, b) => s + b.feedMass, 0);
  const feedEnergy = balances.reduce((s, b) => s + b.feedEnergy, 0);
  const annualCapacity = spec.line.capacity * spec.line.hoursPerYear * spec.line.availability;
  if (feedMass > annualCapacity * (1 + 1e-12)) {
    throw new RecyclingInputError(
      'line.capacity',
      `${(spec.line.capacity * 3.6).toFixed(3)} t/h`,
      `a line that takes the feed: ${(feedMass / 1000).toFixed(0)} t/yr needs at least ${((feedMass / (spec.line.hoursPerYear * spec.line.availability)) * 3.6).toFixed(3)} t/h at ${(spec.line.hoursPerYear / 3600).toFixed(0)} h and ${(spec.line.availability * 100).toFixed(0)} % availability`,
    );
  }
  const capex = c.capexPerCapacity * annualCapacity;
  const plantLabour = spec.line.staff * spec.line.labourCostPerPerson;
  const plantFixedOm = c.fixedOm * capex;
  const plantCapital = capex * capitalRecoveryFactor(c.capitalRecovery.rate, c.capitalRecovery.years);

  const streams = balances.map((b, i): StreamEconomics => {
    const f = spec.feed[i];
    const share = b.feedMass / feedMass;
    const revenue: MoneyLine[] = b.products.map((x) => ({ name: x.name, amount: x.mass * p[x.price] }));
    if (b.secondLifeEnergy > 0) revenue.push({ name: 'second-life units', amount: b.secondLifeEnergy * spec.sorting.secondLifePrice });
    const routeCost = [
      { name: 'route energy', amount: b.blackMass * c.route.energy * c.electricityPrice },
      { name: 'route reagents', amount: b.blackMass * (f.chemistry === 'LFP' ? c.route.reagentsLFP : c.route.reagentsNCM) },
      { name: 'route other', amount: b.blackMass * c.route.other },
    ];
    const costs: MoneyLine[] = [
      { name: 'collection and transport', amount: b.feedMass * c.collection },
      { name: 'dismantling energy', amount: b.feedMass * c.dismantling.energy * c.electricityPrice },
      { name: 'dismantling consumables', amount: b.feedMass * c.dismantling.consumables },
      { name: 'pre-treatment energy', amount: b.cellMass * c.pretreatment.energy * c.electricityPrice },
      { name: 'pre-treatment consumables', amount: b.cellMass * c.pretreatment.consumables },
      ...routeCost,
      { name: 'residue disposal', amount: b.residue * c.residueDisposal },
      { name: 'labour', amount: plantLabour * share },
      { name: 'maintenance and insurance', amount: plantFixedOm * share },
    ];
    const revenueTotal = revenue.reduce((s, x) => s + x.amount, 0);
    const operatingCost = costs.reduce((s, x) => s + x.amount, 0);
    const capitalCharge = plantCapital * share;
    const netValue = revenueTotal - operatingCost - capitalCharge;
    const content = { Li: b.blackMassContent.Li, Ni: b.blackMassContent.Ni, Co: b.blackMassContent.Co };
    const blackMassValue = blackMassMarketValue(f.chemistry, content, b.blackMass, p);
    const routeRevenue = b.products.filter((x) => x.stage === 'route').reduce((s, x) => s + x.mass * p[x.price], 0);
    return {
      balance: b,
      revenue,
      costs,
      revenueTotal,
      operatingCost,
      capitalCharge,
      netValue,
      netValuePerMass: netValue / b.feedMass,
      netValuePerEnergy: netValue / b.feedEnergy,
      breakEvenGateFee: -netValue / b.feedMass,
      gateFees: b.feedMass * f.gateFee,
      blackMassValue,
      blackMassLithium: b.blackMass > 0 ? b.blackMassContent.Li / b.blackMass : 0,
      routeMargin: routeRevenue - routeCost.reduce((s, x) => s + x.amount, 0) - blackMassValue,
    };
  });
  const merge = (lines: readonly (readonly MoneyLine[])[]): MoneyLine[] => {
    const m = new Map<string, number>();
    for (const l of lines) for (const x of l) m.set(x.name, (m.get(x.name) ?? 0) + x.amount);
    return [...m].map(([name, amount]) => ({ name, amount }));
  };
  const sum = (k: 'revenueTotal' | 'operatingCost' | 'capitalCharge' | 'netValue' | 'gateFees') => streams.reduce((s, x) => s + x[k], 0);
  const netValue = sum('netValue');
  return {
    name: spec.name,
    route,
    streams,
    annualCapacity,
    utilisation: feedMass / annualCapacity,
    capex,
    feedMass,
    feedEnergy,
    revenue: merge(streams.map((s) => s.revenue)),
    costs: merge(streams.map((s) => s.costs)),
    revenueTotal: sum('revenueTotal'),
    operatingCost: sum('operatingCost'),
    capitalCharge: sum('capitalCharge'),
    netValue,
    netValuePerMass: netValue / feedMass,
    netValuePerEnergy: netValue / feedEnergy,
    breakEvenGateFee: -netValue / feedMass,
    gateFees: sum('gateFees'),
  };
}
