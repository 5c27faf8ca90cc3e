/**
 * The disk cache of template plants: a plant read back from disk in a fresh process (here: with every in-memory
 * cache emptied) has exactly the figures, maps and detail computed afresh; a changed parameter, another build or
 * another version misses; a damaged file is a miss, not an error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearPeriodicCaches, usePersistentStore } from '../plant/templates/periodic-cache.js';
import { buildIdOf, CACHED_CODE, codeBuildId, DiskCache, defaultCacheDir, useDiskCache } from './cache-node.js';
import { buildTemplatePlant } from './template-plant.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { evaluate } from './evaluate.js';
import { parseProjectValue } from './parse.js';
import type { SiteSpec } from './schema.js';

const SITE = { name: 'test site', timeZone: 'Asia/Shanghai', ambientTemperature: 291.15 } as SiteSpec;

/** A plant built as a fresh process would: no in-memory results of an earlier build. */
function freshBuild(parameters: Record<string, unknown> = {}) {
  clearPeriodicCaches();
  const plant = buildTemplatePlant('adiabatic-caes', parameters, SITE, 'plants[0].parameters');
  return { performance: plant.performance, maps: plant.maps, detail: plant.detail(), summary: plant.summary };
}

/** A copy without the solver's wall times (keys named `seconds`). */
function withoutTimes(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'seconds' ? undefined : v)));
}

test('a template plant read back from the disk cache has exactly the figures, part-load maps and detail computed afresh, and a changed parameter misses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-cache-'));
  try {
    usePersistentStore(undefined);
    const fresh = freshBuild();

    const cache = useDiskCache(true, dir)!;
    freshBuild(); // computes and writes
    assert.deepEqual([cache.hits, cache.writes], [0, 3], 'the design cycle with its maps, the plant (performance, summary, maps) and the detail written');
    const cached = freshBuild();
    assert.deepEqual([cache.hits, cache.writes], [2, 3], 'the plant and its detail read back, nothing computed (not even the design point)');
    // exact: every double (NaN where a map has no point), typed arrays as typed arrays
    assert.deepStrictEqual(cached.performance, fresh.performance);
    assert.deepStrictEqual(cached.maps, fresh.maps);
    // the detail's solutions carry the wall time their solver took (different in every run, the cached one's too)
    assert.deepStrictEqual(withoutTimes(cached.detail), withoutTimes(fresh.detail));
    assert.ok(JSON.stringify(fresh.detail).includes('"seconds"'), 'the timings left out are there');
    assert.deepStrictEqual(cached.summary, fresh.summary);
    assert.ok(readdirSync(dir).every((f) => /^[a-z-]+-[0-9a-f]{40}\.v8$/.test(f)), `only whole entries: ${readdirSync(dir).join(', ')}`);

    const other = freshBuild({ compression: { efficiency: '87 %' } });
    assert.deepEqual([cache.hits, cache.writes], [2, 6], 'another compressor efficiency is another plant');
    assert.notEqual(other.performance.roundTripEfficiency, fresh.performance.roundTripEfficiency);
  } finally {
    usePersistentStore(undefined);
    clearPeriodicCaches();
  }
});

test('a project evaluated a second time from the disk cache (plant, detail, year of dispatch, li-ion life) gives exactly the first evaluation', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-cache-'));
  // the Luoyang A-CAES plant and the Li-ion plant over 3 operating years
  const raw = parse(readFileSync(new URL('../../examples/luoyang/compare.yaml', import.meta.url), 'utf8'));
  raw.plants = [raw.plants[1], { ...raw.plants[2], finance: { ...raw.plants[2].finance, operatingYears: '3 years', debt: { ...raw.plants[2].finance.debt, tenorYears: '3 years' } } }];
  delete raw.recycling;
  const { spec } = parseProjectValue(raw);
  try {
    clearPeriodicCaches();
    const cache = useDiskCache(true, dir)!;
    const { seconds: _first, ...first } = await evaluate(spec);
    assert.deepEqual([cache.hits, cache.writes], [0, 5], 'design cycle, plant, detail, year of dispatch, li-ion life written');
    clearPeriodicCaches();
    const { seconds: _second, ...second } = await evaluate(spec);
    assert.deepEqual([cache.hits, cache.writes], [4, 5], 'plant, detail, year and life read back, nothing computed');
    assert.deepStrictEqual(second, first);
    assert.equal(second.plants[1].battery!.years.length, 3);
  } finally {
    usePersistentStore(undefined);
    clearPeriodicCaches();
  }
});

