/**
 * Generates the typed transport-property modules under src/fluids/transport/data/ from the `TRANSPORT` blocks of
 * ../shared/data/fluids/*.json (CoolProp's dev/fluids files, MIT licence).
 *
 *   npx tsx scripts/gen-transport-data.ts            (writes src/fluids/transport/data/*.ts)
 *
 * Blocks the data files mark `"hardcoded"` (CO2 viscosity, the dilute part of CO2's conductivity, both water
 * formulations) carry no coefficients; theirs are written below from the papers, each table with its source.
 * The density limit of every range is computed here once, with the project's EOS, so the library never solves
 * for it at run time. The project never reads ../shared at run time; this script is how the coefficients enter it.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Citation,
  ConductivityModelData,
  IapwsWaterReducing,
  TransportData,
  TransportRange,
  ViscosityModelData,
} from '../src/fluids/transport/types.js';
import type { FluidData } from '../src/fluids/eos/types.js';
import { AIR, ARGON, CO2, NITROGEN, OXYGEN, WATER } from '../src/fluids/data/index.js';
import { HelmholtzEOS } from '../src/fluids/eos/helmholtz.js';
import { solveDensity } from '../src/fluids/pure/density.js';
import { evaluateAncillary } from '../src/fluids/pure/ancillary.js';

const root = new URL('..', import.meta.url).pathname;
const sourceDir = join(root, '..', 'shared', 'data', 'fluids');
const outDir = join(root, 'src', 'fluids', 'transport', 'data');

type Json = Record<string, any>;

// ---------------------------------------------------------------------------------------------------------------
// Citations (the JSON files carry BibTeX keys only)

const LEMMON_2004: Citation = {
  text: 'E. W. Lemmon, R. T. Jacobsen, Viscosity and thermal conductivity equations for nitrogen, oxygen, argon, and air, Int. J. Thermophys. 25 (2004) 21-69',
  doi: '10.1023/B:IJOT.0000022327.04529.f3',
};
const LAESECKE_2017: Citation = {
  text: 'A. Laesecke, C. D. Muzny, Reference correlation for the viscosity of carbon dioxide, J. Phys. Chem. Ref. Data 46 (2017) 013107',
  doi: '10.1063/1.4977429',
};
const HUBER_2016: Citation = {
  text: 'M. L. Huber, E. A. Sykioti, M. J. Assael, R. A. Perkins, Reference correlation of the thermal conductivity of carbon dioxide from the triple point to 1100 K and up to 200 MPa, J. Phys. Chem. Ref. Data 45 (2016) 013102',
  doi: '10.1063/1.4940892',
};
const HUBER_2009: Citation = {
  text: 'M. L. Huber, R. A. Perkins, A. Laesecke, D. G. Friend, J. V. Sengers, M. J. Assael, I. N. Metaxa, E. Vogel, R. Mares, K. Miyagawa, New international formulation for the viscosity of H2O, J. Phys. Chem. Ref. Data 38 (2009) 101-125 (IAPWS R12-08)',
  doi: '10.1063/1.3088050',
};
const HUBER_2012: Citation = {
  text: 'M. L. Huber, R. A. Perkins, D. G. Friend, J. V. Sengers, M. J. Assael, I. N. Metaxa, K. Miyagawa, R. Hellmann, E. Vogel, New international formulation for the thermal conductivity of H2O, J. Phys. Chem. Ref. Data 41 (2012) 033102 (IAPWS R15-11)',
  doi: '10.1063/1.4738955',
};
const OLCHOWY_SENGERS_1989 =
  'critical enhancement: G. A. Olchowy, J. V. Sengers, A simplified representation for the thermal conductivity of fluids in the critical region, Int. J. Thermophys. 10 (1989) 417-426, doi:10.1007/BF01133538';

// ---------------------------------------------------------------------------------------------------------------
// Constants CoolProp applies where the data files are silent (CoolProp 8.0.0, src/Backends/Helmholtz/TransportRoutines.cpp
// and the defaults of its ConductivityCriticalSimplifiedOlchowySengersData): the same CODATA 2010 values, so
// results agree with CoolProp's to round-off.

/** Avogadro's constant (CODATA 2010). Unit: 1/mol */
const AVOGADRO = 6.02214129e23;
/** Boltzmann's constant (CODATA 2010). Unit: J/K */
const BOLTZMANN = 1.3806488e-23;
/** The critical exponent ν of the Olchowy–Sengers term where a data file gives none (Lemmon & Jacobsen 2004). */
const NU_DEFAULT = 0.63;

