/**
 * The words a component's parameter declaration is written in. Each builder takes the parameter's kind, valid range
 * and doc and returns it as a function of its name, so that `parameters({...})` makes one strict zod object in which
 * every field knows its own name for its messages. From that one object come the parameter type (z.output), the
 * network-file entry (unit strings through the one quantity schema, src/units/schema.ts), the range checks and
 * `Component.set`'s refusal of unknown keys: a range is written once, here, and checked by whoever parses.
 *
 * A value outside its range is worded as `checkNumber` words it ("0 < eta_s ≤ 1", "0 W ≤ Q (the magnitude of …)"):
 * SI numbers and units, because that is what a component holds.
 */
import { z } from 'zod';
import { type QuantityKind } from '../../units/index.js';
import { parseWithin, quantity, type Range } from '../../units/schema.js';
import type { FluidSpec } from '../fluids/resolve.js';
import { LiquidCorrelationsSchema } from '../../fluids/incompressible/user-liquid-schema.js';
import { PlantInputError, validRange } from '../errors.js';

/** A parameter not yet named: `parameters` gives it its key. */
export type Param<S extends z.ZodType = z.ZodType> = (name: string) => S;

/** What `describe` lists of a parameter. */
export interface ParameterMeta {
  /** Quantity kind (src/units) or 'integer', 'choice', 'flag', 'name', 'list', 'fluid', … */
  readonly kind: string;
  /** SI unit ('' for dimensionless and non-numbers). */
  readonly unit: string;
  /** The valid range or choices, for people. */
  readonly valid: string;
  readonly doc: string;
  /** A quantity's valid range in SI, as checked (what a template parameter that sets this one starts from). */
  readonly range?: Range;
}

/** The SI unit a component holds a quantity in, as its messages show it. */
const SI_UNIT: Readonly<Partial<Record<QuantityKind, string>>> = {
  pressure: 'Pa',
  pressureDifference: 'Pa',
  temperature: 'K',
  temperatureDifference: 'K',
  massFlow: 'kg/s',
  power: 'W',
  specificEnthalpy: 'J/kg',
  conductance: 'W/K',
};

const meta = (m: ParameterMeta) => m as unknown as Record<string, unknown>;

function quantityOf(kind: QuantityKind, range: Range, doc: string, hint: string | ((x: number) => string), name: string) {
  const unit = SI_UNIT[kind] ?? '';
  const valid = (x: number) => validRange(name, range, unit, typeof hint === 'string' ? hint : hint(x));
  return quantity(kind, range, valid).meta(meta({ kind, unit, valid: validRange(name, range, unit, typeof hint === 'string' ? hint : ''), doc, range }));
}

/** An optional quantity (absent: not specified); `hint` may depend on the value. */
export function quantityParameter(kind: QuantityKind, range: Range, doc: string, hint: string | ((x: number) => string) = '') {
  return (name: string) => quantityOf(kind, range, doc, hint, name).optional();
}

/** A quantity the component cannot do without. */
export function requiredQuantity(kind: QuantityKind, range: Range, doc: string, hint: string | ((x: number) => string) = '') {
  return (name: string) => quantityOf(kind, range, doc, hint, name);
}

/** A pressure ratio that may also be left 'free' (set by other specifications). */
export function freeRatioParameter(range: Range, doc: string, hint = '') {
  return (name: string) => {
    const ratio = quantityOf('fraction', range, doc, hint, name);
    return z
      .union([z.string(), z.number()])
      .transform((v, ctx): number | 'free' => (v === 'free' ? 'free' : parseWithin(ratio, v, ctx)))
      .optional()
      .meta(meta({ kind: 'fraction', unit: '', valid: `'free' or ${validRange(name, range, '', hint)}`, doc, range }));
  };
}

/** An optional whole number in [min, max]. */
export function integerParameter(min: number, max: number, doc: string) {
  const valid = `a whole number from ${min} to ${max}`;
  return (_name: string) =>
    z
      .number({ error: valid })
      .refine((n) => Number.isInteger(n) && n >= min && n <= max, { message: valid })
      .optional()
      .meta(meta({ kind: 'integer', unit: '', valid, doc }));
}

/** One of a few words ("'supply' or 'receive'"). */
export function requiredChoice<const T extends readonly [string, ...string[]]>(values: T, doc: string) {
  const valid = values.map((v) => `'${v}'`).join(values.length === 2 ? ' or ' : ', ');
  return (_name: string) => z.enum(values, { error: valid }).meta(meta({ kind: 'choice', unit: '', valid, doc }));
}

/** An optional choice. */
export function choiceParameter<const T extends readonly [string, ...string[]]>(values: T, doc: string) {
  return (name: string) => requiredChoice(values, doc)(name).optional();
}

/** An optional yes/no switch. */
export function flagParameter(doc: string) {
  return (_name: string) => z.boolean({ error: 'true or false' }).optional().meta(meta({ kind: 'flag', unit: '', valid: 'true or false', doc }));
}

/** An optional non-empty name. */
export function nameParameter(doc: string) {
  return (_name: string) =>
    z
      .string({ error: 'a non-empty name' })
      .refine((s) => s.trim() !== '', { message: 'a non-empty name' })
      .optional()
      .meta(meta({ kind: 'name', unit: '', valid: 'a non-empty name', doc }));
}

/** A parameter whose schema is written out (nested objects, lists); `valid` says what is accepted. */
export function schemaParameter<S extends z.ZodType>(schema: S, kind: string, valid: string, doc: string) {
  return (_name: string) => schema.meta(meta({ kind, unit: '', valid, doc })) as S;
}

