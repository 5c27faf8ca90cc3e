/**
 * The HiGHS WebAssembly runtime, loaded once per process (the first load compiles 3.5 MB of WASM) and shared by
 * every solve. Models made from it own WASM memory that garbage collection does not free: dispose them in `finally`.
 */
import highsModule, { type Highs } from 'highs';

type Loader = () => Promise<Highs>;
// The package's types describe its CommonJS build; under ES modules the default export is the loader itself.
const loadHighs: Loader = (highsModule as unknown as { default?: Loader }).default ?? (highsModule as unknown as Loader);

let loading: Promise<Highs> | undefined;

export function highsRuntime(): Promise<Highs> {
  loading ??= loadHighs().catch((error: unknown) => {
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
