/**
 * Levelised cost of storage in the conventions users quote. They give different numbers for the same plant, so
 * each is labelled.
 *
 * 1. Schmidt et al., "Projecting the Future Levelized Cost of Electricity Storage Technologies", Joule 3 (2019)
 *    81–100, doi:10.1016/j.joule.2018.12.008 — discounted lifetime cost over discounted discharged energy,
 *    charging cost included, construction time T_c shifting operation:
 *
 *      LCOS = [Capex + Σ_{n=1..N} (O&M_n + Charging_n + Repl_n)/(1+r)^(n+T_c) + EoL/(1+r)^(N+1+T_c)]
 *             / Σ_{n=1..N} E_dis,n/(1+r)^(n+T_c)
 *
 *    Capex = P·c_P + E·c_E at t = 0; O&M_n = P·c_OM,P + E_dis,n·c_OM,E; Charging_n = E_dis,n·p_el/η_RT;
 *    N = min(lifetime, ⌊cycle life / cycles per year⌋); E_dis,n from operation.ts; replacements of P·c_rep,P +
 *    E·c_rep,E every `replacementInterval` years while n < N. Read from the paper's method as quoted in secondary
 *    sources; the exponents and the self-discharge term should be checked against its supplementary information.
 *    r is a real rate when the inputs are in constant money.
 *
 * 2. SAM (NREL ssc, common_financial.cpp lcos_calc): nominal costs discounted at the nominal rate; energy discounted
 *    at the nominal rate for "LCOS nominal" and at the real rate (1+nominal)/(1+inflation) − 1 for "LCOS real".
 *
 * 3. Lazard: the levelised price per discharged MWh that gives the equity holders their target after-tax IRR,
 *    solved on the full cash-flow model (taxes, depreciation, debt). "nominal": a flat price; "real": a price that
 *    rises with inflation from t = 0 (constant in money of t = 0), reported in money of t = 0.
 */
import { brent, type SolveResult } from '../numerics/index.js';
import { checkChoice, checkNumber, FinanceInputError, RANGES } from './check.js';
import { SECONDS_PER_YEAR } from './conventions.js';
import { buildCashFlows, evaluateProject, type ProjectFinanceInputs, type ProjectResult } from './cashflow.js';
import { levelisedCost, type LevelisedCost, type LevelisedStreams } from './levelised.js';
import { irr, npv, type IrrResult } from './money.js';
import { parametricOperation } from './operation.js';

export interface SchmidtInputs {
  /** Rated power; W. */
  readonly powerRated: number;
  /** Rated energy capacity; J. */
  readonly energyRated: number;
  /** Investment cost per power; money/W. */
  readonly capexPerPower: number;
  /** Investment cost per energy capacity; money/J. */
  readonly capexPerEnergy: number;
  /** O&M per power and time; money/(W s). */
  readonly omPerPowerTime: number;
  /** O&M per discharged energy; money/J. */
  readonly omPerEnergy: number;
  /** Replacement cost per power; money/W. */
  readonly replacementPerPower: number;
  /** Replacement cost per energy capacity; money/J. */
  readonly replacementPerEnergy: number;
  /** Years between replacements (0 = none); integer. */
  readonly replacementInterval: number;
  /** Discharged over charged energy; fraction. */
  readonly roundTripEfficiency: number;
  /** fraction. */
  readonly depthOfDischarge: number;
  /** 1/yr. */
  readonly cyclesPerYear: number;
  /** Shelf life; integer years. */
  readonly lifetimeYears: number;
  /** Full cycles to end of life. */
  readonly cycleLife: number;
  /** fraction per cycle. */
  readonly cycleDegradation: number;
  /** fraction per year. */
  readonly timeDegradation: number;
  /** T_c; integer years. */
  readonly constructionYears: number;
  /** End-of-life cost (negative for a net salvage value); money. */
  readonly endOfLifeCost: number;
  /** Price of charging electricity; money/J. */
  readonly chargingPrice: number;
  /** r; fraction per year. */
  readonly discountRate: number;
}

/** N = min(lifetime, ⌊cycle life / cycles per year⌋); integer years. */
export function schmidtLifetime(s: Pick<SchmidtInputs, 'lifetimeYears' | 'cycleLife' | 'cyclesPerYear'>): number {
  const byCycles = s.cyclesPerYear > 0 ? Math.floor(s.cycleLife / s.cyclesPerYear + 1e-9) : Infinity;
  return Math.min(s.lifetimeYears, byCycles);
}

