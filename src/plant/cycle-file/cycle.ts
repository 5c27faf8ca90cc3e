/**
 * A cycle file parsed and solved: the charge network solved first, its results handed to the discharge network
 * (store temperatures, stored heat and mass spread over the discharge's duration), the discharge solved, and the
 * round trip across both:
 *   RTE net   = (−P_net,discharge · t_discharge) / (P_net,charge · t_charge)      (every electric draw: pumps, fans)
 *   RTE gross = (Σ turbines' P_el delivered · t_discharge) / (Σ compressors' P_el drawn · t_charge)
 * and each store's balance over the cycle (mass and heat into it while charging against out of it while discharging).
 * Browser-safe: the networks a cycle names by path are read through the caller's `read`.
 */
import { fieldOf } from '../../units/schema.js';
import { FluidInputError } from '../../fluids/index.js';
import { parseNetwork, parseNetworkText, readYamlText, type NetworkIssue } from '../file/load.js';
import { PlantInputError } from '../errors.js';
import type { Network } from '../network/network.js';
import type { SolverOptions } from '../network/newton.js';
import type { Solution } from '../network/solution.js';
import type { PhysicsViolation } from '../violations.js';
import { CycleFileSchema, type Handover } from './schema.js';

export interface CyclePhase {
  readonly network: Network;
  readonly solver: Partial<SolverOptions>;
  /** Unit: s */
  readonly duration: number;
}

export interface Cycle {
  readonly name: string;
  readonly charge: CyclePhase;
  readonly discharge: CyclePhase;
  readonly handover: readonly Handover[];
}

export type CycleParse = { readonly ok: true; readonly cycle: Cycle } | { readonly ok: false; readonly issues: readonly NetworkIssue[] };

/** A cycle from its parsed YAML/JSON object; `read(path)` gives the text of a network the cycle names by path. */
export function parseCycle(input: unknown, read: (path: string) => string): CycleParse {
  const r = CycleFileSchema.safeParse(input);
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => ({ field: fieldOf(i.path), message: `${fieldOf(i.path) || 'cycle'}: ${i.message}` })) };
  const file = r.data;
  const issues: NetworkIssue[] = [];
  const phase = (key: 'charge' | 'discharge'): CyclePhase | undefined => {
    const { network, duration, allowUnphysical } = file[key];
    let parsed;
    if (typeof network === 'string') {
      let text: string;
      try {
        text = read(network);
      } catch (error) {
        issues.push({ field: `${key}.network`, message: `${key}.network: cannot read "${network}": ${(error as Error).message}` });
        return undefined;
      }
      parsed = parseNetworkText(text, network);
    } else parsed = parseNetwork(network);
    if (!parsed.ok) {
      for (const i of parsed.issues) issues.push({ field: `${key}.network${i.field ? `.${i.field}` : ''}`, message: `${key}: ${i.message}` });
      return undefined;
    }
    if (allowUnphysical) {
      const own = parsed.network.unphysicalAllowance;
      parsed.network.allowUnphysical(own === true || allowUnphysical === true ? true : [...new Set([...(own ?? []), ...allowUnphysical])]);
    }
    return { network: parsed.network, solver: parsed.solver, duration };
  };
  const charge = phase('charge');
  const discharge = phase('discharge');
  if (!charge || !discharge) return { ok: false, issues };
  file.handover.forEach((h, k) => {
    const [fromId] = h.from.split('.');
    const [toId] = h.to.split('.');
    if (!has(charge.network, fromId)) issues.push({ field: `handover[${k}].from`, message: `handover[${k}].from: "${fromId}" is neither a component nor a connection of the charge network` });
    if (!has(discharge.network, toId)) issues.push({ field: `handover[${k}].to`, message: `handover[${k}].to: "${toId}" is neither a component nor a connection of the discharge network` });
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, cycle: { name: file.name ?? `${charge.network.name} + ${discharge.network.name}`, charge, discharge, handover: file.handover } };
}

/** A cycle from YAML or JSON text; `source` names the file in messages. */
export function parseCycleText(text: string, read: (path: string) => string, source = 'cycle file'): CycleParse {
  const yaml = readYamlText(text, source);
  return yaml.ok ? parseCycle(yaml.input, read) : yaml;
}

/** Whether a parsed file is a cycle file (`kind: cycle`) rather than a network. */
export function isCycleDocument(input: unknown): boolean {
  return typeof input === 'object' && input !== null && (input as { kind?: unknown }).kind === 'cycle';
}

function has(net: Network, id: string): boolean {
  return net.allComponents().some((c) => c.id === id) || net.allConnections().some((c) => c.id === id);
}

/** One value handed from the charge to the discharge. */
export interface HandedValue {
  readonly from: string;
  readonly to: string;
  /** As read from the charge's solution. Unit: SI of the quantity */
  readonly read: number;
  /** As written into the discharge (after rate and factor). Unit: SI of the quantity */
  readonly written: number;
}

/** A store present in both networks (same id): what went in while charging and came out while discharging. */
export interface StoreBalance {
  readonly id: string;
  readonly type: string;
  /** Mass moved into the store over the charge (|massRate| · t_charge). Unit: kg */
  readonly massCharged: number;
  /** Mass drawn from it over the discharge. Unit: kg */
  readonly massDischarged: number;
  /** Heat taken in over the charge (two-tank stores). Unit: J */
  readonly heatCharged?: number;
  /** Heat given back over the discharge (two-tank stores). Unit: J */
  readonly heatDischarged?: number;
}

