import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Compressor } from '../components/compressor.js';

test('update takes a number in its declared range as set would parse it, and removes an optional parameter', () => {
  const a = new Compressor('C1', { eta_s: 0.8, pr: 3 });
  const b = new Compressor('C1', { eta_s: 0.8, pr: 3 });
  a.set({ eta_s: 0.85, pr: 4.5 });
  b.update({ eta_s: 0.85, pr: 4.5 });
  assert.deepEqual(b.get(), a.get());
  a.set({ pr: undefined, p_out: 3e5 });
  b.update({ pr: undefined, p_out: 3e5 });
  assert.deepEqual(b.get(), { eta_s: 0.85, p_out: 3e5 });
  assert.deepEqual(b.get(), a.get());
});

test('update refuses what set refuses, with the same message, and leaves the parameters as they were', () => {
  const c = new Compressor('C2', { eta_s: 0.8 });
  // outside the declared range 0 < eta_s ≤ 1: the parse's message
  assert.throws(() => c.update({ eta_s: 1.5 }), /compressor C2: eta_s = 1.5/);
  assert.throws(() => c.update({ eta_s: Number.NaN }), /compressor C2: eta_s/);
  // an unknown key, and a rule tying two parameters together (validate)
  assert.throws(() => c.update({ nope: 1 } as never), /compressor C2: nope = 1 is not valid; valid: a parameter of compressor/);
  assert.throws(() => c.update({ eta_poly: 0.85 }), /only one of eta_s and eta_poly/);
  assert.deepEqual(c.get(), { eta_s: 0.8 }, 'every refused change leaves the parameters as they were');
  // a quantity written with its unit goes through the parse, as set takes it
  c.update({ p_out: '30 bar' } as never);
  assert.equal(c.get().p_out, 3e6);
});
