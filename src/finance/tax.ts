/**
 * Taxes of a project sited in the People's Republic of China, every rate overridable: corporate income tax with
 * loss carry-forward and an optional tax holiday, VAT with input credit carried forward, the surcharges levied on
 * VAT paid, and straight-line tax depreciation.
 *
 * Every default below names the law or regulation it comes from (CHINA_TAX_SOURCES). They were taken from the
 * texts as the project understands them, not checked by a tax adviser; project-specific incentives (e.g. western
 * development 15 %, high-tech 15 %) are not defaults and must be set by the user.
 */
import { checkNumber, defined, RANGES } from './check.js';

export interface SurchargeRates {
  /** Urban maintenance and construction tax (城市维护建设税), fraction of VAT paid. */
  readonly urbanMaintenance: number;
  /** Education surcharge (教育费附加), fraction of VAT paid. */
  readonly education: number;
  /** Local education surcharge (地方教育附加), fraction of VAT paid. */
  readonly localEducation: number;
}

export interface TaxHoliday {
  /** Operating years (from the first) with no income tax; integer. */
  readonly exemptYears: number;
  /** Following operating years at half the income-tax rate; integer. */
  readonly halfRateYears: number;
}

export interface TaxSettings {
  /** Corporate income tax rate; fraction of taxable income. */
  readonly incomeTaxRate: number;
  /** Years a tax loss may be carried forward; integer. */
  readonly lossCarryForwardYears: number;
  /** Output VAT on energy sales and other revenues unless a revenue item says otherwise; fraction. */
  readonly vatRate: number;
  /** Input VAT on capital spending and replacements (credited); fraction. */
  readonly capexInputVatRate: number;
  /** Input VAT on purchased charging electricity (credited); fraction. */
  readonly chargingInputVatRate: number;
  /** Input VAT on O&M (credited); fraction. 0 by default: set it when O&M invoices carry deductible VAT. */
  readonly omInputVatRate: number;
  readonly surchargeRates: SurchargeRates;
  /** Tax depreciation life of the plant; integer years. */
  readonly depreciationYears: number;
  /** Residual value left undepreciated; fraction of the depreciable base. */
  readonly residualFraction: number;
  readonly holiday: TaxHoliday;
}

export const CHINA_TAX_DEFAULTS: TaxSettings = {
  incomeTaxRate: 0.25,
  lossCarryForwardYears: 5,
  vatRate: 0.13,
  capexInputVatRate: 0.13,
  chargingInputVatRate: 0.13,
  omInputVatRate: 0,
  surchargeRates: { urbanMaintenance: 0.07, education: 0.03, localEducation: 0.02 },
  depreciationYears: 10,
  residualFraction: 0.05,
  holiday: { exemptYears: 0, halfRateYears: 0 },
};

/** Where each default comes from, for reports and the UI. */
export const CHINA_TAX_SOURCES: Readonly<Record<keyof TaxSettings, string>> = {
  incomeTaxRate: 'Enterprise Income Tax Law of the PRC (企业所得税法, 2007, amended 2018), Art. 4: 25 %',
  lossCarryForwardYears: 'Enterprise Income Tax Law, Art. 18: losses carried forward for at most five years',
  vatRate:
    'VAT Law of the PRC (增值税法, adopted 2024-12-25, in force 2026-01-01), Art. 10: 13 % on sales of goods, electricity ' +
    'included; the same rate since 2019-04-01 under MOF/STA/GACC Announcement 2019 No. 39',
  capexInputVatRate:
    '13 % on equipment (as vatRate); input VAT on fixed assets is creditable since the 2009 VAT reform; construction ' +
    'services carry 9 % — set a blended rate if the capex includes civil works',
  chargingInputVatRate: '13 % on purchased electricity (as vatRate)',
  omInputVatRate: 'project assumption: 0 (no creditable VAT on O&M) unless the user sets it',
  surchargeRates:
    'Urban Maintenance and Construction Tax Law (城市维护建设税法, in force 2021-09-01), Art. 4: 7 % in cities ' +
    '(5 % county towns, 1 % elsewhere); education surcharge 3 % (State Council, 征收教育费附加的暂行规定, as amended ' +
    '2005); local education surcharge 2 % (MOF 财综〔2010〕98号); all on VAT paid',
  depreciationYears:
    'Regulations for the Implementation of the Enterprise Income Tax Law (实施条例, 2007), Art. 60: minimum 10 years ' +
    'for machinery and production equipment (20 for buildings); straight line per Art. 59',
  residualFraction:
    'common practice in Chinese feasibility studies (5 %); the Regulations (Art. 59) let the enterprise set a ' +
    'reasonable residual value — not a statutory rate',
  holiday:
    'none by default; qualifying public-infrastructure or energy-saving projects may get 3 years exempt and 3 at half ' +
    'rate (Enterprise Income Tax Law Art. 27, Regulations Art. 87–88) — whether a storage plant qualifies is project-specific',
};

/** Merges overrides over the China defaults (nested objects field by field; undefined keeps the default). */
export function resolveTax(overrides: Partial<Omit<TaxSettings, 'surchargeRates' | 'holiday'>> & {
  readonly surchargeRates?: Partial<SurchargeRates>;
  readonly holiday?: Partial<TaxHoliday>;
} = {}): TaxSettings {
  return {
    ...CHINA_TAX_DEFAULTS,
    ...defined(overrides),
    surchargeRates: { ...CHINA_TAX_DEFAULTS.surchargeRates, ...defined(overrides.surchargeRates) },
    holiday: { ...CHINA_TAX_DEFAULTS.holiday, ...defined(overrides.holiday) },
  };
}

