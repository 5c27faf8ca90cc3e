/**
 * What every plant component is: named ports, parameters (its specification), the equations those parameters
 * switch on, a starting-value rule and a report. The network assembles components through this interface only, so
 * adding a component never touches the solver.
 */
import type { Equation, PortRef, Scales } from './equation.js';
import type { Evaluator } from './evaluator.js';
import type { StreamFluid } from '../fluids/stream-fluid.js';
import { PlantInputError } from '../errors.js';
import { declaredQuantity, parseChanges, parseParameters, type ParameterSchema } from './parameters.js';
import { inRange, type Range } from '../../units/schema.js';
import { allows, checkAllowance, negativeDestruction, watts, type UnphysicalAllowance, type Violation, type ViolationKind } from '../violations.js';

/** The dead state of exergy: ambient temperature and pressure. */
export interface DeadState {
  /** Unit: K */
  readonly T: number;
  /** Unit: Pa */
  readonly p: number;
}

export type EquationInput = Omit<Equation, 'owner' | 'spec'> & { readonly spec?: boolean };

/** A component's view of the network while equations are assembled. */
export interface Builder {
  port(name: string): PortRef;
  readonly scales: Scales;
  readonly deadState: DeadState;
  /** Adds an equation owned by this component (a spec unless `spec: false`). */
  add(eq: EquationInput): void;
  /** Another component and one of its ports (for power buses). */
  other(id: string): Component | undefined;
  portOf(component: Component, port: string): PortRef;
}

/** A component's view of the starting values: NaN where nothing is known yet; setters never overwrite. */
export interface Guess {
  readonly deadState: DeadState;
  /** False while only what follows from specifications is spread; true in the last passes, where a component may
   *  fall back on rough rules (a heat exchanger's outlets a quarter of the way across, say). */
  readonly late: boolean;
  fluid(port: string): StreamFluid;
  m(port: string): number;
  p(port: string): number;
  T(port: string): number;
  h(port: string): number;
  f(port: string): number;
  setM(port: string, value: number): void;
  setP(port: string, value: number): void;
  setT(port: string, value: number): void;
  setH(port: string, value: number): void;
  setF(port: string, value: number): void;
}

/** A component's view of a solved network. */
export interface ReportContext {
  readonly deadState: DeadState;
  readonly e: Evaluator;
  ref(port: string): PortRef;
  /** Specific physical exergy h − h0 − T0 (s − s0), plus chemical exergy for fuels. Unit: J/kg */
  exergy(port: string): number;
  /** Enthalpy on the formation basis where the medium has one, else h. Unit: J/kg */
  hAbs(port: string): number;
  /** Another component and one of its ports (for power buses). */
  other(id: string): Component | undefined;
  portOf(component: Component, port: string): PortRef;
}

/** Bookkeeping for the network's energy, mass and exergy balances. */
export interface Accounting {
  /** Power into the fluid, m Δh (+ compressors, − turbines). Unit: W */
  readonly work: number;
  /** Electric power drawn (+) or delivered (−) where a machine has one, else the fluid power. Unit: W */
  readonly electric: number;
  /** Heat from outside the network into the fluid (+) or out of it (−). Unit: W */
  readonly heat: number;
  /** Exergy of that heat, Q (1 − T0/T_external). Unit: W */
  readonly heatExergy: number;
  /** Boundaries: mass entering the network here (− leaving). Unit: kg/s */
  readonly mass: number;
  /** Boundaries: energy entering with the mass, m h_abs (− leaving). Unit: W */
  readonly energy: number;
  /** Boundaries: exergy entering with the mass (− leaving). Unit: W */
  readonly exergy: number;
}

export const NO_ACCOUNTING: Accounting = Object.freeze({ work: 0, electric: 0, heat: 0, heatExergy: 0, mass: 0, energy: 0, exergy: 0 });

export interface ComponentReport {
  readonly id: string;
  readonly type: string;
  /** Fluid power m Δh: + into the fluid (compressors, pumps), − out of it (turbines). Unit: W */
  readonly P?: number;
  /** Electric power: + drawn from the grid, − delivered to it. Unit: W */
  readonly P_el?: number;
  /** Heat into the fluid (+) or out of it (−); for a two-stream heat exchanger the heat passed hot → cold. Unit: W */
  readonly Q?: number;
  /** Pressure ratio p_out/p_in (first stream path). Unit: - */
  readonly pr?: number;
  /** Isentropic efficiency. Unit: - */
  readonly eta_s?: number;
  /** Polytropic efficiency. Unit: - */
  readonly eta_poly?: number;
  /** Smallest temperature difference inside a heat exchanger. Unit: K */
  readonly pinch?: number;
  /** Exergy destroyed, motor, generator and mechanical losses included. Unit: W */
  readonly exergyDestruction: number;
  /** Further results, SI units (keys say which: ttd_u K, lambda -, thermalInput W, …). */
  readonly values: Readonly<Record<string, number>>;
  readonly notes: readonly string[];
  readonly accounting: Accounting;
}

