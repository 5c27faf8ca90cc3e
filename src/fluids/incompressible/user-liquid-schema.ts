/**
 * The file form of a user-defined liquid (user-liquid.ts), apart from it so that loading the fluids never loads zod:
 * only the readers of network and plant files need it.
 */
import { z } from 'zod';
import { quantity } from '../../units/schema.js';

/**
 * A user-defined liquid as written in a network or plant file, SI after parsing: the range as quantities
 * ("260 degC", 533.15), the coefficients as numbers; checked in full by `userLiquid`.
 *   { id: HitecXL, source: "…", Tmin: 120 degC, Tmax: 500 degC, variable: degC, rho: [2240, -0.8266], cp: [1536, -0.2624] }
 */
export const LiquidCorrelationsSchema = z
  .object({
    id: z.string(),
    name: z.string().optional(),
    source: z.string(),
    Tmin: quantity('temperature', { min: 0, minOpen: true }),
    Tmax: quantity('temperature', { min: 0, minOpen: true }),
    variable: z.enum(['degC', 'K']),
    rho: z.array(z.number()).min(1),
    cp: z.array(z.number()).min(1),
    mu: z.array(z.number()).min(1).optional(),
    k: z.array(z.number()).min(1).optional(),
  })
  .strict();
