/**
 * Named inputs ("knobs") and metrics of the project cash-flow model, so that a project file can ask for a tornado
 * or a Monte Carlo by name, and the finance wrappers that run them.
 *
 * Multipliers scale a money stream (1 = base case); rates replace the base rate.
 */
import { checkNumber, FinanceInputError, type Range } from './check.js';
import { evaluateProject, type ProjectFinanceInputs, type ProjectResult } from './cashflow.js';
import { monteCarlo, type MonteCarloOptions, type MonteCarloResult } from './montecarlo.js';
import type { Distribution } from './random.js';
import { tornado, type Progress, type Tornado } from './sensitivity.js';

type Apply = (p: ProjectFinanceInputs, value: number) => ProjectFinanceInputs;

export interface FinanceKnob {
  readonly description: string;
  readonly range: Range;
  readonly apply: Apply;
}

const scale = (a: ArrayLike<number>, k: number): Float64Array => Float64Array.from(a, (x) => x * k);
const multiplier: Range = { min: 0, max: 100 };
const rate: Range = { min: -0.5, max: 1 };

export const FINANCE_KNOBS = {
  capexMultiplier: {
    description: 'scales the capital cost (and nothing else)',
    range: multiplier,
    apply: (p, k) => ({ ...p, capex: { ...p.capex, total: p.capex.total * k } }),
  },
  revenueMultiplier: {
    description: 'scales every revenue stream',
    range: multiplier,
    apply: (p, k) => ({ ...p, operation: { ...p.operation, revenues: p.operation.revenues.map((r) => ({ ...r, amounts: scale(r.amounts, k) })) } }),
  },
  chargingCostMultiplier: {
    description: 'scales the cost of charging electricity',
    range: multiplier,
    apply: (p, k) => ({ ...p, operation: { ...p.operation, chargingCost: scale(p.operation.chargingCost, k) } }),
  },
  omMultiplier: {
    description: 'scales fixed, variable and other O&M costs',
    range: multiplier,
    apply: (p, k) => ({
      ...p,
      om: {
        ...p.om,
        fixed: p.om.fixed * k,
        variable: p.om.variable * k,
        other: (p.om.other ?? []).map((c) => ({ ...c, amounts: scale(c.amounts, k) })),
      },
    }),
  },
  replacementMultiplier: {
    description: 'scales every replacement cost',
    range: multiplier,
    apply: (p, k) => ({ ...p, replacements: (p.replacements ?? []).map((r) => ({ ...r, cost: r.cost * k })) }),
  },
  discountRate: {
    description: 'the discount rate for NPV and LCOS (fraction per year)',
    range: rate,
    apply: (p, r) => ({ ...p, discountRate: r }),
  },
  debtInterestRate: {
    description: 'the interest rate of the term debt (fraction per year)',
    range: { min: 0, max: 1 },
    apply: (p, r) => {
      if (!p.debt) throw new FinanceInputError('debtInterestRate', r, 'a project with debt');
      return { ...p, debt: { ...p.debt, rate: r } };
    },
  },
  incomeTaxRate: {
    description: 'the corporate income-tax rate (fraction)',
    range: { min: 0, max: 1 },
    apply: (p, r) => ({ ...p, tax: { ...p.tax, incomeTaxRate: r } }),
  },
} as const satisfies Record<string, FinanceKnob>;

export type FinanceKnobName = keyof typeof FINANCE_KNOBS;
export const FINANCE_KNOB_NAMES = Object.keys(FINANCE_KNOBS) as FinanceKnobName[];

const irrValue = (r: ProjectResult['summary']['irrEquity']) => (r.ok ? r.value : undefined);

/** Metrics of an evaluated project; money, fraction per year, money/J or dimensionless. */
export const FINANCE_METRICS = {
  npv: (r: ProjectResult) => r.summary.npvProjectAfterTax,
  npvEquity: (r: ProjectResult) => r.summary.npvEquity,
  projectIrr: (r: ProjectResult) => irrValue(r.summary.irrProjectAfterTax),
  equityIrr: (r: ProjectResult) => irrValue(r.summary.irrEquity),
  // undefined (like an IRR that does not exist) when the project discharges no energy
  lcos: (r: ProjectResult) => r.summary.lcos?.value,
  minDscr: (r: ProjectResult) => r.summary.minDscr?.value,
} as const satisfies Record<string, (r: ProjectResult) => number | undefined>;

export type FinanceMetricName = keyof typeof FINANCE_METRICS;
export const FINANCE_METRIC_NAMES = Object.keys(FINANCE_METRICS) as FinanceMetricName[];

function knob(name: FinanceKnobName, field: string): FinanceKnob {
  const k = (FINANCE_KNOBS as Record<string, FinanceKnob>)[name];
  if (!k) throw new FinanceInputError(field, name, `one of ${FINANCE_KNOB_NAMES.join(', ')}`);
  return k;
}

function checked(k: FinanceKnob, field: string): Apply {
  return (p, v) => {
    checkNumber(field, v, k.range);
    return k.apply(p, v);
  };
}

export interface KnobRange {
  readonly knob: FinanceKnobName;
  readonly low: number;
  readonly high: number;
}

/** Tornado of one project metric over named knobs. */
export function financeTornado(p: ProjectFinanceInputs, variables: readonly KnobRange[], metric: FinanceMetricName, onProgress?: Progress): Tornado {
  const m = FINANCE_METRICS[metric];
  if (!m) throw new FinanceInputError('sensitivity.metric', metric, `one of ${FINANCE_METRIC_NAMES.join(', ')}`);
  const vars = variables.map((v, i) => {
    const k = knob(v.knob, `sensitivity.variables[${i}].knob`);
    return { name: v.knob, low: v.low, high: v.high, apply: checked(k, `sensitivity.variables[${i}]`) };
  });
  return tornado(p, vars, (x) => m(evaluateProject(x)), onProgress);
}

export interface KnobDistribution {
  readonly knob: FinanceKnobName;
  readonly distribution: Distribution;
}

/** Monte Carlo of every finance metric (NPV, IRRs, LCOS, min DSCR) over named knobs. */
export function financeMonteCarlo(p: ProjectFinanceInputs, variables: readonly KnobDistribution[], options: Partial<MonteCarloOptions> = {}): MonteCarloResult {
  const vars = variables.map((v, i) => {
    const k = knob(v.knob, `monteCarlo.variables[${i}].knob`);
    return { name: v.knob, distribution: v.distribution, apply: checked(k, `monteCarlo.variables[${i}] (sampled value)`) };
  });
  return monteCarlo(
    p,
    vars,
    (x) => {
      const r = evaluateProject(x);
      const out: Record<string, number | undefined> = {};
      for (const name of FINANCE_METRIC_NAMES) out[name] = FINANCE_METRICS[name](r);
      return out;
    },
    options,
  );
}
