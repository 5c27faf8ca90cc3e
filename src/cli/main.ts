#!/usr/bin/env node
/**
 * The `chuneng` command line. Each command lives in src/cli/commands/ and registers itself here; the commands are
 * thin adapters over the library. Errors are printed as one clear line (the library's message) with exit code 1.
 *
 * Start-up: a process loads only the command it runs. The command's name is read from argv before commander parses
 * it, and only that command's module is imported (its fluids, plant, HiGHS or report code with it); `--version`
 * loads none, and `--help`, `help` or a name that is not a command loads them all, so that commander lists every
 * command or suggests the nearest.
 *
 * HiGHS's WebAssembly is compiled the way the job pays for (see wasmTierFor), and JavaScript by V8's optimising
 * compiler with the budget the command's job pays for (v8-flags.ts).
 */
import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError } from 'commander';
import { v8FlagsFor } from './v8-flags.js';

type Register = (program: Command) => unknown;

/**
 * A command bundled by scripts/bundle-cli.mjs (dist/cli/fast/<name>.js: a file or two instead of ~260 modules), when
 * this is the built main.js and the bundle is at least as new as it (a stale bundle would run old code); else the
 * command's own module. From source (tsx) there is no bundle.
 */
async function bundled<T>(name: string, own: () => Promise<T>): Promise<T> {
  const url = new URL(`./fast/${name}.js`, import.meta.url);
  if (import.meta.url.endsWith('.js')) {
    try {
      if (statSync(url).mtimeMs >= statSync(new URL(import.meta.url)).mtimeMs) return (await import(url.href)) as T;
    } catch {
      // no bundle: the modules
    }
  }
  return own();
}

/** Each command's module, imported only when the command runs (keys are the names typed after `chuneng`). */
export const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  props: async () => (await bundled('props', () => import('./commands/props.js'))).registerPropsCommand,
  evaluate: async () => (await bundled('evaluate', () => import('./commands/evaluate.js'))).registerEvaluateCommand,
  simulate: async () => (await import('./commands/simulate.js')).registerSimulateCommand,
  solve: async () => (await bundled('solve', () => import('./commands/solve.js'))).registerSolveCommand,
  dispatch: async () => (await bundled('dispatch', () => import('./commands/dispatch.js'))).registerDispatchCommand,
  serve: async () => (await import('./commands/serve.js')).registerServeCommand,
  report: async () => (await import('./commands/report.js')).registerReportCommand,
  battery: async () => (await import('./commands/battery.js')).registerBatteryCommand,
  grade: async () => (await import('./commands/grade.js')).registerGradeCommand,
  recycle: async () => (await import('./commands/recycle.js')).registerRecycleCommand,
  study: async () => (await import('./commands/study.js')).registerStudyCommand,
  worker: async () => (await import('./commands/worker.js')).registerWorkerCommand,
};

/**
 * The commands a command line needs: the one it names, none for `--version`, all of them otherwise (help, a
 * misspelt or missing command). Options never come before the command name except the program's own.
 */
export function commandsFor(args: readonly string[]): readonly string[] {
  const first = args.find((a) => !a.startsWith('-'));
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) return [first];
  if (first === undefined && args.length > 0 && args.every((a) => a === '--version' || a === '-V')) return [];
  return Object.keys(COMMANDS);
}

/**
 * Which of V8's WebAssembly compilers a command line's HiGHS solves need. 'baseline' (Liftoff only) for one LP:
 * the 3.5 MB module is compiled in about 0.15 s instead of 0.5 s of optimising compilation that one solve never
 * earns back (measured: `chuneng dispatch` of the 8760-hour LP 0.59 s instead of 1.1–1.6 s whole process).
 * 'optimising' (V8's default, Liftoff then TurboFan for hot functions) for a MILP, which may branch for a year:
 * the 8760-hour MILP with negative midday prices took 5.9 s of CPU optimised and 6.8 s baseline (a 60-day one,
 * 3.0 s and 1.0 s: short MILPs would do better on the baseline too, but the size is not known before the file is
 * read). See src/dispatch/solver.ts for the other figures.
 */
export function wasmTierFor(args: readonly string[]): 'baseline' | 'optimising' {
  const first = args.find((a) => !a.startsWith('-'));
  return first === 'dispatch' && !args.includes('--milp') ? 'baseline' : 'optimising';
}

/** The program with the commands `args` (argv after node and the script) needs; all commands when omitted. */
export async function buildProgram(args?: readonly string[]): Promise<Command> {
  const program = new Command('chuneng')
    .description('Chuneng (储能): design and judge energy-storage plants — fluid properties, plant networks, dispatch and finance.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)');
  const names = args === undefined ? Object.keys(COMMANDS) : commandsFor(args);
  const registers = await Promise.all(names.map((name) => COMMANDS[name]()));
  for (const register of registers) register(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    // before any WebAssembly is compiled: the flag applies to modules compiled after it is set
    if (wasmTierFor(argv.slice(2)) === 'baseline') setFlagsFromString('--liftoff-only');
    // before the command's code is optimised: its compilers' budget (v8-flags.ts)
    for (const flag of v8FlagsFor(argv.slice(2))) setFlagsFromString(flag);
    const program = await buildProgram(argv.slice(2));
    program.exitOverride();
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    process.stderr.write(`chuneng: ${(e as Error).message}\n`);
    return 1;
  }
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
