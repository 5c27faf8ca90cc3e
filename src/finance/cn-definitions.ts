/**
 * Names, definitions and sources of the financial indicators of 《建设项目经济评价方法与参数》(第三版, 国家发展改革委
 * 建设部 2006), in Chinese and English, with what this model does where the method leaves a choice or the model
 * is simpler. Data for cn-evaluation.ts; reports and the UI show it as is.
 *
 * The method's wording is quoted as this project reads it (including from secondary sources such as the
 * consulting-engineer examination texts); it was not checked against the printed book by an appraiser.
 */

export type CnIndicatorKey =
  | 'firrPreTax'
  | 'firrAfterTax'
  | 'fnpvPreTax'
  | 'fnpvAfterTax'
  | 'firrEquity'
  | 'paybackPreTax'
  | 'paybackAfterTax'
  | 'dynamicPaybackPreTax'
  | 'dynamicPaybackAfterTax'
  | 'roi'
  | 'roe'
  | 'interestCover'
  | 'debtServiceCover'
  | 'liabilityToAssets';

/** How an indicator's value reads: a fraction (shown as %), years from t = 0, money, or a plain ratio. */
export type CnUnit = 'fraction' | 'years' | 'money' | 'ratio';

export interface CnIndicatorText {
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: CnUnit;
  readonly definitionZh: string;
  readonly definitionEn: string;
  readonly source: string;
}

export const CN_METHOD = '《建设项目经济评价方法与参数》（第三版），国家发展改革委、建设部，2006（发改投资〔2006〕1325号）';
const PROFITABILITY = `${CN_METHOD}，《建设项目经济评价方法》财务分析：盈利能力分析`;
const SOLVENCY = `${CN_METHOD}，《建设项目经济评价方法》财务分析：偿债能力分析`;

// Shared clauses, so that the pre-tax and after-tax variants say the same thing in the same words.
const TIMING_ZH =
  '时间轴：t = 0 为建设开始，建设投资在各建设年年初（t = 0 … C − 1）支出，运营年 n 的现金流在 t = C + n，均折现到 t = 0；' +
  '方法的报表把各年现金流都计在年末，因此这里的建设投资比报表惯例早一年，收益率略低、净现值略小（偏保守）。';
const TIMING_EN =
  'Time line: t = 0 is the start of construction, capital is spent at the start of each construction year (t = 0 … C − 1), ' +
  'operating year n sits at t = C + n, all discounted to t = 0; the method\'s tables put every flow at the end of its year, so ' +
  'the capital here comes one year earlier than in that habit and the rates and values come out slightly lower (conservative).';
const VAT_ZH = '现金流含增值税现金流（销项税额流入，进项税额和应纳增值税流出），与本模型的现金流量表一致。';
const VAT_EN = 'The cash flows include VAT cash (output VAT in; input VAT and VAT paid out), as the model\'s cash-flow table does.';
const ADJUSTED_TAX_ZH =
  '所得税后净现金流量 = 所得税前净现金流量 − 调整所得税。调整所得税按不受融资方案影响的息税前利润计算：本模型取不计利息、' +
  '折旧基数不含建设期资本化利息的应纳税所得额（含亏损结转和减免期）乘以所得税率，即方法所说“原则上”的口径（方法允许在建设期' +
  '利息占比不大时直接用利润表的息税前利润乘以税率）。';
const ADJUSTED_TAX_EN =
  'After-tax net cash flow = pre-tax net cash flow − adjusted income tax (调整所得税). The adjusted tax is levied on a profit that ' +
  'financing does not change: here the taxable income without interest and with no capitalised construction interest in the ' +
  'depreciable base (losses carried forward, tax holiday applied) times the tax rate — the method\'s "in principle" basis (it ' +
  'allows EBIT from the income statement times the rate when construction interest is a small share of the investment).';
const PAYBACK_ZH =
  'Pt = T − 1 + |第 T − 1 年累计净现金流量| / 第 T 年净现金流量，T 为累计净现金流量首次出现正值（或为零）的年份；' +
  '从建设开始（t = 0）算起，单位为年；之后累计值若再转负（如弃置费用）不予考虑。Pt ≤ 基准投资回收期 Pc 时表明投资回收快。';
