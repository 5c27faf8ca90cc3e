/**
 * Purchased-equipment cost correlations of Turton et al., base conditions (carbon steel, near-ambient pressure):
 *
 *     log10(Cp0 / USD) = K1 + K2·log10(A) + K3·(log10 A)²,   A in the unit given, A_min ≤ A ≤ A_max
 *
 * Source: R. Turton, R. C. Bailie, W. B. Whiting, J. A. Shaeiwitz, D. Bhattacharyya, "Analysis, Synthesis, and
 * Design of Chemical Processes", 4th ed., Prentice Hall, 2012, Appendix A, Table A.1 (equipment cost data, regressed
 * from Guthrie and Ulrich); cost basis CEPCI = 397 (September 2001), US dollars, US Gulf Coast.
 *
 * Provenance of the numbers here: transcribed from two independent open-source transcriptions of Table A.1
 * (github.com/Gilvan-Wanderley/balkony, balkony/capital_cost/*.py; and a second, unnamed Turton-based cost module
 * found by the project's code search). They agree on every value below except the compressor K1, given as 2.2897
 * in the first and 2.2891 in the second; 2.2897 is used. Not yet checked against the printed book — do that before
 * quoting results. There is no generator script: the table is not in ../shared/data.
 *
 * Compressor and turbine costs exclude drives; pump costs include the electric drive (Turton's notes to Table A.1).
 * Bare-module, material and pressure factors are not shipped: each capex item states its own installation factor.
 */

/** Size variables the correlations use, with the factor from the SI value to the correlation's unit. */
export const TURTON_SIZE_VARIABLES = {
  fluidPower: { description: 'fluid power', kind: 'power', unit: 'kW', fromSI: 1e-3 },
  shaftPower: { description: 'shaft power', kind: 'power', unit: 'kW', fromSI: 1e-3 },
  area: { description: 'heat-transfer area', kind: 'area', unit: 'm2', fromSI: 1 },
  volume: { description: 'volume', kind: 'volume', unit: 'm3', fromSI: 1 },
} as const;

export type TurtonSizeVariable = keyof typeof TURTON_SIZE_VARIABLES;

export interface TurtonRow {
  readonly description: string;
  readonly size: TurtonSizeVariable;
  readonly K1: number;
  readonly K2: number;
  readonly K3: number;
  /** Valid size range in the correlation's unit (kW, m2 or m3). */
  readonly min: number;
  readonly max: number;
}

const row = (description: string, size: TurtonSizeVariable, K1: number, K2: number, K3: number, min: number, max: number): TurtonRow => ({
  description,
  size,
  K1,
  K2,
  K3,
  min,
  max,
});

export const TURTON_TABLE_A1 = {
  'compressor.centrifugal': row('centrifugal compressor, without drive', 'fluidPower', 2.2897, 1.3604, -0.1027, 450, 3000),
  'compressor.axial': row('axial compressor, without drive', 'fluidPower', 2.2897, 1.3604, -0.1027, 450, 3000),
  'compressor.reciprocating': row('reciprocating compressor, without drive', 'fluidPower', 2.2897, 1.3604, -0.1027, 450, 3000),
  'compressor.rotary': row('rotary compressor, without drive', 'fluidPower', 5.0355, -1.8002, 0.8253, 18, 950),
  'turbine.axialGas': row('axial gas turbine (expander)', 'fluidPower', 2.7051, 1.4398, -0.1776, 100, 4000),
  'turbine.radialGas': row('radial gas/liquid expander', 'fluidPower', 2.2476, 1.4965, -0.1618, 100, 1500),
  'drive.electricExplosionProof': row('electric drive, explosion-proof', 'shaftPower', 2.4604, 1.4191, -0.1798, 75, 2600),
  'drive.electricTotallyEnclosed': row('electric drive, totally enclosed', 'shaftPower', 1.956, 1.7142, -0.2282, 75, 2600),
  'drive.electricOpenDripProof': row('electric drive, open/drip-proof', 'shaftPower', 2.9508, 1.0688, -0.1315, 75, 2600),
  'heatExchanger.fixedTube': row('shell-and-tube heat exchanger, fixed tube sheet', 'area', 4.3247, -0.303, 0.1634, 10, 1000),
  'heatExchanger.floatingHead': row('shell-and-tube heat exchanger, floating head', 'area', 4.8306, -0.8509, 0.3187, 10, 1000),
  'heatExchanger.uTube': row('shell-and-tube heat exchanger, U-tube', 'area', 4.1884, -0.2503, 0.1974, 10, 1000),
  'heatExchanger.doublePipe': row('double-pipe heat exchanger', 'area', 3.3444, 0.2745, -0.0472, 1, 10),
  'heatExchanger.multiplePipe': row('multiple-pipe heat exchanger', 'area', 2.7652, 0.7282, 0.0783, 10, 100),
  'heatExchanger.airCooler': row('air cooler', 'area', 4.0336, 0.2341, 0.0497, 10, 10000),
  'heatExchanger.flatPlate': row('flat-plate heat exchanger', 'area', 4.6656, -0.1557, 0.1547, 10, 1000),
  'heatExchanger.spiralPlate': row('spiral-plate heat exchanger', 'area', 4.6561, -0.2947, 0.2207, 1, 100),
  'vessel.horizontal': row('horizontal process vessel', 'volume', 3.5565, 0.3776, 0.0905, 0.1, 628),
  'vessel.vertical': row('vertical process vessel', 'volume', 3.4974, 0.4485, 0.1074, 0.3, 520),
  'tank.apiFixedRoof': row('storage tank, API fixed roof', 'volume', 4.8509, -0.3973, 0.1445, 90, 30000),
  'tank.apiFloatingRoof': row('storage tank, API floating roof', 'volume', 5.9567, -0.7585, 0.1749, 1000, 40000),
  'pump.centrifugal': row('centrifugal pump, with electric drive', 'shaftPower', 3.3892, 0.0536, 0.1538, 1, 300),
  'pump.reciprocating': row('reciprocating pump, with electric drive', 'shaftPower', 3.8696, 0.3161, 0.122, 0.1, 200),
  'pump.positiveDisplacement': row('positive-displacement pump, with electric drive', 'shaftPower', 3.4771, 0.135, 0.1438, 1, 100),
} as const satisfies Record<string, TurtonRow>;

export const TURTON_SOURCE =
  'Turton, Bailie, Whiting, Shaeiwitz, Bhattacharyya, Analysis, Synthesis, and Design of Chemical Processes, 4th ed., ' +
  'Prentice Hall 2012, Appendix A, Table A.1';

/** The cost basis of every Turton Table A.1 correlation. */
export const TURTON_BASIS = { currency: 'USD', year: 2001, indexName: 'CEPCI', indexValue: 397 } as const;
