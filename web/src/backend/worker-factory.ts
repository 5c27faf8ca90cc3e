/** The library's Web Worker as a module file beside the app (the served build; offline.html inlines it instead). */
export function createWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'chuneng-library' });
}
