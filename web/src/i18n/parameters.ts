/**
 * Names of template parameters for people: each segment of a parameter's path (`compression.stages`) has an English
 * and a Chinese name; the library's own text (doc, range, source) is shown beside it as help. A segment without a
 * name here is shown as written, its camelCase split into words.
 */
import type { Lang } from '../backend/types.js';

const SEGMENTS: Readonly<Record<string, readonly [en: string, zh: string]>> = {
  charge: ['Charge', '充电'],
  discharge: ['Discharge', '放电'],
  power: ['power', '功率'],
  minimumLoad: ['smallest load', '最低负荷'],
  compression: ['Compression', '压缩'],
  expansion: ['Expansion', '膨胀'],
  stages: ['stages', '级数'],
  pressureRatios: ['stage pressure ratios', '各级压比'],
  efficiency: ['isentropic efficiency', '等熵效率'],
  stageEfficiencies: ['efficiency of each stage', '各级效率'],
  mechanicalEfficiency: ['mechanical efficiency', '机械效率'],
  motorEfficiency: ['motor efficiency', '电动机效率'],
  generatorEfficiency: ['generator efficiency', '发电机效率'],
  aftercoolerTemperature: ['aftercooler outlet temperature', '后冷却器出口温度'],
  aftercoolerPressureLoss: ['aftercooler pressure loss', '后冷却器压损'],
  intercoolerTemperature: ['intercooler outlet temperature', '中间冷却器出口温度'],
  coolerPressureLoss: ['cooler pressure loss', '冷却器压损'],
  throttle: ['throttle', '节流'],
  turbineInletPressure: ['turbine inlet pressure', '透平进口压力'],
  storage: ['Air store', '储气库'],
  kind: ['kind', '类型'],
  volume: ['volume', '容积'],
  caverns: ['caverns', '洞穴数'],
  pressureMin: ['lowest pressure', '最低压力'],
  pressureMax: ['highest pressure', '最高压力'],
  pressure: ['pressure', '压力'],
  cushion: ['cushion gas', '垫层气'],
  wallTemperature: ['wall temperature', '壁面温度'],
  wallHeatTransferCoefficient: ['wall heat-transfer coefficient', '壁面传热系数'],
  heightToDiameter: ['height ÷ diameter', '高径比'],
  thermalStores: ['Thermal stores', '储热系统'],
  medium: ['medium', '储热介质'],
  coldTemperature: ['cold-tank temperature', '冷罐温度'],
  pinch: ['pinch', '夹点温差'],
  hotEndApproach: ['hot-end approach', '热端温差'],
  mediumPressureLoss: ['medium pressure loss', '介质侧压损'],
  gasPressureLoss: ['gas pressure loss', '气侧压损'],
  pumpEfficiency: ['pump efficiency', '泵效率'],
  heatLossCoefficient: ['heat-loss coefficient', '散热系数'],
  sizeMargin: ['size margin', '容量裕量'],
  heel: ['heel', '最低液位'],
  returnCooling: ['return cooling', '回流冷却'],
  heatRejection: ['Heat rejection', '排热'],
  fanPower: ['fan power', '风机功率'],
  hpCombustorPressure: ['HP combustor pressure', '高压燃烧室压力'],
  hpTurbineInletTemperature: ['HP turbine inlet temperature', '高压透平进口温度'],
  lpCombustorPressure: ['LP combustor pressure', '低压燃烧室压力'],
  lpTurbineInletTemperature: ['LP turbine inlet temperature', '低压透平进口温度'],
  hpEfficiency: ['HP turbine efficiency', '高压透平效率'],
  lpEfficiency: ['LP turbine efficiency', '低压透平效率'],
  combustorPressureLoss: ['combustor pressure loss', '燃烧室压损'],
  recuperator: ['recuperator', '回热器'],
  recuperatorEffectiveness: ['recuperator effectiveness', '回热器效能'],
  recuperatorPressureLoss: ['recuperator pressure loss', '回热器压损'],
  fuelTemperature: ['fuel temperature', '燃料温度'],
  referenceEfficiency: ['reference efficiency', '参考效率'],
  dome: ['Gas dome', '储气穹顶'],
  margin: ['margin', '裕量'],
  minimumVolume: ['smallest volume', '最小容积'],
  heatTransferCoefficient: ['heat-transfer coefficient', '传热系数'],
  intercooling: ['intercooling', '级间冷却'],
  intercoolerApproach: ['intercooler approach', '中间冷却器温差'],
  condenser: ['Condenser', '冷凝器'],
  evaporator: ['Evaporator', '蒸发器'],
  sink: ['heat sink', '冷源'],
  source: ['heat source', '热源'],
  approach: ['approach', '端差'],
  pressureLoss: ['pressure loss', '压损'],
  criticalMargin: ['margin below the critical point', '距临界点裕量'],
  chiller: ['chiller', '冷水机组'],
  liquidTank: ['Liquid CO2 tanks', '液态二氧化碳储罐'],
  tanks: ['tanks', '储罐数'],
  levelMax: ['highest level', '最高液位'],
  levelMin: ['lowest level', '最低液位'],
  transferPumpEfficiency: ['transfer pump efficiency', '输送泵效率'],
  sourceTemperature: ['source temperature', '热源温度'],
  sourcePumpPower: ['source pump power', '热源泵功率'],
  postCoolerApproach: ['post-cooler approach', '后冷却器温差'],
  basin: ['Water basin', '水池'],
  temperatureSwing: ['temperature swing', '温度变化幅度'],
  depth: ['depth', '深度'],
  cooler: ['cooler', '冷却器'],
  highPressureStore: ['High-pressure store', '高压储罐'],
  lowPressureStore: ['Low-pressure store', '低压储罐'],
  lowPressureMargin: ['low-pressure store margin', '低压储罐裕量'],
  coolerApproach: ['cooler approach', '冷却器温差'],
  heatRationing: ['heat rationing', '储热按比例释放'],
  energy: ['stored energy', '储能容量'],
  duration: ['discharge duration', '放电时长'],
  standingLoss: ['standing loss per day', '日静置损失'],
  dischargeHotEndApproach: ['discharge hot-end approach', '放电热端温差'],
  dischargePinch: ['discharge pinch', '放电夹点温差'],
  subcooling: ['subcooling', '过冷度'],
  superheat: ['superheat', '过热度'],
  coolerEffectiveness: ['dry-cooler effectiveness', '干式冷却器效能'],
  highPressureTank: ['High-pressure liquid tank', '高压液罐'],
  lowPressureTank: ['Low-pressure liquid tank', '低压液罐'],
  coldStore: ['Cold store', '储冷系统'],
  warmTemperature: ['warm-tank temperature', '暖罐温度'],
  warmEndApproach: ['warm-end approach', '暖端温差'],
  sensibleStore: ['sensible cold store', '显热储冷'],
  chillerCarnotFraction: ['chiller efficiency (fraction of Carnot)', '制冷机卡诺效率比'],
  lowPressureSide: ['Low-pressure side', '低压侧'],
  evaporatorPressureLoss: ['evaporator pressure loss', '蒸发器压损'],
  holdTemperature: ['hold temperature', '保持温度'],
  phaseChange: ['Phase-change (latent) cold store', '相变储冷'],
  material: ['phase-change material', '相变材料'],
  swing: ['loop temperature swing', '回路温差'],
  sensibleBand: ['sensible band', '显热温度带'],
  packing: ['packing fraction', '填充率'],
};