// ---------------------------------------------------------------------------------------------------------------
// Coefficients of the hardcoded formulations, from the papers

/** Laesecke & Muzny (2017), Eq. (4) and Table 2 (η⁰ in mPa s). */
const LAESECKE_DILUTE = {
  A: 1.0055,
  unit: 1e-3,
  a: [1749.35489318835, -369.069300007128, 5423856.34887691, -2.21283852168356, -269503.247933569, 73145.021531826, 5.34368649509278],
};
/** Laesecke & Muzny (2017), Eqs. (8)–(9) and Table 3: c1, c2, γ; T_t and ρ_tL from Span & Wagner (1996). */
const LAESECKE_RESIDUAL = { c1: 0.360603235428487, c2: 0.121550806591497, gamma: 8.06282737481277, Tt: 216.592, rhoMassTL: 1178.53 };
/** Huber et al. (2016), Eq. (3) and Table 3 (λ⁰ in mW/(m K)). */
const HUBER_DILUTE = { L: [1.51874307e-2, 2.80674040e-2, 2.2856419e-2, -7.4162421e-3], unit: 1e-3 };

/** IAPWS R12-08 / R15-11 common constants (Huber et al. 2009, Table 1 and Sec. 2.8; Huber et al. 2012, Table 1). */
const IAPWS_REDUCING: IapwsWaterReducing = {
  Tstar: 647.096,
  rhoStar: 322,
  pStar: 22.064e6,
  TbarR: 1.5,
  nu: 0.63,
  gamma: 1.239,
  xi0: 0.13,
  Gamma0: 0.06,
};
/** Huber et al. (2009), Table 2 (H_i) and Table 3 (H_ij, i = 0..5 rows, j = 0..6 columns), Table 4 (critical). */
const IAPWS_2008 = {
  H0: [1.67752, 2.20462, 0.6366564, -0.241605],
  H1: [
    [5.20094e-1, 2.22531e-1, -2.81378e-1, 1.61913e-1, -3.25372e-2, 0, 0],
    [8.50895e-2, 9.99115e-1, -9.06851e-1, 2.57399e-1, 0, 0, 0],
    [-1.08374, 1.88797, -7.72479e-1, 0, 0, 0, 0],
    [-2.89555e-1, 1.26613, -4.89837e-1, 0, 6.98452e-2, 0, -4.35673e-3],
    [0, 0, -2.5704e-1, 0, 0, 8.72102e-3, 0],
    [0, 1.20573e-1, 0, 0, 0, 0, -5.93264e-4],
  ],
  xMu: 0.068,
  qC: 1 / 1.9,
  qD: 1 / 1.1,
  xiSeries: 0.3817016416,
};
/** Huber et al. (2012), Table 2 (L_k), Table 3 (L_ij, i = 0..4 rows, j = 0..5 columns), Table 4 (critical). */
const IAPWS_2011 = {
  L0: [2.443221e-3, 1.323095e-2, 6.770357e-3, -3.454586e-3, 4.096266e-4],
  L1: [
    [1.60397357, -0.646013523, 0.111443906, 0.102997357, -0.0504123634, 0.00609859258],
    [2.33771842, -2.78843778, 1.53616167, -0.463045512, 0.0832827019, -0.00719201245],
    [2.19650529, -4.54580785, 3.55777244, -1.40944978, 0.275418278, -0.0205938816],
    [-1.21051378, 1.60812989, -0.621178141, 0.0716373224, 0, 0],
    [-2.720337, 4.57586331, -3.18369245, 1.1168348, -0.19268305, 0.012913842],
  ],
  Lambda: 177.8514,
  qD: 1 / 0.4,
  R: 461.51805,
  // below y = 1.2e-7 the difference in Z loses its digits; IAPWS R15-11 sets Z = 0 there
  yMin: 1.2e-7,
};

