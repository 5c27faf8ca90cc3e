/**
 * A solved network: the stream table (m, p, T, h, s, phase, quality, exergy), the component table (power, heat,
 * pressure ratio, efficiency, pinch, exergy destruction), the network's mass, energy and exergy balances, heat
 * totals per named source or sink, and p–h / T–s paths of every process. Tables are computed when first asked for.
 *
 * Exergy convention: physical exergy e = h − h0 − T0 (s − s0) with h0, s0 of the stream's own medium (and, for flue
 * gas, its own composition) at the dead state (T0, p0); a store liquid whose data do not reach T0 is referred to its
 * lowest valid temperature instead (said in `warnings`; exergy differences, and so every destruction, are
 * unaffected). Fuels add their standard chemical exergy (fluids/chemical-exergy.ts).
 * Energy balance: Σ m h_abs entering − leaving + Σ work + Σ external heat = 0, with h on the formation basis for
 * media that have one (so a combustor's fuel counts); its relative residual is divided by the sum of the magnitudes.
 * Violations (violations.ts): what each component finds against physics or its own sense, and streams flowing
 * against their connection; each marked allowed where the network or the component opts in.
 */
import { StreamState, type StreamFluid } from '../fluids/stream-fluid.js';
import { chemicalExergy } from '../fluids/chemical-exergy.js';
import { IsentropicPoint } from '../fluids/stream-fluid.js';
import type { Component, ComponentReport, DeadState, ReportContext } from '../core/component.js';
import type { PortRef } from '../core/equation.js';
import type { Evaluator } from '../core/evaluator.js';
import type { Network, SolveStats } from './network.js';
import { isRangeError } from './newton.js';
import { num, VIOLATION_TOLERANCES, type PhysicsViolation, type Violation } from '../violations.js';

export interface StreamRow {
  readonly id: string;
  readonly label: string;
  readonly fluid: string;
  /** Unit: kg/s */
  readonly m: number;
  /** Unit: Pa */
  readonly p: number;
  /** Unit: K */
  readonly T: number;
  /** Unit: J/kg */
  readonly h: number;
  /** Unit: J/(kg K) */
  readonly s: number;
  /** Unit: kg/m³ */
  readonly rho: number;
  readonly phase: string;
  /** Vapour quality where two-phase, else null. Unit: - */
  readonly Q: number | null;
  /** Specific exergy (physical, plus chemical for fuels). Unit: J/kg */
  readonly e: number;
  /** Exergy flow m e. Unit: W */
  readonly E: number;
  /** Flue gas: kg of fuel burnt per kg. Unit: - */
  readonly f?: number;
}

export interface Balance {
  /** Σ of the signed terms. Unit: kg/s or W */
  readonly residual: number;
  /** |residual| / Σ |terms|. Unit: - */
  readonly relative: number;
}

export interface Balances {
  readonly mass: Balance;
  readonly energy: Balance;
  /** Σ exergy in (flows, electric power, heat) − Σ destruction − exergy out. */
  readonly exergy: Balance;
  /** Electric (or fluid) power drawn (+) minus delivered (−), over all machines. Unit: W */
  readonly netPower: number;
  /** Heat from outside the network, net. Unit: W */
  readonly netHeat: number;
  /** Σ exergy destruction. Unit: W */
  readonly exergyDestruction: number;
}

export interface PathPoint {
  /** Unit: Pa */
  readonly p: number;
  /** Unit: J/kg */
  readonly h: number;
  /** Unit: K */
  readonly T: number;
  /** Unit: J/(kg K) */
  readonly s: number;
}

export interface ProcessPathData {
  readonly component: string;
  readonly from: string;
  readonly to: string;
  readonly fluid: string;
  readonly points: readonly PathPoint[];
}

/** A medium's enthalpy and entropy at the dead state (or its lowest valid temperature, with the note saying so). */
interface DeadStateEntry {
  readonly fluid: StreamFluid;
  readonly h0: number;
  readonly s0: number;
  readonly note?: string;
}

