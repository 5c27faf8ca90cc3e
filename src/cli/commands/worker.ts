/**
 * `chuneng worker --queue redis://HOST:PORT [--concurrency N]`: takes study cases from BullMQ (enqueued by
 * `chuneng study run … --queue`) and computes them on N worker threads until stopped (SIGINT/SIGTERM: the cases in
 * hand are finished first). Run it on as many machines as there are.
 */
import type { Command } from 'commander';
import { defaultWorkers } from '../../server/study-pool.js';
import { STUDY_QUEUE, startQueueWorker } from '../../server/study-queue.js';
import { STDOUT, type CommandOutput } from '../output.js';

interface WorkerFlags {
  queue: string;
  concurrency?: string;
  lockSeconds?: string;
  log?: boolean;
}

function positive(name: string, text: string | undefined, fallback: number, integer: boolean): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new Error(`${name}: "${text}" is not valid; expected a ${integer ? 'whole ' : ''}number > 0`);
  return n;
}

export function registerWorkerCommand(program: Command, output: CommandOutput = STDOUT, stop?: Promise<void>): Command {
  return program
    .command('worker')
    .description('Compute study cases from a BullMQ queue on Redis (enqueued by `chuneng study run --queue`), until stopped.')
    .requiredOption('--queue <url>', 'Redis URL, redis://HOST:PORT')
    .option('--concurrency <n>', 'cases computed at once, each on its own thread (default: one per core)')
    .option('--lock-seconds <s>', `how long a case's job stays locked without renewal before another worker takes it (default ${STUDY_QUEUE.lockSeconds})`)
    .option('--no-log', 'no line per case')
    .action(async (flags: WorkerFlags) => {
      const concurrency = positive('--concurrency', flags.concurrency, defaultWorkers(), true);
      const lockSeconds = positive('--lock-seconds', flags.lockSeconds, STUDY_QUEUE.lockSeconds, false);
      const w = startQueueWorker(flags.queue, {
        concurrency,
        lockSeconds,
        onStart: (index, attempt) => {
          if (flags.log !== false) output.err?.(`case ${index}: started${attempt > 1 ? ` (attempt ${attempt})` : ''}\n`);
        },
        onCase: (r, worker) => {
          if (flags.log === false) return;
          output.err?.(`case ${r.index}: ${r.error === null ? 'done' : `failed: ${r.error.split('\n')[0]}`} in ${r.seconds.toFixed(2)} s (${worker})\n`);
        },
      });
      output.err?.(`chuneng worker: taking cases from ${flags.queue} with ${concurrency} thread${concurrency === 1 ? '' : 's'}\n`);
      await (stop ?? signalled());
      await w.close();
    });
}

/** Resolves on the first SIGINT or SIGTERM. */
function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
