import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { afterLoss, describeParameters, parseParameters, pressureLoss, quantity, TemplateParameterError } from './parameters.js';
import { TEMPLATE_NAMES, templateParameters, TEMPLATE_SCHEMAS } from './index.js';

const schema = z
  .object({
    p: quantity('pressure', 70e5, { min: 1e5, max: 200e5 }, 'a pressure', 'a paper'),
    loss: pressureLoss({ kind: 'fraction', value: 0.02 }, 'a loss', 'assumption', true),
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
  const plain = z.object({ loss: pressureLoss({ kind: 'fraction', value: 0.02 }, 'a loss') }).strict();
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
