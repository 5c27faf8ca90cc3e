import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mixture, pureSpecies } from './mixture.js';
import { normaliseFractions } from './composition.js';
import { DRY_AIR, EXAMPLE_NATURAL_GAS } from './compositions.js';
import { MOLAR_GAS_CONSTANT as R, STANDARD_PRESSURE } from './constants.js';
import { FluidInputError } from '../errors.js';
import type { SpeciesName } from './species.js';

const close = (a: number, b: number, rtol: number) => Math.abs(a - b) <= rtol * Math.max(Math.abs(a), Math.abs(b));

test('a mixture is the mole-fraction sum of its species, with −R Σ x ln x and −R ln(p/p0) in the entropy', () => {
  const m = mixture(EXAMPLE_NATURAL_GAS);
  const x = Object.entries(m.moleFractions) as Array<[SpeciesName, number]>;
  for (const T of [250, 298.15, 999, 1000, 1001, 2500]) {
    for (const p of [1e4, 1e5, 7e6]) {
      let cp = 0;
      let h = 0;
      let s = 0;
      for (const [name, xi] of x) {
        const pure = pureSpecies(name);
        cp += xi * pure.cpMolar(T);
        h += xi * pure.hMolar(T);
        s += xi * (pure.sMolar(T, STANDARD_PRESSURE) - R * Math.log(xi));
      }
      s -= R * Math.log(p / STANDARD_PRESSURE);
      assert.ok(close(m.cpMolar(T), cp, 1e-13), `cp at ${T} K`);
      assert.ok(Math.abs(m.hMolar(T) - h) <= 1e-13 * Math.abs(h) + 1e-9, `h at ${T} K: ${m.hMolar(T)} vs ${h}`);
      assert.ok(close(m.sMolar(T, p), s, 1e-13), `s at ${T} K, ${p} Pa: ${m.sMolar(T, p)} vs ${s}`);
    }
  }
});

test('h and s of a mixture are continuous at Tmid = 1000 K, where the two polynomial ranges meet', () => {
  for (const m of [mixture(DRY_AIR), mixture(EXAMPLE_NATURAL_GAS), pureSpecies('C3H8')]) {
    const above = 1000 + 1000 * Number.EPSILON;
    assert.ok(Math.abs(m.hMolar(above) - m.hMolar(1000)) <= 1e-9 * Math.abs(m.hMolar(1000)) + 1e-6, `h jump ${m.hMolar(above) - m.hMolar(1000)}`);
    assert.ok(Math.abs(m.sMolar(above, 1e5) - m.sMolar(1000, 1e5)) <= 1e-9, `s jump ${m.sMolar(above, 1e5) - m.sMolar(1000, 1e5)}`);
    assert.ok(Math.abs(m.cpMolar(above) - m.cpMolar(1000)) <= 2e-5 * m.cpMolar(1000), `cp jump ${m.cpMolar(above) - m.cpMolar(1000)}`);
  }
});

test('mass-basis properties are the molar ones divided by the molar mass', () => {
  const air = mixture(DRY_AIR);
  assert.ok(close(air.cpMass(500), air.cpMolar(500) / air.molarMass, 1e-14));
  assert.ok(close(air.hMass(500), air.hMolar(500) / air.molarMass, 1e-14));
  assert.ok(close(air.sMass(500, 3e5), air.sMolar(500, 3e5) / air.molarMass, 1e-14));
  assert.ok(close(air.gasConstant, R / air.molarMass, 1e-15));
});

test('dry air (Lemmon et al. 2000 composition) has their molar mass 28.9586 g/mol to 0.001 g/mol', () => {
  // the small difference comes from today's IUPAC atomic weights
  assert.ok(Math.abs(mixture(DRY_AIR).molarMass * 1000 - 28.9586) < 0.001, String(mixture(DRY_AIR).molarMass));
});

test('mass fractions and mole fractions describe the same mixture', () => {
  const byMole = mixture(EXAMPLE_NATURAL_GAS);
  const byMass = mixture({ massFractions: byMole.massFractions });
  for (const [name, x] of Object.entries(byMole.moleFractions)) {
    assert.ok(close(byMass.moleFractions[name as SpeciesName] ?? 0, x, 1e-14), name);
  }
  assert.ok(close(byMass.hMass(800), byMole.hMass(800), 1e-13));
});

