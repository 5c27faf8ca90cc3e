/**
 * The dispatch linear programme (or MILP) over one horizon, built as compressed sparse columns and solved by
 * HiGHS. Inside, the model is scaled to MW, MWh, h and money/MWh, which keeps its coefficients near one; the
 * caller sees SI only.
 *
 * Per step t (length Δt h; price p_t money/MWh), with charge segments δc_k (input MW, slope a_k) and discharge
 * segments δd_k (withdrawal MW, slope b_k) above each converter's minimum run point (x0, y0):
 *   balance   0 = e_t − ρ·e_{t−1} − Δt·(y0c·uc_t + Σ a_k δc_k) + Δt·(x0d·ud_t + Σ δd_k),   ρ = 1 − λΔt
 *   SOC       socMin·E ≤ e_t ≤ socMax·E
 *   MILP      Σ δc_k ≤ (xKc − x0c)·uc_t,  Σ δd_k ≤ (xKd − x0d)·ud_t,  uc_t + ud_t ≤ 1,  uc, ud binary
 *   start-up  sc_t ≥ uc_t − uc_{t−1}  (and the same for discharge)
 *   curve     non-concave curves in the incremental form: δ_k ≥ w_k·z_k,  δ_{k+1} ≤ w_{k+1}·z_k,  z binary
 *   daily     Σ_{t in day} Δt·(x0d·ud_t + Σ δd_k) ≤ N·(socMax − socMin)·E
 * maximising Σ_t p_t·Δt·(discharge_t − charge_t) − cDeg·Δt·discharge_t − Σ start-up costs.
 */
import type { SolveResult } from '../numerics/index.js';
import { failed, solved } from '../numerics/index.js';
import { DispatchInputError } from './errors.js';
import type { ConverterSegments, StorageParams } from './model.js';
import { usableEnergy } from './model.js';
import { TripletBuilder } from './sparse.js';
import { highsRuntime, modelStatusName } from './solver.js';

const MW = 1e6;
const MWH = 3.6e9;

export interface DispatchOptions {
  /** On/off binaries: no simultaneous charge and discharge; allows minimum run powers, start-up costs, non-concave curves. */
  readonly milp: boolean;
  /** Wall-clock limit of one solve, s. */
  readonly timeLimitSeconds: number;
  /** Relative gap at which the MILP search stops, dimensionless. */
  readonly mipRelGap: number;
  /** HiGHS algorithm for the LP ("choose" lets HiGHS pick; a MILP always uses branch-and-cut). */
  readonly solver: 'choose' | 'simplex' | 'ipm';
}

export const DISPATCH_DEFAULTS: DispatchOptions = {
  milp: false,
  timeLimitSeconds: 600,
  mipRelGap: 1e-4,
  solver: 'choose',
};

/** Where the store's energy must end: within bounds, or tied to a free starting energy. */
export type WindowEnd =
  | { readonly kind: 'bounds'; /** J */ readonly min: number; /** J */ readonly max: number }
  | { readonly kind: 'linked'; readonly atLeast: boolean };

/** One optimisation horizon, already validated (the full year, or one rolling window). */
export interface WindowInput {
  /** Prices the optimiser sees (true or forecast), money/J. */
  readonly prices: Float64Array;
  /** s. */
  readonly stepSeconds: number;
  /** Local calendar day of each step (for the daily cycle limit). */
  readonly dayNumbers: Int32Array;
  readonly storage: StorageParams;
  readonly charge: ConverterSegments;
  readonly discharge: ConverterSegments;
  /** Stored energy before the first step, J; undefined lets the optimiser pick it (cyclic end). */
  readonly energyInitial: number | undefined;
  readonly end: WindowEnd;
  /** Converter states before the first step (start-up costs). */
  readonly chargeOnBefore: boolean;
  readonly dischargeOnBefore: boolean;
  /** Energy already withdrawn earlier on the first step's day (rolling horizons), J. */
  readonly withdrawnEarlierToday: number;
  readonly options: DispatchOptions;
}

