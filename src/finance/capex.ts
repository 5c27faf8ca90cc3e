/**
 * Capital cost: from published equipment cost correlations (restated to the project's currency and cost date) or
 * from unit costs the user gives (per kW, per kWh, per kg of storage medium, per m³ of cavern or tank, lump sums),
 * plus items stated as a fraction of the direct cost (balance of plant, engineering, contingency).
 *
 * Shipped correlations: Turton et al. Table A.1 (see data/turton.ts for the source and its caveats). No unit costs
 * are shipped for caverns, domes, thermal-store media or balance of plant: they are user inputs with their source.
 */
import { checkNumber, FinanceInputError, RANGES } from './check.js';
import { restateCost, type CostBasis, type CostRestatement } from './escalation.js';
import { TURTON_BASIS, TURTON_SIZE_VARIABLES, TURTON_SOURCE, TURTON_TABLE_A1 } from './data/turton.js';

export type CorrelationId = keyof typeof TURTON_TABLE_A1;

/** A published cost correlation as the user sees it. */
export interface CostCorrelation {
  readonly id: CorrelationId;
  readonly description: string;
  readonly formula: string;
  readonly sizeVariable: string;
  /** Units kind of the size (for parsing "2 MW", "300 m2"). */
  readonly sizeKind: 'power' | 'area' | 'volume';
  /** Valid size range in SI (W, m2 or m3). */
  readonly minSize: number;
  readonly maxSize: number;
  readonly source: string;
  readonly basis: CostBasis;
}

export const CORRELATION_IDS = Object.keys(TURTON_TABLE_A1) as CorrelationId[];

export function describeCorrelation(id: CorrelationId): CostCorrelation {
  const row = TURTON_TABLE_A1[id];
  if (!row) throw new FinanceInputError('correlation', id, `one of ${CORRELATION_IDS.join(', ')}`);
  const sv = TURTON_SIZE_VARIABLES[row.size];
  return {
    id,
    description: row.description,
    formula: `log10(Cp0/USD) = ${row.K1} + ${row.K2}·log10(A) + ${row.K3}·(log10 A)², A = ${sv.description} in ${sv.unit}`,
    sizeVariable: `${sv.description} (${sv.unit})`,
    sizeKind: sv.kind,
    minSize: row.min / sv.fromSI,
    maxSize: row.max / sv.fromSI,
    source: TURTON_SOURCE,
    basis: TURTON_BASIS,
  };
}

/** A purchased cost at the correlation's basis (USD, CEPCI 397) and how many equal units it took. */
export interface PurchasedCost {
  /** Total purchased cost of all units at the correlation basis; USD (basis currency). */
  readonly cost: number;
  readonly units: number;
  /** Size of one unit; SI (W, m2 or m3). */
  readonly unitSize: number;
}

/**
 * Purchased cost of equipment of the given size (SI: W, m2 or m3) at base conditions. Sizes above the valid
 * range are split into the fewest equal parallel units that fit, as Turton advises, only when `parallelUnits` is
 * set; otherwise any size outside the range is an error naming the range.
 */
export function purchasedCost(id: CorrelationId, sizeSI: number, parallelUnits = false, field = 'size'): PurchasedCost {
  const c = describeCorrelation(id);
  const row = TURTON_TABLE_A1[id];
  const from = TURTON_SIZE_VARIABLES[row.size].fromSI;
  const range = { min: c.minSize, max: parallelUnits ? Infinity : c.maxSize };
  checkNumber(field, sizeSI, range, `${c.sizeVariable} for ${c.description}, valid ${row.min}–${row.max}` + (parallelUnits ? '' : '; set parallelUnits to split larger sizes'));
  const units = Math.max(1, Math.ceil(sizeSI / c.maxSize - 1e-12));
  const unitSize = sizeSI / units;
  const L = Math.log10(unitSize * from);
  const one = Math.pow(10, row.K1 + row.K2 * L + row.K3 * L * L);
  return { cost: units * one, units, unitSize };
}

/** Heat-exchanger area from its duty: A = Q / (U · ΔT_lm); m². */
export function heatExchangerArea(dutyW: number, overallU: number, lmtd: number, field = 'heatExchanger'): number {
  checkNumber(`${field}.duty`, dutyW, RANGES.positive);
  checkNumber(`${field}.overallU`, overallU, RANGES.positive);
  checkNumber(`${field}.lmtd`, lmtd, RANGES.positive);
  return dutyW / (overallU * lmtd);
}

