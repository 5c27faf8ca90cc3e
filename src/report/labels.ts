/**
 * The words of the reports and the web app in English and Chinese: one table, each term declared once. The Chinese
 * terms are those of Chinese feasibility studies and investment memos (建设项目经济评价方法与参数, third edition,
 * for the financial indicators) so that a bureau and an investor read their own vocabulary.
 */

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

export interface Term {
  readonly en: string;
  readonly zh: string;
}

export const LABELS = {
  // investor and bureau terms
  totalInvestment: { en: 'Total investment', zh: '总投资' },
  lcos: { en: 'Levelised cost of storage (LCOS)', zh: '度电成本 (LCOS)' },
  lcosSchmidt: { en: 'LCOS (Schmidt et al.)', zh: '度电成本 (Schmidt 法)' },
  lcosLazard: { en: 'LCOS (Lazard)', zh: '度电成本 (Lazard 法)' },
  batteryCapacity10: { en: 'Battery capacity after 10 years', zh: '10 年后电池容量' },
  batteryReplacements: { en: 'Battery augmentations and replacements', zh: '电池增容与更换次数' },
  batteryEndOfLifeValue: { en: 'Retired battery value at end of life', zh: '寿命末期退役电池价值' },
  npv: { en: 'Net present value (NPV)', zh: '净现值' },
  npvProjectAfterTax: { en: 'Project NPV after tax', zh: '项目投资税后净现值' },
  npvEquity: { en: 'Equity NPV', zh: '资本金净现值' },
  irr: { en: 'Internal rate of return (IRR)', zh: '内部收益率' },
  irrProjectAfterTax: { en: 'Project IRR after tax', zh: '项目投资税后内部收益率' },
  irrEquity: { en: 'Equity IRR', zh: '资本金内部收益率' },
  paybackYears: { en: 'Payback period', zh: '投资回收期' },
  minDscr: { en: 'Minimum DSCR', zh: '最小偿债覆盖率' },
  dscr: { en: 'Debt service coverage ratio (DSCR)', zh: '偿债覆盖率 (DSCR)' },
  discountRate: { en: 'Discount rate', zh: '折现率' },
  benchmarkRate: { en: 'Benchmark rate', zh: '基准收益率' },
  annualDischarge: { en: 'Energy discharged per year', zh: '年放电量' },
  annualCharge: { en: 'Energy charged per year', zh: '年充电量' },
  roundTripEfficiency: { en: 'Round-trip efficiency', zh: '往返效率' },
  energyCapacity: { en: 'Energy capacity', zh: '储能容量' },
  ratedPower: { en: 'Rated power', zh: '额定功率' },
  chargePower: { en: 'Charge power', zh: '充电功率' },
  dischargePower: { en: 'Discharge power', zh: '放电功率' },
  equivalentFullCycles: { en: 'Equivalent full cycles per year', zh: '年等效满充满放次数' },
  arbitrageMargin: { en: 'Arbitrage margin per year', zh: '年峰谷套利净收益' },
  capacityRevenue: { en: 'Capacity payment per year', zh: '年容量补偿收入' },
  ancillaryRevenue: { en: 'Ancillary revenue per year', zh: '年辅助服务收入' },
  technology: { en: 'Technology', zh: '技术路线' },
  operatingYears: { en: 'Operating years', zh: '运营期' },
  constructionYears: { en: 'Construction years', zh: '建设期' },
  notReached: { en: 'not reached', zh: '未回收' },

  // operation
  charge: { en: 'Charge', zh: '充电' },
  discharge: { en: 'Discharge', zh: '放电' },
  plantCharge: { en: 'Charge (plant model)', zh: '充电 (电站模型)' },
  plantDischarge: { en: 'Discharge (plant model)', zh: '放电 (电站模型)' },
  soc: { en: 'State of charge', zh: '荷电状态' },
  price: { en: 'Electricity price', zh: '电价' },
  power: { en: 'Power', zh: '功率' },
  netPower: { en: 'Net power (discharge +, charge −)', zh: '净功率 (放电为正, 充电为负)' },
  storedEnergy: { en: 'Stored energy', zh: '储存电量' },
  time: { en: 'Time', zh: '时间' },
  hourOfDay: { en: 'Hour of day', zh: '时刻' },
  dayOfYear: { en: 'Day', zh: '日期' },
  month: { en: 'Month', zh: '月份' },
  year: { en: 'Year (0 = start of construction)', zh: '年份 (0 = 开工年)' },
  energySales: { en: 'Energy sales', zh: '售电收入' },
  chargingCost: { en: 'Charging cost', zh: '充电成本' },
  netMargin: { en: 'Net margin', zh: '净收益' },
  weekOperation: { en: 'Operation', zh: '运行' },
  yearHeatmap: { en: 'The year hour by hour', zh: '全年逐时运行' },
  monthlyRevenue: { en: 'Monthly arbitrage revenue', zh: '月度套利收益' },
  replay: { en: 'Replay through the plant model', zh: '电站模型复核' },

  // money
  cashFlow: { en: 'Cash flow', zh: '现金流' },
  cumulativeCashFlow: { en: 'Cumulative cash flow after tax', zh: '累计税后现金流' },
  revenue: { en: 'Revenue', zh: '营业收入' },
  om: { en: 'O&M', zh: '运维成本' },
  taxes: { en: 'Taxes (VAT, surcharges, income tax)', zh: '税金 (增值税、附加税、所得税)' },
  interest: { en: 'Interest', zh: '利息' },
  principal: { en: 'Principal', zh: '还本' },
  investment: { en: 'Investment (capex, replacements)', zh: '建设投资及更新' },
  salvage: { en: 'Salvage less decommissioning', zh: '残值 (扣除拆除费用)' },
  tornado: { en: 'Sensitivity (tornado)', zh: '敏感性分析 (龙卷风图)' },
  atLow: { en: 'Low value', zh: '下限取值' },
  atHigh: { en: 'High value', zh: '上限取值' },
  monteCarlo: { en: 'Monte Carlo', zh: '蒙特卡洛模拟' },
  draws: { en: 'Draws', zh: '抽样次数' },
  probabilityNpvPositive: { en: 'P(NPV > 0)', zh: '净现值为正的概率' },

  // sensitivity knobs (src/finance/knobs.ts FINANCE_KNOBS)
  capexMultiplier: { en: 'Capex', zh: '建设投资' },
  revenueMultiplier: { en: 'Revenue', zh: '营业收入' },
  chargingCostMultiplier: { en: 'Charging cost', zh: '充电成本' },
  omMultiplier: { en: 'O&M cost', zh: '运维成本' },
  replacementMultiplier: { en: 'Replacement cost', zh: '更新改造费用' },
  debtInterestRate: { en: 'Loan interest rate', zh: '贷款利率' },
  incomeTaxRate: { en: 'Income-tax rate', zh: '所得税税率' },

  // plant and thermodynamics
  pressure: { en: 'Pressure', zh: '压力' },
  temperature: { en: 'Temperature', zh: '温度' },
  enthalpy: { en: 'Specific enthalpy', zh: '比焓' },
  entropy: { en: 'Specific entropy', zh: '比熵' },
  level: { en: 'Level', zh: '液位' },
  storePressure: { en: 'Store pressure', zh: '储罐/储气压力' },
  saturationDome: { en: 'Saturation dome', zh: '饱和线' },
  criticalPoint: { en: 'Critical point', zh: '临界点' },
  isotherm: { en: 'Isotherms', zh: '等温线' },
  isobar: { en: 'Isobars', zh: '等压线' },
  chargeProcess: { en: 'Charge', zh: '储能 (充电) 过程' },
  dischargeProcess: { en: 'Discharge', zh: '释能 (放电) 过程' },
  phDiagram: { en: 'p–h diagram', zh: '压焓图' },
  tsDiagram: { en: 'T–s diagram', zh: '温熵图' },
  cycle: { en: 'Charge–hold–discharge cycle', zh: '充电–静置–放电循环' },
  powerIn: { en: 'Power drawn', zh: '充电功率' },
  powerOut: { en: 'Power delivered', zh: '放电功率' },
  fuel: { en: 'Fuel (LHV)', zh: '燃料 (低位热值)' },
  hold: { en: 'Hold', zh: '静置' },
  plantFigures: { en: 'Design point', zh: '设计工况' },
  liquidBalance: { en: 'Stores over the periodic design cycle (measured)', zh: '周期性设计循环储罐工质平衡 (实测)' },
  balanceStore: { en: 'Store', zh: '储罐' },
  balanceFilledBy: { en: 'Filled by', zh: '充入过程' },
  balanceIn: { en: 'In', zh: '充入' },
  balanceOut: { en: 'Out', zh: '放出' },
  balanceRatio: { en: 'Out ÷ in', zh: '放出/充入' },
  balanceLeft: { en: 'Left after emptying', zh: '放出后剩余' },
  balanceRestored: { en: 'Restored', zh: '恢复装置调整' },
  balanceStanding: { en: 'Heat lost', zh: '散热损失' },
  balanceChange: { en: 'End − start', zh: '终态−初态' },
  balanceEnded: { en: 'Ended', zh: '终止条件' },
  balanceByCharge: { en: 'charge', zh: '充电' },
  balanceByDischarge: { en: 'discharge', zh: '放电' },
  balanceByNeither: { en: 'neither', zh: '无' },
  balanceEndedDischarge: { en: 'ended the discharge', zh: '终止放电' },
  balanceEndedCharge: { en: 'ended the charge', zh: '终止充电' },
  balanceCycle: { en: 'Design cycle', zh: '设计循环' },
  balancePeriodic: { en: 'periodic within', zh: '周期性, 容差' },
  balanceNotPeriodic: { en: 'NOT periodic, tolerance', zh: '未达周期性, 容差' },
  balanceNoStop: { en: 'ran its whole time', zh: '未触及限值' },

  // report frame
  report: { en: 'Storage project evaluation', zh: '储能项目评价报告' },
  project: { en: 'Project', zh: '项目' },
  site: { en: 'Site', zh: '厂址' },
  date: { en: 'Date', zh: '日期' },
  language: { en: 'Language', zh: '语言' },
  plant: { en: 'Plant', zh: '方案' },
  comparison: { en: 'Comparison', zh: '方案比较' },
  verdict: { en: 'Verdict', zh: '结论' },
  kpis: { en: 'Key figures', zh: '主要指标' },
  operation: { en: 'Operation', zh: '运行' },
  money: { en: 'Money', zh: '财务' },
  conventions: { en: 'Conventions', zh: '计算约定' },
  notes: { en: 'Notes', zh: '说明' },
  chineseMethod: { en: 'Chinese method (建设项目经济评价方法与参数, 3rd ed.)', zh: '建设项目经济评价方法与参数 (第三版) 指标' },
  indicator: { en: 'Indicator', zh: '指标' },
  value: { en: 'Value', zh: '数值' },
  benchmark: { en: 'Benchmark', zh: '基准' },
  passes: { en: 'Meets benchmark', zh: '是否满足' },
  yes: { en: 'yes', zh: '是' },
  no: { en: 'no', zh: '否' },
  definition: { en: 'Definitions', zh: '定义' },
  source: { en: 'Source', zh: '来源' },
  schedule: { en: 'Hourly schedule', zh: '逐时运行' },
  unit: { en: 'Unit', zh: '单位' },
  prices: { en: 'Prices', zh: '电价' },
  mean: { en: 'mean', zh: '平均' },
} as const satisfies Record<string, Term>;