/** The optimiser's schedule for one horizon, SI. */
export interface WindowSolution {
  /** Grid power drawn, W. */
  readonly charge: Float64Array;
  /** Grid power delivered, W. */
  readonly discharge: Float64Array;
  /** Power into the store, W. */
  readonly inflow: Float64Array;
  /** Power withdrawn from the store, W. */
  readonly withdrawal: Float64Array;
  /** Stored energy at the end of each step, J. */
  readonly energy: Float64Array;
  /** J. */
  readonly energyInitial: number;
  /** On/off states (MILP only). */
  readonly chargeOn?: Uint8Array;
  readonly dischargeOn?: Uint8Array;
  /** The solver's objective: net revenue at the prices it saw, money. */
  readonly objective: number;
  /** HiGHS model status ("optimal", "timeLimit", …). */
  readonly status: string;
  /** Relative MIP gap at the end (MILP only). */
  readonly mipGap?: number;
  /** Building the sparse model and handing it to HiGHS, s. */
  readonly buildSeconds: number;
  /** HiGHS run, s. */
  readonly solveSeconds: number;
  /** Simplex iterations (LP) or branch-and-bound nodes (MILP). */
  readonly iterations: number;
}

interface Layout {
  readonly T: number;
  /** Columns per step and the offset of each kind of column inside a step's block. */
  readonly B: number;
  readonly oC: number;
  readonly oD: number;
  readonly oE: number;
  readonly oUc: number;
  readonly oUd: number;
  readonly oSc: number;
  readonly oSd: number;
  readonly oZc: number;
  readonly oZd: number;
  readonly Kc: number;
  readonly Kd: number;
  readonly zc: number;
  readonly zd: number;
  readonly initCol: number;
  readonly numCols: number;
}

/** Column and row arrays of the model, scaled (MW, MWh, money/MWh). */
export interface DispatchModelArrays {
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  readonly integrality?: Int32Array;
  readonly layout: Layout;
}

function layoutOf(input: WindowInput): Layout {
  const milp = input.options.milp;
  const T = input.prices.length;
  const Kc = input.charge.widths.length;
  const Kd = input.discharge.widths.length;
  const zc = milp && !input.charge.concave ? Kc - 1 : 0;
  const zd = milp && !input.discharge.concave ? Kd - 1 : 0;
  const oC = 0;
  const oD = Kc;
  const oE = Kc + Kd;
  let next = oE + 1;
  const oUc = milp ? next++ : -1;
  const oUd = milp ? next++ : -1;
  const oSc = milp && input.charge.startupCost > 0 ? next++ : -1;
  const oSd = milp && input.discharge.startupCost > 0 ? next++ : -1;
  const oZc = next;
  next += zc;
  const oZd = next;
  next += zd;
  const B = next;
  const initCol = input.energyInitial === undefined ? T * B : -1;
  return { T, B, oC, oD, oE, oUc, oUd, oSc, oSd, oZc, oZd, Kc, Kd, zc, zd, initCol, numCols: T * B + (initCol >= 0 ? 1 : 0) };
}

