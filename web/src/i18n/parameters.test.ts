import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPLATE_NAMES, templateParameters } from '../../../src/plant/templates/index.js';
import { parameterLabel, templateLabel } from './parameters.js';

const CJK = /[\u4e00-\u9fff]/;

test('every parameter of every template, and every template, has a Chinese name in the workbench', () => {
  const missing = new Set<string>();
  for (const t of TEMPLATE_NAMES) {
    if (!CJK.test(templateLabel(t, 'zh'))) missing.add(`template ${t}`);
    for (const p of templateParameters(t)) {
      for (const segment of p.path.split('.')) {
        const name = segment.replace(/\[\d+\]$/, '');
        if (!CJK.test(parameterLabel(name, 'zh'))) missing.add(`${t}: ${name} (in ${p.path})`);
      }
    }
  }
  assert.deepEqual([...missing], []);
});
