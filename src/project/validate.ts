/**
 * Validation of a project file as data, before anything is computed: every problem with the path as written in the
 * file, the value as written, the valid range (in the user's unit where possible), a stable code and one sentence in
 * English or Chinese. The forms of the web app and the HTTP API show these as they are.
 *
 * Checked, all of it, in one pass:
 * - the project schema (src/project/schema.ts);
 * - every plant's `finance` section, by the finance layer's own parser (parseFinanceSection) with the placeholders
 *   evaluate uses for what the run provides (`ratedPower`, `operation`), so what passes here passes there;
 * - every template plant's `parameters`, parsed (not designed) by the template's schema (TEMPLATE_SCHEMAS), and the
 *   template's name;
 * - money written in another currency than the plant's finance section (market prices, battery wear cost, the
 *   finance section itself): "0.38 USD/kWh" in a yuan project is an error, not a conversion.
 *
 *   const r = validateProject(parseYaml(text), { lang: 'zh' });
 *   if (!r.ok) for (const i of r.issues) console.log(i.field, i.code, i.message);
 */
import { checkProject, FinanceInputError, FinanceSectionSchema, parseFinanceSection, type ProjectFinanceInputs } from '../finance/index.js';
import { isTemplateName, TEMPLATE_NAMES, TEMPLATE_SCHEMAS, templateParameters } from '../plant/templates/index.js';
import { LiIonParametersSchema } from './li-ion-schema.js';
import { LI_ION_TEMPLATE } from './li-ion-evaluate.js';
import { parseRecyclingPlantProject } from './recycling-plant.js';
import { CURRENCIES, currencyOf, parseQuantity, parseUnit, SECONDS_PER_YEAR, type Currency } from '../units/index.js';
import { ProjectSchema, type ProjectSpec } from './schema.js';
import { choicesText, expectedText, fieldLabel, fieldOf, financePhrase, kindName, message, MESSAGES, phrase, valueText, type IssueCode, type Lang, type MessageId } from './messages.js';
import { financeRange, problemsOf, valueAt, type FieldInfo, type Problem, type Valid } from './validate-issues.js';

export type { Lang, IssueCode };
export { ISSUE_CODES, MESSAGES, message } from './messages.js';

export interface FieldIssue {
  /** Path as written in the file, e.g. "plants[0].finance.discountRate". */
  readonly field: string;
  readonly path: readonly (string | number)[];
  /** The value as the user wrote it (e.g. "-5 %"), or undefined when missing. */
  readonly value?: unknown;
  /** The valid range or choices, in the same unit as the user's value where possible, e.g. "0 % ≤ x ≤ 100 %". */
  readonly valid?: string;
  /** A stable code (src/project/messages.ts ISSUE_CODES). */
  readonly code: IssueCode;
  /** One sentence in the requested language naming field, value and valid range. */
  readonly message: string;
}

export type ProjectValidation = { readonly ok: true; readonly spec: ProjectSpec; readonly issues: [] } | { readonly ok: false; readonly issues: FieldIssue[] };

export interface ValidateOptions {
  /** Language of `message` and `valid`; default English. */
  readonly lang?: Lang;
}

/**
 * What evaluate puts in the finance section in place of what the run provides (src/project/evaluate.ts financeFor):
 * the operation comes from the dispatch, the rated power from the plant (any positive power passes the finance
 * checks; a performance plant's own power is used when it can be read).
 */
export const FINANCE_PLACEHOLDERS = {
  ratedPower: 1e8,
  operation: { kind: 'series', energyDischarged: 0, chargingCost: 0 },
} as const;

/** Checks a project file (already read from YAML/JSON) completely; never throws for bad input. */
export function validateProject(raw: unknown, options: ValidateOptions = {}): ProjectValidation {
  const lang = options.lang ?? 'en';
  const problems: Problem[] = [];
  const r = safely(() => ProjectSchema.safeParse(raw), [], problems);
  if (r && !r.success) problems.push(...problemsOf(r.error.issues, { schema: ProjectSchema, raw, base: [] }));
  const plants = valueAt(raw, ['plants']);
  if (Array.isArray(plants)) {
    plants.forEach((plant, i) => {
      if (plant === null || typeof plant !== 'object' || Array.isArray(plant)) return;
      problems.push(...templateProblems(plant as Record<string, unknown>, i));
      problems.push(...financeProblems(plant as Record<string, unknown>, i));
    });
    problems.push(...currencyProblems(raw, plants));
  }
  const recycling = valueAt(raw, ['recycling']);
  if (Array.isArray(recycling)) recycling.forEach((entry, i) => problems.push(...recyclingProblems(entry, i)));
  const issues = dedupe(problems).map((p) => toIssue(p, lang));
  if (issues.length === 0 && r?.success) return { ok: true, spec: r.data, issues: [] };
  if (issues.length === 0) {
    // the schema refused the file for a reason not read above: say so rather than pass it
    return { ok: false, issues: [toIssue({ path: [], code: 'invalid', params: { detail: r?.error?.message ?? 'not a project' } }, lang)] };
  }
  return { ok: false, issues };
}