/** One line of the capital cost estimate. All unit costs are in the project's currency at its cost date. */
export type CapexItem =
  | {
      readonly kind: 'correlation';
      readonly name: string;
      readonly correlation: CorrelationId;
      /** Equipment size; SI (W for power, m2 for area, m3 for volume). */
      readonly size: number;
      /** Purchased → installed (bare-module) cost multiplier, e.g. Turton's F_BM for the material and pressure; dimensionless. */
      readonly installFactor: number;
      /** Split sizes above the correlation range into equal parallel units. */
      readonly parallelUnits?: boolean;
    }
  | { readonly kind: 'perPower'; readonly name: string; /** W */ readonly power: number; /** money/W */ readonly unitCost: number }
  | { readonly kind: 'perEnergy'; readonly name: string; /** J */ readonly energy: number; /** money/J */ readonly unitCost: number }
  | { readonly kind: 'perMass'; readonly name: string; /** kg */ readonly mass: number; /** money/kg */ readonly unitCost: number }
  | { readonly kind: 'perVolume'; readonly name: string; /** m3 */ readonly volume: number; /** money/m3 */ readonly unitCost: number }
  | { readonly kind: 'lumpSum'; readonly name: string; /** money */ readonly amount: number }
  | {
      readonly kind: 'fractionOfDirect';
      readonly name: string;
      /** Fraction of the sum of all other (direct) items; dimensionless. */
      readonly fraction: number;
    };

export interface CapexInputs {
  readonly items: readonly CapexItem[];
  /** Needed when any item uses a correlation: the project's index value, exchange rate and location factor. */
  readonly restatement?: CostRestatement;
}

export interface CapexLine {
  readonly name: string;
  readonly kind: CapexItem['kind'];
  /** Money, project currency. */
  readonly cost: number;
  readonly note: string;
}

export interface CapexEstimate {
  readonly lines: readonly CapexLine[];
  /** Sum of all items except the fraction-of-direct ones; money. */
  readonly direct: number;
  /** Sum of the fraction-of-direct items; money. */
  readonly indirect: number;
  /** money. */
  readonly total: number;
}

/** Prices every capex item and sums them; fraction items apply to the direct sum (they do not compound). */
export function estimateCapex(inputs: CapexInputs, field = 'capex'): CapexEstimate {
  if (!Array.isArray(inputs.items)) throw new FinanceInputError(`${field}.items`, inputs.items, 'a list of capex items');
  const lines: CapexLine[] = [];
  let direct = 0;
  inputs.items.forEach((item, i) => {
    const f = `${field}.items[${i}]`;
    const line = priceDirect(item, f, inputs.restatement, field);
    if (line) {
      lines.push(line);
      direct += line.cost;
    }
  });
  let indirect = 0;
  inputs.items.forEach((item, i) => {
    if (item.kind !== 'fractionOfDirect') return;
    checkNumber(`${field}.items[${i}].fraction`, item.fraction, { min: 0, max: 10 });
    const cost = item.fraction * direct;
    indirect += cost;
    lines.push({ name: item.name, kind: item.kind, cost, note: `${item.fraction} × direct cost ${direct}` });
  });
  return { lines, direct, indirect, total: direct + indirect };
}

function priceDirect(item: CapexItem, f: string, restatement: CostRestatement | undefined, field: string): CapexLine | undefined {
  const unit = (quantity: number, qField: string, unitCost: number, what: string): CapexLine => {
    checkNumber(`${f}.${qField}`, quantity, RANGES.nonNegative);
    checkNumber(`${f}.unitCost`, unitCost, RANGES.nonNegative);
    return { name: item.name, kind: item.kind, cost: quantity * unitCost, note: `${quantity} ${what} × ${unitCost} per ${what}` };
  };
  switch (item.kind) {
    case 'perPower':
      return unit(item.power, 'power', item.unitCost, 'W');
    case 'perEnergy':
      return unit(item.energy, 'energy', item.unitCost, 'J');
    case 'perMass':
      return unit(item.mass, 'mass', item.unitCost, 'kg');
    case 'perVolume':
      return unit(item.volume, 'volume', item.unitCost, 'm3');
    case 'lumpSum':
      checkNumber(`${f}.amount`, item.amount, RANGES.nonNegative);
      return { name: item.name, kind: item.kind, cost: item.amount, note: 'lump sum' };
    case 'correlation': {
      if (!restatement) {
        throw new FinanceInputError(`${field}.restatement`, restatement, 'an index value, exchange rate and location factor', `needed by ${f}`);
      }
      checkNumber(`${f}.installFactor`, item.installFactor, { min: 1, max: 20 });
      const p = purchasedCost(item.correlation, item.size, item.parallelUnits ?? false, `${f}.size`);
      const c = describeCorrelation(item.correlation);
      const cost = restateCost(p.cost, c.basis, restatement, `${field}.restatement`) * item.installFactor;
      return {
        name: item.name,
        kind: item.kind,
        cost,
        note:
          `${p.units} × ${c.description} (${c.source}); purchased ${p.cost.toFixed(0)} ${c.basis.currency} at ` +
          `${c.basis.indexName} ${c.basis.indexValue}, × ${restatement.indexValue}/${c.basis.indexValue} × ` +
          `${restatement.exchangeRate} × ${restatement.locationFactor} × install factor ${item.installFactor}`,
      };
    }
    case 'fractionOfDirect':
      return undefined;
    default:
      throw new FinanceInputError(`${f}.kind`, (item as { kind: unknown }).kind, 'one of correlation, perPower, perEnergy, perMass, perVolume, lumpSum, fractionOfDirect');
  }
}
