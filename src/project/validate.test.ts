import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ProjectSchema } from './schema.js';
import { validateProject, type FieldIssue, type Lang } from './validate.js';
import { ISSUE_CODES, MESSAGES } from './messages.js';
import { templateParameters } from '../plant/templates/index.js';

const EXAMPLES = new URL('../../examples/luoyang/', import.meta.url);

/** The Luoyang gas-liquid CO2 example, a fresh copy to spoil. */
const example = (): Record<string, any> => parseYaml(readFileSync(new URL('co2-gas-liquid.yaml', EXAMPLES), 'utf8'));

/** A small battery project: one performance plant, a tariff. */
const battery = (): Record<string, any> => ({
  name: 'battery',
  market: { tariff: { henan2024: { basePrice: '0.38 yuan/kWh' } } },
  plants: [
    {
      name: 'Li-ion',
      performance: { power: '100 MW', energy: '400 MWh', roundTripEfficiency: '86 %' },
      finance: { discountRate: '8 %', operatingYears: '20 years', capex: { items: [{ kind: 'perEnergy', name: 'system', energy: '400 MWh', unitCost: '600 yuan/kWh' }] } },
    },
  ],
});

function issues(raw: unknown, lang: Lang = 'en'): FieldIssue[] {
  const r = validateProject(raw, { lang });
  assert.equal(r.ok, false, 'expected the project to be refused');
  return r.issues;
}

/** The one issue of a field, in both languages. */
function issueAt(raw: unknown, field: string): { en: FieldIssue; zh: FieldIssue } {
  const pick = (lang: Lang) => {
    const all = issues(raw, lang);
    const found = all.filter((i) => i.field === field);
    assert.equal(found.length, 1, `one issue at ${field}; got ${JSON.stringify(all, null, 1)}`);
    return found[0];
  };
  return { en: pick('en'), zh: pick('zh') };
}

test('the Luoyang example projects validate, and the spec is what the project schema gives', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length >= 4, `examples found: ${files.join(', ')}`);
  for (const file of files) {
    const raw = parseYaml(readFileSync(new URL(file, EXAMPLES), 'utf8'));
    const r = validateProject(raw);
    assert.deepEqual(r.issues, [], file);
    assert.equal(r.ok, true, file);
    if (r.ok) assert.deepEqual(r.spec, ProjectSchema.parse(raw), file);
  }
});

test('a project written with Chinese units validates', () => {
  const p = battery();
  p.market.tariff.henan2024.basePrice = '0.38元/千瓦时';
  p.market.capacityPayment = '30 元/(千瓦·年)';
  p.plants[0].performance = { power: '100兆瓦', energy: '400 兆瓦时', roundTripEfficiency: '86 %' };
  p.plants[0].finance.operatingYears = '20 年';
  p.plants[0].finance.capex.items = [{ kind: 'perPower', name: 'system', power: '100 兆瓦', unitCost: '0.35 万元/kW' }];
  const r = validateProject(p);
  assert.deepEqual(r.issues, []);
  assert.equal(r.ok && r.spec.plants[0].performance?.power, 1e8);
});

test('a discount rate below the finance layer’s −50 % is out of range, stated in percent as written', () => {
  const p = example();
  p.plants[0].finance.discountRate = '-60 %';
  const { en, zh } = issueAt(p, 'plants[0].finance.discountRate');
  assert.deepEqual(en.path, ['plants', 0, 'finance', 'discountRate']);
  assert.equal(en.code, 'out_of_range');
  assert.equal(en.value, '-60 %');
  assert.equal(en.valid, '-50 % ≤ x ≤ 100 %');
  assert.equal(en.message, 'plants[0].finance.discountRate = "-60 %" is out of range; valid: -50 % ≤ x ≤ 100 %.');
  assert.equal(zh.message, 'plants[0].finance.discountRate（折现率） = "-60 %" 超出有效范围；有效范围：-50 % ≤ x ≤ 100 %。');
});

test('a discount rate of −5 % is valid: the finance layer accepts negative rates down to −50 % (src/finance/check.ts RANGES.rate)', () => {
  const p = example();
  p.plants[0].finance.discountRate = '-5 %';
  assert.deepEqual(validateProject(p).issues, []);
});

