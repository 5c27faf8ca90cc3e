/**
 * Starting a worker thread on a module, from source or built: the project's parallel plants and the server's runs,
 * reports and studies all start theirs here.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running `url`. A .ts worker (running from source under `node --import tsx`) first registers tsx
 * inside the thread: Node 20 starts the worker with the parent's --import but without the module hooks it
 * registered, so the .ts file would be refused. Built code (.js) starts directly.
 */
export function startThread(url: URL, options: WorkerOptions): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { ...options, eval: true });
}
