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
import { bothSides, coldSide, hotSide, lossEntry, lossFunction, upstream } from '../parts/losses.js';
import { MachineTrain } from '../parts/machine-train.js';
import type { ChainNetworks } from '../parts/networks.js';
import { connectPath, specify, type Node } from '../parts/paths.js';
import { storeLoop, type StoreLoop } from '../parts/store-loop.js';
import { ThermalStoreChain } from '../parts/thermal-stores.js';
import { VesselComponent } from '../parts/vessel.js';
import { NetworkBuilder, type Update } from '../doc.js';
import { coldLoopTemperatures } from '../parts/phase-change-store.js';
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
 * The LP condensing temperature for a cold store that supplies its medium at Tc and takes it back at Tw (a two-tank
 * store's cold and warm tanks; a phase-change bed's melting point and that plus the swing): the CO2 leaves saturated
 * at it, enters at Tin (after the post-cooler), and the medium warms linearly in enthalpy from Tc to Tw; at the dew point (the pinch of a condenser
 * whose medium warms) the CO2 is `pinch` above the medium. Unit: K
 */
export function lpCondensingTemperature(P: LiquidCo2Params, Tc: number, Tw: number, Tin: number, where: string): number {
  const co2 = fluid('CO2');
  const S = P.coldStore;
  const medium = resolveFluid(S.medium);
  const state = new StreamState();
  const loss = lossFunction(lossEntry(P.expansion.coolerPressureLoss, 20e5));
  const hc = medium.hTP(Tc, S.pressure, 0);
  const hw = medium.hTP(Tw, S.pressure, 0);
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
  if (!(gap(hi) > 0)) {
    // a two-tank store's warm tank, or a phase-change bed's return (its temperature plus the swing)
    const [field, value] = S.phaseChange ? ['coldStore.phaseChange.swing', S.phaseChange.swing] : ['coldStore.warmTemperature', S.warmTemperature];
    throw new PlantInputError(where, field, value, `a return of the cold store's medium (here ${(Tw - 273.15).toFixed(2)} degC) that leaves the turbine exhaust (in at ${(Tin - 273.15).toFixed(1)} degC) room to condense ${S.pinch} K above the medium below the critical point: lower it, or the pinch`);
  }
  if (gap(lo) >= 0) return lo;
  const r = brent(gap, lo, hi, { xtol: 1e-6 });
  if (!r.ok) throw new RangeError(`${where}: the low-pressure condensing temperature was not found (${r.reason})`);
  return r.value;
}

/** Both networks with their paths and parts (ChainNetworks: the thermal stores' loops in `chain.loops`), the CO2 tanks, the cold stores' loops, and each mode's boundary updates. */
export interface Networks extends ChainNetworks {
  readonly hpTank: VesselComponent;
  readonly lpTank: VesselComponent;
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
  /** The cold store's return where it follows its supply (a phase-change bed: the bed less the swing); absent: as designed (a two-tank store's cold tank). Unit: K */
  readonly TcoldReturn?: number;
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
  /** The cold store's return where it follows its supply (a phase-change bed: the bed plus the swing); absent: as designed (a two-tank store's warm tank). Unit: K */
  readonly TwarmReturn?: number;
}

/** The sensible cold store's tank temperatures and the exhaust's temperature as it leaves it for the condenser. Unit: K */
export interface SensibleStore {
  readonly warm: number;
  readonly cold: number;
  readonly exhaustOut: number;
}

export const SENSIBLE_STORE = 'sensibleStore';

/** The medium side's and the CO2 side's losses of a cold-store exchanger (medium hot in the charge evaporator and superheater, cold in the discharge condenser and desuperheater). */
function coldStoreSides(P: LiquidCo2Params, co2Loss: { pr: number } | { dp: number }, mediumSide: 'hot' | 'cold') {
  const medium = lossEntry(P.coldStore.mediumPressureLoss, P.coldStore.pressure);
  return mediumSide === 'hot' ? { ...hotSide(medium), ...coldSide(co2Loss) } : { ...hotSide(co2Loss), ...coldSide(medium) };
}

