/**
 * Template parameters as one zod definition each: a quantity with its kind (units through src/units), its default
 * (SI) and its valid range (SI), with a line of documentation and a source. `describeParameters` walks a template's
 * schema and lists every parameter with unit, default, range and source — the same data the parser enforces.
 *
 * A quantity is a string with units ("70 bar", "25 degC", "10 K", "88 %") or a bare number in SI. Out-of-range or
 * badly formed values give an issue with the field's path and a message naming the value and the valid range.
 *
 * A parameter that sets a component's parameter (a stage's eta_s, an exchanger's ttd_min, a cooler's pr or dp) does
 * not write a range of its own: `setting` and `pressureLoss` take kind and range from the component's declaration
 * (core/declaration.ts componentQuantity), and a template narrows it only with a `Narrowing` that says why; the
 * reason is listed with the parameter (`narrowed`), and the message names the one range that applies.
 */
import { z } from 'zod';
import { formatQuantity, QUANTITY_KINDS, type QuantityKind } from '../../units/index.js';
import { inRange, inputIssueOf, parseWithin, quantity as unitsQuantity, rangeText, type InputIssue, type Range } from '../../units/schema.js';
import type { ComponentQuantity } from '../core/declaration.js';

export { rangeText, type Range };

/** What `describeParameters` shows of one parameter. */
export interface ParameterInfo {
  /** Dotted path, e.g. `compression.stages`. */
  readonly path: string;
  /** Quantity kind (src/units), 'integer', 'choice', 'list' or 'pressure loss'. */
  readonly kind: string;
  /** Display unit ('' for dimensionless and choices). */
  readonly unit: string;
  /** The default, for people (e.g. "70 bar"), or '' when the parameter is optional without a default. */
  readonly default: string;
  /** The valid range or the choices, for people. */
  readonly range: string;
  readonly doc: string;
  /** Where the default comes from (a publication) or 'assumption'. */
  readonly source: string;
  /** The component parameter it sets ('compressor eta_s'), whose declaration its kind and range come from. */
  readonly sets?: string;
  /** Why its range is narrower than that component parameter's, where it is. */
  readonly narrowed?: string;
}

type Meta = Omit<ParameterInfo, 'path'>;

/** `v` through the one quantity schema (src/units/schema.ts), its issues passed on to `ctx`. */
const parseIn = (kind: QuantityKind, range: Range, v: string | number, ctx: z.core.$RefinementCtx): number => parseWithin(unitsQuantity(kind, range), v, ctx);

/**
 * A quantity of `kind` with a default (SI) and a valid range (SI). `doc` says what it is, `source` where the default
 * comes from ('assumption' when it is one).
 */
export function quantity(kind: QuantityKind, def: number, range: Range, doc: string, source = 'assumption') {
  const unit = QUANTITY_KINDS[kind].display;
  const meta: Meta = { kind, unit, default: formatQuantity(def, kind, unit, 6), range: rangeText(kind, range), doc, source };
  return unitsQuantity(kind, range).default(def).meta(meta as unknown as Record<string, unknown>);
}

/** A quantity without a default (absent means "not used" or "computed"; `doc` says which). */
export function optionalQuantity(kind: QuantityKind, range: Range, doc: string, source = '') {
  const unit = QUANTITY_KINDS[kind].display;
  const meta: Meta = { kind, unit, default: '', range: rangeText(kind, range), doc, source };
  return unitsQuantity(kind, range).optional().meta(meta as unknown as Record<string, unknown>);
}

/** A template's own range inside a component parameter's, and why the template allows less. */
export interface Narrowing {
  /** Unit: SI of the quantity's kind */
  readonly range: Range;
  /** Why (a physical limit, or a design practice with its source). */
  readonly why: string;
}

/** Whether every x in `inner` is in `outer`. */
export function rangeWithin(inner: Range, outer: Range): boolean {
  const lo = outer.min === undefined || outer.min === -Infinity || (inner.min !== undefined && (inner.min > outer.min || (inner.min === outer.min && (!outer.minOpen || !!inner.minOpen))));
  const hi = outer.max === undefined || outer.max === Infinity || (inner.max !== undefined && (inner.max < outer.max || (inner.max === outer.max && (!outer.maxOpen || !!inner.maxOpen))));
  return lo && hi;
}

/**
 * The kind, range and metadata of a template parameter that sets `target`: the component's declared range, or the
 * template's narrower one with its reason. A narrowing that is not inside the component's range, or a default outside
 * the range, is a programming error (thrown when the schema is built): a range is declared once, by the component.
 */