function checkSchmidt(s: SchmidtInputs): void {
  const f = 'schmidt';
  checkNumber(`${f}.powerRated`, s.powerRated, RANGES.nonNegative);
  checkNumber(`${f}.capexPerPower`, s.capexPerPower, RANGES.nonNegative);
  checkNumber(`${f}.capexPerEnergy`, s.capexPerEnergy, RANGES.nonNegative);
  checkNumber(`${f}.omPerPowerTime`, s.omPerPowerTime, RANGES.nonNegative);
  checkNumber(`${f}.omPerEnergy`, s.omPerEnergy, RANGES.nonNegative);
  checkNumber(`${f}.replacementPerPower`, s.replacementPerPower, RANGES.nonNegative);
  checkNumber(`${f}.replacementPerEnergy`, s.replacementPerEnergy, RANGES.nonNegative);
  checkNumber(`${f}.replacementInterval`, s.replacementInterval, { min: 0, max: 200, integer: true });
  checkNumber(`${f}.lifetimeYears`, s.lifetimeYears, { min: 1, max: 200, integer: true });
  checkNumber(`${f}.cycleLife`, s.cycleLife, RANGES.positive);
  checkNumber(`${f}.constructionYears`, s.constructionYears, { min: 0, max: 20, integer: true });
  checkNumber(`${f}.endOfLifeCost`, s.endOfLifeCost, RANGES.finite);
  checkNumber(`${f}.discountRate`, s.discountRate, RANGES.rate);
  if (s.cyclesPerYear > 0 && schmidtLifetime(s) < 1) {
    throw new FinanceInputError(`${f}.cycleLife`, s.cycleLife, `at least cyclesPerYear = ${s.cyclesPerYear} (one year of operation)`);
  }
}

/** The Schmidt cost streams on the time line: capex at t = 0, operating year n at t = n + T_c, EoL at N + 1 + T_c. */
export function schmidtStreams(s: SchmidtInputs): LevelisedStreams {
  checkSchmidt(s);
  const N = schmidtLifetime(s);
  const C = s.constructionYears;
  const op = parametricOperation(
    {
      energyRated: s.energyRated,
      cyclesPerYear: s.cyclesPerYear,
      depthOfDischarge: s.depthOfDischarge,
      roundTripEfficiency: s.roundTripEfficiency,
      timeDegradation: s.timeDegradation,
      cycleDegradation: s.cycleDegradation,
      chargingPrice: s.chargingPrice,
      operatingYears: N,
    },
    'schmidt',
  );
  const T = C + N + 2;
  const capital = new Float64Array(T);
  const operating = new Float64Array(T);
  const charging = new Float64Array(T);
  const endOfLife = new Float64Array(T);
  const energyDischarged = new Float64Array(T);
  capital[0] = s.powerRated * s.capexPerPower + s.energyRated * s.capexPerEnergy;
  const replacement = s.powerRated * s.replacementPerPower + s.energyRated * s.replacementPerEnergy;
  for (let n = 1; n <= N; n++) {
    const t = n + C;
    energyDischarged[t] = op.energyDischarged[n - 1];
    charging[t] = op.chargingCost[n - 1];
    operating[t] = s.powerRated * s.omPerPowerTime * SECONDS_PER_YEAR + s.omPerEnergy * op.energyDischarged[n - 1];
    if (s.replacementInterval > 0 && n % s.replacementInterval === 0 && n < N) capital[t] += replacement;
  }
  endOfLife[N + 1 + C] = s.endOfLifeCost;
  return { capital, operating, charging, endOfLife, energyDischarged };
}

/** Schmidt et al. (2019) LCOS; money/J with its components. */
export function lcosSchmidt(s: SchmidtInputs): LevelisedCost & { readonly lifetimeYears: number } {
  return { ...levelisedCost(schmidtStreams(s), s.discountRate), lifetimeYears: schmidtLifetime(s) };
}

/** SAM-style LCOS pair from nominal cost streams: costs at the nominal rate, energy at the nominal or the real rate. */
export function lcosNominalReal(streams: LevelisedStreams, nominalRate: number, inflation: number): { readonly nominal: LevelisedCost; readonly real: LevelisedCost; readonly realRate: number } {
  checkNumber('nominalRate', nominalRate, RANGES.rate);
  checkNumber('inflation', inflation, RANGES.escalation);
  const realRate = (1 + nominalRate) / (1 + inflation) - 1;
  return { nominal: levelisedCost(streams, nominalRate), real: levelisedCost(streams, nominalRate, realRate), realRate };
}