/** Heat a component exchanges with a named outside source or sink (e.g. 'district heating', 'ambient'). */
export interface OutsideHeat {
  readonly sink: string;
  /** + into the network, − out of it. Unit: W */
  readonly Q: number;
}

/** One process from an inlet to an outlet, for p–h and T–s paths. */
export interface ProcessPath {
  readonly from: string;
  readonly to: string;
  /** How to draw it: along constant efficiency between the ends, at linear p and h, or at constant h. */
  readonly kind: 'polytropic' | 'linear' | 'isenthalpic';
}

/**
 * Parameter objects already parsed by their declaration's schema — a network file's component entry is that schema
 * (file/schema.ts), so the loader's values are SI, in range and free of unknown keys: the component takes them as
 * they are rather than parsing them a second time. Only the object handed in is marked; a copy is not.
 */
const PARSED = new WeakSet<object>();

/** Marks `params` as the output of its declaration's parameter schema (the file loader's; nothing else needs it). */
export function alreadyParsed<P extends object>(params: P): P {
  PARSED.add(params);
  return params;
}

/** What `Component.update` may take without a parse, per declared key: its SI range when a quantity, whether it may be absent. */
interface Shortcut {
  readonly range?: Range;
  readonly optional: boolean;
}

/** Per parameter declaration, built once on the first update. */
const SHORTCUTS = new WeakMap<ParameterSchema, Map<string, Shortcut>>();

function shortcutsOf(schema: ParameterSchema): Map<string, Shortcut> {
  let known = SHORTCUTS.get(schema);
  if (known) return known;
  known = new Map();
  for (const [key, field] of Object.entries(schema.shape)) {
    let range: Range | undefined;
    try {
      range = declaredQuantity(schema, key).range;
    } catch {
      range = undefined; // not a quantity (a choice, a name, a whole number, …): its values always go through the parse
    }
    known.set(key, { range, optional: (field as unknown as { safeParse(v: unknown): { success: boolean } }).safeParse(undefined).success });
  }
  SHORTCUTS.set(schema, known);
  return known;
}

export abstract class Component<P extends object = object> {
  abstract readonly type: string;
  readonly id: string;
  protected params: P;
  private unphysical: UnphysicalAllowance | undefined;
  /** The declared parameters (core/parameters.ts): ranges, units and the valid keys. */
  private readonly parameterSchema: ParameterSchema;
  /** Whether the parameters came parsed by the declaration's schema (alreadyParsed): init() then only validates. */
  private readonly parsed: boolean;

  /** `schema`: the component's declared parameters (core/parameters.ts); `init()` parses `params` against them
   *  unless they come parsed by that schema already (`alreadyParsed`). */
  constructor(id: string, params: P, schema: ParameterSchema) {
    if (typeof id !== 'string' || !/^[A-Za-z0-9_][A-Za-z0-9_\-]*$/.test(id)) {
      throw new PlantInputError('component', 'id', id, 'letters, digits, "_" and "-" (no dots or spaces)');
    }
    this.id = id;
    this.params = { ...params };
    this.parameterSchema = schema;
    this.parsed = PARSED.has(params);
  }

  /**
   * Parses the parameters against the declaration (ranges, units, unknown keys refused) — unless the declaration's
   * schema parsed them already — and checks the rules that tie them together (`validate`); the subclass's
   * constructor calls it once its own fields are set.
   */
  protected init(): void {
    if (!this.parsed) this.params = parseParameters(this.label, this.parameterSchema, this.params) as P;
    this.validate();
  }

  /** 'compressor C1' */
  get label(): string {
    return `${this.type} ${this.id}`;
  }

  abstract inlets(): readonly string[];
  abstract outlets(): readonly string[];

  /** Inlet–outlet pairs that carry the same fluid. */
  fluidLinks(): readonly (readonly [string, string])[] {
    return [];
  }

  /** A fluid this component imposes on one of its ports (sources, stores). */
  boundaryFluid(_port: string): StreamFluid | undefined {
    return undefined;
  }

  /** A fluid this component makes at an outlet from its inlets' fluids (the combustor). */
  derivedFluid(_port: string, _inlet: (port: string) => StreamFluid | undefined): StreamFluid | undefined {
    return undefined;
  }

  /** The parameters (a copy). */
  get(): Readonly<P> {
    return { ...this.params };
  }

  /**
   * Changes parameters; `undefined` removes one. Validated at once against the declaration and `validate` (a
   * PlantInputError names the field, the value and what is valid; an unknown key is refused with the valid ones).
   */
  set(changes: Partial<P>): this {
    return this.change(parseChanges(this.label, this.parameterSchema, changes));
  }