export interface CycleFigures {
  /** Electric energy drawn over the charge, every consumer included. Unit: J */
  readonly chargeEnergy: number;
  /** Electric energy delivered over the discharge, every consumer subtracted. Unit: J */
  readonly dischargeEnergy: number;
  /** Net electric power drawn while charging (+ drawn). Unit: W */
  readonly chargePower: number;
  /** Net electric power delivered while discharging. Unit: W */
  readonly dischargePower: number;
  /** Σ compressors' electric power. Unit: W */
  readonly compressorPower: number;
  /** Σ turbines' electric power delivered. Unit: W */
  readonly turbinePower: number;
  /** Unit: - */
  readonly rteNet: number;
  /** Unit: - */
  readonly rteGross: number;
  readonly stores: readonly StoreBalance[];
  readonly handed: readonly HandedValue[];
}

export interface CycleSolution {
  readonly cycle: Cycle;
  readonly charge: Solution;
  readonly discharge: Solution;
  readonly figures: CycleFigures;
}

export type CycleSolveResult =
  | { readonly ok: true; readonly value: CycleSolution }
  | { readonly ok: false; readonly stage: 'charge' | 'handover' | 'discharge'; readonly reason: string; readonly violations?: readonly PhysicsViolation[] };

/** Solves the charge, hands its results over, solves the discharge, and figures the round trip. */
export function solveCycle(cycle: Cycle): CycleSolveResult {
  const c = cycle.charge.network.solve(cycle.charge.solver);
  if (!c.ok) return { ok: false, stage: 'charge', reason: `charge: ${c.reason}`, ...(c.violations ? { violations: c.violations } : {}) };
  const handed: HandedValue[] = [];
  for (const [k, h] of cycle.handover.entries()) {
    try {
      handed.push(handOver(h, c.value, cycle));
    } catch (error) {
      if (!(error instanceof PlantInputError || error instanceof FluidInputError)) throw error;
      return { ok: false, stage: 'handover', reason: `handover[${k}] (${h.from} → ${h.to}): ${error.message}` };
    }
  }
  const d = cycle.discharge.network.solve(cycle.discharge.solver);
  if (!d.ok) return { ok: false, stage: 'discharge', reason: `discharge: ${d.reason}`, ...(d.violations ? { violations: d.violations } : {}) };
  return { ok: true, value: { cycle, charge: c.value, discharge: d.value, figures: figures(cycle, c.value, d.value, handed) } };
}

/** Reads `id.quantity` from a solution: a stream's m, p, T, h, or a component's Q, P, P_el or a value. */
function readValue(s: Solution, ref: string): number {
  const [id, q] = ref.split('.');
  if (s.network.allConnections().some((c) => c.id === id)) {
    const row = s.stream(id);
    if (q === 'm' || q === 'p' || q === 'T' || q === 'h' || q === 's') return row[q];
    throw new PlantInputError(`handover from stream ${id}`, 'quantity', q, 'one of m, p, T, h, s');
  }
  const r = s.component(id);
  const v = q === 'Q' || q === 'P' || q === 'P_el' || q === 'pr' ? r[q] : r.values[q];
  if (v === undefined) throw new PlantInputError(`handover from ${r.type} ${id}`, 'quantity', q, `one it reports: ${['Q', 'P', 'P_el', 'pr'].filter((k) => (r as unknown as Record<string, unknown>)[k] !== undefined).concat(Object.keys(r.values)).join(', ')}`);
  return v;
}

function handOver(h: Handover, charge: Solution, cycle: Cycle): HandedValue {
  const read = readValue(charge, h.from);
  const spread = h.rate ? cycle.charge.duration / cycle.discharge.duration : 1;
  const written = read * spread * (h.factor ?? 1);
  const [id, key] = h.to.split('.');
  const net = cycle.discharge.network;
  const component = net.allComponents().find((c) => c.id === id);
  if (component) component.set({ [key]: written } as never);
  else net.setSpecs(id, { [key]: written } as never);
  return { from: h.from, to: h.to, read, written };
}

function figures(cycle: Cycle, c: Solution, d: Solution, handed: readonly HandedValue[]): CycleFigures {
  const tc = cycle.charge.duration;
  const td = cycle.discharge.duration;
  const sumOf = (s: Solution, type: string) => s.components().filter((r) => r.type === type).reduce((acc, r) => acc + (r.P_el ?? r.P ?? 0), 0);
  const chargePower = c.balances().netPower;
  const dischargePower = -d.balances().netPower;
  const compressorPower = sumOf(c, 'compressor');
  const turbinePower = -sumOf(d, 'turbine');
  const stores: StoreBalance[] = [];
  for (const r of c.components()) {
    if (!(r.type === 'two-tank-store' || r.type === 'storage-vessel' || r.type === 'gas-holder')) continue;
    if (!d.network.allComponents().some((x) => x.id === r.id && x.type === r.type)) continue;
    const rd = d.component(r.id);
    const heat = r.type === 'two-tank-store' ? { heatCharged: (r.Q ?? 0) * tc, heatDischarged: -(rd.Q ?? 0) * td } : {};
    stores.push({ id: r.id, type: r.type, massCharged: Math.abs(r.values.massRate ?? 0) * tc, massDischarged: Math.abs(rd.values.massRate ?? 0) * td, ...heat });
  }
  return {
    chargeEnergy: chargePower * tc,
    dischargeEnergy: dischargePower * td,
    chargePower,
    dischargePower,
    compressorPower,
    turbinePower,
    rteNet: (dischargePower * td) / (chargePower * tc),
    rteGross: (turbinePower * td) / (compressorPower * tc),
    stores,
    handed,
  };
}
