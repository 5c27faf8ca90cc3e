/**
 * Adiabatic complete combustion at constant pressure (a combustor without heat loss), by the enthalpy balance
 *   0 = h_fuel(T_fuel) + n_ox h_ox(T_ox) − n_products h_products(T_out)     (per mole of fuel)
 * with the products of `combustion.ts` (no dissociation). The adiabatic flame temperature is T_out for inlets at
 * 298.15 K. Because every product amount is linear in λ, the residual at a fixed T_out is linear in λ, so the λ
 * that gives a target outlet temperature follows from two evaluations without iteration.
 */
import { failed, solved, type SolveResult } from '../../numerics/index.js';
import { FluidInputError } from '../errors.js';
import { burn, type AirExcess, type Combustion } from './combustion.js';
import type { IdealGasMixture } from './mixture.js';

/** A gas stream entering the combustor. */
export interface InletStream {
  readonly mixture: IdealGasMixture;
  /** Temperature. K */
  readonly T: number;
}

export interface CombustorOutlet extends Combustion {
  /** Outlet (flame) temperature. K */
  readonly T: number;
}

/** Inlet enthalpy per mole of fuel. J/mol */
function inletEnthalpy(fuel: InletStream, oxidiser: InletStream, c: Combustion): number {
  return fuel.mixture.hMolar(fuel.T) + c.oxidiserPerFuelMolar * oxidiser.mixture.hMolar(oxidiser.T);
}

/** Outlet temperature of adiabatic complete combustion with the given λ or excess-air fraction. */
export function adiabaticCombustion(fuel: InletStream, oxidiser: InletStream, excess: AirExcess): CombustorOutlet {
  const c = burn(fuel.mixture, oxidiser.mixture, excess);
  const h = inletEnthalpy(fuel, oxidiser, c) / c.productsPerFuelMolar;
  const hMax = c.products.hMolar(c.products.Tmax);
  if (h > hMax) {
    throw new FluidInputError(
      'adiabaticCombustion',
      'lambda',
      c.lambda,
      `a λ for which the outlet stays at or below ${c.products.Tmax} K (the range of the NASA-7 data)`,
    );
  }
  return { ...c, T: c.products.T_hMolar(h) };
}

/**
 * The λ at which adiabatic complete combustion gives outlet temperature T. Fails (with the reason) where T is
 * above the flame temperature at λ = 1 or where more oxidiser would not cool the outlet (T at or below the
 * oxidiser's own temperature). The fuel flow for an oxidiser flow m_ox is then m_ox / oxidiserPerFuelMass.
 */
export function lambdaForOutletTemperature(fuel: InletStream, oxidiser: InletStream, T: number): SolveResult<CombustorOutlet> {
  const residual = (c: Combustion) => inletEnthalpy(fuel, oxidiser, c) - c.productsPerFuelMolar * c.products.hMolar(T);
  const c1 = burn(fuel.mixture, oxidiser.mixture, { lambda: 1 });
  const r1 = residual(c1);
  const r2 = residual(burn(fuel.mixture, oxidiser.mixture, { lambda: 2 }));
  const slope = r2 - r1;
  if (r1 < 0) {
    const Tad = adiabaticCombustion(fuel, oxidiser, { lambda: 1 });
    return failed(`outlet temperature ${T} K is above the adiabatic flame temperature at λ = 1 (${Tad.T} K)`, 0);
  }
  if (!(slope < 0)) {
    return failed(`more oxidiser does not cool the outlet towards ${T} K (the oxidiser enters at ${oxidiser.T} K): residual ${r1} J/mol at λ = 1, ${r2} J/mol at λ = 2`, 0);
  }
  const outlet = adiabaticCombustion(fuel, oxidiser, { lambda: 1 - r1 / slope });
  return solved(outlet, 1);
}
