/**
 * From what a user writes for a stream's medium to its plant adapter:
 *   'Air', 'CO2', 'Water', … (src/fluids names and CoolProp's aliases)  → the equation of state
 *   'TVP1', 'T66', 'DowQ', 'NaK' or { store: 'TVP1' }                   → a thermal-store liquid
 *   { store: 'Water' }                                                   → water from its equation of state
 *   { idealGas: { moleFractions: { N2: 0.79, O2: 0.21 } }, name? }       → an ideal-gas mixture
 *   { liquid: { id, source, Tmin, Tmax, variable, rho, cp, mu?, k? } }     → a user-defined liquid (its correlations)
 * Combustion gas is never written by a user: a combustor makes it. Adapters are built once per key and shared.
 */
import { FLUID_NAMES, fluid, FluidInputError } from '../../fluids/index.js';
import { STORE_LIQUIDS, storeLiquid, userLiquid, type LiquidCorrelations } from '../../fluids/incompressible/index.js';
import { mixture, type Composition } from '../../fluids/idealgas/index.js';
import { RealFluid } from './real.js';
import { LiquidFluid } from './liquid.js';
import { IdealGasFluid } from './ideal-gas.js';
import type { StreamFluid } from './stream-fluid.js';

export type FluidSpec = string | { readonly store: string } | { readonly idealGas: Composition; readonly name?: string } | { readonly liquid: LiquidCorrelations };

const cache = new Map<string, StreamFluid>();

function known(): string {
  return `one of ${FLUID_NAMES.join(', ')} (equations of state), ${Object.keys(STORE_LIQUIDS).join(', ')} (store liquids), { store: id }, { idealGas: composition } or { liquid: correlations }`;
}

/** The stream medium for a fluid spec; `field` names the input in errors. */
export function resolveFluid(spec: FluidSpec, field = 'fluid'): StreamFluid {
  if (typeof spec === 'string') {
    const key = `name:${spec.trim().toLowerCase()}`;
    const hit = cache.get(key);
    if (hit) return hit;
    let made: StreamFluid;
    if (Object.hasOwn(STORE_LIQUIDS, spec)) made = new LiquidFluid(storeLiquid(spec));
    else {
      try {
        made = shared(new RealFluid(fluid(spec)));
      } catch (error) {
        if (error instanceof FluidInputError) throw new FluidInputError(field, 'fluid', spec, known());
        throw error;
      }
    }
    cache.set(key, made);
    return made;
  }
  if (typeof spec === 'object' && spec !== null && 'store' in spec) {
    if (spec.store === 'Water') return resolveFluid('Water', field);
    if (!Object.hasOwn(STORE_LIQUIDS, spec.store)) throw new FluidInputError(field, 'store', spec.store, `one of ${Object.keys(STORE_LIQUIDS).join(', ')}, Water`);
    return resolveFluid(spec.store, field);
  }
  if (typeof spec === 'object' && spec !== null && 'liquid' in spec) {
    // one adapter per definition: streams that name the same correlations share it (the store loop's fluid check)
    const key = `liquid:${JSON.stringify(spec.liquid)}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const made = new LiquidFluid(userLiquid(spec.liquid));
    cache.set(key, made);
    return made;
  }
  if (typeof spec === 'object' && spec !== null && 'idealGas' in spec) {
    const m = mixture(spec.idealGas);
    const name = spec.name ?? describe(m.moleFractions);
    const key = `ig:${name}:${JSON.stringify(m.moleFractions)}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const made = new IdealGasFluid(m, name);
    cache.set(key, made);
    return made;
  }
  throw new FluidInputError(field, 'fluid', spec, known());
}

/** One adapter per equation of state, whatever alias named it. */
function shared(f: RealFluid): RealFluid {
  const key = `eos:${f.name}`;
  const hit = cache.get(key) as RealFluid | undefined;
  if (hit) return hit;
  cache.set(key, f);
  return f;
}

function describe(x: Readonly<Record<string, number | undefined>>): string {
  return Object.entries(x)
    .filter(([, v]) => (v ?? 0) > 0)
    .map(([k, v]) => `${k} ${((v as number) * 100).toPrecision(3)} %`)
    .join(', ');
}