test('a negative number of operating years is out of range, and the rest of the section is still checked', () => {
  const p = example();
  p.plants[0].finance.operatingYears = -5;
  p.plants[0].finance.debt.rate = 'x';
  const { en, zh } = issueAt(p, 'plants[0].finance.operatingYears');
  assert.equal(en.code, 'out_of_range');
  assert.equal(en.value, -5);
  assert.equal(en.valid, '1 ≤ n ≤ 100');
  assert.equal(en.message, 'plants[0].finance.operatingYears = -5 is out of range; valid: 1 ≤ n ≤ 100.');
  assert.equal(zh.message, 'plants[0].finance.operatingYears（运营年限） = -5 超出有效范围；有效范围：1 ≤ n ≤ 100。');
  const rate = issueAt(p, 'plants[0].finance.debt.rate');
  assert.equal(rate.en.code, 'unit');
  assert.equal(rate.en.message, 'plants[0].finance.debt.rate = "x" is not a number with a unit; write a fraction like "0.9 or 90 %".');
  assert.equal(rate.zh.message, 'plants[0].finance.debt.rate（贷款利率） = "x" 不是带单位的数值；比例请写成“0.9 or 90 %”这样的形式。');
});

test('operating years that are not whole say so', () => {
  const p = example();
  p.plants[0].finance.operatingYears = '25.5 years';
  const { en, zh } = issueAt(p, 'plants[0].finance.operatingYears');
  assert.equal(en.code, 'integer');
  assert.equal(en.message, 'plants[0].finance.operatingYears = "25.5 years" must be a whole number of years.');
  assert.equal(zh.message, 'plants[0].finance.operatingYears（运营年限） = "25.5 years" 须为整数年。');
});

test('tariff and prices both given: one issue on market saying to give only one', () => {
  const p = example();
  p.market.prices = 'prices.csv';
  const { en, zh } = issueAt(p, 'market');
  assert.equal(en.code, 'exclusive');
  assert.equal(en.valid, 'tariff, prices');
  assert.equal(en.message, 'market gives both `tariff` and `prices`; give only one of them.');
  assert.equal(zh.message, 'market（市场）同时给出了 `tariff` 和 `prices`，只能给出其中之一。');
  delete p.market.prices;
  delete p.market.tariff;
  assert.equal(issueAt(p, 'market').en.message, 'market gives neither `tariff` nor `prices`; give one of them.');
});

test('an unknown field names itself and the valid fields', () => {
  const p = example();
  p.plants[0].foo = 1;
  const { en, zh } = issueAt(p, 'plants[0].foo');
  assert.deepEqual(en.path, ['plants', 0, 'foo']);
  assert.equal(en.code, 'unknown_field');
  assert.equal(en.value, 1);
  assert.equal(en.valid, 'name, template, parameters, performance, finance');
  assert.equal(en.message, 'plants[0] has an unknown field `foo` (valid: name, template, parameters, performance, finance).');
  assert.equal(zh.message, 'plants[0] 中有未知字段 `foo`（有效字段：name、template、parameters、performance、finance）。');
});

test('an unknown field of a finance section lists its fields, without the two the run provides; setting those is an issue', () => {
  const p = example();
  p.plants[0].finance.discountrate = '6 %';
  p.plants[0].finance.ratedPower = '100 MW';
  const unknown = issueAt(p, 'plants[0].finance.discountrate').en;
  assert.equal(unknown.code, 'unknown_field');
  const valid = unknown.valid!.split(', ');
  for (const field of ['currency', 'discountRate', 'operatingYears', 'capex', 'om', 'debt']) assert.ok(valid.includes(field), field);
  for (const field of ['ratedPower', 'operation']) assert.ok(!valid.includes(field), field);
  const { en, zh } = issueAt(p, 'plants[0].finance.ratedPower');
  assert.equal(en.code, 'unknown_field');
  assert.equal(en.message, 'plants[0].finance must not set `ratedPower`: it comes from the plant and its dispatch.');
  assert.equal(zh.message, 'plants[0].finance（财务参数）中不应设置 `ratedPower`：该值由电站模型和调度计算给出。');
});

test('an unknown unit names the symbol and shows how the quantity is written', () => {
  const p = battery();
  p.plants[0].performance.power = '100 MQ';
  const { en, zh } = issueAt(p, 'plants[0].performance.power');
  assert.equal(en.code, 'unit');
  assert.equal(en.value, '100 MQ');
  assert.equal(en.valid, 'a power such as "100 MW"');
  assert.equal(en.message, 'plants[0].performance.power = "100 MQ" has an unknown unit "MQ"; write a power like "100 MW".');
  assert.equal(zh.valid, '带单位的功率（如“100 MW”）');
  assert.equal(zh.message, 'plants[0].performance.power（额定功率） = "100 MQ" 中的单位“MQ”无法识别；功率请写成“100 MW”这样的形式。');
});

