/**
 * The by-year quantities of 《建设项目经济评价方法与参数》(第三版, 国家发展改革委 建设部 2006) that the cash-flow
 * model (cashflow.ts) does not already carry, derived from its table on the same time line (t = 0 start of
 * construction, operating year n at t = C + n). Money per year unless stated.
 *
 *   经营成本 (operating cost)   = charging + fixed O&M + variable O&M + other costs
 *   总成本费用 (total cost)     = 经营成本 + 折旧 + 摊销 (0: the model has no intangibles) + 利息支出 (operating years)
 *   期末处置损益 (disposal)     = salvage − decommissioning − book value written off; the model's addition, so that
 *                                利润总额 equals the model's taxable income before losses
 *   利润总额 (total profit)     = 营业收入 + 补贴收入 (0) − 税金及附加 − 总成本费用 + 期末处置损益
 *   息税前利润 EBIT            = 利润总额 + 利息支出
 *   息税折旧摊销前利润 EBITDA  = EBIT + 折旧 + 摊销 + book value written off (non-cash, like depreciation), which is
 *                                the model's operating EBITDA plus salvage − decommissioning in the end-of-life year
 *   偿债备付率 numerator       = EBITDA − 所得税 − 维持运营投资 (the method deducts maintenance investment)
 *
 * Simplified balance sheet (the model keeps no working capital and distributes no profit):
 *   assets       = fixed assets net (capital + replacements + capitalised interest − depreciation − write-off)
 *                  + input-VAT credit carried forward (an asset: VAT paid on capital, not yet deducted)
 *                  + cumulative cash surplus (equity cash flows of operating years, all retained), if positive
 *   liabilities  = term-loan balance + short-term borrowing, the latter the cumulative surplus if negative
 *                  (the interest on it is not in the cash-flow model)
 *   owners' equity = assets − liabilities = equity paid in − construction interest paid by equity (not capitalised
 *                  by the model) + cumulative net profit
 */
import { KahanAccumulator } from '../numerics/index.js';
import type { CashFlowModel } from './cashflow.js';

export interface CnSeries {
  /** 经营成本; money per year. */
  readonly operatingCost: Float64Array;
  /** 总成本费用; money per year. */
  readonly totalCost: Float64Array;
  /** 期末处置损益; money per year. */
  readonly disposalResult: Float64Array;
  /** 利润总额; money per year. */
  readonly totalProfit: Float64Array;
  /** 应纳税所得额 (after losses brought forward); money per year. */
  readonly taxableAfterLosses: Float64Array;
  /** 净利润; money per year. */
  readonly netProfit: Float64Array;
  /** 息税前利润; money per year. */
  readonly ebit: Float64Array;
  /** 息税折旧摊销前利润; money per year. */
  readonly ebitda: Float64Array;
  /** EBITDA − 所得税 − 维持运营投资, the funds the method counts for debt service; money per year. */
  readonly debtServiceFunds: Float64Array;
  /** 项目资本金 put in (construction years: the equity cash flow with its sign turned); money per year. */
  readonly equityInjection: Float64Array;
  /** 固定资产净值 at year end; money. */
  readonly fixedAssetsNet: Float64Array;
  /** 累计盈余资金 at year end (negative: a shortfall); money. */
  readonly cumulativeSurplus: Float64Array;
  /** 资产合计 at year end; money. */
  readonly totalAssets: Float64Array;
  /** 短期借款 at year end (a negative surplus); money. */
  readonly shortTermBorrowing: Float64Array;
  /** 负债合计 at year end; money. */
  readonly totalLiabilities: Float64Array;
  /** 所有者权益 at year end; money. */
  readonly ownersEquity: Float64Array;
}

/** Derives the method's quantities from a cash-flow model; never mutates it. */
export function cnSeries(model: CashFlowModel): CnSeries {
  const t = model.table;
  const T = t.year.length;
  const col = () => new Float64Array(T);
  const operatingCost = col();
  const totalCost = col();
  const disposalResult = col();
  const totalProfit = col();
  const taxableAfterLosses = col();
  const netProfit = col();
  const ebit = col();
  const ebitda = col();
  const debtServiceFunds = col();
  const equityInjection = col();
  const fixedAssetsNet = col();
  const cumulativeSurplus = col();
  const totalAssets = col();
  const shortTermBorrowing = col();
  const totalLiabilities = col();
  const ownersEquity = col();
  const fixed = new KahanAccumulator();
  const surplus = new KahanAccumulator();
  const C = firstOperatingYear(t.operatingYear) - 1;
  for (let y = 0; y < T; y++) {
    operatingCost[y] = t.chargingCost[y] + t.omFixed[y] + t.omVariable[y] + t.otherCosts[y];
    totalCost[y] = operatingCost[y] + t.depreciation[y] + t.interest[y];
    disposalResult[y] = t.salvage[y] - t.decommissioning[y] - t.writeOff[y];
    // The model's taxable income is already 利润总额: it has no non-deductible items.
    totalProfit[y] = t.taxableIncome[y];
    taxableAfterLosses[y] = Math.max(0, t.taxableIncome[y] - t.lossUsed[y]);
    netProfit[y] = totalProfit[y] - t.incomeTax[y];
    ebit[y] = totalProfit[y] + t.interest[y];
    ebitda[y] = ebit[y] + t.depreciation[y] + t.writeOff[y];
    debtServiceFunds[y] = ebitda[y] - t.incomeTax[y] - t.replacement[y];

    const construction = y <= C;
    // 0 − x, not −x: a year with nothing paid in is +0, which survives a JSON round trip unchanged.
    equityInjection[y] = construction ? 0 - t.equityCashFlow[y] : 0;
    fixed.add(t.capex[y] + t.replacement[y] + t.interestCapitalised[y] - t.depreciation[y] - t.writeOff[y]);
    fixedAssetsNet[y] = fixed.value;
    // Construction years net to zero: the equity put in is exactly what the equity cash flow lacks.
    if (!construction) surplus.add(t.equityCashFlow[y]);
    cumulativeSurplus[y] = surplus.value;
    shortTermBorrowing[y] = Math.max(0, -cumulativeSurplus[y]);
    totalAssets[y] = fixedAssetsNet[y] + t.vatCredit[y] + Math.max(0, cumulativeSurplus[y]);
    totalLiabilities[y] = t.debtBalance[y] + shortTermBorrowing[y];
    ownersEquity[y] = totalAssets[y] - totalLiabilities[y];
  }
  return {
    operatingCost,
    totalCost,
    disposalResult,
    totalProfit,
    taxableAfterLosses,
    netProfit,
    ebit,
    ebitda,
    debtServiceFunds,
    equityInjection,
    fixedAssetsNet,
    cumulativeSurplus,
    totalAssets,
    shortTermBorrowing,
    totalLiabilities,
    ownersEquity,
  };
}

/** The slot of operating year 1, t = C + 1. */
export function firstOperatingYear(operatingYear: ArrayLike<number>): number {
  for (let y = 0; y < operatingYear.length; y++) if (operatingYear[y] === 1) return y;
  return operatingYear.length;
}
