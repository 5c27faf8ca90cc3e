import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { createPlant, isTemplateName } from '../plant/templates/index.js';
import { parsePlantFile, plantOf } from '../plant/templates/plant-file.js';
import { FIGURE_NAMES, figureName } from './labels.js';

const EXAMPLES = new URL('../../examples/plants/', import.meta.url);
const PROJECTS = new URL('../../examples/luoyang/', import.meta.url);

test('every design figure of every shipped plant example has an English and a Chinese name in the report', () => {
  const missing = new Set<string>();
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'))) {
    const parsed = parsePlantFile(readFileSync(new URL(file, EXAMPLES), 'utf8'), file);
    assert.ok(parsed.ok, file);
    const plant = plantOf(parsed.file);
    assert.ok(plant.ok, file);
    for (const key of Object.keys(plant.plant.design().figures)) {
      const name = key.slice(key.lastIndexOf('.') + 1);
      if (!Object.hasOwn(FIGURE_NAMES, name)) missing.add(`${file}: ${key}`);
    }
  }
  // and the template plants of the shipped projects (the Luoyang comparison's plants are not all in examples/plants)
  for (const file of readdirSync(PROJECTS).filter((f) => f.endsWith('.yaml'))) {
    const project = parseYaml(readFileSync(new URL(file, PROJECTS), 'utf8')) as { plants?: { template?: string; parameters?: Record<string, unknown> }[] };
    for (const p of project.plants ?? []) {
      if (!p.template || !isTemplateName(p.template)) continue;
      for (const key of Object.keys(createPlant(p.template, p.parameters ?? {}).design().figures)) {
        const name = key.slice(key.lastIndexOf('.') + 1);
        if (!Object.hasOwn(FIGURE_NAMES, name)) missing.add(`${file}: ${key}`);
      }
    }
  }
  assert.deepEqual([...missing], []);
  assert.equal(figureName('liquidCO2.chargeMass', 'zh'), '液态CO2 设计充入质量');
  assert.equal(figureName('oil.tankVolume', 'en'), 'oil volume of each tank');
});
