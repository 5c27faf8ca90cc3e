/**
 * The design point of a mode network (designPoint), solved in steps from a trial flow to the power bus a transient
 * runs it with, and the checks that say why a design point cannot be had (solveDesign, checkStoreExchangers).
 */
import { PlantInputError } from '../errors.js';
import { PhysicsViolationError, type UnphysicalAllowance } from '../violations.js';
import type { Network } from '../network/network.js';
import type { Solution } from '../network/solution.js';
import { PowerBus } from '../components/power-bus.js';
import { applyToNetwork, type NetworkBuilder, type NetworkDoc, type Update } from './doc.js';
import type { LineSpec } from './parts/machine-train.js';

/**
 * Solves a design point, or says why not: parameters that leave the network without a solution (a PlantInputError),
 * or with one that breaks physics (a PhysicsViolationError naming the components, src/plant/violations.ts).
 */
export function solveDesign(net: Network, template: string, mode: string): Solution {
  const r = net.solve();
  if (!r.ok && r.violations) throw new PhysicsViolationError(r.violations, `${template} ${mode} design point`);
  if (!r.ok) {
    throw new PlantInputError(
      template,
      `${mode} design point`,
      'not solved',
      `parameters for which the ${mode} network solves (${r.reason}) — a store whose cold temperature lies above the gas it should cool can be kept to some stages with thermalStores[].stages`,
    );
  }
  return r.value;
}

/**
 * The design point of a mode network, found in steps that each start from the last solution:
 *   1. at a trial flow on `flowConnection`, with every store exchanger at ttd_u and ttd_l = its pinch (smooth);
 *   2. exchangers whose internal pinch falls below their pinch there (a medium whose c_p bends its profile) get
 *      ttd_min = pinch instead of ttd_l — the pinch then lies inside, away from the hot end;
 *   2b. discharge exchangers (`returns`) whose medium would go back colder than its cold tank instead return it at
 *      the cold tank's temperature (the medium's flow is throttled, the cold end opens up): a two-tank store runs
 *      its cold tank at its design temperature — without this the cold tank cools cycle after cycle (the gas it
 *      reheats arrives colder than the tank) and the next charge stores its heat lower;
 *   3. the flow scaled to the bus power (every flow and power of the network is proportional to it);
 *   4. part-load lines η_s(m/m_design) added to the machines;
 *   5. the power bus put in place of the flow specification, as the transient runs it.
 * Every step changes the template's live network (built by its NetworkBuilder); the file a researcher opens is that
 * network's own document at the design point (designFile). The trial points of steps 1–4 may break
 * physics (a profile crossed before step 2 gives it its pinch, a medium flowing backwards that
 * checkStoreExchangers reports); the design point of step 5 may not (solveDesign).
 */
