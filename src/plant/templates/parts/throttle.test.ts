import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NetworkBuilder } from '../doc.js';
import { Throttle } from './throttle.js';

const AMBIENT = { T: 293.15, p: 101325 };

test('a throttle holding 46 bar at the first turbine behind two 2 % reheaters is set to 46 / 0.98² bar, and the store stops feeding it there', () => {
  const loss = (p: number) => 0.98 * p;
  const t = new Throttle(46e5, [loss, loss]);
  const setting = 46e5 / 0.98 ** 2;
  assert.ok(Math.abs((t.setting as number) - setting) < 1e-9 * setting, `${t.setting} Pa`);
  const d = new NetworkBuilder('t', 't', AMBIENT);
  t.add(d);
  assert.deepEqual(d.toDoc().components.TV, { type: 'valve', p_out: t.setting });
  assert.equal(t.atSetting(1.0002 * setting), false);
  assert.equal(t.atSetting(1.00005 * setting), true);
});

test('without a held inlet pressure the throttle stands wide open and never stops the discharge', () => {
  const t = new Throttle(undefined, []);
  const d = new NetworkBuilder('t', 't', AMBIENT);
  t.add(d);
  assert.deepEqual(d.toDoc().components.TV, { type: 'valve', pr: 1 });
  assert.equal(t.atSetting(1e5), false);
});
