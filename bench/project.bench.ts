/**
 * The full `evaluate` of the example projects (design → cycle → a year of dispatch → replay → finance), in this
 * process (the whole-process figures, cold and with the disk cache, are bench/startup.bench.ts's evaluate rows).
 * Cold: every in-process cache emptied first (clearPeriodicCaches), so each plant's design cycle, maps, detail,
 * dispatch and li-ion life are computed, the best of two; warm: the same project again in the same process (all of
 * those from memory; the replay, finance and outputs computed). Target (issue 14): the Luoyang comparison ≤ 2 s.
 * Print only.
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { clearPeriodicCaches } from '../src/plant/templates/periodic-cache.js';
import { evaluate } from '../src/project/index.js';
import { loadProjectFile } from '../src/project/node.js';

const EXAMPLES = ['luoyang/co2-gas-liquid.yaml', 'luoyang/a-caes.yaml', 'luoyang/li-ion.yaml', 'luoyang/compare.yaml'];

export async function run(): Promise<void> {
  for (const name of EXAMPLES) {
    const path = fileURLToPath(new URL(`../examples/${name}`, import.meta.url));
    if (!existsSync(path)) continue;
    const once = async () => {
      const t0 = performance.now();
      const p = loadProjectFile(path);
      const e = await evaluate(p.spec, { readText: p.readText });
      return { seconds: (performance.now() - t0) / 1000, solves: e.plants.reduce((s, pl) => s + pl.dispatch.solveSeconds, 0) };
    };
    const cold: { seconds: number; solves: number }[] = [];
    for (let r = 0; r < 2; r++) {
      clearPeriodicCaches();
      cold.push(await once());
    }
    const best = cold[0].seconds <= cold[1].seconds ? cold[0] : cold[1];
    const warm = await once();
    console.log(
      `  evaluate ${name.padEnd(28)} cold ${best.seconds.toFixed(2)} s (dispatch solves ${best.solves.toFixed(2)} s), warm in-process ${warm.seconds.toFixed(2)} s; target ≤ 2 s (the comparison)`,
    );
  }
}
