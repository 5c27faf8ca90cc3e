/**
 * The full `evaluate` of the README's example project (design → cycle → a year of dispatch → finance).
 * Target from the issue: ≤ 3 s on this machine. Print only.
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { evaluate } from '../src/project/index.js';
import { loadProjectFile } from '../src/project/node.js';

const EXAMPLES = ['luoyang/co2-gas-liquid.yaml', 'luoyang/a-caes.yaml', 'luoyang/li-ion.yaml', 'luoyang/compare.yaml'];

export async function run(): Promise<void> {
  for (const name of EXAMPLES) {
    const path = fileURLToPath(new URL(`../examples/${name}`, import.meta.url));
    if (!existsSync(path)) continue;
    const times: number[] = [];
    let dispatchSeconds = 0;
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      const p = loadProjectFile(path);
      const e = await evaluate(p.spec, { readText: p.readText });
      times.push((performance.now() - t0) / 1000);
      dispatchSeconds = e.plants.reduce((s, pl) => s + pl.dispatch.solveSeconds, 0);
    }
    console.log(`  evaluate ${name.padEnd(28)} first ${times[0].toFixed(2)} s, then ${Math.min(...times.slice(1)).toFixed(2)} s (dispatch solves ${dispatchSeconds.toFixed(2)} s; target ≤ 3 s)`);
  }
}
