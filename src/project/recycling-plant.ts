/**
 * A recycling-plant project (issue 15): the recycling line of src/battery/recycling and a finance section in the
 * project's own finance schema (src/finance/schema.ts), evaluated by the same cash-flow model as every other plant
 * (evaluateProject: VAT, surcharges, depreciation, income tax, debt; NPV, IRR, payback). This file only adapts:
 * the line's annual operating statement becomes the finance section's operation (revenue streams) and O&M
 * (cost streams), and the line's capital cost its first capex item.
 *
 *   kind: recycling-plant
 *   name: Luoyang recycling plant
 *   plant: { ... }           # src/battery/recycling/schema.ts
 *   finance:                 # src/finance/schema.ts without operation, ratedPower, om.fixed, om.variable
 *     discountRate: 8 %
 *     constructionYears: 2 years
 *     operatingYears: 15 years
 *     capex: { items: [ { kind: fractionOfDirect, name: owner's costs and contingency, fraction: 10 % } ] }
 *
 * The plant has no rated power and discharges no energy: a fixed or variable O&M per kW or per MWh would be
 * silently zero, so those fields are refused; plant-level running costs go to `om.other`.
 */
import { annualStatement, evaluateRecycling, parseRecyclingPlant, RecyclingInputError, type AnnualStatement, type RecyclingIssue, type RecyclingPlantSpec, type RecyclingRoute, type RecyclingResult } from '../battery/recycling/index.js';
import { evaluateProject, parseFinanceSection, type FinanceSection, type ProjectResult } from '../finance/index.js';

/** Creditable input VAT on the line's cost streams (China: 13 % on goods and power; none on wages or on batteries bought from holders without invoices). */
export const RECYCLING_INPUT_VAT: Readonly<Record<string, number>> = {
  'collection and transport': 0.09,
  'dismantling energy': 0.13,
  'dismantling consumables': 0.13,
  'pre-treatment energy': 0.13,
  'pre-treatment consumables': 0.13,
  'route energy': 0.13,
  'route reagents': 0.13,
  'route other': 0.13,
  'residue disposal': 0.06,
  'maintenance and insurance': 0.13,
  labour: 0,
  'batteries bought': 0,
};

export interface RecyclingPlantProject {
  readonly name: string;
  readonly plant: RecyclingPlantSpec;
  /** Null when the file has no finance section (the line's economics only). */
  readonly finance: FinanceSection | null;
}

export type RecyclingProjectParse = { readonly ok: true; readonly value: RecyclingPlantProject } | { readonly ok: false; readonly issues: readonly RecyclingIssue[] };

const REFUSED_FINANCE_FIELDS = ['operation', 'ratedPower'] as const;

/** Parses a recycling-plant project (already read from YAML/JSON), optionally by another route than the file's; never throws for bad input. */
export function parseRecyclingPlantProject(input: unknown, route?: RecyclingRoute): RecyclingProjectParse {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { ok: false, issues: [{ field: '', message: 'a recycling-plant project is an object with name, plant and finance' }] };
  const o = input as Record<string, unknown>;
  const issues: RecyclingIssue[] = [];
  for (const k of Object.keys(o)) if (!['kind', 'name', 'plant', 'finance'].includes(k)) issues.push({ field: k, message: `${k}: unknown field (a recycling-plant project has kind, name, plant, finance)` });
  if (o.kind !== undefined && o.kind !== 'recycling-plant') issues.push({ field: 'kind', message: `kind: ${JSON.stringify(o.kind)} is not valid: expected "recycling-plant"` });
  const plant = parseRecyclingPlant({ name: o.name, ...(o.plant as object), ...(route ? { route } : {}) });
  if (!plant.ok) issues.push(...plant.issues.map((i) => ({ field: `plant.${i.field}`, message: `plant.${i.message}` })));
  let finance: FinanceSection | null = null;
  if (o.finance !== undefined && plant.ok) {
    const f = o.finance as Record<string, unknown>;
    for (const k of REFUSED_FINANCE_FIELDS) if (k in f) issues.push({ field: `finance.${k}`, message: `finance.${k}: set by the recycling plant (its products and costs); remove it` });
    const om = (f.om ?? {}) as Record<string, unknown>;
    for (const k of ['fixed', 'variable']) if (k in om) issues.push({ field: `finance.om.${k}`, message: `finance.om.${k}: a recycling plant has no rated power or discharged energy to charge it on; put it in finance.om.other` });
    if (issues.length === 0) {
      try {
        const r = parseFinanceSection(financeInput(f, plant.value));
        if (r.ok) finance = r.value;
        else issues.push(...r.issues.map((i) => ({ field: `finance.${i.field}`, message: `finance.${i.message}` })));
      } catch (e) {
        if (!(e instanceof RecyclingInputError)) throw e;
        issues.push({ field: `plant.${e.field}`, message: `plant.${e.message}` });
      }
    }
  }
  if (issues.length > 0 || !plant.ok) return { ok: false, issues };
  return { ok: true, value: { name: plant.value.name, plant: plant.value, finance } };
}

/** The finance section with the line's statement as operation and O&M, and its capital cost as the first capex item (SI numbers). */
function financeInput(f: Record<string, unknown>, plant: RecyclingPlantSpec): Record<string, unknown> {
  const s = annualStatement(evaluateRecycling(plant));
  const capex = (f.capex ?? {}) as Record<string, unknown>;
  const om = (f.om ?? {}) as Record<string, unknown>;
  return {
    ...f,
    ratedPower: 0,
    capex: { ...capex, items: [{ kind: 'lumpSum', name: 'recycling line (capex per capacity × annual capacity)', amount: s.capex }, ...((capex.items as unknown[]) ?? [])] },
    operation: {
      kind: 'series',
      energyDischarged: 0,
      chargingCost: 0,
      revenues: s.revenues.map((x) => ({ name: x.name, amounts: x.amount })),
    },
    om: {
      ...om,
      other: [...s.costs.map((x) => ({ name: x.name, amounts: x.amount, inputVatRate: RECYCLING_INPUT_VAT[x.name] ?? 0 })), ...((om.other as unknown[]) ?? [])],
    },
  };
}

export interface RecyclingPlantEvaluation {
  readonly name: string;
  readonly recycling: RecyclingResult;
  readonly statement: AnnualStatement;
  /** The cash-flow model's result (NPV, IRRs, payback in `summary`), or null without a finance section. */
  readonly finance: ProjectResult | null;
}

export function evaluateRecyclingPlantProject(p: RecyclingPlantProject): RecyclingPlantEvaluation {
  const recycling = evaluateRecycling(p.plant);
  return { name: p.name, recycling, statement: annualStatement(recycling), finance: p.finance ? evaluateProject(p.finance.inputs) : null };
}