/**
 * The dead states each network's solutions have referred their exergy to, by medium and composition: the same
 * numbers every solution of the network computes (its dead state is fixed), computed once per network.
 */
const DEAD_STATES = new WeakMap<Network, Map<string, DeadStateEntry>>();

function deadStateOf(fluid: StreamFluid, f: number, dead: DeadState): DeadStateEntry {
  const { T, p } = dead;
  const st = new StreamState();
  try {
    fluid.hTP(T, p, f, st);
    return { fluid, h0: st.h, s0: st.s };
  } catch (error) {
    if (!isRangeError(error)) throw error;
    const Tref = Math.min(Math.max(T, fluid.Tmin), fluid.Tmax);
    fluid.hTP(Tref, p, f, st);
    return { fluid, h0: st.h, s0: st.s, note: `exergy of ${fluid.name} is referred to ${Tref} K and ${p} Pa (its data do not reach the dead state ${T} K)` };
  }
}

export class Solution {
  readonly stats: SolveStats;
  private readonly deadCache = new Map<string, { h0: number; s0: number; note?: string }>();
  /** The references of streams without a composition variable, by stream index (no key to build). */
  private readonly deadByStream: ({ h0: number; s0: number } | undefined)[] = [];
  private streamRows?: StreamRow[];
  /** Rows built so far, by connection index (`stream` builds only the one it is asked for). */
  private readonly rows: (StreamRow | undefined)[] = [];
  private rowIndex?: Map<string, number>;
  private reports?: ComponentReport[];
  private balanceMemo?: Balances;
  private violationMemo?: PhysicsViolation[];
  /** Each component's findings once checked (`violationsOf` and `violations` share them). */
  private readonly componentVerdicts = new Map<Component, readonly PhysicsViolation[]>();
  private readonly unjudged: string[] = [];

  constructor(
    readonly network: Network,
    private readonly ports: readonly PortRef[],
    private readonly portMaps: Map<Component, Map<string, PortRef>>,
    /** The solution's own evaluator: variables x and cached states. */
    readonly e: Evaluator,
    private readonly fuel: Uint8Array,
    stats: SolveStats,
  ) {
    this.stats = stats;
  }

  /** The variable vector (per stream m, p, h; then flue-gas compositions). */
  get x(): Float64Array {
    return this.e.x;
  }

  private deadState(port: PortRef): { h0: number; s0: number } {
    // a stream without a composition variable always has the same reference: found by its index after the first time
    const fixed = port.f < 0;
    if (fixed) {
      const known = this.deadByStream[port.stream];
      if (known) return known;
    }
    const f = this.e.f(port);
    const key = `${port.fluid.name}|${f}`;
    let d = this.deadCache.get(key);
    if (!d) {
      // the network's other solutions (a transient's every step) have asked for it before, most likely
      let known = DEAD_STATES.get(this.network);
      if (!known) DEAD_STATES.set(this.network, (known = new Map()));
      let entry = known.get(key);
      if (!entry || entry.fluid !== port.fluid) {
        entry = deadStateOf(port.fluid, f, this.network.deadState);
        known.set(key, entry);
      }
      d = entry;
      this.deadCache.set(key, d);
    }
    if (fixed) this.deadByStream[port.stream] = d;
    return d;
  }

