import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { afterLoss, describeParameters, parseParameters, pressureLoss, quantity, rangeText, setting, TemplateParameterError } from './parameters.js';
import { TEMPLATE_NAMES, templateParameters, TEMPLATE_SCHEMAS } from './index.js';
import { LOSS } from './common.js';
import { componentQuantity } from '../core/declaration.js';
import { COMPRESSOR } from '../components/compressor.js';
import { TURBINE } from '../components/turbine.js';

const schema = z
  .object({
    p: quantity('pressure', 70e5, { min: 1e5, max: 200e5 }, 'a pressure', 'a paper'),
    loss: pressureLoss(LOSS.cooler, { kind: 'fraction', value: 0.02 }, 'a loss', 'assumption', true),
  })
  .strict();

test('quantities take strings with units, bare SI numbers and their defaults', () => {
  assert.deepEqual(parseParameters('t', schema, { p: '65 bar' }), { p: 65e5, loss: { kind: 'fraction', value: 0.02 } });
  assert.equal(parseParameters('t', schema, { p: 6.5e6 }).p, 6.5e6);
  assert.equal(parseParameters('t', schema, {}).p, 70e5);
});

test('a value outside its range or with the wrong unit is an issue naming the field, the value and the range', () => {
  assert.throws(
    () => parseParameters('t', schema, { p: '250 bar' }),
    (e: unknown) => e instanceof TemplateParameterError && e.issues[0].field === 'p' && /"250 bar" is outside the valid range 1 bar ≤ x ≤ 200 bar/.test(e.issues[0].message),
  );
  assert.throws(() => parseParameters('t', schema, { p: '25 degC' }), (e: unknown) => e instanceof TemplateParameterError && /not a unit of pressure/.test(e.issues[0].message));
  assert.throws(() => parseParameters('t', schema, { q: 1 }), (e: unknown) => e instanceof TemplateParameterError && /Unrecognized key/.test(e.issues[0].message));
});

test('a pressure loss is a fraction, a pressure drop, or for condensers a fall of the saturation temperature', () => {
  const p = (loss: unknown) => parseParameters('t', schema, { loss }).loss;
  assert.deepEqual(p('3 %'), { kind: 'fraction', value: 0.03 });
  assert.deepEqual(p('0.5 bar'), { kind: 'drop', value: 0.5e5 });
  assert.deepEqual(p('0.2 K'), { kind: 'saturation', value: 0.2 });
  assert.equal(afterLoss(10e5, { kind: 'fraction', value: 0.02 }), 9.8e5);
  assert.equal(afterLoss(10e5, { kind: 'drop', value: 0.3e5 }), 9.7e5);
  const plain = z.object({ loss: pressureLoss(LOSS.cooler, { kind: 'fraction', value: 0.02 }, 'a loss') }).strict();
  assert.throws(() => parseParameters('t', plain, { loss: '0.2 K' }), (e: unknown) => e instanceof TemplateParameterError && /only for condensers and evaporators/.test(e.issues[0].message));
});

test('every template parameter has a unit (or a kind), a default or a stated absence, a range and a doc line', () => {
  for (const name of TEMPLATE_NAMES) {
    const list = templateParameters(name);
    assert.ok(list.length > 20, `${name}: ${list.length} parameters`);
    for (const p of list) {
      assert.ok(p.doc.length > 3, `${name} ${p.path}: doc`);
      assert.ok(p.range.length > 0, `${name} ${p.path}: range`);
      if (p.kind !== 'list' && p.kind !== 'object' && !/optional|default:/.test(p.doc)) assert.ok(p.default !== '', `${name} ${p.path}: default`);
    }
  }
  const power = describeParameters(TEMPLATE_SCHEMAS['diabatic-caes']).find((p) => p.path === 'charge.power');
  assert.deepEqual(power && [power.unit, power.default, power.source], ['MW', '60 MW', 'Huntorf: 60 MW (case B1)']);
});

test('a store liquid’s cold temperature outside its range is a field error of the plant file naming the liquid’s valid range, before any design', async () => {
  const { parsePlantFile, plantOf } = await import('./plant-file.js');
  const text = [
    'name: oil below its range',
    'template: co2-gas-liquid',
    'parameters:',
    '  thermalStores:',
    '    - { name: oil, medium: TVP1, coldTemperature: 5 degC, pressure: 10 bar }',
  ].join('\n');
  const parsed = parsePlantFile(text, 'cold.yaml');
  assert.ok(parsed.ok);
  const built = plantOf(parsed.file);
  assert.ok(!built.ok, 'refused');
  assert.equal(built.issues.length, 1);
  // Therminol VP-1's fit is valid from 285.15 K to 670.15 K (CoolProp INCOMP TVP1); before, the design point's
  // solver stopped on the store's T with a hint about thermalStores[].stages
  assert.equal(built.issues[0].field, 'parameters.thermalStores[0].coldTemperature');
  assert.match(built.issues[0].message, /5 degC is outside the range of Therminol VP-1 \(TVP1\): 12 degC ≤ coldTemperature ≤ 397 degC/);
});

test('pressurised water as a store liquid is refused at a cold temperature at which it boils', () => {
  assert.throws(
    () => parseParameters('co2-gas-liquid', TEMPLATE_SCHEMAS['co2-gas-liquid'], { thermalStores: [{ name: 'w', medium: 'Water', coldTemperature: '160 degC', pressure: '5 bar' }] }),
    // water boils at 151.8 degC at 5 bar (IAPWS-95)
    (e: unknown) => e instanceof TemplateParameterError && e.issues[0].field === 'thermalStores[0].coldTemperature' && /0\.01 degC ≤ coldTemperature ≤ 151\.8 degC/.test(e.issues[0].message),
  );
});

