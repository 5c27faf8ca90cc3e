/**
 * The finance section of a project file: one zod schema, quantities as strings with units parsed through
 * src/units ("8 %", "1200 yuan/kW", "30 yuan/(kW yr)", "25 years"), turned into ProjectFinanceInputs (SI inside).
 * Errors are field-level: a path such as `debt.rate` and a message naming the value and the valid range.
 *
 * Example (YAML):
 *
 *   currency: CNY
 *   discountRate: 8 %
 *   constructionYears: 1 year
 *   operatingYears: 20 years
 *   ratedPower: 100 MW
 *   capex:
 *     items:
 *       - { kind: perEnergy, name: battery system, energy: 400 MWh, unitCost: 600 yuan/kWh }
 *       - { kind: perPower, name: grid connection, power: 100 MW, unitCost: 150 yuan/kW }
 *       - { kind: fractionOfDirect, name: owner's costs and contingency, fraction: 8 % }
 *   operation:
 *     kind: parametric
 *     energyRated: 400 MWh
 *     cyclesPerYear: 330
 *     depthOfDischarge: 90 %
 *     roundTripEfficiency: 85 %
 *     timeDegradation: 1.5 %/yr
 *     cycleDegradation: 0.002 %
 *     chargingPrice: 250 yuan/MWh
 *     dischargePrice: 750 yuan/MWh
 *   om: { fixed: 30 yuan/(kW yr), variable: 5 yuan/MWh }
 *   debt: { fraction: 70 %, rate: 3.5 %, tenorYears: 15 years }
 *
 * Per-year series are either one quantity (the same every operating year) or `{ unit: MWh, values: [...] }`.
 * Money strings must be in the file's currency (a "USD" amount in a CNY file is an error, not a conversion).
 */
import { z } from 'zod';
import { parseQuantity, toSI, UnitError, type QuantityKind } from '../units/index.js';
import { CORRELATION_IDS, describeCorrelation, estimateCapex, heatExchangerArea, type CapexEstimate, type CapexItem, type CorrelationId } from './capex.js';
import { checkProject, END_OF_LIFE_TIMINGS, type ProjectFinanceInputs, type RevenueStream } from './cashflow.js';
import { checkNumber, FinanceInputError } from './check.js';
import { SECONDS_PER_YEAR } from './conventions.js';
import { CONSTRUCTION_INTEREST, DEBT_REPAYMENTS } from './debt.js';
import { FINANCE_KNOB_NAMES, FINANCE_METRIC_NAMES, type KnobDistribution, type KnobRange, type FinanceMetricName } from './knobs.js';
import { parametricOperation } from './operation.js';
import { checkDistribution, type Distribution } from './random.js';

type Ctx = z.core.$RefinementCtx;

/** The UnitError message without its "field: " prefix (zod carries the path). */
const detail = (e: UnitError) => e.message.replace(/^[^:]*: /, '');

function parsed<T>(ctx: Ctx, input: unknown, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof UnitError || e instanceof FinanceInputError) {
      const message = e instanceof UnitError ? detail(e) : `${JSON.stringify(input)} is not valid: expected ${e.range}`;
      ctx.addIssue({ code: 'custom', message, input });
      return z.NEVER;
    }
    throw e;
  }
}

const raw = z.union([z.string(), z.number()]);

/** A quantity of the given kind; a bare number is SI. */
const quantity = (kind: QuantityKind) => raw.transform((v, ctx) => parsed(ctx, v, () => parseQuantity(v, kind, '')));

/** A fraction: 0.08 or "8 %". */
const fraction = quantity('fraction');

/** A rate per year: "2 %" or 0.02 (read as per year) or "2 %/yr"; fraction per year. */
const perYear = raw.transform((v, ctx) =>
  parsed(ctx, v, () => (typeof v === 'string' && v.includes('/') ? parseQuantity(v, 'ratePerTime', '') * SECONDS_PER_YEAR : parseQuantity(v, 'fraction', ''))),
);

