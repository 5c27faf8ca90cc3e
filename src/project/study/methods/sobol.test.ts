import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SOBOL_MAX_DIMENSION, sobolSequence } from './sobol.js';
import { JOE_KUO_ROWS } from './sobol-directions.js';
import { near, throwsField } from './testing.js';

test('the first eight points in three dimensions are the published Joe–Kuo values', () => {
  // Output of Joe and Kuo's sobol.cc with new-joe-kuo-6.21201 (N = 8, D = 3), also scipy.stats.qmc.Sobol(3, scramble=False)
  assert.deepEqual(sobolSequence(8, 3), [
    [0, 0, 0],
    [0.5, 0.5, 0.5],
    [0.75, 0.25, 0.25],
    [0.25, 0.75, 0.75],
    [0.375, 0.375, 0.625],
    [0.875, 0.875, 0.125],
    [0.625, 0.125, 0.875],
    [0.125, 0.625, 0.375],
  ]);
});

test('points 119 to 123 in 27 dimensions are those computed from the Joe–Kuo file by an independent generator', () => {
  // E. Zander's sglib (TU Braunschweig), unittest_sobol_sequence.m, "kuo_123_27": sobol_sequence(123, 27) read from
  // new-joe-kuo-6.21201, last five rows (indices 118…122 from 0, so direction numbers up to bit 7 and the recurrence).
  const table = [
    '0.6953125 0.4765625 0.9921875 0.3203125 0.4140625 0.5234375 0.8046875 0.3828125 0.1015625 0.3515625 0.6796875 0.0234375 0.5703125 0.1953125 0.7890625 0.2109375 0.6484375 0.3984375 0.8671875 0.1171875 0.2265625 0.3046875 0.8515625 0.6484375 0.8046875 0.9140625 0.6015625',
    '0.1953125 0.9765625 0.4921875 0.8203125 0.9140625 0.0234375 0.3046875 0.8828125 0.6015625 0.8515625 0.1796875 0.5234375 0.0703125 0.6953125 0.2890625 0.7109375 0.1484375 0.8984375 0.3671875 0.6171875 0.7265625 0.8046875 0.3515625 0.1484375 0.3046875 0.4140625 0.1015625',
    '0.1328125 0.0390625 0.9296875 0.5078125 0.3515625 0.2109375 0.6171875 0.6953125 0.7890625 0.4140625 0.2421875 0.7109375 0.2578125 0.1328125 0.7265625 0.3984375 0.8359375 0.0859375 0.0546875 0.1796875 0.4140625 0.1171875 0.7890625 0.9609375 0.1171875 0.8515625 0.1640625',
    '0.6328125 0.5390625 0.4296875 0.0078125 0.8515625 0.7109375 0.1171875 0.1953125 0.2890625 0.9140625 0.7421875 0.2109375 0.7578125 0.6328125 0.2265625 0.8984375 0.3359375 0.5859375 0.5546875 0.6796875 0.9140625 0.6171875 0.2890625 0.4609375 0.6171875 0.3515625 0.6640625',
    '0.8828125 0.2890625 0.6796875 0.7578125 0.6015625 0.9609375 0.8671875 0.4453125 0.0390625 0.6640625 0.9921875 0.4609375 0.0078125 0.3828125 0.4765625 0.1484375 0.0859375 0.3359375 0.8046875 0.4296875 0.1640625 0.8671875 0.5390625 0.7109375 0.3671875 0.1015625 0.4140625',
  ].map((row) => row.split(' ').map(Number));
  assert.deepEqual(sobolSequence(5, 27, { skip: 118 }), table);
  // same source, "kuo_1000_1": the last five of 1000 points in one dimension
  assert.deepEqual(sobolSequence(5, 1, { skip: 995 }).flat(), [0.2822265625, 0.4072265625, 0.9072265625, 0.6572265625, 0.1572265625]);
});

