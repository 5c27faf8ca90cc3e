/**
 * Equations many components share, each with its residual, gradient and closed-form solution.
 * Scales: m by the network's mass-flow scale, p by 1 bar-ish, h by 100 kJ/kg-ish, T by 100 K (see Scales).
 */
import { StreamState } from '../fluids/stream-fluid.js';
import { addStateGradient, stateVars, uniqueVars, type PortRef, type Scales } from './equation.js';
import type { Evaluator } from './evaluator.js';
import type { EquationInput } from './component.js';

const scratch = new StreamState();

/**
 * The enthalpy of `port` at which its temperature is T (p and f as they are now), with the full state stored
 * as the stream's cached state (one (T, p) flash instead of a (T, p) and a (p, h) flash).
 */
export function enthalpyAtT(e: Evaluator, port: PortRef, T: number): number {
  const p = e.p(port);
  const f = e.f(port);
  const h = port.fluid.hTP(T, p, f, scratch);
  scratch.p = p;
  scratch.h = h;
  scratch.f = f;
  e.prime(port, scratch);
  return h;
}

/** 0 = x_b − x_a   (mass flows, pressures or enthalpies that are the same on both sides). */
export function equality(name: string, a: number, b: number, scale: () => number): EquationInput {
  return {
    name,
    spec: false,
    vars: [a, b],
    residual: (e) => (e.x[b] - e.x[a]) / scale(),
    gradient: (_e, g) => {
      g.add(a, -1 / scale());
      g.add(b, 1 / scale());
    },
    solveFor: (e, v) => (v === b ? e.x[a] : e.x[b]),
  };
}

/** 0 = x − value   (a variable fixed by a number). */
export function fixed(name: string, v: number, value: () => number, scale: () => number, spec = true): EquationInput {
  return {
    name,
    spec,
    vars: [v],
    residual: (e) => (e.x[v] - value()) / scale(),
    gradient: (_e, g) => g.add(v, 1 / scale()),
    solveFor: () => value(),
  };
}

/** 0 = p_out − pr · p_in */
export function pressureRatio(name: string, inlet: PortRef, outlet: PortRef, pr: () => number, s: Scales, spec = true): EquationInput {
  return {
    name,
    spec,
    vars: [inlet.p, outlet.p],
    residual: (e) => (e.x[outlet.p] - pr() * e.x[inlet.p]) / s.p,
    gradient: (_e, g) => {
      g.add(inlet.p, -pr() / s.p);
      g.add(outlet.p, 1 / s.p);
    },
    solveFor: (e, v) => (v === outlet.p ? pr() * e.x[inlet.p] : e.x[outlet.p] / pr()),
  };
}

/** 0 = p_out − (p_in − Δp) */
export function pressureDrop(name: string, inlet: PortRef, outlet: PortRef, dp: () => number, s: Scales, spec = true): EquationInput {
  return {
    name,
    spec,
    vars: [inlet.p, outlet.p],
    residual: (e) => (e.x[outlet.p] - e.x[inlet.p] + dp()) / s.p,
    gradient: (_e, g) => {
      g.add(inlet.p, -1 / s.p);
      g.add(outlet.p, 1 / s.p);
    },
    solveFor: (e, v) => (v === outlet.p ? e.x[inlet.p] - dp() : e.x[outlet.p] + dp()),
  };
}

/** 0 = T(a) − T(b) − ΔT   (b may be absent: 0 = T(a) − ΔT). */
export function temperatureDifference(name: string, a: PortRef, b: PortRef | null, dT: () => number, s: Scales, spec = true): EquationInput {
  return {
    name,
    spec,
    vars: b ? uniqueVars(stateVars(a), stateVars(b)) : stateVars(a),
    residual: (e) => (e.state(a).T - (b ? e.state(b).T : 0) - dT()) / s.T,
    gradient: (e, g) => {
      const sa = e.state(a);
      addStateGradient(g, a, sa.dTdp / s.T, sa.dTdh / s.T, sa.dTdf / s.T);
      if (b) {
        const sb = e.state(b);
        addStateGradient(g, b, -sb.dTdp / s.T, -sb.dTdh / s.T, -sb.dTdf / s.T);
      }
    },
    solveFor: (e, v) => {
      if (v === a.h) return enthalpyAtT(e, a, (b ? e.state(b).T : 0) + dT());
      if (b && v === b.h) return enthalpyAtT(e, b, e.state(a).T - dT());
      return undefined;
    },
  };
}

/** 0 = Σ m_in − Σ m_out */
export function massBalance(inlets: readonly PortRef[], outlets: readonly PortRef[], s: Scales): EquationInput {
  const vars = [...inlets.map((p) => p.m), ...outlets.map((p) => p.m)];
  return {
    name: 'mass balance',
    spec: false,
    vars,
    residual: (e) => {
      let r = 0;
      for (const p of inlets) r += e.x[p.m];
      for (const p of outlets) r -= e.x[p.m];
      return r / s.m;
    },
    gradient: (_e, g) => {
      for (const p of inlets) g.add(p.m, 1 / s.m);
      for (const p of outlets) g.add(p.m, -1 / s.m);
    },
    solveFor: (e, v) => {
      let r = 0;
      let sign = 0;
      for (const p of inlets) {
        if (p.m === v) sign = 1;
        else r += e.x[p.m];
      }
      for (const p of outlets) {
        if (p.m === v) sign = -1;
        else r -= e.x[p.m];
      }
      return sign === 0 ? undefined : -r / sign;
    },
  };
}

/** 0 = Σ m_in h_in − Σ m_out h_out   (adiabatic mixing or splitting; no work). */
export function energyBalance(inlets: readonly PortRef[], outlets: readonly PortRef[], s: Scales): EquationInput {
  const all = [...inlets.map((p) => [p, 1] as const), ...outlets.map((p) => [p, -1] as const)];
  return {
    name: 'energy balance',
    spec: false,
    vars: uniqueVars(...all.map(([p]) => [p.m, p.h])),
    residual: (e) => {
      let r = 0;
      for (const [p, sign] of all) r += sign * e.x[p.m] * e.x[p.h];
      return r / s.E;
    },
    gradient: (e, g) => {
      for (const [p, sign] of all) {
        g.add(p.m, (sign * e.x[p.h]) / s.E);
        g.add(p.h, (sign * e.x[p.m]) / s.E);
      }
    },
    solveFor: (e, v) => {
      let r = 0;
      let coefficient = 0;
      for (const [p, sign] of all) {
        if (p.h === v) coefficient += sign * e.x[p.m];
        else if (p.m === v) coefficient += sign * e.x[p.h];
        else r += sign * e.x[p.m] * e.x[p.h];
      }
      return coefficient === 0 ? undefined : -r / coefficient;
    },
  };
}
