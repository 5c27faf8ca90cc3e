/**
 * The V8 flags a command line sets for itself at start (v8.setFlagsFromString, before the work they shape is
 * compiled): what each command's job pays for in V8's compilers, measured, never a result changed (a flag here only
 * moves where and how code is compiled; IEEE arithmetic is the same in every tier).
 *
 * evaluate: TurboFan's cumulative inlining budget halved (--max-inlined-bytecode-size-cumulative 920 -> 460). An
 * evaluation runs thousands of distinct hot functions for a few seconds each (fluids, plant, transient, DP, bound,
 * finance), and V8's optimising compiles of them on its helper threads were 3.1-3.4 s of the process's CPU, about
 * a third (perf: ~85 % TurboFan, ~5 % GC). Measured on the Luoyang comparison cold, built, three rounds alternated
 * on a loaded 2-core machine (load 12-14; CPU from /proc, wall times noise): helper threads 3.10/3.30/3.38 s ->
 * 2.62/2.49/2.29 s, main thread 3.67/4.14/4.05 -> 4.13/3.99/3.52 s, process 9.39/10.16/10.15 -> 9.55/9.12/8.38 s;
 * results.json identical; again at 03:55 with the main thread's share of the last dispatch (load 9-11): helpers
 * 3.11/3.14 -> 2.59/2.59 s, main thread 3.30/3.43 -> 3.53/3.67 s, process 8.96/8.96 -> 8.55/8.65 s. The wall time on
 * two cores is at least half the process's CPU, which is the larger term here (the dispatch thread and the helpers
 * share the second core). A quarter of the budget (230) gave helpers 2.02-2.44 s and the main thread 3.45-4.54 s;
 * no inlining at all 1.86-2.14 s and 3.70-4.60 s: the half is the cautious choice.
 *
 * Other flags that trade peak code for compile time, each added to the half budget, measured 04:36-04:56 on the built
 * CLI (Luoyang comparison cold, rounds alternated; CPU = /usr/bin/time user + sys, main thread from
 * /proc/self/task; results.json identical in every run), none kept:
 * - `--interrupt-budget` ×2 (135168) and ×4 (270336), load 8-12, 5 rounds: process CPU 7.18 and 7.06 s against
 *   7.32 s, but ×4 on HEAD 7fede16 + readPoint's fix (5 rounds): main thread 3.23 -> 3.46 s (code stays longer in
 *   the baseline tiers) — the main thread is the wall time's critical path. ×2 at load 2.5 (HEAD fe876e2, 6 rounds):
 *   wall 3.85 s vs 3.86 s, CPU 6.48 vs 6.38 s, main thread 3.05 vs 3.07 s: nothing.
 * - `--maglev` (V8 11.3, off by default in Node 20): 7.34 vs 7.32 s (5 rounds, load 10); with ×2 budget at load 2.5
 *   wall 3.90 vs 3.86 s, CPU 6.41 vs 6.38 s. `--maglev --max-opt=2` (no TurboFan): 37 s CPU, main thread 20.6 s.
 * - `--max-inlined-bytecode-size=230`: 7.58 vs 7.32 s; `--max-optimized-bytecode-size=20000`: 7.61 vs 7.32 s.
 * - `--single-threaded-gc`: V8 stops (fatal check in concurrent marking) when set by setFlagsFromString after start;
 *   on node's command line 7.44 vs 7.32 s.
 * V8's flags are process-wide: a worker thread started after they are set compiles under them (seen with
 * --trace-opt set the same way: the worker's functions are traced; v8-flags.test.ts checks that every flag here is
 * taken at run time, with a worker after it). main.ts sets them before it reads the command, so evaluate's dispatch thread (earlyDispatchThread, in
 * the command's action) and plant threads run with them.
 */

/** Flags for `--max-inlined-bytecode-size-cumulative` and the like, by the command the arguments name. */
export const V8_FLAGS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  evaluate: ['--max-inlined-bytecode-size-cumulative=460'],
});

/** The flags for a command line (argv after node and the script): its command's, or none. */
export function v8FlagsFor(args: readonly string[]): readonly string[] {
  const first = args.find((a) => !a.startsWith('-'));
  return first !== undefined && Object.hasOwn(V8_FLAGS, first) ? V8_FLAGS[first] : [];
}