/** Builds the scaled sparse model of one horizon. */
export function buildDispatchModel(input: WindowInput): DispatchModelArrays {
  const { storage: s, charge: cs, discharge: ds, options } = input;
  const L = layoutOf(input);
  const E0 = input.energyInitial;
  // with a fixed start, an end tied to it is just a bound on the last energy
  const end: WindowEnd =
    input.end.kind === 'linked' && E0 !== undefined ? { kind: 'bounds', min: E0, max: input.end.atLeast ? Infinity : E0 } : input.end;
  if (E0 === undefined && end.kind !== 'linked') throw new Error('a free initial energy needs an end state linked to it');
  const { T, B } = L;
  const dt = input.stepSeconds / 3600;
  const rho = 1 - s.standingLoss * input.stepSeconds;
  if (!(rho > 0)) {
    throw new DispatchInputError('storage.standingLoss', s.standingLoss, `loses the whole store in one step of ${input.stepSeconds} s; expected standingLoss·step < 1`);
  }
  const inf = Infinity;
  const eMin = (s.socMin * s.energyCapacity) / MWH;
  const eMax = (s.socMax * s.energyCapacity) / MWH;
  const degradation = s.degradationCost * MWH;
  const surcharge = (s.chargeCost ?? 0) * MWH;

  const colCost = new Float64Array(L.numCols);
  const colLower = new Float64Array(L.numCols);
  const colUpper = new Float64Array(L.numCols);
  const integrality = options.milp ? new Int32Array(L.numCols) : undefined;

  // Rows: per step the balance, then the MILP rows; then one row per day (cycle limit); then the end link.
  const stepRows =
    1 + (options.milp ? 3 : 0) + (L.oSc >= 0 ? 1 : 0) + (L.oSd >= 0 ? 1 : 0) + 2 * L.zc + 2 * L.zd;
  const limit = s.dailyCycleLimit;
  const dayRowOf = new Int32Array(T);
  let days = 0;
  if (limit !== undefined) {
    for (let t = 0; t < T; t++) {
      if (t > 0 && input.dayNumbers[t] !== input.dayNumbers[t - 1]) days++;
      dayRowOf[t] = T * stepRows + days;
    }
    days++;
  }
  const linkRow = end.kind === 'linked' ? T * stepRows + days : -1;
  const numRows = T * stepRows + days + (linkRow >= 0 ? 1 : 0);
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  const A = new TripletBuilder(T * (4 + 2 * (L.Kc + L.Kd) + (options.milp ? 8 : 0) + 4 * (L.zc + L.zd)) + 4);

  const x0c = cs.x0 / MW;
  const y0c = cs.y0 / MW;
  const x0d = ds.x0 / MW;
  const y0d = ds.y0 / MW;
  const spanC = (cs.inputMax - cs.x0) / MW;
  const spanD = (ds.inputMax - ds.x0) / MW;

  for (let t = 0; t < T; t++) {
    const c0 = t * B;
    const r0 = t * stepRows;
    const p = input.prices[t] * MWH;
    const bal = r0;
    // balance row: = ρ·E0 on the first step when the start is fixed, else 0
    rowLower[bal] = rowUpper[bal] = t === 0 && E0 !== undefined ? (rho * E0) / MWH : 0;

    for (let k = 0; k < L.Kc; k++) {
      const j = c0 + L.oC + k;
      colUpper[j] = cs.widths[k] / MW;
      colCost[j] = -(p + surcharge) * dt;
      A.add(bal, j, -dt * cs.slopes[k]);
    }
    for (let k = 0; k < L.Kd; k++) {
      const j = c0 + L.oD + k;
      colUpper[j] = ds.widths[k] / MW;
      colCost[j] = (p - degradation) * dt * ds.slopes[k];
      A.add(bal, j, dt);
      if (limit !== undefined) A.add(dayRowOf[t], j, dt);
    }
    const e = c0 + L.oE;
    colLower[e] = eMin;
    colUpper[e] = eMax;
    A.add(bal, e, 1);
    if (t + 1 < T) A.add(bal + stepRows, e, -rho);
    else if (end.kind === 'bounds') {
      colLower[e] = Math.max(eMin, end.min / MWH);
      colUpper[e] = Math.min(eMax, end.max / MWH);
    } else A.add(linkRow, e, 1);
    if (t === 0 && L.initCol >= 0) A.add(bal, L.initCol, -rho);

    if (!options.milp) continue;
    let r = r0 + 1;
    const capC = r++;
    const capD = r++;
    const excl = r++;
    const uc = c0 + L.oUc;
    const ud = c0 + L.oUd;
    for (const [u, cost] of [[uc, -(p + surcharge) * dt * x0c], [ud, (p - degradation) * dt * y0d]] as const) {
      colUpper[u] = 1;
      colCost[u] = cost;
      integrality![u] = 1;
    }
    A.add(bal, uc, -dt * y0c);
    A.add(bal, ud, dt * x0d);
    if (limit !== undefined) A.add(dayRowOf[t], ud, dt * x0d);
    for (let k = 0; k < L.Kc; k++) A.add(capC, c0 + L.oC + k, 1);
    A.add(capC, uc, -spanC);
    for (let k = 0; k < L.Kd; k++) A.add(capD, c0 + L.oD + k, 1);
    A.add(capD, ud, -spanD);
    rowLower[capC] = rowLower[capD] = -inf;
    A.add(excl, uc, 1);
    A.add(excl, ud, 1);
    rowLower[excl] = -inf;
    rowUpper[excl] = 1;
    // start-ups: s_t − u_t + u_{t−1} ≥ 0, with u_{−1} the state before the horizon
    for (const [oS, oU, before, cost] of [
      [L.oSc, L.oUc, input.chargeOnBefore, cs.startupCost],
      [L.oSd, L.oUd, input.dischargeOnBefore, ds.startupCost],
    ] as const) {
      if (oS < 0) continue;
      const row = r++;
      const sCol = c0 + oS;
      colUpper[sCol] = 1;
      colCost[sCol] = -cost;
      A.add(row, sCol, 1);
      A.add(row, c0 + oU, -1);
      if (t > 0) A.add(row, c0 - B + oU, 1);
      rowLower[row] = t === 0 && before ? -1 : 0;
      rowUpper[row] = inf;
    }
    // non-concave curves: segment k+1 opens only when segment k is full
    for (const [z, oZ, oSeg, seg] of [[L.zc, L.oZc, L.oC, cs], [L.zd, L.oZd, L.oD, ds]] as const) {
      for (let k = 0; k < z; k++) {
        const zCol = c0 + oZ + k;
        colUpper[zCol] = 1;
        integrality![zCol] = 1;
        const full = r++;
        A.add(full, c0 + oSeg + k, 1);
        A.add(full, zCol, -seg.widths[k] / MW);
        rowUpper[full] = inf;
        const open = r++;
        A.add(open, c0 + oSeg + k + 1, 1);
        A.add(open, zCol, -seg.widths[k + 1] / MW);
        rowLower[open] = -inf;
      }
    }
  }

  if (limit !== undefined) {
    const perDay = (limit * usableEnergy(s)) / MWH;
    for (let d = 0; d < days; d++) {
      const row = T * stepRows + d;
      rowLower[row] = -inf;
      // an earlier window withdrew part of the first day's allowance; rounding may leave it a hair over
      rowUpper[row] = d === 0 ? Math.max(0, perDay - input.withdrawnEarlierToday / MWH) : perDay;
    }
  }
  if (end.kind === 'linked') {
    colLower[L.initCol] = eMin;
    colUpper[L.initCol] = eMax;
    A.add(linkRow, L.initCol, -1);
    rowLower[linkRow] = 0;
    rowUpper[linkRow] = end.atLeast ? inf : 0;
  }

  const csc = A.toCsc(numRows, L.numCols);
  return {
    numCols: L.numCols,
    numRows,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    starts: csc.starts,
    indices: csc.indices,
    values: csc.values,
    ...(integrality ? { integrality } : {}),
    layout: L,
  };
}

