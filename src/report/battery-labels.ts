/**
 * The words of the battery, recycling and grading figures in English and Chinese (the charts, the report sections
 * and the web views say the same). Chinese terms are those of Chinese storage-station and recycling documents
 * (容量保持率, 内阻, 增容, 更换, 梯次利用, 再生利用, 黑粉, 湿法/火法冶金, 直接再生).
 */
import type { Lang, Term } from './labels.js';

export const BATTERY_TERMS = {
  // life
  battery: { en: 'Battery', zh: '电池' },
  batteryLife: { en: 'Capacity and resistance over the years', zh: '逐年容量与内阻' },
  capacity: { en: 'Relative capacity', zh: '容量保持率' },
  resistance: { en: 'Relative resistance', zh: '内阻增长率' },
  usableEnergy: { en: 'Usable energy at the grid, % of nameplate', zh: '并网点可用电量占额定比例' },
  yearsOfOperation: { en: 'Years of operation', zh: '运行年数' },
  operatingYear: { en: 'Operating year', zh: '运行年' },
  augmentation: { en: 'Augmentation', zh: '增容' },
  replacement: { en: 'Replacement', zh: '更换' },
  replacements: { en: 'Augmentation and replacements', zh: '增容与更换' },
  racks: { en: 'Racks', zh: '电池簇数' },
  addedEnergy: { en: 'Energy added (DC nominal)', zh: '新增额定直流电量' },
  addedEnergyShort: { en: 'Added (DC)', zh: '新增 (直流)' },
  cost: { en: 'Cost', zh: '费用' },
  kind: { en: 'Kind', zh: '类型' },
  lifeModel: { en: 'Life model', zh: '寿命模型' },
  modelSpread: { en: 'Other published models (same duty)', zh: '其他已发布模型 (相同工况)' },
  yearsTo80: { en: 'Years to 80 %', zh: '衰减至 80% 年限' },
  threshold80: { en: '80 % of nameplate', zh: '80% 额定容量' },
  notReached: { en: 'not reached', zh: '未达到' },
  acRoundTrip: { en: 'AC round trip', zh: '交流侧往返效率' },
  acRoundTripWithAux: { en: 'AC round trip with auxiliaries', zh: '含辅助用电的交流往返效率' },
  dcRoundTrip: { en: 'DC round trip', zh: '直流侧往返效率' },
  acWithAuxShort: { en: 'AC with aux.', zh: '交流 (含辅助)' },
  acShort: { en: 'AC', zh: '交流' },
  dcShort: { en: 'DC', zh: '直流' },
  auxiliaryEnergy: { en: 'Auxiliary and HVAC energy', zh: '辅助及温控用电量' },
  yearlyEfficiency: { en: 'Round trip and auxiliary energy per year', zh: '逐年往返效率与辅助用电' },
  roundTrips: { en: 'Round trip at C-rates and ambients', zh: '不同倍率与环境温度下的往返效率' },
  ambient: { en: 'Ambient temperature', zh: '环境温度' },
  ambientShort: { en: 'Ambient', zh: '环境' },
  power: { en: 'Power', zh: '功率' },
  endOfLife: { en: 'End-of-life value', zh: '退役残值' },
  endOfLifeEnergy: { en: 'Retired at the end (DC nameplate)', zh: '期末退役电池 (额定直流电量)' },
  valuePerEnergy: { en: 'Value per kWh', zh: '单位电量价值' },
  basis: { en: 'Basis', zh: '依据' },
  cell: { en: 'Cell', zh: '电芯' },
  chemistry: { en: 'Chemistry', zh: '化学体系' },
  layout: { en: 'Layout', zh: '系统配置' },
  containers: { en: 'Containers', zh: '集装箱数' },
  cellsPerRack: { en: 'Cells per rack', zh: '每簇电芯数' },
  nominalEnergy: { en: 'Nominal energy (DC)', zh: '额定直流电量' },
  gridEnergy: { en: 'Energy at the grid', zh: '并网点电量' },
  socWindow: { en: 'SOC window', zh: 'SOC 区间' },
  sizedBy: { en: 'Sized by', zh: '配置依据' },
  capacityAfter10: { en: 'Capacity after 10 years', zh: '10 年后容量保持率' },

  // recycling
  recycling: { en: 'Recycling plant', zh: '电池回收厂' },
  route: { en: 'Route', zh: '工艺路线' },
  pyro: { en: 'Pyrometallurgical', zh: '火法冶金' },
  hydro: { en: 'Hydrometallurgical', zh: '湿法冶金' },
  direct: { en: 'Direct regeneration', zh: '直接再生' },
  massBalance: { en: 'Mass balance per year', zh: '年物料平衡' },
  feed: { en: 'Feed', zh: '进料' },
  feedEnergy: { en: 'Feed (nameplate energy)', zh: '进料 (额定电量)' },
  secondLife: { en: 'Second life', zh: '梯次利用' },
  blackMass: { en: 'Black mass', zh: '黑粉' },
  residue: { en: 'Residue', zh: '残渣及损失' },
  products: { en: 'Products', zh: '产品' },
  valueByRoute: { en: 'Net value by route and chemistry', zh: '各工艺路线与化学体系的净价值' },
  netValuePerMass: { en: 'Net value per t', zh: '每吨净价值' },
  netValuePerEnergy: { en: 'Net value per kWh', zh: '每千瓦时净价值' },
  breakEvenGateFee: { en: 'Break-even gate fee', zh: '盈亏平衡处理费' },
  breakEvenNote: { en: 'negative: the recycler can pay for the batteries', zh: '负值: 回收厂可付费收购电池' },
  revenueTotal: { en: 'Revenue per year', zh: '年收入' },
  operatingCost: { en: 'Operating cost per year', zh: '年运营成本' },
  capitalCharge: { en: 'Capital charge per year', zh: '年资本回收费用' },
  netValue: { en: 'Net value per year', zh: '年净价值' },
  utilisation: { en: 'Line utilisation', zh: '产线负荷率' },
  annualCapacity: { en: 'Line capacity', zh: '产线年处理能力' },
  capex: { en: 'Capital cost of the line', zh: '产线建设投资' },
  operatingMargin: { en: 'Operating margin per year', zh: '年经营毛利' },
  statement: { en: 'Annual operating statement', zh: '年度经营收支' },
  noFinance: { en: 'The project file has no finance section: no cash flow, NPV or IRR.', zh: '项目文件无财务部分: 无现金流、净现值与内部收益率。' },

  // grading
  grading: { en: 'Second-life grading', zh: '退役电芯梯次分选' },
  gradeReuseStorage: { en: 'reuse in storage', zh: '储能梯次利用' },
  gradeReuseLowPower: { en: 'reuse at low power', zh: '低功率梯次利用' },
  gradeRecycle: { en: 'recycle', zh: '再生利用' },
  module: { en: 'module', zh: '模组' },
  spare: { en: 'spare', zh: '备用' },
  cells: { en: 'Cells', zh: '电芯数' },
  capacityProxy: { en: 'Capacity proxy (a partial-charge proxy, not a capacity)', zh: '容量代理量 (部分充电推算, 非实际容量)' },
  dvDeviation: { en: 'DV deviation (RMS of dv/mean − 1)', zh: 'DV 偏差 (dv/均值 − 1 的均方根)' },
  chargePassed: { en: 'Charge passed', zh: '充入电量' },
  featuresByModule: { en: 'Cell features by module', zh: '各模组电芯特征' },
  dvCurves: { en: 'Differential voltage dV/dQ of every cell', zh: '各电芯微分电压 dV/dQ' },
  capacityHistogram: { en: 'Capacity proxy of the cells', zh: '电芯容量代理量分布' },
  yields: { en: 'Yields by grade', zh: '各等级产出' },
  rejected: { en: 'Rejected cells', zh: '剔除电芯' },
  groups: { en: 'Groups (modules)', zh: '分组 (模组)' },
} as const satisfies Record<string, Term>;