export function checkTax(t: TaxSettings, field = 'tax', operatingYears = 1000): void {
  checkNumber(`${field}.incomeTaxRate`, t.incomeTaxRate, RANGES.fraction);
  checkNumber(`${field}.lossCarryForwardYears`, t.lossCarryForwardYears, { min: 0, max: 100, integer: true });
  checkNumber(`${field}.vatRate`, t.vatRate, RANGES.fraction);
  checkNumber(`${field}.capexInputVatRate`, t.capexInputVatRate, RANGES.fraction);
  checkNumber(`${field}.chargingInputVatRate`, t.chargingInputVatRate, RANGES.fraction);
  checkNumber(`${field}.omInputVatRate`, t.omInputVatRate, RANGES.fraction);
  checkNumber(`${field}.surchargeRates.urbanMaintenance`, t.surchargeRates.urbanMaintenance, RANGES.fraction);
  checkNumber(`${field}.surchargeRates.education`, t.surchargeRates.education, RANGES.fraction);
  checkNumber(`${field}.surchargeRates.localEducation`, t.surchargeRates.localEducation, RANGES.fraction);
  checkNumber(`${field}.depreciationYears`, t.depreciationYears, { min: 1, max: 100, integer: true });
  checkNumber(`${field}.residualFraction`, t.residualFraction, { min: 0, max: 1, maxExclusive: true });
  checkNumber(`${field}.holiday.exemptYears`, t.holiday.exemptYears, { min: 0, max: operatingYears, integer: true });
  checkNumber(`${field}.holiday.halfRateYears`, t.holiday.halfRateYears, { min: 0, max: operatingYears, integer: true });
}

/** Sum of the surcharge rates; fraction of VAT paid. */
export function surchargeRate(t: TaxSettings): number {
  return t.surchargeRates.urbanMaintenance + t.surchargeRates.education + t.surchargeRates.localEducation;
}

/** Income-tax rate in operating year n (1-based) with the holiday applied; n ≤ 0 means outside operation (full rate). */
export function incomeTaxRateInYear(t: TaxSettings, n: number): number {
  if (n >= 1 && n <= t.holiday.exemptYears) return 0;
  if (n >= 1 && n <= t.holiday.exemptYears + t.holiday.halfRateYears) return t.incomeTaxRate / 2;
  return t.incomeTaxRate;
}

/**
 * Straight-line depreciation of `base` (money) over `years`, leaving `residualFraction` of it, charged in the
 * timeline slots start … start + years − 1 that fall inside `length`; money per year.
 */
export function straightLine(base: number, years: number, residualFraction: number, start: number, length: number, into = new Float64Array(length)): Float64Array {
  const annual = (base * (1 - residualFraction)) / years;
  for (let k = 0; k < years; k++) {
    const t = start + k;
    if (t >= 0 && t < length) into[t] += annual;
  }
  return into;
}

export interface LossCarryForward {
  /** Taxable income after using losses brought forward (never negative); money per year. */
  readonly taxable: Float64Array;
  /** Losses used in each year; money per year. */
  readonly used: Float64Array;
  /** Losses that expired unused in each year; money per year. */
  readonly expired: Float64Array;
}

/**
 * Applies losses forward, oldest first: a loss of year t offsets profits of years t + 1 … t + `years` and then
 * expires (Enterprise Income Tax Law Art. 18 with years = 5).
 */
export function carryLossesForward(income: ArrayLike<number>, years: number): LossCarryForward {
  const n = income.length;
  const taxable = new Float64Array(n);
  const used = new Float64Array(n);
  const expired = new Float64Array(n);
  const pool: { year: number; amount: number }[] = [];
  for (let t = 0; t < n; t++) {
    while (pool.length > 0 && t - pool[0].year > years) expired[t] += pool.shift()!.amount;
    const x = income[t];
    if (x < 0) {
      if (years > 0) pool.push({ year: t, amount: -x });
      continue;
    }
    let remaining = x;
    while (remaining > 0 && pool.length > 0) {
      const take = Math.min(remaining, pool[0].amount);
      pool[0].amount -= take;
      remaining -= take;
      used[t] += take;
      if (pool[0].amount === 0) pool.shift();
    }
    taxable[t] = remaining;
  }
  return { taxable, used, expired };
}

export interface VatLedger {
  /** VAT paid to the tax authority; money per year. */
  readonly paid: Float64Array;
  /** Input-VAT credit carried forward at each year end; money. */
  readonly credit: Float64Array;
}

/** VAT payable = max(0, output − input − credit brought forward); unused input VAT is carried forward (not refunded). */
export function vatLedger(output: ArrayLike<number>, input: ArrayLike<number>): VatLedger {
  const n = output.length;
  const paid = new Float64Array(n);
  const credit = new Float64Array(n);
  let c = 0;
  for (let t = 0; t < n; t++) {
    const net = output[t] - input[t] - c;
    if (net >= 0) {
      paid[t] = net;
      c = 0;
    } else {
      c = -net;
    }
    credit[t] = c;
  }
  return { paid, credit };
}
