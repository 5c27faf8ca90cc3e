/**
 * `chuneng evaluate project.yaml [--set path=value …] [--json] [--out DIR]`: plant design point → cycle → a year of dispatch → finance,
 * for every plant of the project. A thin adapter over src/project: progress on stderr (a bar on a terminal),
 * the summary or JSON on stdout, and with --out a folder of JSON results and CSV schedules.
 */
import { dirname, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { resultFiles, resultsJson, summaryText, type ProjectEvaluation, type ResultFile } from '../../project/index.js';
import { checkWritable, loadProjectFile, withFolderLock, writeFolder } from '../../project/node.js';
import { defaultCacheDir, useDiskCache, type DiskCache } from '../../project/cache-node.js';
import { earlyDispatchThread, evaluateInThreads } from '../../project/parallel-node.js';
import type { DispatchThread } from '../../project/dispatch-thread-node.js';
import { collectAssignment, SET_OPTION } from '../../project/set-path.js';
import { RunProgress } from '../../project/progress.js';
import { loadProjectFileWithSets } from '../../project/study/files-node.js';
import { resultsInDisplayUnits } from '../../report/index.js';
import { STDOUT, type CommandOutput } from '../output.js';

interface EvaluateFlags {
  set?: string[];
  json?: boolean;
  out?: string;
  progress?: boolean;
  cache?: boolean;
  threads?: number;
}

export function registerEvaluateCommand(program: Command, output: CommandOutput = STDOUT): Command {
  return program
    .command('evaluate')
    .description('Evaluate a project file: each plant’s design and cycle, a year of dispatch, cash flows, NPV, IRR, payback, DSCR and LCOS.')
    .argument('<file>', 'project file (.yaml or .json)')
    .option('--json', 'print the results as JSON (SI units; schedules left out — use --out for them)')
    .option('--out <dir>', 'write results.json, results-display.json (display units), summary.txt, and per plant the hourly schedule and the yearly cash flow (CSV) into this folder, atomically')
    .option('--no-progress', 'no progress bar')
    .option('--no-cache', `compute every template plant's design cycle, part-load maps and detail afresh, and keep nothing (default: kept in ${defaultCacheDir()} by package version, build and parameters)`)
    .option('--threads <n>', 'worker threads evaluating the plants side by side (default: the cores available less one; 1: the plants one after the other in this process, their plant-feasible dispatches overlapped on a thread of their own)', threadCount)
    .option(SET_OPTION.flags, SET_OPTION.description, collectAssignment, [] as string[])
    .action(async (file: string, flags: EvaluateFlags) => {
      const cache = useDiskCache(flags.cache !== false);
      // started before the project is read and checked, so that its modules load on the other core meanwhile
      // (the folder is the one loadProjectFile reads relative to); evaluateInThreads uses it or closes it
      const early = earlyDispatchThread({ baseDir: dirname(resolve(file)), cacheDir: cache?.dir }, flags.threads);
      try {
        const project = flags.set?.length ? loadProjectFileWithSets(file, flags.set) : loadProjectFile(file);
        if (flags.out) {
          const out = flags.out;
          checkWritable(out);
          return await withFolderLock(out, () => run(project, flags, output, cache, early));
        }
        return await run(project, flags, output, cache, early);
      } finally {
        await early?.close();
      }
    });
}

async function run(
  project: Pick<ReturnType<typeof loadProjectFile>, 'spec' | 'readText' | 'baseDir'>,
  flags: EvaluateFlags,
  output: CommandOutput,
  cache: DiskCache | undefined,
  early: DispatchThread | undefined,
): Promise<void> {
  {
    {
      const currency = currencyOf(project.spec.plants[0]?.finance);
      const bar =
        flags.progress !== false && process.stderr.isTTY
          ? new cliProgress.SingleBar({ format: '{bar} {percentage}% | {plant}: {stage}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
          : undefined;
      const plants = project.spec.plants.length;
      const progress = new RunProgress(plants);
      bar?.start(1, 0, { plant: '', stage: 'starting' });
      const result = await evaluateInThreads(project.spec, {
        readText: project.readText,
        baseDir: project.baseDir,
        ...(cache ? { cache } : {}),
        ...(flags.threads !== undefined ? { threads: flags.threads } : {}),
        ...(early ? { startedDispatchThread: early } : {}),
        onProgress: (e) => {
          const i = project.spec.plants.findIndex((p) => p.name === e.plant);
          bar?.update(progress.update(i, e), { plant: e.plant, stage: e.stage });
        },
      });
      bar?.update(1, { plant: '', stage: 'done' });
      bar?.stop();
      if (flags.out) {
        const files = writeFolder(flags.out, [...resultFiles(result, currency), ...displayFiles(result)]);
        if (!flags.json) output.out(`wrote ${files.length} files to ${flags.out}\n`);
      }
      output.out(flags.json ? JSON.stringify(resultsJson(result), null, 2) + '\n' : summaryText(result, currency));
    }
  }
}

/** The results in display units with their units named, in English and in Chinese, beside the SI ones. */
function displayFiles(e: ProjectEvaluation): ResultFile[] {
  const data = resultsJson(e);
  return [
    { name: 'results-display.json', text: JSON.stringify(resultsInDisplayUnits(data, 'en'), null, 2) + '\n' },
    { name: 'results-display.zh.json', text: JSON.stringify(resultsInDisplayUnits(data, 'zh'), null, 2) + '\n' },
  ];
}

function currencyOf(finance: Record<string, unknown> | undefined): string {
  const c = finance?.currency;
  return typeof c === 'string' ? c : 'CNY';
}

function threadCount(text: string): number {
  const n = Number(text);
  if (!(Number.isInteger(n) && n >= 1 && n <= 64)) throw new InvalidArgumentError(`--threads = ${JSON.stringify(text)} is not valid; valid: an integer from 1 to 64`);
  return n;
}