/** Whole years: 25 or "25 years" / "25 yr". */
const years = raw.transform((v, ctx) =>
  parsed(ctx, v, () => {
    // the units module knows "year" and "yr"; plurals are accepted here
    const y = typeof v === 'number' || /^\s*\d+\s*$/.test(v) ? Number(v) : parseQuantity(v.replace(/\b(year|yr)s\b/, '$1'), 'time', '') / SECONDS_PER_YEAR;
    const rounded = Math.round(y);
    if (Math.abs(y - rounded) > 1e-9) throw new FinanceInputError('years', v, 'a whole number of years');
    return rounded;
  }),
);

const money = quantity('money');

type Series = { readonly constant: number } | Float64Array;

/** One quantity for every operating year, or `{ unit, values }`. */
const series = (kind: QuantityKind) =>
  z.union([
    raw.transform((v, ctx): Series => ({ constant: parsed(ctx, v, () => parseQuantity(v, kind, '')) })),
    z.object({ unit: z.string(), values: z.array(z.number()) }).strict().transform((s, ctx): Series => parsed(ctx, s.unit, () => Float64Array.from(s.values, (x) => toSI(x, s.unit, kind, '')))),
  ]);

const expand = (s: Series, n: number): Float64Array => (s instanceof Float64Array ? s : new Float64Array(n).fill(s.constant));

const correlationItem = z
  .object({
    kind: z.literal('correlation'),
    name: z.string(),
    correlation: z.enum(CORRELATION_IDS as [CorrelationId, ...CorrelationId[]]),
    size: raw.optional(),
    duty: quantity('power').optional(),
    overallU: quantity('heatTransferCoefficient').optional(),
    lmtd: quantity('temperatureDifference').optional(),
    installFactor: z.number(),
    parallelUnits: z.boolean().optional(),
  })
  .strict()
  .transform((it, ctx): CapexItem => {
    const c = describeCorrelation(it.correlation);
    let size: number;
    if (it.size !== undefined) {
      size = parsed(ctx, it.size, () => parseQuantity(it.size!, c.sizeKind, ''));
    } else if (c.sizeKind === 'area' && it.duty !== undefined && it.overallU !== undefined && it.lmtd !== undefined) {
      size = heatExchangerArea(it.duty, it.overallU, it.lmtd);
    } else {
      ctx.addIssue({ code: 'custom', path: ['size'], message: `required: the ${c.sizeVariable}${c.sizeKind === 'area' ? ', or duty, overallU and lmtd' : ''}`, input: it.size });
      return z.NEVER;
    }
    return { kind: 'correlation', name: it.name, correlation: it.correlation, size, installFactor: it.installFactor, parallelUnits: it.parallelUnits };
  });

const capexItem = z.union([
  correlationItem,
  z.object({ kind: z.literal('perPower'), name: z.string(), power: quantity('power'), unitCost: quantity('pricePerPower') }).strict(),
  z.object({ kind: z.literal('perEnergy'), name: z.string(), energy: quantity('energy'), unitCost: quantity('pricePerEnergy') }).strict(),
  z.object({ kind: z.literal('perMass'), name: z.string(), mass: quantity('mass'), unitCost: quantity('pricePerMass') }).strict(),
  z.object({ kind: z.literal('perVolume'), name: z.string(), volume: quantity('volume'), unitCost: quantity('pricePerVolume') }).strict(),
  z.object({ kind: z.literal('lumpSum'), name: z.string(), amount: money }).strict(),
  z.object({ kind: z.literal('fractionOfDirect'), name: z.string(), fraction }).strict(),
]);

const revenue = z.object({ name: z.string(), amounts: series('money'), vatRate: fraction.optional() }).strict();

const parametric = z
  .object({
    kind: z.literal('parametric'),
    energyRated: quantity('energy'),
    cyclesPerYear: z.number(),
    depthOfDischarge: fraction,
    roundTripEfficiency: fraction,
    timeDegradation: perYear.default(0),
    cycleDegradation: fraction.default(0),
    chargingPrice: quantity('pricePerEnergy'),
    dischargePrice: quantity('pricePerEnergy').optional(),
    revenues: z.array(revenue).default([]),
  })
  .strict();

const seriesOperation = z
  .object({
    kind: z.literal('series'),
    energyDischarged: series('energy'),
    chargingCost: series('money'),
    revenues: z.array(revenue).default([]),
  })
  .strict();