test('a quantity of the wrong kind inside a capex item of the union is reported on its field, not as "Invalid input"', () => {
  const p = example();
  p.plants[0].finance.capex.items[1].energy = '400 MW';
  const { en, zh } = issueAt(p, 'plants[0].finance.capex.items[1].energy');
  assert.equal(en.code, 'unit');
  assert.equal(en.message, 'plants[0].finance.capex.items[1].energy = "400 MW" is not an energy; write it like "400 MWh".');
  assert.equal(zh.message, 'plants[0].finance.capex.items[1].energy（能量） = "400 MW" 不是能量；请写成“400 MWh”这样的形式。');
});

test('a capex item of no known kind is reported on its `kind` with every kind there is', () => {
  const p = example();
  p.plants[0].finance.capex.items[0].kind = 'perWatt';
  const { en } = issueAt(p, 'plants[0].finance.capex.items[0].kind');
  assert.equal(en.code, 'one_of');
  assert.equal(en.valid, 'correlation, perPower, perEnergy, perMass, perVolume, lumpSum, fractionOfDirect');
  assert.equal(en.message, 'plants[0].finance.capex.items[0].kind = "perWatt" is not a valid choice; valid: correlation, perPower, perEnergy, perMass, perVolume, lumpSum, fractionOfDirect.');
});

test('a template parameter out of range gives the template’s range, in the unit the user wrote', () => {
  const info = templateParameters('co2-gas-liquid');
  assert.equal(info.find((i) => i.path === 'charge.power')?.range, '0.01 MW ≤ x ≤ 3000 MW');
  assert.equal(info.find((i) => i.path === 'dome.pressure')?.range, '0.8 bar ≤ x ≤ 2 bar');
  const p = example();
  p.plants[0].parameters.charge.power = '5000 MW';
  p.plants[0].parameters.dome = { pressure: '0.5 MPa' };
  const power = issueAt(p, 'plants[0].parameters.charge.power');
  assert.deepEqual(power.en.path, ['plants', 0, 'parameters', 'charge', 'power']);
  assert.equal(power.en.code, 'out_of_range');
  assert.equal(power.en.message, 'plants[0].parameters.charge.power = "5000 MW" is out of range; valid: 0.01 MW ≤ x ≤ 3000 MW.');
  assert.equal(power.zh.message, 'plants[0].parameters.charge.power（充电功率） = "5000 MW" 超出有效范围；有效范围：0.01 MW ≤ x ≤ 3000 MW。');
  const pressure = issueAt(p, 'plants[0].parameters.dome.pressure').en;
  assert.equal(pressure.valid, '0.08 MPa ≤ x ≤ 0.2 MPa');
});

test('a template parameter’s unknown field, choice and whole number are each reported', () => {
  const p = example();
  p.plants[0].parameters.condenser.sink = 'sea';
  p.plants[0].parameters.compression = { stages: 2.5 };
  p.plants[0].parameters.charge.powr = '100 MW';
  const sink = issueAt(p, 'plants[0].parameters.condenser.sink');
  assert.equal(sink.en.code, 'one_of');
  assert.equal(sink.en.message, 'plants[0].parameters.condenser.sink = "sea" is not a valid choice; valid: basin, ambient-air.');
  assert.equal(sink.zh.message, 'plants[0].parameters.condenser.sink = "sea" 不是有效选项；可选：basin、ambient-air。');
  const stages = issueAt(p, 'plants[0].parameters.compression.stages');
  assert.equal(stages.en.code, 'integer');
  assert.equal(stages.en.message, 'plants[0].parameters.compression.stages = 2.5 must be a whole number (1 ≤ n ≤ 6).');
  assert.equal(stages.zh.message, 'plants[0].parameters.compression.stages（级数） = 2.5 须为整数（1 ≤ n ≤ 6）。');
  const powr = issueAt(p, 'plants[0].parameters.charge.powr').en;
  assert.equal(powr.code, 'unknown_field');
  assert.equal(powr.valid, 'power, minimumLoad');
});

test('an unknown template is reported on `template` with the valid names', () => {
  const p = example();
  p.plants[0].template = 'co2-dome';
  const { en, zh } = issueAt(p, 'plants[0].template');
  assert.equal(en.code, 'one_of');
  assert.equal(en.valid, 'adiabatic-caes, diabatic-caes, co2-gas-liquid, co2-transcritical, liquid-co2, li-ion');
  assert.equal(en.message, 'plants[0].template = "co2-dome" is not a valid choice; valid: adiabatic-caes, diabatic-caes, co2-gas-liquid, co2-transcritical, liquid-co2, li-ion.');
  assert.equal(zh.message, 'plants[0].template（电站模板） = "co2-dome" 不是有效选项；可选：adiabatic-caes、diabatic-caes、co2-gas-liquid、co2-transcritical、liquid-co2、li-ion。');
});