const PAYBACK_EN =
  'Pt = T − 1 + |cumulative net cash flow of year T − 1| / net cash flow of year T, T the first year the cumulative net cash ' +
  'flow turns positive (or zero); counted in years from the start of construction (t = 0); a later dip (e.g. decommissioning) is ' +
  'not considered. Pt ≤ the benchmark payback Pc means the investment is recovered fast enough.';
const DYNAMIC_ZH =
  '同一插值公式用于按基准收益率 i_c 折现后的净现金流量（累计折现净现金流量出现正值的年份数 − 1 + 上年累计折现净现金流量的绝对值 / ' +
  '当年折现净现金流量）。第三版方法的财务分析只列静态投资回收期，动态投资回收期是工程经济学教材和可研报告常用的补充指标。';
const DYNAMIC_EN =
  'The same interpolation applied to the net cash flows discounted at the benchmark rate i_c. The method\'s financial analysis ' +
  'lists only the static payback; the discounted payback is the supplement that engineering-economics textbooks and feasibility ' +
  'studies commonly add.';

export const CN_INDICATOR_TEXT: Readonly<Record<CnIndicatorKey, CnIndicatorText>> = {
  firrPreTax: {
    nameZh: '项目投资财务内部收益率（所得税前）',
    nameEn: 'Project investment financial IRR, before income tax',
    unit: 'fraction',
    definitionZh:
      '使项目投资现金流量表中所得税前净现金流量的现值之和为零的折现率：Σ (CI − CO)_t (1 + FIRR)^−t = 0（融资前分析）；' +
      `FIRR ≥ 基准收益率 i_c 时项目在财务上可考虑接受。${VAT_ZH}${TIMING_ZH}`,
    definitionEn:
      'The discount rate at which the pre-income-tax net cash flows of the project investment cash-flow statement have zero ' +
      `present value, Σ (CI − CO)_t (1 + FIRR)^−t = 0 (analysis before financing); financially acceptable when FIRR ≥ the ` +
      `benchmark rate i_c. ${VAT_EN} ${TIMING_EN}`,
    source: PROFITABILITY,
  },
  firrAfterTax: {
    nameZh: '项目投资财务内部收益率（所得税后）',
    nameEn: 'Project investment financial IRR, after income tax',
    unit: 'fraction',
    definitionZh: `同所得税前内部收益率，净现金流量扣除调整所得税。${ADJUSTED_TAX_ZH}${TIMING_ZH}`,
    definitionEn: `As the pre-tax IRR, with the adjusted income tax deducted from the net cash flows. ${ADJUSTED_TAX_EN} ${TIMING_EN}`,
    source: PROFITABILITY,
  },
  fnpvPreTax: {
    nameZh: '项目投资财务净现值（所得税前）',
    nameEn: 'Project investment financial NPV, before income tax',
    unit: 'money',
    definitionZh:
      `FNPV = Σ (CI − CO)_t (1 + i_c)^−t，按基准收益率 i_c 把所得税前净现金流量折现到 t = 0 之和；FNPV ≥ 0 时项目在财务上可考虑接受。${VAT_ZH}${TIMING_ZH}`,
    definitionEn:
      'FNPV = Σ (CI − CO)_t (1 + i_c)^−t, the pre-income-tax net cash flows discounted to t = 0 at the benchmark rate i_c; ' +
      `financially acceptable when FNPV ≥ 0. ${VAT_EN} ${TIMING_EN}`,
    source: PROFITABILITY,
  },
  fnpvAfterTax: {
    nameZh: '项目投资财务净现值（所得税后）',
    nameEn: 'Project investment financial NPV, after income tax',
    unit: 'money',
    definitionZh: `同所得税前财务净现值，净现金流量扣除调整所得税。${ADJUSTED_TAX_ZH}`,
    definitionEn: `As the pre-tax NPV, with the adjusted income tax deducted. ${ADJUSTED_TAX_EN}`,
    source: PROFITABILITY,
  },
  firrEquity: {
    nameZh: '项目资本金财务内部收益率',
    nameEn: 'Equity (project capital) financial IRR',
    unit: 'fraction',
    definitionZh:
      '按项目资本金现金流量表计算的内部收益率（融资后分析）：流入为营业收入、销项税额、回收固定资产余值等，流出为项目资本金、借款本金偿还、' +
      '借款利息支付、经营成本、进项税额、应纳增值税、税金及附加、所得税、维持运营投资等；判别基准为投资者的最低可接受收益率。' +
      '建设期资本化利息计入借款，资本金支付的建设期利息计入项目资本金。',
    definitionEn:
      'The IRR of the equity (project capital) cash-flow statement (analysis after financing): inflows revenue, output VAT, ' +
      'recovered residual value; outflows equity paid in, loan principal and interest, operating cost, input VAT, VAT paid, ' +
      'surcharges, income tax, maintenance investment; judged against the investors\' minimum acceptable return. Capitalised ' +
      'construction interest is part of the loan; construction interest paid by equity is part of the equity paid in.',
    source: PROFITABILITY,
  },
  paybackPreTax: {
    nameZh: '项目投资回收期（所得税前，静态）',
    nameEn: 'Payback period, before income tax (static)',
    unit: 'years',
    definitionZh: `按所得税前净现金流量计算。${PAYBACK_ZH}`,
    definitionEn: `From the pre-income-tax net cash flows. ${PAYBACK_EN}`,
    source: PROFITABILITY,
  },
  paybackAfterTax: {
    nameZh: '项目投资回收期（所得税后，静态）',
    nameEn: 'Payback period, after income tax (static)',
    unit: 'years',
    definitionZh: `按所得税后净现金流量（扣除调整所得税）计算。${PAYBACK_ZH}`,
    definitionEn: `From the after-income-tax net cash flows (adjusted income tax deducted). ${PAYBACK_EN}`,
    source: PROFITABILITY,
  },
  dynamicPaybackPreTax: {
    nameZh: '动态投资回收期（所得税前）',
    nameEn: 'Discounted payback period, before income tax',
    unit: 'years',
    definitionZh: `按所得税前净现金流量计算。${DYNAMIC_ZH}`,
    definitionEn: `From the pre-income-tax net cash flows. ${DYNAMIC_EN}`,
    source: `工程经济学教材对 ${CN_METHOD} 静态投资回收期的折现扩展（非方法规定的指标）`,
  },
  dynamicPaybackAfterTax: {
    nameZh: '动态投资回收期（所得税后）',
    nameEn: 'Discounted payback period, after income tax',
    unit: 'years',
    definitionZh: `按所得税后净现金流量计算。${DYNAMIC_ZH}`,
    definitionEn: `From the after-income-tax net cash flows. ${DYNAMIC_EN}`,
    source: `工程经济学教材对 ${CN_METHOD} 静态投资回收期的折现扩展（非方法规定的指标）`,
  },
  roi: {
    nameZh: '总投资收益率',
    nameEn: 'Return on total investment (ROI)',
    unit: 'fraction',
    definitionZh:
      'ROI = EBIT / TI，EBIT 为正常年份的年息税前利润或运营期内年平均息税前利润，TI 为项目总投资 = 建设投资 + 建设期利息 + 流动资金；' +
      '高于同行业收益率参考值时表明盈利能力满足要求。本模型：EBIT 取运营年 1 … N 的平均值（期末处置损益若发生在最后运营年则计入）；' +
      '建设投资取不含可抵扣增值税的资本支出；建设期利息含资本化部分和资本金支付部分；模型没有流动资金，按 0 计。',
    definitionEn:
      'ROI = EBIT / TI, EBIT the earnings before interest and tax of a normal year or the average over the operating years, TI the ' +
      'total investment = construction investment + construction interest + working capital; satisfactory above the industry ' +
      'reference. Here: EBIT averaged over operating years 1 … N (including the end-of-life result when it falls in the last ' +
      'operating year); construction investment is the capital cost without deductible VAT; construction interest both ' +
      'capitalised and paid by equity; the model has no working capital, counted as 0.',
    source: PROFITABILITY,
  },
  roe: {
    nameZh: '项目资本金净利润率',
    nameEn: 'Return on equity (ROE)',
    unit: 'fraction',
    definitionZh:
      'ROE = NP / EC，NP 为正常年份的年净利润或运营期内年平均净利润，EC 为项目资本金；高于同行业净利润率参考值时表明盈利能力满足要求。' +
      '本模型：NP 取运营年 1 … N 的平均净利润；EC 为建设期投入的资本金（含资本金承担的资本支出进项增值税和资本金支付的建设期利息）。',
    definitionEn:
      'ROE = NP / EC, NP the net profit of a normal year or the average over the operating years, EC the project capital (equity); ' +
      'satisfactory above the industry reference. Here: NP averaged over operating years 1 … N; EC the equity put in during ' +
      'construction (including its share of the input VAT on capital and construction interest paid by equity).',
    source: PROFITABILITY,
  },
  interestCover: {
    nameZh: '利息备付率',
    nameEn: 'Interest cover ratio (ICR)',
    unit: 'ratio',
    definitionZh:
      'ICR = EBIT / PI，按借款偿还期内各年计算，EBIT 为息税前利润（利润总额 + 计入总成本费用的利息支出），PI 为计入总成本费用的应付利息；' +
      '报告各年值和最小值。方法：利息备付率应大于 1，并结合债权人的要求确定；常引用的“不宜低于 2”是咨询工程师教材依据我国企业历史数据给出的经验值，不是方法的要求。',
    definitionEn:
      'ICR = EBIT / PI by year of the repayment period, EBIT = total profit + interest charged to total cost, PI the interest ' +
      'charged to total cost; reported by year and as its minimum. The method: above 1, and as the lenders require; the often ' +
      'quoted "not below 2" is an empirical value from Chinese consulting-engineer texts, not the method\'s requirement.',
    source: SOLVENCY,
  },
  debtServiceCover: {
    nameZh: '偿债备付率',
    nameEn: 'Debt service cover ratio (DSCR, the method\'s definition)',
    unit: 'ratio',
    definitionZh:
      'DSCR = (EBITDA − T_AX) / PD，按借款偿还期内各年计算，EBITDA 为息税前利润加折旧和摊销，T_AX 为企业所得税，PD 为当期应还本付息金额' +
      '（还本 + 计入总成本费用的全部利息）；运营期内有维持运营投资时，可用于还本付息的资金应扣除维持运营投资。方法：应大于 1，并结合债权人的' +
      '要求确定；常引用的“不宜低于 1.3”是教材经验值。与本模型 summary.dscrByYear（CFADS / 还本付息）的差别：CFADS 是现金口径，含当年' +
      '抵扣的留抵进项税额（建设期设备进项税带来的现金），不含期末残值和弃置费用；本指标是利润口径，不含增值税，期末残值减弃置费用计入' +
      '当年 EBITDA（账面净值核销视同折旧加回）。两者分子之差 = 留抵进项税额的减少 − 期末净残值。',
    definitionEn:
      'DSCR = (EBITDA − TAX) / PD by year of the repayment period, EBITDA = EBIT + depreciation + amortisation, TAX the income tax, ' +
      'PD the principal and all interest charged to total cost due in the year; maintenance investment in the year is deducted ' +
      'from the funds. The method: above 1, and as the lenders require; the often quoted "not below 1.3" is a textbook value. ' +
      'Against summary.dscrByYear (CFADS / debt service): CFADS is cash and includes the input-VAT credit (from VAT on the capital) ' +
      'used in the year, but not the end-of-life salvage and decommissioning; this one is the VAT-exclusive profit basis, without ' +
      'the credit, with salvage − decommissioning in that year\'s EBITDA (the book value written off added back like depreciation). ' +
      'Numerators differ by the decrease of the VAT credit minus the end-of-life net salvage.',
    source: SOLVENCY,
  },
  liabilityToAssets: {
    nameZh: '资产负债率',
    nameEn: 'Liability-to-asset ratio (LOAR)',
    unit: 'fraction',
    definitionZh:
      'LOAR = TL / TA，按各年末资产负债表计算，报告各年值和最大值。简化资产负债表：资产 = 固定资产净值 + 待抵扣进项税额 + 累计盈余资金' +
      '（利润全部留存、不分配，模型没有流动资金）；负债 = 借款余额（累计盈余资金为负时计为短期借款，其利息模型未计）。方法未给统一判据，' +
      '应结合行业水平和债权人要求判断。',
    definitionEn:
      'LOAR = TL / TA at each year end, reported by year and as its maximum. Simplified balance sheet: assets = fixed assets net + ' +
      'input-VAT credit carried forward + cumulative cash surplus (all profit retained, no working capital in the model); ' +
      'liabilities = loan balance (a negative cumulative surplus counted as short-term borrowing, whose interest the model does ' +
      'not carry). The method sets no single threshold: judged against the industry and the lenders.',
    source: SOLVENCY,
  },
};