test('T_hMass and T_sMass invert hMass and sMass to 1e-9 K from 200 to 3500 K, across Tmid', () => {
  const air = mixture(DRY_AIR);
  const ng = mixture(EXAMPLE_NATURAL_GAS);
  for (const m of [air, ng, pureSpecies('C3H8')]) {
    for (let T = 200; T <= 3500; T += 12.5) {
      assert.ok(Math.abs(m.T_hMass(m.hMass(T)) - T) <= 1e-9, `T_hMass at ${T} K`);
      assert.ok(Math.abs(m.T_hMolar(m.hMolar(T)) - T) <= 1e-9, `T_hMolar at ${T} K`);
      for (const p of [1e5, 5e6]) {
        assert.ok(Math.abs(m.T_sMass(m.sMass(T, p), p) - T) <= 1e-9, `T_sMass at ${T} K, ${p} Pa`);
        assert.ok(Math.abs(m.T_sMolar(m.sMolar(T, p), p) - T) <= 1e-9, `T_sMolar at ${T} K, ${p} Pa`);
      }
    }
  }
});

test('isentropic compression of air from 293.15 K and 1 bar to 10 bar ends where s is unchanged', () => {
  const air = mixture(DRY_AIR);
  const T2 = air.T_sMass(air.sMass(293.15, 1e5), 1e6);
  // constant-cp estimate T1 (p2/p1)^(R/cp) with cp at the mean temperature, good to about 1 K here
  const estimate = 293.15 * 10 ** (air.gasConstant / air.cpMass(0.5 * (293.15 + T2)));
  assert.ok(Math.abs(T2 - estimate) < 1, `${T2} vs ${estimate}`);
  assert.ok(T2 > 560 && T2 < 570, String(T2));
});

test('temperatures and pressures outside the range are errors naming the field, value and range', () => {
  const air = mixture(DRY_AIR);
  assert.throws(
    () => air.hMass(150),
    (e: unknown) => e instanceof FluidInputError && e.field === 'T' && /hMass: T = 150 K is not valid; valid: 200 K ≤ T ≤ 3500 K/.test(e.message),
  );
  assert.throws(() => air.cpMolar(3600), /T = 3600 K is not valid/);
  assert.throws(() => air.cpMass(NaN), /T = NaN is not valid/);
  assert.throws(() => air.sMass(300, 0), /sMass: p = 0 Pa is not valid; valid: a finite pressure > 0 Pa/);
  assert.throws(() => air.sMolar(300, Infinity), /p = Infinity is not valid/);
  assert.throws(() => air.T_hMass(1e9), /T_hMass: hMass = 1000000000 J\/kg is not valid; valid: .* J\/kg ≤ hMass ≤ .* J\/kg \(T from 200 K to 3500 K\)/);
  assert.throws(() => air.T_sMass(NaN, 1e5), /T_sMass: sMass = NaN is not valid/);
});

test('bad compositions are errors: unknown species, negative or non-numeric fractions, a sum off 1, both bases', () => {
  assert.throws(() => mixture({ moleFractions: { N2: 0.5, He: 0.5 } as never }), /mixture moleFractions: species = "He" is not valid; valid: one of N2, O2, Ar/);
  assert.throws(() => mixture({ moleFractions: { N2: 1.2, O2: -0.2 } }), /mixture: moleFractions.N2 = 1.2 is not valid; valid: a number from 0 to 1/);
  assert.throws(() => mixture({ moleFractions: { N2: 0.79, O2: 0.2 } }), /mixture: sum of moleFractions = 0.99 is not valid; valid: 1 within 1e-9 \(normaliseFractions\(...\) rescales explicitly\)/);
  assert.throws(() => mixture({ massFractions: { N2: NaN } }), /massFractions.N2 = NaN/);
  assert.throws(() => mixture({ moleFractions: { N2: 1 }, massFractions: { N2: 1 } } as never), /exactly one of moleFractions or massFractions/);
  const fixed = mixture({ moleFractions: normaliseFractions({ N2: 0.79, O2: 0.2 }) });
  assert.ok(close(fixed.moleFractions.N2 ?? 0, 0.79 / 0.99, 1e-15));
  assert.throws(() => normaliseFractions({ N2: -1, O2: 2 }), /fractions.N2 = -1 is not valid; valid: a finite number ≥ 0/);
});

test('a sum within 1e-9 of one is accepted as given', () => {
  const m = mixture({ moleFractions: { N2: 0.7812, O2: 0.2096, Ar: 0.0092 + 5e-10 } });
  assert.ok(close(m.moleFractions.Ar ?? 0, 0.0092, 1e-7));
});
