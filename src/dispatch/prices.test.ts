import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePriceCsv, PriceFileError } from './index.js';

const HOUR = 3600_000;
const START_2025 = Date.UTC(2025, 0, 1) - 8 * HOUR; // 2025-01-01T00:00+08:00

/** A year (or `n` rows) of hourly rows starting 2025-01-01 00:00 Beijing time, written without offsets. */
function hourlyCsv(n = 8760, price = (k: number) => 300 + (k % 24)): string[] {
  const lines = ['time,price'];
  for (let k = 0; k < n; k++) {
    const d = new Date(START_2025 + 8 * HOUR + k * HOUR);
    lines.push(`${d.toISOString().slice(0, 16)},${price(k)}`);
  }
  return lines;
}

/** Asserts that parsing throws a PriceFileError at the given row and column whose message names the value. */
function rejects(lines: string[] | string, row: number, column: string, value: string, reason: RegExp, options = {}) {
  const text = Array.isArray(lines) ? lines.join('\n') : lines;
  assert.throws(
    () => parsePriceCsv(text, { source: 'p.csv', ...options }),
    (e: unknown) => {
      assert.ok(e instanceof PriceFileError, `expected a PriceFileError, got ${String(e)}`);
      assert.equal(e.row, row, e.message);
      assert.equal(e.column, column, e.message);
      assert.equal(e.value, value, e.message);
      assert.match(e.message, reason);
      assert.ok(e.message.startsWith(`p.csv row ${row}, column "${column}"`), e.message);
      assert.ok(e.message.includes(JSON.stringify(value)), e.message);
      return true;
    },
  );
}

test('a year of hourly prices per MWh becomes money per joule on a one-hour grid in Beijing time', () => {
  const s = parsePriceCsv(hourlyCsv().join('\n'));
  assert.equal(s.prices.length, 8760);
  assert.equal(s.stepSeconds, 3600);
  assert.equal(s.startMs, START_2025);
  assert.equal(s.utcOffsetMinutes, 480);
  assert.equal(s.prices[0], 300 / 3.6e9);
  assert.equal(s.prices[23], 323 / 3.6e9);
});

test('times with explicit offsets, CRLF line ends, a BOM, quotes, extra columns and blank lines are accepted', () => {
  const text = '\uFEFFnode,Time,Price\r\n' + 'a,2025-01-01T00:00:00+08:00,"1.5"\r\n' + '\r\n' + 'b,2024-12-31T17:00Z,-2e1\r\n' + 'c,2025-01-01 02:00,0\r\n';
  const s = parsePriceCsv(text, { allowAnyLength: true });
  assert.equal(s.startMs, START_2025);
  assert.deepEqual(Array.from(s.prices, (p) => p * 3.6e9), [1.5, -20, 0]);
});

test('a leap year has 8784 hourly rows and a quarter-hourly year 35040', () => {
  assert.equal(parsePriceCsv(hourlyCsv(8784).join('\n')).prices.length, 8784);
  const lines = ['time,price'];
  for (let k = 0; k < 35040; k++) lines.push(`${new Date(Date.UTC(2025, 0, 1) + k * 900_000).toISOString()},${k % 96}`);
  const s = parsePriceCsv(lines.join('\n'));
  assert.equal(s.stepSeconds, 900);
  assert.equal(s.prices.length, 35040);
});

test('a missing hour is a gap named at the row after it, with the time expected there', () => {
  const lines = hourlyCsv();
  lines.splice(101, 1); // drop data row 101 (file row 102)
  rejects(lines, 102, 'time', lines[101].split(',')[0], /gap: 1 step\(s\) of 3600 s missing after row 101; expected 2025-01-05T04:00\+08:00/);
});

test('a repeated time is a duplicate naming the earlier row', () => {
  const lines = hourlyCsv();
  lines[50] = lines[49];
  rejects(lines, 51, 'time', lines[49].split(',')[0], /duplicate time; row 50 has the same instant/);
});

test('a time earlier than the row before is out of order', () => {
  const lines = hourlyCsv(30);
  [lines[10], lines[11]] = [lines[11], lines[10]];
  rejects(lines, 11, 'time', lines[10].split(',')[0], /out of order: expected 2025-01-01T09:00\+08:00 after row 10, which is at row 12/, { allowAnyLength: true });
  const late = hourlyCsv(30);
  late[12] = late[3];
  rejects(late, 13, 'time', late[3].split(',')[0], /duplicate time; row 4 has the same instant/, { allowAnyLength: true });
});