/** Builds and solves one horizon. Infeasible or failed solves come back as `ok: false` with HiGHS's status. */
export async function solveWindow(input: WindowInput): Promise<SolveResult<WindowSolution>> {
  const highs = await highsRuntime();
  const t0 = performance.now();
  const m = buildDispatchModel(input);
  const model = highs.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rowLower, // ±Infinity is what highs.infinity is in this build
    rowUpper: m.rowUpper,
    matrix: { format: 'csc', numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
    ...(m.integrality ? { integrality: m.integrality } : {}),
  });
  try {
    const o = input.options;
    model.options.set({
      output_flag: false,
      time_limit: o.timeLimitSeconds,
      ...(o.milp ? { mip_rel_gap: o.mipRelGap } : { solver: o.solver }),
    });
    const t1 = performance.now();
    const run = model.run();
    const t2 = performance.now();
    const status = modelStatusName(highs, run.modelStatus);
    const iterations = Number(model.info.get(o.milp ? 'mip_node_count' : 'simplex_iteration_count'));
    const hasPrimal = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    if (!hasPrimal) {
      return failed(`HiGHS ended with status "${status}" and no feasible schedule (check the end state, SOC limits and daily cycle limit against the horizon)`, iterations);
    }
    const x = model.getSolution().colValue;
    const solution = extract(input, m.layout, x, {
      objective: model.getObjectiveValue(),
      status,
      ...(o.milp ? { mipGap: Number(model.info.get('mip_gap')) } : {}),
      buildSeconds: (t1 - t0) / 1000,
      solveSeconds: (t2 - t1) / 1000,
      iterations,
    });
    return solved(solution, iterations);
  } finally {
    model.dispose();
  }
}

