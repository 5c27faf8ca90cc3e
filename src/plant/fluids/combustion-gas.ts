/**
 * The products of complete combustion of one fuel in one oxidiser, as a family of ideal-gas mixtures with one
 * composition variable: f, the kg of fuel burnt per kg of gas (0 = pure oxidiser). Because the products of fuel
 * burnt with λ times the stoichiometric oxidiser are the stoichiometric products plus (λ − 1) times the
 * stoichiometric oxidiser, the gas at f is w = f/f_st kg of stoichiometric products and 1 − w kg of oxidiser per kg,
 * f_st = 1/(1 + (oxidiser/fuel)_st); f mixes linearly by mass, so mixers and a second (reheat) combustor keep the
 * family. Valid for 0 ≤ f ≤ f_st (λ ≥ 1) and the NASA-7 range 200–3500 K; h on the formation basis (src/fluids/idealgas).
 */
import { FluidInputError } from '../../fluids/index.js';
import { IdealGasMixture, burn, type Combustion } from '../../fluids/idealgas/index.js';
import { SPECIES_COUNT } from '../../fluids/idealgas/species.js';
import { fillIdealGas, isentropicIdealGas } from './ideal-gas.js';
import { IsentropicPoint, StreamState, type StreamFluid } from './stream-fluid.js';

/** Step in f of the difference for (∂s/∂f). - */
const DF = 1e-7;
/** Mixtures kept per family (the solver evaluates a few compositions at a time). */
const CACHE_SIZE = 6;

export class CombustionGas implements StreamFluid {
  readonly kind = 'combustion-gas' as const;
  readonly variableComposition = true;
  readonly name: string;
  readonly Tmin: number;
  readonly Tmax: number;
  readonly pmax = 1e9;
  /** Fuel fraction of stoichiometric combustion: kg of fuel per kg of stoichiometric products. - */
  readonly fStoichiometric: number;
  readonly stoichiometric: Combustion;
  private readonly xOx: Float64Array;
  private readonly xSt: Float64Array;
  private readonly keys = new Float64Array(CACHE_SIZE).fill(NaN);
  private readonly mixtures: (IdealGasMixture | undefined)[] = new Array(CACHE_SIZE);
  private next = 0;
  private readonly xs = new Float64Array(SPECIES_COUNT);

  constructor(
    readonly fuel: IdealGasMixture,
    readonly oxidiser: IdealGasMixture,
    fuelName: string,
    oxidiserName: string,
  ) {
    this.name = `flue gas (${fuelName} in ${oxidiserName})`;
    this.stoichiometric = burn(fuel, oxidiser, { lambda: 1 });
    this.fStoichiometric = 1 / this.stoichiometric.productsPerFuelMass;
    this.xOx = Float64Array.from(oxidiser.x);
    this.xSt = Float64Array.from(this.stoichiometric.products.x);
    this.Tmin = oxidiser.Tmin;
    this.Tmax = oxidiser.Tmax;
  }

  /** Whether another family is the same fuel in the same oxidiser. */
  sameAs(o: CombustionGas): boolean {
    for (let i = 0; i < SPECIES_COUNT; i++) if (this.xOx[i] !== o.xOx[i] || this.fuel.x[i] !== o.fuel.x[i]) return false;
    return true;
  }

  /** The mixture at fuel fraction f (cached). */
  mixtureAt(f: number): IdealGasMixture {
    for (let i = 0; i < CACHE_SIZE; i++) if (this.keys[i] === f) return this.mixtures[i] as IdealGasMixture;
    const w = f / this.fStoichiometric;
    if (!(w >= 0 && w <= 1 + 1e-12)) {
      throw new FluidInputError(this.name, 'f', f, `0 ≤ f ≤ ${this.fStoichiometric} (kg of fuel per kg of gas; λ ≥ 1, complete combustion)`);
    }
    const nOx = (1 - Math.min(w, 1)) / this.oxidiser.molarMass;
    const nSt = Math.min(w, 1) / this.stoichiometric.products.molarMass;
    let total = 0;
    for (let i = 0; i < SPECIES_COUNT; i++) {
      const n = nOx * this.xOx[i] + nSt * this.xSt[i];
      this.xs[i] = n;
      total += n;
    }
    let sum = 0;
    for (let i = 0; i < SPECIES_COUNT; i++) sum += (this.xs[i] /= total);
    // round-off: make the fractions sum to 1 exactly enough for the mixture's check
    if (Math.abs(sum - 1) > 1e-12) for (let i = 0; i < SPECIES_COUNT; i++) this.xs[i] /= sum;
    const m = new IdealGasMixture(this.xs);
    const slot = this.next;
    this.next = (this.next + 1) % CACHE_SIZE;
    this.keys[slot] = f;
    this.mixtures[slot] = m;
    return m;
  }

  /** λ = O2 supplied / O2 needed of the gas at fuel fraction f (Infinity at f = 0): 1 kg of gas is f kg of fuel
   *  burnt with 1 − f kg of oxidiser, and the stoichiometric oxidiser per kg of fuel is (1 − f_st)/f_st. - */
  lambda(f: number): number {
    const fSt = this.fStoichiometric;
    return f > 0 ? (1 - f) / f / ((1 - fSt) / fSt) : Infinity;
  }

  /** T(h) of the mixture at f alone. Unit: K */
  temperature(_p: number, h: number, f: number): number {
    return this.mixtureAt(f).T_hMass(h);
  }

  evaluate(p: number, h: number, f: number, out: StreamState): void {
    const m = this.mixtureAt(f);
    const T = m.T_hMass(h);
    fillIdealGas(m, p, T, h, out);
    out.f = f;
    // (∂T/∂f)_h = −(∂h/∂f)_T / cp, with h linear in w = f/f_st at fixed T
    const dhdf = (this.stoichiometric.products.hMass(T) - this.oxidiser.hMass(T)) / this.fStoichiometric;
    out.dTdf = -dhdf / out.cp;
    // (∂s/∂f)_{p,h}: the mixing term is not linear in f, so by a short difference
    const f2 = f + DF <= this.fStoichiometric ? f + DF : f - DF;
    const m2 = this.mixtureAt(f2);
    const s2 = m2.sMass(m2.T_hMass(h), p);
    out.dsdf = (s2 - out.s) / (f2 - f);
  }

  hTP(T: number, p: number, f: number, out?: StreamState): number {
    const m = this.mixtureAt(f);
    const h = m.hMass(T);
    if (out) this.evaluate(p, h, f, out);
    return h;
  }

  isentropic(p: number, s: number, f: number, out: IsentropicPoint): void {
    isentropicIdealGas(this.mixtureAt(f), p, s, out);
  }

  saturationEnthalpies(): undefined {
    return undefined;
  }

  formationOffset(): number {
    return 0;
  }

  reactionMixture(f: number): IdealGasMixture {
    return this.mixtureAt(f);
  }
}