/** Words in the names of a plant's transient channels ("oil.hot.T", "cavern.p"), for the cycle chart's legends. */
export const CHANNEL_WORDS = {
  tank: { en: 'tank', zh: '储罐' },
  cavern: { en: 'cavern', zh: '储气洞穴' },
  dome: { en: 'dome', zh: '气膜仓' },
  oil: { en: 'oil', zh: '导热油' },
  water: { en: 'water', zh: '水' },
  basin: { en: 'basin', zh: '水池' },
  tes: { en: 'thermal store', zh: '储热' },
  hot: { en: 'hot', zh: '热罐' },
  cold: { en: 'cold', zh: '冷罐' },
  salt: { en: 'salt', zh: '熔盐' },
  vessel: { en: 'vessel', zh: '储气罐' },
  hp: { en: 'HP store', zh: '高压储罐' },
  lp: { en: 'LP store', zh: '低压储罐' },
  // keys in lower case: a channel's or figure's words are looked up case-blind (liquidCO2, coldStore)
  liquidco2: { en: 'liquid CO2', zh: '液态CO2' },
  coldstore: { en: 'cold store', zh: '储冷' },
  sensiblestore: { en: 'sensible cold store', zh: '显热储冷' },
} as const satisfies Record<string, Term>;

/** "oil.hot.T" → "oil hot" / "导热油 热罐" (the quantity, the last part, is named by the panel). */
export function channelName(channel: string, lang: Lang): string {
  const parts = channel.split('.');
  const words = parts.slice(0, -1).map((w) => (Object.hasOwn(CHANNEL_WORDS, w.toLowerCase()) ? CHANNEL_WORDS[w.toLowerCase() as keyof typeof CHANNEL_WORDS][lang] : w));
  return words.join(lang === 'zh' ? '' : ' ') || channel;
}

