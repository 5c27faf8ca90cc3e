/**
 * Starting values without a user's guesses: what the specifications fix (pressures, temperatures, flows) is
 * spread through the topology by each component's own rule — pressure ratios both ways, equal flows, an outlet
 * enthalpy from the efficiency, an outlet temperature from an approach — until nothing changes; then rough
 * fallbacks (`late` passes: heat-exchanger outlets part of the way across, the dead state for what is still
 * unknown) fill the rest, and the spreading runs again from there. A stream tied to another's (a ref,
 * x = factor · x_ref + delta) takes its value from the referenced stream as soon as that has one, and the other way
 * round; a saturation temperature (T_sat, or T beside Q) gives its pressure p_sat(T).
 */
import { StreamState } from '../fluids/stream-fluid.js';
import { CombustionGas } from '../fluids/combustion-gas.js';
import type { Component, DeadState, Guess } from '../core/component.js';
import { qualityEnthalpy, REF_QUANTITIES, saturationPressureAt, saturationTemperature, type StreamSpecs } from '../core/specs.js';
import type { PortRef } from '../core/equation.js';
import { isRangeError } from './newton.js';

const MAX_PASSES = 40;

export class GuessState {
  readonly m: Float64Array;
  readonly p: Float64Array;
  readonly T: Float64Array;
  readonly h: Float64Array;
  readonly f: Float64Array;
  late = false;
  changed = false;
  private readonly st = new StreamState();

  constructor(
    readonly ports: readonly PortRef[],
    readonly deadState: DeadState,
  ) {
    const n = ports.length;
    this.m = new Float64Array(n).fill(NaN);
    this.p = new Float64Array(n).fill(NaN);
    this.T = new Float64Array(n).fill(NaN);
    this.h = new Float64Array(n).fill(NaN);
    this.f = new Float64Array(n).fill(NaN);
  }

  set(array: Float64Array, k: number, value: number): void {
    if (Number.isNaN(array[k]) && Number.isFinite(value)) {
      array[k] = value;
      this.changed = true;
    }
  }

  /** The view one component gets, by its port names. */
  view(portOf: (port: string) => PortRef): Guess {
    const g = this;
    const k = (port: string) => portOf(port).stream;
    return {
      deadState: g.deadState,
      get late() {
        return g.late;
      },
      fluid: (port) => portOf(port).fluid,
      m: (port) => g.m[k(port)],
      p: (port) => g.p[k(port)],
      T: (port) => g.T[k(port)],
      h: (port) => g.h[k(port)],
      f: (port) => g.f[k(port)],
      setM: (port, v) => g.set(g.m, k(port), v),
      setP: (port, v) => g.set(g.p, k(port), v),
      setT: (port, v) => g.set(g.T, k(port), v),
      setH: (port, v) => g.set(g.h, k(port), v),
      setF: (port, v) => g.set(g.f, k(port), v),
    };
  }

  /** A stream's missing h from (p, T) or its missing T from (p, h), where the medium can say. */
  complete(k: number, specs: StreamSpecs | undefined): void {
    const port = this.ports[k];
    const f = port.f >= 0 ? (Number.isFinite(this.f[k]) ? this.f[k] : NaN) : 0;
    if (Number.isNaN(f)) return;
    const p = this.p[k];
    if (!Number.isFinite(p)) return;
    try {
      if (Number.isNaN(this.h[k]) && specs?.Q !== undefined) this.set(this.h, k, qualityEnthalpy(port, p, specs.Q));
      if (Number.isNaN(this.h[k]) && Number.isFinite(this.T[k])) {
        const fluid = port.fluid;
        const T = Math.min(Math.max(this.T[k], fluid.Tmin + 1), fluid.Tmax - 1);
        this.set(this.h, k, fluid.hTP(T, p, f));
      }
      if (Number.isNaN(this.T[k]) && Number.isFinite(this.h[k])) {
        port.fluid.evaluate(p, this.h[k], f, this.st);
        this.set(this.T, k, this.st.T);
      }
    } catch (error) {
      if (!isRangeError(error)) throw error;
    }
  }
}

export interface GuessInput {
  readonly components: readonly Component[];
  /** The port map of each component. */
  readonly portOf: (c: Component, port: string) => PortRef;
  /** Specifications on each stream (connections). */
  readonly specs: readonly (StreamSpecs | undefined)[];
  /** Each stream's connection id (the names refs use), in the order of `specs`; without it refs seed nothing. */
  readonly ids?: readonly string[];
}

/** A stream's refs as indices: x_k = factor · x_j + delta. */
interface SeedRef {
  readonly k: number;
  readonly j: number;
  readonly q: (typeof REF_QUANTITIES)[number];
  readonly factor: number;
  readonly delta: number;
}

