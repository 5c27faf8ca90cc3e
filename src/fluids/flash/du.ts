import type { FluidState } from '../state.js';
import type { PureFluid } from '../pure/pure-fluid.js';
import { SaturationPoint } from '../pure/saturation.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';
import { singlePhaseLabel, singlePhaseState, twoPhaseState } from './build.js';
import { brent } from '../../numerics/roots.js';
import { checkDensity } from './validate.js';
import { FluidInputError, FluidSolveError, requireFinite } from '../errors.js';

const sat = new SaturationPoint();
const m = new MolarProperties();
const mL = new MolarProperties();
const mV = new MolarProperties();

/**
 * (ρ, u) flash — the state of a closed tank or cavern from its mass, volume and internal energy. ρ in kg/m³,
 * u in J/kg. At fixed ρ, u rises with T (c_v > 0), in one phase and in two, so:
 *  - if ρ lies between the saturated densities at the triple point, find the temperature T_b where the saturation
 *    boundary passes through ρ (ρ'(T_b) = ρ on the liquid side, ρ''(T_b) = ρ on the vapour side); below
 *    u(T_b, ρ) the state is two-phase at the T where the lever-rule u equals u, above it single-phase;
 *  - otherwise single-phase: Newton on T with du/dT = c_v inside a bracket.
 */
export function flashDU(fluid: PureFluid, rho: number, u: number): FluidState {
  const what = '(rho, u) flash';
  const subject = `${fluid.name} ${what}`;
  checkDensity(fluid, rho, what);
  requireFinite(subject, 'u', u, 'J/kg');
  const eos = fluid.eos;
  const M = eos.M;
  const rhoMolar = rho / M;
  const target = u * M;
  const satCurve = fluid.saturation;
  let Tlo = fluid.Tmin;

  if (!fluid.pseudoPure) {
    satCurve.atT(satCurve.Tmin, sat);
    const rhoLt = sat.rhoL;
    const rhoVt = sat.rhoV;
    if (rhoMolar < rhoLt && rhoMolar > rhoVt) {
      const liquidSide = rhoMolar >= fluid.critical.rhoMolar;
      const rb = brent(
        (T) => {
          satCurve.atT(T, sat);
          return liquidSide ? sat.rhoL - rhoMolar : sat.rhoV - rhoMolar;
        },
        satCurve.Tmin,
        satCurve.Tmax,
        { rtol: 1e-15 },
      );
      if (!rb.ok) throw new FluidSolveError(subject, { rho, u }, `saturation boundary at this density: ${rb.reason}`);
      const Tb = rb.value;
      const ub = evaluateProperties(eos, Tb, rhoMolar, m).uMolar;
      const band = 1e-11 * (Math.abs(ub) + eos.R * fluid.critical.T);
      if (target < ub - band) {
        const two = (T: number) => {
          satCurve.atT(T, sat);
          const uL = evaluateProperties(eos, T, sat.rhoL, mL).uMolar;
          const uV = evaluateProperties(eos, T, sat.rhoV, mV).uMolar;
          const Q = (1 / rhoMolar - 1 / sat.rhoL) / (1 / sat.rhoV - 1 / sat.rhoL);
          return uL + Q * (uV - uL) - target;
        };
        const low = two(satCurve.Tmin);
        if (low > 0) {
          throw new FluidInputError(subject, 'u', u, `u ≥ ${(low + target) / M} J/kg at rho = ${rho} kg/m3 (the triple-point two-phase value; below it the fluid freezes)`, 'J/kg');
        }
        // the lever-rule u at T_b equals u(T_b, ρ) only to round-off
        const r = two(Tb) <= 0 ? { ok: true as const, value: Tb } : brent(two, satCurve.Tmin, Tb, { rtol: 1e-15 });
        if (!r.ok) throw new FluidSolveError(subject, { rho, u }, `two-phase temperature: ${r.reason}`);
        satCurve.atT(r.value, sat);
        const Q = (1 / rhoMolar - 1 / sat.rhoL) / (1 / sat.rhoV - 1 / sat.rhoL);
        return twoPhaseState(fluid, r.value, Q, sat.rhoL, sat.rhoV, sat.pL);
      }
      Tlo = Tb;
    }
  }

  // single phase: Newton on T with du/dT|ρ = c_v, bracketed in [Tlo, Tmax]
  let Thi = fluid.Tmax;
  const uHi = evaluateProperties(eos, Thi, rhoMolar, m).uMolar;
  const tol = 1e-12 * (Math.abs(uHi) + eos.R * fluid.critical.T);
  if (target > uHi + tol) throw new FluidInputError(subject, 'u', u, `u ≤ ${uHi / M} J/kg at rho = ${rho} kg/m3 (its value at Tmax = ${Thi} K)`, 'J/kg');
  const uLo = evaluateProperties(eos, Tlo, rhoMolar, m).uMolar;
  if (target < uLo - tol) throw new FluidInputError(subject, 'u', u, `u ≥ ${uLo / M} J/kg at rho = ${rho} kg/m3 (its value at ${Tlo} K)`, 'J/kg');
  if (target <= uLo) return finishSingle(fluid, Tlo, rhoMolar, evaluateProperties(eos, Tlo, rhoMolar, m).p, subject);
  if (target >= uHi) return finishSingle(fluid, Thi, rhoMolar, evaluateProperties(eos, Thi, rhoMolar, m).p, subject);
  let T = Tlo + ((target - uLo) / (uHi - uLo)) * (Thi - Tlo);
  for (let it = 1; it <= 100; it++) {
    evaluateProperties(eos, T, rhoMolar, m);
    const f = m.uMolar - target;
    if (f < 0) Tlo = T;
    else Thi = T;
    const newton = f / m.cvMolar;
    if (Math.abs(newton) <= 1e-13 * T || f === 0) {
      return finishSingle(fluid, T, rhoMolar, m.p, subject);
    }
    let next = T - newton;
    if (!(next > Tlo && next < Thi)) next = 0.5 * (Tlo + Thi);
    T = next;
  }
  throw new FluidSolveError(subject, { rho, u }, `temperature iteration did not converge (bracket [${Tlo}, ${Thi}] K)`);
}

function finishSingle(fluid: PureFluid, T: number, rhoMolar: number, p: number, subject: string): FluidState {
  if (!(p > 0 && p <= fluid.pmax * (1 + 1e-12))) {
    throw new FluidInputError(subject, 'rho', rhoMolar * fluid.eos.M, `a state with 0 < p ≤ ${fluid.pmax} Pa (this one has p = ${p} Pa at T = ${T} K)`, 'kg/m3');
  }
  let liquidLike = rhoMolar >= fluid.critical.rhoMolar;
  if (T < fluid.critical.T && T < fluid.saturation.Tmax) {
    fluid.saturation.atT(T, sat);
    if (fluid.pseudoPure && rhoMolar < sat.rhoL && rhoMolar > sat.rhoV) {
      throw new FluidInputError(subject, 'rho', rhoMolar * fluid.eos.M, `a density outside the two-phase band [${sat.rhoV * fluid.eos.M}, ${sat.rhoL * fluid.eos.M}] kg/m3 at T = ${T} K, which the pseudo-pure model does not describe`, 'kg/m3');
    }
    liquidLike = rhoMolar >= sat.rhoL;
  }
  return singlePhaseState(fluid, T, rhoMolar, singlePhaseLabel(fluid, T, p, liquidLike));
}
