/**
 * Temperatures a network file gives to a storage liquid, checked against the liquid's valid range before anything
 * is solved: a store tank's T (a two-tank store's supplying tank) and every stream temperature given on the
 * streams its liquid flows through — the loop out of the store through pumps and exchangers back to its other tank,
 * followed along each component's fluidLinks; a value, or a ref to a stream whose T is a value. A temperature outside the correlation's range has no enthalpy, so
 * the solver could only stop at it and report "did not converge"; here it is a field error naming the field as
 * written (`components.tes.T`, `connections[2].T`), the value and the range. Checked once, when a file is loaded —
 * not in `Component.set`, so that a transient that moves a store's temperature step by step keeps its own range
 * handling.
 */
import type { Component } from '../core/component.js';
import type { Network } from '../network/network.js';
import type { StreamFluid } from '../fluids/stream-fluid.js';
import { LiquidFluid } from '../fluids/liquid.js';
import { validRange } from '../errors.js';
import type { InputIssue } from '../../units/schema.js';

const outside = (T: number, liquid: StreamFluid) => !(T >= liquid.Tmin && T <= liquid.Tmax);

/**
 * The issue of temperature T (K) given at `field` to `liquid` by `where` ('two-tank-store tes', 'stream a → b');
 * `how`: how it follows from a ref ('T of e1 + 20 K').
 */
function issue(field: string, where: string, T: number, liquid: StreamFluid, how?: string): InputIssue {
  const name = liquid instanceof LiquidFluid ? liquid.medium.name : liquid.name;
  const valid = validRange('T', { min: liquid.Tmin, max: liquid.Tmax }, 'K', `the valid range of ${name}`);
  const degC = Number((T - 273.15).toFixed(2));
  return { field, value: T, valid, message: `${where}: T = ${T} K (${degC} degC${how ? `, ${how}` : ''}) is not valid; valid: ${valid}` };
}

/** Every temperature given to a storage liquid outside its range; `connections` in the file's order. */
export function liquidTemperatureIssues(network: Network): InputIssue[] {
  const issues: InputIssue[] = [];
  const connections = network.allConnections();
  const leaving = new Map(connections.map((c, k) => [`${c.from.component}.${c.from.port}`, k]));
  const byId = new Map(connections.map((c) => [c.id, c]));
  // a stream's temperature as a value: on the stream, or the tank's a store supplies it at
  const valueT = (c: (typeof connections)[number] | undefined): number | undefined => {
    if (!c) return undefined;
    if (c.specs.T !== undefined) return c.specs.T;
    const from = network.component<Component>(c.from.component);
    const T = (from.get() as { T?: unknown }).T;
    return from.boundaryFluid(c.from.port) !== undefined && typeof T === 'number' ? T : undefined;
  };
  // a temperature given as a value, or tied to a stream whose temperature is a value (T = factor · T_ref + delta)
  const givenT = (c: (typeof connections)[number]): { T: number; how?: string } | undefined => {
    if (c.specs.T !== undefined) return { T: c.specs.T };
    const r = c.specs.refs?.T;
    const T = r ? valueT(byId.get(r.stream)) : undefined;
    if (!r || T === undefined) return undefined;
    const factor = r.factor ?? 1;
    const delta = r.delta ?? 0;
    return { T: factor * T + delta, how: `${factor === 1 ? '' : `${factor} · `}T of ${r.stream}${delta === 0 ? '' : ` ${delta < 0 ? '−' : '+'} ${Math.abs(delta)} K`}` };
  };
  const checked = new Set<number>();
  const follow = (start: number, liquid: StreamFluid) => {
    const stack = [start];
    while (stack.length > 0) {
      const k = stack.pop() as number;
      if (checked.has(k)) continue;
      checked.add(k);
      const c = connections[k];
      const given = givenT(c);
      if (given && outside(given.T, liquid)) issues.push(issue(`connections[${k}].T`, `connections[${k}]: stream ${c.label}`, given.T, liquid, given.how));
      const next = network.component<Component>(c.to.component);
      for (const [inlet, outlet] of next.fluidLinks()) {
        if (inlet !== c.to.port) continue;
        const onward = leaving.get(`${next.id}.${outlet}`);
        if (onward !== undefined) stack.push(onward);
      }
    }
  };
  for (const component of network.allComponents()) {
    for (const port of component.outlets()) {
      const liquid = component.boundaryFluid(port);
      if (liquid?.kind !== 'liquid') continue;
      const T = (component.get() as { T?: unknown }).T;
      if (typeof T === 'number' && outside(T, liquid)) issues.push(issue(`components.${component.id}.T`, component.label, T, liquid));
      const start = leaving.get(`${component.id}.${port}`);
      if (start !== undefined) follow(start, liquid);
    }
  }
  return issues;
}