function refsOf(input: GuessInput): SeedRef[] {
  if (!input.ids) return [];
  const index = new Map(input.ids.map((id, k) => [id, k]));
  const out: SeedRef[] = [];
  input.specs.forEach((s, k) => {
    for (const q of REF_QUANTITIES) {
      const r = s?.refs?.[q];
      const j = r ? index.get(r.stream) : undefined;
      if (r && j !== undefined && j !== k) out.push({ k, j, q, factor: r.factor ?? 1, delta: r.delta ?? 0 });
    }
  });
  return out;
}

/** Spreads values along refs, both ways: the tie is a specification, so it holds from the first pass. */
function seedRefs(g: GuessState, refs: readonly SeedRef[]): void {
  for (const { k, j, q, factor, delta } of refs) {
    if (q === 'T_sat') {
      // both pressures on their saturation curves: T_sat(p_k) = factor · T_sat(p_j) + delta
      try {
        if (Number.isFinite(g.p[j])) g.set(g.p, k, saturationPressureAt(g.ports[k], factor * saturationTemperature(g.ports[j], g.p[j]) + delta));
        if (Number.isFinite(g.p[k])) g.set(g.p, j, saturationPressureAt(g.ports[j], (saturationTemperature(g.ports[k], g.p[k]) - delta) / factor));
      } catch (error) {
        if (!isRangeError(error)) throw error;
      }
      continue;
    }
    const x = q === 'm' ? g.m : q === 'p' ? g.p : q === 'h' ? g.h : g.T;
    if (Number.isFinite(x[j])) g.set(x, k, factor * x[j] + delta);
    if (Number.isFinite(x[k])) g.set(x, j, (x[k] - delta) / factor);
  }
}

/** The pressure a saturation temperature fixes (T_sat, or T beside Q), where the medium has one. */
function seedSaturation(g: GuessState, specs: readonly (StreamSpecs | undefined)[]): void {
  specs.forEach((s, k) => {
    const Tsat = s?.T_sat ?? (s?.Q !== undefined ? s.T : undefined);
    if (Tsat === undefined || Number.isFinite(g.p[k])) return;
    try {
      g.set(g.p, k, saturationPressureAt(g.ports[k], Tsat));
    } catch (error) {
      if (!isRangeError(error)) throw error;
    }
  });
}

/** Starting values for every stream: m, p, h (and f for flue gas). */
export function startingValues(g: GuessState, input: GuessInput): void {
  const n = g.ports.length;
  input.specs.forEach((s, k) => {
    if (!s) return;
    if (s.m !== undefined) g.set(g.m, k, s.m);
    if (s.p !== undefined) g.set(g.p, k, s.p);
    if (s.T !== undefined) g.set(g.T, k, s.T);
    if (s.h !== undefined) g.set(g.h, k, s.h);
  });
  seedSaturation(g, input.specs);
  const refs = refsOf(input);
  const views = input.components.map((c) => g.view((port) => input.portOf(c, port)));
  const spread = () => {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      g.changed = false;
      input.components.forEach((c, i) => {
        try {
          c.propagate(views[i]);
        } catch (error) {
          if (!isRangeError(error)) throw error;
        }
      });
      seedRefs(g, refs);
      for (let k = 0; k < n; k++) g.complete(k, input.specs[k]);
      if (!g.changed) return;
    }
  };
  spread();
  g.late = true;
  spread();
  // whatever is still unknown: the dead state, a typical flow, a lean flue gas
  const knownM = Array.from(g.m).filter((v) => Number.isFinite(v) && v !== 0);
  const typicalM = knownM.length > 0 ? Math.max(...knownM.map(Math.abs)) : 1;
  for (let round = 0; round < 2; round++) {
    for (let k = 0; k < n; k++) {
      const port = g.ports[k];
      g.set(g.p, k, g.deadState.p);
      if (port.f >= 0 && Number.isNaN(g.f[k])) {
        const gas = port.fluid as CombustionGas;
        g.set(g.f, k, 1 / (1 + (2.5 * (1 - gas.fStoichiometric)) / gas.fStoichiometric));
      }
      if (round === 1) {
        g.set(g.m, k, typicalM);
        g.set(g.T, k, Math.min(Math.max(g.deadState.T, port.fluid.Tmin + 1), port.fluid.Tmax - 1));
      }
      g.complete(k, input.specs[k]);
    }
    spread();
  }
  for (let k = 0; k < n; k++) {
    if (Number.isNaN(g.h[k])) {
      // last resort: the middle of the medium's range at the guessed pressure
      const port = g.ports[k];
      const T = 0.5 * (port.fluid.Tmin + port.fluid.Tmax);
      try {
        g.set(g.h, k, port.fluid.hTP(T, g.p[k], port.f >= 0 ? g.f[k] : 0));
      } catch (error) {
        if (!isRangeError(error)) throw error;
        g.set(g.h, k, 0);
      }
    }
  }
}
