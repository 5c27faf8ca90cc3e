/**
 * One species' NASA 7-coefficient polynomials as the generated module `data/nasa7.ts` holds them. In each range
 *   cp/R  = a1 + a2 T + a3 T² + a4 T³ + a5 T⁴
 *   h/RT  = a1 + a2 T/2 + a3 T²/3 + a4 T³/4 + a5 T⁴/5 + a6/T
 *   s°/R  = a1 ln T + a2 T + a3 T²/2 + a4 T³/3 + a5 T⁴/4 + a7
 * with T in K; h includes the enthalpy of formation at 298.15 K (elements in their reference states: h = 0).
 */
export interface Nasa7Species {
  readonly name: string;
  /** Atoms per molecule, by element symbol. — */
  readonly elements: Readonly<Record<string, number>>;
  /** Molar mass from the element molar masses of the data module. kg/mol */
  readonly molarMass: number;
  /** Lower end of the published range. K */
  readonly Tlow: number;
  /** Boundary between the low and high ranges. K */
  readonly Tmid: number;
  /** Upper end of the published range. K */
  readonly Thigh: number;
  /** a1..a7 for Tlow ≤ T ≤ Tmid. — */
  readonly low: readonly number[];
  /** a1..a7 for Tmid ≤ T ≤ Thigh. — */
  readonly high: readonly number[];
}