/** The design-point figures of the plant templates (`plantModel.figures`; the part after a "C1." or "oil." prefix). */
export const FIGURE_NAMES = {
  chargeNetPower: { en: 'charge net power', zh: '充电净功率' },
  dischargeNetPower: { en: 'discharge net power', zh: '放电净功率' },
  chargeAuxiliaries: { en: 'charge auxiliaries', zh: '充电辅机功率' },
  dischargeAuxiliaries: { en: 'discharge auxiliaries', zh: '放电辅机功率' },
  chargeMassFlow: { en: 'charge mass flow', zh: '充电质量流量' },
  dischargeMassFlow: { en: 'discharge mass flow', zh: '放电质量流量' },
  condensingTemperature: { en: 'condensing temperature', zh: '冷凝温度' },
  condensingPressure: { en: 'condensing pressure', zh: '冷凝压力' },
  evaporatingPressure: { en: 'evaporating pressure', zh: '蒸发压力' },
  compressorOutletPressure: { en: 'compressor outlet pressure', zh: '压缩机出口压力' },
  liquidMassWindow: { en: 'usable liquid mass', zh: '可用液态工质质量' },
  airMassWindow: { en: 'usable air mass', zh: '可用空气质量' },
  chargeDurationEstimate: { en: 'charge duration (estimate)', zh: '充电时长 (估算)' },
  dischargeDurationEstimate: { en: 'discharge duration (estimate)', zh: '放电时长 (估算)' },
  domeVolume: { en: 'dome volume', zh: '气膜仓容积' },
  basinVolume: { en: 'basin volume', zh: '水池容积' },
  specificCompressionWork: { en: 'specific compression work', zh: '单位质量压缩耗功' },
  specificExpansionWork: { en: 'specific expansion work', zh: '单位质量膨胀做功' },
  outletTemperature: { en: 'outlet temperature', zh: '出口温度' },
  inletTemperature: { en: 'inlet temperature', zh: '入口温度' },
  inletPressure: { en: 'inlet pressure', zh: '入口压力' },
  pressureRatio: { en: 'pressure ratio', zh: '压比' },
  hotTemperature: { en: 'hot temperature', zh: '热罐温度' },
  mediumMass: { en: 'medium mass', zh: '介质质量' },
  tankVolume: { en: 'volume of each tank', zh: '单罐容积' },
  designCavernPressure: { en: 'design cavern pressure', zh: '设计储气压力' },
  cavernWallArea: { en: 'cavern wall area', zh: '洞穴壁面积' },
  liquidTankVolume: { en: 'liquid tank volume', zh: '液罐容积' },
  dischargeEnergyEstimate: { en: 'discharge energy (estimate)', zh: '放电量 (估算)' },
  // design estimates (design flow × duration); the measured balance of the periodic cycle is a table of its own
  chargeMass: { en: 'charged mass (design)', zh: '设计充入质量' },
  dischargeMass: { en: 'drawn mass (design)', zh: '设计放出质量' },
  remnant: { en: 'mass left (design)', zh: '设计剩余质量' },
  dischargeToChargeRatio: { en: 'drawn ÷ charged (design)', zh: '设计放出/充入' },
  highPressureCondensingTemperature: { en: 'HP condensing temperature', zh: '高压侧冷凝温度' },
  highPressureCondensingPressure: { en: 'HP condensing pressure', zh: '高压侧冷凝压力' },
  highPressureEvaporatingTemperature: { en: 'HP evaporating temperature', zh: '高压侧蒸发温度' },
  lowPressureCondensingTemperature: { en: 'LP condensing temperature', zh: '低压侧冷凝温度' },
  lowPressureCondensingPressure: { en: 'LP condensing pressure', zh: '低压侧冷凝压力' },
  lowPressureEvaporatingPressure: { en: 'LP evaporating pressure', zh: '低压侧蒸发压力' },
  lowPressureVolume: { en: 'LP store volume', zh: '低压储罐容积' },
  hpMassWindow: { en: 'usable HP mass', zh: '高压侧可用质量' },
  chargeDuty: { en: 'charge duty', zh: '充电换热功率' },
  dischargeDuty: { en: 'discharge duty', zh: '放电换热功率' },
  dischargeToChargeMedium: { en: 'medium drawn ÷ charged', zh: '介质放出/充入' },
  chillerCop: { en: 'chiller COP', zh: '制冷机性能系数' },
  fuelInput: { en: 'fuel input', zh: '燃料输入功率' },
  heatRate: { en: 'heat rate', zh: '热耗率' },
  electricityInPerOut: { en: 'electricity in per electricity out', zh: '单位发电耗电' },
  hpFuel: { en: 'HP combustor fuel', zh: '高压燃烧室燃料' },
  lpFuel: { en: 'LP combustor fuel', zh: '低压燃烧室燃料' },
  hpTurbinePower: { en: 'HP turbine power', zh: '高压透平功率' },
  lpTurbinePower: { en: 'LP turbine power', zh: '低压透平功率' },
  exhaustTemperature: { en: 'exhaust temperature', zh: '排气温度' },
  recuperatorDuty: { en: 'recuperator duty', zh: '回热器换热功率' },
  materialMass: { en: 'phase-change material mass', zh: '相变材料质量' },
  volume: { en: 'volume', zh: '容积' },
  latentCapacity: { en: 'latent heat capacity', zh: '潜热容量' },
  dischargeToChargeHeat: { en: 'heat discharged ÷ charged', zh: '放热/充热' },
  startFrozenFraction: { en: 'frozen fraction at the charge start', zh: '充电开始时凝固分数' },
} as const satisfies Record<string, Term>;