const fractions = z.record(z.string(), z.number());
const composition = z.union([z.object({ moleFractions: fractions }).strict(), z.object({ massFractions: fractions }).strict()]);

/** A medium as a user writes it (src/plant/fluids/resolve.ts says which names exist; `liquid`: a user-defined
 *  liquid from its published correlations, src/fluids/incompressible/user-liquid.ts). */
export const FluidSchema: z.ZodType<FluidSpec> = z.union([
  z.string(),
  z.object({ store: z.string() }).strict(),
  z.object({ idealGas: composition, name: z.string().optional() }).strict(),
  z.object({ liquid: LiquidCorrelationsSchema }).strict(),
]);

/** A required medium. */
export function fluidParameter(doc: string) {
  return schemaParameter(FluidSchema, 'fluid', 'a fluid name, { store: id }, { idealGas: composition } or { liquid: correlations }', doc);
}

/** The strict object of a component's parameters, each built with its own name. */
export function parameters<T extends Record<string, Param>>(specs: T) {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, spec] of Object.entries(specs)) shape[k] = spec(k);
  return z.object(shape as { [K in keyof T]: ReturnType<T[K]> }).strict();
}

/** Any component's parameter object (what the registry and `Component` hold). */
export type ParameterSchema = z.ZodObject<z.ZodRawShape, z.core.$strict>;

/** One declared parameter as `describeParameters` lists it. */
export interface ParameterRow extends ParameterMeta {
  readonly key: string;
  readonly required: boolean;
}

/** The metadata a builder above attached, looked for through the optional wrapper. */
function metaOf(schema: z.ZodType): ParameterMeta | undefined {
  let s: z.ZodType | undefined = schema;
  for (let i = 0; s && i < 4; i++) {
    const m = z.globalRegistry.get(s) as unknown as ParameterMeta | undefined;
    if (m && typeof m.kind === 'string') return m;
    s = (s as unknown as { def: { innerType?: z.ZodType } }).def.innerType;
  }
  return undefined;
}

/** Every parameter of a declaration with its kind, SI unit, valid range and doc, in declaration order. */
export function describeParameters(schema: ParameterSchema): ParameterRow[] {
  return Object.entries(schema.shape).map(([key, field]) => {
    const meta = metaOf(field as z.ZodType);
    const required = !(field as z.ZodType).safeParse(undefined).success;
    return { key, required, kind: meta?.kind ?? '', unit: meta?.unit ?? '', valid: meta?.valid ?? '', doc: meta?.doc ?? '' };
  });
}

/** A quantity parameter as declared: its kind, SI range and doc. */
export interface DeclaredQuantity {
  readonly key: string;
  readonly kind: QuantityKind;
  readonly range: Range;
  readonly doc: string;
}

/**
 * The declared quantity `key` of a parameter object, for whoever sets it from elsewhere (a template parameter takes
 * its range from here instead of writing a second one). Throws for a key that is not a quantity: a programming error.
 */
export function declaredQuantity(schema: ParameterSchema, key: string): DeclaredQuantity {
  const field = Object.hasOwn(schema.shape, key) ? (schema.shape[key] as z.ZodType) : undefined;
  const m = field && metaOf(field);
  if (!m || !m.range) throw new Error(`'${key}' is not a declared quantity parameter (${Object.keys(schema.shape).join(', ')})`);
  return { key, kind: m.kind as QuantityKind, range: m.range, doc: m.doc };
}

/** The value at a zod path inside `input` (for messages). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** The parameter error of a zod issue, for the component `where` ('compressor C1'); `keys` the valid names. */
export function parameterError(where: string, issue: z.core.$ZodIssue, input: unknown, keys: readonly string[]): PlantInputError {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    return new PlantInputError(where, key, valueAt(input, [...issue.path, key]), `a parameter of ${where.split(' ')[0]}: ${keys.join(', ') || 'none'}`);
  }
  const params = (issue as { params?: { value?: unknown; valid?: string } }).params;
  const field = issue.path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
  const value = params && 'value' in params ? params.value : valueAt(input, issue.path);
  return new PlantInputError(where, field, value, params?.valid ?? issue.message);
}

/** Parses a whole parameter object (constructor) or throws the first issue as a PlantInputError. */
export function parseParameters<S extends ParameterSchema>(where: string, schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  throw parameterError(where, r.error.issues[0], input, Object.keys(schema.shape));
}

/** Parses changed parameters one by one (`set`): unknown keys refused, `undefined` passes (it removes one). */
export function parseChanges(where: string, schema: ParameterSchema, changes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const shape = schema.shape;
  for (const [k, v] of Object.entries(changes)) {
    const field = Object.hasOwn(shape, k) ? (shape[k] as z.ZodType) : undefined;
    if (!field) throw new PlantInputError(where, k, v, `a parameter of ${where.split(' ')[0]}: ${Object.keys(shape).join(', ') || 'none'}`);
    if (v === undefined) {
      const absent = field.safeParse(undefined);
      if (!absent.success) throw new PlantInputError(where, k, undefined, absent.error.issues[0].message);
      out[k] = undefined;
      continue;
    }
    const r = field.safeParse(v);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw parameterError(where, { ...issue, path: [k, ...issue.path] }, { [k]: v }, Object.keys(shape));
    }
    out[k] = r.data;
  }
  return out;
}