const TEMPLATES: Readonly<Record<string, readonly [en: string, zh: string]>> = {
  'adiabatic-caes': ['Adiabatic compressed-air storage (A-CAES)', '绝热压缩空气储能'],
  'diabatic-caes': ['Diabatic compressed-air storage (Huntorf/McIntosh type)', '补燃式压缩空气储能'],
  'co2-gas-liquid': ['Gas-liquid CO2 storage (dome and liquid tanks)', '气液二氧化碳储能（穹顶与液罐）'],
  'co2-transcritical': ['Transcritical compressed CO2 storage', '跨临界压缩二氧化碳储能'],
  'liquid-co2': ['Liquid CO2 storage (two liquid tanks and a cold store)', '液态二氧化碳储能（双液罐与冷储）'],
};

function words(segment: string): string {
  return segment.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The name of one path segment (a group such as `compression`, or a parameter such as `stages`). */
export function parameterLabel(segment: string, lang: Lang): string {
  const s = segment.replace(/\[\]$/, '');
  const names = SEGMENTS[s];
  if (!names) return lang === 'en' ? words(s).replace(/^./, (c) => c.toUpperCase()) : s;
  return lang === 'en' ? names[0] : names[1];
}

export function templateLabel(name: string, lang: Lang): string {
  const names = TEMPLATES[name];
  return names ? names[lang === 'en' ? 0 : 1] : name;
}
