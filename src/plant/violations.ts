/**
 * Solutions a real plant cannot have. A network's equations can be met by states that break the second law or the
 * specification's own sense: a compressor or pump that expands, a turbine that compresses, a pipe, valve, heater,
 * cooler or exchanger side whose pressure rises, a stream flowing against its connection, a temperature cross inside
 * a counter-flow heat exchanger, a heater or cooler exchanging heat against its external temperature, a component
 * with negative exergy destruction (negative entropy generation). `Network.solve` refuses such a solution — a failed
 * result carrying the violations — unless the network or the component opts in (`allowUnphysical`), and then they
 * are the solution's warnings.
 *
 * The tolerances lie far above the solver's round-off (scaled residuals 1e-10: about 1e-5 Pa, 1e-8 K, 1e-10 of
 * the largest flow) and far below anything a real specification means. A heat exchanger whose hot side enters
 * colder passes its heat back (Q < 0): that is no violation as long as its cold side stays the warmer all along.
 * Heaters and coolers are judged against T_external only where it is given (the default, the ambient, stands for a
 * source or sink not described: a note, not a violation).
 */
import { PlantInputError } from './errors.js';

export const VIOLATION_KINDS = [
  'expansion-in-compressor',
  'compression-in-turbine',
  'pressure-rise',
  'negative-mass-flow',
  'temperature-cross',
  'heat-against-temperature',
  'negative-exergy-destruction',
] as const;

export type ViolationKind = (typeof VIOLATION_KINDS)[number];

/** What each kind means, for documentation and messages. */
export const VIOLATION_MEANINGS: Readonly<Record<ViolationKind, string>> = Object.freeze({
  'expansion-in-compressor': 'a compressor or pump whose outlet pressure is below its inlet pressure',
  'compression-in-turbine': 'a turbine whose outlet pressure is above its inlet pressure',
  'pressure-rise': 'a pressure rise across a pipe, valve, heater, cooler or heat-exchanger side (elements that only lose pressure)',
  'negative-mass-flow': 'a stream flowing against the direction of its connection',
  'temperature-cross': 'a heat exchanger whose stream giving the heat is colder than the one taking it somewhere along the counter-flow profile',
  'heat-against-temperature': 'a heater whose fluid gets hotter than the source at its T_external, or a cooler whose fluid gets colder than the sink',
  'negative-exergy-destruction': 'a component that destroys negative exergy (generates negative entropy)',
});

export const VIOLATION_TOLERANCES = Object.freeze({
  /** Pressure change the wrong way across a machine or loss element, relative to its inlet pressure. Unit: - */
  pressure: 1e-6,
  /** Flow against a connection, relative to the largest flow of the network. Unit: - */
  massFlow: 1e-8,
  /** Temperature cross: a negative internal pinch beyond this. Unit: K */
  temperature: 1e-4,
  /** Negative exergy destruction, relative to the exergy flows, power and heat through the component. Unit: - */
  exergy: 1e-6,
  /** Absolute floor of the exergy tolerance (a component with nothing flowing). Unit: W */
  exergyFloor: 1e-6,
});

/** What a component finds wrong with its own solution. */
export interface Violation {
  readonly kind: ViolationKind;
  /** The quantity that is wrong: 'pr', 'pr1', 'm', 'pinch', 'exergyDestruction', 'T_out'. */
  readonly quantity: string;
  /** Its value. Unit: `unit` (SI) */
  readonly value: number;
  /** SI unit of `value` ('-', 'kg/s', 'K', 'W'). */
  readonly unit: string;
  /** What would be sensible: 'pr ≥ 1', 'T_out ≤ T_external = 350 K'. */
  readonly sensible: string;
  /** The whole finding as a sentence, without the component's name. */
  readonly message: string;
}

/** A violation in a solved network: where, and whether the network or the component accepts it. */
export interface PhysicsViolation extends Violation {
  /** 'compressor C1', 'stream s3 (C1 → P1)' */
  readonly where: string;
  /** Component id, or the connection id of a stream. */
  readonly id: string;
  /** True where the network or the component opts in (`allowUnphysical`): then it is a warning. */
  readonly allowed: boolean;
}

/** An opt-in: every kind (`true`) or the kinds listed. */
export type UnphysicalAllowance = true | readonly ViolationKind[];

/**
 * One paragraph for violations the solution may not have: each with its place, quantity, value and what would be
 * sensible, and how to accept them anyway.
 */
