import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDutyCsv, parseNumericCsv } from './duty-csv.js';

const HEADER = 'time_h,soc,temperature_C,c_rate';

test('a duty CSV becomes SI arrays: seconds, SOC 0–1, kelvin, C-rate in 1/h; blank lines and CRLF are accepted', () => {
  const d = parseDutyCsv(`${HEADER}\r\n0,0.1,25,0\r\n\r\n0.5,0.35,26.5,0.5\r\n`);
  assert.deepEqual([...d.time], [0, 1800]);
  assert.deepEqual([...d.soc], [0.1, 0.35]);
  assert.deepEqual([...d.temperature], [298.15, 299.65]);
  assert.deepEqual([...d.cRate], [0, 0.5]);
});

test('columns may come in any order', () => {
  const d = parseDutyCsv('soc,c_rate,time_h,temperature_C\n0.5,0,0,20\n0.6,0.4,0.25,20\n');
  assert.deepEqual([...d.soc], [0.5, 0.6]);
  assert.deepEqual([...d.time], [0, 900]);
});

test('a bad duty is refused naming the line, the column and the value', () => {
  assert.throws(() => parseDutyCsv(`${HEADER}\n0,0.5,25,0\n1,,25,0\n`, 'd.csv'), /d\.csv line 3, column soc: "" is not a finite number/);
  assert.throws(() => parseDutyCsv(`${HEADER}\n0,0.5,25,0\n1,-0.1,25,0\n`, 'd.csv'), /d\.csv line 3, column soc: -0\.1 is outside the valid range 0 to 1/);
  assert.throws(() => parseDutyCsv(`${HEADER}\n0,0.5,25,0\n0,0.5,25,0\n`, 'd.csv'), /d\.csv line 3, column time_h: 0 is not after the previous row's 0/);
  assert.throws(() => parseDutyCsv(`${HEADER}\n0,0.5,-300,0\n1,0.5,25,0\n`, 'd.csv'), /d\.csv line 2, column temperature_C: -300 is below absolute zero/);
  assert.throws(() => parseDutyCsv(`${HEADER}\n0,0.5,25\n1,0.5,25,0\n`, 'd.csv'), /d\.csv line 2: 3 fields where the header has 4/);
  assert.throws(() => parseDutyCsv(`${HEADER},power_kW\n0,0.5,25,0,1\n1,0.5,25,0,1\n`, 'd.csv'), /d\.csv: unknown column\(s\) power_kW/);
  assert.throws(() => parseDutyCsv('time_h,soc,temperature_C\n0,0.5,25\n1,0.5,25\n', 'd.csv'), /d\.csv line 1: no column "c_rate" in the header/);
  assert.throws(() => parseDutyCsv(`${HEADER}\n0,0.5,25,0\n`, 'd.csv'), /d\.csv has 1 data row\(s\); a duty needs at least 2/);
  assert.throws(() => parseDutyCsv('\n\n', 'd.csv'), /d\.csv is empty/);
});

test('a numeric CSV gives only the columns asked for, with each row’s line number', () => {
  const t = parseNumericCsv('a,b,c\n1,x,3\n\n4,y,6\n', 't.csv', ['c', 'a']);
  assert.deepEqual([...t.columns.a], [1, 4]);
  assert.deepEqual([...t.columns.c], [3, 6]);
  assert.deepEqual(t.lines, [2, 4]);
  assert.deepEqual(t.header, ['a', 'b', 'c']);
});