// ---------------------------------------------------------------------------------------------------------------
// The fluids

interface Spec {
  file: string;
  module: string;
  eosData: FluidData;
  viscosity: (tr: Json, eos: Json) => { citation: Citation; range: RangeSpec; model: ViscosityModelData };
  conductivity: (tr: Json, eos: Json) => { citation: Citation; range: RangeSpec; model: ConductivityModelData };
  notes: string[];
}

/** A range before its density limit is computed. */
type RangeSpec = Omit<TransportRange, 'rhoMolarMax'>;

/** Lemmon & Jacobsen (2004): "valid over all liquid and vapor states", i.e. where the EOS is. */
function eosRange(data: FluidData): RangeSpec {
  return {
    Tmin: data.Tmin,
    Tmax: data.Tmax,
    pmax: data.pmax,
    statement: `all liquid and vapour states of the EOS (Lemmon & Jacobsen 2004); here ${data.Tmin} K to ${data.Tmax} K, up to ${data.pmax / 1e6} MPa, the EOS limits as CoolProp applies them`,
  };
}

function collisionIntegralViscosity(v: Json): ViscosityModelData {
  const d = v.dilute;
  const h = v.higher_order;
  if (d.type !== 'collision_integral' || h.type !== 'modified_Batschinski_Hildebrand' || v.initial_density) {
    throw new Error(`unexpected viscosity blocks ${d.type}, ${h.type}`);
  }
  if (!d.t.every((t: number) => Number.isInteger(t) && t >= 0)) throw new Error('collision integral: exponents must be non-negative integers');
  const fAllZero = h.f.every((f: number) => f === 0);
  return {
    type: 'general',
    dilute: { type: 'collisionIntegral', C: d.C, molarMass: d.molar_mass, epsilonOverK: v.epsilon_over_k, sigma: v.sigma_eta, a: d.a, t: d.t },
    residual: {
      type: 'batschinskiHildebrand',
      Tr: h.T_reduce,
      rhoMolarR: h.rhomolar_reduce,
      a: h.a,
      d1: h.d1,
      t1: h.t1,
      gamma: h.gamma,
      l: h.l,
      // F = 0 in every file here: leave the F (1/(δ0 − δ) − 1/δ0) part out rather than evaluate 0 · ∞ at δ = δ0
      f: fAllZero ? [] : h.f,
      d2: fAllZero ? [] : h.d2,
      t2: fAllZero ? [] : h.t2,
      g: h.g,
      h: h.h,
      p: h.p,
      q: h.q,
    },
  };
}

function olchowySengers(c: Json, eos: Json) {
  if (c.type !== 'simplified_Olchowy_Sengers') throw new Error(`unexpected critical block ${c.type}`);
  const red = eos.STATES.reducing;
  return {
    type: 'olchowySengers' as const,
    k: BOLTZMANN,
    R0: c.R0,
    nu: c.nu ?? NU_DEFAULT,
    gamma: c.gamma,
    Gamma: c.GAMMA,
    xi0: c.zeta0,
    qD: c.qD,
    Tref: c.T_ref,
    Tc: red.T,
    rhoMolarC: red.rhomolar,
    pc: red.p,
  };
}

function lemmonConductivity(k: Json, eos: Json): ConductivityModelData {
  const d = k.dilute;
  const r = k.residual;
  if (d.type !== 'eta0_and_poly' || r.type !== 'polynomial_and_exponential') throw new Error(`unexpected conductivity blocks ${d.type}, ${r.type}`);
  const red = eos.STATES.reducing;
  return {
    type: 'general',
    dilute: { type: 'eta0AndPoly', Tr: red.T, A: d.A, t: d.t },
    residual: { type: 'polynomialAndExponential', Tr: red.T, rhoMolarR: red.rhomolar, A: r.A, t: r.t, d: r.d, gamma: r.gamma, l: r.l },
    critical: olchowySengers(k.critical, eos),
  };
}

