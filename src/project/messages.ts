/**
 * The message catalogue of project-file validation: one sentence per issue code (and variant), in English and
 * Chinese, with named parameters. validate.ts finds the problems as data; this file only puts them into words, so a
 * front end that wants other wording keys on `FieldIssue.code` and uses its own table.
 *
 * Parameters: {field} the path as written in the file (never translated; in Chinese followed by the usual term in
 * brackets, e.g. "discountRate（折现率）"), {value} the value as written, {valid} the valid range or choices,
 * {expected} what the field takes, and per message {key} {parent} {a} {b} {kind} {example} {symbol} {currency}
 * {where} {projectCurrency} {count} {needs} {detail}. Chinese terms follow the usage of Chinese feasibility studies
 * and tariff documents (折现率, 运营年限, 额定功率, 储能容量, 往返效率, 容量电价).
 */
import { QUANTITY_KINDS, type Lang, type QuantityKind } from '../units/index.js';

export type { Lang };

/** The stable issue codes. */
export const ISSUE_CODES = [
  /** A field that must be given is missing (or empty). */
  'required',
  /** The value is of the wrong type (a list where a number belongs, "yes" for true/false). */
  'type',
  /** A quantity's text cannot be read as the kind the field takes (unknown unit, wrong dimension, no unit). */
  'unit',
  /** A number or quantity outside its valid range. */
  'out_of_range',
  /** A count (of years, stages) that is not a whole number. */
  'integer',
  /** A word that is not one of the valid choices (a template name, `kind`, `sink`). */
  'one_of',
  /** A field the format does not have. */
  'unknown_field',
  /** Two fields of which exactly one must be given (tariff / prices, template / performance). */
  'exclusive',
  /** A list with too few or too many items. */
  'length',
  /** Money in a currency other than the plant's. */
  'currency',
  /** A field that is only read together with another one that is absent. */
  'unused',
  /** Anything else, with the checker's own words in {detail}. */
  'invalid',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

type Template = { readonly en: string; readonly zh: string };

/** Keyed by code, or `code.variant` where one code has several sentences. */
export const MESSAGES = {
  required: { en: '{field} is missing; expected {expected}.', zh: '缺少 {field}，应为{expected}。' },
  type: { en: '{field} = {value} is not {expected}.', zh: '{field} = {value} 的类型不对，应为{expected}。' },
  unit: { en: '{field} = {value} is not {kind} ({detail}).', zh: '{field} = {value} 不是有效的{kind}（{detail}）。' },
  'unit.unknown_symbol': {
    en: '{field} = {value} has an unknown unit "{symbol}"; write {kind} like "{example}".',
    zh: '{field} = {value} 中的单位“{symbol}”无法识别；{kind}请写成“{example}”这样的形式。',
  },
  'unit.dimension': {
    en: '{field} = {value} is not {kind}; write it like "{example}".',
    zh: '{field} = {value} 不是{kind}；请写成“{example}”这样的形式。',
  },
  'unit.missing_unit': {
    en: '{field} = {value} needs a unit; write {kind} like "{example}".',
    zh: '{field} = {value} 缺少单位；{kind}请写成“{example}”这样的形式。',
  },
  'unit.not_a_number': {
    en: '{field} = {value} is not a number with a unit; write {kind} like "{example}".',
    zh: '{field} = {value} 不是带单位的数值；{kind}请写成“{example}”这样的形式。',
  },
  'unit.syntax': {
    en: '{field} = {value} has a badly formed unit ({detail}); write {kind} like "{example}".',
    zh: '{field} = {value} 的单位写法有误（{detail}）；{kind}请写成“{example}”这样的形式。',
  },
  'unit.currency': {
    en: '{field} = {value} is in {currency}, not in the currency this field takes; convert it first.',
    zh: '{field} = {value} 以 {currency} 计价，与该字段要求的币种不符；请先换算。',
  },
  'unit.mixed_currency': {
    en: '{field} = {value} mixes two currencies; an exchange rate is a plain number.',
    zh: '{field} = {value} 混用了两种货币；汇率请写成不带单位的数。',
  },
  'unit.temperature': {
    en: '{field} = {value} needs the unit of an absolute temperature (degC, °C, K, degF or R).',
    zh: '{field} = {value} 须使用绝对温度单位（摄氏度、°C、K、degF 或 R）。',
  },
  'unit.saturation_drop': {
    en: '{field} = {value}: a fall of the saturation temperature is accepted only for condensers and evaporators; give a percentage or a pressure drop ({valid}).',
    zh: '{field} = {value}：饱和温度降只适用于冷凝器和蒸发器；请给出百分比或压降（{valid}）。',
  },
  out_of_range: { en: '{field} = {value} is out of range; valid: {valid}.', zh: '{field} = {value} 超出有效范围；有效范围：{valid}。' },
  integer: { en: '{field} = {value} must be a whole number ({valid}).', zh: '{field} = {value} 须为整数（{valid}）。' },
  'integer.years': { en: '{field} = {value} must be a whole number of years.', zh: '{field} = {value} 须为整数年。' },
  one_of: { en: '{field} = {value} is not a valid choice; valid: {valid}.', zh: '{field} = {value} 不是有效选项；可选：{valid}。' },
  unknown_field: { en: '{parent} has an unknown field `{key}` (valid: {valid}).', zh: '{parent} 中有未知字段 `{key}`（有效字段：{valid}）。' },
  'unknown_field.from_run': {
    en: '{parent} must not set `{key}`: it comes from the plant and its dispatch.',
    zh: '{parent} 中不应设置 `{key}`：该值由电站模型和调度计算给出。',
  },
  'exclusive.both': { en: '{field} gives both `{a}` and `{b}`; give only one of them.', zh: '{field} 同时给出了 `{a}` 和 `{b}`，只能给出其中之一。' },
  'exclusive.neither': { en: '{field} gives neither `{a}` nor `{b}`; give one of them.', zh: '{field} 中 `{a}` 和 `{b}` 都没有给出，须给出其中之一。' },
  length: { en: '{field} has {count}; expected {valid}.', zh: '{field} 有 {count}，应为{valid}。' },
  currency: {
    en: '{field} = {value} is in {currency}, but {where} is {projectCurrency}; convert it first.',
    zh: '{field} = {value} 以 {currency} 计价，而 {where} 为 {projectCurrency}；请先换算。',
  },
  unused: { en: '{field} is read only together with `{needs}`; remove it or add `{needs}`.', zh: '{field} 只在给出 `{needs}` 时才使用；请删除它或补充 `{needs}`。' },
  invalid: { en: '{field} = {value} is not valid: {detail}.', zh: '{field} = {value} 无效：{detail}。' },
} as const satisfies Record<string, Template>;

export type MessageId = keyof typeof MESSAGES;

/** Fills a message's {parameters}; a parameter not given is left visible as {name}, so a gap shows in tests. */
export function message(id: MessageId, lang: Lang, params: Readonly<Record<string, string | number>>): string {
  const text = MESSAGES[id][lang].replace(/\{(\w+)\}/g, (all, name: string) => (params[name] !== undefined ? String(params[name]) : all));
  // the templates put a space around every parameter (paths are Latin); none between two pieces of Chinese
  return lang === 'zh' ? text.replace(/([\u4e00-\u9fff）]) (?=[\u4e00-\u9fff])/g, '$1') : text;
}

/**
 * The Chinese term of a field, shown after its path: keyed by `parent.field` where the parent decides the meaning
 * (charge.power, debt.rate), otherwise by the field alone.
 */
export const FIELD_TERMS_ZH: Readonly<Record<string, string>> = {
  name: '名称',
  description: '说明',
  site: '场址',
  market: '市场',
  dispatch: '调度',
  plants: '储能电站',
  ambientTemperature: '环境温度',
  timeZone: '时区',
  latitude: '纬度',
  longitude: '经度',
  year: '年份',
  tariff: '分时电价',
  prices: '电价序列文件',
  basePrice: '基准电价',
  chargingSurcharge: '充电附加费',
  capacityPayment: '容量电价',
  ancillary: '辅助服务',
  fuelPrice: '燃料价格',
  horizon: '调度时域',
  milp: '混合整数规划',
  socMin: '最低荷电状态',
  socMax: '最高荷电状态',
  socStart: '初始荷电状态',
  dailyCycleLimit: '日循环次数上限',
  timeLimit: '求解时限',
  template: '电站模板',
  parameters: '模板参数',
  performance: '性能参数',
  finance: '财务参数',
  technology: '技术类型',
  'performance.power': '额定功率',
  'performance.energy': '储能容量',
  powerCharge: '充电功率',
  roundTripEfficiency: '往返效率',
  standingLoss: '自放电率',
  degradationCost: '衰减成本',
  annualDegradation: '年衰减率',
  minimumLoad: '最低负荷',
  'charge.power': '充电功率',
  'discharge.power': '放电功率',
  currency: '币种',
  discountRate: '折现率',
  equityDiscountRate: '资本金折现率',
  constructionYears: '建设期',
  operatingYears: '运营年限',
  ratedPower: '额定功率',
  capex: '建设投资',
  items: '投资明细',
  unitCost: '单位造价',
  amount: '金额',
  energy: '能量',
  power: '功率',
  volume: '容积',
  mass: '质量',
  fraction: '比例',
  schedule: '投资计划',
  om: '运维费用',
  'om.fixed': '固定运维费',
  'om.variable': '可变运维费',
  escalation: '年上涨率',
  replacements: '更换投资',
  endOfLife: '寿命期末',
  decommissioningCost: '退役费用',
  salvageValue: '残值',
  tax: '税费',
  incomeTaxRate: '所得税税率',
  vatRate: '增值税税率',
  depreciationYears: '折旧年限',
  residualFraction: '残值率',
  debt: '贷款',
  'debt.fraction': '贷款比例',
  'debt.rate': '贷款利率',
  tenorYears: '贷款期限',
  graceYears: '宽限期',
  repayment: '还款方式',
  efficiency: '效率',
  stages: '级数',
  pressure: '压力',
  pinch: '夹点温差',
  approach: '端差',
};

/** The Chinese name of each kind of quantity (src/units/kinds.ts). */
export const KIND_NAMES_ZH: Readonly<Record<QuantityKind, string>> = {
  temperature: '温度',
  temperatureDifference: '温差',
  pressure: '压力',
  pressureDifference: '压差',
  density: '密度',
  specificEnthalpy: '比焓',
  specificEntropy: '比熵',
  specificHeat: '比热容',
  speed: '速度',
  massFlow: '质量流量',
  mass: '质量',
  volume: '体积',
  length: '长度',
  area: '面积',
  time: '时长',
  power: '功率',
  energy: '能量',
  heatTransferCoefficient: '传热系数',
  conductance: '热导（UA）',
  viscosity: '动力黏度',
  thermalConductivity: '导热系数',
  fraction: '比例',
  ratePerTime: '单位时间变化率',
  money: '金额',
  pricePerEnergy: '电量价格',
  pricePerPower: '单位功率价格',
  pricePerPowerTime: '单位功率年价格',
  pricePerMass: '单位质量价格',
  pricePerVolume: '单位体积价格',
  specificEnergyPerVolume: '体积能量密度',
  molarMass: '摩尔质量',
};

/** "a power", "an amount of money" / "功率". */
export function kindName(kind: QuantityKind | undefined, lang: Lang): string {
  if (kind === undefined) return lang === 'zh' ? '该量' : 'the quantity';
  if (lang === 'zh') return KIND_NAMES_ZH[kind];
  const d = QUANTITY_KINDS[kind].description;
  return `${/^[aeiou]/.test(d) ? 'an' : 'a'} ${d}`;
}

/** What a field takes, for "expected …" (required and type issues). */
export type Expected =
  | { readonly t: 'quantity'; readonly kind?: QuantityKind }
  | { readonly t: 'number' }
  | { readonly t: 'integer' }
  | { readonly t: 'text' }
  | { readonly t: 'boolean' }
  | { readonly t: 'list'; readonly min?: number }
  | { readonly t: 'mapping' }
  | { readonly t: 'choices'; readonly values: readonly string[] }
  | { readonly t: 'alternatives'; readonly of: readonly Expected[] }
  | { readonly t: 'any' };

export function expectedText(e: Expected, lang: Lang): string {
  const zh = lang === 'zh';
  switch (e.t) {
    case 'quantity': {
      const example = e.kind ? QUANTITY_KINDS[e.kind].example : undefined;
      if (zh) return `带单位的${e.kind ? KIND_NAMES_ZH[e.kind] : '量'}${example ? `（如“${example}”）` : '或数值'}`;
      return example ? `${kindName(e.kind, lang)} such as "${example}"` : 'a number or a quantity with its unit';
    }
    case 'number':
      return zh ? '数字' : 'a number';
    case 'integer':
      return zh ? '整数' : 'a whole number';
    case 'text':
      return zh ? '文本' : 'a text';
    case 'boolean':
      return zh ? '布尔值（true 或 false）' : 'true or false';
    case 'list':
      if (e.min !== undefined && e.min > 0) return zh ? `至少含 ${e.min} 项的列表` : `a list of at least ${e.min} item${e.min === 1 ? '' : 's'}`;
      return zh ? '列表' : 'a list';
    case 'mapping':
      return zh ? '一组字段（键: 值）' : 'a set of fields (key: value)';
    case 'choices':
      if (e.values.length === 1) return zh ? `“${e.values[0]}”` : `"${e.values[0]}"`;
      return zh ? `以下之一：${choicesText(e.values, lang)}` : `one of ${choicesText(e.values, lang)}`;
    case 'alternatives':
      return e.of.map((x) => expectedText(x, lang)).join(zh ? '或' : ' or ');
    case 'any':
      return zh ? '有效的值' : 'a valid value';
  }
}

/** "adiabatic-caes, diabatic-caes" / "adiabatic-caes、diabatic-caes". */
export function choicesText(values: readonly string[], lang: Lang): string {
  return values.join(lang === 'zh' ? '、' : ', ');
}

/** What a valid value is, in words that are not a range: list lengths and the finance layer's phrases. */
export function phrase(id: 'exactly' | 'at_least' | 'at_most' | 'items', lang: Lang, n: number): string {
  const s = n === 1 ? '' : 's';
  switch (id) {
    case 'exactly':
      return lang === 'zh' ? `恰好 ${n} 项` : `exactly ${n} item${s}`;
    case 'at_least':
      return lang === 'zh' ? `至少 ${n} 项` : `at least ${n} item${s}`;
    case 'at_most':
      return lang === 'zh' ? `至多 ${n} 项` : `at most ${n} item${s}`;
    case 'items':
      return lang === 'zh' ? `${n} 项` : `${n} item${s}`;
  }
}

/**
 * The finance layer states some valid values in words (src/finance/check.ts); their Chinese, by pattern.
 * A phrase not listed stays in English.
 */
export function financePhrase(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  let m: RegExpExecArray | null;
  if ((m = /^(\d+) fractions summing to 1$/.exec(text))) return `${m[1]} 个之和为 1 的比例`;
  if ((m = /^a series of (\d+) (?:numbers|values)(, one per operating year)?$/.exec(text))) return `含 ${m[1]} 个数值的序列${m[2] ? '（每个运营年一个）' : ''}`;
  if (text === 'a whole number of years') return '整数年';
  return text;
}

/** The path of a field as written in the file, with its Chinese term in brackets for zh. */
export function fieldLabel(path: readonly (string | number)[], lang: Lang): string {
  const field = fieldOf(path);
  if (field === '') return lang === 'zh' ? '项目文件' : 'the project file';
  if (lang === 'en') return field;
  const names = path.filter((p): p is string => typeof p === 'string');
  const last = names[names.length - 1];
  const term = typeof path[path.length - 1] === 'string' ? (FIELD_TERMS_ZH[`${names[names.length - 2]}.${last}`] ?? FIELD_TERMS_ZH[last]) : undefined;
  return term ? `${field}（${term}）` : field;
}

/** "plants[0].finance.discountRate". */
export function fieldOf(path: readonly (string | number)[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

/** A value as the user wrote it, for a sentence: strings quoted, long objects cut. */
export function valueText(value: unknown): string {
  if (value === undefined) return '(missing)';
  let text: string;
  try {
    text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