const distribution = z.union([
  z.object({ kind: z.literal('uniform'), min: fraction, max: fraction }).strict(),
  z.object({ kind: z.literal('triangular'), min: fraction, mode: fraction, max: fraction }).strict(),
  z.object({ kind: z.literal('normal'), mean: fraction, sd: fraction, min: fraction.optional(), max: fraction.optional() }).strict(),
  z.object({ kind: z.literal('lognormal'), mean: fraction, sd: fraction }).strict(),
  z.object({ kind: z.literal('pert'), min: fraction, mode: fraction, max: fraction }).strict(),
]);

const knobName = z.enum(FINANCE_KNOB_NAMES as [string, ...string[]]);

export const FinanceSectionSchema = z
  .object({
    currency: z.enum(['CNY', 'USD', 'EUR']).default('CNY'),
    discountRate: perYear,
    equityDiscountRate: perYear.optional(),
    constructionYears: years.default(0),
    operatingYears: years,
    ratedPower: quantity('power'),
    capex: z
      .object({
        items: z.array(capexItem),
        restatement: z
          .object({ indexName: z.string(), indexValue: z.number(), exchangeRate: z.number(), locationFactor: z.number().default(1) })
          .strict()
          .optional(),
        schedule: z.array(fraction).optional(),
      })
      .strict(),
    operation: z.union([parametric, seriesOperation]),
    om: z
      .object({
        fixed: quantity('pricePerPowerTime').default(0),
        variable: quantity('pricePerEnergy').default(0),
        escalation: perYear.optional(),
        other: z.array(z.object({ name: z.string(), amounts: series('money'), inputVatRate: fraction.optional() }).strict()).default([]),
      })
      .strict()
      .default({ fixed: 0, variable: 0, other: [] }),
    replacements: z.array(z.object({ operatingYear: years, cost: money }).strict()).default([]),
    endOfLife: z
      .object({ decommissioningCost: money.optional(), salvageValue: money.optional(), timing: z.enum(END_OF_LIFE_TIMINGS).optional() })
      .strict()
      .optional(),
    tax: z
      .object({
        incomeTaxRate: fraction.optional(),
        lossCarryForwardYears: years.optional(),
        vatRate: fraction.optional(),
        capexInputVatRate: fraction.optional(),
        chargingInputVatRate: fraction.optional(),
        omInputVatRate: fraction.optional(),
        surchargeRates: z.object({ urbanMaintenance: fraction.optional(), education: fraction.optional(), localEducation: fraction.optional() }).strict().optional(),
        depreciationYears: years.optional(),
        residualFraction: fraction.optional(),
        holiday: z.object({ exemptYears: years.optional(), halfRateYears: years.optional() }).strict().optional(),
      })
      .strict()
      .optional(),
    debt: z
      .object({
        fraction,
        rate: perYear,
        tenorYears: years,
        graceYears: years.default(0),
        repayment: z.enum(DEBT_REPAYMENTS).default('annuity'),
        constructionInterest: z.enum(CONSTRUCTION_INTEREST).default('capitalise'),
      })
      .strict()
      .nullable()
      .optional(),
    /**
     * The benchmarks of the Chinese method (建设项目经济评价方法与参数, cn-evaluation.ts): the benchmark rate i_c
     * (default: discountRate), the benchmark payback and the equity benchmark rate, for the pass/fail judgements.
     */
    benchmark: z.object({ rate: perYear.optional(), paybackYears: years.optional(), equityRate: perYear.optional() }).strict().optional(),
    sensitivity: z
      .object({
        metric: z.enum(FINANCE_METRIC_NAMES as [string, ...string[]]).default('npv'),
        variables: z.array(z.object({ knob: knobName, low: fraction, high: fraction }).strict()),
      })
      .strict()
      .optional(),
    monteCarlo: z
      .object({
        draws: z.number().int().min(1).max(1e8).default(1000),
        seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
        variables: z.array(z.object({ knob: knobName, distribution }).strict()),
      })
      .strict()
      .optional(),
  })
  .strict()
  .transform((f, ctx) => {
    try {
      return build(f);
    } catch (e) {
      if (e instanceof FinanceInputError) {
        ctx.addIssue({ code: 'custom', path: pathOf(e.field), message: e.message, input: e.value });
        return z.NEVER;
      }
      throw e;
    }
  });