export function designPoint(o: {
  readonly template: string;
  readonly mode: 'charge' | 'discharge';
  readonly builder: NetworkBuilder;
  readonly flowConnection: string;
  readonly trialFlow: number;
  readonly bus: { readonly id: string; readonly members: readonly string[]; readonly power: number; readonly sense: 'consumed' | 'delivered' };
  readonly exchangers: readonly { readonly id: string; readonly pinch: number }[];
  /** Discharge exchangers' medium outlets (connection) and the cold-tank temperature they must not go below. Unit: K */
  readonly returns?: readonly { readonly id: string; readonly connection: string; readonly T: number }[];
  readonly lines: readonly LineSpec[];
}): { network: Network; solution: Solution; massFlow: number; file: NetworkDoc } {
  const { template, mode } = o;
  const net = o.builder.network;
  const withFlow = (m: number): Update[] => [{ connection: o.flowConnection, set: { m } }];
  applyToNetwork(net, [...o.exchangers.map((x): Update => ({ component: x.id, set: { ttd_min: undefined, ttd_l: x.pinch } })), ...withFlow(o.trialFlow)]);
  const allowance = net.unphysicalAllowance;
  net.allowUnphysical(true);
  const { solution: first, held: heldFirst } = solveFirst(net, o);
  let sol = first;
  const pinched: Update[] = [];
  for (const x of o.exchangers) {
    if (heldFirst.has(x.id)) continue;
    const pinch = sol.component(x.id).pinch ?? Infinity;
    if (pinch < x.pinch - 1e-6) pinched.push({ component: x.id, set: { ttd_l: undefined, ttd_min: x.pinch } });
  }
  if (pinched.length > 0) {
    applyToNetwork(net, pinched);
    sol = solveDesign(net, template, mode);
  }
  const held: Update[] = [];
  for (const r of o.returns ?? []) {
    if (!(sol.stream(r.connection).T < r.T - 1e-6)) continue;
    held.push({ component: r.id, set: { ttd_l: undefined, ttd_min: undefined } }, { connection: r.connection, set: { T: r.T } });
  }
  if (held.length > 0) {
    applyToNetwork(net, held);
    sol = solveDesign(net, template, mode);
  }
  checkStoreExchangers(sol, o.exchangers, template, mode);
  // the flow for the bus power: the network is close to linear in it (exactly so without flow-dependent losses),
  // so a few proportional corrections settle it
  const busOf = (x: Solution) => Math.abs(o.bus.members.reduce((a, id) => a + (x.report(id).P_el ?? 0), 0));
  let m = o.trialFlow;
  for (let k = 0; k < 6 && Math.abs(busOf(sol) - o.bus.power) > 1e-11 * o.bus.power; k++) {
    m *= o.bus.power / busOf(sol);
    const flow = withFlow(m);
    applyToNetwork(net, flow);
    sol = solveDesign(net, template, mode);
  }
  // each machine's line about its own design flow (a fired turbine passes the air and the fuel)
  const lines: Update[] = o.lines.map((l) => ({ component: l.id, set: { etaChar: { m_design: sol.stream(mainInlet(net, l.id)).m, x: [...l.line.x], y: [...l.line.y] } } }));
  applyToNetwork(net, lines);
  const file = designFile(net, o.builder.description, allowance, sol, o.exchangers);
  net.add(new PowerBus(o.bus.id, { members: o.bus.members, P: o.bus.power, sense: o.bus.sense }));
  net.setSpecs(o.flowConnection, { m: undefined });
  net.allowUnphysical(allowance ?? false);
  sol = solveDesign(net, template, mode);
  return { network: net, solution: sol, massFlow: sol.stream(o.flowConnection).m, file };
}

/** The connection into a machine's inlet (its only one, or `in`): its flow is the machine's design flow (a fired turbine passes the air and the fuel). */
function mainInlet(net: Network, id: string): string {
  const c = net.connectionInto(id, net.component(id).inlets().length === 1 ? undefined : 'in');
  if (!c) throw new RangeError(`template bug: no connection into ${id}`);
  return c.id;
}

/**
 * The file a researcher opens: the live network's own document (Network.toDoc) at the design point — the design flow
 * fixed instead of the bus power (which is not in the network yet), exchangers held at their internal pinch given
 * by their design end difference instead (the same solution, in the form that solves from a cold start), and the
 * network's opt-in to unphysical solutions as the template gave it (the trial solves set it for themselves).
 */
function designFile(net: Network, description: string, allowance: UnphysicalAllowance | undefined, sol: Solution, exchangers: readonly { readonly id: string }[]): NetworkDoc {
  const { allowUnphysical: _trial, ...live } = net.toDoc(description);
  const file = { ...live, ...(allowance !== undefined ? { allowUnphysical: allowance } : {}) } as unknown as NetworkDoc;
  for (const x of exchangers) {
    const c = file.components[x.id];
    if (c.ttd_min !== undefined) {
      delete c.ttd_min;
      c.ttd_l = sol.component(x.id).values.ttd_l;
    }
  }
  return file;
}

