/**
 * The cold store of the liquid CO2 template (a two-tank store of a liquid valid below −30 degC: its warm tank is the
 * store's HOT part, its cold tank the COLD part), its chiller after a discharge, and the design
 * figures with the stores' liquid balance (medium a design discharge draws per medium a design charge gives).
 */
import type { Solution } from '../../network/solution.js';
import { resolveFluid } from '../../fluids/resolve.js';
import type { OperatingPoint } from '../../transient/mode.js';
import { cylinderWetArea, TwoTankThermalStore, type Ambient } from '../../transient/stores.js';
import { densityAt } from '../common.js';
import type { Figure } from '../types.js';
import type { ColdSide } from '../parts/cold-side.js';
import type { Networks, Pressures } from './networks.js';
import type { LiquidCo2Params } from './schema.js';

export interface ColdStoreParts {
  readonly store: TwoTankThermalStore;
  /** Medium a design charge cools and a design discharge warms. Unit: kg */
  readonly charge: number;
  readonly discharge: number;
  /** Volume of each tank. Unit: m³ */
  readonly tankVolume: number;
  /** Warm-tank contents at the start of a charge (what restore returns to). Unit: kg */
  readonly warmStart: number;
  fillEmpty(x: Float64Array): void;
  /**
   * After a discharge, back to the start: warm medium above warmStart chilled into the cold tank (heat > 0, taken
   * from the store), or cold medium the discharge left over warmed from the air into the warm tank (heat < 0). Unit: J
   */
  restore(x: Float64Array): { heat: number; action: string };
}

/** The liquid, pressure and tank data a cold store is built from, and its two tank temperatures. Unit: K */
export type ColdStoreSpec = Pick<LiquidCo2Params['coldStore'], 'medium' | 'pressure' | 'heel' | 'heatLossCoefficient' | 'sizeMargin'> & { readonly warm: number; readonly cold: number };

/**
 * Sized for the larger of what a design charge cools and a design discharge warms, with the margin. At the start of
 * a charge the warm tank holds what the charge cools (with the margin) above its heel, the cold tank the rest: the
 * discharge's surplus over the charge, so that the discharge finds its medium; restore() returns to that start.
 */
export function coldStoreParts(id: string, S: ColdStoreSpec, ambient: Ambient, use: { charge: number; discharge: number }): ColdStoreParts {
  const medium = resolveFluid(S.medium);
  const rhoWarm = densityAt(medium, S.warm, S.pressure);
  const rhoCold = densityAt(medium, S.cold, S.pressure);
  const usable = Math.max(use.charge, use.discharge) * (1 + S.sizeMargin);
  const tankVolume = (1.02 * usable) / rhoWarm / (1 - 2 * S.heel);
  const store = new TwoTankThermalStore(id, ambient, { medium: S.medium, p: S.pressure, tankVolume, U: S.heatLossCoefficient, wetArea: cylinderWetArea(tankVolume), levelMin: S.heel });
  const warmStart = S.heel * tankVolume * rhoWarm + use.charge * (1 + S.sizeMargin);
  const coldStart = S.heel * tankVolume * rhoCold + usable - use.charge * (1 + S.sizeMargin);
  const W = TwoTankThermalStore.HOT;
  const C = TwoTankThermalStore.COLD;
  const degC = (T: number) => (T - 273.15).toFixed(2);
  return {
    store,
    charge: use.charge,
    discharge: use.discharge,
    tankVolume,
    warmStart,
    fillEmpty(x) {
      store.fillPart(x, W, warmStart, S.warm);
      store.fillPart(x, C, coldStart, S.cold);
    },
    restore(x) {
      const warm = store.state(x, W);
      const surplus = warm.M - warmStart;
      if (surplus > 0) {
        const hCold = store.hAt(S.cold);
        const q = surplus * (warm.h - hCold);
        store.set(x, W, warmStart, store.E(x, W) - surplus * warm.h);
        store.set(x, C, store.M(x, C) + surplus, store.E(x, C) + surplus * hCold);
        return { heat: q, action: `${id}: ${(surplus / 1e3).toPrecision(4)} t of warm medium chilled from ${degC(warm.T)} to ${degC(S.cold)} degC into the cold tank (${(q / 3.6e9).toPrecision(4)} MWh)` };
      }
      const cold = store.state(x, C);
      const short = Math.min(-surplus, cold.M - S.heel * tankVolume * rhoCold);
      if (!(short > 0)) return { heat: 0, action: '' };
      const hWarm = store.hAt(S.warm);
      const q = short * (cold.h - hWarm);
      store.set(x, C, cold.M - short, store.E(x, C) - short * cold.h);
      store.set(x, W, store.M(x, W) + short, store.E(x, W) + short * hWarm);
      return { heat: q, action: `${id}: ${(short / 1e3).toPrecision(4)} t of cold medium the discharge left warmed from ${degC(cold.T)} to ${degC(S.warm)} degC by the air into the warm tank (${(-q / 3.6e9).toPrecision(4)} MWh)` };
    },
  };
}

