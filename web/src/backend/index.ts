/**
 * Which back end the app uses: the HTTP API when `/api/health` answers (the app served by `chuneng serve`),
 * otherwise the library in a Web Worker (the static build, from a folder or any static file server).
 * `?backend=worker` forces the worker (to compare the two).
 */
import { HttpBackend } from './http-backend.js';
import type { Backend } from './types.js';

export async function chooseBackend(): Promise<Backend> {
  const forced = new URLSearchParams(location.search).get('backend');
  if (forced !== 'worker' && location.protocol !== 'file:' && (await HttpBackend.available())) return new HttpBackend();
  const { WorkerBackend } = await import('./worker-backend.js');
  return new WorkerBackend();
}

export * from './types.js';
