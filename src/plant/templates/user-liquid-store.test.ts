import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse as parseYaml, stringify } from 'yaml';
import { parsePlantFile, plantOf } from './plant-file.js';
import { THERMINOL_VP1_DATA } from '../../fluids/incompressible/data/tvp1.js';
import type { LiquidCorrelations } from '../../fluids/incompressible/index.js';
import type { PlantModel } from './types.js';

const CELSIUS = 273.15;
const EXAMPLE = new URL('../../../examples/plants/acaes-salt-cavern.yaml', import.meta.url).pathname;

/**
 * c_i of y = Σ c_i (T − Tbase)^i re-expanded about 0 degC: y = Σ b_j t^j, t = T − 273.15 K, with
 * (T − Tbase) = t − a, a = Tbase − 273.15 K, and b_j = Σ_{i≥j} c_i C(i, j) (−a)^(i−j).
 */
function aboutZeroCelsius(c: readonly number[], Tbase: number): number[] {
  const a = Tbase - CELSIUS;
  const binomial = (n: number, k: number) => {
    let r = 1;
    for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
    return r;
  };
  return c.map((_, j) => c.reduce((sum, ci, i) => (i >= j ? sum + ci * binomial(i, j) * (-a) ** (i - j) : sum), 0));
}

/** Therminol VP-1 as a user would write it from CoolProp's INCOMP TVP1 fits (density and c_p polynomials in T − Tbase). */
function tvp1AsUserLiquid(): LiquidCorrelations {
  const d = THERMINOL_VP1_DATA;
  assert.equal(d.density.type, 'polynomial');
  assert.equal(d.specificHeat.type, 'polynomial');
  return {
    id: 'VP1user',
    name: 'Therminol VP-1 (user correlations)',
    source: 'CoolProp dev/incompressible_liquids TVP1.json (Therminol VP-1 technical bulletin, Solutia/Eastman), re-expanded in degC',
    Tmin: d.Tmin,
    Tmax: d.Tmax,
    variable: 'degC',
    rho: aboutZeroCelsius(d.density.coeffs, d.Tbase),
    cp: aboutZeroCelsius(d.specificHeat.coeffs, d.Tbase),
  };
}

/** The example's plant with its thermal store's medium replaced, written back as YAML text (as a user's file). */
function examplePlant(medium: unknown, coldTemperature?: string): ReturnType<typeof plantOf> {
  const doc = parseYaml(readFileSync(EXAMPLE, 'utf8')) as { parameters: { thermalStores: Record<string, unknown>[] } };
  doc.parameters.thermalStores[0].medium = medium;
  if (coldTemperature !== undefined) doc.parameters.thermalStores[0].coldTemperature = coldTemperature;
  const parsed = parsePlantFile(stringify(doc), 'acaes-user-liquid.yaml');
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.issues.map((i) => i.message).join('; '));
  return plantOf(parsed.file);
}

function built(r: ReturnType<typeof plantOf>): PlantModel {
  assert.ok(r.ok, r.ok ? '' : r.issues.map((i) => i.message).join('; '));
  return r.plant;
}

test('the re-expanded TVP1 polynomials give the shipped density and heat capacity to 1e-12 relative (50, 200, 390 degC)', () => {
  const user = tvp1AsUserLiquid();
  const d = THERMINOL_VP1_DATA;
  const poly = (c: readonly number[], x: number) => c.reduce((s, ci, i) => s + ci * x ** i, 0);
  for (const t of [50, 200, 390]) {
    const T = t + CELSIUS;
    for (const [mine, shipped] of [
      [user.rho, d.density.coeffs],
      [user.cp, d.specificHeat.coeffs],
    ] as const) {
      const want = poly(shipped, T - d.Tbase);
      assert.ok(Math.abs(poly(mine, t) - want) <= 1e-12 * Math.abs(want), `${poly(mine, t)} against ${want} at ${t} degC`);
    }
  }
});

test('the A-CAES example with its Therminol VP-1 store written as a user liquid designs the same plant to 1e-9 relative', () => {
  const shipped = built(examplePlant('TVP1')).design().figures;
  const user = built(examplePlant({ liquid: tvp1AsUserLiquid() })).design().figures;
  assert.deepEqual(Object.keys(user).sort(), Object.keys(shipped).sort());
  assert.ok(Object.keys(shipped).length > 10);
  for (const [name, f] of Object.entries(shipped)) {
    const v = user[name].value;
    assert.ok(Math.abs(v - f.value) <= 1e-9 * Math.max(Math.abs(f.value), 1e-300), `${name}: ${v} (user liquid) against ${f.value} (TVP1)`);
  }
  // the store's own figures are among those compared
  assert.ok('tes.mediumMass' in shipped && 'tes.hotTemperature' in shipped);
});

test('a user liquid in a thermal store writes itself, not an id, into both design networks', () => {
  const plant = built(examplePlant({ liquid: tvp1AsUserLiquid() }));
  for (const mode of ['charge', 'discharge'] as const) {
    const doc = parseYaml(plant.network(mode)) as { components: Record<string, { type: string; fluid?: unknown }> };
    const store = doc.components.tes;
    assert.equal(store.type, 'two-tank-store');
    assert.equal((store.fluid as { liquid: { id: string } }).liquid.id, 'VP1user', `${mode}: ${JSON.stringify(store.fluid)}`);
  }
});

test("a user liquid's cold tank below its range is a field error naming the range", () => {
  // solar salt (Zavoico 2001, SAND2001-2100: ρ = 2090 − 0.636 t, cp = 1443 + 0.172 t, t in degC), 260–600 degC
  const salt: LiquidCorrelations = { id: 'SolarSalt', name: 'solar salt', source: 'Zavoico 2001, SAND2001-2100', Tmin: 260 + CELSIUS, Tmax: 600 + CELSIUS, variable: 'degC', rho: [2090, -0.636], cp: [1443, 0.172] };
  const r = examplePlant({ liquid: salt }, '40 degC');
  assert.ok(!r.ok, 'refused');
  assert.equal(r.issues.length, 1);
  assert.equal(r.issues[0].field, 'parameters.thermalStores[0].coldTemperature');
  assert.match(r.issues[0].message, /40 degC is outside the range of solar salt \(SolarSalt\): 260 degC ≤ coldTemperature ≤ 600 degC/);
});

test('a user liquid whose correlations are refused is a field error at the medium', () => {
  const r = examplePlant({ liquid: { ...tvp1AsUserLiquid(), cp: [-1] } });
  assert.ok(!r.ok, 'refused');
  assert.equal(r.issues[0].field, 'parameters.thermalStores[0].medium');
  assert.match(r.issues[0].message, /cp/);
});
