/**
 * The report's table of the stores over the periodic design cycle (tables.ts balanceRows, balanceCaption): one row per
 * store part from the balance the cycle measured (src/plant/templates/balance.ts), in the reader's language, the row
 * of the store whose limit ended the discharge marked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SiteSchema } from '../project/schema.js';
import { buildTemplatePlant } from '../project/template-plant.js';
import { BALANCE_COLUMNS, balanceCaption, balanceRows } from './tables.js';
import { label } from './labels.js';

/** The adiabatic CAES example (a salt cavern and one two-tank thermal store) as a project evaluates it. */
function acaes() {
  const doc = parse(readFileSync(new URL('../../examples/plants/acaes-salt-cavern.yaml', import.meta.url), 'utf8'));
  return buildTemplatePlant(doc.template, doc.parameters, SiteSchema.parse(doc.site), 'plants[0].parameters');
}

test('the balance table has a row per store part, in t, with the measured in, out and what the restoring units moved, the cavern marked as the store that ended the discharge', () => {
  const plant = { plantModel: acaes().summary };
  const b = plant.plantModel.designCycle.storeBalance;
  const rows = balanceRows(plant, 'en');
  assert.deepEqual(rows.map((r) => r.store), ['cavern', 'thermal store hot', 'thermal store cold']);
  assert.deepEqual(rows.map((r) => r.endedDischarge), [true, false, false]);
  for (const r of rows) assert.equal(r.texts.length, BALANCE_COLUMNS.length - 1);
  // each cell is the measured figure in display units: t with one decimal below 1000 t, none above
  const [cavern, hot, cold] = b.parts;
  const t = (kg: number) => `${(kg / 1e3).toLocaleString('en-US', { minimumFractionDigits: Math.abs(kg) >= 1e6 ? 0 : 1, maximumFractionDigits: Math.abs(kg) >= 1e6 ? 0 : 1 })} t`;
  assert.deepEqual(rows[0].texts.slice(0, 3), ['charge', t(cavern.in), t(cavern.out)]);
  assert.deepEqual(rows[1].texts.slice(0, 3), ['charge', t(hot.in), t(hot.out)]);
  assert.deepEqual(rows[2].texts.slice(0, 3), ['discharge', t(cold.in), t(cold.out)]);
  assert.equal(rows[1].texts[5], t(hot.restored));
  assert.equal(rows[0].texts[8], 'ended the discharge');
  assert.match(balanceCaption(plant, 'en'), /^Design cycle \d+ \(periodic within 1e-4\); Charge: cavern pressure at its maximum \(75\.00 bar\); Discharge: cavern pressure at its minimum \(50\.00 bar\)\.$/);
});

test('in Chinese the table names the stores, the phases and the store that ended the discharge in Chinese', () => {
  const plant = { plantModel: acaes().summary };
  const rows = balanceRows(plant, 'zh');
  assert.deepEqual(rows.map((r) => r.store), ['储气洞穴', '储热热罐', '储热冷罐']);
  assert.deepEqual(rows.map((r) => r.texts[0]), ['充电', '充电', '放电']);
  assert.equal(rows[0].texts[8], '终止放电');
  assert.deepEqual(BALANCE_COLUMNS.map((k) => label(k, 'zh')), ['储罐', '充入过程', '充入', '放出', '放出/充入', '放出后剩余', '恢复装置调整', '散热损失', '终态−初态', '终止条件']);
  assert.match(balanceCaption(plant, 'zh'), /^设计循环 \d+ \(周期性, 容差 1e-4\); 储能 \(充电\) 过程: cavern pressure/);
});

test('a plant without a template model has no balance table', () => {
  assert.deepEqual(balanceRows({}, 'en'), []);
  assert.equal(balanceCaption({}, 'en'), '');
});
