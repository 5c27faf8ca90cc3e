import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declarationOf, declarations } from './registry.js';
import { Compressor } from './compressor.js';
import { TwoTankStore } from './two-tank-store.js';
import { HeatExchanger } from './heat-exchanger.js';
import { ComponentSchema } from '../file/schema.js';
import { PlantInputError } from '../errors.js';
import { describeParameters } from '../core/parameters.js';

/** The least each type needs to be made (its required parameters). */
const MINIMAL: Readonly<Record<string, Record<string, unknown>>> = {
  source: { fluid: 'Air' },
  'two-tank-store': { fluid: 'TVP1', T: 400, p: 5e5 },
  'gas-holder': { fluid: 'CO2', mode: 'supply' },
  'storage-vessel': { fluid: 'Air', mode: 'receive', p: 70e5 },
  'power-bus': { members: ['C1'], P: 1e6 },
  'heat-bus': { members: ['H1'] },
};

test('each registered declaration makes a component of its own type name', () => {
  for (const d of declarations()) {
    const c = d.create('X', (MINIMAL[d.type] ?? {}) as never);
    assert.equal(c.type, d.type);
    assert.equal(declarationOf(d.type), d);
  }
  assert.equal(declarationOf('compresor'), undefined);
  assert.equal(declarationOf('toString'), undefined);
});

test('the network file admits exactly the registered types, each with its declared keys', () => {
  for (const d of declarations()) {
    const r = ComponentSchema.safeParse({ type: d.type, ...(MINIMAL[d.type] ?? {}) });
    assert.ok(r.success, `${d.type}: ${r.success ? '' : r.error.message}`);
  }
  assert.equal(ComponentSchema.safeParse({ type: 'heat-pump' }).success, false);
  assert.equal(ComponentSchema.safeParse({ type: 'compressor', eta_s: '85 %', pr: 4 }).data?.eta_s, 0.85);
  assert.equal(ComponentSchema.safeParse({ type: 'compressor', eta: 0.85 }).success, false);
});

test('set refuses an unknown key, naming it and the valid keys, and keeps the parameters it had', () => {
  const c = new Compressor('C1', { eta_s: 0.85, pr: 4 });
  assert.throws(
    () => c.set({ eta: 0.9 } as never),
    (e: unknown) =>
      e instanceof PlantInputError &&
      e.field === 'eta' &&
      e.message === 'compressor C1: eta = 0.9 is not valid; valid: a parameter of compressor: eta_s, eta_poly, pr, p_out, P, P_el, eta_mech, eta_el, etaChar',
  );
  assert.deepEqual(c.get(), { eta_s: 0.85, pr: 4 });
});

test('set checks a changed value against its declared range, once, and removes a parameter given undefined', () => {
  const c = new Compressor('C1', { eta_s: 0.85, pr: 4 });
  assert.throws(() => c.set({ eta_s: 1.2 }), /compressor C1: eta_s = 1\.2 is not valid; valid: 0 < eta_s ≤ 1$/);
  assert.throws(() => c.set({ pr: 0.5 }), /compressor C1: pr = 0\.5 is not valid; valid: 1 ≤ pr \(pr = p_out\/p_in of a compression\)/);
  c.set({ pr: undefined, p_out: 40e5 });
  assert.deepEqual(c.get(), { eta_s: 0.85, p_out: 40e5 });
  const hx = new HeatExchanger('IC1', { ttd_u: 10 });
  assert.throws(() => hx.set({ pr1: 1.2 }), /heat-exchanger IC1: pr1 = 1\.2 is not valid; valid: 0 < pr1 ≤ 1 \(p_out\/p_in\)/);
  hx.set({ pr1: 'free' });
  assert.equal(hx.get().pr1, 'free');
});

test('a required parameter cannot be removed', () => {
  const tes = new TwoTankStore('tes', { fluid: 'TVP1', T: 400, p: 5e5 });
  assert.throws(() => tes.set({ T: undefined } as never), /two-tank-store tes: T = undefined is not valid; valid: a value is required/);
  assert.equal(tes.get().T, 400);
});


test('every declared parameter of every component has a kind, a valid range or choice, and a doc line; a quantity’s doc ends with its unit', () => {
  for (const d of declarations()) {
    for (const row of describeParameters(d.parameters)) {
      const where = `${d.type}.${row.key}`;
      assert.ok(row.kind !== '', `${where}: kind`);
      assert.ok(row.valid !== '', `${where}: valid`);
      assert.ok(row.doc.length > 10, `${where}: doc`);
      if (!['fluid', 'choice', 'flag', 'name', 'list', 'integer', 'characteristic', 'cone law'].includes(row.kind)) assert.match(row.doc, /Unit: \S+$/, `${where}: unit at the end of its doc`);
    }
  }
  const eta = describeParameters(declarationOf('compressor')!.parameters).find((r) => r.key === 'eta_s');
  assert.deepEqual(eta, { key: 'eta_s', required: false, kind: 'fraction', unit: '', valid: '0 < eta_s ≤ 1', doc: 'Isentropic efficiency (design value where `etaChar` is given). Unit: -' });
  const T = describeParameters(declarationOf('two-tank-store')!.parameters).find((r) => r.key === 'T');
  assert.deepEqual(T, { key: 'T', required: true, kind: 'temperature', unit: 'K', valid: '0 K < T', doc: 'Temperature of the supplying tank. Unit: K' });
});
