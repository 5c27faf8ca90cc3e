/**
 * The yearly cash-flow model of a storage project: revenue, costs, VAT and surcharges, depreciation, income tax,
 * debt and equity, on the time line of conventions.ts (t = 0 is the start of construction, operating year n ends
 * at t = C + n). Outputs a table by year and NPV, IRRs (project pre- and after-tax, equity), payback, minimum DSCR
 * and the pre-tax levelised cost of storage.
 *
 * Definitions, per year t (money, VAT-exclusive unless "VAT" is in the name):
 *   VAT input      = capex·v_capex + replacement·v_capex + charging·v_chg + O&M·v_om + Σ other·v_other
 *   VAT paid       = max(0, VAT output − VAT input − credit brought forward)   (credit carried forward, tax.ts)
 *   surcharges     = VAT paid × (7 % + 3 % + 2 %)
 *   pre-tax CF     = revenue − charging − O&M − other − capex − replacement − decommissioning + salvage − surcharges
 *                    + VAT output − VAT input − VAT paid
 *   taxable income = revenue − charging − O&M − other − surcharges − depreciation − interest − decommissioning
 *                    + (salvage − book value written off); losses carried forward (tax.ts), holiday applied by year
 *   equity CF      = pre-tax CF − income tax + debt draw − interest − principal − construction interest paid by equity
 *   project after-tax CF = pre-tax CF − unlevered income tax, where the unlevered tax is computed the same way
 *                    without interest and without capitalised construction interest in the depreciable base (an
 *                    all-equity view; cf. the "adjusted income tax" of Chinese feasibility-study practice)
 *   CFADS          = pre-tax CF − (salvage − decommissioning) − income tax, in operating years
 * Capital spending and replacements are capitalised and depreciated straight line from the following operating year
 * (replacements over the shorter of the tax life and the remaining years); the book value left at the end of life is
 * written off against the salvage value.
 */
import { checkChoice, checkNumber, checkSeries, defined, FinanceInputError, RANGES } from './check.js';
import { SECONDS_PER_YEAR } from './conventions.js';
import { checkDebt, debtSchedule, dscr, type DebtTerms } from './debt.js';
import { levelisedCost, type LevelisedCost, type LevelisedStreams } from './levelised.js';
import { irr, npv, payback, type IrrOptions, type IrrResult, type Payback } from './money.js';
import {
  carryLossesForward,
  checkTax,
  incomeTaxRateInYear,
  resolveTax,
  straightLine,
  surchargeRate,
  vatLedger,
  type SurchargeRates,
  type TaxHoliday,
  type TaxSettings,
} from './tax.js';

export interface RevenueStream {
  readonly name: string;
  /** Revenue per operating year, VAT-exclusive; money. */
  readonly amounts: ArrayLike<number>;
  /** Output VAT rate when it differs from tax.vatRate; fraction. */
  readonly vatRate?: number;
}

export interface CostStream {
  readonly name: string;
  /** Cost per operating year, VAT-exclusive (insurance, land lease, staff, …); money. */
  readonly amounts: ArrayLike<number>;
  /** Creditable input VAT on it; fraction (default 0). */
  readonly inputVatRate?: number;
}

export interface Replacement {
  /** Operating year (1 … N) in whose cash flow the replacement is paid; integer. */
  readonly operatingYear: number;
  /** VAT-exclusive cost; money. */
  readonly cost: number;
}

export interface EndOfLife {
  /** Decommissioning cost; money. */
  readonly decommissioningCost: number;
  /** Salvage (end-of-life) value received; money. */
  readonly salvageValue: number;
  /** In the last operating year (t = C + N) or the year after it (t = C + N + 1, as Schmidt et al.). */
  readonly timing: 'lastOperatingYear' | 'yearAfter';
}

export type TaxOverrides = Partial<Omit<TaxSettings, 'surchargeRates' | 'holiday'>> & {
  readonly surchargeRates?: Partial<SurchargeRates>;
  readonly holiday?: Partial<TaxHoliday>;
};

