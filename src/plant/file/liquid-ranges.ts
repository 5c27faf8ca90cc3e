/**
 * Temperatures a network file gives to a storage liquid, checked against the liquid's valid range before anything
 * is solved: a store tank's T (a two-tank store's supplying tank) and every stream temperature (T) given on the
 * streams its liquid flows through (the loop out of the store through pumps and exchangers back to its other tank,
 * followed along each component's fluidLinks). A temperature outside the correlation's range has no enthalpy, so
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

/** The issue of temperature T (K) given at `field` to `liquid` by `where` ('two-tank-store tes', 'stream a → b'). */
function issue(field: string, where: string, T: number, liquid: StreamFluid): InputIssue {
  const name = liquid instanceof LiquidFluid ? liquid.medium.name : liquid.name;
  const valid = validRange('T', { min: liquid.Tmin, max: liquid.Tmax }, 'K', `the valid range of ${name}`);
  const degC = Number((T - 273.15).toFixed(2));
  return { field, value: T, valid, message: `${where}: T = ${T} K (${degC} degC) is not valid; valid: ${valid}` };
}

/** Every temperature given to a storage liquid outside its range; `connections` in the file's order. */
export function liquidTemperatureIssues(network: Network): InputIssue[] {
  const issues: InputIssue[] = [];
  const connections = network.allConnections();
  const leaving = new Map(connections.map((c, k) => [`${c.from.component}.${c.from.port}`, k]));
  const checked = new Set<number>();
  const follow = (start: number, liquid: StreamFluid) => {
    const stack = [start];
    while (stack.length > 0) {
      const k = stack.pop() as number;
      if (checked.has(k)) continue;
      checked.add(k);
      const c = connections[k];
      const T = c.specs.T;
      if (T !== undefined && outside(T, liquid)) issues.push(issue(`connections[${k}].T`, `connections[${k}]: stream ${c.label}`, T, liquid));
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