export function liquidCo2Figures(d: {
  P: LiquidCo2Params;
  cs: Solution;
  ds: Solution;
  n: Networks;
  cPoint: OperatingPoint;
  dPoint: OperatingPoint;
  mC: number;
  mD: number;
  massWindow: number;
  tCharge: number;
  tDischarge: number;
  lpVolume: number;
  Thot: readonly number[];
  tes: readonly { usable: number; tankVolume: number }[];
  cold: ColdSide;
  sensible: ColdStoreParts | undefined;
  pr: Pressures;
  TlpCond: number;
  ThpCond: number;
  ThpEvap: number;
  cop: number;
}): Record<string, Figure> {
  const { P, cs, ds, n } = d;
  const f: Record<string, Figure> = {
    chargeNetPower: { value: d.cPoint.net, unit: 'W', note: 'electric power drawn at the design point, auxiliaries included' },
    dischargeNetPower: { value: -d.dPoint.net, unit: 'W' },
    chargeMassFlow: { value: d.mC, unit: 'kg/s' },
    dischargeMassFlow: { value: d.mD, unit: 'kg/s' },
    highPressureCondensingTemperature: { value: d.ThpCond, unit: 'K' },
    highPressureCondensingPressure: { value: d.pr.hpCondenserOut, unit: 'Pa' },
    highPressureEvaporatingTemperature: { value: d.ThpEvap, unit: 'K' },
    lowPressureCondensingTemperature: { value: d.TlpCond, unit: 'K', note: 'the discharge condenser’s pinch at the dew point against the cold store' },
    lowPressureCondensingPressure: { value: d.pr.lpCondenserOut, unit: 'Pa' },
    lowPressureEvaporatingPressure: { value: d.pr.lpEvaporatorIn, unit: 'Pa', note: 'boiling at the cold tank less the pinch' },
    liquidMassWindow: { value: d.massWindow, unit: 'kg', note: 'CO2 between the empty HP tank (lowest level, evaporating temperature) and the full one (highest level, condensing temperature)' },
    lowPressureVolume: { value: d.lpVolume, unit: 'm3' },
    chargeDurationEstimate: { value: d.tCharge, unit: 's' },
    dischargeDurationEstimate: { value: d.tDischarge, unit: 's' },
    specificCompressionWork: { value: d.cPoint.net / d.mC, unit: 'J/kg' },
    specificExpansionWork: { value: -d.dPoint.net / d.mD, unit: 'J/kg' },
    'coldStore.chargeDuty': { value: Math.abs(cs.report('EVAPL').Q ?? 0), unit: 'W' },
    'coldStore.dischargeDuty': { value: Math.abs(ds.report('CONDL').Q ?? 0), unit: 'W' },
    ...d.cold.figures,
    ...(d.sensible
      ? {
          'sensibleStore.mediumMass': { value: Math.max(d.sensible.charge, d.sensible.discharge) * (1 + P.coldStore.sizeMargin), unit: 'kg' },
          'sensibleStore.tankVolume': { value: d.sensible.tankVolume, unit: 'm3', note: 'each of the two tanks' },
          'sensibleStore.dischargeToChargeMedium': { value: d.sensible.discharge / d.sensible.charge, unit: '-', note: 'medium a design discharge warms over what a design charge cools' },
        }
      : {}),
    'coldStore.chillerCop': { value: d.cop, unit: '-' },
  };
  for (const [k, id] of [...n.cPath.entries()].filter(([, x]) => /^C\d+$/.test(x.id))) f[`${id.id}.outletTemperature`] = { value: cs.stream(`${id.id}-${n.cPath[k + 1].id}`).T, unit: 'K' };
  for (const [k, id] of [...n.dPath.entries()].filter(([, x]) => /^T\d+$/.test(x.id))) {
    f[`${id.id}.inletTemperature`] = { value: ds.stream(`${n.dPath[k - 1].id}-${id.id}`).T, unit: 'K' };
    f[`${id.id}.inletPressure`] = { value: ds.stream(`${n.dPath[k - 1].id}-${id.id}`).p, unit: 'Pa' };
    f[`${id.id}.outletTemperature`] = { value: ds.stream(`${id.id}-${n.dPath[k + 1].id}`).T, unit: 'K' };
  }
  P.thermalStores.forEach((s, j) => {
    f[`${s.name}.hotTemperature`] = { value: d.Thot[j], unit: 'K' };
    f[`${s.name}.mediumMass`] = { value: d.tes[j].usable, unit: 'kg' };
    const charged = cs.stream(n.chain.loops.charge[j].supply).m * d.tCharge;
    const drawn = ds.stream(n.chain.loops.discharge[j].supply).m * d.tDischarge;
    f[`${s.name}.dischargeToChargeMedium`] = { value: drawn / charged, unit: '-', note: 'hot medium a design discharge draws over what a design charge stores (below 1: the trim cooler returns the rest)' };
  });
  return f;
}
