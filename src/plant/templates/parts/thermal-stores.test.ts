import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NetworkBuilder } from '../doc.js';
import { thermalStoreSchema } from '../common.js';
import { ThermalStoreChain } from './thermal-stores.js';

const AMBIENT = { T: 293.15, p: 101325 };
const schema = thermalStoreSchema({ name: 'tes', medium: 'TVP1', coldTemperature: 313.15, pressure: 12e5 });
const hot = schema.parse({ name: 'hot', coldTemperature: 393.15 });
const warm = schema.parse({ name: 'warm', medium: 'Water', coldTemperature: 313.15, pressure: 20e5, stages: [2, 3] });

test('a chain of stores puts the hottest first behind a compression stage and the coldest first before an expansion stage, each only where it serves', () => {
  const d = new NetworkBuilder('t', 't', AMBIENT);
  const chain = new ThermalStoreChain([hot, warm], 3, 3, 70e5);
  assert.deepEqual(chain.chargeExchangers(d, 1).map((n) => n.id), ['HXc1_hot']);
  assert.deepEqual(chain.chargeExchangers(d, 2).map((n) => n.id), ['HXc2_hot', 'HXc2_warm']);
  assert.deepEqual(chain.dischargeExchangers(d, 2).map((n) => n.id), ['HXd2_warm', 'HXd2_hot']);
  assert.deepEqual(d.toDoc().components.HXc2_warm, { type: 'heat-exchanger', pr1: 0.98, dp2: 0.5e5, ttd_u: 15, ttd_min: 10 });
  assert.deepEqual(chain.designExchangers('charge').map((x) => x.id), ['HXc1_hot', 'HXc2_hot', 'HXc3_hot', 'HXc2_warm', 'HXc3_warm']);
});

test('each store loop runs from its supplying tank through a pump and a splitter to its exchangers and back, its tank temperature an update', () => {
  const d = new NetworkBuilder('t', 't', AMBIENT);
  const chain = new ThermalStoreChain([hot, warm], 3, 3, 70e5);
  for (let k = 1; k <= 3; k++) chain.dischargeExchangers(d, k);
  chain.addDischargeLoops(d, 100);
  assert.equal(d.toDoc().components.warm.T, 413.15);
  assert.deepEqual(d.toDoc().components.warm_split, { type: 'splitter', outlets: 2 });
  assert.deepEqual(chain.returns(), [
    { id: 'HXd1_hot', connection: 'HXd1_hot-hot_merge', T: 393.15 },
    { id: 'HXd2_hot', connection: 'HXd2_hot-hot_merge', T: 393.15 },
    { id: 'HXd3_hot', connection: 'HXd3_hot-hot_merge', T: 393.15 },
    { id: 'HXd2_warm', connection: 'HXd2_warm-warm_merge', T: 313.15 },
    { id: 'HXd3_warm', connection: 'HXd3_warm-warm_merge', T: 313.15 },
  ]);
  assert.deepEqual(chain.tankUpdates([500, 400]), [
    { component: 'hot', set: { T: 500 } },
    { component: 'warm', set: { T: 400 } },
  ]);
});

test('stores out of order, with a pinch above the approach or serving no stage of a train are refused with the field', () => {
  assert.throws(() => new ThermalStoreChain([warm, hot], 3, 3, 70e5).check('t'), /thermalStores\[1\].*coldTemperature/);
  assert.throws(() => new ThermalStoreChain([schema.parse({ pinch: 20 })], 3, 3, 70e5).check('t'), /pinch/);
  assert.throws(() => new ThermalStoreChain([schema.parse({ stages: [3] })], 3, 2, 70e5).check('t'), /stages/);
});

test('a chain whose discharge is designed apart gives its discharge exchangers their own approach, pinch and gas pressure, and keeps the charge’s loops and tanks', () => {
  const d = new NetworkBuilder('t', 't', AMBIENT);
  const drop = schema.parse({ name: 'hot', coldTemperature: 393.15, gasPressureLoss: '0.3 bar' });
  const dischargeSide = { ...drop, hotEndApproach: 25, pinch: 12 };
  const chain = new ThermalStoreChain([drop], 1, 1, 70e5, { params: [dischargeSide], gasPressure: 40e5 });
  chain.chargeExchangers(d, 1);
  chain.dischargeExchangers(d, 1);
  chain.addDischargeLoops(d, 50);
  // the gas loss of 0.3 bar as a drop at either pressure; the medium's 0.5 bar default on the other side
  assert.deepEqual(d.toDoc().components.HXc1_hot, { type: 'heat-exchanger', dp1: 70e5 - (70e5 - 0.3e5), dp2: 0.5e5, ttd_u: 15, ttd_min: 10 });
  assert.deepEqual(d.toDoc().components.HXd1_hot, { type: 'heat-exchanger', dp1: 0.5e5, dp2: 40e5 - (40e5 - 0.3e5), ttd_u: 25, ttd_min: 12 });
  assert.deepEqual(chain.designExchangers('charge'), [{ id: 'HXc1_hot', pinch: 10 }]);
  assert.deepEqual(chain.designExchangers('discharge'), [{ id: 'HXd1_hot', pinch: 12 }]);
  // the loop is the store's: its hot tank guessed 50 K above the cold one, its return to the cold tank at 393.15 K
  assert.equal(d.toDoc().components.hot.T, 443.15);
  assert.deepEqual(chain.returns(), [{ id: 'HXd1_hot', connection: 'hot_return', T: 393.15 }]);
  assert.deepEqual(chain.dischargeExchangerIds(), [['HXd1_hot']]);
});