  /**
   * Changes parameters from code that holds them typed and in SI (a template's updates at every time step): a number
   * for a declared quantity inside its declared range, or `undefined` for an optional one, is taken as it is — what
   * the declaration's parse returns for it, without the parse (zod's cost, paid on every step before) — anything else
   * goes through `set`'s parse, its refusal and its message. The same parameters, the same errors as `set`.
   */
  update(changes: Partial<P>): this {
    const shortcuts = shortcutsOf(this.parameterSchema);
    const entries = Object.entries(changes);
    for (const [k, v] of entries) {
      const known = shortcuts.get(k);
      const direct = v === undefined ? known?.optional === true : typeof v === 'number' && known?.range !== undefined && inRange(v, known.range);
      if (!direct) return this.set(changes);
    }
    return this.change(changes as Record<string, unknown>);
  }

  /** Applies parsed changes (`undefined` removes one) and validates, the parameters left as they were when refused. */
  private change(parsed: Readonly<Record<string, unknown>>): this {
    const next = { ...this.params } as Record<string, unknown>;
    for (const [k, v] of Object.entries(parsed)) {
      if (v === undefined) delete next[k];
      else next[k] = v;
    }
    const previous = this.params;
    this.params = next as P;
    try {
      this.validate();
    } catch (error) {
      this.params = previous;
      throw error;
    }
    return this;
  }

  /** Which parameters are set: the network re-assembles its equations when this changes. */
  signature(): string {
    return Object.keys(this.params)
      .filter((k) => (this.params as Record<string, unknown>)[k] !== undefined)
      .sort()
      .join(',');
  }

  /** Throws a PlantInputError naming this component for parameters that break a rule tying several together
   *  (only one of pr and p_out, fractions summing to 1, a known fluid); single ranges are the declaration's. */
  abstract validate(): void;

  abstract equations(b: Builder): void;

  /** Fills starting values it can infer from its ports' known values. */
  propagate(_g: Guess): void {}

  abstract report(r: ReportContext): ComponentReport;

  /** A hint for a failed solve whose failing block holds this component's equations (at the last iterate). */
  diagnose(_e: Evaluator, _port: (name: string) => PortRef): string | undefined {
    return undefined;
  }

  paths(): readonly ProcessPath[] {
    return [];
  }

  /** The heat this component exchanges with named outside sources or sinks, read from its own report (the
   *  network's heat totals add these up; most components exchange none). */
  outsideHeat(_report: ComponentReport): readonly OutsideHeat[] {
    return [];
  }

  /**
   * Accepts solutions in which this component breaks physics (every kind, or the kinds listed; `false` withdraws
   * it): they are then warnings instead of a failed solve (violations.ts).
   */
  allowUnphysical(kinds: UnphysicalAllowance | false = true): this {
    this.unphysical = checkAllowance(this.label, 'allowUnphysical', kinds);
    return this;
  }

  /** The opt-in given by `allowUnphysical`, if any. */
  get unphysicalAllowance(): UnphysicalAllowance | undefined {
    return this.unphysical;
  }

  /** Whether this component accepts violations of this kind. */
  allowsUnphysical(kind: ViolationKind): boolean {
    return allows(this.unphysical, kind);
  }

  /**
   * What the solved component breaks of the second law or of its own sense: what `senseViolations` finds, and
   * negative exergy destruction beyond round-off — on its own, or, where the component also runs against its sense
   * (the usual cause), told in that violation. Checked after every solve, so kept lean: no full report.
   */
  violations(r: ReportContext): readonly Violation[] {
    const own = this.senseViolations(r);
    const destruction = this.exergyDestruction(r);
    const negative = negativeDestruction(destruction, this.exergyScale(r));
    if (!negative) return own;
    if (own.length === 0) return [negative];
    return [{ ...own[0], message: `${own[0].message}; its exergy destruction is negative too (${watts(destruction)})` }, ...own.slice(1)];
  }

  /** Violations of the component's own sense (a compressor that expands, a pipe that raises the pressure). */
  protected senseViolations(_r: ReportContext): readonly Violation[] {
    return [];
  }

  /** Exergy destroyed (the report's figure; components with a costly report compute it alone). Unit: W */
  exergyDestruction(r: ReportContext): number {
    return this.report(r).exergyDestruction;
  }

  /** Σ |m e| over the ports: the scale of the exergy destruction's round-off (machines add their power). Unit: W */
  protected exergyScale(r: ReportContext): number {
    let scale = 0;
    for (const port of [...this.inlets(), ...this.outlets()]) scale += Math.abs(r.e.m(r.ref(port)) * r.exergy(port));
    return scale;
  }
}
