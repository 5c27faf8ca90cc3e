/**
 * Gas-liquid CO2 storage (the dome type: Energy Dome's CO2 Battery, Dongfang's Deyang plant): CO2 gas at about one
 * atmosphere in a flexible dome at the ambient temperature; liquid CO2 in tanks at 60–70 bar.
 *
 *   charge:     dome → C1 → HXc1_<store>… → [IC1] → C2 → … → CN → HXcN_<store>… → condenser → transfer pump
 *               → valve → liquid tank
 *               stores: cold tank → pump → exchangers (cold side) → hot tank; the condenser rejects to the water
 *               basin (or to the air, or to a chiller)
 *   discharge:  liquid tank → pump → valve → evaporator (basin, air or a water source) → [recuperator] → HXd1_<store>…
 *               → T1 → … → TM → [recuperator] → post-cooler → dome
 *
 * Heat of compression is handed down a chain of stores at falling temperature levels (hottest first, each with
 * its medium, pinch and hot-end approach); the discharge reheats through the same chain coldest first. The CO2
 * condenses at T_sink + approach, which must stay a margin below the critical temperature (304.13 K): above it the
 * plant cannot be built (or the charge stops when the basin has warmed that far) unless a chiller (COP) serves the
 * condenser. The evaporator boils at T_source − approach; its pressure slides with the basin's temperature (the air's; a water source's stays); the
 * liquid is pumped or throttled to it. The liquid tanks are rigid vessels whose two-phase state comes from the
 * (ρ, u) flash each step; the dome keeps its pressure and changes volume; the basin is one well-mixed body of water
 * that the condensation warms and the evaporation cools.
 *
 * Repeated day after day (the periodic design cycle of performance()): the tank is empty as a discharge leaves it —
 * at its lowest level, held at the evaporating temperature — and a charge fills it to its highest level at the
 * condensing temperature (the mass window, which sizes the stores and the durations). Condensation gives the basin
 * more heat than evaporation takes back (the condenser also takes the gas's sensible heat above the water store's
 * cold end, and the throttled liquid arrives partly flashed), so after each discharge a dry cooler (basin.cooler;
 * fans take heatRejection.fanPower of the heat) takes the basin part of the way back to the ambient
 * (basin.coolerEffectiveness) — or warms it from the air when only the evaporator uses it; the basin keeps the rest,
 * and its periodic temperature settles a little above the ambient, where the cooler rejects a cycle's surplus. The
 * thermal stores' discharge exchangers return their medium no colder than its cold tank, and the hot medium a
 * discharge leaves unused goes back to the cold tank through the trim coolers (common.ts). The discharge spends
 * each store's medium at most at the rate the charge stored it (heat rationing, gas-liquid/rationing.ts), so the
 * liquid tank empties before any hot tank runs dry.
 *
 * The ambient temperature (periodic design cycle, condenser and evaporator both tied to the ambient — the basin
 * through its cooler, or the air):
 *   - condensing pressure: p_sat(T_sink + approach) rises with the ambient (45 bar at 5 degC, 64 bar at 20, 70 at
 *     24), and with it the compression work per kg (its log pressure ratio from the dome: +12 % from 5 to 24 degC);
 *   - dome gas temperature: the compressors take the gas at about the ambient, and work per kg grows with the inlet
 *     temperature (+7 % from 5 to 24 degC);
 *   - evaporating pressure: p_sat(T_source − approach) rises with the ambient as well (35 → 56 bar), and with it the
 *     expansion work per kg — a little faster than the compression's, because the vapour-pressure curve flattens
 *     (ln(p_cond/p_evap) for the same temperature gap shrinks as the temperature rises: 0.25 → 0.23);
 *   - heat of compression available for reheat: hotter compressor outlets (higher inlet temperature and ratio) fill
 *     the stores hotter (oil 160 degC at 5 degC, 210 degC at 24 degC), and the turbines take their gas at the hot
 *     tank less the approach: the expansion work rises with the reheat temperature as the compression work does with
 *     the dome's;
 *   - auxiliaries: fans take a fixed fraction of the heat they move; the heat per kg the condenser moves falls as the
 *     latent heat shrinks towards the critical point, so they fall with the ambient (a real dry cooler's fans need
 *     a few per cent more air volume per kW in warmer, thinner air — not modelled);
 *   - net: the RTE rises slowly with the ambient, about 0.1 point per kelvin (64.3 % at 5 degC, 66.1 % at 20 degC
 *     with the basin; 62.9 → 64.7 % over 10–24 degC with an air-cooled condenser and the basin as the evaporator's
 *     source, which loses the heat of condensation and warms its basin back with fans), as the published A4 case's
 *     does (67.0 % at 21 degC, 70.5 % at 25 degC). With the evaporator on a water source whose temperature does not
 *     follow the ambient (evaporator.source 'water': ground, river or sea water, low-grade waste heat) only the
 *     condensing pressure rises, the compression pays for it alone and the RTE falls with the ambient, about 0.2
 *     point per kelvin (65.6 % at 10 degC, 63.0 % at 24 degC with an air-cooled condenser and a 15 degC source);
 *   - capacity: the saturated liquid thins and its vapour thickens towards the critical point (condensing at 10 degC
 *     ρ_l = 861, ρ_v = 135 kg/m³; at 29 degC 629 and 312), so the same tanks hold less — about a quarter less
 *     from 5 to 24 degC;
 *   - near the critical limit: a basin warmed by the swing of a design charge reaches T_crit − margin − approach
 *     before the tanks are full above about 20 degC: the charge is cut short and the capacity collapses (at 24 degC a
 *     fifth of the 20 degC figure, and the cycle no longer settles); with the condenser on the air the charge runs to full up to the limit (25 degC with a 5 K
 *     approach), and above it no plant is built (a chiller would be needed).
 *
 * Auxiliaries: the store pumps, the basin pump and the CO2 pumps are in the networks; fans of the dry coolers and
 * air heat exchangers take a fraction of the heat they move; a chiller takes heat / COP. Pressure losses of the
 * condenser and evaporator may be a fall of the saturation temperature ("0.2 K"), turned into a pressure drop at the
 * design point.
 *
 * Defaults: two compression and two expansion stages as the 10 MW × 8 h plant of validation case A4 (Energies 2025,
 * 18, 5923); condensation near 65 bar as Energy Dome's design (case A2: 65.1 bar); the rest are assumptions.
 */
