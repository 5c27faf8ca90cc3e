/**
 * Generates the saturation "superancillaries" of the pure fluids: piecewise Chebyshev expansions of our own
 * phase-equilibrium (Maxwell) solution, written to src/fluids/data/<fluid>.saturation.ts.
 *
 *   npm run gen:saturation
 *
 * Variables: x = √(Tc − T) for ρ'(x), ρ''(x), ln p(x) (smooth to the critical point for an EOS with a classical
 * critical exponent β = 1/2); z = √(ln(pc/p)) for x(z), which gives T(p). Each curve is fitted on [0, x_max] with
 * degree-16 expansions, halving an interval until the expansion agrees with the full solve at the midpoints between
 * its nodes (relative 1e-13 away from the critical point). At x = 0 the values are those of the EOS's critical point.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as DATA from '../src/fluids/data/index.js';
import type { FluidData } from '../src/fluids/eos/types.js';
import { HelmholtzEOS } from '../src/fluids/eos/helmholtz.js';
import { MolarProperties, evaluateProperties } from '../src/fluids/eos/properties.js';
import { solveCriticalPoint } from '../src/fluids/pure/critical.js';
import { maxwellSaturation, maxwellSaturationExtended } from '../src/fluids/pure/maxwell.js';
import { evaluateAncillary } from '../src/fluids/pure/ancillary.js';
import { evaluatePiecewise, type PiecewiseChebyshev, type SuperancillaryData } from '../src/fluids/pure/superancillary.js';
import { chebEval, chebFit, lobattoNodes } from '../src/numerics/chebyshev.js';
import { brent } from '../src/numerics/roots.js';

const root = new URL('..', import.meta.url).pathname;
const DEGREE = 16;
const TOLERANCE = 1e-13;
// the interval touching x = 0 has a node at 0.0096·width: keep T_c − T there ≥ 1e-9 K, where the extended solve still works
const MIN_WIDTH = 4e-3;

interface SatPoint {
  x: number;
  rhoL: number;
  rhoV: number;
  p: number;
}

/** Saturated-phase enthalpies and entropies (molar, the EOS's default reference state). */
function caloric(eos: HelmholtzEOS, T: number, s: SatPoint) {
  const l = evaluateProperties(eos, T, s.rhoL, new MolarProperties());
  const v = evaluateProperties(eos, T, s.rhoV, new MolarProperties());
  return { hL: l.hMolar, hV: v.hMolar, sL: l.sMolar, sV: v.sMolar };
}

