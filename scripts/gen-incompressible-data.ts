/**
 * Generates the typed thermal-store liquid modules under src/fluids/incompressible/data/ from CoolProp's
 * incompressible-liquid files in ../shared/data/incompressible/*.json (CoolProp dev/incompressible_liquids,
 * MIT licence).
 *
 *   npx tsx scripts/gen-incompressible-data.ts     (writes src/fluids/incompressible/data/*.ts)
 *
 * Only pure fluids (one coefficient column) and the fit types CoolProp's evaluator handles for T alone are
 * accepted; anything else stops the script rather than being guessed at. The project never reads ../shared at
 * run time; this script is how the coefficients enter it.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FitFunction, IncompressibleLiquidData, PolynomialFit } from '../src/fluids/incompressible/types.js';

const root = new URL('..', import.meta.url).pathname;
const sourceDir = join(root, '..', 'shared', 'data', 'incompressible');
const outDir = join(root, 'src', 'fluids', 'incompressible', 'data');

interface Spec {
  file: string;
  module: string;
  constant: string;
  name: string;
  /** CoolProp's files carry a BibTeX key only; the full references are written here. */
  reference: string;
  /**
   * A lower limit the correlation's own source states, where CoolProp's file keeps a narrower one (the same
   * coefficients, used down to where their publication says they hold). K
   */
  Tmin?: { value: number; basis: string };
}

const SPECS: Spec[] = [
  {
    file: 'NaK.json',
    module: 'nak',
    constant: 'SOLAR_SALT_DATA',
    name: 'Solar salt (60 % NaNO3, 40 % KNO3)',
    reference:
      'A. B. Zavoico, Solar Power Tower Design Basis Document, Revision 0, Sandia National Laboratories, SAND2001-2100 (2001) (CoolProp key Zavoico2001)',
    // CoolProp's fit keeps 300–600 degC; Zavoico states the same linear correlations (ρ = 2090 − 0.636 t,
    // cp = 1443 + 0.172 t, t in degC) for 260–621 degC, the salt starting to freeze at 238 degC: real plants keep
    // their cold salt at 260–290 degC
    Tmin: { value: 273.15 + 260, basis: 'the lower limit Zavoico (2001) states for these correlations (260 degC; CoolProp keeps 300 degC)' },
  },
  {
    file: 'T66.json',
    module: 't66',
    constant: 'THERMINOL_66_DATA',
    name: 'Therminol 66',
    reference: 'Therminol 66 heat transfer fluid technical bulletin, Solutia/Eastman (CoolProp key Therminol2014)',
  },
  {
    file: 'TVP1.json',
    module: 'tvp1',
    constant: 'THERMINOL_VP1_DATA',
    name: 'Therminol VP-1',
    reference: 'Therminol VP-1 heat transfer fluid technical bulletin, Solutia/Eastman (CoolProp key Therminol2014)',
  },
  {
    file: 'DowQ.json',
    module: 'dowq',
    constant: 'DOWTHERM_Q_DATA',
    name: 'Dowtherm Q',
    reference: 'DOWTHERM Q heat transfer fluid product technical data, The Dow Chemical Company (CoolProp key Dow1997)',
  },
];

type Json = Record<string, any>;

/** CoolProp stores 1-D coefficients as a column [[c0], [c1], …] (pure fluid) or, for the exponential forms, a flat list. */
function column(coeffs: unknown, where: string): number[] {
  if (!Array.isArray(coeffs)) throw new Error(`${where}: coefficients are not a list`);
  return coeffs.map((row, i) => {
    const v = Array.isArray(row) ? (row.length === 1 ? row[0] : NaN) : row;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${where}: coefficient ${i} is not a number in a one-column (pure-fluid) fit`);
    return v;
  });
}

function fit(f: Json, where: string): FitFunction | null {
  const nrms = typeof f.NRMS === 'number' ? f.NRMS : null;
  switch (f.type) {
    case 'notdefined':
      return null;
    case 'polynomial':
    case 'exppolynomial':
      return { type: f.type, coeffs: column(f.coeffs, where), nrms };
    case 'exponential':
    case 'logexponential': {
      const c = column(f.coeffs, where);
      if (c.length !== 3) throw new Error(`${where}: ${f.type} needs 3 coefficients, got ${c.length}`);
      return { type: f.type, coeffs: [c[0], c[1], c[2]], nrms };
    }
    default:
      throw new Error(`${where}: unsupported fit type ${JSON.stringify(f.type)}`);
  }
}

function required(f: Json, where: string): FitFunction {
  const r = fit(f, where);
  if (!r) throw new Error(`${where}: required fit is not defined`);
  return r;
}

function polynomial(f: Json, where: string): PolynomialFit {
  const r = required(f, where);
  // h and s are integrals of cp, and the pressure terms of h and s need dρ/dT: both only for polynomials.
  if (r.type !== 'polynomial') throw new Error(`${where}: must be a polynomial, got ${r.type}`);
  return r;
}

function convert(spec: Spec): IncompressibleLiquidData {
  const json = JSON.parse(readFileSync(join(sourceDir, spec.file), 'utf8')) as Json;
  if (json.xid !== 'pure') throw new Error(`${spec.file}: only pure fluids are supported, xid = ${json.xid}`);
  const where = (field: string) => `${spec.file} ${field}`;
  return {
    id: json.name,
    name: spec.name,
    description: json.description,
    reference: spec.reference,
    source: `CoolProp dev/incompressible_liquids (MIT licence), ${spec.file}${spec.Tmin ? `; Tmin ${spec.Tmin.value} K: ${spec.Tmin.basis}` : ''}`,
    Tmin: spec.Tmin?.value ?? json.Tmin,
    Tmax: json.Tmax,
    Tbase: json.Tbase,
    TminPsat: json.TminPsat,
    density: polynomial(json.density, where('density')),
    specificHeat: polynomial(json.specific_heat, where('specific_heat')),
    viscosity: required(json.viscosity, where('viscosity')),
    conductivity: required(json.conductivity, where('conductivity')),
    saturationPressure: fit(json.saturation_pressure, where('saturation_pressure')),
  };
}

function moduleText(spec: Spec, data: IncompressibleLiquidData): string {
  return `// Generated by scripts/gen-incompressible-data.ts from ../shared/data/incompressible/${spec.file}
// (CoolProp dev/incompressible_liquids, MIT licence). Do not edit by hand: change the script and run
// \`npx tsx scripts/gen-incompressible-data.ts\`.
//
// ${data.name}: ${data.reference}.
// Valid: ${data.Tmin} K to ${data.Tmax} K (liquid; the pressure must not be below the saturation pressure).
import type { IncompressibleLiquidData } from '../types.js';

export const ${spec.constant}: IncompressibleLiquidData = ${JSON.stringify(data, null, 2)};
`;
}

mkdirSync(outDir, { recursive: true });
for (const spec of SPECS) {
  const data = convert(spec);
  writeFileSync(join(outDir, `${spec.module}.ts`), moduleText(spec, data));
  console.log(`wrote src/fluids/incompressible/data/${spec.module}.ts (${data.id}, ${data.Tmin}-${data.Tmax} K)`);
}
const index = `// Generated by scripts/gen-incompressible-data.ts. Do not edit by hand.
${SPECS.map((s) => `export { ${s.constant} } from './${s.module}.js';`).join('\n')}
`;
writeFileSync(join(outDir, 'index.ts'), index);