export function buildNetworks(P: LiquidCo2Params, ambient: { T: number; p: number }, pr: Pressures, sensible?: SensibleStore): Networks {
  const stores = P.thermalStores;
  const S = P.coldStore;
  const loop = coldLoopTemperatures(S);
  // the charge exchangers' gas losses at the HP condensing pressure, the discharge's at the HP evaporator's
  const chain = new ThermalStoreChain(stores, P.compression.stages, P.expansion.stages, pr.hpCondenserOut, { gasPressure: pr.hpEvaporatorIn });
  const compressors = new MachineTrain('compressor', P.compression, P.compression.stages);
  const turbines = new MachineTrain('turbine', P.expansion, P.expansion.stages);
  const [hpTank, lpTank] = [new VesselComponent('HP', 'CO2'), new VesselComponent('LP', 'CO2')];
  const gasChain = chain.gasLosses();
  const condLoss = lossFunction(lossEntry(P.condenser.pressureLoss, pr.hpCondenserOut));
  const evapLoss = lossFunction(lossEntry(P.evaporator.pressureLoss, pr.hpEvaporatorIn));
  const lpEvap = lossEntry(P.lowPressureSide.evaporatorPressureLoss, pr.lpEvaporatorIn);
  const lpEvapLoss = lossFunction(lpEvap);
  const cool = lossEntry(P.expansion.coolerPressureLoss, pr.lpCondenserOut);
  const coolLoss = lossFunction(cool);
  const rec = lossEntry(P.expansion.recuperatorPressureLoss, pr.hpEvaporatorIn);
  const recLoss = lossFunction(rec);

  // ——— charge ———
  const cd = new NetworkBuilder('Liquid CO2 storage — charge', 'Liquid CO2 from the low-pressure tank evaporated against the cold store (its medium cooled: cold stored), compressed with the heat into thermal stores, condensed against the air into the high-pressure tank.', ambient);
  const cPath: Node[] = [lpTank.add(cd, { mode: 'supply', p: pr.lpCondenserOut, Q: 0 })];
  cd.add('valve', 'EVL', { p_out: pr.lpEvaporatorIn });
  cd.add('heat-exchanger', 'EVAPL', { ...coldStoreSides(P, lpEvap, 'hot'), ttd_u: S.warmEndApproach });
  cPath.push({ id: 'EVL' }, { id: 'EVAPL', in: 'cold_in', out: 'cold_out' });
  if (sensible) {
    // the superheater: the cold vapour takes the sensible store's warm medium down to its cold tank
    cd.add('heat-exchanger', 'SUP', { ...coldStoreSides(P, lpEvap, 'hot'), ttd_u: S.warmEndApproach });
    cPath.push({ id: 'SUP', in: 'cold_in', out: 'cold_out' });
  }
  cPath.push(...compressors.build(cd, 2, (k) => chain.chargeExchangers(cd, k)));
  cd.add('cooler', 'COND', { ...lossEntry(P.condenser.pressureLoss, pr.hpCondenserOut), sink: 'ambient' });
  cPath.push({ id: 'COND' });
  const condIndex = cPath.length - 1;
  cd.add('pump', 'TP', { eta_s: P.condenser.transferPumpEfficiency, p_out: pr.hpCondenserOut });
  cd.add('valve', 'TV', {});
  cPath.push({ id: 'TP' }, { id: 'TV' }, hpTank.add(cd, { mode: 'receive', p: pr.hpCondenserOut }));
  connectPath(cd, cPath, { [condIndex]: { p: pr.hpCondenserOut, Q: 0 } });
  chain.addChargeLoops(cd);
  const chargeCold = storeLoop(cd, COLD_STORE, { medium: S.medium, T: loop.chargeSupply, p: S.pressure, pumpEfficiency: S.pumpEfficiency, mode: 'discharge' }, [{ id: 'EVAPL', side: 'hot' }]);
  const chargeSensible = sensible ? storeLoop(cd, SENSIBLE_STORE, { medium: S.medium, T: sensible.warm, p: S.pressure, pumpEfficiency: S.pumpEfficiency, mode: 'discharge' }, [{ id: 'SUP', side: 'hot' }]) : undefined;
  if (sensible && chargeSensible) specify(cd, chargeSensible.ret, { T: sensible.cold });
  specify(cd, chargeCold.ret, { T: loop.chargeReturn });

  // ——— discharge ———
  const dd = new NetworkBuilder('Liquid CO2 storage — discharge', 'Liquid CO2 from the high-pressure tank evaporated against the air, reheated through the thermal stores, expanded, cooled and condensed against the cold store (its medium warmed) into the low-pressure tank.', ambient);
  const dPath: Node[] = [hpTank.add(dd, { mode: 'supply', p: pr.hpCondenserOut, Q: 0 })];
  dd.add('pump', 'DP', { eta_s: P.condenser.transferPumpEfficiency, p_out: pr.hpCondenserOut });
  dd.add('valve', 'EV', { p_out: pr.hpEvaporatorIn });
  dd.add('heater', 'EVAP', { ...lossEntry(P.evaporator.pressureLoss, pr.hpEvaporatorIn), sink: 'ambient' });
  dPath.push({ id: 'DP' }, { id: 'EV' }, { id: 'EVAP' });
  const recuperated = P.expansion.recuperator;
  if (recuperated) {
    // the recuperator: the last turbine's exhaust preheats the evaporated CO2 before the stores
    dd.add('heat-exchanger', 'REC', { ...bothSides(rec), eps: P.expansion.recuperatorEffectiveness });
    dPath.push({ id: 'REC', in: 'cold_in', out: 'cold_out' });
  }
  dPath.push(...turbines.build(dd, 0.6, (k) => chain.dischargeExchangers(dd, k)));
  dd.add('cooler', 'PC', { ...cool, sink: 'ambient' });
  dd.add('heat-exchanger', 'CONDL', coldStoreSides(P, cool, 'cold'));
  dd.add('pump', 'TPL', { eta_s: P.lowPressureSide.transferPumpEfficiency, p_out: pr.lpCondenserOut });
  dd.add('valve', 'TVL', {});
  lpTank.add(dd, { mode: 'receive', p: pr.lpCondenserOut });
  if (recuperated) dPath.push({ id: 'REC', in: 'hot_in', out: 'hot_out' });
  dPath.push({ id: 'PC' });
  if (sensible) {
    // the desuperheater: the exhaust gives its sensible heat to the sensible store's cold medium before the condenser
    dd.add('heat-exchanger', 'DSH', coldStoreSides(P, cool, 'cold'));
    dPath.push({ id: 'DSH', in: 'hot_in', out: 'hot_out' });
  }
  dPath.push({ id: 'CONDL', in: 'hot_in', out: 'hot_out' });
  const condensate = dPath.length - 1;
  dPath.push({ id: 'TPL' }, { id: 'TVL' }, { id: 'LP' });
  const Tpc = ambient.T + P.expansion.postCoolerApproach;
  connectPath(dd, dPath, { 3: { Q: 1 }, [condensate]: { p: pr.lpCondenserOut, Q: 0 } });
  if (sensible) {
    specify(dd, 'PC-DSH', { T: Tpc });
    specify(dd, 'DSH-CONDL', { T: sensible.exhaustOut });
  } else specify(dd, 'PC-CONDL', { T: Tpc });
  chain.addDischargeLoops(dd, 50);
  const dischargeCold = storeLoop(dd, COLD_STORE, { medium: S.medium, T: loop.dischargeSupply, p: S.pressure, pumpEfficiency: S.pumpEfficiency, mode: 'charge' }, [{ id: 'CONDL', side: 'cold' }]);
  const dischargeSensible = sensible ? storeLoop(dd, SENSIBLE_STORE, { medium: S.medium, T: sensible.cold, p: S.pressure, pumpEfficiency: S.pumpEfficiency, mode: 'charge' }, [{ id: 'DSH', side: 'cold' }]) : undefined;
  if (sensible && dischargeSensible) specify(dd, dischargeSensible.ret, { T: sensible.warm });
  specify(dd, dischargeCold.ret, { T: loop.dischargeReturn });

  const reheat = [...gasChain].reverse();
  const chargeUpdates = (s: ChargeState): Update[] => {
    const pLast = upstream(pr.hpCondenserOut, [...gasChain, condLoss]);
    const pIn = sensible ? lpEvapLoss(lpEvapLoss(pr.lpEvaporatorIn)) : lpEvapLoss(pr.lpEvaporatorIn);
    return [
      lpTank.supplyUpdate(s.lp),
      { component: 'TP', set: { p_out: Math.max(pr.hpCondenserOut, s.pHp) } },
      hpTank.update(s.pHp),
      { component: COLD_STORE, set: { T: s.Twarm } },
      ...(s.TcoldReturn !== undefined ? [{ connection: chargeCold.ret, set: { T: s.TcoldReturn } }] : []),
      ...(sensible && s.TsensibleWarm !== undefined ? [{ component: SENSIBLE_STORE, set: { T: s.TsensibleWarm } }] : []),
      ...compressors.ratioUpdates(pIn, pLast, gasChain),
      ...chain.tankUpdates(s.Tcold),
    ];
  };
  const dischargeUpdates = (s: DischargeState): Update[] => {
    const pT1 = [...(recuperated ? [recLoss] : []), ...reheat].reduce((p, f) => f(p), evapLoss(pr.hpEvaporatorIn));
    const exhaustChain = [...(recuperated ? [recLoss] : []), coolLoss, ...(sensible ? [coolLoss] : []), coolLoss];
    return [
      hpTank.supplyUpdate(s.hp),
      { component: 'DP', set: { p_out: Math.max(pr.hpEvaporatorIn, s.hp.p) } },
      { component: 'TPL', set: { p_out: Math.max(s.pCondL, s.pLp) } },
      lpTank.update(s.pLp),
      { connection: 'CONDL-TPL', set: { p: s.pCondL } },
      { component: COLD_STORE, set: { T: s.Tcold } },
      ...(s.TwarmReturn !== undefined ? [{ connection: dischargeCold.ret, set: { T: s.TwarmReturn } }] : []),
      ...(sensible && s.TsensibleCold !== undefined ? [{ component: SENSIBLE_STORE, set: { T: s.TsensibleCold } }] : []),
      ...turbines.ratioUpdates(pT1, upstream(s.pCondL, exhaustChain), reheat),
      ...chain.tankUpdates(s.Thot),
    ];
  };
  return { cd, dd, cPath, dPath, chain, compressors, turbines, hpTank, lpTank, chargeCold, dischargeCold, chargeSensible, dischargeSensible, chargeUpdates, dischargeUpdates };
}
