/**
 * The HiGHS WebAssembly runtime, loaded once per process (the first load compiles 3.5 MB of WASM) and shared by
 * every solve. Models made from it own WASM memory that garbage collection does not free: dispose them in `finally`.
 *
 * Which of V8's compilers runs the WebAssembly is the process's choice, made before the first load (Node:
 * `v8.setFlagsFromString('--liftoff-only')`; this module stays browser-safe and sets nothing). Measured on 2 busy
 * cores: one 8760-hour LP or a 60-day MILP pays less with the baseline compiler alone (V8's optimising tier-up
 * costs more CPU than it saves: 8760-hour LP 0.5 s instead of 1.1 s, 60-day MILP with negative prices 1.0 s of
 * CPU instead of 3.0 s); a year's MILP or many solves in one process earn it back (year MILP with negative prices
 * 5.9 s of CPU optimised, 6.8 s baseline; warm LP solves 1.3–1.6× faster). `chuneng` chooses per command
 * (src/cli/main.ts wasmTierFor); a server keeps V8's default.
 */
import highsModule, { type Highs } from 'highs';

/** What the HiGHS loader accepts: where its .wasm file is (a browser build serves it as an asset). */
export interface HighsSettings {
  readonly locateFile?: (file: string) => string;
}

type Loader = (settings?: HighsSettings) => Promise<Highs>;
// The package's types describe its CommonJS build; under ES modules the default export is the loader itself.
const loadHighs: Loader = (highsModule as unknown as { default?: Loader }).default ?? (highsModule as unknown as Loader);

let loading: Promise<Highs> | undefined;
let settings: HighsSettings = {};

/**
 * Where the runtime finds its WebAssembly file. Node finds it beside the package by itself; a browser bundle
 * passes the asset's URL (`locateFile: () => wasmUrl`). Call before the first solve; later calls are refused
 * because the runtime is loaded once.
 */
export function configureHighs(next: HighsSettings): void {
  if (loading) throw new Error('configureHighs: the HiGHS runtime is already loaded; configure it before the first solve');
  settings = { ...next };
}

export function highsRuntime(): Promise<Highs> {
  loading ??= loadHighs(settings).catch((error: unknown) => {
    loading = undefined; // let a later call retry
    throw error;
  });
  return loading;
}

/** Model-status names by code ("optimal", "infeasible", "timeLimit", …), from the runtime's own constants. */
export function modelStatusName(highs: Highs, code: number): string {
  for (const [name, value] of Object.entries(highs.constants.modelStatus)) if (value === code) return name;
  return `status ${code}`;
}
