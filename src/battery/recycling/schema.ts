/**
 * The recycling plant section of a file: one zod schema, strict objects, quantities as strings with units parsed
 * through src/units at the edge ("3 t/h", "98 %", "2000 yuan/t", "150 kWh/t"), turned into RecyclingPlantSpec (SI).
 * Errors name the field path, the value and the valid range.
 *
 *   name: Luoyang recycling line
 *   feed:
 *     - { chemistry: LFP, form: module, unitsPerYear: 40000, unitMass: 330 kg, unitEnergy: 44.8 kWh, gateFee: -3000 yuan/t }
 *   line: { capacity: 3.2 t/h, hoursPerYear: 7200 h, availability: 90 %, staff: 160, labourCostPerPerson: 110000 yuan }
 *   sorting: { secondLifeShare: 10 %, secondLifePrice: 250 yuan/kWh }   # or grades: { reuseStorage, reuseLowPower, recycle }
 *   route: hydro
 *   recovery: CN-2024                                                   # or { set: CN-2024, blackMassYield: 97 %, ... }
 *   costs: { ... }                                                      # ProcessCosts, every item stated
 *   prices: { snapshot: CN-2025-06, lithiumCarbonate: 86450 yuan/t }    # snapshot with dated overrides
 */
import { z } from 'zod';
import { parseQuantity, UnitError, type QuantityKind } from '../../units/index.js';
import { RECYCLING_CHEMISTRIES } from '../data/recycling-materials.js';
import { PRICE_NAMES, PRICES_CN_2025_06, PRICES_CN_2025_11, type PriceName, type PriceSnapshot } from '../data/recycling-prices.js';
import { RECOVERY_SETS, RECYCLING_ROUTES, type RecoverySet, type RouteRecovery } from '../data/recycling-recovery.js';
import { secondLifeShareOf } from './sorting.js';
import type { RecyclingPlantSpec } from './spec.js';

type Ctx = z.core.$RefinementCtx;
const raw = z.union([z.string(), z.number()]);

/** Price snapshots a file may name. */
export const PRICE_SNAPSHOTS: Readonly<Record<string, PriceSnapshot>> = { 'CN-2025-06': PRICES_CN_2025_06, 'CN-2025-11': PRICES_CN_2025_11 };

