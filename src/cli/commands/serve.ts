/**
 * `chuneng serve [--port N] [--data DIR] [--host H --token T] [limits]`: the HTTP API and the built web app in one
 * process (src/server). Prints the address to open; Ctrl+C (SIGINT) or SIGTERM stops it cleanly — runs in progress
 * are marked interrupted, the database is closed.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { SERVER_DEFAULTS, SERVER_LIMITS, type ServerLimits } from '../../server/limits.js';
import { startServer } from '../../server/app.js';
import { formatBytes } from '../../server/messages.js';
import { STDOUT, type CommandOutput } from '../output.js';

interface ServeFlags {
  port: string;
  data: string;
  host: string;
  token?: string;
  maxBody?: string;
  runSeconds?: string;
  concurrentRuns?: string;
  queue?: string;
  sseClients?: string;
  runMemory?: string;
  concurrentReports?: string;
}

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, kib: 1024, k: 1024, mb: 1024 ** 2, mib: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, gib: 1024 ** 3, g: 1024 ** 3 };

/** "8MB", "512 kB", "1048576" → bytes (kB = 1024 bytes here, as the limits are about memory). */
export function parseBytes(text: string, flag: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const factor = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || factor === undefined) throw new Error(`${flag}: "${text}" is not a size; give bytes or a number with kB, MB or GB (e.g. 8MB)`);
  const bytes = Math.round(Number(m[1]) * factor);
  if (!(bytes > 0)) throw new Error(`${flag}: the size must be positive (got "${text}")`);
  return bytes;
}

function parseCount(text: string, flag: string, min: number): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < min) throw new Error(`${flag}: expected a whole number ≥ ${min} (got "${text}")`);
  return Number(text);
}

function parsePositive(text: string, flag: string): number {
  const v = Number(text);
  if (!(Number.isFinite(v) && v > 0)) throw new Error(`${flag}: expected a positive number (got "${text}")`);
  return v;
}

export function limitsFromFlags(flags: ServeFlags): Partial<ServerLimits> {
  return {
    ...(flags.maxBody !== undefined ? { bodyBytes: parseBytes(flags.maxBody, '--max-body') } : {}),
    ...(flags.runSeconds !== undefined ? { runSeconds: parsePositive(flags.runSeconds, '--run-seconds') } : {}),
    ...(flags.concurrentRuns !== undefined ? { concurrentRuns: parseCount(flags.concurrentRuns, '--concurrent-runs', 1) } : {}),
    ...(flags.queue !== undefined ? { queueLength: parseCount(flags.queue, '--queue', 0) } : {}),
    ...(flags.sseClients !== undefined ? { sseClients: parseCount(flags.sseClients, '--sse-clients', 1) } : {}),
    ...(flags.runMemory !== undefined ? { runMemoryMb: parseCount(flags.runMemory, '--run-memory', 64) } : {}),
    ...(flags.concurrentReports !== undefined ? { concurrentReports: parseCount(flags.concurrentReports, '--concurrent-reports', 1) } : {}),
  };
}

export function registerServeCommand(program: Command, output: CommandOutput = STDOUT): Command {
  const L = SERVER_LIMITS;
  return program
    .command('serve')
    .description('Serve the workbench: the HTTP API (/api, see /api/openapi.json) and the web app, with projects and runs kept in a data folder.')
    .option('--port <n>', 'port to listen on (0: any free port)', String(SERVER_DEFAULTS.port))
    .option('--data <dir>', 'folder of the project store (created if missing)', SERVER_DEFAULTS.dataDir)
    .option('--host <host>', 'address to listen on; anything beyond loopback needs --token', SERVER_DEFAULTS.host)
    .option('--token <token>', `access token (≥ 16 characters) every API request must send as "Authorization: Bearer <token>"; also read from CHUNENG_TOKEN`)
    .option('--max-body <size>', `largest request body (default ${formatBytes(L.bodyBytes)})`)
    .option('--run-seconds <s>', `a run still going after this is stopped as failed (default ${L.runSeconds})`)
    .option('--concurrent-runs <n>', `runs evaluated at once, each in a worker thread (default ${L.concurrentRuns} here)`)
    .option('--queue <n>', `runs that may wait beyond those; more are refused with 429 (default ${L.queueLength})`)
    .option('--sse-clients <n>', `open event streams (default ${L.sseClients})`)
    .option('--run-memory <mb>', `heap of one run's (or report's) worker, MB (default ${L.runMemoryMb})`)
    .option('--concurrent-reports <n>', `reports rendered at once, each in a worker thread (default ${L.concurrentReports})`)
    .action(async (flags: ServeFlags) => {
      const token = flags.token ?? (process.env.CHUNENG_TOKEN || undefined);
      const server = await startServer({
        port: parseCount(flags.port, '--port', 0),
        dataDir: flags.data,
        host: flags.host,
        ...(token !== undefined ? { token } : {}),
        limits: limitsFromFlags(flags),
      });
      const open = server.host === '0.0.0.0' || server.host === '::' ? `http://localhost:${server.port}/ (listening on all addresses)` : server.url;
      output.out(
        [
          `Chuneng workbench: open ${open}`,
          `  data: ${resolve(flags.data)}; ${server.limits.concurrentRuns} run(s) at a time, ${server.limits.queueLength} queued at most`,
          ...(token !== undefined ? ['  API requests need the header "Authorization: Bearer <token>"'] : []),
          ...(server.interrupted > 0 ? [`  ${server.interrupted} run(s) left unfinished by the last server were marked interrupted`] : []),
          '  Ctrl+C stops',
          '',
        ].join('\n'),
      );
      await new Promise<void>((done) => {
        let stopping = false;
        const stop = (signal: NodeJS.Signals) => {
          if (stopping) {
            process.exit(signal === 'SIGINT' ? 130 : 143);
          }
          stopping = true;
          output.out(`\n${signal}: stopping (runs in progress are marked interrupted)…\n`);
          void server.close().then(() => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            output.out('stopped\n');
            done();
          });
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
