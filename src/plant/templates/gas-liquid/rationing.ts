/**
 * Heat rationing in the gas-liquid CO2 discharge (heat-rationing.ts), at the design point and at every step.
 *
 * A charge fills each thermal store's hot tank with r_c = ṁ_medium/ṁ_CO2 kg of medium per kg of CO2 it condenses;
 * a discharge that reheats at the hot tank less the design approach may need more per kg (a water store's cold end
 * meets the evaporated CO2 far below its cold tank, so its medium flow is set by the pinch, not by what was stored).
 * Spent at more than r_c the hot tank runs dry while the liquid tank still holds CO2: that CO2 stays, the next
 * charge is shorter, and the cycle does not settle. Rationed, every discharge exchanger of the store has its
 * hot-end approach raised until its medium flow per kg of CO2 is at most what the hot tank holds over the liquid
 * CO2 the tank will still give, so the liquid tank empties no later than any hot tank.
 *
 * At the design point (stores as a design charge leaves them) the allowance is r_c itself (less the reserve): the
 * discharge design is the one a balanced cycle runs, and its RTE the one the periodic cycle can reach.
 */
import type { SolveResult } from '../../../numerics/index.js';
import type { Network } from '../../network/network.js';
import type { Solution } from '../../network/solution.js';
import type { RigidVessel, TwoTankThermalStore } from '../../transient/stores.js';
import { fluid } from '../../../fluids/index.js';
import { applyToNetwork, type NetworkDoc } from '../doc.js';
import { rationedExchangers, rationedStores, solveRationed, type RationedStore, type RationingChain } from '../heat-rationing.js';
import type { DesignPoint } from '../pipeline.js';

/** The working-fluid connection leaving the liquid tank in the discharge network: the flow allowances refer to. */
export const DISCHARGE_MAIN_FLOW = 'tank-LP';

/**
 * The reserve a rationed hot tank keeps: its medium is spent over (1 + RESERVE) times the liquid CO2 left, so that
 * the liquid tank reaches its lowest level while each hot tank still holds about this fraction of a discharge's
 * medium (spent exactly in proportion, both would run out in the same step, and which stops the discharge first
 * would be an accident of the time step). Unit: -
 */
export const RATIONING_RESERVE = 0.01;

/** Rationing passes at the design point beyond the first. */
const DESIGN_PASSES = 6;

/**
 * The discharge design point rationed to the charge's medium per kg of CO2 (`chargeRatios`, one per store, kg/kg):
 * the same design where every store's heat suffices at its design approach; otherwise the design with the raised
 * approaches, its flow for the same bus power, and its network file to match. `undefined` reason: rationed or not
 * needed; a string: why the rationed design could not be solved (the unrationed design is returned).
 */
export function rationDischargeDesign(o: RationingChain & { readonly design: DesignPoint; readonly chargeRatios: readonly number[] }): { design: DesignPoint; reason?: string } {
  const allowed = o.chargeRatios.map((r) => r / (1 + RATIONING_RESERVE));
  const rationed = rationedExchangers(o, (j) => allowed[j]);
  const net = o.design.network;
  const spends = (s: Solution) => rationed.some((r, j) => s.stream(r.supply).m / s.stream(DISCHARGE_MAIN_FLOW).m > allowed[j] * (1 + 1e-6));
  if (!spends(o.design.solution)) return { design: o.design };
  // the stores share the CO2: raising one store's approach sends the CO2 colder into the next hotter store's
  // exchangers, so the search is repeated (each from the approaches the last left) until none spends too much
  let r: SolveResult<Solution> = solveRationed(net, DISCHARGE_MAIN_FLOW, rationed, new Float64Array(0));
  for (let k = 0; k < DESIGN_PASSES && r.ok && spends(r.value); k++) r = solveRationed(net, DISCHARGE_MAIN_FLOW, rationed, new Float64Array(0));
  if (r.ok && spends(r.value)) return { design: o.design, reason: `a store still spends more than the charge stored after ${DESIGN_PASSES + 1} rationing passes` };
  if (!r.ok) {
    // back to the design approaches, where the network solved
    applyToNetwork(net, rationed.flatMap((s) => s.exchangers.map((id) => ({ component: id, set: { ttd_u: s.approach } }))));
    net.solve();
    return { design: o.design, reason: r.reason };
  }
  const sol = r.value;
  const file = JSON.parse(JSON.stringify(o.design.file)) as NetworkDoc;
  for (const s of rationed) {
    for (const id of s.exchangers) {
      const c = file.components[id];
      c.ttd_u = sol.component(id).values.ttd_u;
      if (c.ttd_l !== undefined) c.ttd_l = sol.component(id).values.ttd_l;
    }
  }
  const main = file.connections.find((c) => c.id === DISCHARGE_MAIN_FLOW);
  if (!main) throw new RangeError(`template bug: no connection ${DISCHARGE_MAIN_FLOW} in the discharge design file`);
  main.m = sol.stream(DISCHARGE_MAIN_FLOW).m;
  return { design: { network: net, solution: sol, massFlow: sol.stream(DISCHARGE_MAIN_FLOW).m, file } };
}

/**
 * The discharge's rationed stores at run time: each may spend its hot medium above the heel over the liquid CO2
 * the tank still gives before it reaches its lowest level (at its present temperature). Unit of the ratio: kg/kg
 */
export function rationedDischarge(o: RationingChain & {
  readonly stores: readonly TwoTankThermalStore[];
  readonly tank: RigidVessel;
  /** Unit: m³ */
  readonly tankVolume: number;
  readonly levelMin: number;
}): RationedStore[] {
  const co2 = fluid('CO2');
  const TcMax = co2.critical.T - 0.05;
  const liquidLeft = (x: Float64Array): number => {
    const st = o.tank.state(x);
    const sat = co2.saturationAtT(Math.min(st.T, TcMax));
    return st.M - o.tankVolume * (o.levelMin * sat.liquid.rho + (1 - o.levelMin) * sat.vapor.rho);
  };
  return rationedStores({ ...o, workingFluidLeft: (x) => (1 + RATIONING_RESERVE) * liquidLeft(x) });
}

/**
 * One discharge step with rationing (heat-rationing.ts solveRationed), from the approaches the last step left; where
 * that start does not solve (a new discharge after a charge that left the stores elsewhere, the last step's
 * approaches far from this one's), once more from the design point's approaches.
 */
export function solveDischargeStep(net: Network, rationed: readonly RationedStore[], designApproaches: readonly number[], x: Float64Array, once: () => SolveResult<Solution>): SolveResult<Solution> {
  const r = solveRationed(net, DISCHARGE_MAIN_FLOW, rationed, x, once);
  if (r.ok) return r;
  applyToNetwork(net, rationed.flatMap((s, j) => s.exchangers.map((id) => ({ component: id, set: { ttd_u: designApproaches[j] } }))));
  return solveRationed(net, DISCHARGE_MAIN_FLOW, rationed, x, once);
}