export type BatteryTermKey = keyof typeof BATTERY_TERMS;

/** The recycling library's product and money lines (src/battery/recycling mass-balance.ts, economics.ts, statement.ts) in Chinese. */
export const RECYCLING_LINE_NAMES_ZH: Readonly<Record<string, string>> = {
  'steel scrap': '废钢',
  'Cu scrap': '废铜',
  'Al scrap': '废铝',
  Li2CO3: '碳酸锂',
  'Ni (in sulphate)': '镍 (硫酸盐)',
  'Co (in sulphate)': '钴 (硫酸盐)',
  'Mn (in sulphate)': '锰 (硫酸盐)',
  FePO4: '磷酸铁',
  'Ni (in alloy)': '镍 (合金)',
  'Co (in alloy)': '钴 (合金)',
  'second-life units': '梯次利用电池',
  'gate fees': '处理费收入',
  'batteries bought': '电池收购',
  'collection and transport': '收集与运输',
  'dismantling energy': '拆解用电',
  'dismantling consumables': '拆解耗材',
  'pre-treatment energy': '预处理用电',
  'pre-treatment consumables': '预处理耗材',
  'route energy': '冶炼/再生用电',
  'route reagents': '冶炼/再生试剂',
  'route other': '冶炼/再生其他费用',
  'residue disposal': '残渣处置',
  labour: '人工',
  'maintenance and insurance': '维修与保险',
};

/** A product or money line of the recycling library in `lang` ("regenerated LFP" → "再生 LFP 正极材料"); an unknown one as written. */
export function lineName(name: string, lang: Lang): string {
  if (lang === 'en') return name;
  const regenerated = /^regenerated (\S+)$/.exec(name);
  if (regenerated) return `再生 ${regenerated[1]} 正极材料`;
  return Object.hasOwn(RECYCLING_LINE_NAMES_ZH, name) ? RECYCLING_LINE_NAMES_ZH[name] : name;
}

/** The battery term `key` in `lang`. */
export function term(key: BatteryTermKey, lang: Lang): string {
  return BATTERY_TERMS[key][lang];
}

/** A route's name. */
export function routeName(route: string, lang: Lang): string {
  return route === 'pyro' || route === 'hydro' || route === 'direct' ? BATTERY_TERMS[route][lang] : route;
}

/** A grade's name (src/battery/grading GRADES). */
export function gradeName(grade: string, lang: Lang): string {
  const key = grade === 'reuse-storage' ? 'gradeReuseStorage' : grade === 'reuse-low-power' ? 'gradeReuseLowPower' : grade === 'recycle' ? 'gradeRecycle' : undefined;
  return key ? BATTERY_TERMS[key][lang] : grade;
}
