import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NASA7_SPECIES } from './data/nasa7.js';
import { MOLAR_GAS_CONSTANT as R } from './constants.js';
import { pureSpecies } from './mixture.js';

function rawEval(a: readonly number[], T: number): [cpR: number, hRT: number, sR: number] {
  return [
    a[0] + a[1] * T + a[2] * T ** 2 + a[3] * T ** 3 + a[4] * T ** 4,
    a[0] + (a[1] * T) / 2 + (a[2] * T ** 2) / 3 + (a[3] * T ** 3) / 4 + (a[4] * T ** 4) / 5 + a[5] / T,
    a[0] * Math.log(T) + a[1] * T + (a[2] * T ** 2) / 2 + (a[3] * T ** 3) / 3 + (a[4] * T ** 4) / 4 + a[6],
  ];
}

test('the two ranges of every species meet at Tmid in cp/R, h/RT and s/R to 1e-4 (C3H8 worst, 9e-5; the rest 2e-6)', () => {
  for (const s of NASA7_SPECIES) {
    const low = rawEval(s.low, s.Tmid);
    const high = rawEval(s.high, s.Tmid);
    for (let k = 0; k < 3; k++) {
      assert.ok(Math.abs(high[k] - low[k]) <= 1e-4, `${s.name} ${['cp/R', 'h/RT', 's/R'][k]} at ${s.Tmid} K: ${low[k]} vs ${high[k]}`);
    }
  }
});

// NIST-JANAF Thermochemical Tables, 4th ed. (M. W. Chase, J. Phys. Chem. Ref. Data Monograph 9, 1998):
// cp° in J/(mol K) from tables N-023 (N2), O-029 (O2) and C-095 (CO2). GRI-Mech's fits reproduce them to
// 0.1 % (O2, CO2) and 0.25 % (N2, an older 300-5000 K fit).
const JANAF_CP: Array<[species: 'N2' | 'O2' | 'CO2', T: number, cp: number, rtol: number]> = [
  ['N2', 300, 29.125, 0.0025],
  ['N2', 1000, 32.697, 0.0025],
  ['N2', 1500, 34.843, 0.0025],
  ['O2', 300, 29.385, 0.001],
  ['O2', 1000, 34.87, 0.001],
  ['O2', 1500, 36.544, 0.001],
  ['CO2', 300, 37.221, 0.001],
  ['CO2', 1000, 54.308, 0.001],
  ['CO2', 1500, 58.379, 0.001],
];

test('cp of N2, O2 and CO2 at 300, 1000 and 1500 K agrees with NIST-JANAF', () => {
  for (const [name, T, cp, rtol] of JANAF_CP) {
    const got = pureSpecies(name).cpMolar(T);
    assert.ok(Math.abs(got - cp) <= rtol * cp, `${name} cp(${T} K) = ${got}, JANAF ${cp}`);
  }
});

test('enthalpies of formation at 298.15 K agree with NIST-JANAF: CO2 and H2O to 0.02 kJ/mol, CH4 to 0.3 kJ/mol', () => {
  // JANAF (Chase 1998) ΔfH°(298.15 K): CO2 −393.522, H2O(g) −241.826, CH4 −74.873 kJ/mol. GRI-Mech 3.0 carries
  // −74.600 kJ/mol for CH4 (a newer value than JANAF's), hence the wider tolerance there.
  const cases: Array<['CO2' | 'H2O' | 'CH4', number, number]> = [
    ['CO2', -393522, 20],
    ['H2O', -241826, 20],
    ['CH4', -74873, 300],
  ];
  for (const [name, dfH, tol] of cases) {
    const got = pureSpecies(name).hMolar(298.15);
    assert.ok(Math.abs(got - dfH) <= tol, `${name} h(298.15 K) = ${got} J/mol, JANAF ${dfH}`);
  }
  // the elements in their reference states have h = 0 (to the data's rounding, 1.4 J/mol for N2)
  for (const name of ['N2', 'O2', 'H2', 'Ar'] as const) {
    assert.ok(Math.abs(pureSpecies(name).hMolar(298.15)) < 2, `${name} h(298.15 K) = ${pureSpecies(name).hMolar(298.15)}`);
  }
});

test('standard entropies: O2 and CO2 match JANAF at 1 bar, while GRI N2 and Ar sit at the old 1-atm values', () => {
  // JANAF/CODATA s°(298.15 K, 1 bar): O2 205.147, CO2 213.785, N2 191.609, Ar 154.846 J/(mol K).
  // At 1 atm the values are lower by R ln(1.01325) = 0.1094 J/(mol K). This documents the data, it is not a choice.
  const atm = R * Math.log(101325 / 1e5);
  const s = (name: 'O2' | 'CO2' | 'N2' | 'Ar') => pureSpecies(name).sMolar(298.15, 1e5);
  assert.ok(Math.abs(s('O2') - 205.147) < 0.01, `O2 ${s('O2')}`);
  assert.ok(Math.abs(s('CO2') - 213.785) < 0.01, `CO2 ${s('CO2')}`);
  assert.ok(Math.abs(s('N2') - (191.609 - atm)) < 0.02, `N2 ${s('N2')}`);
  assert.ok(Math.abs(s('Ar') - (154.846 - atm)) < 0.02, `Ar ${s('Ar')}`);
});
