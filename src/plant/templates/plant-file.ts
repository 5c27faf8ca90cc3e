/**
 * The plant file (YAML or JSON), defined by one zod schema: a template, its parameters, the site and the cycle to
 * simulate. Quantities as strings with units (or SI numbers).
 *
 *   template: co2-gas-liquid
 *   parameters: { charge: { power: 100 MW }, discharge: { power: 100 MW } }
 *   site: { ambientTemperature: 25 degC }
 *   cycle: { charge: 4 h, hold: 2 h, discharge: 4 h, step: 1 min }
 *
 * Errors are data: the field's path (`site.ambientTemperature`, `parameters.compression.stages`) and a message.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { parseQuantity, UnitError, type QuantityKind } from '../../units/index.js';
import { PlantInputError } from '../errors.js';
import { PhysicsViolationError } from '../violations.js';
import type { CycleOptions } from '../transient/cycle.js';
import { createPlant, TEMPLATE_NAMES, TemplateParameterError } from './index.js';
import type { PlantModel, Site } from './types.js';

type Ctx = z.core.$RefinementCtx;
const raw = z.union([z.string(), z.number()]);

function q(kind: QuantityKind, range: { min: number; max: number }, what: string) {
  return raw.transform((v, ctx: Ctx) => {
    try {
      const x = parseQuantity(v, kind, '');
      if (!(x >= range.min && x <= range.max)) {
        ctx.addIssue({ code: 'custom', message: `${JSON.stringify(v)} is outside the valid range for ${what}`, input: v });
        return z.NEVER;
      }
      return x;
    } catch (e) {
      if (e instanceof UnitError) {
        ctx.addIssue({ code: 'custom', message: e.message.replace(/^[^:]*: /, ''), input: v });
        return z.NEVER;
      }
      throw e;
    }
  });
}

/** The cycle a plant file asks for; defaults: charge 4 h, hold 2 h, discharge 4 h, 1-minute steps. */
export const DEFAULT_PLANT_CYCLE = Object.freeze({ charge: 4 * 3600, hold: 2 * 3600, discharge: 4 * 3600, step: 60 });

export const PlantFileSchema = z
  .object({
    name: z.string().optional(),
    description: z.string().optional(),
    template: z.enum(TEMPLATE_NAMES),
    parameters: z.record(z.string(), z.unknown()).default({}),
    site: z
      .object({
        ambientTemperature: q('temperature', { min: 200, max: 340 }, 'an ambient temperature (200–340 K)').optional(),
        ambientPressure: q('pressure', { min: 5e4, max: 1.2e5 }, 'an ambient pressure (50–120 kPa)').optional(),
      })
      .strict()
      .default({}),
    cycle: z
      .object({
        charge: q('time', { min: 0, max: 30 * 86400 }, 'a charge duration (0–30 days)').default(DEFAULT_PLANT_CYCLE.charge),
        hold: q('time', { min: 0, max: 365 * 86400 }, 'a hold (0–1 year)').default(DEFAULT_PLANT_CYCLE.hold),
        discharge: q('time', { min: 0, max: 30 * 86400 }, 'a discharge duration (0–30 days)').default(DEFAULT_PLANT_CYCLE.discharge),
        step: q('time', { min: 1, max: 86400 }, 'a time step (1 s – 1 day)').default(DEFAULT_PLANT_CYCLE.step),
        chargePower: q('power', { min: 1, max: 1e10 }, 'a charge power').optional(),
        dischargePower: q('power', { min: 1, max: 1e10 }, 'a discharge power').optional(),
      })
      .strict()
      .default({ charge: DEFAULT_PLANT_CYCLE.charge, hold: DEFAULT_PLANT_CYCLE.hold, discharge: DEFAULT_PLANT_CYCLE.discharge, step: DEFAULT_PLANT_CYCLE.step }),
  })
  .strict();

export type PlantFile = z.infer<typeof PlantFileSchema>;

export interface PlantFileIssue {
  readonly field: string;
  readonly message: string;
}

export type PlantFileParse = { readonly ok: true; readonly file: PlantFile } | { readonly ok: false; readonly issues: readonly PlantFileIssue[] };

const fieldOf = (path: readonly PropertyKey[]) => path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');

/** A plant file from YAML or JSON text; never throws for bad input. */
export function parsePlantFile(text: string, source = 'plant file'): PlantFileParse {
  let input: unknown;
  try {
    input = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    if (error instanceof YAMLParseError) return { ok: false, issues: [{ field: '', message: `${source}: ${error.message}` }] };
    throw error;
  }
  const r = PlantFileSchema.safeParse(input);
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => ({ field: fieldOf(i.path), message: `${fieldOf(i.path) || 'plant file'}: ${i.message}` })) };
  return { ok: true, file: r.data };
}

/** The site and cycle options of a parsed file. */
export function siteOf(file: PlantFile): Site {
  return { ambientTemperature: file.site.ambientTemperature ?? 293.15, ambientPressure: file.site.ambientPressure ?? 101325 };
}

export function cycleOptionsOf(file: PlantFile, onProgress?: (done: number, total: number) => void): CycleOptions {
  const c = file.cycle;
  return {
    chargeSeconds: c.charge,
    holdSeconds: c.hold,
    dischargeSeconds: c.discharge,
    stepSeconds: c.step,
    ...(c.chargePower !== undefined ? { chargePower: c.chargePower } : {}),
    ...(c.dischargePower !== undefined ? { dischargePower: c.dischargePower } : {}),
    ...(onProgress ? { onProgress } : {}),
  };
}

/**
 * The plant of a parsed file; every mistake becomes issues with their field paths (`parameters.…` for template
 * parameters, `site.…` where the site makes the plant impossible).
 */
export function plantOf(file: PlantFile): { ok: true; plant: PlantModel } | { ok: false; issues: PlantFileIssue[] } {
  try {
    return { ok: true, plant: createPlant(file.template, file.parameters, siteOf(file)) };
  } catch (error) {
    if (error instanceof TemplateParameterError) return { ok: false, issues: error.issues.map((i) => ({ field: `parameters.${i.field}`, message: `parameters.${i.field}: ${i.message}` })) };
    if (error instanceof PlantInputError) {
      const field = error.field.startsWith('site.') ? error.field : `parameters.${error.field}`;
      return { ok: false, issues: [{ field, message: error.message }] };
    }
    // parameters whose design point breaks physics (violations.ts): the parameters as a whole are at fault
    if (error instanceof PhysicsViolationError) return { ok: false, issues: [{ field: 'parameters', message: error.message }] };
    throw error;
  }
}
