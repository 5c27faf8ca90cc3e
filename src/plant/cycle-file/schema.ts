/**
 * The cycle file (YAML or JSON): a charge network and a discharge network joined with their durations, the store
 * states handed from the charge's solution to the discharge, and — solved — the round trip across both.
 *
 *   kind: cycle
 *   name: 2-stage A-CAES, one cycle
 *   charge:    { network: tespy-acaes-2stage-charge.yaml, duration: 8 h }
 *   discharge: { network: tespy-acaes-2stage-discharge.yaml, duration: 8 h }
 *   handover:
 *     - { from: s11.T, to: tes.T }                   # hot-tank temperature: the charge's stream into it → the store
 *     - { from: tes.Q, to: heat.Q, rate: energy }    # the stored heat, spread over the discharge's duration
 *
 * `network` is a path relative to the cycle file, or a network written inline (src/plant/file/schema.ts);
 * `allowUnphysical` accepts violations in that phase as the network file's own opt-in does. A handover
 * reads `<stream id>.<m|p|T|h>` or `<component id>.<Q|P|P_el|value key>` from the charge's solution and writes it
 * to a discharge component's parameter (`tes.T`) or a discharge connection's specification (`s1.m`). With
 * `rate: energy` (a heat or power) or `rate: mass` (a mass flow) the quantity is an amount per second, handed over
 * as the same amount across the discharge: value · t_charge / t_discharge; `factor` scales it further (a store's
 * heat loss, a heel left in the tank).
 */
import { z } from 'zod';
import { quantity } from '../../units/schema.js';
import { AllowUnphysicalSchema } from '../file/schema.js';

const duration = quantity('time', { min: 0, minOpen: true }, 'a duration > 0 (e.g. "8 h")');

/** One network of the cycle: a path relative to the cycle file, or the network itself. */
const Phase = z
  .object({
    network: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
    duration,
    /** Violations of physics this phase accepts, on top of the network's own (src/plant/violations.ts). */
    allowUnphysical: AllowUnphysicalSchema.optional(),
  })
  .strict();

const reference = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_\-]*\.[A-Za-z0-9_:\-]+$/, 'an id and a quantity joined by a dot ("s11.T", "tes.Q")');

const Handover = z
  .object({
    from: reference,
    to: reference,
    rate: z.enum(['energy', 'mass']).optional(),
    factor: z.number().positive().optional(),
  })
  .strict();

export const CycleFileSchema = z
  .object({
    kind: z.literal('cycle'),
    name: z.string().optional(),
    description: z.string().optional(),
    charge: Phase,
    discharge: Phase,
    handover: z.array(Handover).default([]),
  })
  .strict();

export type CycleFile = z.output<typeof CycleFileSchema>;
export type Handover = z.output<typeof Handover>;
