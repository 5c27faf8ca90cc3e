/**
 * `npm run bench`: runs every bench/*.bench.ts (or those whose name contains an argument) and prints figures.
 * Benchmarks print; they never fail.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const mod = (await import(new URL(file, import.meta.url).href)) as { run: () => Promise<void> };
  try {
    await mod.run();
  } catch (e) {
    console.log(`(benchmark ${file} stopped: ${(e as Error).message})`);
  }
}