test('a step off the grid is irregular', () => {
  const lines = hourlyCsv(30);
  lines[20] = '2025-01-01T18:30,5';
  rejects(lines, 21, 'time', '2025-01-01T18:30', /irregular step of 1800 s after row 20; the file's step is 3600 s/, { allowAnyLength: true });
});

test('a year with one row too many is the wrong length, named at the last row', () => {
  const lines = hourlyCsv(8761);
  rejects(lines, 8762, 'rows', '8761', /8761 hourly rows; a year needs 8760 or 8784/);
});

test('a series that is not a year is accepted only when any length is allowed', () => {
  const lines = hourlyCsv(48);
  rejects(lines, 49, 'rows', '48', /48 hourly rows; a year needs 8760 or 8784 \(or allow any regular series\)/);
  assert.equal(parsePriceCsv(lines.join('\n'), { allowAnyLength: true }).prices.length, 48);
  const daily = ['time,price', '2025-01-01,1', '2025-01-02,2', '2025-01-03,3'];
  rejects(daily, 3, 'time', '2025-01-02', /step of 86400 s; expected 1 h \(3600 s\) or 15 min \(900 s\)/);
});

test('a non-numeric or empty price cell is named with its row', () => {
  const lines = hourlyCsv();
  lines[7] = lines[7].replace(/,.*/, ',12,5');
  rejects(lines, 8, 'row', lines[7], /expected 2 cells like the header, found 3/);
  lines[7] = lines[7].replace(/,.*/, ',abc');
  rejects(lines, 8, 'price', 'abc', /not a number/);
  lines[7] = lines[7].replace(/,.*/, ',');
  rejects(lines, 8, 'price', '', /empty cell/);
  lines[7] = lines[7].replace(/,.*/, ',NaN');
  rejects(lines, 8, 'price', 'NaN', /not a number/);
});

test('a header without the price column, or with a column twice, is rejected at row 1', () => {
  rejects(['time,cost', '2025-01-01T00:00,1'], 1, 'price', 'time,cost', /the header has no column "price"; expected "time,price"/);
  rejects(['2025-01-01T00:00,1', '2025-01-01T01:00,1'], 1, 'time', '2025-01-01T00:00,1', /no column "time"/);
  rejects(['time,price,price', '2025-01-01T00:00,1,1'], 1, 'price', 'time,price,price', /appears twice/);
  rejects('', 1, 'header', '', /the file is empty/);
  rejects('time,price\n', 2, 'time', '', /no data rows/);
});

test('times that are not ISO 8601, or not on the calendar, are named with the reason', () => {
  const lines = hourlyCsv(30);
  lines[5] = '01/01/2025 04:00,1';
  rejects(lines, 6, 'time', '01/01/2025 04:00', /expected an ISO 8601 time/, { allowAnyLength: true });
  lines[5] = '2025-02-30T04:00,1';
  rejects(lines, 6, 'time', '2025-02-30T04:00', /day 30 does not exist in 2025-02/, { allowAnyLength: true });
  lines[5] = '2025-01-01T24:00,1';
  rejects(lines, 6, 'time', '2025-01-01T24:00', /hour 24 is not in 0–23/, { allowAnyLength: true });
  lines[5] = '2025-01-01T04:00+25:00,1';
  rejects(lines, 6, 'time', '2025-01-01T04:00+25:00', /not a valid UTC offset/, { allowAnyLength: true });
});

test('the time zone of times without an offset is explicit, and zones with daylight saving are refused', () => {
  const lines = hourlyCsv(2);
  const utc = parsePriceCsv(lines.join('\n'), { allowAnyLength: true, timeZone: 'UTC' });
  assert.equal(utc.startMs, Date.UTC(2025, 0, 1));
  assert.equal(parsePriceCsv(lines.join('\n'), { allowAnyLength: true, timeZone: '+09:00' }).startMs, Date.UTC(2025, 0, 1) - 9 * HOUR);
  assert.throws(() => parsePriceCsv(lines.join('\n'), { timeZone: 'Europe/Berlin' }), /timeZone: expected a fixed-offset time zone .*daylight saving.*\(got "Europe\/Berlin"\)/);
});
