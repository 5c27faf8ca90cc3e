/**
 * The charge and discharge networks of the liquid CO2 template and the boundary updates that follow the stores.
 *
 *   charge:     LP tank → EVL (valve) → EVAPL (evaporator, the cold store's warm medium cooled to its cold tank)
 *               → C1 → HXc1_<store>… → CN → HXcN_<store>… → COND (air) → TP → TV → HP tank
 *   discharge:  HP tank → DP (pump) → EV (valve) → EVAP (air) → HXd1_<store>… → T1 → … → TM → PC (air)
 *               → CONDL (condenser, the cold store's cold medium warmed to its warm tank) → TPL → TVL → LP tank
 *
 * Pressures: the HP side condenses at the ambient plus the approach and evaporates at the ambient less the
 * approach, as the gas-liquid template does; the LP side evaporates at the cold tank less the pinch (the CO2 enters
 * boiling where the medium leaves at the cold tank) and condenses where the pinch at the dew point allows
 * (condensingTemperature). Both tanks are saturated liquid with their vapour above; their pumps lift condensate
 * into a tank that has warmed above the condenser, their valves drop it otherwise.
 */
import { fluid } from '../../../fluids/index.js';
import { brent } from '../../../numerics/roots.js';
import { PlantInputError } from '../../errors.js';
import { resolveFluid } from '../../fluids/resolve.js';
import { StreamState } from '../../fluids/stream-fluid.js';
import { connectPath, lossEntry, lossFunction, serves, stageEfficiency, stageList, stageRatios, storeExchanger, storeLoop, upstream, type Node, type StoreLoop } from '../common.js';
import { DocBuilder, type Update } from '../doc.js';
import type { LiquidCo2Params } from './schema.js';

export const COLD_STORE = 'coldStore';

/** The CO2 pressures of both sides at a state of the stores. Unit: Pa */
export interface Pressures {
  /** Charge evaporator inlet (after the LP valve). */
  readonly lpEvaporatorIn: number;
  /** Discharge condenser outlet (the LP condensing pressure). */
  readonly lpCondenserOut: number;
  /** Charge condenser outlet (the HP condensing pressure). */
  readonly hpCondenserOut: number;
  /** Discharge evaporator inlet (after the HP valve). */
  readonly hpEvaporatorIn: number;
}

/**
 * The LP condensing temperature for a cold tank at Tc: the CO2 leaves saturated at it, enters at Tin (after the
 * post-cooler), and the medium warms linearly in enthalpy from Tc to Tw; at the dew point (the pinch of a condenser
 * whose medium warms) the CO2 is `pinch` above the medium. Unit: K
 */
export function lpCondensingTemperature(P: LiquidCo2Params, Tc: number, Tin: number, where: string): number {
  const co2 = fluid('CO2');
  const S = P.coldStore;
  const medium = resolveFluid(S.medium);
  const state = new StreamState();
  const loss = lossFunction(lossEntry(P.expansion.coolerPressureLoss, 20e5));
  const hc = medium.hTP(Tc, S.pressure, 0);
  const hw = medium.hTP(S.warmTemperature, S.pressure, 0);
  const gap = (T: number) => {
    const pOut = co2.saturationAtT(T).p;
    const pIn = upstream(pOut, [loss]);
    const hOut = co2.saturationAtT(T).liquid.h;
    const hIn = co2.tp(Tin, pIn).h;
    // the pressure falls along the exchanger with the duty: at the dew point it has fallen by the desuperheating's share
    const first = co2.saturationAtP(pIn);
    const dew = co2.saturationAtP(pIn - (pIn - pOut) * ((hIn - first.vapor.h) / (hIn - hOut)));
    // the medium's enthalpy where the CO2 reaches its dew point: it takes the condensation's share of the duty
    medium.evaluate(S.pressure, hc + (hw - hc) * ((dew.vapor.h - hOut) / (hIn - hOut)), 0, state);
    return dew.T - state.T - S.pinch;
  };
  const lo = Math.max(Tc + S.pinch, co2.triple.T + 0.5);
  const hi = Math.min(Tin - 1, co2.critical.T - 2);
  if (!(gap(hi) > 0)) throw new PlantInputError(where, 'coldStore.warmTemperature', S.warmTemperature, `a warm tank that leaves the turbine exhaust (in at ${(Tin - 273.15).toFixed(1)} degC) room to condense ${S.pinch} K above the medium below the critical point: lower it, or the pinch`);
  if (gap(lo) >= 0) return lo;
  const r = brent(gap, lo, hi, { xtol: 1e-6 });
  if (!r.ok) throw new RangeError(`${where}: the low-pressure condensing temperature was not found (${r.reason})`);
  return r.value;
}

