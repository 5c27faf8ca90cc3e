/**
 * `evaluate` of the Luoyang comparison, cold (no disk cache), in one process each way: the plant-feasible
 * dispatches in the main thread, and on the dispatch thread (src/project/dispatch-thread-node.ts, the default) —
 * wall time, the process's CPU, and on Linux where that CPU went: the main thread, the dispatch thread (exited
 * threads: the process's CPU less the live threads'), and V8's helper threads (collector, compilers). The wall time
 * follows the busier of the main thread and half the process's CPU on two cores; on a shared machine the CPU
 * figures are the ones to compare. From source (tsx), each run a fresh process with the V8 flags the command line
 * sets for evaluate (src/cli/v8-flags.ts); with the dispatch thread, a li-ion plant is evaluated on it and the main
 * thread takes back the work it has not begun once it would only wait. Target (issue 14): ≤ 2 s.
 * Prints, never fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROJECT = 'examples/luoyang/compare.yaml';
const CHILD = 'CHUNENG_EVALUATE_BENCH_CHILD';

interface Figures {
  wall: number;
  cpu: number;
  threads?: { main: number; helpers: number; exited: number };
}

/** CPU of each live thread of this process (Linux /proc), s: the main thread and the others. */
function liveThreads(): { main: number; others: number } | undefined {
  if (!existsSync('/proc/self/task')) return undefined;
  let main = 0;
  let others = 0;
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(f[11]) + Number(f[12])) / 100; // utime + stime in clock ticks (USER_HZ = 100)
    if (tid === String(process.pid)) main = seconds;
    else others += seconds;
  }
  return { main, others };
}

/** The child: one cold evaluation, its figures on stdout as JSON. */
async function child(dispatchThread: boolean): Promise<void> {
  // the V8 flags `chuneng evaluate` sets for itself (src/cli/v8-flags.ts), so that V8's compilers do what they do there
  const { v8FlagsFor } = await import('../src/cli/v8-flags.js');
  for (const flag of v8FlagsFor(['evaluate'])) setFlagsFromString(flag);
  const t0 = performance.now();
  const { loadProjectFile } = await import('../src/project/node.js');
  const { evaluateInThreads } = await import('../src/project/parallel-node.js');
  const project = loadProjectFile(`${ROOT}${PROJECT}`);
  await evaluateInThreads(project.spec, { readText: project.readText, baseDir: project.baseDir, threads: 1, dispatchThread });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage();
  const cpu = (c.user + c.system) / 1e6;
  const live = liveThreads();
  const out: Figures = { wall, cpu, ...(live ? { threads: { main: live.main, helpers: live.others, exited: Math.max(0, cpu - live.main - live.others) } } : {}) };
  process.stdout.write(JSON.stringify(out));
}

if (process.env[CHILD] !== undefined) await child(process.env[CHILD] === 'thread');

function once(mode: 'thread' | 'main'): Figures | string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, [CHILD]: mode }, maxBuffer: 1 << 24 });
  if (r.status !== 0) return (r.stderr || r.error?.message || 'failed').trim().split('\n')[0];
  try {
    return JSON.parse(r.stdout) as Figures;
  } catch {
    return `no figures (${r.stdout.slice(0, 80)})`;
  }
}

export async function run(): Promise<void> {
  if (process.env[CHILD] !== undefined) return;
  console.log(`evaluate ${PROJECT}, cold, in-process (from source): dispatches in the main thread vs on the dispatch thread; the two alternated`);
  const s = (x: number) => `${x.toFixed(2)} s`;
  for (let round = 0; round < 2; round++) {
    for (const mode of ['main', 'thread'] as const) {
      const f = once(mode);
      const label = mode === 'main' ? 'dispatch in the main thread' : 'dispatch thread (default)  ';
      if (typeof f === 'string') {
        console.log(`  ${label}  failed: ${f}`);
        continue;
      }
      const t = f.threads ? `  main thread ${s(f.threads.main)}, dispatch thread ${s(f.threads.exited)}, V8 helpers ${s(f.threads.helpers)}` : '';
      console.log(`  ${label}  ${s(f.wall).padStart(8)} wall  ${s(f.cpu).padStart(8)} CPU${t}  (target ≤ 2 s: ${(f.wall / 2).toFixed(1)}×)`);
    }
  }
}