/** A parse that should not throw; if it does (a transform's own bug), the exception becomes an issue at `path`. */
function safely<T>(parse: () => T, path: readonly (string | number)[], problems: Problem[]): T | undefined {
  try {
    return parse();
  } catch (e) {
    problems.push({ path, code: 'invalid', params: { detail: `could not be checked: ${(e as Error).message}` } });
    return undefined;
  }
}

// ---- template plants ----

function templateProblems(plant: Record<string, unknown>, i: number): Problem[] {
  const template = plant.template;
  const base = ['plants', i];
  if (template === undefined) {
    return plant.parameters !== undefined ? [{ path: [...base, 'parameters'], value: plant.parameters, code: 'unused', params: { needs: 'template' } }] : [];
  }
  if (typeof template !== 'string') return []; // the project schema reports the type
  if (!isTemplateName(template) && template !== LI_ION_TEMPLATE) return [{ path: [...base, 'template'], value: template, code: 'one_of', valid: { t: 'choices', values: [...TEMPLATE_NAMES, LI_ION_TEMPLATE] } }];
  const params = plant.parameters ?? {};
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return []; // the project schema reports the type
  if (template === LI_ION_TEMPLATE) return liIonProblems(params as Record<string, unknown>, base);
  const schema = TEMPLATE_SCHEMAS[template];
  const out: Problem[] = [];
  const r = safely(() => schema.safeParse(params), [...base, 'parameters'], out);
  if (!r || r.success) return out;
  const infos = new Map(templateParameters(template).map((p) => [p.path, { kind: p.kind, range: p.range }]));
  // "thermalStores[].pinch": list indices do not matter; a list item without its own entry takes the list's
  const info = (path: readonly (string | number)[]): FieldInfo | undefined => {
    const key = path.map((p) => (typeof p === 'number' ? '[]' : p)).join('.').replace(/\.\[\]/g, '[]');
    return infos.get(key) ?? infos.get(key.replace(/\[\]$/, ''));
  };
  return problemsOf(r.error.issues, { schema, raw: params, base: [...base, 'parameters'], info });
}

/**
 * A li-ion plant's parameters (src/project/li-ion-schema.ts). Its life runs the finance section's operating years
 * and its end-of-life value is read by li-ion-evaluate.ts, so those two are checked there.
 */
function liIonProblems(params: Record<string, unknown>, base: readonly (string | number)[]): Problem[] {
  const { endOfLifeValue: _eol, years: _years, ...rest } = params;
  const out: Problem[] = [];
  const r = safely(() => LiIonParametersSchema.safeParse(rest), [...base, 'parameters'], out);
  if (!r || r.success) return out;
  return problemsOf(r.error.issues, { schema: LiIonParametersSchema, raw: rest, base: [...base, 'parameters'] });
}

/** A recycling plant beside the storage plants: its line and its finance (src/project/recycling-plant.ts). */
function recyclingProblems(entry: unknown, i: number): Problem[] {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return []; // the project schema reports it
  if ('kind' in entry) return [{ path: ['recycling', i, 'kind'], value: (entry as Record<string, unknown>).kind, code: 'unknown_field', params: { key: 'kind' } }];
  const r = safely(() => parseRecyclingPlantProject(entry), ['recycling', i], []);
  if (!r || r.ok) return [];
  return r.issues.map((issue) => ({ path: ['recycling', i, ...pathOf(issue.field)], value: valueAt(entry, pathOf(issue.field)), code: 'invalid' as const, params: { detail: issue.message } }));
}

// ---- finance sections ----

/** The FinanceSectionSchema fields that come from the run, not from the file. */
const FROM_RUN = ['ratedPower', 'operation'] as const;