export function describeViolations(violations: readonly PhysicsViolation[]): string {
  const n = violations.length;
  const kinds = [...new Set(violations.map((v) => v.kind))];
  const each = violations.map((v) => `${v.where}: ${v.message}`).join('; ');
  return (
    `the solution is physically impossible (${n} violation${n > 1 ? 's' : ''}): ${each}. ` +
    `Change the specification; or, to accept ${n > 1 ? 'them' : 'it'} as a warning, add allowUnphysical: [${kinds.join(', ')}] to the network ` +
    `(or allowUnphysical: true to the component)`
  );
}

/** A converged solution that breaks physics, thrown where a caller cannot go on (a template's design point). */
export class PhysicsViolationError extends Error {
  readonly violations: readonly PhysicsViolation[];
  /** What was being solved: 'adiabatic-caes charge design point'. */
  readonly context: string;
  constructor(violations: readonly PhysicsViolation[], context = 'network') {
    super(`${context}: ${describeViolations(violations)}`);
    this.name = 'PhysicsViolationError';
    this.violations = violations;
    this.context = context;
  }
}

/** An opt-in checked: `true`, or a list of known kinds (a PlantInputError naming `where` and `field` otherwise). */
export function checkAllowance(where: string, field: string, value: unknown): UnphysicalAllowance | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return true;
  const valid = `true, or a list of ${VIOLATION_KINDS.join(', ')}`;
  if (!Array.isArray(value)) throw new PlantInputError(where, field, value, valid);
  for (const k of value) if (!(VIOLATION_KINDS as readonly unknown[]).includes(k)) throw new PlantInputError(where, field, k, valid);
  return [...(value as ViolationKind[])];
}

/** Whether an opt-in covers a kind. */
export function allows(allowance: UnphysicalAllowance | undefined, kind: ViolationKind): boolean {
  return allowance === true || (allowance !== undefined && allowance.includes(kind));
}

// ——— helpers for the components' checks ———

/** A number for messages: 4 significant digits, no exponent for ordinary magnitudes. */
export function num(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e6 || a < 1e-3) ? v.toExponential(digits - 1) : String(Number(v.toPrecision(digits)));
}

/** A pressure for messages, in bar. */
export function bar(p: number): string {
  return `${num(p / 1e5, 5)} bar`;
}

/** A power for messages, in W, kW or MW. */
export function watts(P: number): string {
  const a = Math.abs(P);
  if (a >= 1e6) return `${num(P / 1e6)} MW`;
  if (a >= 1e3) return `${num(P / 1e3)} kW`;
  return `${num(P)} W`;
}

/**
 * A pressure rise across an element that only loses pressure: p_out > p_in (1 + tolerance). `what` names the
 * element or side ('a pipe', 'the hot side'); `quantity` the ratio's name ('pr', 'pr1').
 */
export function pressureRise(quantity: string, what: string, pIn: number, pOut: number): Violation | undefined {
  if (!(pOut > pIn * (1 + VIOLATION_TOLERANCES.pressure))) return undefined;
  const pr = pOut / pIn;
  return {
    kind: 'pressure-rise',
    quantity,
    value: pr,
    unit: '-',
    sensible: `${quantity} = p_out/p_in ≤ 1`,
    message: `the pressure rises across ${what}: ${quantity} = p_out/p_in = ${num(pr)} (${bar(pIn)} → ${bar(pOut)}), where ${what} can only lose pressure (sensible: ${quantity} ≤ 1; a compressor or pump raises it)`,
  };
}

/**
 * Negative exergy destruction beyond round-off: E_D < −(tolerance · scale + floor), `scale` the exergy flows, power
 * and heat through the component (W).
 */
export function negativeDestruction(exergyDestruction: number, scale: number): Violation | undefined {
  if (!(exergyDestruction < -(VIOLATION_TOLERANCES.exergy * scale + VIOLATION_TOLERANCES.exergyFloor))) return undefined;
  return {
    kind: 'negative-exergy-destruction',
    quantity: 'exergyDestruction',
    value: exergyDestruction,
    unit: 'W',
    sensible: 'exergyDestruction ≥ 0',
    message: `negative exergy destruction ${watts(exergyDestruction)} (entropy would be destroyed; the second law needs exergyDestruction ≥ 0: check the specifications that fix its outlets)`,
  };
}