/** A field name such as `capex.items[2].size` as a zod path. */
function pathOf(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of field.split(/[.[\]]/)) if (part !== '') out.push(/^\d+$/.test(part) ? Number(part) : part);
  return out;
}

/** The finance section as written in a project file (before parsing). */
export type FinanceSectionInput = z.input<typeof FinanceSectionSchema>;

/** What a parsed finance section gives: model inputs, the capex estimate, and the analyses asked for. */
export interface FinanceSection {
  readonly currency: 'CNY' | 'USD' | 'EUR';
  readonly inputs: ProjectFinanceInputs;
  readonly capex: CapexEstimate;
  readonly sensitivity?: { readonly metric: FinanceMetricName; readonly variables: readonly KnobRange[] };
  readonly monteCarlo?: { readonly draws: number; readonly seed: number; readonly variables: readonly KnobDistribution[] };
  /** Benchmarks of the Chinese method: i_c (fraction per year), payback (years), the equity benchmark rate. */
  readonly benchmark: { readonly rate: number; readonly paybackYears?: number; readonly equityRate?: number };
}

function build(f: {
  currency: 'CNY' | 'USD' | 'EUR';
  discountRate: number;
  equityDiscountRate?: number;
  constructionYears: number;
  operatingYears: number;
  ratedPower: number;
  capex: { items: CapexItem[]; restatement?: { indexName: string; indexValue: number; exchangeRate: number; locationFactor: number }; schedule?: number[] };
  operation:
    | { kind: 'parametric'; energyRated: number; cyclesPerYear: number; depthOfDischarge: number; roundTripEfficiency: number; timeDegradation: number; cycleDegradation: number; chargingPrice: number; dischargePrice?: number; revenues: { name: string; amounts: Series; vatRate?: number }[] }
    | { kind: 'series'; energyDischarged: Series; chargingCost: Series; revenues: { name: string; amounts: Series; vatRate?: number }[] };
  om: { fixed: number; variable: number; escalation?: number; other: { name: string; amounts: Series; inputVatRate?: number }[] };
  replacements: { operatingYear: number; cost: number }[];
  endOfLife?: { decommissioningCost?: number; salvageValue?: number; timing?: 'lastOperatingYear' | 'yearAfter' };
  tax?: ProjectFinanceInputs['tax'];
  debt?: ProjectFinanceInputs['debt'];
  sensitivity?: { metric: string; variables: { knob: string; low: number; high: number }[] };
  monteCarlo?: { draws: number; seed: number; variables: { knob: string; distribution: Distribution }[] };
  benchmark?: { rate?: number; paybackYears?: number; equityRate?: number };
}): FinanceSection {
  // the time line first: series are expanded to N years below (a negative N threw a RangeError, a huge one took gigabytes)
  checkNumber('constructionYears', f.constructionYears, { min: 0, max: 20, integer: true });
  checkNumber('operatingYears', f.operatingYears, { min: 1, max: 100, integer: true });
  const N = f.operatingYears;
  const capex = estimateCapex({ items: f.capex.items, restatement: f.capex.restatement });
  const slots = Math.max(f.constructionYears, 1);
  const schedule = f.capex.schedule ?? new Array<number>(slots).fill(1 / slots);
  const revenues = (list: { name: string; amounts: Series; vatRate?: number }[]): RevenueStream[] =>
    list.map((r) => ({ name: r.name, amounts: expand(r.amounts, N), ...(r.vatRate !== undefined ? { vatRate: r.vatRate } : {}) }));
  let operation: ProjectFinanceInputs['operation'];
  if (f.operation.kind === 'parametric') {
    const o = f.operation;
    const s = parametricOperation({ ...o, operatingYears: N });
    const sales: RevenueStream[] = o.dischargePrice !== undefined ? [{ name: 'energy sales', amounts: s.energyDischarged.map((e) => e * o.dischargePrice!) }] : [];
    operation = { energyDischarged: s.energyDischarged, chargingCost: s.chargingCost, revenues: [...sales, ...revenues(o.revenues)] };
  } else {
    operation = { energyDischarged: expand(f.operation.energyDischarged, N), chargingCost: expand(f.operation.chargingCost, N), revenues: revenues(f.operation.revenues) };
  }
  const inputs: ProjectFinanceInputs = {
    constructionYears: f.constructionYears,
    operatingYears: N,
    discountRate: f.discountRate,
    ...(f.equityDiscountRate !== undefined ? { equityDiscountRate: f.equityDiscountRate } : {}),
    capex: { total: capex.total, schedule },
    ratedPower: f.ratedPower,
    operation,
    om: {
      fixed: f.om.fixed,
      variable: f.om.variable,
      ...(f.om.escalation !== undefined ? { escalation: f.om.escalation } : {}),
      other: f.om.other.map((c) => ({ name: c.name, amounts: expand(c.amounts, N), ...(c.inputVatRate !== undefined ? { inputVatRate: c.inputVatRate } : {}) })),
    },
    replacements: f.replacements,
    endOfLife: f.endOfLife ?? {},
    tax: f.tax ?? {},
    debt: f.debt ?? null,
  };
  checkProject(inputs);
  const benchmark = {
    rate: f.benchmark?.rate ?? f.discountRate,
    ...(f.benchmark?.paybackYears !== undefined ? { paybackYears: f.benchmark.paybackYears } : {}),
    ...(f.benchmark?.equityRate !== undefined ? { equityRate: f.benchmark.equityRate } : {}),
  };
  const out: FinanceSection = { currency: f.currency, inputs, capex, benchmark };
  if (f.monteCarlo) f.monteCarlo.variables.forEach((v, i) => checkDistribution(v.distribution, `monteCarlo.variables[${i}].distribution`));
  return {
    ...out,
    ...(f.sensitivity ? { sensitivity: { metric: f.sensitivity.metric as FinanceMetricName, variables: f.sensitivity.variables as KnobRange[] } } : {}),
    ...(f.monteCarlo ? { monteCarlo: { draws: f.monteCarlo.draws, seed: f.monteCarlo.seed, variables: f.monteCarlo.variables as KnobDistribution[] } } : {}),
  };
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  yuan: 'CNY',
  CNY: 'CNY',
  RMB: 'CNY',
  '¥': 'CNY',
  元: 'CNY',
  USD: 'USD',
  $: 'USD',
  EUR: 'EUR',
  '€': 'EUR',
};
const CURRENCY_RE = /(yuan|CNY|RMB|USD|EUR|[¥元$€])/g;