/** A quantity of `kind` within [min, max] (SI); a bare number is SI. The message names the value and the range. */
function quantity(kind: QuantityKind, min: number, max: number, range: string) {
  return raw.transform((v, ctx: Ctx) => {
    let x: number;
    try {
      x = parseQuantity(v, kind, '');
    } catch (e) {
      if (!(e instanceof UnitError)) throw e;
      ctx.addIssue({ code: 'custom', message: e.message.replace(/^[^:]*: /, ''), input: v });
      return z.NEVER;
    }
    if (!(x >= min && x <= max)) {
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(v)} is not valid: expected ${range}`, input: v });
      return z.NEVER;
    }
    return x;
  });
}

const fraction = quantity('fraction', 0, 1, '0 % … 100 %');
const share = (lo: number, range: string) => quantity('fraction', lo, 1, range);
const money = (kind: QuantityKind, range = '≥ 0') => quantity(kind, 0, Infinity, range);
const count = (max: number) => z.number().int().min(0).max(max);

const feed = z
  .object({
    chemistry: z.enum(RECYCLING_CHEMISTRIES),
    form: z.enum(['pack', 'module']),
    unitsPerYear: z.number().min(1).max(1e8),
    unitMass: quantity('mass', 0.1, 1e5, '0.1 kg … 100 t'),
    unitEnergy: quantity('energy', 3.6e4, 3.6e10, '0.01 kWh … 10 MWh'),
    gateFee: quantity('pricePerMass', -1e3, 1e3, '−1,000,000 … 1,000,000 yuan/t (negative: the plant pays)').default(0),
  })
  .strict();

const line = z
  .object({
    capacity: quantity('massFlow', 1e-4, 1e3, '0.36 kg/h … 3,600 t/h'),
    hoursPerYear: quantity('time', 3600, 8760 * 3600, '1 h … 8760 h'),
    availability: share(0.01, '1 % … 100 %'),
    staff: z.number().int().min(0).max(100000),
    labourCostPerPerson: money('money', '≥ 0 yuan per person-year'),
  })
  .strict();

const sorting = z
  .object({
    secondLifeShare: fraction.optional(),
    grades: z.object({ reuseStorage: count(1e9), reuseLowPower: count(1e9), recycle: count(1e9) }).strict().optional(),
    secondLifePrice: money('pricePerEnergy').default(0),
  })
  .strict()
  .superRefine((s, ctx) => {
    if ((s.secondLifeShare === undefined) === (s.grades === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of secondLifeShare (a fraction) or grades (cell counts from a grading campaign)' });
    } else if (s.grades && s.grades.reuseStorage + s.grades.reuseLowPower + s.grades.recycle === 0) {
      ctx.addIssue({ code: 'custom', path: ['grades'], message: 'grades count no cell: expected at least one graded cell' });
    }
  });

const perMass = (what: string) => money('pricePerMass', `≥ 0 yuan/t of ${what}`);
const energyPerMass = (what: string) => quantity('specificEnthalpy', 0, 1e8, `0 … 27,778 kWh/t of ${what}`);

/** Process costs as written in a file (every item stated). */
export const ProcessCostsSchema = z
  .object({
    electricityPrice: money('pricePerEnergy', '≥ 0 yuan/kWh'),
    collection: perMass('feed'),
    dismantling: z.object({ energy: energyPerMass('feed'), consumables: perMass('feed') }).strict(),
    pretreatment: z.object({ energy: energyPerMass('cells'), consumables: perMass('cells') }).strict(),
    route: z.object({ energy: energyPerMass('black mass'), reagentsLFP: perMass('LFP black mass'), reagentsNCM: perMass('NCM black mass'), other: perMass('black mass') }).strict(),
    residueDisposal: perMass('residue'),
    capexPerCapacity: perMass('annual capacity'),
    fixedOm: share(0, '0 % … 100 % of capex per year'),
    capitalRecovery: z.object({ rate: share(0, '0 % … 100 % per year'), years: z.number().int().min(1).max(100) }).strict(),
  })
  .strict();

const frontEndKeys = ['blackMassYield', 'copper', 'aluminium', 'steel'] as const;
const recovery = z.union([
  z.enum(Object.keys(RECOVERY_SETS) as [string, ...string[]]),
  z
    .object({
      set: z.enum(Object.keys(RECOVERY_SETS) as [string, ...string[]]).default('CN-2024'),
      blackMassYield: fraction.optional(),
      copper: fraction.optional(),
      aluminium: fraction.optional(),
      steel: fraction.optional(),
      lithium: fraction.optional(),
      nickel: fraction.optional(),
      cobalt: fraction.optional(),
      manganese: fraction.optional(),
      ironPhosphate: fraction.optional(),
      cathode: fraction.optional(),
    })
    .strict(),
]);

/** The unit each price is parsed in; payables are fractions. */
const PRICE_KIND: Readonly<Record<PriceName, QuantityKind>> = Object.fromEntries(
  PRICE_NAMES.map((n) => [n, n === 'ncmPayableNiCo' || n === 'ncmPayableLi' ? 'fraction' : 'pricePerMass']),
) as Record<PriceName, QuantityKind>;

const prices = z
  .object({
    snapshot: z.enum(Object.keys(PRICE_SNAPSHOTS) as [string, ...string[]]).default('CN-2025-06'),
    date: z.string().optional(),
    ...Object.fromEntries(PRICE_NAMES.map((n) => [n, PRICE_KIND[n] === 'fraction' ? fraction.optional() : money('pricePerMass', '≥ 0 yuan/t').optional()])),
  })
  .strict()
  .default({ snapshot: 'CN-2025-06' });

export const RecyclingPlantSchema = z
  .object({
    name: z.string().min(1),
    feed: z.array(feed).min(1).max(20),
    line,
    sorting,
    route: z.enum(RECYCLING_ROUTES),
    recovery: recovery.default('CN-2024'),
    costs: ProcessCostsSchema,
    prices,
  })
  .strict()
  .transform((f): RecyclingPlantSpec => {
    const s = f.sorting;
    const g = s.grades;
    const secondLifeShare = g ? secondLifeShareOf(g) : s.secondLifeShare!;
    const p = f.prices as Record<string, unknown> & { snapshot: string; date?: string };
    const snap = PRICE_SNAPSHOTS[p.snapshot];
    const values = {} as Record<PriceName, number>;
    const sources = {} as Record<PriceName, { date: string; source: string }>;
    for (const n of PRICE_NAMES) {
      const given = p[n] as number | undefined;
      values[n] = given ?? snap[n].value;
      sources[n] = given === undefined ? { date: snap[n].date, source: snap[n].source } : { date: p.date ?? 'undated', source: 'given in the file' };
    }
    return {
      name: f.name,
      feed: f.feed.map((x) => ({ ...x })),
      line: f.line,
      sorting: { secondLifeShare, basis: g ? 'grading' : 'share', secondLifePrice: s.secondLifePrice },
      route: f.route,
      recovery: resolveRecovery(f.recovery),
      costs: f.costs,
      prices: values,
      priceSources: sources,
    };
  });

type RecoveryInput = z.output<typeof recovery>;

function resolveRecovery(r: RecoveryInput): RecoverySet {
  if (typeof r === 'string') return RECOVERY_SETS[r];
  const base = RECOVERY_SETS[r.set];
  const frontEnd = { ...base.frontEnd };
  for (const k of frontEndKeys) if (r[k] !== undefined) frontEnd[k] = r[k]!;
  const over = (route: RouteRecovery): RouteRecovery => {
    const o: Record<string, number> = { ...route } as Record<string, number>;
    const set = (keys: string[], v: number | undefined) => v !== undefined && keys.forEach((k) => k in o && (o[k] = v));
    set(['Li'], r.lithium);
    set(['Ni'], r.nickel);
    set(['Co'], r.cobalt);
    set(['Mn'], r.manganese);
    set(['Fe', 'P', 'O'], r.ironPhosphate);
    return o;
  };
  const direct = r.cathode !== undefined ? Object.fromEntries(Object.keys(base.routes.direct).map((k) => [k, r.cathode!])) : base.routes.direct;
  return { id: `${base.id} (amended)`, frontEnd, routes: { hydro: over(base.routes.hydro), pyro: over(base.routes.pyro), direct }, source: `${base.source}; amended in the file` };
}

export type RecyclingPlantInput = z.input<typeof RecyclingPlantSchema>;

export interface RecyclingIssue {
  /** Path of the field, e.g. `feed[0].unitMass`. */
  readonly field: string;
  readonly message: string;
}

export type RecyclingParse = { readonly ok: true; readonly value: RecyclingPlantSpec } | { readonly ok: false; readonly issues: readonly RecyclingIssue[] };

const fieldOf = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');

/** Parses a recycling plant (already read from YAML/JSON); never throws for bad input. */
export function parseRecyclingPlant(input: unknown): RecyclingParse {
  const r = RecyclingPlantSchema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => {
      const field = fieldOf(i.path);
      return { field, message: `${field || 'plant'}: ${i.message}` };
    }),
  };
}
