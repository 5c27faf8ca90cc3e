import { test } from 'node:test';
import assert from 'node:assert/strict';
import { burn, lambdaFromMassFlows, oxygenDemand } from './combustion.js';
import { heatingValues } from './heating-value.js';
import { mixture, pureSpecies, type IdealGasMixture } from './mixture.js';
import { DRY_AIR, EXAMPLE_NATURAL_GAS } from './compositions.js';
import { ELEMENTS, SPECIES_COUNT, atoms, speciesIndex } from './species.js';

const air = mixture(DRY_AIR);
const gas = mixture(EXAMPLE_NATURAL_GAS);

function elementAmounts(m: IdealGasMixture, moles: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const el of ELEMENTS) {
    let n = 0;
    for (let i = 0; i < SPECIES_COUNT; i++) n += moles * m.x[i] * atoms(i, el);
    out[el] = n;
  }
  return out;
}

test('combustion conserves every element: C, H, O, N and Ar in equal out', () => {
  for (const lambda of [1, 1.3, 3]) {
    const c = burn(gas, air, { lambda });
    const fuelIn = elementAmounts(gas, 1);
    const airIn = elementAmounts(air, c.oxidiserPerFuelMolar);
    const out = elementAmounts(c.products, c.productsPerFuelMolar);
    for (const el of ELEMENTS) {
      const inflow = fuelIn[el] + airIn[el];
      assert.ok(Math.abs(out[el] - inflow) <= 1e-13 * Math.max(inflow, 1), `λ = ${lambda}, ${el}: in ${inflow}, out ${out[el]}`);
    }
    // and mass: products per kg fuel = 1 + oxidiser per kg fuel
    const massOut = (c.productsPerFuelMolar * c.products.molarMass) / gas.molarMass;
    assert.ok(Math.abs(massOut - c.productsPerFuelMass) <= 1e-12 * massOut, `mass at λ = ${lambda}`);
  }
});

test('stoichiometric combustion (λ = 1) leaves no oxygen in the products', () => {
  const c = burn(gas, air, { lambda: 1 });
  assert.equal(c.products.moleFractions.O2, undefined);
  assert.equal(c.products.x[speciesIndex('O2')], 0);
});

test('methane needs 2 mol O2 per mol, i.e. 2/0.2096 mol of Lemmon air; λ and the excess-air fraction agree', () => {
  const ch4 = pureSpecies('CH4');
  assert.equal(oxygenDemand(ch4), 2);
  const c = burn(ch4, air, { excessAir: 0.2 });
  assert.equal(c.lambda, 1.2);
  assert.ok(Math.abs(c.oxidiserPerFuelMolar - (1.2 * 2) / 0.2096) < 1e-12);
  // products: CO2 1, H2O 2, O2 0.4, N2 and Ar from the air
  const n = (name: 'CO2' | 'H2O' | 'O2') => c.productsPerFuelMolar * (c.products.moleFractions[name] ?? 0);
  assert.ok(Math.abs(n('CO2') - 1) < 1e-12 && Math.abs(n('H2O') - 2) < 1e-12 && Math.abs(n('O2') - 0.4) < 1e-12);
});

test('lambdaFromMassFlows recovers λ from the fuel and air mass flows', () => {
  const c = burn(gas, air, { lambda: 1.7 });
  const lambda = lambdaFromMassFlows(gas, air, 2, 2 * c.oxidiserPerFuelMass);
  assert.ok(Math.abs(lambda - 1.7) < 1e-12, String(lambda));
});

test('rich mixtures, oxygen in the fuel and fuel in the oxidiser are errors', () => {
  assert.throws(() => burn(gas, air, { lambda: 0.9 }), /burn: lambda = 0.9 is not valid; valid: 1 ≤ lambda < Infinity \(complete combustion; rich mixtures are not modelled\)/);
  assert.throws(() => burn(gas, air, { excessAir: -0.1 }), /excessAir = -0.1 is not valid/);
  assert.throws(() => burn(gas, air, { lambda: NaN }), /lambda = NaN is not valid/);
  assert.throws(() => burn(air, air, { lambda: 1.1 }), /fuel.moleFractions.O2 = 0.2096 is not valid; valid: 0 \(a fuel may contain CH4, C2H6, C3H8, H2, CO, N2, CO2, Ar, H2O\)/);
  assert.throws(() => burn(gas, gas, { lambda: 1.1 }), /oxidiser.moleFractions.CH4 = 0.95 is not valid/);
  assert.throws(() => burn(pureSpecies('N2'), air, { lambda: 1.1 }), /a fuel with at least one of CH4/);
  assert.throws(() => lambdaFromMassFlows(gas, air, 0, 1), /fuelMassFlow = 0 kg\/s is not valid/);
});

test('heating values of methane and hydrogen agree with values from NIST-JANAF/CODATA enthalpies of formation', () => {
  // From JANAF (Chase 1998) ΔfH°(298.15 K): CO2 −393.522, H2O(g) −241.826, H2O(l) −285.830, CH4 −74.873 kJ/mol:
  // CH4 LHV = 802.30 kJ/mol = 50.01 MJ/kg, HHV = 890.31 kJ/mol = 55.50 MJ/kg; H2 LHV = 241.83 kJ/mol = 119.96 MJ/kg,
  // HHV = 285.83 kJ/mol = 141.79 MJ/kg. GRI-Mech's CH4 ΔfH° (−74.600 kJ/mol) puts methane 0.27 kJ/mol (0.03 %) higher.
  const ch4 = heatingValues(pureSpecies('CH4'));
  assert.ok(Math.abs(ch4.lhvMolar - 802.3e3) < 0.3e3, `CH4 LHV ${ch4.lhvMolar} J/mol`);
  assert.ok(Math.abs(ch4.hhvMolar - 890.31e3) < 0.3e3, `CH4 HHV ${ch4.hhvMolar} J/mol`);
  assert.ok(Math.abs(ch4.lhvMass - 50.0e6) < 0.001 * 50.0e6, `CH4 LHV ${ch4.lhvMass} J/kg`);
  assert.ok(Math.abs(ch4.hhvMass - 55.5e6) < 0.001 * 55.5e6, `CH4 HHV ${ch4.hhvMass} J/kg`);
  const h2 = heatingValues(pureSpecies('H2'));
  assert.ok(Math.abs(h2.lhvMolar - 241.826e3) < 0.02e3, `H2 LHV ${h2.lhvMolar} J/mol`);
  assert.ok(Math.abs(h2.lhvMass - 119.96e6) < 0.0005 * 119.96e6, `H2 LHV ${h2.lhvMass} J/kg`);
  assert.ok(Math.abs(h2.hhvMolar - 285.83e3) < 0.02e3, `H2 HHV ${h2.hhvMolar} J/mol`);
});

test('the heating value of a mixture is the mole-fraction sum of its species, inerts adding nothing', () => {
  const x = gas.moleFractions;
  const sum =
    (x.CH4 ?? 0) * heatingValues(pureSpecies('CH4')).lhvMolar +
    (x.C2H6 ?? 0) * heatingValues(pureSpecies('C2H6')).lhvMolar +
    (x.C3H8 ?? 0) * heatingValues(pureSpecies('C3H8')).lhvMolar;
  assert.ok(Math.abs(heatingValues(gas).lhvMolar - sum) < 1e-9 * sum);
});
