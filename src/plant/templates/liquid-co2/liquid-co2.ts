/**
 * Liquid CO2 energy storage (LCES) with a cold store: both CO2 reservoirs liquid, as in the Xi'an Jiaotong
 * University designs (Xu, Zhao, Huo, Han, Wang, Dai 2020, J. Cleaner Production 242, 118437 — validation case A5 —
 * and the LCES papers of the same group): a low-pressure tank of liquid CO2 kept cold by a cold store, and a
 * high-pressure tank of liquid CO2 at about the ambient. Networks in networks.ts, parameters in schema.ts.
 *
 * Charge: the LP liquid is throttled and evaporated against the cold store's warm medium, which leaves into the cold
 * tank (the cold of evaporation is stored); the cold vapour is compressed, its heat handed to thermal stores,
 * condensed against the air and stored in the HP tank. Discharge: the HP liquid is evaporated against the air,
 * reheated through the thermal stores, expanded, cooled by the air and condensed against the cold store's cold
 * medium, which leaves into the warm tank; the condensate fills the LP tank.
 *
 * Why a chiller: the discharge condenser takes the exhaust's sensible heat from about the ambient down to the LP
 * condensing temperature as well as its latent heat, while the charge evaporator gives back only the latent heat
 * and a little superheat (its vapour leaves below the warm tank): per kg of CO2 the discharge warms more medium
 * than the charge cools (the design's ratio is the figure coldStore.dischargeToChargeMedium). Air cannot cool a
 * store below the ambient, so after each discharge a chiller (COP a fraction of Carnot's) returns the surplus warm
 * medium to the cold tank; its electricity counts against the round trip. It also holds the LP tank at its
 * condensing temperature against the heat its wall lets in. By default (coldStore.sensibleStore) a second two-tank
 * store of the same liquid takes that sensible part instead: the charge superheats its cold vapour against it to near the
 * ambient, the discharge desuperheats its exhaust against it to 2 K above the dew point, and the chiller only makes
 * up what the two stores do not balance (the compressors then take warm vapour: more work, hotter stored heat, kept
 * in oil from one uncooled stage, and a recuperated turbine). Defaults at 20 degC with Dowtherm Q: 35.5 % periodic;
 * the simplest layout (no sensible store, water store, no recuperator: examples/plants/liquid-co2.yaml) 28.3 %.
 *
 * Cold-store liquid: Dowtherm Q, the one liquid of ../shared/data valid below −30 degC (CoolProp INCOMP::DowQ,
 * 238.15–633.15 K): the cold tank can be no colder than −35 degC, so the LP tank condenses at about −20 degC and
 * 20 bar rather than the −50 degC near the triple point (5.2 bar) of designs with a colder medium.
 *
 * Phase-change cold store (coldStore.phaseChange): in place of the two tanks, a bed of a phase-change material on a
 * loop of the same liquid (parts/phase-change-store.ts, parts/cold-side.ts). The charge freezes it, the discharge
 * melts it, and the exchangers see it at its melting temperature: the latent heat of CO2 is carried by latent heat.
 * n-Decane (−29.75 degC) takes a Dowtherm Q loop but holds the LP tank at 12–17 bar (31.5 % at 100 MW); n-nonane
 * (−53.49 degC, 3.07 K above the triple point) needs a colder loop liquid (ethanol, user-defined) and a swing plus
 * pinch under 2.57 K (conditions.ts), and puts the LP tank at 6.5 bar: the 100 MW Luoyang plant
 * (examples/luoyang/liquid-co2.yaml) 46.7 % with 44 kt of n-nonane for 4 h of discharge.
 */
import { fluid } from '../../../fluids/index.js';
import { PlantInputError } from '../../errors.js';
import type { Network } from '../../network/network.js';
import { RigidVessel, TwoTankThermalStore, type Ambient } from '../../transient/stores.js';
import { checkStores, checkTrain, storeMediumId } from '../common.js';
import { rationedStores, solveRationed } from '../heat-rationing.js';
import { solveHoldingPinches } from '../pinch-holds.js';
import { buildTemplate, type StoreSizes } from '../pipeline.js';
import type { TemplateBuild } from '../plant-model.js';
import { phaseChangeColdSideFor, phaseChangeSpec, twoTankColdSide, type ColdSide } from '../parts/cold-side.js';
import { coldLoopTemperatures } from '../parts/phase-change-store.js';
import type { SizedThermalStores } from '../parts/thermal-stores.js';
import type { Site } from '../types.js';
import { coldStoreParts, liquidCo2Figures, type ColdStoreParts } from './sizing.js';
import { tankWallArea } from '../parts/vessel.js';
import { designConditions } from './conditions.js';
import { buildNetworks, COLD_STORE, lpCondensingTemperature, SENSIBLE_STORE, type ChargeState, type DischargeState } from './networks.js';
import type { LiquidCo2Params } from './schema.js';