export interface Networks {
  readonly cd: DocBuilder;
  readonly dd: DocBuilder;
  readonly cPath: readonly Node[];
  readonly dPath: readonly Node[];
  readonly chargeLoops: readonly StoreLoop[];
  readonly dischargeLoops: readonly StoreLoop[];
  readonly chargeCold: StoreLoop;
  readonly dischargeCold: StoreLoop;
  readonly chargeSensible?: StoreLoop;
  readonly dischargeSensible?: StoreLoop;
  readonly chargeUpdates: (s: ChargeState) => Update[];
  readonly dischargeUpdates: (s: DischargeState) => Update[];
}

export interface ChargeState {
  readonly lp: { p: number; T?: number; Q?: number };
  readonly pHp: number;
  /** The thermal stores' cold tanks and the cold store's warm tank. Unit: K */
  readonly Tcold: readonly number[];
  readonly Twarm: number;
  /** The sensible store's warm tank (when there is one). Unit: K */
  readonly TsensibleWarm?: number;
}

export interface DischargeState {
  readonly hp: { p: number; T?: number; Q?: number };
  readonly pLp: number;
  /** The thermal stores' hot tanks and the cold store's cold tank. Unit: K */
  readonly Thot: readonly number[];
  readonly Tcold: number;
  /** The sensible store's cold tank (when there is one). Unit: K */
  readonly TsensibleCold?: number;
  /** LP condensing pressure for this cold tank. Unit: Pa */
  readonly pCondL: number;
}

/** The sensible cold store's tank temperatures and the exhaust's temperature as it leaves it for the condenser. Unit: K */
export interface SensibleStore {
  readonly warm: number;
  readonly cold: number;
  readonly exhaustOut: number;
}

export const SENSIBLE_STORE = 'sensibleStore';