test('a pressure loss takes its ranges from the pr and dp of the component it sets: a loss of 100 % or a negative drop is refused', () => {
  const p = (loss: unknown) => parseParameters('t', schema, { loss }).loss;
  // cooler pr: 0 < pr ≤ 1, so a loss x = 1 − pr lies in 0 ≤ x < 1; dp ≥ 0 (src/plant/components/simple-heat-exchanger.ts)
  assert.deepEqual(p('60 %'), { kind: 'fraction', value: 0.6 });
  assert.throws(() => p('100 %'), (e: unknown) => e instanceof TemplateParameterError && /"100 %" is outside the valid range 0 % ≤ x < 100 %/.test(e.issues[0].message));
  assert.throws(() => p('-0.1 bar'), (e: unknown) => e instanceof TemplateParameterError && /"-0.1 bar" is outside the valid range 0 bar ≤ x/.test(e.issues[0].message));
  const row = describeParameters(schema).find((r) => r.path === 'loss');
  assert.equal(row?.sets, 'cooler pr (loss = 1 − pr) or dp');
});

test('a template parameter that sets a component parameter has the component’s range, and its message names that one range', () => {
  const eta = componentQuantity(TURBINE, 'eta_s');
  const declared = rangeText('fraction', eta.range);
  assert.equal(declared, '0 % < x ≤ 100 %');
  const row = templateParameters('co2-gas-liquid').find((r) => r.path === 'expansion.efficiency');
  assert.deepEqual(row && [row.sets, row.range, row.narrowed], ['turbine eta_s', declared, undefined]);
  assert.throws(
    () => parseParameters('co2-gas-liquid', TEMPLATE_SCHEMAS['co2-gas-liquid'], { expansion: { efficiency: '101 %' } }),
    (e: unknown) => e instanceof TemplateParameterError && e.issues.length === 1 && e.issues[0].field === 'expansion.efficiency' && e.issues[0].message === `"101 %" is outside the valid range ${declared}`,
  );
  // a turbine's stage ratio is p_out/p_in ≤ 1 (turbomachine.ts): refused at the field, not later by the turbine
  assert.throws(
    () => parseParameters('co2-gas-liquid', TEMPLATE_SCHEMAS['co2-gas-liquid'], { expansion: { stages: 3, pressureRatios: [2, 0.5] } }),
    (e: unknown) => e instanceof TemplateParameterError && e.issues[0].field === 'expansion.pressureRatios[0]' && /2 is outside the valid range 0 < x ≤ 1/.test(e.issues[0].message),
  );
  assert.throws(
    () => parseParameters('liquid-co2', TEMPLATE_SCHEMAS['liquid-co2'], { compression: { stages: 2, pressureRatios: [0.5] } }),
    (e: unknown) => e instanceof TemplateParameterError && e.issues[0].field === 'compression.pressureRatios[0]' && /0.5 is outside the valid range 1 ≤ x/.test(e.issues[0].message),
  );
});

test('a template narrows a component’s range only inside it and says why', () => {
  const pinch = templateParameters('adiabatic-caes').find((r) => r.path === 'thermalStores[].pinch');
  assert.equal(pinch?.sets, 'heat-exchanger ttd_min');
  assert.equal(pinch?.range, '0 K < x');
  assert.match(pinch?.narrowed ?? '', /cross.*\(heat-exchanger ttd_min itself: any finite value\)/);
  assert.throws(() => setting(componentQuantity(COMPRESSOR, 'eta_s'), 0.9, 'wider', { narrow: { range: { min: 0.3, max: 1.2 }, why: 'none' } }), /not inside the component's 0 % < x ≤ 100 %/);
  assert.throws(() => setting(componentQuantity(COMPRESSOR, 'eta_s'), 0.2, 'default outside', { narrow: { range: { min: 0.3, max: 1 }, why: 'a floor' } }), /default 0.2 outside/);
});

/** Template parameters whose names say they set a component's efficiency, loss, exchanger or ratio, and that do not (each with why). */
const NOT_A_COMPONENT_PARAMETER: Readonly<Record<string, string>> = {
  'coldStore.pinch': 'liquid-co2: sets the LP pressures through the CO2 saturation curve (liquid-co2/conditions.ts), no exchanger’s ttd_min',
};

test('every template parameter that sets a compressor, turbine, pump or exchanger parameter says which one and takes its range', () => {
  const settable = /(^|\.)(efficiency|stageEfficiencies|mechanicalEfficiency|motorEfficiency|generatorEfficiency|hpEfficiency|lpEfficiency|pumpEfficiency|transferPumpEfficiency|pinch|dischargePinch|hotEndApproach|dischargeHotEndApproach|warmEndApproach|recuperatorEffectiveness|pressureRatios|\w*[pP]ressureLoss)$/;
  const missing: string[] = [];
  let checked = 0;
  for (const name of TEMPLATE_NAMES) {
    for (const p of templateParameters(name)) {
      const path = p.path.replace(/\[\]/g, '');
      if (!settable.test(path) || NOT_A_COMPONENT_PARAMETER[path]) continue;
      checked++;
      if (!p.sets) missing.push(`${name}: ${p.path}`);
    }
  }
  assert.deepEqual(missing, []);
  assert.ok(checked > 60, `${checked} parameters checked`);
});