test('an entry of another build or version, or a damaged file, reads as a miss', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-cache-'));
  const value = { capacity: 1.5e12, curve: new Float64Array([0, Number.NaN, -0, 1 / 3]) };
  const a = new DiskCache(dir, () => 'build-a', '1.0.0');
  a.write('periodic-cycle', 'k', value);
  assert.deepStrictEqual(a.read('periodic-cycle', 'k'), value);
  assert.equal(a.read('periodic-cycle', 'k2'), undefined);
  assert.equal(a.read('plant-detail', 'k'), undefined);
  assert.equal(new DiskCache(dir, () => 'build-b', '1.0.0').read('periodic-cycle', 'k'), undefined);
  assert.equal(new DiskCache(dir, () => 'build-a', '1.0.1').read('periodic-cycle', 'k'), undefined);
  writeFileSync(a.file('periodic-cycle', 'k'), 'not a V8 serialization');
  assert.equal(a.read('periodic-cycle', 'k'), undefined);
  assert.deepEqual([a.hits, a.writes], [1, 1]);
});

test('the cache folder follows XDG_CACHE_HOME, and the build id is a hash of the code', () => {
  assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }), '/var/cache/me/chuneng');
  assert.match(defaultCacheDir({}), /\/\.cache\/chuneng$/);
  assert.match(codeBuildId(), /^[0-9a-f]{64}$/);
});

test('the build id kept in the cache folder is read back while no library file changes, and any change of a file’s code (even to the same size) gives the new code’s id', () => {
  const root = mkdtempSync(join(tmpdir(), 'chuneng-lib-'));
  const keep = mkdtempSync(join(tmpdir(), 'chuneng-cache-'));
  for (const layer of CACHED_CODE.layers) mkdirSync(join(root, layer, 'deep'), { recursive: true });
  writeFileSync(join(root, 'units/a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'plant/deep/b.ts'), 'export const b = 2;\n');
  writeFileSync(join(root, 'plant/deep/b.test.ts'), 'test 1\n');
  const settled = () => Date.now() + 60_000; // as if every file had been written a minute before
  const id = (now = settled) => buildIdOf(root, '.ts', keep, 0, now);
  const first = id();
  assert.match(first, /^[0-9a-f]{64}$/);
  assert.equal(buildIdOf(root, '.ts'), first, 'kept or not, the same id');
  const kept = readdirSync(keep);
  assert.equal(kept.length, 1);
  assert.match(kept[0], /^build-id-[0-9a-f]{40}\.v8$/);
  // the kept id is what is read back while the files' stat signature holds (a planted one shows it is not recomputed)
  const sig = join(keep, kept[0]);
  const planted = 'f'.repeat(64);
  const entry = deserialize(readFileSync(sig)) as { signature: string; id: string };
  writeFileSync(sig, serialize({ ...entry, id: planted }));
  assert.equal(id(), planted);
  // a test file is not library code
  writeFileSync(join(root, 'plant/deep/b.test.ts'), 'test 2\n');
  assert.equal(id(), planted);
  // the same number of bytes, other code: the stat signature moves (change time), the id is the new code's
  writeFileSync(join(root, 'plant/deep/b.ts'), 'export const b = 3;\n');
  const changed = id();
  assert.notEqual(changed, planted);
  assert.notEqual(changed, first);
  assert.equal(changed, buildIdOf(root, '.ts'));
  // the old code back: its content's id again
  writeFileSync(join(root, 'plant/deep/b.ts'), 'export const b = 2;\n');
  assert.equal(id(), first);
  // files changed just now (within the settling time) leave nothing kept
  const before = readdirSync(keep).length;
  writeFileSync(join(root, 'units/a.ts'), 'export const a = 7;\n');
  assert.equal(buildIdOf(root, '.ts', keep, 2000, Date.now), buildIdOf(root, '.ts'));
  assert.equal(readdirSync(keep).length, before);
});
