/**
 * Properties evaluated without s and g (the (T, ρ) Newton's steps) and completed afterwards are exactly those of a
 * full evaluation: the Newton's converged states must not depend on how they were reached.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluid, FLUID_NAMES } from '../index.js';
import { MolarProperties, completeEntropy, evaluateProperties } from './properties.js';

for (const name of FLUID_NAMES) {
  test(`${name}: s, g and the fugacity coefficient completed after an evaluation without them equal a full evaluation's, bit for bit`, () => {
    const f = fluid(name);
    const eos = f.engine.eos;
    const full = new MolarProperties();
    const part = new MolarProperties();
    const other = new MolarProperties();
    let n = 0;
    for (let i = 0; i < 60; i++) {
      // gas to dense liquid, T_triple..T_max (not all are states; the EOS is defined there all the same)
      const T = f.Tmin + ((i * 37) % 60) / 60 * (Math.min(f.Tmax, 3 * f.critical.T) - f.Tmin);
      const rho = f.critical.rho / eos.M * Math.exp(-6 + ((i * 23) % 60) / 60 * 7.5);
      evaluateProperties(eos, T, rho, full);
      evaluateProperties(eos, T, rho, part, false, false);
      assert.ok(Number.isNaN(part.sMolar) && Number.isNaN(part.gMolar), 'left out');
      assert.deepEqual([part.p, part.hMolar, part.uMolar, part.cpMolar], [full.p, full.hMolar, full.uMolar, full.cpMolar]);
      // every other time another temperature is evaluated in between (the ideal part's kept sums are then stale)
      if (i % 2 === 1) evaluateProperties(eos, T * 1.01, rho, other);
      completeEntropy(eos, part);
      assert.deepEqual([part.sMolar, part.gMolar, part.lnFugacityCoefficient], [full.sMolar, full.gMolar, full.lnFugacityCoefficient], `${name} at ${T} K, ${rho} mol/m3`);
      n++;
    }
    assert.equal(n, 60);
  });
}