function lemmonSpec(file: string, module: string, eosData: FluidData): Spec {
  return {
    file,
    module,
    eosData,
    viscosity: (tr) => ({ citation: LEMMON_2004, range: eosRange(eosData), model: collisionIntegralViscosity(tr.viscosity) }),
    conductivity: (tr, eos) => ({ citation: LEMMON_2004, range: eosRange(eosData), model: lemmonConductivity(tr.conductivity, eos) }),
    notes: [OLCHOWY_SENGERS_1989],
  };
}

const SPECS: Spec[] = [
  {
    file: 'CarbonDioxide.json',
    module: 'co2',
    eosData: CO2,
    viscosity: (tr) => {
      const v = tr.viscosity;
      if (v.dilute.hardcoded !== 'CarbonDioxideLaeseckeJPCRD2017' || v.higher_order.hardcoded !== 'CarbonDioxideLaeseckeJPCRD2017') {
        throw new Error('CO2 viscosity: expected the Laesecke & Muzny (2017) blocks');
      }
      const rf = v.initial_density;
      if (rf.type !== 'Rainwater-Friend') throw new Error(`CO2 viscosity: unexpected initial-density block ${rf.type}`);
      return {
        citation: LAESECKE_2017,
        range: {
          Tmin: CO2.Ttriple,
          Tmax: 2000,
          pmax: CO2.pmax,
          statement:
            '100 K to 2000 K for the gas, 220 K to 700 K up to 8000 MPa (along the melting line) for liquid and supercritical states (Laesecke & Muzny 2017); here from the triple point 216.592 K to 2000 K, up to the EOS limit of 800 MPa',
        },
        model: {
          type: 'general',
          dilute: { type: 'laesecke2017', ...LAESECKE_DILUTE },
          initialDensity: { type: 'rainwaterFriend', epsilonOverK: v.epsilon_over_k, sigma: v.sigma_eta, avogadro: AVOGADRO, b: rf.b, t: rf.t },
          residual: {
            type: 'laesecke2017',
            ...LAESECKE_RESIDUAL,
            R: CO2.gasConstant,
            molarMass: CO2.molarMass,
            avogadroCubeRoot: Math.cbrt(AVOGADRO),
          },
        },
      };
    },
    conductivity: (tr, eos) => {
      const k = tr.conductivity;
      if (k.dilute.hardcoded !== 'CarbonDioxideHuberJPCRD2016' || k.residual.type !== 'polynomial') {
        throw new Error('CO2 conductivity: expected the Huber et al. (2016) blocks');
      }
      const r = k.residual;
      return {
        citation: HUBER_2016,
        range: {
          Tmin: CO2.Ttriple,
          Tmax: 1100,
          pmax: 200e6,
          statement: 'from the triple point 216.592 K to 1100 K, up to 200 MPa (Huber et al. 2016)',
        },
        model: {
          type: 'general',
          dilute: { type: 'huber2016', Tc: eos.STATES.reducing.T, ...HUBER_DILUTE },
          residual: { type: 'polynomial', Tr: r.T_reducing, rhoMassR: r.rhomass_reducing, B: r.B, t: r.t, d: r.d },
          critical: olchowySengers(k.critical, eos),
        },
      };
    },
    notes: [OLCHOWY_SENGERS_1989, 'the conductivity\'s critical enhancement uses the Laesecke & Muzny (2017) viscosity, as CoolProp does'],
  },
  lemmonSpec('Air.json', 'air', AIR),
  lemmonSpec('Nitrogen.json', 'nitrogen', NITROGEN),
  lemmonSpec('Oxygen.json', 'oxygen', OXYGEN),
  lemmonSpec('Argon.json', 'argon', ARGON),
  {
    file: 'Water.json',
    module: 'water',
    eosData: WATER,
    viscosity: (tr) => {
      if (tr.viscosity.hardcoded !== 'Water') throw new Error('Water viscosity: expected the hardcoded IAPWS formulation');
      return {
        citation: HUBER_2009,
        range: {
          Tmin: WATER.Tmin,
          Tmax: 1173.15,
          pmax: 1000e6,
          statement:
            'from the melting line (273.16 K) to 1173.15 K up to 300 MPa, to 873.15 K up to 350 MPa, to 433.15 K up to 500 MPa, to 373.15 K up to 1000 MPa (IAPWS R12-08)',
        },
        model: { type: 'iapws2008', reducing: IAPWS_REDUCING, muStar: 1e-6, ...IAPWS_2008 },
      };
    },
    conductivity: (tr) => {
      if (tr.conductivity.hardcoded !== 'Water') throw new Error('Water conductivity: expected the hardcoded IAPWS formulation');
      return {
        citation: HUBER_2012,
        range: {
          Tmin: WATER.Tmin,
          Tmax: 1173.15,
          pmax: 1000e6,
          statement: 'from the melting line (273.16 K) to 1173.15 K up to 100 MPa, to lower temperatures up to 1000 MPa (IAPWS R15-11)',
        },
        model: { type: 'iapws2011', reducing: IAPWS_REDUCING, lambdaStar: 1e-3, muStar: 1e-6, ...IAPWS_2011 },
      };
    },
    notes: ['both include their critical enhancements, as CoolProp evaluates them; the conductivity\'s uses the IAPWS 2008 viscosity'],
  },
];

