/**
 * What a gas-liquid CO2 plant reports of itself (co2-gas-liquid.ts): its design figures (powers, flows, pressures,
 * sizes, the stores' liquid balance) and its notes.
 */
import type { Built, Description } from '../pipeline.js';
import { liquidBalance } from './balance.js';
import type { Figure } from '../types.js';
import type { GasLiquidConditions } from './conditions.js';
import type { DesignRationing } from './design.js';
import type { GasLiquidNetworks } from './networks.js';
import type { GasLiquidSizes } from './stores.js';
import { CELSIUS } from './schema.js';

/** The plant's design figures and notes. */
export function describeGasLiquid(c: GasLiquidConditions, n: GasLiquidNetworks, built: Built<GasLiquidSizes>, rationing: DesignRationing): Description {
  const { P, T0, stores, N, M, dischargeStores, Cd, Ev, sizing, Tc, Tlimit, condensation, pCondDesign, evapT, sourceT, pEvapDesign, pDome } = c;
  const { cPath, dPath } = n;
  const { charge: cDesign, discharge: dDesign, sizes, points } = built;
  const { tankVolume, massWindow, tCharge, tDischarge, domeMax, tes, basinVolume, basin, dischargeNetDesign } = sizes;
  const [cPoint, dPoint] = [points.charge, points.discharge];
  const [mC, mD] = [cDesign.massFlow, dDesign.massFlow];
  const Tcond = condensation.temperature;
  const Thot = tes.hot;
  const { charge: chargeLoops, discharge: dischargeLoops } = n.chain.loops;
  const cs = cDesign.solution;
  const ds = dDesign.solution;
  const rationingNote = (): string => {
    if (rationing.reason !== undefined) return `heat rationing at the design point did not solve (${rationing.reason}): the design discharge spends some store's medium faster than the charge stored it`;
    const raised = dischargeStores.flatMap((s, j) => n.chain.dischargeExchangerIds()[j].filter((id) => (ds.component(id).values.ttd_u ?? 0) > s.hotEndApproach + 1e-6).map((id) => `${id} ${(ds.component(id).values.ttd_u as number).toFixed(2)} K`));
    return raised.length === 0
      ? 'heat rationing: every store’s heat suffices at its design hot-end approach (no approach raised at the design point); in the cycle each store spends its hot medium at most in proportion to the liquid CO2 left'
      : `heat rationing: the design discharge spends each store’s medium at the rate the charge stored it, its hot-end approaches raised (${raised.join(', ')}); in the cycle each store spends its hot medium at most in proportion to the liquid CO2 left`;
  };
  const figures: Record<string, Figure> = {
    chargeNetPower: { value: cPoint.net, unit: 'W', note: 'electric power drawn at the design point, auxiliaries included' },
    dischargeNetPower: { value: -dPoint.net, unit: 'W' },
    chargeAuxiliaries: { value: cPoint.aux, unit: 'W' },
    dischargeAuxiliaries: { value: dPoint.aux, unit: 'W' },
    chargeMassFlow: { value: mC, unit: 'kg/s' },
    dischargeMassFlow: { value: mD, unit: 'kg/s' },
    condensingTemperature: { value: Tcond, unit: 'K', note: `${condensation.mode}: sink + approach` },
    condensingPressure: { value: pCondDesign, unit: 'Pa' },
    evaporatingPressure: { value: pEvapDesign, unit: 'Pa' },
    compressorOutletPressure: { value: cs.stream(`C${N}-${cPath[cPath.findIndex((n) => n.id === `C${N}`) + 1].id}`).p, unit: 'Pa' },
    liquidMassWindow: { value: massWindow, unit: 'kg', note: 'CO2 between the empty tank (lowest level, at the evaporating temperature, as a discharge leaves it) and the full tank (highest level, at the condensing temperature)' },
    chargeDurationEstimate: { value: tCharge, unit: 's' },
    dischargeDurationEstimate: { value: tDischarge, unit: 's' },
    domeVolume: { value: domeMax, unit: 'm3' },
    basinVolume: { value: basin ? basinVolume : 0, unit: 'm3' },
    specificCompressionWork: { value: cPoint.net / mC, unit: 'J/kg', note: 'electricity per kg of CO2 stored, auxiliaries included' },
    specificExpansionWork: { value: -dPoint.net / mD, unit: 'J/kg', note: 'net electricity per kg of CO2 withdrawn' },
  };
  for (let k = 1; k <= N; k++) {
    const i = cPath.findIndex((n) => n.id === `C${k}`);
    figures[`C${k}.outletTemperature`] = { value: cs.stream(`C${k}-${cPath[i + 1].id}`).T, unit: 'K' };
  }
  for (let k = 1; k <= M; k++) {
    const i = dPath.findIndex((n) => n.id === `T${k}`);
    figures[`T${k}.inletTemperature`] = { value: ds.stream(`${dPath[i - 1].id}-T${k}`).T, unit: 'K' };
    figures[`T${k}.inletPressure`] = { value: ds.stream(`${dPath[i - 1].id}-T${k}`).p, unit: 'Pa' };
  }
  figures.liquidTankVolume = { value: tankVolume, unit: 'm3', note: `sized by ${sizing.field} (${sizing.text})` };
  figures.dischargeEnergyEstimate = { value: dischargeNetDesign * tDischarge, unit: 'J', note: 'net design discharge power × the design discharge duration' };
  Object.assign(figures, liquidBalance({ massWindow, dischargeMass: mD * tDischarge, stores: stores.map((s, j) => ({ name: s.name, chargeMass: cDesign.solution.stream(chargeLoops[j].supply).m * tCharge, dischargeMass: ds.stream(dischargeLoops[j].supply).m * tDischarge })) }));
  tes.tanks.forEach((t, j) => {
    figures[`${stores[j].name}.hotTemperature`] = { value: Thot[j], unit: 'K' };
    figures[`${stores[j].name}.mediumMass`] = { value: t.usable, unit: 'kg' };
    figures[`${stores[j].name}.tankVolume`] = { value: t.tankVolume, unit: 'm3', note: 'each of the two tanks' };
  });
  return {
    technology: 'gas-liquid CO2 storage (dome and liquid tanks)',
    figures,
    notes: [
      `design point: dome at ${(pDome / 1e5).toFixed(4)} bar and the ambient ${(T0 - CELSIUS).toFixed(2)} degC; condensation at ${(Tcond - CELSIUS).toFixed(2)} degC (${(pCondDesign / 1e5).toFixed(2)} bar, ${condensation.mode}); evaporation at ${(evapT(sourceT(T0)) - CELSIUS).toFixed(2)} degC (${(pEvapDesign / 1e5).toFixed(2)} bar, ${Ev.source === 'water' ? `water source at ${(Ev.sourceTemperature - CELSIUS).toFixed(2)} degC` : Ev.source}); tank saturated at the condensing temperature; stores at their cold temperature (charge) and at the hot temperature of the design charge (discharge)`,
      `condensation must stay below ${(Tlimit - CELSIUS).toFixed(2)} degC (critical ${(Tc - CELSIUS).toFixed(2)} degC less the margin): the charge stops when the ${Cd.sink === 'basin' ? 'basin' : 'sink'} is too warm`,
      'compressors share the total ratio at every step; the evaporating pressure slides with the basin temperature and the turbines share their ratio; η_s on part-load lines (assumption)',
      'the liquid tank is held between the evaporating and the condensing temperature: cooled while charging (the vapour the liquid displaces is condensed; its heat goes where the condenser’s goes) and heated while discharging (its flashing would otherwise chill it), from the evaporator’s source',
      ...(basin
        ? [
            P.basin.cooler
              ? `after each discharge the basin cooler takes the basin ${(P.basin.coolerEffectiveness * 100).toFixed(0)} % of the way back to the ambient temperature (the heat of condensation the evaporation did not take back goes to the air; fans heatRejection.fanPower of it), or warms it from the air when the evaporation took more; the basin carries the rest into the next cycle`
              : 'the basin has no cooler (basin.cooler off): what condensation and evaporation do not balance stays in it, cycle after cycle',
          ]
        : []),
      'after each discharge the trim coolers return the hot medium the discharge did not use to the cold tanks (heat to the ambient); the discharge exchangers return their medium no colder than its cold tank',
      ...(P.expansion.heatRationing ? [rationingNote()] : ['heat rationing off (expansion.heatRationing): a store whose discharge spends more medium per kg of CO2 than the charge stored runs its hot tank dry before the liquid tank is empty']),
    ],
    yamlHeader: (mode) => [
      `Gas-liquid CO2 storage (chuneng template co2-gas-liquid), ${mode} network at its design point (ambient ${(T0 - CELSIUS).toFixed(2)} degC).`,
    ],
  };
}