export interface LazardOptions {
  /** Target after-tax equity IRR; fraction per year. */
  readonly targetEquityIrr: number;
  /** "nominal": flat price; "real": price rising with inflation from t = 0. */
  readonly basis: 'nominal' | 'real';
  /** Inflation for the real basis; fraction per year. */
  readonly inflation: number;
  /** Keep the project's other revenues (capacity payments, …) beside the levelised price; Lazard's LCOS does not. */
  readonly keepOtherRevenues: boolean;
  /** Relative tolerance on the price. */
  readonly rtol: number;
}

export const LAZARD_DEFAULTS: LazardOptions = { targetEquityIrr: 0.12, basis: 'nominal', inflation: 0, keepOtherRevenues: false, rtol: 1e-12 };

export interface LazardResult {
  /** Levelised price of discharged energy, VAT-exclusive (money of t = 0 for the real basis); money/J. */
  readonly price: number;
  readonly basis: 'nominal' | 'real';
  /** The equity IRR the price gives, as a check; fraction per year. */
  readonly equityIrr: IrrResult;
  /** The project evaluated at that price. */
  readonly project: ProjectResult;
}

/** The project with the levelised price as its energy revenue. */
export function withLevelisedPrice(p: ProjectFinanceInputs, price: number, o: Pick<LazardOptions, 'basis' | 'inflation' | 'keepOtherRevenues'>): ProjectFinanceInputs {
  const N = p.operatingYears;
  const amounts = new Float64Array(N);
  for (let n = 1; n <= N; n++) {
    const escalation = o.basis === 'real' ? Math.pow(1 + o.inflation, p.constructionYears + n) : 1;
    amounts[n - 1] = price * escalation * p.operation.energyDischarged[n - 1];
  }
  const revenue = { name: 'levelised energy price', amounts };
  return {
    ...p,
    operation: { ...p.operation, revenues: o.keepOtherRevenues ? [...p.operation.revenues, revenue] : [revenue] },
  };
}

/**
 * Lazard-style LCOS: the price p with NPV(equity cash flows at the target IRR) = 0, found by Brent's method on a
 * bracket grown from the pre-tax LCOS. Solving on NPV rather than IRR keeps the root unique where the equity cash
 * flows change sign more than once; the IRR at the price is reported as a check.
 */
export function lcosLazard(p: ProjectFinanceInputs, options: Partial<LazardOptions> = {}): SolveResult<LazardResult> {
  const o = { ...LAZARD_DEFAULTS, ...options };
  checkNumber('lazard.targetEquityIrr', o.targetEquityIrr, { min: -0.5, max: 10 });
  checkChoice('lazard.basis', o.basis, ['nominal', 'real'] as const);
  checkNumber('lazard.inflation', o.inflation, RANGES.escalation);
  checkNumber('lazard.rtol', o.rtol, { min: 0, max: 0.1, minExclusive: true });
  const f = (price: number) => npv(o.targetEquityIrr, buildCashFlows(withLevelisedPrice(p, price, o)).table.equityCashFlow);
  // A scale for the bracket: the pre-tax LCOS (always positive energy, else buildCashFlows would have thrown).
  const base = buildCashFlows(withLevelisedPrice(p, 0, o));
  if (!(npv(o.targetEquityIrr, base.streams.energyDischarged) > 0)) {
    return { ok: false, reason: 'no energy is discharged, so no price per discharged energy can meet the target IRR', iterations: 0 };
  }
  const scale = Math.max(Math.abs(levelisedCost(base.streams, o.targetEquityIrr).value), 1e-30);
  let lo = 0;
  let hi = scale;
  let flo = f(lo);
  let fhi = f(hi);
  let expansions = 0;
  while (flo * fhi > 0 && expansions < 200) {
    expansions++;
    if (fhi < 0) {
      lo = hi;
      flo = fhi;
      hi *= 2;
      fhi = f(hi);
    } else {
      hi = lo;
      fhi = flo;
      lo = lo === 0 ? -scale : lo * 2;
      flo = f(lo);
    }
  }
  if (flo * fhi > 0) {
    return { ok: false, reason: `no price in [${lo}, ${hi}] money/J makes equity NPV at ${o.targetEquityIrr} change sign (${flo}, ${fhi})`, iterations: expansions };
  }
  const r = brent(f, lo, hi, { rtol: o.rtol });
  if (!r.ok) return { ok: false, reason: r.reason, iterations: r.iterations + expansions };
  const project = evaluateProject(withLevelisedPrice(p, r.value, o));
  return {
    ok: true,
    value: { price: r.value, basis: o.basis, equityIrr: irr(project.table.equityCashFlow, p.irr), project },
    iterations: r.iterations + expansions,
  };
}
