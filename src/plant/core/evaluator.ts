/**
 * The variable vector and one cached state per stream. A stream's state is evaluated (one flash) the first time an
 * equation asks for it at the current (p, h, f) and reused until one of them changes, so a Newton iteration costs
 * one flash per stream however many equations read it, and finite differences re-flash only the perturbed stream.
 */
import { StreamState } from '../fluids/stream-fluid.js';
import type { PortRef, Scales } from './equation.js';

export class Evaluator {
  readonly x: Float64Array;
  private readonly states: StreamState[];
  /** Flashes done (for benchmarks). */
  evaluations = 0;

  constructor(
    readonly ports: readonly PortRef[],
    nVariables: number,
    readonly scales: Scales,
  ) {
    this.x = new Float64Array(nVariables);
    this.states = ports.map(() => new StreamState());
  }

  m(port: PortRef): number {
    return this.x[port.m];
  }

  p(port: PortRef): number {
    return this.x[port.p];
  }

  h(port: PortRef): number {
    return this.x[port.h];
  }

  f(port: PortRef): number {
    return port.f >= 0 ? this.x[port.f] : 0;
  }

  /** The state of a stream at the current variables (throws the medium's FluidInputError outside its range). */
  state(port: PortRef): StreamState {
    const st = this.states[port.stream];
    const p = this.x[port.p];
    const h = this.x[port.h];
    const f = port.f >= 0 ? this.x[port.f] : 0;
    if (st.valid && st.p === p && st.h === h && st.f === f) return st;
    st.valid = false;
    this.evaluations++;
    port.fluid.evaluate(p, h, f, st);
    st.p = p;
    st.h = h;
    st.f = f;
    return st;
  }

  /** Stores a state computed elsewhere (e.g. by a (T, p) flash that fixed h) as the stream's cached state. */
  prime(port: PortRef, st: StreamState): void {
    this.states[port.stream].copyFrom(st);
  }

  /** An independent copy (variables and cached states), e.g. for a solution that outlives the next solve. */
  clone(): Evaluator {
    const c = new Evaluator(this.ports, this.x.length, { ...this.scales, E: this.scales.E });
    c.x.set(this.x);
    this.states.forEach((st, k) => c.states[k].copyFrom(st));
    return c;
  }

  /** Forgets every cached state. */
  invalidate(): void {
    for (const st of this.states) st.valid = false;
  }
}
