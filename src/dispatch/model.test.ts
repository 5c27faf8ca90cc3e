import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  batteryStorage,
  converterSegments,
  DispatchInputError,
  partLoadCurve,
  simpleStorage,
  validateStorage,
  type SimpleStorageSpec,
  type StorageParams,
} from './index.js';

const MW = 1e6;
const MWH = 3.6e9;
const BASE: SimpleStorageSpec = { power: 100 * MW, energy: 400 * MWH, etaCharge: 0.9, etaDischarge: 0.9 };

/** Each bad parameter: the spec change, the field named, the value, and the range the message states. */
const BAD: [string, Partial<SimpleStorageSpec>, string, unknown, RegExp][] = [
  ['a negative power', { power: -1, powerCharge: 50 * MW }, 'storage.discharge.powerMax', -1, /must lie in \(0, Infinity\) W/],
  ['a zero charge power', { powerCharge: 0 }, 'storage.charge.powerMax', 0, /must lie in \(0, Infinity\) W/],
  ['an efficiency above one', { etaCharge: 1.1 }, 'storage.charge.efficiency', 1.1, /must lie in \(0, 1\]/],
  ['a zero efficiency', { etaDischarge: 0 }, 'storage.discharge.efficiency', 0, /must lie in \(0, 1\]/],
  ['a non-finite energy', { energy: NaN }, 'storage.energyCapacity', NaN, /expected a finite number/],
  ['socMin at one', { socMin: 1 }, 'storage.socMin', 1, /must lie in \[0, 1\)/],
  ['socMax below socMin', { socMin: 0.5, socMax: 0.4 }, 'storage.socMax', 0.4, /must lie in \(0.5, 1\]/],
  ['a start outside the SOC limits', { socMin: 0.1, socMax: 0.9, socInitial: 0.95 }, 'storage.socInitial', 0.95, /must lie in \[0.1, 0.9\]/],
  ['a negative standing loss', { standingLoss: -1e-7 }, 'storage.standingLoss', -1e-7, /\[0, Infinity\) 1\/s/],
  ['a negative wear cost', { degradationCost: -1 }, 'storage.degradationCost', -1, /\[0, Infinity\) money\/J/],
  ['a zero daily cycle limit', { dailyCycleLimit: 0 }, 'storage.dailyCycleLimit', 0, /\(0, Infinity\) cycles\/day/],
  ['a minimum power above the maximum', { powerMinDischarge: 200 * MW }, 'storage.discharge.powerMin', 200 * MW, /must lie in \[0, 100000000\] W/],
  ['an end SOC outside the limits', { socMax: 0.9, endState: { kind: 'fixed', soc: 0.95 } }, 'storage.endState.soc', 0.95, /must lie in \[0, 0.9\]/],
];

for (const [what, change, field, value, range] of BAD) {
  test(`storage with ${what} is refused naming ${field}, the value and the valid range`, () => {
    assert.throws(
      () => simpleStorage({ ...BASE, ...change }),
      (e: unknown) => {
        assert.ok(e instanceof DispatchInputError, String(e));
        assert.equal(e.field, field, e.message);
        assert.deepEqual(e.value, value, e.message);
        assert.match(e.message, range);
        return true;
      },
    );
  });
}

test('a missing start is refused unless the end state is cyclic', () => {
  const s: StorageParams = { ...simpleStorage(BASE), socInitial: undefined };
  assert.throws(() => validateStorage(s), /storage\.socInitial: required unless the end state is cyclic \(end state is "atLeastInitial"\)/);
  assert.doesNotThrow(() => validateStorage({ ...s, endState: { kind: 'cyclic' } }));
});

test('a battery takes the square root of its round-trip efficiency each way', () => {
  const b = batteryStorage({ power: 50 * MW, energy: 200 * MWH, roundTripEfficiency: 0.81, degradationCost: 20 / MWH });
  assert.equal(b.charge.kind === 'linear' && b.charge.efficiency, 0.9);
  assert.equal(b.discharge.kind === 'linear' && b.discharge.efficiency, 0.9);
  assert.equal(b.degradationCost, 20 / MWH);
  assert.throws(() => batteryStorage({ power: 1, energy: 1, roundTripEfficiency: 1.2, degradationCost: 0 }), /roundTripEfficiency: must lie in \(0, 1\]/);
});

test('linear converters become one segment above the minimum run point, on the input axis', () => {
  const c = converterSegments({ kind: 'linear', powerMax: 10 * MW, efficiency: 0.8, powerMin: 2 * MW }, 'charge');
  assert.deepEqual([c.x0, c.y0, c.widths[0], c.slopes[0], c.inputMax, c.outputMax], [2 * MW, 1.6 * MW, 8 * MW, 0.8, 10 * MW, 8 * MW]);
  const d = converterSegments({ kind: 'linear', powerMax: 10 * MW, efficiency: 0.8, powerMin: 2 * MW }, 'discharge');
  assert.deepEqual([d.x0, d.y0, d.widths[0], d.slopes[0], d.inputMax, d.outputMax], [2.5 * MW, 2 * MW, 10 * MW, 0.8, 12.5 * MW, 10 * MW]);
  assert.equal(d.needsBinary, true);
});

test('a part-load curve from efficiencies knows whether it is concave', () => {
  // a turbine: 30 % minimum load at η 0.6, rising to 0.8 at full load → not concave, needs the MILP
  const turbine = partLoadCurve('discharge', [
    { power: 30 * MW, efficiency: 0.6 },
    { power: 70 * MW, efficiency: 0.75 },
    { power: 100 * MW, efficiency: 0.8 },
  ]);
  const t = converterSegments(turbine, 'discharge');
  assert.equal(t.x0, 50 * MW);
  assert.equal(t.y0, 30 * MW);
  assert.equal(t.concave, false);
  assert.equal(t.needsBinary, true);
  // a compressor whose efficiency falls with load is concave and needs no binaries
  const compressor = partLoadCurve('charge', [{ power: 0, efficiency: 0.9 }, { power: 60 * MW, efficiency: 0.85 }, { power: 100 * MW, efficiency: 0.8 }]);
  const c = converterSegments(compressor, 'charge');
  assert.equal(c.concave, true);
  assert.equal(c.needsBinary, false);
  assert.ok(Math.abs(c.outputMax - 80 * MW) < 1e-6);
});

test('malformed part-load curves are refused naming the breakpoint', () => {
  assert.throws(() => converterSegments({ kind: 'curve', input: [0, 5, 5], output: [0, 1, 2] }, 'charge'), /charge\.input\[2\]: must lie in \(5, Infinity\) W \(got 5\)/);
  assert.throws(() => converterSegments({ kind: 'curve', input: [0, 5, 6], output: [0, 1] }, 'charge'), /charge\.output: expected 3 values/);
  assert.throws(() => converterSegments({ kind: 'curve', input: [0, 5], output: [1, 2] }, 'discharge'), /discharge\.output\[0\]: must be 0 where the input is 0 \(got 1\)/);
  assert.throws(() => converterSegments({ kind: 'curve', input: [0], output: [0] }, 'discharge'), /discharge\.input: expected at least two breakpoints/);
});