function build(module: string, data: FluidData): SuperancillaryData {
  const eos = new HelmholtzEOS(data);
  const crit = solveCriticalPoint(eos);
  if (!crit.ok) throw new Error(`${data.name}: critical point: ${crit.reason}`);
  const { T: Tc, p: pc, rhoMolar: rhoc } = crit.value;
  const xmax = Math.sqrt(Tc - data.Ttriple);

  // A march from the triple point towards the critical point gives good starting values everywhere.
  const solved: SatPoint[] = [];
  const solveAt = (x: number, guessL: number, guessV: number): SatPoint => {
    const T = Tc - x * x;
    // within ~20 K of Tc the phases are alike enough that double precision loses digits (1e-13 and worse):
    // use double-double residuals there
    const s = x < 4.5 ? maxwellSaturationExtended(eos, T, guessL, guessV) : maxwellSaturation(eos, T, guessL, guessV);
    if (!s.ok) throw new Error(`${data.name}: saturation at T = ${T} K: ${s.reason}`);
    return { x, ...s.value };
  };
  let prev = solveAt(xmax, evaluateAncillary(data.ancillaries.rhoL, data.Ttriple), evaluateAncillary(data.ancillaries.rhoV, data.Ttriple));
  solved.push(prev);
  let prev2: SatPoint | undefined;
  for (let x = xmax * 0.98; x > 3e-5; x *= x > 0.05 * xmax ? 0.98 : 0.8) {
    let gl: number;
    let gv: number;
    if (prev2) {
      const w = (x - prev.x) / (prev.x - prev2.x);
      // extrapolate the distance from the critical density (it scales like a power of x near Tc)
      const rl = Math.log(prev.rhoL - rhoc) + (w * (Math.log(prev.rhoL - rhoc) - Math.log(prev2.rhoL - rhoc)));
      const rv = Math.log(rhoc - prev.rhoV) + (w * (Math.log(rhoc - prev.rhoV) - Math.log(rhoc - prev2.rhoV)));
      gl = rhoc + Math.exp(rl);
      gv = rhoc - Math.exp(rv);
    } else {
      gl = prev.rhoL;
      gv = prev.rhoV;
    }
    const next = solveAt(x, gl, gv);
    solved.push(next);
    prev2 = prev;
    prev = next;
  }
  solved.sort((a, b) => a.x - b.x);

  const cache = new Map<number, SatPoint>();
  const sat = (x: number): SatPoint => {
    if (x === 0) return { x: 0, rhoL: rhoc, rhoV: rhoc, p: pc };
    const hit = cache.get(x);
    if (hit) return hit;
    // starting values: linear interpolation between the marched solutions that bracket x
    let i = solved.findIndex((s) => s.x >= x);
    if (i <= 0) i = Math.max(1, i < 0 ? solved.length - 1 : 1);
    const a = solved[i - 1];
    const b = solved[i];
    const w = (Math.log(x) - Math.log(a.x)) / (Math.log(b.x) - Math.log(a.x));
    const gl = rhoc + Math.exp(Math.log(a.rhoL - rhoc) + w * (Math.log(b.rhoL - rhoc) - Math.log(a.rhoL - rhoc)));
    const gv = rhoc - Math.exp(Math.log(rhoc - a.rhoV) + w * (Math.log(rhoc - b.rhoV) - Math.log(rhoc - a.rhoV)));
    const s = solveAt(x, gl, gv);
    cache.set(x, s);
    return s;
  };

  const errors = { rhoL: 0, rhoV: 0, p: 0, T: 0, hL: 0, hV: 0, sL: 0, sV: 0 };
  const fit = (f: (x: number) => number, lo: number, hi: number, scale: (v: number) => number, key: keyof typeof errors): PiecewiseChebyshev => {
    const breaks: number[] = [lo];
    const coef: number[] = [];
    const recurse = (a: number, b: number): void => {
      const nodes = lobattoNodes(a, b, DEGREE);
      const c = chebFit(Array.from(nodes, f));
      let worst = 0;
      for (let k = 0; k < DEGREE; k++) {
        const xm = 0.5 * (nodes[k] + nodes[k + 1]);
        const exact = f(xm);
        const approx = chebEval(c, 0, c.length, a, b, xm);
        worst = Math.max(worst, Math.abs(approx - exact) / scale(exact));
      }
      if (worst > TOLERANCE && b - a > MIN_WIDTH) {
        const m = 0.5 * (a + b);
        recurse(a, m);
        recurse(m, b);
      } else {
        errors[key] = Math.max(errors[key], worst);
        breaks.push(b);
        coef.push(...c);
      }
    };
    recurse(lo, hi);
    return { degree: DEGREE, breaks, coef };
  };

  const rhoL = fit((x) => sat(x).rhoL, 0, xmax, Math.abs, 'rhoL');
  const rhoV = fit((x) => sat(x).rhoV, 0, xmax, Math.abs, 'rhoV');
  // ln p: measure the error in p (relative), i.e. absolute in ln p
  const lnp = fit((x) => Math.log(sat(x).p), 0, xmax, () => 1, 'p');
  // saturated enthalpies and entropies, errors relative to R·Tc and R (they cross zero)
  const cal = (x: number) => caloric(eos, Tc - x * x, sat(x));
  const hScale = () => eos.R * Tc;
  const sScale = () => eos.R;
  const hL = fit((x) => cal(x).hL, 0, xmax, hScale, 'hL');
  const hV = fit((x) => cal(x).hV, 0, xmax, hScale, 'hV');
  const sL = fit((x) => cal(x).sL, 0, xmax, sScale, 'sL');
  const sV = fit((x) => cal(x).sV, 0, xmax, sScale, 'sV');
  const pmin = Math.exp(evaluatePiecewise(lnp, xmax));
  const zmax = Math.sqrt(Math.log(pc / pmin));
  // x(z): invert the ln p expansion (monotonic in x) at p = pc exp(−z²); error measured in T, relative to T
  const xOfZ = fit(
    (z) => {
      if (z === 0) return 0;
      const target = Math.log(pc) - z * z;
      // the triple-point end: pmin was computed from this very expansion, so only round-off separates them
      if (Math.abs(evaluatePiecewise(lnp, xmax) - target) < 1e-13) return xmax;
      const r = brent((x) => evaluatePiecewise(lnp, x) - target, 0, xmax, { rtol: 1e-16 });
      if (!r.ok) throw new Error(`${data.name}: inverting ln p: ${r.reason}`);
      return r.value;
    },
    0,
    zmax,
    () => 1,
    'T',
  );
  console.log(
    `${data.name}: Tc = ${Tc} K, pc = ${pc} Pa; intervals rhoL ${rhoL.breaks.length - 1}, rhoV ${rhoV.breaks.length - 1}, lnp ${lnp.breaks.length - 1}, x(z) ${xOfZ.breaks.length - 1}, hL ${hL.breaks.length - 1}, hV ${hV.breaks.length - 1}; max rel. error ${JSON.stringify(errors)}`,
  );
  return { Tc, pc, rhocMolar: rhoc, Tmin: data.Ttriple, pmin, rhoL, rhoV, lnp, xOfZ, hL, hV, sL, sV, maxRelativeError: errors };
}

const FLUIDS: [string, FluidData][] = [
  ['co2', DATA.CO2],
  ['water', DATA.WATER],
  ['nitrogen', DATA.NITROGEN],
  ['oxygen', DATA.OXYGEN],
  ['argon', DATA.ARGON],
  ['methane', DATA.METHANE],
];

const only = process.argv.slice(2);
for (const [module, data] of FLUIDS) {
  if (only.length && !only.includes(module)) continue;
  const sa = build(module, data);
  const name = `${module.toUpperCase()}_SATURATION`;
  const text = `// Generated by scripts/gen-superancillaries.ts from this project's own phase-equilibrium solution of the
// ${data.name} equation of state. Do not edit by hand: run \`npm run gen:saturation\`.
import type { SuperancillaryData } from '../pure/superancillary.js';

export const ${name}: SuperancillaryData = ${JSON.stringify(sa)};
`;
  writeFileSync(join(root, 'src', 'fluids', 'data', `${module}.saturation.ts`), text);
}
