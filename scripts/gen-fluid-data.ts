/**
 * Generates the typed equation-of-state modules under src/fluids/data/ from the published coefficients in
 * ../shared/data/fluids/*.json (CoolProp's dev/fluids files, MIT licence, commit ea27c639).
 *
 *   npm run gen:fluids            (writes src/fluids/data/*.ts)
 *
 * The project never reads ../shared at run time; this script is how the coefficients enter it.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Ancillary, FluidData, IdealTerm, MeltingLinePart, ResidualTerm } from '../src/fluids/eos/types.js';

const root = new URL('..', import.meta.url).pathname;
const sourceDir = join(root, '..', 'shared', 'data', 'fluids');
const outDir = join(root, 'src', 'fluids', 'data');

interface Spec {
  file: string;
  name: string;
  module: string;
  eos: string;
  eosDoi: string;
  idealGas?: string;
  validity: string;
  referenceState: string;
}

// Citations and validity statements from the EOS papers (the JSON files carry BibTeX keys only).
const SPECS: Spec[] = [
  {
    file: 'CarbonDioxide.json',
    name: 'CO2',
    module: 'co2',
    eos: 'R. Span, W. Wagner, A new equation of state for carbon dioxide covering the fluid region from the triple-point temperature to 1100 K at pressures up to 800 MPa, J. Phys. Chem. Ref. Data 25 (1996) 1509-1596',
    eosDoi: '10.1063/1.555991',
    validity: '216.592 K (triple point) to 1100 K, up to 800 MPa; reasonable extrapolation to 2000 K',
    referenceState: 'IIR: h = 200 kJ/kg, s = 1 kJ/(kg K) for the saturated liquid at 0 degC (CoolProp default)',
  },
  {
    file: 'Air.json',
    name: 'Air',
    module: 'air',
    eos: 'E. W. Lemmon, R. T. Jacobsen, S. G. Penoncello, D. G. Friend, Thermodynamic properties of air and mixtures of nitrogen, argon, and oxygen from 60 to 2000 K at pressures to 2000 MPa, J. Phys. Chem. Ref. Data 29 (2000) 331-385 (pseudo-pure air)',
    eosDoi: '10.1063/1.1285884',
    validity: '59.75 K to 2000 K, up to 2000 MPa',
    referenceState: 'h = 0, s = 0 for the bubble-point liquid at 101325 Pa (CoolProp default, NBP-like)',
  },
  {
    file: 'Water.json',
    name: 'Water',
    module: 'water',
    eos: 'W. Wagner, A. Pruss, The IAPWS formulation 1995 for the thermodynamic properties of ordinary water substance for general and scientific use, J. Phys. Chem. Ref. Data 31 (2002) 387-535',
    eosDoi: '10.1063/1.1461829',
    validity: '273.16 K to 1273 K, up to 1000 MPa (bounded by the melting line)',
    referenceState: 'IAPWS-95: u = 0, s = 0 for the saturated liquid at the triple point',
  },
  {
    file: 'Nitrogen.json',
    name: 'Nitrogen',
    module: 'nitrogen',
    eos: 'R. Span, E. W. Lemmon, R. T. Jacobsen, W. Wagner, A. Yokozeki, A reference equation of state for the thermodynamic properties of nitrogen for temperatures from 63.151 to 1000 K and pressures to 2200 MPa, J. Phys. Chem. Ref. Data 29 (2000) 1361-1433',
    eosDoi: '10.1063/1.1349047',
    validity: '63.151 K to 1000 K, up to 2200 MPa',
    referenceState: 'the EOS paper\'s own reference (h = -122018 J/kg for the saturated liquid at 1 atm)',
  },
  {
    file: 'Oxygen.json',
    name: 'Oxygen',
    module: 'oxygen',
    eos: 'R. Schmidt, W. Wagner, A new form of the equation of state for pure substances and its application to oxygen, Fluid Phase Equilib. 19 (1985) 175-200',
    eosDoi: '10.1016/0378-3812(85)85053-7',
    idealGas: 'R. B. Stewart, R. T. Jacobsen, W. Wagner, Thermodynamic properties of oxygen from the triple point to 300 K with pressures to 80 MPa, J. Phys. Chem. Ref. Data 20 (1991) 917-1021, doi:10.1063/1.555897',
    validity: '54.361 K to 300 K, up to 80 MPa (CoolProp extrapolates to 2000 K)',
    referenceState: 'CoolProp default offset ("CUSTOM")',
  },
  {
    file: 'Argon.json',
    name: 'Argon',
    module: 'argon',
    eos: 'Ch. Tegeler, R. Span, W. Wagner, A new equation of state for argon covering the fluid region for temperatures from the melting line to 700 K at pressures up to 1000 MPa, J. Phys. Chem. Ref. Data 28 (1999) 779-850',
    eosDoi: '10.1063/1.556037',
    validity: '83.806 K to 700 K, up to 1000 MPa (CoolProp extrapolates to 2000 K)',
    referenceState: 'CoolProp default offset ("OTH")',
  },
  {
    file: 'Methane.json',
    name: 'Methane',
    module: 'methane',
    eos: 'U. Setzmann, W. Wagner, A new equation of state and tables of thermodynamic properties for methane covering the range from the melting line to 625 K at pressures up to 1000 MPa, J. Phys. Chem. Ref. Data 20 (1991) 1061-1155',
    eosDoi: '10.1063/1.555898',
    validity: '90.6941 K to 625 K, up to 1000 MPa',
    referenceState: 'NBP: h = 0, s = 0 for the saturated liquid at 1 atm (CoolProp default)',
  },
];

type Json = Record<string, any>;

function idealTerm(t: Json): IdealTerm[] {
  switch (t.type) {
    case 'IdealGasHelmholtzLead':
      return [{ type: 'lead', a1: t.a1, a2: t.a2 }];
    case 'IdealGasHelmholtzEnthalpyEntropyOffset':
      return [{ type: 'offset', a1: t.a1, a2: t.a2, reference: t.reference }];
    case 'IdealGasHelmholtzLogTau':
      return [{ type: 'logTau', a: t.a }];
    case 'IdealGasHelmholtzPower':
      return [{ type: 'power', n: t.n, t: t.t }];
    case 'IdealGasHelmholtzPlanckEinstein':
      // n ln(1 − exp(−t τ)) = n ln(c + d exp(θ τ)) with c = 1, d = −1, θ = −t
      return [{ type: 'planckEinstein', n: t.n, theta: t.t.map((x: number) => -x), c: t.n.map(() => 1), d: t.n.map(() => -1) }];
    case 'IdealGasHelmholtzPlanckEinsteinFunctionT':
      // characteristic temperatures v_i in K: t_i = v_i / Tcrit with τ = T_r / T
      return [
        {
          type: 'planckEinstein',
          n: t.n,
          theta: t.v.map((v: number) => -v / t.Tcrit),
          c: t.n.map(() => 1),
          d: t.n.map(() => -1),
        },
      ];
    case 'IdealGasHelmholtzPlanckEinsteinGeneralized':
      return [{ type: 'planckEinstein', n: t.n, theta: t.t, c: t.c, d: t.d }];
    default:
      throw new Error(`unsupported ideal-gas term ${t.type}`);
  }
}

function residualTerm(t: Json): ResidualTerm {
  switch (t.type) {
    case 'ResidualHelmholtzPower':
      return { type: 'power', n: t.n, d: t.d, t: t.t, l: t.l };
    case 'ResidualHelmholtzGaussian':
      return { type: 'gaussian', n: t.n, d: t.d, t: t.t, eta: t.eta, epsilon: t.epsilon, beta: t.beta, gamma: t.gamma };
    case 'ResidualHelmholtzNonAnalytic':
      return { type: 'nonAnalytic', n: t.n, a: t.a, b: t.b, beta: t.beta, A: t.A, B: t.B, C: t.C, D: t.D };
    default:
      throw new Error(`unsupported residual term ${t.type}`);
  }
}

function ancillary(a: Json): Ancillary {
  if (!['pL', 'pV', 'rhoLnoexp', 'rhoV'].includes(a.type)) throw new Error(`unsupported ancillary ${a.type}`);
  return {
    type: a.type,
    n: a.n,
    t: a.t,
    Tr: a.T_r,
    reducingValue: a.reducing_value,
    usingTauR: a.using_tau_r,
    Tmin: a.Tmin,
    Tmax: a.Tmax,
  };
}

function meltingLine(m: Json): MeltingLinePart[] {
  const type = { polynomial_in_Tr: 'polynomialInTr', polynomial_in_Theta: 'polynomialInTheta', Simon: 'simon' }[m.type as string];
  if (!type) throw new Error(`unsupported melting line ${m.type}`);
  return m.parts.map((p: Json) => ({
    type,
    a: Array.isArray(p.a) ? p.a : [p.a],
    t: Array.isArray(p.t) ? p.t : p.c !== undefined ? [p.c] : [],
    T0: p.T_0,
    p0: p.p_0,
    Tmin: Math.min(p.T_min, p.T_max),
    Tmax: Math.max(p.T_min, p.T_max),
  }));
}

function convert(spec: Spec): FluidData {
  const json = JSON.parse(readFileSync(join(sourceDir, spec.file), 'utf8')) as Json;
  const eos = json.EOS[0];
  const anc = json.ANCILLARIES;
  const crit = json.STATES.critical;
  const pseudoPure = Boolean(eos.pseudo_pure);
  const aliases = [...new Set([json.INFO.NAME, ...(json.INFO.ALIASES ?? [])])].filter((a) => a !== spec.name);
  return {
    name: spec.name,
    aliases,
    citation: { eos: spec.eos, eosDoi: spec.eosDoi, ...(spec.idealGas ? { idealGas: spec.idealGas } : {}) },
    molarMass: eos.molar_mass,
    gasConstant: eos.gas_constant,
    reducing: { T: eos.STATES.reducing.T, rhoMolar: eos.STATES.reducing.rhomolar },
    criticalPublished: { T: crit.T, p: crit.p, rhoMolar: crit.rhomolar },
    Ttriple: eos.Ttriple,
    Tmin: eos.Ttriple,
    Tmax: eos.T_max,
    pmax: eos.p_max,
    validityStatement: spec.validity,
    acentric: eos.acentric,
    pseudoPure,
    alpha0: eos.alpha0.flatMap(idealTerm),
    alphar: eos.alphar.map(residualTerm),
    ancillaries: {
      pL: ancillary(pseudoPure ? anc.pL : anc.pS),
      pV: ancillary(pseudoPure ? anc.pV : anc.pS),
      rhoL: ancillary(anc.rhoL),
      rhoV: ancillary(anc.rhoV),
    },
    meltingLine: meltingLine(anc.melting_line),
    referenceState: spec.referenceState,
  };
}

/** JSON with arrays of numbers kept on one line, so a coefficient table reads as a table. */
function toSource(value: unknown, indent = ''): string {
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return `[${value.join(', ')}]`;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${indent}  ${toSource(v, indent + '  ')}`).join(',\n')}\n${indent}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${indent}  ${k}: ${toSource(v, indent + '  ')}`);
    return `{\n${entries.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

mkdirSync(outDir, { recursive: true });
const index: string[] = [];
for (const spec of SPECS) {
  const data = convert(spec);
  const constName = spec.module.toUpperCase();
  const text = `// Generated by scripts/gen-fluid-data.ts from ../shared/data/fluids/${spec.file}
// (CoolProp dev/fluids, MIT licence, commit ea27c639). Do not edit by hand: change the script and run
// \`npm run gen:fluids\`.
//
// ${spec.eos}, doi:${spec.eosDoi}
// Valid: ${spec.validity}.
import type { FluidData } from '../eos/types.js';

export const ${constName}: FluidData = ${toSource(data)};
`;
  writeFileSync(join(outDir, `${spec.module}.ts`), text);
  index.push(`export { ${constName} } from './${spec.module}.js';`);
  console.log(`wrote src/fluids/data/${spec.module}.ts (${data.alphar.reduce((n, t) => n + t.n.length, 0)} residual terms)`);
}
writeFileSync(
  join(outDir, 'index.ts'),
  `// Generated by scripts/gen-fluid-data.ts. Do not edit by hand.\n${index.join('\n')}\n`,
);