// ---------------------------------------------------------------------------------------------------------------

/** The EOS density at (Tmin, pmax): the compressed-liquid root above the saturated-liquid density. Unit: mol/m³ */
function densityLimit(data: FluidData, range: RangeSpec): number {
  const eos = new HelmholtzEOS(data);
  const rhoL = evaluateAncillary(data.ancillaries.rhoL, range.Tmin);
  const r = solveDensity(eos, range.Tmin, range.pmax, 1.2 * rhoL, rhoL, Number.POSITIVE_INFINITY);
  if (!r.ok) throw new Error(`${data.name}: no density at ${range.Tmin} K, ${range.pmax} Pa: ${r.reason}`);
  // a few significant digits: this is a bound, not a property
  return Number(r.value.toPrecision(6));
}

function withDensityLimit(data: FluidData, range: RangeSpec): TransportRange {
  return { ...range, rhoMolarMax: densityLimit(data, range) };
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
  const json = JSON.parse(readFileSync(join(sourceDir, spec.file), 'utf8')) as Json;
  const eos = json.EOS[0];
  const v = spec.viscosity(json.TRANSPORT, eos);
  const k = spec.conductivity(json.TRANSPORT, eos);
  const data: TransportData = {
    fluid: spec.eosData.name,
    viscosity: { citation: v.citation, range: withDensityLimit(spec.eosData, v.range), model: v.model },
    conductivity: { citation: k.citation, range: withDensityLimit(spec.eosData, k.range), model: k.model },
  };
  const constName = `${spec.module.toUpperCase()}_TRANSPORT`;
  const text = `// Generated by scripts/gen-transport-data.ts from ../shared/data/fluids/${spec.file} (key TRANSPORT;
// CoolProp dev/fluids, MIT licence) and, for the blocks that file marks "hardcoded", from the papers.
// Do not edit by hand: change the script and run \`npx tsx scripts/gen-transport-data.ts\`.
//
// Viscosity: ${v.citation.text}, doi:${v.citation.doi}
//   valid: ${v.range.statement}
// Conductivity: ${k.citation.text}, doi:${k.citation.doi}
//   valid: ${k.range.statement}
${spec.notes.map((n) => `// Note: ${n}`).join('\n')}
import type { TransportData } from '../types.js';

export const ${constName}: TransportData = ${toSource(data)};
`;
  writeFileSync(join(outDir, `${spec.module}.ts`), text);
  index.push(`export { ${constName} } from './${spec.module}.js';`);
  console.log(
    `wrote src/fluids/transport/data/${spec.module}.ts (density limits ${data.viscosity.range.rhoMolarMax}, ${data.conductivity.range.rhoMolarMax} mol/m3)`,
  );
}
writeFileSync(join(outDir, 'index.ts'), `// Generated by scripts/gen-transport-data.ts. Do not edit by hand.\n${index.join('\n')}\n`);