/**
 * Step 1 of designPoint. Where the gas reaches a discharge exchanger colder than its store's cold tank less the
 * pinch, ttd_l = pinch sends the medium back colder than the cold tank — and for a liquid kept near the bottom of
 * its range (solar salt from 260 degC) below the range, where the solver stops before step 2b could hold it. Then
 * the first solve starts from every discharge exchanger returning its medium at its cold tank, and frees again those
 * whose lower end difference comes out below the pinch (at ttd_l = pinch their medium returns warmer than the tank): the same specifications
 * as steps 1–2b reach when the first solve succeeds. Returns the solution and the exchangers left held.
 */
function solveFirst(net: Network, o: { template: string; mode: string; exchangers: readonly { readonly id: string; readonly pinch: number }[]; returns?: readonly { readonly id: string; readonly connection: string; readonly T: number }[] }): { solution: Solution; held: Set<string> } {
  try {
    return { solution: solveDesign(net, o.template, o.mode), held: new Set() };
  } catch (error) {
    if (!(error instanceof PlantInputError) || !o.returns?.length) throw error;
    const hold: Update[] = o.returns.flatMap((r) => [
      { component: r.id, set: { ttd_l: undefined, ttd_min: undefined } },
      { connection: r.connection, set: { T: r.T } },
    ]);
    applyToNetwork(net, hold);
    let sol = solveDesign(net, o.template, o.mode);
    const held = new Set(o.returns.map((r) => r.id));
    const free: Update[] = [];
    for (const r of o.returns) {
      const pinch = o.exchangers.find((x) => x.id === r.id)?.pinch;
      // held, the lower end difference is the cold tank less the gas inlet: below the pinch, ttd_l = pinch returns the medium warmer than the cold tank
      if (pinch === undefined || !((sol.component(r.id).values.ttd_l ?? Infinity) < pinch)) continue;
      free.push({ component: r.id, set: { ttd_l: pinch } }, { connection: r.connection, set: { T: undefined } });
      held.delete(r.id);
    }
    if (free.length > 0) {
      applyToNetwork(net, free);
      sol = solveDesign(net, o.template, o.mode);
    }
    return { solution: sol, held };
  }
}

/**
 * A store exchanger whose specification can only be met with its medium flowing backwards or heat flowing from the
 * cold side to the hot (the gas reaches it colder than the store's cold tank plus the approach) has no physical
 * design point: say which, and what to change.
 */
function checkStoreExchangers(sol: Solution, exchangers: readonly { readonly id: string }[], template: string, mode: 'charge' | 'discharge'): void {
  const C = 273.15;
  for (const x of exchangers) {
    const c = sol.component(x.id);
    const inlets = sol.network.allConnections().filter((k) => k.to.component === x.id);
    const backwards = inlets.find((k) => !(sol.stream(k.id).m > 0));
    const Q = c.Q ?? 0;
    if (backwards === undefined && Q > 0) continue;
    const hotIn = sol.stream(inlets.find((k) => k.to.port === 'hot_in')?.id ?? '');
    const coldIn = sol.stream(inlets.find((k) => k.to.port === 'cold_in')?.id ?? '');
    const what = backwards ? `its ${backwards.to.port === 'hot_in' ? 'hot' : 'cold'} side would flow backwards (${sol.stream(backwards.id).m.toPrecision(4)} kg/s)` : `heat would flow from its cold side to its hot side (Q = ${(Q / 1e6).toPrecision(4)} MW)`;
    throw new PlantInputError(
      `${template} ${mode} design`,
      x.id,
      `hot side in at ${(hotIn.T - C).toFixed(1)} degC, cold side in at ${(coldIn.T - C).toFixed(1)} degC`,
      `an exchanger that can meet its approach and pinch: ${what}. Change the store's coldTemperature, or the stages it serves (thermalStores[].stages)`,
    );
  }
}

