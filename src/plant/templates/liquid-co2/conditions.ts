/**
 * The design conditions of the liquid CO2 template at an ambient T0: the HP tank's condensing and evaporating
 * temperatures (the air plus or less the approaches), the LP side's (the cold store: boiling at the cold tank less
 * the pinch, condensing where the pinch at the dew point allows), the sensible store's tanks, and the pressures. Each
 * impossible combination is a PlantInputError naming the parameter to change.
 */
import { fluid } from '../../../fluids/index.js';
import { PlantInputError } from '../../errors.js';
import { lossEntry, lossFunction, upstream } from '../common.js';
import { phaseChangeMaterial } from '../../../fluids/phase-change/materials.js';
import { coldLoopTemperatures } from '../parts/phase-change-store.js';
import { lpCondensingTemperature, type Pressures, type SensibleStore } from './networks.js';
import type { LiquidCo2Params } from './schema.js';

const CELSIUS = 273.15;

export interface DesignConditions {
  /** Unit: K */
  readonly ThpCond: number;
  readonly ThpEvap: number;
  readonly TlpEvap: number;
  readonly TlpCond: number;
  /** The exhaust after the post-cooler. Unit: K */
  readonly Tpc: number;
  readonly sensible: SensibleStore | undefined;
  readonly pr: Pressures;
}

export function designConditions(P: LiquidCo2Params, T0: number, where: string): DesignConditions {
  const S = P.coldStore;
  const co2 = fluid('CO2');
  const psat = (T: number) => co2.saturationAtT(T).p;
  const ThpCond = T0 + P.condenser.approach;
  const Tlimit = co2.critical.T - P.condenser.criticalMargin;
  if (ThpCond > Tlimit) throw new PlantInputError(where, 'condenser.approach', P.condenser.approach, `at most ${(Tlimit - T0).toFixed(2)} K at an ambient of ${(T0 - CELSIUS).toFixed(2)} degC: the HP tank condenses against the air below the critical temperature less the margin`);
  const ThpEvap = T0 - P.evaporator.approach;
  // the cold loop's four temperatures: a two-tank store's tanks, or a phase-change bed's melting point ± its swing
  const loop = coldLoopTemperatures(S);
  const TlpEvap = loop.chargeReturn - S.pinch;
  if (S.phaseChange) checkBedAboveTriplePoint(S.phaseChange, S.pinch, co2.triple.T, where);
  if (!(TlpEvap > co2.triple.T + 0.5)) throw new PlantInputError(where, 'coldStore.coldTemperature', S.coldTemperature, `above ${(co2.triple.T + 0.5 + S.pinch - CELSIUS).toFixed(2)} degC: the charge evaporates CO2 at the cold tank less the pinch, above its triple point (${(co2.triple.T - CELSIUS).toFixed(2)} degC)`);
  if (!(loop.chargeSupply - S.warmEndApproach > TlpEvap)) throw new PlantInputError(where, 'coldStore.warmEndApproach', S.warmEndApproach, `below ${(loop.chargeSupply - TlpEvap).toFixed(2)} K: the charge's vapour leaves the evaporator at the cold store's supply (${(loop.chargeSupply - CELSIUS).toFixed(2)} degC: the warm tank, or a phase-change bed's melting point) less this, above its boiling temperature ${(TlpEvap - CELSIUS).toFixed(2)} degC (the return less coldStore.pinch)`);
  const Tpc = T0 + P.expansion.postCoolerApproach;
  if (!(loop.dischargeReturn < Tpc - S.pinch)) throw new PlantInputError(where, 'coldStore.warmTemperature', S.warmTemperature, `below ${(Tpc - S.pinch - CELSIUS).toFixed(2)} degC (the exhaust reaches the condenser at ${(Tpc - CELSIUS).toFixed(2)} degC)`);
  // the sensible store (coldStore.sensibleStore): its cold tank the pinch above the charge's vapour, its warm tank the
  // pinch below the post-cooled exhaust; the exhaust leaves it for the condenser no colder than 2 K above its dew point
  const Tvapour = loop.chargeSupply - S.warmEndApproach;
  let TlpCond = lpCondensingTemperature(P, loop.dischargeSupply, loop.dischargeReturn, Tpc, where);
  let sensible: SensibleStore | undefined;
  if (S.sensibleStore) {
    const cold = Tvapour + S.pinch;
    // the fixed point exhaustOut = max(cold + pinch, dew(T_cond(exhaustOut)) + 2 K), started above the dew point (the
    // condenser then takes little but latent heat and condenses about the pinch above the warm tank); T_cond
    // depends only weakly on the exhaust's temperature, so it settles in a few steps
    let exhaustOut = Math.max(cold + S.pinch, loop.dischargeReturn + S.pinch + 4);
    for (let k = 0; k < 50; k++) {
      TlpCond = lpCondensingTemperature(P, loop.dischargeSupply, loop.dischargeReturn, exhaustOut, where);
      const dew = co2.saturationAtP(upstream(psat(TlpCond), [lossFunction(lossEntry(P.expansion.coolerPressureLoss, psat(TlpCond)))])).T;
      const next = Math.max(cold + S.pinch, dew + 2);
      const done = Math.abs(next - exhaustOut) < 1e-9;
      exhaustOut = next;
      if (done) break;
    }
    TlpCond = lpCondensingTemperature(P, loop.dischargeSupply, loop.dischargeReturn, exhaustOut, where);
    sensible = { warm: Tpc - S.pinch, cold, exhaustOut };
    if (!(sensible.warm - S.warmEndApproach > cold)) throw new PlantInputError(where, 'coldStore.sensibleStore', true, `a sensible store with room between its cold tank (${(cold - CELSIUS).toFixed(2)} degC) and its warm tank (${(sensible.warm - CELSIUS).toFixed(2)} degC) less the approach`);
  }
  const hpEvapOut = psat(ThpEvap);
  const pr = {
    lpEvaporatorIn: psat(TlpEvap),
    lpCondenserOut: psat(TlpCond),
    hpCondenserOut: psat(ThpCond),
    hpEvaporatorIn: upstream(hpEvapOut, [lossFunction(lossEntry(P.evaporator.pressureLoss, hpEvapOut))]),
  };
  if (!(pr.lpCondenserOut < 0.8 * hpEvapOut)) throw new PlantInputError(where, 'evaporator.approach', P.evaporator.approach, `small enough that the HP side evaporates well above the LP condensing pressure (${(pr.lpCondenserOut / 1e5).toFixed(2)} bar at ${(TlpCond - CELSIUS).toFixed(2)} degC): the turbines have no pressure ratio at ${(hpEvapOut / 1e5).toFixed(2)} bar`);
  return { ThpCond, ThpEvap, TlpEvap, TlpCond, Tpc, sensible, pr };
}

