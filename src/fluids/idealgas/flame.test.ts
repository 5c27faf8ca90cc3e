import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adiabaticCombustion, lambdaForOutletTemperature } from './flame.js';
import { heatingValues } from './heating-value.js';
import { lambdaFromMassFlows } from './combustion.js';
import { mixture, pureSpecies } from './mixture.js';
import { DRY_AIR, EXAMPLE_NATURAL_GAS } from './compositions.js';
import { NASA7_SPECIES } from './data/nasa7.js';
import { FluidInputError } from '../errors.js';
import cases from '../../../../shared/validation/published_cases.json' with { type: 'json' };

const air = mixture(DRY_AIR);
const ch4 = pureSpecies('CH4');

/** h/R of one species straight from the published coefficients: a second, independent route. K */
function hR(name: string, T: number): number {
  const s = NASA7_SPECIES.find((x) => x.name === name)!;
  const a = T <= s.Tmid ? s.low : s.high;
  return a[0] * T + (a[1] * T ** 2) / 2 + (a[2] * T ** 3) / 3 + (a[3] * T ** 4) / 4 + (a[4] * T ** 5) / 5 + a[5];
}

test('the adiabatic flame temperature of methane in air at λ = 1 from 298.15 K is 2327 K, as a direct enthalpy balance gives', () => {
  const got = adiabaticCombustion({ mixture: ch4, T: 298.15 }, { mixture: air, T: 298.15 }, { lambda: 1 }).T;
  // CH4 + 2 (O2 + rN2 N2 + rAr Ar) → CO2 + 2 H2O + 2 rN2 N2 + 2 rAr Ar, solved by bisection on species sums
  const rN2 = 0.7812 / 0.2096;
  const rAr = 0.0092 / 0.2096;
  const inlet = hR('CH4', 298.15) + 2 * (hR('O2', 298.15) + rN2 * hR('N2', 298.15) + rAr * hR('Ar', 298.15));
  const outlet = (T: number) => hR('CO2', T) + 2 * hR('H2O', T) + 2 * rN2 * hR('N2', T) + 2 * rAr * hR('Ar', T);
  let lo = 1500;
  let hi = 3500;
  for (let i = 0; i < 80; i++) {
    const mid = 0.5 * (lo + hi);
    if (outlet(mid) < inlet) lo = mid;
    else hi = mid;
  }
  assert.ok(Math.abs(got - lo) < 0.01, `${got} K vs direct balance ${lo} K`);
  // complete combustion without dissociation: the familiar ~2325 K (dissociation brings it to ~2225 K)
  assert.ok(got > 2310 && got < 2340, String(got));
});

test('lambdaForOutletTemperature inverts adiabaticCombustion', () => {
  const fuel = { mixture: mixture(EXAMPLE_NATURAL_GAS), T: 288.15 };
  const ox = { mixture: air, T: 600 };
  const T = adiabaticCombustion(fuel, ox, { lambda: 2.3 }).T;
  const r = lambdaForOutletTemperature(fuel, ox, T);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.ok(Math.abs(r.value.lambda - 2.3) < 1e-9, String(r.value.lambda));
  assert.ok(Math.abs(r.value.T - T) < 1e-9, String(r.value.T));
});

test('lambdaForOutletTemperature says why it fails: too hot for λ = 1, or not above the oxidiser temperature', () => {
  const fuel = { mixture: ch4, T: 298.15 };
  const hot = lambdaForOutletTemperature(fuel, { mixture: air, T: 298.15 }, 2500);
  assert.equal(hot.ok, false);
  assert.match(hot.ok ? '' : hot.reason, /above the adiabatic flame temperature at λ = 1 \(2327\.\d+ K\)/);
  const cold = lambdaForOutletTemperature(fuel, { mixture: air, T: 900 }, 800);
  assert.equal(cold.ok, false);
  assert.match(cold.ok ? '' : cold.reason, /more oxidiser does not cool the outlet/);
});

test('a flame hotter than the 3500 K end of the data is an error, not an extrapolation', () => {
  assert.throws(
    () => adiabaticCombustion({ mixture: ch4, T: 298.15 }, { mixture: pureSpecies('O2'), T: 298.15 }, { lambda: 1 }),
    (e: unknown) => e instanceof FluidInputError && /outlet stays at or below 3500 K/.test(e.message),
  );
});

