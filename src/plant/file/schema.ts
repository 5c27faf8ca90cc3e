/**
 * The network file format (YAML or JSON), defined once by this zod schema; each component entry is generated from
 * that component's own declaration (components/registry.ts: its keys, units, ranges and docs), so nothing about a
 * component is written here. Quantities are numbers in SI units or strings with units, parsed by the one quantity
 * schema (src/units/schema.ts: "70 bar", "40 degC", "10 K" for a temperature difference, "100 kg/s", "25 MW",
 * "500 kW/K"); dimensionless values (efficiencies, pressure ratios, fractions) are plain numbers or "%".
 *
 *   name: 2-stage A-CAES, charge
 *   deadState: { T: 20 degC, p: 1.013 bar }
 *   components:
 *     ambient: { type: source, fluid: Air, ambient: true }
 *     C1:      { type: compressor, eta_s: 0.85, pr: 8.3127 }
 *     IC1:     { type: heat-exchanger, ttd_u: 10 K }
 *     cavern:  { type: storage-vessel, fluid: Air, mode: receive, p: 70 bar }
 *   connections:
 *     - { from: ambient, to: C1, m: 100 kg/s }
 *     - { from: C1, to: IC1.hot_in }
 *     - { from: IC1.hot_out, to: cavern, T: 40 degC }
 *
 * Component ids are the keys of `components`; a connection runs from an outlet to an inlet ('id.port', or the id
 * alone where the component has one such port) and may carry specifications of its stream and its fluid: m, p, T, h,
 * Q; a saturation temperature (T_sat, or T beside Q), subcooling and superheat ("3 K"); and a property tied to another
 * stream's by its connection id (`T: { ref: e2, delta: -10 K }`, `p: { ref: e3, factor: 0.98 }`, a pressure loss as a
 * fall of saturation temperature `T_sat: { ref: e1, delta: -3 K }`). Unknown keys are errors (a misspelt
 * specification must not pass silently).
 *
 * A solution that breaks physics or the specification's sense is refused (src/plant/violations.ts): a compressor or
 * pump that expands (expansion-in-compressor), a turbine that compresses (compression-in-turbine), a pressure rise
 * across a pipe, valve, heater, cooler or exchanger side (pressure-rise), a stream against its connection
 * (negative-mass-flow), a temperature cross in a heat exchanger (temperature-cross), a heater or cooler against its
 * T_external (heat-against-temperature), negative exergy destruction (negative-exergy-destruction). To accept one
 * as a warning — a published case reproduced as published, a study of a limit — opt in for the whole network or
 * for one component (a stream's flow: either of its ends), with every kind (`true`) or a list:
 *
 *   allowUnphysical: [temperature-cross]                         # anywhere in the network
 *   components:
 *     IC2: { type: heat-exchanger, ttd_u: 10 K, allowUnphysical: [temperature-cross] }   # this exchanger only
 *     C9:  { type: compressor, eta_s: 0.8, p_out: 1 bar, allowUnphysical: true }          # anything of this one
 */
import { z } from 'zod';
import { quantity } from '../../units/schema.js';
import { FluidSchema } from '../core/parameters.js';
import type { ComponentDeclaration } from '../core/declaration.js';
import { declarations } from '../components/registry.js';
import { VIOLATION_KINDS } from '../violations.js';

type Ctx = z.core.$RefinementCtx;

const ratio = quantity('fraction');
const pressure = quantity('pressure');
const pressureDifference = quantity('pressureDifference');
const temperature = quantity('temperature');
const temperatureDifference = quantity('temperatureDifference');
const massFlow = quantity('massFlow');
const enthalpy = quantity('specificEnthalpy');

export { FluidSchema };

/** An opt-in to solutions that break physics: every kind (true), none (false) or the kinds listed. */
export const AllowUnphysicalSchema = z.union([z.boolean(), z.array(z.enum(VIOLATION_KINDS))], {
  error: (issue) => `expected true, false or a list of ${VIOLATION_KINDS.join(', ')} (got ${JSON.stringify(issue.input)})`,
});

const optIn = { allowUnphysical: AllowUnphysicalSchema.optional() };