export interface ProjectFinanceInputs {
  /** Construction years C before the first operating year; integer (0: capex at t = 0, operation from t = 1). */
  readonly constructionYears: number;
  /** Operating years N; integer. */
  readonly operatingYears: number;
  /** Discount rate for project NPV, discounted payback and LCOS; fraction per year. */
  readonly discountRate: number;
  /** Discount rate for equity NPV (cost of equity); fraction per year. Default: discountRate. */
  readonly equityDiscountRate?: number;
  readonly capex: {
    /** Capital cost, VAT-exclusive; money. */
    readonly total: number;
    /** Share spent at t = 0 … max(C, 1) − 1; fractions summing to 1. */
    readonly schedule: readonly number[];
  };
  /** Rated power, the basis of fixed O&M; W. */
  readonly ratedPower: number;
  readonly operation: {
    /** Energy discharged per operating year; J. */
    readonly energyDischarged: ArrayLike<number>;
    /** Cost of charging electricity per operating year, VAT-exclusive (may be negative at negative prices); money. */
    readonly chargingCost: ArrayLike<number>;
    readonly revenues: readonly RevenueStream[];
  };
  readonly om: {
    /** Fixed O&M per rated power and time (e.g. "30 yuan/(kW yr)" in SI); money/(W s). */
    readonly fixed: number;
    /** Variable O&M per discharged energy; money/J. */
    readonly variable: number;
    /** Escalation of fixed and variable O&M from operating year 1; fraction per year. Default 0. */
    readonly escalation?: number;
    readonly other?: readonly CostStream[];
  };
  readonly replacements?: readonly Replacement[];
  readonly endOfLife?: Partial<EndOfLife>;
  /** Overrides of the China tax defaults (tax.ts). */
  readonly tax?: TaxOverrides;
  /** Term debt, or null/absent for an all-equity project. */
  readonly debt?: DebtTerms | null;
  /** IRR search options for all three IRRs. */
  readonly irr?: Partial<IrrOptions>;
}

export const PROJECT_DEFAULTS = {
  endOfLife: { decommissioningCost: 0, salvageValue: 0, timing: 'yearAfter' } satisfies EndOfLife,
  omEscalation: 0,
} as const;

export const END_OF_LIFE_TIMINGS = ['lastOperatingYear', 'yearAfter'] as const;

/** The cash-flow table: one slot per year t = 0 … T − 1; money unless stated. */
export interface CashFlowTable {
  /** Year index t. */
  readonly year: Int32Array;
  /** Operating year n (1 … N) in operating years, 0 otherwise. */
  readonly operatingYear: Int32Array;
  /** J. */
  readonly energyDischarged: Float64Array;
  readonly revenue: Float64Array;
  readonly chargingCost: Float64Array;
  readonly omFixed: Float64Array;
  readonly omVariable: Float64Array;
  readonly otherCosts: Float64Array;
  readonly capex: Float64Array;
  readonly replacement: Float64Array;
  readonly decommissioning: Float64Array;
  readonly salvage: Float64Array;
  readonly vatOutput: Float64Array;
  readonly vatInput: Float64Array;
  readonly vatPaid: Float64Array;
  /** Input-VAT credit carried forward at year end. */
  readonly vatCredit: Float64Array;
  readonly surcharges: Float64Array;
  /** revenue − charging − O&M − other − surcharges. */
  readonly ebitda: Float64Array;
  readonly depreciation: Float64Array;
  /** Book value written off at the end of life. */
  readonly writeOff: Float64Array;
  readonly interest: Float64Array;
  /** Taxable income before losses brought forward (negative = loss). */
  readonly taxableIncome: Float64Array;
  readonly lossUsed: Float64Array;
  readonly incomeTax: Float64Array;
  readonly unleveredIncomeTax: Float64Array;
  readonly debtDraw: Float64Array;
  readonly interestCapitalised: Float64Array;
  readonly interestPaidByEquity: Float64Array;
  readonly principal: Float64Array;
  readonly debtService: Float64Array;
  readonly debtBalance: Float64Array;
  readonly cfads: Float64Array;
  readonly projectCashFlowPreTax: Float64Array;
  readonly projectCashFlowAfterTax: Float64Array;
  readonly equityCashFlow: Float64Array;
}