/**
 * A bed melting near CO2's triple point (n-nonane, 3.07 K above it) leaves little room: the charge boils CO2 at the bed
 * less the loop's swing less the evaporator's pinch, and that must stay 0.5 K above the triple point (the evaporator's
 * own pressure loss takes about 0.3 K more at 5 bar), or the LP liquid would freeze in the evaporator. The boiling
 * pressure is held at the design's: a bed frozen through and colder (its sensible band) narrows the pinch instead.
 */
function checkBedAboveTriplePoint(pc: NonNullable<LiquidCo2Params['coldStore']['phaseChange']>, pinch: number, Ttriple: number, where: string): void {
  const m = phaseChangeMaterial(pc.material);
  const room = m.meltingTemperature - (Ttriple + 0.5);
  if (m.meltingTemperature - pc.swing - pinch > Ttriple + 0.5) return;
  const why = `the charge boils CO2 at the bed (${m.name} melts at ${(m.meltingTemperature - CELSIUS).toFixed(2)} degC) less the swing and coldStore.pinch (${pinch} K), at least 0.5 K above CO2's triple point (${(Ttriple - CELSIUS).toFixed(2)} degC): the two together at most ${room.toFixed(2)} K`;
  if (room - pinch >= 0.5) throw new PlantInputError(where, 'coldStore.phaseChange.swing', pc.swing, `at most ${(room - pinch).toFixed(2)} K: ${why}`);
  throw new PlantInputError(where, 'coldStore.pinch', pinch, `at most ${Math.max(0, room - pc.swing).toFixed(2)} K: ${why}`);
}
