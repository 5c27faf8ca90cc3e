import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileFit, derivativeCoeffs, evalFit, integralCoeffs } from './fit.js';

// Hand calculations of CoolProp's fit forms (IncompressibleFluid.cpp): polynomials in T − Tbase,
// exponential forms in T.
test('a polynomial fit is evaluated in T − Tbase', () => {
  const f = compileFit({ type: 'polynomial', coeffs: [1, 2, 3], nrms: null }, 300);
  assert.equal(evalFit(f, 302), 1 + 2 * 2 + 3 * 4);
});

test('an exp-polynomial fit is exp of the polynomial in T − Tbase', () => {
  const f = compileFit({ type: 'exppolynomial', coeffs: [-1, 0.5], nrms: null }, 300);
  assert.equal(evalFit(f, 304), Math.exp(-1 + 0.5 * 4));
});

test('an exponential fit is exp(c0 / (T + c1) − c2) with T in kelvin, not shifted', () => {
  const f = compileFit({ type: 'exponential', coeffs: [1000, -100, 10], nrms: null }, 477.65);
  assert.equal(evalFit(f, 400), Math.exp(1000 / 300 - 10));
});

test('a log-exponential fit is exp(c1 ln(1/(T + c0) + 1/(T + c0)²) + c2)', () => {
  const f = compileFit({ type: 'logexponential', coeffs: [-300, -4, -12], nrms: null }, 0);
  const r = 1 / (500 - 300);
  assert.ok(Math.abs(evalFit(f, 500) - Math.exp(-4 * Math.log(r + r * r) - 12)) < 1e-15 * evalFit(f, 500));
});

test('derivative and integral coefficients differentiate and integrate term by term', () => {
  assert.deepEqual(Array.from(derivativeCoeffs([5, 2, 3])), [2, 6]);
  assert.deepEqual(Array.from(integralCoeffs([6, 2, 3])), [0, 6, 1, 1]);
});