test('the direction numbers carried keep the invariants of the Joe–Kuo file', () => {
  const rows = JOE_KUO_ROWS.split('|').map((r) => r.split(' ').map(Number));
  assert.equal(rows.length + 1, SOBOL_MAX_DIMENSION);
  assert.ok(SOBOL_MAX_DIMENSION >= 128);
  let last: [number, number] = [0, -1];
  rows.forEach(([s, a, ...m], i) => {
    const where = `dimension ${i + 2}`;
    assert.equal(m.length, s, where);
    assert.ok(a < 2 ** (s - 1), where);
    // rows sorted by degree, then by polynomial; each polynomial once
    assert.ok(s > last[0] || (s === last[0] && a > last[1]), where);
    last = [s, a];
    m.forEach((mk, k) => assert.ok(mk % 2 === 1 && mk < 2 ** (k + 1), `${where}: m_${k + 1} = ${mk}`));
  });
});

test('every polynomial carried is primitive over GF(2): x has order 2^s − 1 modulo it', () => {
  // p(x) = x^s + a_1 x^(s−1) + … + a_(s−1) x + 1 with a_1 … a_(s−1) the bits of a, most significant first (Joe & Kuo).
  for (const [i, row] of JOE_KUO_ROWS.split('|').entries()) {
    const [s, a] = row.split(' ').map(Number);
    const poly = (1 << s) | (a << 1) | 1;
    let power = 1;
    let order = 0;
    do {
      power <<= 1;
      if (power & (1 << s)) power ^= poly;
      order++;
    } while (power !== 1 && order < 1 << s);
    assert.equal(order, 2 ** s - 1, `dimension ${i + 2}: s = ${s}, a = ${a}`);
  }
});

test('each coordinate of the first 2^m points puts one point in each interval of width 2^-m', () => {
  const m = 10;
  const points = sobolSequence(2 ** m, SOBOL_MAX_DIMENSION);
  for (let k = 0; k < SOBOL_MAX_DIMENSION; k++) {
    const cells = new Set(points.map((p) => Math.floor(p[k] * 2 ** m)));
    assert.equal(cells.size, 2 ** m, `dimension ${k + 1}`);
  }
});

test('a seeded digital shift keeps the two-dimensional net of the first two dimensions and leaves no zero', () => {
  // Dimensions 1 and 2 form a (0, m, 2)-net: every 2^-a × 2^-(m−a) box holds exactly one of the first 2^m points.
  const m = 8;
  const points = sobolSequence(2 ** m, 2, { seed: 7 });
  for (let a = 0; a <= m; a++) {
    const boxes = new Set(points.map(([x, y]) => `${Math.floor(x * 2 ** a)},${Math.floor(y * 2 ** (m - a))}`));
    assert.equal(boxes.size, 2 ** m, `a = ${a}`);
  }
  assert.ok(points.every((p) => p.every((x) => x > 0 && x < 1)));
});

test('integrating a 21-dimensional product function converges far faster than Monte Carlo would', () => {
  // Sobol's G-function with a_i = i: ∫ Π (|4x_i − 2| + a_i)/(1 + a_i) dx = 1 exactly. With 2^14 random points the
  // standard error would be 0.0036 (variance Π(1 + 1/(3(1 + a_i)²)) − 1); the quasi-random estimate must land within
  // 5e-4 (measured: 4.6e-5 with seed 3, 1.8e-4 unscrambled).
  const d = 21;
  const points = sobolSequence(2 ** 14, d, { seed: 3 });
  let sum = 0;
  for (const p of points) sum += p.reduce((prod, x, i) => prod * ((Math.abs(4 * x - 2) + i + 1) / (i + 2)), 1);
  near(sum / points.length, 1, 5e-4, 'G-function mean');
});

test('skipping k points gives the same points as dropping the first k', () => {
  const all = sobolSequence(40, 5);
  assert.deepEqual(sobolSequence(27, 5, { skip: 13 }), all.slice(13));
});

test('the same seed gives the same points bit for bit', () => {
  assert.deepEqual(sobolSequence(64, 9, { seed: 11 }), sobolSequence(64, 9, { seed: 11 }));
  assert.notDeepEqual(sobolSequence(64, 9, { seed: 11 }), sobolSequence(64, 9, { seed: 12 }));
});

test('a dimension beyond the carried direction numbers is refused with the limit', () => {
  throwsField(() => sobolSequence(4, SOBOL_MAX_DIMENSION + 1), 'd', new RegExp(`\\[1, ${SOBOL_MAX_DIMENSION}\\]`));
});