/**
 * HiGHS returns values within its feasibility tolerance of their bounds (−1e-12 MW, −0): put them on the bounds,
 * so a schedule never shows negative power.
 */
function onBounds(value: number, upper: number): number {
  return value <= 0 ? 0 : value >= upper ? upper : value;
}

function extract(
  input: WindowInput,
  L: Layout,
  x: Float64Array,
  meta: Pick<WindowSolution, 'objective' | 'status' | 'mipGap' | 'buildSeconds' | 'solveSeconds' | 'iterations'>,
): WindowSolution {
  const { T, B } = L;
  const cs = input.charge;
  const ds = input.discharge;
  const charge = new Float64Array(T);
  const discharge = new Float64Array(T);
  const inflow = new Float64Array(T);
  const withdrawal = new Float64Array(T);
  const energy = new Float64Array(T);
  const milp = input.options.milp;
  const chargeOn = milp ? new Uint8Array(T) : undefined;
  const dischargeOn = milp ? new Uint8Array(T) : undefined;
  for (let t = 0; t < T; t++) {
    const c0 = t * B;
    // binaries come back within the integrality tolerance: round them, they are on/off states
    const uc = milp ? Math.round(x[c0 + L.oUc]) : 0;
    const ud = milp ? Math.round(x[c0 + L.oUd]) : 0;
    let cIn = uc * cs.x0;
    let cOut = uc * cs.y0;
    for (let k = 0; k < L.Kc; k++) {
      const v = onBounds(x[c0 + L.oC + k] * MW, cs.widths[k]);
      cIn += v;
      cOut += v * cs.slopes[k];
    }
    let dIn = ud * ds.x0;
    let dOut = ud * ds.y0;
    for (let k = 0; k < L.Kd; k++) {
      const v = onBounds(x[c0 + L.oD + k] * MW, ds.widths[k]);
      dIn += v;
      dOut += v * ds.slopes[k];
    }
    charge[t] = cIn;
    inflow[t] = cOut;
    withdrawal[t] = dIn;
    discharge[t] = dOut;
    energy[t] = x[c0 + L.oE] * MWH;
    if (chargeOn) chargeOn[t] = uc;
    if (dischargeOn) dischargeOn[t] = ud;
  }
  const energyInitial = L.initCol >= 0 ? x[L.initCol] * MWH : input.energyInitial!;
  return {
    charge,
    discharge,
    inflow,
    withdrawal,
    energy,
    energyInitial,
    ...(chargeOn ? { chargeOn, dischargeOn } : {}),
    ...meta,
  };
}