function financeProblems(plant: Record<string, unknown>, i: number): Problem[] {
  const section = plant.finance;
  if (section === null || typeof section !== 'object' || Array.isArray(section)) return []; // the project schema reports it
  const base = ['plants', i, 'finance'];
  const written = section as Record<string, unknown>;
  const out: Problem[] = FROM_RUN.filter((k) => k in written).map((k) => ({ path: [...base, k], value: written[k], code: 'unknown_field' as const, variant: 'from_run', params: { key: k } }));
  const input: Record<string, unknown> = { ...written, ...FINANCE_PLACEHOLDERS, ratedPower: performancePower(plant) ?? FINANCE_PLACEHOLDERS.ratedPower };
  const years = operatingYearsProblem(written.operatingYears, [...base, 'operatingYears']);
  if (years) {
    out.push(years);
    input.operatingYears = 1; // so that the rest is checked (see operatingYearsProblem)
  }
  const parsed = safely(() => parseFinanceSection(input), base, out);
  if (!parsed || parsed.ok) return out;
  const before = out.length;
  const z = safely(() => FinanceSectionSchema.safeParse(input), base, out);
  if (z && !z.success) {
    const found = problemsOf(z.error.issues, { schema: FinanceSectionSchema, raw: written, base }).filter((p) => !(years && fieldOf(p.path) === fieldOf(years.path)));
    // the fields the run provides are not offered as valid choices
    out.push(...found.map((p) => (p.code === 'unknown_field' && p.path.length === base.length + 1 && p.valid?.t === 'choices' ? { ...p, valid: { t: 'choices' as const, values: p.valid.values.filter((v) => !(FROM_RUN as readonly string[]).includes(v)) } } : p)));
  }
  // the finance layer's own currency check (not a zod issue)
  for (const issue of parsed.issues) {
    const m = /^(.+?) = (".*") is in (\w+), but the file's currency is (\w+)/.exec(issue.message);
    if (m) out.push({ path: [...base, ...pathOf(issue.field)], value: JSON.parse(m[2]), code: 'currency', params: { currency: m[3], projectCurrency: m[4], where: fieldOf([...base, 'currency']) } });
  }
  if (out.length === before) {
    // refused for a reason not read above: keep the finance layer's words
    for (const issue of parsed.issues) out.push({ path: [...base, ...pathOf(issue.field)], value: valueAt(written, pathOf(issue.field)), code: 'invalid', params: { detail: issue.message } });
  }
  return out;
}

/** The discharge power of a performance plant, when it can be read (the finance section's rated power). W */
function performancePower(plant: Record<string, unknown>): number | undefined {
  const power = valueAt(plant, ['performance', 'power']);
  if (typeof power !== 'string' && typeof power !== 'number') return undefined;
  try {
    const p = parseQuantity(power, 'power');
    return p > 0 ? p : undefined;
  } catch {
    return undefined;
  }
}

/**
 * operatingYears is checked before the finance parser sees it: parseFinanceSection builds its per-year series before
 * its range checks, so a negative number of years throws a RangeError (Invalid typed array length) and a huge one
 * allocates gigabytes. The valid range is the finance layer's own (checkProject), asked with nothing but the years.
 */
function operatingYearsProblem(value: unknown, path: readonly (string | number)[]): Problem | undefined {
  let years: number;
  try {
    years = typeof value === 'number' || (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) ? Number(value) : typeof value === 'string' ? parseQuantity(value.replace(/\b(year|yr)s\b/, '$1'), 'time') / SECONDS_PER_YEAR : Number.NaN;
  } catch {
    return undefined; // not a number of years at all: the schema reports it
  }
  if (!Number.isFinite(years)) return undefined;
  try {
    checkProject({ constructionYears: 0, operatingYears: Math.round(years) } as ProjectFinanceInputs);
  } catch (e) {
    if (e instanceof FinanceInputError && e.field === 'operatingYears') return financeRange(path, value, e.range)[0];
  }
  return undefined;
}