/** Every money string whose currency differs from the file's; path and message. */
function currencyIssues(value: unknown, currency: string, path: (string | number)[], out: FinanceIssue[]): void {
  if (typeof value === 'string') {
    for (const m of value.matchAll(CURRENCY_RE)) {
      const c = CURRENCY_SYMBOLS[m[1]];
      if (c !== currency) {
        out.push({ field: fieldOf(path), message: `${fieldOf(path)} = "${value}" is in ${c}, but the file's currency is ${currency}; convert it first` });
        return;
      }
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => currencyIssues(v, currency, [...path, i], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'name') currencyIssues(v, currency, [...path, k], out);
  }
}

const fieldOf = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');

export interface FinanceIssue {
  /** Path of the field, e.g. `debt.rate`. */
  readonly field: string;
  /** Names the field, the value and what is valid. */
  readonly message: string;
}

export type FinanceParse = { readonly ok: true; readonly value: FinanceSection } | { readonly ok: false; readonly issues: readonly FinanceIssue[] };

/** Parses the finance section of a project file (already read from YAML/JSON); never throws for bad input. */
export function parseFinanceSection(input: unknown): FinanceParse {
  const issues: FinanceIssue[] = [];
  if (input && typeof input === 'object') {
    const currency = (input as { currency?: unknown }).currency;
    currencyIssues(input, typeof currency === 'string' ? currency : 'CNY', [], issues);
  }
  const r = FinanceSectionSchema.safeParse(input);
  if (!r.success) {
    for (const i of r.error.issues) {
      const field = fieldOf(i.path);
      const message = field && i.message.startsWith(field) ? i.message : `${field || 'finance'}: ${i.message}`;
      issues.push({ field, message });
    }
  }
  if (issues.length > 0 || !r.success) return { ok: false, issues };
  return { ok: true, value: r.data };
}