import type { Site } from './types.js';
import type { TemplateBuild } from './plant-model.js';
import { buildTemplate } from './pipeline.js';
import { gasLiquidConditions } from './gas-liquid/conditions.js';
import { gasLiquidNetworks } from './gas-liquid/networks.js';
import { chargeNetwork, dischargeNetwork, type DesignRationing } from './gas-liquid/design.js';
import { gasLiquidSinks, gasLiquidStores } from './gas-liquid/stores.js';
import { gasLiquidModes } from './gas-liquid/modes.js';
import { describeGasLiquid } from './gas-liquid/describe.js';
import type { Co2GasLiquidParams } from './gas-liquid/schema.js';

export { CO2_GAS_LIQUID_SCHEMA, MIN_STORE_SECONDS, type Co2GasLiquidParams, type Condensation } from './gas-liquid/schema.js';
export { DEFAULT_TANK_VOLUME } from './gas-liquid/sizing.js';

/**
 * Builds a gas-liquid CO2 plant on the build pipeline (pipeline.ts): its conditions (checks, condensation,
 * pressures, losses, step updates) and networks, then the pipeline's steps with what is particular to it — the
 * discharge design rationed to the heat the charge stores, the stores sized from both design points, the modes with
 * their tank controllers and rationing, and the figures and notes.
 */
export function co2GasLiquid(P: Co2GasLiquidParams, site: Site): TemplateBuild {
  const c = gasLiquidConditions(P, site);
  const n = gasLiquidNetworks(c);
  const rationing: DesignRationing = {};
  return buildTemplate(c.where, P, {
    hRefAbs: 0,
    sinks: gasLiquidSinks(c),
    charge: () => chargeNetwork(c, n),
    discharge: (charge) => dischargeNetwork(c, n, charge, rationing),
    size: (charge, discharge) => gasLiquidStores(c, n, charge, discharge),
    run: (sizes, designs) => gasLiquidModes(c, n, sizes, designs),
    describe: (built) => describeGasLiquid(c, n, built, rationing),
  });
}