/** A field name such as `capex.items[2].size` as a path. */
function pathOf(field: string): (string | number)[] {
  return field.split(/[.[\]]/).filter((p) => p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

// ---- currencies ----

/** The currency of a plant's finance section (CNY unless it says otherwise). */
function currencyOfPlant(plant: unknown): Currency {
  const c = valueAt(plant, ['finance', 'currency']);
  return typeof c === 'string' && (CURRENCIES as readonly string[]).includes(c) ? (c as Currency) : 'CNY';
}

/**
 * Money in the market (prices paid and received by every plant) must be in the plants' currency; a battery's wear
 * cost and a finance section's amounts in their own plant's.
 */
function currencyProblems(raw: unknown, plants: readonly unknown[]): Problem[] {
  const out: Problem[] = [];
  const walk = (value: unknown, path: (string | number)[], currency: Currency, where: string, into: Problem[] = out) => {
    if (typeof value === 'string') {
      // a quantity ("0.38 USD/kWh"), or the unit of a price file or a series ({ unit: USD, values: [...] })
      const key = path[path.length - 1];
      const c = key === 'unit' || key === 'priceUnit' ? currencyOfUnit(value) : currencyOf(value);
      if (c && c !== currency) into.push({ path, value, code: 'currency', params: { currency: c, projectCurrency: currency, where } });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i], currency, where, into));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (k !== 'name' && k !== 'prices') walk(v, [...path, k], currency, where, into);
    }
  };
  // the market is compared with each plant's currency; a field is reported once
  const market = valueAt(raw, ['market']);
  const seen = new Set<string>();
  plants.forEach((p, i) => {
    const found: Problem[] = [];
    walk(market, ['market'], currencyOfPlant(p), fieldOf(['plants', i, 'finance', 'currency']), found);
    for (const f of found) if (!seen.has(fieldOf(f.path))) seen.add(fieldOf(f.path)) && out.push(f);
  });
  plants.forEach((p, i) => {
    const where = fieldOf(['plants', i, 'finance', 'currency']);
    walk(valueAt(p, ['performance']), ['plants', i, 'performance'], currencyOfPlant(p), where);
    walk(valueAt(p, ['finance']), ['plants', i, 'finance'], currencyOfPlant(p), where);
  });
  return out;
}

function currencyOfUnit(text: string): Currency | undefined {
  try {
    return parseUnit(text).currency;
  } catch {
    return undefined; // an unreadable unit is reported by the schema
  }
}

// ---- into words ----

/** One problem per field and code (the same mistake found by two checks is reported once). */
function dedupe(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${fieldOf(p.path)}|${p.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function validText(v: Valid | undefined, lang: Lang): string | undefined {
  if (!v) return undefined;
  switch (v.t) {
    case 'text':
      return v.text;
    case 'choices':
      return choicesText(v.values, lang);
    case 'expected':
      return expectedText(v.expected, lang);
    case 'count':
      return phrase(v.id, lang, v.n);
    case 'finance':
      return financePhrase(v.text, lang);
  }
}

/** The valid value of a problem that has no range: what the field takes, the currency, the two fields. */
function validOf(p: Problem): Valid | undefined {
  if (p.valid) return p.valid;
  if (p.code === 'unit' && p.kind) return { t: 'expected', expected: { t: 'quantity', kind: p.kind } };
  if ((p.code === 'type' || p.code === 'required') && p.expected && p.expected.t !== 'any') return { t: 'expected', expected: p.expected };
  if (p.code === 'currency' && p.params?.projectCurrency) return { t: 'text', text: String(p.params.projectCurrency) };
  if (p.code === 'exclusive' && p.params?.a && p.params?.b) return { t: 'choices', values: [String(p.params.a), String(p.params.b)] };
  return undefined;
}

function toIssue(p: Problem, lang: Lang): FieldIssue {
  const valid = validText(validOf(p), lang);
  const parent = p.path.slice(0, -1);
  const variant = `${p.code}.${p.variant}`;
  const id = (p.variant && variant in MESSAGES ? variant : p.code) as MessageId;
  const params: Record<string, string | number> = {
    field: fieldLabel(p.path, lang),
    value: valueText(p.value),
    valid: valid ?? '',
    parent: fieldLabel(parent, lang),
    kind: kindName(p.kind, lang),
    expected: p.expected ? expectedText(p.expected, lang) : p.params?.detail !== undefined ? String(p.params.detail) : expectedText({ t: 'any' }, lang),
    ...p.params,
  };
  if (p.code === 'length') params.count = phrase('items', lang, Number(p.params?.count ?? 0));
  if (p.code === 'out_of_range' && p.valid?.t === 'finance' && p.params?.detail) params.valid = `${valid} (${p.params.detail})`;
  return {
    field: fieldOf(p.path),
    path: p.path,
    ...(p.value !== undefined ? { value: p.value } : {}),
    ...(valid !== undefined && valid !== '' ? { valid } : {}),
    code: p.code,
    message: message(id, lang, params),
  };
}
