/**
 * The YAML a template writes is its live network's own document (Network.toDoc at the design point, design-point.ts):
 * for every shipped plant example (examples/plants), each mode's file loads as a network file and solves from a cold
 * start to the template's design point — every stream's flow, pressure and enthalpy, and every machine's power.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parseNetworkText } from '../file/load.js';
import { parsePlantFile, plantOf } from './plant-file.js';

const DIR = new URL('../../../examples/plants/', import.meta.url);

test('the written YAML of every examples/plants template loads and solves to the same design point', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length >= 8, `only ${files.length} plant examples`);
  for (const f of files) {
    const parsed = parsePlantFile(readFileSync(new URL(f, DIR), 'utf8'), f);
    assert.ok(parsed.ok, `${f}: ${parsed.ok ? '' : parsed.issues.map((i) => i.message).join('; ')}`);
    if (!parsed.ok) continue;
    const built = plantOf(parsed.file);
    assert.ok(built.ok, `${f}: ${built.ok ? '' : built.issues.map((i) => i.message).join('; ')}`);
    if (!built.ok) continue;
    const plant = built.plant;
    for (const mode of ['charge', 'discharge'] as const) {
      const yaml = plant.network(mode);
      const design = plant.design()[mode];
      // the file is the live network's document: the same components (less the power bus, replaced by the design
      // flow) with the same parameters
      const written = parseYaml(yaml) as { components: Record<string, Record<string, unknown>> };
      for (const c of design.network.allComponents()) {
        if (c.type === 'power-bus') continue;
        const entry = written.components[c.id];
        assert.ok(entry, `${f} ${mode}: ${c.label} is not in the written file`);
        assert.equal(entry.type, c.type, `${f} ${mode}: ${c.id}`);
      }
      const loaded = parseNetworkText(yaml, `${f} ${mode}`);
      assert.ok(loaded.ok, `${f} ${mode}: ${loaded.ok ? '' : loaded.issues.map((i) => i.message).join('; ')}`);
      if (!loaded.ok) continue;
      const r = loaded.network.solve();
      assert.ok(r.ok, `${f} ${mode}: ${r.ok ? '' : r.reason}`);
      if (!r.ok) continue;
      for (const row of design.streams()) {
        const again = r.value.stream(row.id);
        assert.ok(Math.abs(again.m - row.m) <= 1e-6 * Math.max(1, Math.abs(row.m)), `${f} ${mode} ${row.id}: m ${again.m} against ${row.m} kg/s`);
        assert.ok(Math.abs(again.p - row.p) <= 1e-6 * row.p, `${f} ${mode} ${row.id}: p ${again.p} against ${row.p} Pa`);
        assert.ok(Math.abs(again.h - row.h) <= 1e-3, `${f} ${mode} ${row.id}: h ${again.h} against ${row.h} J/kg`);
      }
      for (const c of design.network.allComponents()) {
        const P = design.component(c.id).P_el;
        if (c.type === 'power-bus' || P === undefined) continue;
        const again = r.value.component(c.id).P_el ?? Number.NaN;
        assert.ok(Math.abs(again - P) <= 1e-6 * Math.max(1, Math.abs(P)), `${f} ${mode} ${c.id}: P_el ${again} against ${P} W`);
      }
    }
  }
});