// Published case B3 (Gasanzade et al. 2023, TESPy 0.4.2 log of the diabatic CAES expansion): air 112.4 kg/s at
// 249.8 °C and CH4 2.673 kg/s at 20 °C burn to 1200 °C; combustor thermal input 133.7 MW; printed λ 1.22.
// Air as in the companion repository's README: N2/O2/Ar/CO2 = 0.7553/0.2314/0.0129/0.0004 by mass.
// TESPy's flue-gas enthalpy reference differs from ours, so temperatures, flows and λ are compared, not h.
interface Output {
  quantity: string;
  value: number | number[] | null;
  tolerance: number;
  table?: Array<{ stream: string; m_kg_per_s: number; T_degC: number }>;
}
const b3 = (cases.cases as unknown as Array<{ id: string; expected_outputs: Output[] }>).find((c) => c.id === 'B3_gasanzade2023_diabatic_CAES')!;
const table = b3.expected_outputs.find((o) => o.quantity === 'expansion_connections')!.table!;
const stream = (name: string) => table.find((s) => s.stream === name)!;
const b3Air = mixture({ massFractions: { N2: 0.7553, O2: 0.2314, Ar: 0.0129, CO2: 0.0004 } });
const airFlow = stream('HP turbine out -> combustor').m_kg_per_s;
const fuelFlow = stream('fuel').m_kg_per_s;
const airIn = { mixture: b3Air, T: stream('HP turbine out -> combustor').T_degC + 273.15 };
const fuelIn = { mixture: ch4, T: stream('fuel').T_degC + 273.15 };
const expected = (q: string) => b3.expected_outputs.find((o) => o.quantity === q)!;

test('case B3: the LHV implied by thermal input / fuel flow (50.0 MJ/kg) is reproduced within the stated 0.5 %', () => {
  const thermal = expected('combustor_thermal_input');
  const implied = ((thermal.value as number) * 1e6) / fuelFlow;
  const lhv = heatingValues(ch4).lhvMass;
  assert.ok(Math.abs(lhv - implied) <= (thermal.tolerance / 100) * implied, `${lhv} vs ${implied} J/kg`);
});

test('case B3: the fuel flow that heats the logged air flow to 1200 °C, and its thermal input, are within 0.5 %', () => {
  const r = lambdaForOutletTemperature(fuelIn, airIn, stream('combustor out').T_degC + 273.15);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  const fuel = airFlow / r.value.oxidiserPerFuelMass;
  assert.ok(Math.abs(fuel - fuelFlow) <= 0.005 * fuelFlow, `fuel ${fuel} kg/s vs logged ${fuelFlow}`);
  const thermal = expected('combustor_thermal_input');
  const ti = (fuel * heatingValues(ch4).lhvMass) / 1e6;
  assert.ok(Math.abs(ti - (thermal.value as number)) <= (thermal.tolerance / 100) * (thermal.value as number), `${ti} MW`);
});

test('case B3: the logged flows give 1201.6 °C against the logged 1200 °C (within 2 K; see the comment)', () => {
  // The case states 0.5 K for temperatures. The logged flows carry four digits (112.4 kg/s alone is ±0.4 K of
  // outlet temperature) and TESPy mixes CoolProp real-gas properties at 10 bar, where we use ideal gases: 2 K.
  const lambda = lambdaFromMassFlows(ch4, b3Air, fuelFlow, airFlow);
  const T = adiabaticCombustion(fuelIn, airIn, { lambda }).T - 273.15;
  assert.ok(Math.abs(T - stream('combustor out').T_degC) <= 2, `${T} °C`);
});

test('case B3: the streams imply λ = 2.44 (O2 supplied / O2 needed), twice the λ = 1.22 TESPy 0.4.2 printed', () => {
  // O2 supplied 112.4 · 0.2314 / 31.998 = 0.813 kmol/s; needed 2 · 2.673 / 16.043 = 0.333 kmol/s. The printed
  // value is exactly half of that ratio; we report the discrepancy rather than reproduce it.
  const printed = expected('air_excess_ratio_lambda');
  const lambda = lambdaFromMassFlows(ch4, b3Air, fuelFlow, airFlow);
  assert.ok(Math.abs(lambda - 2 * (printed.value as number)) <= 2 * printed.tolerance, String(lambda));
});