const CELSIUS = 273.15;
/** The shortest full charge or discharge at design flow (a store of minutes is a design mistake). Unit: s */
const MIN_STORE_SECONDS = 15 * 60;

/** The stores sized from the design points: the two CO2 tanks, the thermal stores, the cold store and the sensible one. */
interface Sizes extends StoreSizes {
  readonly hp: RigidVessel;
  readonly lp: RigidVessel;
  readonly tes: SizedThermalStores;
  readonly cold: ColdSide;
  readonly sens: ColdStoreParts | undefined;
  readonly lpVolume: number;
  readonly tCharge: number;
  readonly tDischarge: number;
}

export function liquidCo2(P: LiquidCo2Params, site: Site): TemplateBuild {
  const T0 = site.ambientTemperature;
  const ambient: Ambient = { T: T0, p: site.ambientPressure ?? 101325 };
  const where = 'liquid-co2';
  const stores = P.thermalStores;
  const S = P.coldStore;
  const H = P.highPressureTank;
  const L = P.lowPressureTank;
  const co2 = fluid('CO2');
  const psat = (T: number) => co2.saturationAtT(T).p;
  checkStores(where, stores, P.compression.stages, P.expansion.stages);
  checkTrain(where, 'compression', P.compression, P.compression.stages);
  checkTrain(where, 'expansion', P.expansion, P.expansion.stages);
  stores.forEach((s, k) => {
    if (s.returnCooling && s.coldTemperature < T0) throw new PlantInputError(where, `thermalStores[${k}].coldTemperature`, s.coldTemperature, `at least the ambient ${T0} K (its trim cooler returns unused medium with ambient air)`);
  });
  const pcm = phaseChangeSpec(where, S);
  const { ThpCond, ThpEvap, TlpEvap, TlpCond, Tpc, sensible, pr } = designConditions(P, T0, where);
  const n = buildNetworks(P, ambient, pr, sensible);
  const { chain, compressors, turbines, hpTank, lpTank } = n;
  const satHpFull = co2.saturationAtT(ThpCond);
  const satHpEmpty = co2.saturationAtT(ThpEvap);
  // the HP window: empty as a discharge leaves it (at the evaporating temperature), full at the condensing one
  const hpEmptyMass = H.volume * (H.levelMin * satHpEmpty.liquid.rho + (1 - H.levelMin) * satHpEmpty.vapor.rho);
  const massWindow = H.volume * (H.levelMax * satHpFull.liquid.rho + (1 - H.levelMax) * satHpFull.vapor.rho) - hpEmptyMass;
  const copAt = (T: number) => (S.chillerCarnotFraction * T) / (T0 - T);
  const loop = coldLoopTemperatures(S);
  const cop = copAt(loop.chargeReturn);
  const fan = P.heatRejection.fanPower;
  // a chiller for heat taken out of a cold store (q > 0), fans of an air heater for heat put in (q < 0)
  const chillerElectricity = (q: number, c = cop) => (q > 0 ? q / c + fan * q * (1 + 1 / c) : -fan * q);
  const W = TwoTankThermalStore.HOT;
  const C = TwoTankThermalStore.COLD;
  let Thot: number[] = [];

  return buildTemplate(where, P, {
    hRefAbs: 0,
    charge() {
      const design: ChargeState = { lp: { p: pr.lpCondenserOut, Q: 0 }, pHp: pr.hpCondenserOut, Tcold: chain.coldTemperatures(), Twarm: loop.chargeSupply, TsensibleWarm: sensible?.warm };
      return { builder: n.cd, flowConnection: 'LP-EVL', trialFlow: 50, bus: compressors.bus(P.charge.power), exchangers: chain.designExchangers('charge'), lines: compressors.lines(), design, updates: n.chargeUpdates, heldAtEndDifferences: heldIds(n.cd.network, 'HXc') };
    },
    discharge(charge) {
      Thot = chain.hotTemperatures(charge.solution);
      stores.forEach((s, j) => {
        if (s.medium === 'Water' && !(Thot[j] < fluid('Water').saturationAtP(s.pressure).T - 5)) throw new PlantInputError(where, `thermalStores[${j}].pressure`, s.pressure, `a pressure at which water stays liquid at the hot temperature ${(Thot[j] - CELSIUS).toFixed(1)} degC (5 K below boiling), or more compression stages`);
      });
      const design: DischargeState = { hp: { p: pr.hpCondenserOut, Q: 0 }, pLp: pr.lpCondenserOut, Thot, Tcold: loop.dischargeSupply, TsensibleCold: sensible?.cold, pCondL: pr.lpCondenserOut };
      return { builder: n.dd, flowConnection: 'HP-DP', trialFlow: 50, bus: turbines.bus(P.discharge.power), exchangers: chain.designExchangers('discharge'), returns: chain.returns(), lines: turbines.lines(), design, updates: n.dischargeUpdates, heldAtEndDifferences: heldIds(n.dd.network, 'HXd'), effectivenessHolds: P.expansion.recuperator ? ['REC'] : [] };
    },
    size(charge, discharge): Sizes {
      const tCharge = massWindow / charge.massFlow;
      const tDischarge = massWindow / discharge.massFlow;
      if (!(Math.min(tCharge, tDischarge) >= MIN_STORE_SECONDS)) throw new PlantInputError(where, 'highPressureTank.volume', `${H.volume} m3`, `at least ${Math.ceil((H.volume * MIN_STORE_SECONDS) / Math.min(tCharge, tDischarge))} m3: this one holds ${(tCharge / 60).toPrecision(2)} min of charge and ${(tDischarge / 60).toPrecision(2)} min of discharge at design flow`);
      const satLp = co2.saturationAtT(TlpCond);
      const swing = satLp.liquid.rho - satLp.vapor.rho;
      const lpVolume = L.volume ?? (massWindow / ((L.levelMax - L.levelMin) * swing)) * (1 + P.lowPressureMargin);
      const levelsNeeded = massWindow / (lpVolume * swing);
      if (!(levelsNeeded <= L.levelMax - L.levelMin)) throw new PlantInputError(where, 'lowPressureTank.volume', `${lpVolume} m3`, `at least ${Math.ceil((lpVolume * levelsNeeded) / (L.levelMax - L.levelMin))} m3: it must take the HP tank's window (${(massWindow / 1e3).toFixed(1)} t) between its levels`);
      const hp = new RigidVessel('HP', ambient, { kind: 'tank', fluid: 'CO2', volume: H.volume, wall: { area: tankWallArea(H.volume, H.tanks), U: H.heatTransferCoefficient, T: T0 }, outlet: 'liquid', levelMin: H.levelMin, levelMax: H.levelMax });
      const lp = new RigidVessel('LP', ambient, { kind: 'tank', fluid: 'CO2', volume: lpVolume, wall: { area: tankWallArea(lpVolume, L.tanks), U: L.heatTransferCoefficient, T: T0 }, outlet: 'liquid', levelMin: L.levelMin, levelMax: L.levelMax, fillsOnCharge: false });
      const tes = chain.size(charge.solution, tCharge, ambient);
      const use = (c: string, d: string) => ({ charge: charge.solution.stream(c).m * tCharge, discharge: discharge.solution.stream(d).m * tDischarge });
      // a phase-change bed is sized by the heat its loop moves: the charge evaporator's and the discharge condenser's duty
      const heat = (mode: { solution: { report(id: string): { Q?: number } } }, id: string, t: number) => Math.abs(mode.solution.report(id).Q ?? NaN) * t;
      const cold = pcm
        ? phaseChangeColdSideFor(COLD_STORE, pcm, ambient, { charge: heat(charge, 'EVAPL', tCharge), discharge: heat(discharge, 'CONDL', tDischarge) }, storeMediumId(S.medium))
        : twoTankColdSide(coldStoreParts(COLD_STORE, { ...S, warm: S.warmTemperature, cold: S.coldTemperature }, ambient, use(n.chargeCold.supply, n.dischargeCold.supply)), { warm: S.warmTemperature, cold: S.coldTemperature, medium: storeMediumId(S.medium), sizeMargin: S.sizeMargin });
      const sens = sensible && n.chargeSensible && n.dischargeSensible ? coldStoreParts(SENSIBLE_STORE, { ...S, warm: sensible.warm, cold: sensible.cold }, ambient, use(n.chargeSensible.supply, n.dischargeSensible.supply)) : undefined;
      const coldVolumes = cold.volume + (sens ? 2 * sens.tankVolume : 0);
      return {
        hp,
        lp,
        tes,
        cold,
        sens,
        lpVolume,
        tCharge,
        tDischarge,
        stores: [hp, lp, ...tes.stores, cold.store, ...(sens ? [sens.store] : [])],
        primary: hp,
        massWindow,
        fillEmpty(x) {
          hp.fill(x, { T: ThpEvap, level: H.levelMin });
          lp.fill(x, { T: TlpCond, level: L.levelMin + levelsNeeded + 0.5 * (L.levelMax - L.levelMin - levelsNeeded) });
          tes.fillEmpty(x);
          cold.fillEmpty(x);
          sens?.fillEmpty(x);
        },
        restore(x) {
          const r = tes.restore(x, fan);
          const parts = [{ part: cold, c: cop }, ...(sens && sensible ? [{ part: sens, c: copAt(sensible.cold) }] : [])].map(({ part, c }) => ({ ...part.restore(x), c }));
          const done = parts.filter((q) => q.heat !== 0);
          return {
            heat: r.heat + done.reduce((a, q) => a + q.heat, 0),
            electricity: r.electricity + done.reduce((a, q) => a + chillerElectricity(q.heat, q.c), 0),
            actions: [...r.actions, ...done.map((q) => (q.heat > 0 ? `${q.action} (COP ${q.c.toFixed(2)})` : q.action))],
          };
        },
        volumes: [
          { basis: 'high- and low-pressure liquid CO2 tanks', volume: H.volume + lpVolume },
          { basis: 'high-pressure liquid CO2 tanks', volume: H.volume },
          { basis: 'CO2 tanks, thermal stores and cold store', volume: H.volume + lpVolume + tes.volume + coldVolumes },
        ],
        densityBasis: 'high- and low-pressure liquid CO2 tanks',
      };
    },
    run({ hp, lp, tes, cold, sens }, { discharge }) {
      /** Holds a tank at T from one side (cool: only when warmer; heat: only when colder); the heat moved (J, + out of the tank). */
      const hold = (tank: RigidVessel, x: Float64Array, T: number, way: 'cool' | 'heat'): number => {
        const st = tank.state(x);
        if (Number.isNaN(st.Q) || (way === 'cool' ? !(st.T > T) : !(st.T < T))) return 0;
        const U = st.M * co2.dt(st.rho, T).u;
        const q = tank.E(x, 0) - U;
        tank.set(x, 0, st.M, U);
        return q;
      };
      const lpHold = (x: Float64Array): { heat: number; electricity: number } => {
        if (!P.lowPressureSide.holdTemperature) return { heat: 0, electricity: 0 };
        const q = hold(lp, x, TlpCond, 'cool');
        return { heat: q, electricity: chillerElectricity(q) };
      };
      const coldPorts = (charge: boolean) => [
        ...(charge ? [lpTank.port(lp, 'LP-EVL', -1), hpTank.port(hp, 'TV-HP', 1)] : [hpTank.port(hp, 'HP-DP', -1), lpTank.port(lp, 'TVL-LP', 1)]),
        ...cold.ports(charge ? 'charge' : 'discharge', charge ? n.chargeCold : n.dischargeCold),
        ...(sens && n.chargeSensible && n.dischargeSensible ? [{ part: sens, loops: charge ? n.chargeSensible : n.dischargeSensible }] : []).flatMap(({ part, loops }) => [
          // the charge cools the warm tank's medium into the cold tank, the discharge warms the cold tank's into the warm
          { store: part.store, part: charge ? W : C, connection: loops.supply, sign: -1 as const },
          { store: part.store, part: charge ? C : W, connection: loops.ret, sign: 1 as const },
        ]),
      ];
      // heat rationing (heat-rationing.ts): each thermal store spends at most its hot medium above the heel per kg of
      // liquid the HP tank still holds above its empty mass, so that the hot tanks and the HP tank run out together
      const rationed = rationedStores({ params: stores, stores: tes.stores, supplies: chain.dischargeSupplies(), stages: P.expansion.stages, network: discharge.network, workingFluidLeft: (x) => hp.M(x, 0) - hpEmptyMass });
      return {
        charge: {
          ports: [...coldPorts(true), ...tes.chargePorts()],
          boundary(x) {
            const l = lp.state(x);
            if (Number.isNaN(l.Q)) return `the low-pressure tank holds no two-phase liquid (${(l.p / 1e5).toFixed(2)} bar, ${(l.T - CELSIUS).toFixed(2)} degC)`;
            if (!(l.p > pr.lpEvaporatorIn * 1.001)) return `the low-pressure tank (${(l.p / 1e5).toFixed(3)} bar) is at the charge evaporator's pressure`;
            return { lp: lp.supplySpec(x), pHp: hp.state(x).p, Tcold: tes.temperatures(x, C), Twarm: cold.chargeSupplyTemperature(x), TcoldReturn: cold.followingReturn(x, 'charge'), TsensibleWarm: sens?.store.state(x, W).T };
          },
          control(x) {
            // the HP tank cooler (a vapour-return line to the condenser, heat to the air) and the LP tank's chiller
            const q = hold(hp, x, ThpCond, 'cool');
            const l = lpHold(x);
            return { heat: q + l.heat, electricity: fan * q + l.electricity };
          },
        },
        discharge: {
          ports: [...coldPorts(false), ...tes.dischargePorts()],
          boundary(x) {
            const h = hp.state(x);
            if (Number.isNaN(h.Q)) return `the high-pressure tank holds no two-phase liquid (${(h.p / 1e5).toFixed(2)} bar, ${(h.T - CELSIUS).toFixed(2)} degC)`;
            const Tc = cold.dischargeSupplyTemperature(x);
            let pCondL: number;
            try {
              pCondL = psat(lpCondensingTemperature(P, Tc, cold.dischargeReturnTemperature(x), sensible ? sensible.exhaustOut : Tpc, where));
            } catch (e) {
              return `the cold tank at ${(Tc - CELSIUS).toFixed(2)} degC cannot condense the exhaust: ${(e as Error).message}`;
            }
            return { hp: hp.supplySpec(x), pLp: lp.state(x).p, Thot: tes.temperatures(x, W), Tcold: Tc, TsensibleCold: sens?.store.state(x, C).T, pCondL, TwarmReturn: cold.followingReturn(x, 'discharge') };
          },
          // the search's trials unjudged: it judges the one it keeps
          ...(P.expansion.heatRationing ? { solve: (x: Float64Array) => solveRationed(discharge.network, 'HP-DP', rationed, x, () => solveHoldingPinches(discharge.network, discharge.holds, { judge: false })) } : {}),
          control(x) {
            // the HP tank heater (air, with fans): drawing liquid flashes its vapour and would chill it below the evaporator
            const q = hold(hp, x, ThpEvap, 'heat');
            const l = lpHold(x);
            return { heat: q + l.heat, electricity: fan * Math.abs(q) + l.electricity };
          },
        },
      };
    },
    describe({ charge, discharge, sizes, points }) {
      const figures = liquidCo2Figures({ P, cs: charge.solution, ds: discharge.solution, n, cPoint: points.charge, dPoint: points.discharge, mC: charge.massFlow, mD: discharge.massFlow, massWindow, tCharge: sizes.tCharge, tDischarge: sizes.tDischarge, lpVolume: sizes.lpVolume, Thot, tes: sizes.tes.tanks, cold: sizes.cold, sensible: sizes.sens, pr, TlpCond, ThpCond, ThpEvap, cop });
      return {
        technology: 'liquid CO2 storage (low-pressure liquid tank with a cold store, high-pressure liquid tank)',
        figures,
        notes: [
          `design point: ambient ${(T0 - CELSIUS).toFixed(2)} degC; HP tank condensing at ${(ThpCond - CELSIUS).toFixed(2)} degC (${(pr.hpCondenserOut / 1e5).toFixed(2)} bar), evaporating at ${(ThpEvap - CELSIUS).toFixed(2)} degC (${(psat(ThpEvap) / 1e5).toFixed(2)} bar); LP tank condensing at ${(TlpCond - CELSIUS).toFixed(2)} degC (${(pr.lpCondenserOut / 1e5).toFixed(2)} bar), evaporating at ${(TlpEvap - CELSIUS).toFixed(2)} degC (${(pr.lpEvaporatorIn / 1e5).toFixed(2)} bar)`,
          `${sizes.cold.note}; after each discharge a chiller (COP ${cop.toFixed(2)}, ${S.chillerCarnotFraction} of Carnot's) returns the surplus to the cold tank`,
          'the HP tank is held between its evaporating and condensing temperatures (cooled while charging, heated from the air while discharging); the LP tank is held at its condensing temperature by the chiller; the LP condensing pressure follows the cold tank',
          'after each discharge the trim coolers return the hot medium the discharge did not use to the cold tanks (heat to the ambient)',
        ],
        yamlHeader: (mode) => [`Liquid CO2 storage with a cold store (chuneng template liquid-co2), ${mode} network at its design point (ambient ${(T0 - CELSIUS).toFixed(2)} degC).`],
      };
    },
  });
}

/** The store exchangers of a mode (ids starting with `prefix`): the ones held at their design end differences. */
function heldIds(network: Network, prefix: string): string[] {
  return network.allComponents().map((c) => c.id).filter((id) => id.startsWith(prefix));
}