/** One entry of `components`: a registered component's parameters with its `type` (components/registry.ts). */
function entryOf<D extends ComponentDeclaration>(d: D) {
  return d.parameters.extend({ type: z.literal(d.type), ...optIn }).strict();
}

/** A component entry, generated from the registry (each component's own declaration, nothing written here). */
export const ComponentSchema = z.discriminatedUnion(
  'type',
  declarations().map(entryOf) as unknown as [ReturnType<typeof entryOf>, ...ReturnType<typeof entryOf>[]],
);

/** A property tied to the same property of another stream (TESPy's Ref): x = factor · x_ref + delta. */
const streamRef = (delta: z.ZodType<number, unknown>) =>
  z.object({ ref: z.string().min(1), factor: z.number().optional(), delta: delta.optional() }).strict();
/**
 * A stream property: a value, or (an object) a ref whose delta is a difference of the quantity. Chosen by the input's
 * form rather than by a union, so that a value's own message ("bar" is not a unit of mass flow) reaches the user.
 */
const valueOrRef = (value: z.ZodType<number, unknown>, delta: z.ZodType<number, unknown>) => {
  const ref = streamRef(delta);
  return z.unknown().transform((v, ctx: Ctx): number | z.infer<typeof ref> => {
    const r = typeof v === 'object' && v !== null ? ref.safeParse(v) : value.safeParse(v);
    if (r.success) return r.data;
    for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as PropertyKey[], input: v });
    return z.NEVER;
  });
};

const REF_KEYS = ['m', 'p', 'h', 'T', 'T_sat'] as const;

/**
 * A stream's specifications: values (m, p, T, h, Q; T_sat, subcooling, superheat) or refs to another stream's
 * (`T: { ref: e2, delta: -10 K }`, `p: { ref: e3, factor: 0.98 }`, `T_sat: { ref: e1, delta: -3 K }`); the refs
 * come out as `refs` (src/plant/core/specs.ts).
 */
export const ConnectionSchema = z
  .object({
    id: z.string().optional(),
    from: z.string(),
    to: z.string(),
    fluid: FluidSchema.optional(),
    m: valueOrRef(massFlow, massFlow).optional(),
    p: valueOrRef(pressure, pressureDifference).optional(),
    T: valueOrRef(temperature, temperatureDifference).optional(),
    h: valueOrRef(enthalpy, enthalpy).optional(),
    Q: ratio.optional(),
    T_sat: valueOrRef(temperature, temperatureDifference).optional(),
    subcooling: temperatureDifference.optional(),
    superheat: temperatureDifference.optional(),
  })
  .strict()
  .transform((c) => {
    const out: Record<string, unknown> = {};
    const refs: Record<string, { stream: string; factor?: number; delta?: number }> = {};
    for (const [k, v] of Object.entries(c)) {
      if ((REF_KEYS as readonly string[]).includes(k) && typeof v === 'object' && v !== null && 'ref' in v) {
        const { ref, factor, delta } = v as { ref: string; factor?: number; delta?: number };
        refs[k] = { stream: ref, ...(factor !== undefined ? { factor } : {}), ...(delta !== undefined ? { delta } : {}) };
      } else if (v !== undefined) out[k] = v;
    }
    return { ...(out as { id?: string; from: string; to: string; fluid?: z.infer<typeof FluidSchema>; m?: number; p?: number; T?: number; h?: number; Q?: number; T_sat?: number; subcooling?: number; superheat?: number }), ...(Object.keys(refs).length > 0 ? { refs } : {}) };
  });

export const NetworkFileSchema = z
  .object({
    name: z.string().optional(),
    description: z.string().optional(),
    deadState: z.object({ T: temperature.optional(), p: pressure.optional() }).strict().optional(),
    allowUnphysical: AllowUnphysicalSchema.optional(),
    components: z.record(z.string(), ComponentSchema),
    connections: z.array(ConnectionSchema),
    solver: z.object({ tolerance: z.number().positive().optional(), maxIterations: z.number().int().positive().optional() }).strict().optional(),
  })
  .strict();

export type NetworkFile = z.infer<typeof NetworkFileSchema>;
export type ComponentEntry = z.infer<typeof ComponentSchema>;
