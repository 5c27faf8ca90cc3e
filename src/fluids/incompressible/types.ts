/**
 * The data that defines an incompressible liquid in the form the generated modules under
 * `src/fluids/incompressible/data/` hold it: CoolProp's incompressible-liquid fits (pure fluids only).
 * The fits take T in K; `polynomial` and `exppolynomial` fits are in (T − Tbase), the exponential forms in T itself.
 */

/** y = Σ c_i (T − Tbase)^i */
export interface PolynomialFit {
  readonly type: 'polynomial';
  readonly coeffs: readonly number[];
  /** CoolProp's normalised RMS deviation of the fit from its source data, where it reports one. — */
  readonly nrms: number | null;
}

/** y = exp(Σ c_i (T − Tbase)^i) */
export interface ExpPolynomialFit {
  readonly type: 'exppolynomial';
  readonly coeffs: readonly number[];
  /** CoolProp's normalised RMS deviation of the fit from its source data. — */
  readonly nrms: number | null;
}

/** y = exp(c0 / (T + c1) − c2) */
export interface ExponentialFit {
  readonly type: 'exponential';
  readonly coeffs: readonly [number, number, number];
  /** CoolProp's normalised RMS deviation of the fit from its source data. — */
  readonly nrms: number | null;
}

/** y = exp(c1 ln(1/(T + c0) + 1/(T + c0)²) + c2) */
export interface LogExponentialFit {
  readonly type: 'logexponential';
  readonly coeffs: readonly [number, number, number];
  /** CoolProp's normalised RMS deviation of the fit from its source data. — */
  readonly nrms: number | null;
}

export type FitFunction = PolynomialFit | ExpPolynomialFit | ExponentialFit | LogExponentialFit;

export interface IncompressibleLiquidData {
  /** CoolProp's name of the fluid (`INCOMP::<id>`). */
  readonly id: string;
  /** Name for people. */
  readonly name: string;
  /** CoolProp's description field. */
  readonly description: string;
  /** Where the fitted data come from. */
  readonly reference: string;
  /** Where the coefficients were taken from. */
  readonly source: string;
  /** Lowest temperature of the fits. K */
  readonly Tmin: number;
  /** Highest temperature of the fits. K */
  readonly Tmax: number;
  /** Centre of the polynomial fits. K */
  readonly Tbase: number;
  /** Below this temperature the saturation pressure is taken as zero (no vapour-pressure data). K */
  readonly TminPsat: number;
  /** Density. kg/m³ */
  readonly density: PolynomialFit;
  /** Isobaric specific heat capacity. J/(kg K) */
  readonly specificHeat: PolynomialFit;
  /** Dynamic viscosity. Pa s */
  readonly viscosity: FitFunction;
  /** Thermal conductivity. W/(m K) */
  readonly conductivity: FitFunction;
  /** Saturation (vapour) pressure, or null where the source gives none. Pa */
  readonly saturationPressure: FitFunction | null;
}