/** "C1.outletTemperature" → "C1 outlet temperature" / "C1 出口温度"; an unknown name is split at its capitals. */
export function figureName(key: string, lang: Lang): string {
  const dot = key.lastIndexOf('.');
  const prefix = dot < 0 ? '' : key.slice(0, dot);
  const name = key.slice(dot + 1);
  const known = Object.hasOwn(FIGURE_NAMES, name) ? FIGURE_NAMES[name as keyof typeof FIGURE_NAMES][lang] : name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const where = prefix ? prefix.split('.').map((w) => (Object.hasOwn(CHANNEL_WORDS, w.toLowerCase()) ? CHANNEL_WORDS[w.toLowerCase() as keyof typeof CHANNEL_WORDS][lang] : w)).join(' ') : '';
  return where ? `${where} ${known}` : known;
}

/** The columns of the yearly cash flow (src/project/output.ts CASH_FLOW_COLUMNS, src/finance/cashflow.ts). */
export const CASH_FLOW_NAMES = {
  year: { en: 'Year t', zh: '年份 t' },
  operatingYear: { en: 'Operating year', zh: '运营年' },
  energyDischarged: { en: 'Energy discharged', zh: '放电量' },
  revenue: { en: 'Revenue', zh: '营业收入' },
  chargingCost: { en: 'Charging cost', zh: '充电成本' },
  omFixed: { en: 'Fixed O&M', zh: '固定运维费' },
  omVariable: { en: 'Variable O&M', zh: '可变运维费' },
  otherCosts: { en: 'Other costs', zh: '其他费用' },
  capex: { en: 'Capex', zh: '建设投资' },
  replacement: { en: 'Replacements', zh: '更新改造投资' },
  decommissioning: { en: 'Decommissioning', zh: '拆除费用' },
  salvage: { en: 'Salvage value', zh: '残值回收' },
  vatPaid: { en: 'VAT paid', zh: '应纳增值税' },
  surcharges: { en: 'Surcharges', zh: '税金附加' },
  ebitda: { en: 'EBITDA', zh: '息税折旧摊销前利润' },
  depreciation: { en: 'Depreciation', zh: '折旧' },
  interest: { en: 'Interest', zh: '利息' },
  incomeTax: { en: 'Income tax', zh: '所得税' },
  principal: { en: 'Principal', zh: '还本' },
  debtService: { en: 'Debt service', zh: '还本付息' },
  debtBalance: { en: 'Debt balance', zh: '借款余额' },
  cfads: { en: 'CFADS', zh: '可用于偿债的现金流 (CFADS)' },
  projectCashFlowPreTax: { en: 'Project cash flow before tax', zh: '所得税前项目现金流' },
  projectCashFlowAfterTax: { en: 'Project cash flow after tax', zh: '所得税后项目现金流' },
  equityCashFlow: { en: 'Equity cash flow', zh: '资本金现金流' },
  cumulativeAfterTax: { en: 'Cumulative after tax', zh: '累计税后现金流' },
  dscr: { en: 'DSCR', zh: '偿债覆盖率 (DSCR)' },
} as const satisfies Record<string, Term>;

export type LabelKey = keyof typeof LABELS;

/** The term `key` in `lang`. */
export function label(key: LabelKey, lang: Lang): string {
  return LABELS[key][lang];
}

/** A label for a name that may or may not be in the table (a sensitivity knob, a channel): the name itself otherwise. */
export function labelOr(name: string, lang: Lang): string {
  return Object.hasOwn(LABELS, name) ? LABELS[name as LabelKey][lang] : name;
}

/** Refuses a language the reports do not speak, naming the valid ones. */
export function checkLang(lang: unknown, field = 'lang'): Lang {
  if (lang === 'en' || lang === 'zh') return lang;
  throw new RangeError(`${field}: "${String(lang)}" is not a report language; use one of ${LANGS.join(', ')}`);
}