export interface CashFlowModel {
  readonly table: CashFlowTable;
  /** Pre-tax, pre-finance cost streams for the LCOS. */
  readonly streams: LevelisedStreams;
  readonly tax: TaxSettings;
  readonly endOfLife: EndOfLife;
  /** Debt outstanding at the start of operation (draws plus capitalised interest); money. */
  readonly debtAmount: number;
  /** Equity put in during construction; money. */
  readonly equityInvested: number;
}

export interface ProjectSummary {
  readonly npvProjectPreTax: number;
  readonly npvProjectAfterTax: number;
  readonly npvEquity: number;
  readonly irrProjectPreTax: IrrResult;
  readonly irrProjectAfterTax: IrrResult;
  readonly irrEquity: IrrResult;
  /** Simple payback of the after-tax project cash flow; years from t = 0. */
  readonly payback: Payback;
  /** Discounted (at discountRate) payback of the after-tax project cash flow; years from t = 0. */
  readonly discountedPayback: Payback;
  readonly minDscr: { readonly value: number; readonly year: number } | null;
  readonly dscrByYear: readonly (number | null)[];
  /**
   * Pre-tax LCOS at discountRate (Schmidt convention on this time line); money/J and components. Null when the
   * project discharges no energy (a plant that rightly does nothing, e.g. at constant prices): cost per energy is
   * then undefined, and the rest of the summary still holds.
   */
  readonly lcos: LevelisedCost | null;
  readonly debtAmount: number;
  readonly equityInvested: number;
}

export interface ProjectResult extends CashFlowModel {
  readonly summary: ProjectSummary;
}

/** Checks every input; throws a FinanceInputError naming the first bad field, its value and the valid range. */
export function checkProject(p: ProjectFinanceInputs): void {
  checkNumber('constructionYears', p.constructionYears, { min: 0, max: 20, integer: true });
  checkNumber('operatingYears', p.operatingYears, { min: 1, max: 100, integer: true });
  const N = p.operatingYears;
  checkNumber('discountRate', p.discountRate, RANGES.rate);
  if (p.equityDiscountRate !== undefined) checkNumber('equityDiscountRate', p.equityDiscountRate, RANGES.rate);
  if (!p.capex) throw new FinanceInputError('capex', p.capex, 'an object with total and schedule');
  checkNumber('capex.total', p.capex.total, RANGES.nonNegative);
  const slots = Math.max(p.constructionYears, 1);
  checkSeries('capex.schedule', p.capex.schedule ?? [], slots, RANGES.fraction);
  let sum = 0;
  for (const f of p.capex.schedule) sum += f;
  if (Math.abs(sum - 1) > 1e-9) throw new FinanceInputError('capex.schedule', [...p.capex.schedule], `${slots} fractions summing to 1`, `they sum to ${sum}`);
  checkNumber('ratedPower', p.ratedPower, RANGES.nonNegative);
  if (!p.operation) throw new FinanceInputError('operation', p.operation, 'an object with energyDischarged, chargingCost and revenues');
  checkSeries('operation.energyDischarged', p.operation.energyDischarged, N, RANGES.nonNegative);
  checkSeries('operation.chargingCost', p.operation.chargingCost, N, RANGES.finite);
  if (!Array.isArray(p.operation.revenues)) throw new FinanceInputError('operation.revenues', p.operation.revenues, 'a list of revenue streams');
  p.operation.revenues.forEach((r, i) => {
    checkSeries(`operation.revenues[${i}].amounts`, r.amounts, N, RANGES.finite);
    if (r.vatRate !== undefined) checkNumber(`operation.revenues[${i}].vatRate`, r.vatRate, RANGES.fraction);
  });
  if (!p.om) throw new FinanceInputError('om', p.om, 'an object with fixed and variable O&M');
  checkNumber('om.fixed', p.om.fixed, RANGES.nonNegative);
  checkNumber('om.variable', p.om.variable, RANGES.nonNegative);
  if (p.om.escalation !== undefined) checkNumber('om.escalation', p.om.escalation, RANGES.escalation);
  (p.om.other ?? []).forEach((c, i) => {
    checkSeries(`om.other[${i}].amounts`, c.amounts, N, RANGES.finite);
    if (c.inputVatRate !== undefined) checkNumber(`om.other[${i}].inputVatRate`, c.inputVatRate, RANGES.fraction);
  });
  (p.replacements ?? []).forEach((r, i) => {
    checkNumber(`replacements[${i}].operatingYear`, r.operatingYear, { min: 1, max: N, integer: true });
    checkNumber(`replacements[${i}].cost`, r.cost, RANGES.nonNegative);
  });
  const eol = { ...PROJECT_DEFAULTS.endOfLife, ...defined(p.endOfLife) };
  checkNumber('endOfLife.decommissioningCost', eol.decommissioningCost, RANGES.nonNegative);
  checkNumber('endOfLife.salvageValue', eol.salvageValue, RANGES.nonNegative);
  checkChoice('endOfLife.timing', eol.timing, END_OF_LIFE_TIMINGS);
  checkTax(resolveTax(p.tax), 'tax', N);
  if (p.debt) checkDebt(p.debt, N);
}

