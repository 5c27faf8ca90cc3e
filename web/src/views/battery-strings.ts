/**
 * The words of the battery, recycling and grading pages in English and Chinese (the chart and report terms come
 * from src/report/battery-labels.ts). The Chinese table is typed by the English one: a missing key does not compile.
 */
import { reasonText, type RejectionReason } from '../../../src/battery/grading/index.js';
import type { Lang } from './strings.js';

const en = {
  // battery page
  noBattery: (names: string) => `This plant has no battery model (only a li-ion template plant has one).${names ? ` Plants with one: ${names}.` : ''}`,
  lifeModelLine: (name: string, id: string) => `life model ${name} (${id})`,
  replacementsNone: 'No augmentation or replacement over the operating years.',
  operatingYearStart: 'Year (start)',
  yearsTo80Own: 'Years to 80 % (this model)',
  replacementCount: 'Augmentations and replacements',
  firstYearRoundTrip: 'AC round trip, first year',
  firstYearAux: 'Auxiliary and HVAC energy, first year',
  spreadNote: (n: number, lo: string, hi: string) =>
    `The ${n} published life models of this chemistry disagree: under the plant's first-year duty they reach 80 % of nameplate after ${lo} to ${hi}. The plant's figures use the model named above.`,
  spreadNoteOne: 'Only one published life model of this chemistry is shipped, so no spread can be shown.',
  notes: 'Notes',
  perKWh: 'per kWh',
  // recycling page
  noRecycling: 'These results are not a recycling-plant project’s (a project file with kind: recycling-plant).',
  perTonne: 'per t',
  basisMass: 'per t',
  basisEnergy: 'per kWh',
  lineTitle: (route: string) => `Route: ${route}`,
  revenueLine: 'Revenue',
  costLine: 'Cost',
  // grading page
  gradingTitle: 'Second-life grading of retired cells',
  gradingIntro:
    'Drop the six CSV files of a test campaign here (a charge day and a rest day, each with <kind>_<date>_time_current.csv, _voltage_V.csv and _temperature_C.csv). They are graded in this browser; nothing is uploaded.',
  chooseFiles: 'Choose the CSV files',
  dropHere: 'or drop them here',
  reading: (n: number) => `Reading ${n} files…`,
  grading: 'Grading the cells…',
  filesRead: (names: string) => `Files: ${names}`,
  gradingFailed: 'The campaign could not be graded',
  cellsTotal: 'Cells',
  rejectedCount: 'Rejected',
  groupCount: 'Modules',
  spares: 'Spares',
  cell: 'Cell',
  reasons: 'Why',
  group: 'Module',
  cellsInGroup: 'Cells',
  capacitySpread: 'Capacity proxy sd (Ah)',
  dvSpread: 'DV vector sd',
  restSpread: 'Rest voltage sd (mV)',
  grade: 'Grade',
  tightness: (ratio: string) => `The modules' capacity-proxy spread is ${ratio} of that of random groupings of the same cells into the same sizes.`,
  limitations: 'What the data cannot say',
  methods: 'Methods and parameters',
  noneRejected: 'No cell was rejected.',
  englishOriginal: '',
  /** A rejection reason in words (the grading library's own text). */
  reason: (r: RejectionReason): string => reasonText(r),
};

export type BatteryStrings = typeof en;

const zh: BatteryStrings = {
  noBattery: (names: string) => `该方案无电池模型 (仅锂离子模板电站有).${names ? ` 有电池模型的方案: ${names}。` : ''}`,
  lifeModelLine: (name: string, id: string) => `寿命模型 ${name} (${id})`,
  replacementsNone: '运行期内无增容或更换。',
  operatingYearStart: '运行年 (年初)',
  yearsTo80Own: '衰减至 80% 年限 (本模型)',
  replacementCount: '增容与更换次数',
  firstYearRoundTrip: '首年交流往返效率',
  firstYearAux: '首年辅助及温控用电量',
  spreadNote: (n: number, lo: string, hi: string) => `该化学体系的 ${n} 个已发布寿命模型结论差异很大: 在本电站首年工况下, 衰减至 80% 额定容量需 ${lo} 至 ${hi}。本电站的各项结果采用上述指定模型。`,
  spreadNoteOne: '该化学体系仅有一个已发布寿命模型, 无法给出模型间差异。',
  notes: '说明 (模型说明为英文原文)',
  perKWh: '每千瓦时',
  noRecycling: '该结果不是电池回收厂项目 (项目文件 kind: recycling-plant)。',
  perTonne: '每吨',
  basisMass: '每吨',
  basisEnergy: '每千瓦时',
  lineTitle: (route: string) => `工艺路线: ${route}`,
  revenueLine: '收入',
  costLine: '成本',
  gradingTitle: '退役电芯梯次利用分选',
  gradingIntro:
    '将一次测试的六个 CSV 文件拖放到此处 (一个充电日与一个静置日, 各含 <类型>_<日期>_time_current.csv、_voltage_V.csv 与 _temperature_C.csv)。分选在本浏览器中计算, 不上传任何数据。',
  chooseFiles: '选择 CSV 文件',
  dropHere: '或拖放到此处',
  reading: (n: number) => `正在读取 ${n} 个文件…`,
  grading: '正在分选电芯…',
  filesRead: (names: string) => `文件: ${names}`,
  gradingFailed: '无法完成分选',
  cellsTotal: '电芯数',
  rejectedCount: '剔除',
  groupCount: '模组数',
  spares: '备用电芯',
  cell: '电芯',
  reasons: '原因',
  group: '模组',
  cellsInGroup: '电芯数',
  capacitySpread: '容量代理量标准差 (Ah)',
  dvSpread: 'DV 向量标准差',
  restSpread: '静置电压标准差 (mV)',
  grade: '等级',
  tightness: (ratio: string) => `各模组的容量代理量离散度为同样电芯随机分组 (同样组大小) 的 ${ratio}。`,
  limitations: '数据无法说明的内容 (英文原文)',
  methods: '方法与参数 (英文原文)',
  noneRejected: '无剔除电芯。',
  englishOriginal: ' (英文原文)',
  reason: (r: RejectionReason): string => {
    switch (r.kind) {
      case 'over-discharged':
        return `静置电压 ${r.restVoltage.toFixed(3)} V 低于 ${r.limit} V (过放)`;
      case 'self-discharge':
        return `静置电压每日下降 ${(r.fallRate * 86400e3).toFixed(1)} mV, 超过 ${(r.limit * 86400e3).toFixed(1)} mV/日 (自放电)`;
      case 'capacity-proxy-undefined':
        return '充电曲线未覆盖容量代理量的电压区间';
      case 'robust-z':
        return `${({ dvDeviation: 'DV 偏差 (对数)', capacityProxy: '容量代理量', resistance: '内阻', restVoltageDrift: '静置电压漂移', temperatureRise: '温升' } as Record<string, string>)[r.feature] ?? r.feature} 稳健 z 值 ${r.z.toFixed(1)} 超出 ±${r.limit}`;
    }
  },
};

export const BATTERY_STRINGS: Readonly<Record<Lang, BatteryStrings>> = { en, zh };

export function batteryStrings(lang: Lang): BatteryStrings {
  return BATTERY_STRINGS[lang];
}