function settingOf(target: ComponentQuantity, doc: string, source: string, narrow: Narrowing | undefined, def?: number) {
  const sets = `${target.component} ${target.key}`;
  if (narrow && !rangeWithin(narrow.range, target.range)) throw new Error(`template parameter setting ${sets}: ${rangeText(target.kind, narrow.range)} is not inside the component's ${rangeText(target.kind, target.range)}`);
  const range = narrow?.range ?? target.range;
  if (def !== undefined && !inRange(def, range)) throw new Error(`template parameter setting ${sets}: default ${def} outside ${rangeText(target.kind, range)}`);
  const unit = QUANTITY_KINDS[target.kind].display;
  const meta: Meta = {
    kind: target.kind,
    unit,
    default: def === undefined ? '' : formatQuantity(def, target.kind, unit, 6),
    range: rangeText(target.kind, range),
    doc,
    source,
    sets,
    ...(narrow ? { narrowed: `${narrow.why} (${sets} itself: ${rangeText(target.kind, target.range)})` } : {}),
  };
  return { schema: unitsQuantity(target.kind, range), meta: meta as unknown as Record<string, unknown> };
}

/**
 * A template parameter that sets a component's parameter (`componentQuantity(COMPRESSOR, 'eta_s')`), with a default:
 * its kind and range are the component's, narrowed only by `narrow`, which says why.
 */
export function setting(target: ComponentQuantity, def: number, doc: string, opts: { source?: string; narrow?: Narrowing } = {}) {
  const s = settingOf(target, doc, opts.source ?? 'assumption', opts.narrow, def);
  return s.schema.default(def).meta(s.meta);
}

/** The same without a default (absent means "not used" or "computed"; `doc` says which). */
export function optionalSetting(target: ComponentQuantity, doc: string, opts: { source?: string; narrow?: Narrowing } = {}) {
  const s = settingOf(target, doc, opts.source ?? '', opts.narrow);
  return s.schema.optional().meta(s.meta);
}

/** A whole number in [min, max] with a default. */
export function integer(def: number, min: number, max: number, doc: string, source = 'assumption') {
  const meta: Meta = { kind: 'integer', unit: '', default: String(def), range: `${min} ≤ n ≤ ${max}`, doc, source };
  return z
    .number()
    .refine((n) => Number.isInteger(n) && n >= min && n <= max, { message: `a whole number from ${min} to ${max}` })
    .default(def)
    .meta(meta as unknown as Record<string, unknown>);
}

/** One of a few words, with a default. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, def: T[number], doc: string, source = 'assumption') {
  const meta: Meta = { kind: 'choice', unit: '', default: def, range: values.join(' | '), doc, source };
  return z.enum(values).default(def as never).meta(meta as unknown as Record<string, unknown>);
}

/** A yes/no switch with a default. */
export function flag(def: boolean, doc: string, source = 'assumption') {
  const meta: Meta = { kind: 'choice', unit: '', default: String(def), range: 'true | false', doc, source };
  return z.boolean().default(def).meta(meta as unknown as Record<string, unknown>);
}

/** A pressure loss: a fraction of the inlet pressure ("2 %"), a drop ("0.3 bar") or — for condensers and evaporators — a fall of the saturation temperature ("0.5 K"). */
export type PressureLoss = { readonly kind: 'fraction'; readonly value: number } | { readonly kind: 'drop'; readonly value: number } | { readonly kind: 'saturation'; readonly value: number };

/**
 * What a pressure loss sets: a component's pressure ratio p_out/p_in (a loss x as pr = 1 − x) or its pressure drop,
 * named for lists ('cooler pr/dp'). Their declared ranges are the loss's.
 */
export interface LossTarget {
  readonly ratio: ComponentQuantity;
  readonly drop: ComponentQuantity;
}

/** The losses x = 1 − pr for pr in `r`. Unit: - */
function lossRangeOf(r: Range): Range {
  return {
    ...(r.max !== undefined && r.max !== Infinity ? { min: 1 - r.max, minOpen: !!r.maxOpen } : {}),
    ...(r.min !== undefined && r.min !== -Infinity ? { max: 1 - r.min, maxOpen: !!r.minOpen } : {}),
  };
}

/**
 * A fall of the saturation temperature over a condenser or evaporator: the template turns it into a pressure drop at
 * its design pressure, so it has its own range (no component declares one). Unit: K
 */
const SATURATION_FALL: Range = { min: 0, max: 10 };

/**
 * A pressure loss with a default that sets `target`'s pr or dp, with their declared ranges; `saturation` allows the
 * saturation-temperature form.
 */