export function buildNetworks(P: LiquidCo2Params, ambient: { T: number; p: number }, pr: Pressures, sensible?: SensibleStore): Networks {
  const stores = P.thermalStores;
  const N = P.compression.stages;
  const M = P.expansion.stages;
  const S = P.coldStore;
  const gasChain = stores.map((s) => lossFunction(lossEntry(s.gasPressureLoss, pr.hpCondenserOut)));
  const condLoss = lossFunction(lossEntry(P.condenser.pressureLoss, pr.hpCondenserOut));
  const evapLoss = lossFunction(lossEntry(P.evaporator.pressureLoss, pr.hpEvaporatorIn));
  const lpEvapLoss = lossFunction(lossEntry(P.lowPressureSide.evaporatorPressureLoss, pr.lpEvaporatorIn));
  const coolLoss = lossFunction(lossEntry(P.expansion.coolerPressureLoss, pr.lpCondenserOut));
  const recLoss = lossFunction(lossEntry(P.expansion.recuperatorPressureLoss, pr.hpEvaporatorIn));
  const side = (l: { pr: number } | { dp: number }, k: '1' | '2') => ('pr' in l ? { [`pr${k}`]: l.pr } : { [`dp${k}`]: l.dp });

  // ——— charge ———
  const cd = new DocBuilder('Liquid CO2 storage — charge', 'Liquid CO2 from the low-pressure tank evaporated against the cold store (its medium cooled: cold stored), compressed with the heat into thermal stores, condensed against the air into the high-pressure tank.', ambient);
  cd.add('LP', { type: 'storage-vessel', fluid: 'CO2', mode: 'supply', p: pr.lpCondenserOut, Q: 0 });
  cd.add('EVL', { type: 'valve', p_out: pr.lpEvaporatorIn });
  cd.add('EVAPL', { type: 'heat-exchanger', ...side(lossEntry(S.mediumPressureLoss, S.pressure), '1'), ...side(lossEntry(P.lowPressureSide.evaporatorPressureLoss, pr.lpEvaporatorIn), '2'), ttd_u: S.warmEndApproach });
  const cPath: Node[] = [{ id: 'LP' }, { id: 'EVL' }, { id: 'EVAPL', in: 'cold_in', out: 'cold_out' }];
  if (sensible) {
    // the superheater: the cold vapour takes the sensible store's warm medium down to its cold tank
    cd.add('SUP', { type: 'heat-exchanger', ...side(lossEntry(S.mediumPressureLoss, S.pressure), '1'), ...side(lossEntry(P.lowPressureSide.evaporatorPressureLoss, pr.lpEvaporatorIn), '2'), ttd_u: S.warmEndApproach });
    cPath.push({ id: 'SUP', in: 'cold_in', out: 'cold_out' });
  }
  for (let k = 1; k <= N; k++) {
    cd.add(`C${k}`, { type: 'compressor', eta_s: stageEfficiency(P.compression, k - 1), eta_mech: P.compression.mechanicalEfficiency, eta_el: P.compression.motorEfficiency, ...(k < N ? { pr: 2 } : {}) });
    cPath.push({ id: `C${k}` });
    for (const s of stores.filter((st) => serves(st, k))) {
      cd.add(`HXc${k}_${s.name}`, storeExchanger('hot', s, pr.hpCondenserOut, s.pressure));
      cPath.push({ id: `HXc${k}_${s.name}`, in: 'hot_in', out: 'hot_out' });
    }
  }
  cd.add('COND', { type: 'cooler', ...lossEntry(P.condenser.pressureLoss, pr.hpCondenserOut), sink: 'ambient' });
  cPath.push({ id: 'COND' });
  const condIndex = cPath.length - 1;
  cd.add('TP', { type: 'pump', eta_s: P.condenser.transferPumpEfficiency, p_out: pr.hpCondenserOut });
  cd.add('TV', { type: 'valve' });
  cd.add('HP', { type: 'storage-vessel', fluid: 'CO2', mode: 'receive', p: pr.hpCondenserOut });
  cPath.push({ id: 'TP' }, { id: 'TV' }, { id: 'HP' });
  connectPath(cd, cPath, { [condIndex]: { p: pr.hpCondenserOut, Q: 0 } });
  const chargeLoops = stores.map((s) => storeLoop(cd, s.name, { medium: s.medium, T: s.coldTemperature, p: s.pressure, pumpEfficiency: s.pumpEfficiency, mode: 'charge' }, stageList(N, s).map((k) => ({ id: `HXc${k}_${s.name}`, side: 'cold' as const }))));
  const chargeCold = storeLoop(cd, COLD_STORE, { medium: S.medium, T: S.warmTemperature, p: S.pressure, pumpEfficiency: S.pumpEfficiency, mode: 'discharge' }, [{ id: 'EVAPL', side: 'hot' }]);
  const chargeSensible = sensible ? storeLoop(cd, SENSIBLE_STORE, { medium: S.medium, T: sensible.warm, p: S.pressure, pumpEfficiency: S.pumpEfficiency, mode: 'discharge' }, [{ id: 'SUP', side: 'hot' }]) : undefined;
  if (sensible && chargeSensible) cd.doc.connections.find((c) => c.id === chargeSensible.ret)!.T = sensible.cold;
  cd.doc.connections.find((c) => c.id === chargeCold.ret)!.T = S.coldTemperature;

  // ——— discharge ———
  const dd = new DocBuilder('Liquid CO2 storage — discharge', 'Liquid CO2 from the high-pressure tank evaporated against the air, reheated through the thermal stores, expanded, cooled and condensed against the cold store (its medium warmed) into the low-pressure tank.', ambient);
  dd.add('HP', { type: 'storage-vessel', fluid: 'CO2', mode: 'supply', p: pr.hpCondenserOut, Q: 0 });
  dd.add('DP', { type: 'pump', eta_s: P.condenser.transferPumpEfficiency, p_out: pr.hpCondenserOut });
  dd.add('EV', { type: 'valve', p_out: pr.hpEvaporatorIn });
  dd.add('EVAP', { type: 'heater', ...lossEntry(P.evaporator.pressureLoss, pr.hpEvaporatorIn), sink: 'ambient' });
  const dPath: Node[] = [{ id: 'HP' }, { id: 'DP' }, { id: 'EV' }, { id: 'EVAP' }];
  const dSpecs: Record<number, { Q?: number; p?: number }> = { 3: { Q: 1 } };
  const recuperated = P.expansion.recuperator;
  if (recuperated) {
    // the recuperator: the last turbine's exhaust preheats the evaporated CO2 before the stores
    const r = lossEntry(P.expansion.recuperatorPressureLoss, pr.hpEvaporatorIn);
    dd.add('REC', { type: 'heat-exchanger', ...side(r, '1'), ...side(r, '2'), eps: P.expansion.recuperatorEffectiveness });
    dPath.push({ id: 'REC', in: 'cold_in', out: 'cold_out' });
  }
  for (let k = 1; k <= M; k++) {
    for (const s of [...stores].reverse().filter((st) => serves(st, k))) {
      dd.add(`HXd${k}_${s.name}`, storeExchanger('cold', s, pr.hpEvaporatorIn, s.pressure));
      dPath.push({ id: `HXd${k}_${s.name}`, in: 'cold_in', out: 'cold_out' });
    }
    dd.add(`T${k}`, { type: 'turbine', eta_s: stageEfficiency(P.expansion, k - 1), eta_mech: P.expansion.mechanicalEfficiency, eta_el: P.expansion.generatorEfficiency, ...(k < M ? { pr: 0.6 } : {}) });
    dPath.push({ id: `T${k}` });
  }
  dd.add('PC', { type: 'cooler', ...lossEntry(P.expansion.coolerPressureLoss, pr.lpCondenserOut), sink: 'ambient' });
  dd.add('CONDL', { type: 'heat-exchanger', ...side(lossEntry(P.expansion.coolerPressureLoss, pr.lpCondenserOut), '1'), ...side(lossEntry(S.mediumPressureLoss, S.pressure), '2') });
  dd.add('TPL', { type: 'pump', eta_s: P.lowPressureSide.transferPumpEfficiency, p_out: pr.lpCondenserOut });
  dd.add('TVL', { type: 'valve' });
  dd.add('LP', { type: 'storage-vessel', fluid: 'CO2', mode: 'receive', p: pr.lpCondenserOut });
  if (recuperated) dPath.push({ id: 'REC', in: 'hot_in', out: 'hot_out' });
  dPath.push({ id: 'PC' });
  if (sensible) {
    // the desuperheater: the exhaust gives its sensible heat to the sensible store's cold medium before the condenser
    dd.add('DSH', { type: 'heat-exchanger', ...side(lossEntry(P.expansion.coolerPressureLoss, pr.lpCondenserOut), '1'), ...side(lossEntry(S.mediumPressureLoss, S.pressure), '2') });
    dPath.push({ id: 'DSH', in: 'hot_in', out: 'hot_out' });
  }
  dPath.push({ id: 'CONDL', in: 'hot_in', out: 'hot_out' });
  const condensate = dPath.length - 1;
  dPath.push({ id: 'TPL' }, { id: 'TVL' }, { id: 'LP' });
  const Tpc = ambient.T + P.expansion.postCoolerApproach;
  connectPath(dd, dPath, { ...dSpecs, [condensate]: { p: pr.lpCondenserOut, Q: 0 } });
  if (sensible) {
    dd.doc.connections.find((c) => c.id === 'PC-DSH')!.T = Tpc;
    dd.doc.connections.find((c) => c.id === 'DSH-CONDL')!.T = sensible.exhaustOut;
  } else dd.doc.connections.find((c) => c.id === 'PC-CONDL')!.T = Tpc;
  const dischargeLoops = stores.map((s) => storeLoop(dd, s.name, { medium: s.medium, T: s.coldTemperature + 50, p: s.pressure, pumpEfficiency: s.pumpEfficiency, mode: 'discharge' }, stageList(M, s).map((k) => ({ id: `HXd${k}_${s.name}`, side: 'hot' as const }))));
  const dischargeCold = storeLoop(dd, COLD_STORE, { medium: S.medium, T: S.coldTemperature, p: S.pressure, pumpEfficiency: S.pumpEfficiency, mode: 'charge' }, [{ id: 'CONDL', side: 'cold' }]);
  const dischargeSensible = sensible ? storeLoop(dd, SENSIBLE_STORE, { medium: S.medium, T: sensible.cold, p: S.pressure, pumpEfficiency: S.pumpEfficiency, mode: 'charge' }, [{ id: 'DSH', side: 'cold' }]) : undefined;
  if (sensible && dischargeSensible) dd.doc.connections.find((c) => c.id === dischargeSensible.ret)!.T = sensible.warm;
  dd.doc.connections.find((c) => c.id === dischargeCold.ret)!.T = S.warmTemperature;

  const between = Array.from({ length: N - 1 }, () => gasChain);
  const reheat = [...gasChain].reverse();
  const chargeUpdates = (s: ChargeState): Update[] => {
    const pLast = upstream(pr.hpCondenserOut, [...gasChain, condLoss]);
    const pIn = sensible ? lpEvapLoss(lpEvapLoss(pr.lpEvaporatorIn)) : lpEvapLoss(pr.lpEvaporatorIn);
    const ratios = stageRatios(pIn, pLast, N, between, P.compression.pressureRatios);
    const lpSpec = s.lp.Q !== undefined ? { p: s.lp.p, Q: s.lp.Q, T: undefined } : { p: s.lp.p, T: s.lp.T, Q: undefined };
    const u: Update[] = [
      { component: 'LP', set: lpSpec },
      { component: 'TP', set: { p_out: Math.max(pr.hpCondenserOut, s.pHp) } },
      { component: 'HP', set: { p: s.pHp } },
      { component: COLD_STORE, set: { T: s.Twarm } },
      ...(sensible && s.TsensibleWarm !== undefined ? [{ component: SENSIBLE_STORE, set: { T: s.TsensibleWarm } }] : []),
    ];
    for (let k = 0; k < N - 1; k++) u.push({ component: `C${k + 1}`, set: { pr: ratios[k] } });
    stores.forEach((st, j) => u.push({ component: st.name, set: { T: s.Tcold[j] } }));
    return u;
  };
  const dischargeUpdates = (s: DischargeState): Update[] => {
    const pT1 = [...(recuperated ? [recLoss] : []), ...reheat].reduce((p, f) => f(p), evapLoss(pr.hpEvaporatorIn));
    const exhaustChain = [...(recuperated ? [recLoss] : []), coolLoss, ...(sensible ? [coolLoss] : []), coolLoss];
    const ratios = stageRatios(pT1, upstream(s.pCondL, exhaustChain), M, Array.from({ length: M - 1 }, () => reheat), P.expansion.pressureRatios);
    const hpSpec = s.hp.Q !== undefined ? { p: s.hp.p, Q: s.hp.Q, T: undefined } : { p: s.hp.p, T: s.hp.T, Q: undefined };
    const u: Update[] = [
      { component: 'HP', set: hpSpec },
      { component: 'DP', set: { p_out: Math.max(pr.hpEvaporatorIn, s.hp.p) } },
      { component: 'TPL', set: { p_out: Math.max(s.pCondL, s.pLp) } },
      { component: 'LP', set: { p: s.pLp } },
      { connection: 'CONDL-TPL', set: { p: s.pCondL } },
      { component: COLD_STORE, set: { T: s.Tcold } },
      ...(sensible && s.TsensibleCold !== undefined ? [{ component: SENSIBLE_STORE, set: { T: s.TsensibleCold } }] : []),
    ];
    for (let k = 0; k < M - 1; k++) u.push({ component: `T${k + 1}`, set: { pr: ratios[k] } });
    stores.forEach((st, j) => u.push({ component: st.name, set: { T: s.Thot[j] } }));
    return u;
  };
  return { cd, dd, cPath, dPath, chargeLoops, dischargeLoops, chargeCold, dischargeCold, chargeSensible, dischargeSensible, chargeUpdates, dischargeUpdates };
}