  /**
   * The notes of the exergy references taken so far that are not the dead state, once each, in connection order
   * (whichever stream was read first: rows are built as they are asked for).
   */
  private referenceNotes(): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const port of this.ports) {
      const key = `${port.fluid.name}|${this.e.f(port)}`;
      const note = this.deadCache.get(key)?.note;
      if (note === undefined || seen.has(key)) continue;
      seen.add(key);
      out.push(note);
    }
    return out;
  }

  /** Specific exergy of a stream (physical, plus chemical for fuels). Unit: J/kg */
  exergyOf(port: PortRef): number {
    const st = this.e.state(port);
    const { h0, s0 } = this.deadState(port);
    let ex = st.h - h0 - this.network.deadState.T * (st.s - s0);
    if (this.fuel[port.stream]) {
      const mix = port.fluid.reactionMixture(this.e.f(port));
      if (mix) ex += chemicalExergy(mix, this.network.deadState.T);
    }
    return ex;
  }

  private hAbs(port: PortRef): number {
    return this.e.h(port) + (port.fluid.formationOffset(this.e.f(port)) ?? 0);
  }

  /** The stream table, in connection order. */
  streams(): readonly StreamRow[] {
    this.streamRows ??= this.ports.map((_, k) => this.row(k));
    return this.streamRows;
  }

  /**
   * One stream by connection id or label (the first in connection order that has it), through an index built once
   * per solution; its row alone is built (a transient step reads a few streams of each solve: the whole table flashed
   * every stream the solve had not). A stream its medium cannot take throws when its own row is read.
   */
  stream(idOrLabel: string): StreamRow {
    const k = this.streamIndex().get(idOrLabel);
    if (k === undefined) throw new RangeError(`no stream ${JSON.stringify(idOrLabel)}; streams: ${this.network.allConnections().map((c) => c.id).join(', ')}`);
    return this.row(k);
  }

  /** A stream's mass flow, from the variables (no state, no row): what a search on flow ratios reads. Unit: kg/s */
  massFlow(idOrLabel: string): number {
    const k = this.streamIndex().get(idOrLabel);
    if (k === undefined) throw new RangeError(`no stream ${JSON.stringify(idOrLabel)}; streams: ${this.network.allConnections().map((c) => c.id).join(', ')}`);
    return this.e.m(this.ports[k]);
  }

  private streamIndex(): Map<string, number> {
    if (!this.rowIndex) {
      const conns = this.network.allConnections();
      const index = new Map<string, number>();
      for (let k = 0; k < this.ports.length; k++) {
        if (!index.has(conns[k].id)) index.set(conns[k].id, k);
        if (!index.has(this.ports[k].label)) index.set(this.ports[k].label, k);
      }
      this.rowIndex = index;
    }
    return this.rowIndex;
  }

  /** Row k of the stream table, built once. */
  private row(k: number): StreamRow {
    const known = this.rows[k];
    if (known) return known;
    const port = this.ports[k];
    const st = this.e.state(port);
    const ex = this.exergyOf(port);
    const m = this.e.m(port);
    // one shape for every row, the quality and the fuel fraction set after it (same keys, same order): a row
    // literal whose quality was an integer in one solve and a fraction in the next was deoptimised and
    // recompiled by V8 on every solve (37-57 times an evaluation of the Luoyang comparison)
    const row: { -readonly [K in keyof StreamRow]: StreamRow[K] } = {
      id: this.network.allConnections()[k].id,
      label: port.label,
      fluid: port.fluid.name,
      m,
      p: st.p,
      T: st.T,
      h: st.h,
      s: st.s,
      rho: st.rho,
      phase: st.phase,
      Q: null,
      e: ex,
      E: m * ex,
    };
    if (!Number.isNaN(st.Q)) row.Q = st.Q;
    if (port.f >= 0) row.f = this.e.f(port);
    this.rows[k] = row;
    return row;
  }

  private context(c: Component): ReportContext {
    const map = this.portMaps.get(c) as Map<string, PortRef>;
    const ref = (port: string) => map.get(port) as PortRef;
    return {
      deadState: this.network.deadState,
      e: this.e,
      ref,
      exergy: (port) => this.exergyOf(ref(port)),
      hAbs: (port) => this.hAbs(ref(port)),
      other: (id) => this.network.allComponents().find((x) => x.id === id),
      portOf: (other, port) => (this.portMaps.get(other) as Map<string, PortRef>).get(port) as PortRef,
    };
  }

  /**
   * The component table, in the order components were added. Built whole at the first call: a report reads its
   * component's parameters as they are then (a template changes them at the next step), so one table, one moment.
   */
  components(): readonly ComponentReport[] {
    this.reports ??= this.network.allComponents().map((c) => c.report(this.context(c)));
    return this.reports;
  }

  /** One component's report. */
  component(id: string): ComponentReport {
    const r = this.components().find((x) => x.id === id);
    if (!r) throw new RangeError(`no component ${JSON.stringify(id)}`);
    return r;
  }

  /** One component's report alone, without the whole table (the table's copy when it has been made). */
  report(id: string): ComponentReport {
    if (this.reports) return this.component(id);
    const c = this.network.allComponents().find((x) => x.id === id);
    if (!c) throw new RangeError(`no component ${JSON.stringify(id)}`);
    return c.report(this.context(c));
  }

  /** The network's mass, energy and exergy balances. */
  balances(): Balances {
    if (this.balanceMemo) return this.balanceMemo;
    let mass = 0;
    let massScale = 0;
    let energy = 0;
    let energyScale = 0;
    let exergy = 0;
    let exergyScale = 0;
    let netPower = 0;
    let netHeat = 0;
    let destruction = 0;
    for (const r of this.components()) {
      const a = r.accounting;
      mass += a.mass;
      massScale += Math.abs(a.mass);
      energy += a.energy + a.work + a.heat;
      energyScale += Math.abs(a.energy) + Math.abs(a.work) + Math.abs(a.heat);
      exergy += a.exergy + a.electric + a.heatExergy - r.exergyDestruction;
      exergyScale += Math.abs(a.exergy) + Math.abs(a.electric) + Math.abs(a.heatExergy) + Math.abs(r.exergyDestruction);
      netPower += a.electric;
      netHeat += a.heat;
      destruction += r.exergyDestruction;
    }
    const rel = (v: number, s: number) => (s > 0 ? Math.abs(v) / s : Math.abs(v));
    this.balanceMemo = {
      mass: { residual: mass, relative: rel(mass, massScale) },
      energy: { residual: energy, relative: rel(energy, energyScale) },
      exergy: { residual: exergy, relative: rel(exergy, exergyScale) },
      netPower,
      netHeat,
      exergyDestruction: destruction,
    };
    return this.balanceMemo;
  }

  /** Heat exchanged with each named outside source or sink ('ambient' when unnamed): + into the network. Unit: W */
  heatTotals(): Readonly<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const c of this.network.allComponents()) {
      for (const { sink, Q } of c.outsideHeat(this.component(c.id))) out[sink] = (out[sink] ?? 0) + Q;
    }
    return out;
  }

  /**
   * What the solution breaks of physics or of the specification's sense: each component's own findings (a compressor
   * that expands, a temperature cross, negative exergy destruction, …) and every stream flowing against its
   * connection; `allowed` where the network or the component opts in (for a stream: either of its ends).
   */
  violations(): readonly PhysicsViolation[] {
    if (this.violationMemo) return this.violationMemo;
    const out: PhysicsViolation[] = [];
    const net = this.network;
    for (const c of net.allComponents()) out.push(...this.verdictOf(c));
    let mMax = 0;
    for (const port of this.ports) mMax = Math.max(mMax, Math.abs(this.e.m(port)));
    const conns = net.allConnections();
    this.ports.forEach((port, k) => {
      const m = this.e.m(port);
      if (!(m < -VIOLATION_TOLERANCES.massFlow * mMax)) return;
      const c = conns[k];
      const ends = [net.component(c.from.component), net.component(c.to.component)];
      out.push({
        kind: 'negative-mass-flow',
        quantity: 'm',
        value: m,
        unit: 'kg/s',
        sensible: 'm ≥ 0',
        message: `the mass flow is negative, m = ${num(m)} kg/s: the stream would run from ${c.to.component} to ${c.from.component}, against its connection (sensible: m ≥ 0; turn the connection round, or change the specification that forces the flow back)`,
        where: `stream ${c.id} (${c.label})`,
        id: c.id,
        allowed: net.allowsUnphysical('negative-mass-flow') || ends.some((x) => x.allowsUnphysical('negative-mass-flow')),
      });
    });
    this.violationMemo = out;
    return out;
  }

  /**
   * What the components with these ids find wrong with the solution (their part of `violations()`, exactly, and
   * remembered for it): for a search that needs one kind of check on every trial — a temperature cross inside the
   * exchangers it holds at their pinch — and judges the whole solution only where it keeps one (network.ts judge).
   */
  violationsOf(ids: readonly string[]): readonly PhysicsViolation[] {
    const out: PhysicsViolation[] = [];
    for (const id of ids) out.push(...this.verdictOf(this.network.component(id)));
    return out;
  }

  private verdictOf(c: Component): readonly PhysicsViolation[] {
    const known = this.componentVerdicts.get(c);
    if (known) return known;
    const net = this.network;
    let verdict: readonly PhysicsViolation[];
    try {
      verdict = c.violations(this.context(c)).map((v: Violation) => ({ ...v, where: c.label, id: c.id, allowed: net.allowsUnphysical(v.kind) || c.allowsUnphysical(v.kind) }));
    } catch (error) {
      // a stream its medium cannot take (a store liquid below its range) cannot be judged here; whoever reads
      // the stream meets the same error (a transient step stops on it)
      if (!isRangeError(error)) throw error;
      this.unjudged.push(`${c.label}: not checked against physics: ${(error as Error).message}`);
      verdict = [];
    }
    this.componentVerdicts.set(c, verdict);
    return verdict;
  }

  /**
   * Notes of every component (pinches inside exchangers, heaters against the ambient, …), the violations the network
   * or component accepts (marked so; a solution with others is not returned by solve) and the exergy reference.
   */
  warnings(): readonly string[] {
    const out: string[] = [];
    for (const r of this.components()) for (const n of r.notes) out.push(`${r.type} ${r.id}: ${n}`);
    for (const v of this.violations()) out.push(`${v.where}: ${v.message} [${v.kind}${v.allowed ? ', allowed' : ''}]`);
    out.push(...this.unjudged, ...this.referenceNotes());
    return out;
  }

  /**
   * p–h and T–s data along every process (`points` per process, ends included): compressions and expansions with s
   * linear in ln p between their ends (the constant-polytropic-efficiency path of an ideal gas), heat exchange and pressure
   * loss at linear p and h, throttling at constant h. A combustor has no path (its medium changes).
   */
  paths(points = 12): readonly ProcessPathData[] {
    const out: ProcessPathData[] = [];
    const st = new StreamState();
    const iso = new IsentropicPoint();
    for (const c of this.network.allComponents()) {
      const map = this.portMaps.get(c) as Map<string, PortRef>;
      for (const path of c.paths()) {
        const a = map.get(path.from) as PortRef;
        const b = map.get(path.to) as PortRef;
        const sa = this.e.state(a);
        const sb = this.e.state(b);
        const f = this.e.f(b);
        const pts: PathPoint[] = [];
        for (let k = 0; k < points; k++) {
          const t = points === 1 ? 0 : k / (points - 1);
          try {
            if (path.kind === 'polytropic') {
              const p = sa.p * Math.pow(sb.p / sa.p, t);
              const s = sa.s + t * (sb.s - sa.s);
              b.fluid.isentropic(p, s, f, iso);
              pts.push({ p, h: iso.h, T: iso.T, s });
            } else {
              const p = path.kind === 'isenthalpic' ? sa.p * Math.pow(sb.p / sa.p, t) : sa.p + t * (sb.p - sa.p);
              const h = path.kind === 'isenthalpic' ? sa.h : sa.h + t * (sb.h - sa.h);
              b.fluid.evaluate(p, h, f, st);
              pts.push({ p, h, T: st.T, s: st.s });
            }
          } catch (error) {
            if (!isRangeError(error)) throw error;
          }
        }
        out.push({ component: c.id, from: a.label, to: b.label, fluid: b.fluid.name, points: pts });
      }
    }
    return out;
  }

  /** Everything as plain data (SI units). */
  toJSON(): object {
    return {
      network: this.network.name,
      deadState: this.network.deadState,
      stats: this.stats,
      streams: this.streams(),
      components: this.components().map(({ accounting: _a, ...rest }) => rest),
      balances: this.balances(),
      heatTotals: this.heatTotals(),
      warnings: this.warnings(),
      violations: this.violations(),
    };
  }
}