/** Adds per-operating-year streams into timeline slots C + 1 … C + N, and their VAT at each stream's rate. */
function addStreams(C: number, streams: readonly { readonly amounts: ArrayLike<number> }[], rate: (i: number) => number, into: Float64Array, vat: Float64Array): void {
  streams.forEach((s, i) => {
    const r = rate(i);
    for (let n = 0; n < s.amounts.length; n++) {
      into[C + 1 + n] += s.amounts[n];
      vat[C + 1 + n] += s.amounts[n] * r;
    }
  });
}

/** Builds the cash-flow table without the summary metrics (the inner loop of LCOS solves and Monte Carlo). */
export function buildCashFlows(p: ProjectFinanceInputs): CashFlowModel {
  checkProject(p);
  const tax = resolveTax(p.tax);
  const eol: EndOfLife = { ...PROJECT_DEFAULTS.endOfLife, ...defined(p.endOfLife) };
  const C = p.constructionYears;
  const N = p.operatingYears;
  const tEol = eol.timing === 'yearAfter' ? C + N + 1 : C + N;
  const T = tEol + 1;
  const col = () => new Float64Array(T);

  const year = new Int32Array(T);
  const operatingYear = new Int32Array(T);
  for (let t = 0; t < T; t++) {
    year[t] = t;
    operatingYear[t] = t > C && t <= C + N ? t - C : 0;
  }

  const capex = col();
  p.capex.schedule.forEach((f, j) => (capex[j] += f * p.capex.total));

  const energyDischarged = col();
  const revenue = col();
  const vatOutput = col();
  const chargingCost = col();
  const omFixed = col();
  const omVariable = col();
  const otherCosts = col();
  const vatInput = col();
  const replacement = col();
  const decommissioning = col();
  const salvage = col();
  const escalation = p.om.escalation ?? PROJECT_DEFAULTS.omEscalation;
  const fixedPerYear = p.om.fixed * p.ratedPower * SECONDS_PER_YEAR;
  for (let n = 1; n <= N; n++) {
    const t = C + n;
    const esc = Math.pow(1 + escalation, n - 1);
    energyDischarged[t] = p.operation.energyDischarged[n - 1];
    chargingCost[t] = p.operation.chargingCost[n - 1];
    omFixed[t] = fixedPerYear * esc;
    omVariable[t] = p.om.variable * energyDischarged[t] * esc;
  }
  addStreams(C, p.operation.revenues, (i) => p.operation.revenues[i].vatRate ?? tax.vatRate, revenue, vatOutput);
  const other = p.om.other ?? [];
  addStreams(C, other, (i) => other[i].inputVatRate ?? 0, otherCosts, vatInput);
  for (const r of p.replacements ?? []) replacement[C + r.operatingYear] += r.cost;
  decommissioning[tEol] = eol.decommissioningCost;
  salvage[tEol] = eol.salvageValue;
  for (let t = 0; t < T; t++) {
    vatInput[t] +=
      (capex[t] + replacement[t]) * tax.capexInputVatRate +
      chargingCost[t] * tax.chargingInputVatRate +
      (omFixed[t] + omVariable[t]) * tax.omInputVatRate;
  }
  const { paid: vatPaid, credit: vatCredit } = vatLedger(vatOutput, vatInput);
  const surcharges = col();
  const sRate = surchargeRate(tax);
  for (let t = 0; t < T; t++) surcharges[t] = vatPaid[t] * sRate;

  // Debt
  const spendingWithVat = col();
  for (let t = 0; t < T; t++) spendingWithVat[t] = capex[t] * (1 + tax.capexInputVatRate);
  const debt = p.debt
    ? debtSchedule(p.debt, spendingWithVat, C, N)
    : { draw: col(), interestCapitalised: col(), interestPaidByEquity: col(), interest: col(), principal: col(), balance: col(), service: col(), amountAtCommissioning: 0 };
  let idc = 0;
  for (let t = 0; t < T; t++) idc += debt.interestCapitalised[t];

  // Depreciation: only operating-year slots C + 1 … C + N are charged.
  const opEnd = C + N + 1;
  const depUnlevered = new Float64Array(opEnd);
  straightLine(p.capex.total, tax.depreciationYears, tax.residualFraction, C + 1, opEnd, depUnlevered);
  let baseUnlevered = p.capex.total;
  for (const r of p.replacements ?? []) {
    const life = Math.min(tax.depreciationYears, N - r.operatingYear);
    if (life > 0) straightLine(r.cost, life, tax.residualFraction, C + r.operatingYear + 1, opEnd, depUnlevered);
    baseUnlevered += r.cost;
  }
  const depIdc = straightLine(idc, tax.depreciationYears, tax.residualFraction, C + 1, opEnd);
  const depreciation = col();
  const depreciationUnlevered = col();
  let chargedLevered = 0;
  let chargedUnlevered = 0;
  for (let t = 0; t < opEnd; t++) {
    depreciationUnlevered[t] = depUnlevered[t];
    depreciation[t] = depUnlevered[t] + depIdc[t];
    chargedLevered += depreciation[t];
    chargedUnlevered += depreciationUnlevered[t];
  }
  const writeOff = col();
  writeOff[tEol] = baseUnlevered + idc - chargedLevered;
  const writeOffUnlevered = baseUnlevered - chargedUnlevered;

  const ebitda = col();
  const taxableIncome = col();
  const taxableUnlevered = col();
  for (let t = 0; t < T; t++) {
    ebitda[t] = revenue[t] - chargingCost[t] - omFixed[t] - omVariable[t] - otherCosts[t] - surcharges[t];
    const eolResult = salvage[t] - decommissioning[t];
    taxableIncome[t] = ebitda[t] - depreciation[t] - debt.interest[t] + eolResult - writeOff[t];
    taxableUnlevered[t] = ebitda[t] - depreciationUnlevered[t] + eolResult - (t === tEol ? writeOffUnlevered : 0);
  }
  const levered = carryLossesForward(taxableIncome, tax.lossCarryForwardYears);
  const unlevered = carryLossesForward(taxableUnlevered, tax.lossCarryForwardYears);
  const incomeTax = col();
  const unleveredIncomeTax = col();
  for (let t = 0; t < T; t++) {
    const rate = incomeTaxRateInYear(tax, t - C);
    incomeTax[t] = rate * levered.taxable[t];
    unleveredIncomeTax[t] = rate * unlevered.taxable[t];
  }

  const projectCashFlowPreTax = col();
  const projectCashFlowAfterTax = col();
  const equityCashFlow = col();
  const cfads = col();
  let equityInvested = 0;
  for (let t = 0; t < T; t++) {
    const pre =
      ebitda[t] - capex[t] - replacement[t] - decommissioning[t] + salvage[t] + vatOutput[t] - vatInput[t] - vatPaid[t];
    projectCashFlowPreTax[t] = pre;
    projectCashFlowAfterTax[t] = pre - unleveredIncomeTax[t];
    equityCashFlow[t] = pre - incomeTax[t] + debt.draw[t] - debt.interest[t] - debt.principal[t] - debt.interestPaidByEquity[t];
    if (operatingYear[t] > 0) cfads[t] = pre - (salvage[t] - decommissioning[t]) - incomeTax[t];
    if (t <= C) equityInvested -= equityCashFlow[t];
  }

  const table: CashFlowTable = {
    year,
    operatingYear,
    energyDischarged,
    revenue,
    chargingCost,
    omFixed,
    omVariable,
    otherCosts,
    capex,
    replacement,
    decommissioning,
    salvage,
    vatOutput,
    vatInput,
    vatPaid,
    vatCredit,
    surcharges,
    ebitda,
    depreciation,
    writeOff,
    interest: debt.interest,
    taxableIncome,
    lossUsed: levered.used,
    incomeTax,
    unleveredIncomeTax,
    debtDraw: debt.draw,
    interestCapitalised: debt.interestCapitalised,
    interestPaidByEquity: debt.interestPaidByEquity,
    principal: debt.principal,
    debtService: debt.service,
    debtBalance: debt.balance,
    cfads,
    projectCashFlowPreTax,
    projectCashFlowAfterTax,
    equityCashFlow,
  };
  const operating = col();
  const capital = col();
  const endOfLife = col();
  for (let t = 0; t < T; t++) {
    operating[t] = omFixed[t] + omVariable[t] + otherCosts[t];
    capital[t] = capex[t] + replacement[t];
    endOfLife[t] = decommissioning[t] - salvage[t];
  }
  return {
    table,
    streams: { capital, operating, charging: chargingCost, endOfLife, energyDischarged },
    tax,
    endOfLife: eol,
    debtAmount: debt.amountAtCommissioning,
    equityInvested,
  };
}

/** Builds the cash flows and every summary metric. */
export function evaluateProject(p: ProjectFinanceInputs): ProjectResult {
  const model = buildCashFlows(p);
  const t = model.table;
  const d = dscr(t.cfads, t.debtService);
  const summary: ProjectSummary = {
    npvProjectPreTax: npv(p.discountRate, t.projectCashFlowPreTax),
    npvProjectAfterTax: npv(p.discountRate, t.projectCashFlowAfterTax),
    npvEquity: npv(p.equityDiscountRate ?? p.discountRate, t.equityCashFlow),
    irrProjectPreTax: irr(t.projectCashFlowPreTax, p.irr),
    irrProjectAfterTax: irr(t.projectCashFlowAfterTax, p.irr),
    irrEquity: irr(t.equityCashFlow, p.irr),
    payback: payback(t.projectCashFlowAfterTax),
    discountedPayback: payback(t.projectCashFlowAfterTax, p.discountRate),
    minDscr: d.min,
    dscrByYear: d.byYear,
    lcos: npv(p.discountRate, model.streams.energyDischarged) > 0 ? levelisedCost(model.streams, p.discountRate) : null,
    debtAmount: model.debtAmount,
    equityInvested: model.equityInvested,
  };
  return { ...model, summary };
}
