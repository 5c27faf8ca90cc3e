import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlantFile, plantOf } from './plant-file.js';
import { finiteFigures } from './pipeline.js';
import { MachineTrain } from './parts/machine-train.js';
import type { Solution } from '../network/solution.js';

const dir = new URL('../../../examples/plants/', import.meta.url).pathname;
const examples = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

test('the shipped plant examples are found', () => {
  assert.ok(examples.length >= 10, `${examples.length} examples in ${dir}`);
});

for (const name of examples) {
  test(`every design figure of ${name} is a finite number`, () => {
    const parsed = parsePlantFile(readFileSync(join(dir, name), 'utf8'), name);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.issues.map((i) => i.message).join('; '));
    const made = plantOf(parsed.file);
    assert.ok(made.ok, made.ok ? '' : made.issues.map((i) => i.message).join('; '));
    const figures = made.plant.design().figures;
    const notFinite = Object.entries(figures).filter(([, f]) => !(typeof f.value === 'number' && Number.isFinite(f.value))).map(([key, f]) => `${key} = ${String(f.value)}`);
    assert.deepEqual(notFinite, [], `figures that are not finite numbers: ${notFinite.join(', ')}`);
    assert.ok(Object.keys(figures).length > 0);
  });
}

test('figures that are not finite numbers are left out and named, the finite ones kept as they are', () => {
  const { figures, omitted } = finiteFigures({ a: { value: 1.5, unit: 'W' }, b: { value: NaN, unit: '-' }, c: { value: -Infinity, unit: 'K' }, d: { value: 0, unit: 's' } });
  assert.deepEqual(figures, { a: { value: 1.5, unit: 'W' }, d: { value: 0, unit: 's' } });
  assert.deepEqual(omitted, ['b (NaN)', 'c (-Infinity)']);
});

test("a compressor stage that reports no pressure ratio has no pressureRatio figure (not NaN); the others keep the component's own", () => {
  const train = new MachineTrain('compressor', { efficiency: 0.88, mechanicalEfficiency: 0.995, motorEfficiency: 0.97, pressureRatios: 'equal' }, 2);
  const path = [{ id: 'C1' }, { id: 'IC1' }, { id: 'C2' }, { id: 'IC2' }];
  const reports: Record<string, { pr?: number }> = { C1: { pr: 3.2 }, C2: {} };
  const sol = { stream: (id: string) => ({ T: id === 'C1-IC1' ? 420 : 430 }), component: (id: string) => reports[id] } as unknown as Solution;
  assert.deepEqual(train.figures(sol, path), {
    'C1.outletTemperature': { value: 420, unit: 'K' },
    'C1.pressureRatio': { value: 3.2, unit: '-' },
    'C2.outletTemperature': { value: 430, unit: 'K' },
  });
});
