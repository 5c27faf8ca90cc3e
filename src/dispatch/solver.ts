/**
 * The HiGHS WebAssembly runtime, loaded once per process (the first load compiles 3.5 MB of WASM) and shared by
 * every solve. Models made from it own WASM memory that garbage collection does not free: dispose them in `finally`.
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