test('missing plants: required, a list of at least one plant', () => {
  const p = example();
  delete p.plants;
  const { en, zh } = issueAt(p, 'plants');
  assert.equal(en.code, 'required');
  assert.equal(en.value, undefined);
  assert.equal(en.valid, 'a list of at least 1 item');
  assert.equal(en.message, 'plants is missing; expected a list of at least 1 item.');
  assert.equal(zh.message, '缺少 plants（储能电站），应为至少含 1 项的列表。');
});

test('a tariff in dollars in a yuan project is refused, not read as yuan', () => {
  const p = example();
  p.market.tariff.henan2024.basePrice = '0.38 USD/kWh';
  const { en, zh } = issueAt(p, 'market.tariff.henan2024.basePrice');
  assert.equal(en.code, 'currency');
  assert.equal(en.valid, 'CNY');
  assert.equal(en.message, 'market.tariff.henan2024.basePrice = "0.38 USD/kWh" is in USD, but plants[0].finance.currency is CNY; convert it first.');
  assert.equal(zh.message, 'market.tariff.henan2024.basePrice（基准电价） = "0.38 USD/kWh" 以 USD 计价，而 plants[0].finance.currency 为 CNY；请先换算。');
});

test('money in 美元 in a yuan finance section is refused (read by the unit parser, so the 元 of 美元 is not taken for yuan)', () => {
  const p = example();
  p.plants[0].finance.capex.items.push({ kind: 'lumpSum', name: 'licence', amount: '50 万美元' });
  const { en, zh } = issueAt(p, 'plants[0].finance.capex.items[3].amount');
  assert.equal(en.code, 'currency');
  assert.equal(en.message, 'plants[0].finance.capex.items[3].amount = "50 万美元" is in USD, but plants[0].finance.currency is CNY; convert it first.');
  assert.equal(zh.message, 'plants[0].finance.capex.items[3].amount（金额） = "50 万美元" 以 USD 计价，而 plants[0].finance.currency 为 CNY；请先换算。');
});

test('a value of the wrong shape for every branch of a union says what the field takes', () => {
  const p = example();
  p.dispatch = { horizon: 'day', milp: 'yes' };
  p.market.capacityPayment = { amount: 1 };
  const horizon = issueAt(p, 'dispatch.horizon');
  assert.equal(horizon.en.code, 'type');
  assert.equal(horizon.en.message, 'dispatch.horizon = "day" is not "year" or a set of fields (key: value).');
  assert.equal(horizon.zh.message, 'dispatch.horizon（调度时域） = "day" 的类型不对，应为“year”或一组字段（键: 值）。');
  assert.equal(issueAt(p, 'dispatch.milp').en.message, 'dispatch.milp = "yes" is not true or false.');
  assert.equal(issueAt(p, 'market.capacityPayment').en.message, 'market.capacityPayment = {"amount":1} is not a number or a quantity with its unit.');
});

test('every problem of a file is found in one pass: schema, finance and template parameters together', () => {
  const p = example();
  p.market.year = 1800;
  p.site.ambientTemperature = ['1 degC'];
  p.plants[0].parameters.charge.power = '5000 MW';
  p.plants[0].finance.discountRate = '-60 %';
  const found = issues(p).map((i) => `${i.field} ${i.code} ${i.valid}`);
  assert.deepEqual(found, [
    'site.ambientTemperature length exactly 12 items',
    'market.year out_of_range 1990 ≤ n ≤ 2100',
    'plants[0].parameters.charge.power out_of_range 0.01 MW ≤ x ≤ 3000 MW',
    'plants[0].finance.discountRate out_of_range -50 % ≤ x ≤ 100 %',
  ]);
  assert.equal(issues(p, 'zh')[0].message, 'site.ambientTemperature（环境温度）有 1 项，应为恰好 12 项。');
});

test('something that is not a project at all is one issue on the file, never an exception', () => {
  assert.deepEqual(
    issues(5).map((i) => [i.field, i.code, i.message]),
    [['', 'type', 'the project file = 5 is not a set of fields (key: value).']],
  );
  assert.equal(issues(null, 'zh')[0].message, '缺少项目文件，应为一组字段（键: 值）。');
});

test('every issue code has a sentence, and every sentence takes the same parameters in English and Chinese', () => {
  for (const code of ISSUE_CODES) assert.ok(Object.keys(MESSAGES).some((k) => k === code || k.startsWith(`${code}.`)), code);
  const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [id, t] of Object.entries(MESSAGES)) assert.deepEqual(params(t.zh), params(t.en), id);
});