export function pressureLoss(target: LossTarget, def: PressureLoss, doc: string, source = 'assumption', saturation = false) {
  const shown = def.kind === 'fraction' ? `${def.value * 100} %` : def.kind === 'drop' ? formatQuantity(def.value, 'pressureDifference') : `${def.value} K`;
  const fraction = lossRangeOf(target.ratio.range);
  const drop = target.drop.range;
  const ranges = [rangeText('fraction', fraction, 'loss'), rangeText('pressureDifference', drop, 'Δp'), ...(saturation ? [rangeText('temperatureDifference', SATURATION_FALL, 'ΔT_sat')] : [])];
  const meta: Meta = {
    kind: 'pressure loss',
    unit: '',
    default: shown,
    range: ranges.join(' | '),
    doc,
    source,
    sets: `${target.ratio.component} ${target.ratio.key} (loss = 1 − ${target.ratio.key}) or ${target.drop.key}`,
  };
  return z
    .union([z.string(), z.number()])
    .transform((v, ctx): PressureLoss => {
      const text = typeof v === 'string' ? v.trim() : v;
      if (typeof text === 'number' || text.endsWith('%') || /^[+-]?[\d.eE+-]+$/.test(text)) return { kind: 'fraction', value: parseIn('fraction', fraction, v, ctx) };
      if (/K$/.test(text) && !/Pa$|bar$/.test(text)) {
        if (!saturation) {
          ctx.addIssue({ code: 'custom', message: `${JSON.stringify(v)}: a saturation-temperature drop is accepted only for condensers and evaporators; give "%" or a pressure drop`, input: v });
          return z.NEVER;
        }
        return { kind: 'saturation', value: parseIn('temperatureDifference', SATURATION_FALL, v, ctx) };
      }
      return { kind: 'drop', value: parseIn('pressureDifference', drop, v, ctx) };
    })
    .default(def)
    .meta(meta as unknown as Record<string, unknown>);
}

/** Pressure after a loss: p·(1 − x), p − Δp, or for a saturation drop p − (p_sat(T_sat) − p_sat(T_sat − ΔT)) via `satDrop`. Pa */
export function afterLoss(p: number, loss: PressureLoss, satDrop?: (p: number, dT: number) => number): number {
  if (loss.kind === 'fraction') return p * (1 - loss.value);
  if (loss.kind === 'drop') return p - loss.value;
  if (!satDrop) throw new RangeError('a saturation-temperature pressure loss needs the fluid’s saturation curve');
  return p - satDrop(p, loss.value);
}


/** Every parameter of a (nested) object schema with its metadata, in declaration order. */
export function describeParameters(schema: z.ZodType, prefix = ''): ParameterInfo[] {
  const out: ParameterInfo[] = [];
  const meta = z.globalRegistry.get(schema) as unknown as Meta | undefined;
  if (meta && typeof meta.kind === 'string') {
    out.push({ path: prefix, kind: meta.kind, unit: meta.unit, default: meta.default, range: meta.range, doc: meta.doc, source: meta.source, ...(meta.sets ? { sets: meta.sets } : {}), ...(meta.narrowed ? { narrowed: meta.narrowed } : {}) });
    return out;
  }
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    for (const [k, v] of Object.entries(inner.shape)) out.push(...describeParameters(v as z.ZodType, prefix ? `${prefix}.${k}` : k));
  } else if (inner instanceof z.ZodArray) {
    out.push(...describeParameters(inner.element as z.ZodType, `${prefix}[]`));
  }
  return out;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (let i = 0; i < 8; i++) {
    const def = (s as unknown as { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } }).def;
    if ((def.type === 'default' || def.type === 'prefault' || def.type === 'optional' || def.type === 'nullable') && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  return s;
}

/** An issue of a template's parameters: the field's dotted path (`parameters.…` below the plant file), the value
 *  and valid range where known, and the message. */
export type ParameterIssue = InputIssue;

/** Bad template parameters, every issue with its field (the plant file's `parameters.…` path). */
export class TemplateParameterError extends RangeError {
  readonly template: string;
  readonly issues: readonly ParameterIssue[];
  constructor(template: string, issues: readonly ParameterIssue[]) {
    super(`${template}: ${issues.length} problem${issues.length === 1 ? '' : 's'} with the parameters:\n${issues.map((i) => `  ${i.field || '(parameters)'}: ${i.message}`).join('\n')}`);
    this.name = 'TemplateParameterError';
    this.template = template;
    this.issues = issues;
  }
}

/** Parses parameters or throws a TemplateParameterError with every issue's path. */
export function parseParameters<T>(template: string, schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input ?? {});
  if (!r.success) throw new TemplateParameterError(template, r.error.issues.map((i) => inputIssueOf(i)));
  return r.data;
}
