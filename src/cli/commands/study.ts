/**
 * `chuneng study run STUDY.yaml [--out DIR] [--workers N] [--queue redis://HOST:PORT]`: every case of a study
 * (src/project/study), on a pool of worker threads (one per core by default) or through BullMQ workers on any
 * machine (`chuneng worker`), each result written to `DIR/study.sqlite` as it completes; started again, a study
 * resumes. Then `DIR/cases.csv` and `DIR/analysis.json`.
 * `chuneng study status STUDY.yaml [--out DIR]`: cases done, failed (with their errors), left.
 * `chuneng study results STUDY.yaml [--out DIR]`: the cases as CSV on stdout.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadStudyFile } from '../../project/study/files-node.js';
import { casesCsv, progressLine, type StudyProgress } from '../../project/study/results.js';
import type { StudyAnalysis } from '../../project/study/analysis.js';
import type { StudySpec } from '../../project/study/spec.js';
import { SerialExecutor, type CaseExecutor } from '../../server/study-executor.js';
import { PoolExecutor, defaultWorkers } from '../../server/study-pool.js';
import { QueueExecutor } from '../../server/study-queue.js';
import { runStudy } from '../../server/study-run.js';
import { StudyStore, STUDY_DATABASE_FILE } from '../../server/study-store.js';
import { formatNumber } from '../../units/index.js';
import { STDOUT, textTable, type CommandOutput } from '../output.js';

interface RunFlags {
  out?: string;
  workers?: string;
  queue?: string;
  progress?: boolean;
}

/** The output folder of a study: --out, or `<study file without extension>.study` beside it. */
export function studyOutDir(file: string, out?: string): string {
  return out ?? join(dirname(resolve(file)), `${basename(file, extname(file))}.study`);
}

function parseWorkers(text: string | undefined): number {
  if (text === undefined) return defaultWorkers();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--workers: "${text}" is not valid; expected a whole number ≥ 1`);
  return n;
}

export function registerStudyCommand(program: Command, output: CommandOutput = STDOUT): Command {
  const study = program.command('study').description('Design-space studies: sweeps, Latin hypercube, Sobol and Morris sensitivity, tornado, Monte Carlo, NSGA-II — resumable, on every core or across machines.');
  study
    .command('run')
    .description('Run (or resume) a study: each finished case is stored at once; a study started again computes only the cases not finished.')
    .argument('<study>', 'study file (.yaml or .json)')
    .option('--out <dir>', 'output folder (study.sqlite, cases.csv, analysis.json); default: <study>.study beside the study file')
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--queue <url>', 'enqueue the cases in BullMQ on Redis (redis://HOST:PORT) for `chuneng worker` processes on any machine')
    .option('--no-progress', 'no progress lines')
    .action(async (file: string, flags: RunFlags) => {
      const { input, spec } = loadStudyFile(file);
      const out = studyOutDir(file, flags.out);
      mkdirSync(out, { recursive: true });
      const workers = parseWorkers(flags.workers);
      const executor: CaseExecutor = flags.queue ? new QueueExecutor(flags.queue) : workers === 1 ? new SerialExecutor() : new PoolExecutor(workers);
      const store = StudyStore.openFile(join(out, STUDY_DATABASE_FILE));
      if (flags.queue && flags.progress !== false) output.err?.(`cases enqueued on ${flags.queue}: \`chuneng worker --queue ${flags.queue}\` on any machine computes them\n`);
      let lastLine = 0;
      const report = (p: StudyProgress) => {
        if (flags.progress === false || !output.err) return;
        const now = Date.now();
        const finished = p.done + p.failed === p.total;
        if (!finished && now - lastLine < 1000) return;
        lastLine = now;
        output.err(`${progressLine(p)}${p.lastError ? ` — last error, case ${p.lastError.index}: ${p.lastError.error.split('\n')[0]}` : ''}\n`);
      };
      try {
        const outcome = await runStudy(input, spec, { store, executor, onProgress: report });
        writeFileSync(join(out, 'cases.csv'), casesCsv(spec, outcome.cases));
        writeFileSync(join(out, 'analysis.json'), JSON.stringify(outcome.analysis, null, 2) + '\n');
        output.out(analysisText(spec, outcome.analysis, outcome.hash, out));
      } finally {
        await executor.close();
        store.close();
      }
    });
  study
    .command('status')
    .description('Cases done, failed (with their errors) and left of a study in its output folder.')
    .argument('<study>', 'study file')
    .option('--out <dir>', 'output folder (default: <study>.study beside the study file)')
    .action((file: string, flags: { out?: string }) => {
      const { input, spec } = loadStudyFile(file);
      const store = StudyStore.openFile(join(studyOutDir(file, flags.out), STUDY_DATABASE_FILE));
      try {
        const record = store.getStudy(input.hash);
        if (!record) {
          output.out(`${spec.name}: not started (study ${input.hash.slice(0, 12)}; the folder holds ${store.listStudies().length} other stud${store.listStudies().length === 1 ? 'y' : 'ies'})\n`);
          return;
        }
        const cases = store.cases(input.hash);
        const failed = cases.filter((c) => c.error !== null);
        const total = record.cases ?? cases.length;
        output.out(`${spec.name} (study ${input.hash.slice(0, 12)}): ${cases.length - failed.length} done, ${failed.length} failed, ${Math.max(0, total - cases.length)} left of ${total}\n`);
        for (const f of failed) output.out(`  case ${f.index}: ${f.error}\n`);
      } finally {
        store.close();
      }
    });
  study
    .command('results')
    .description('The finished cases of a study as CSV (case, parameters, outputs in their units, error).')
    .argument('<study>', 'study file')
    .option('--out <dir>', 'output folder (default: <study>.study beside the study file)')
    .action((file: string, flags: { out?: string }) => {
      const { input, spec } = loadStudyFile(file);
      const store = StudyStore.openFile(join(studyOutDir(file, flags.out), STUDY_DATABASE_FILE));
      try {
        output.out(casesCsv(spec, store.cases(input.hash)));
      } finally {
        store.close();
      }
    });
  return study;
}

/** What a finished study says, for a terminal: per output its P10/P50/P90 and the design's indices. */
export function analysisText(spec: StudySpec, a: StudyAnalysis, hash: string, out: string): string {
  const f = (v: number | undefined | null) => (v === undefined || v === null ? '—' : formatNumber(v, 4));
  const lines = [`${spec.name}: ${a.done} of ${a.cases} cases done, ${a.failed.length} failed (study ${hash.slice(0, 12)}; results in ${out})`, ''];
  const rows = a.outputs.map((o) => {
    const q = (p: number) => o.summary?.quantiles.find((x) => x.p === p)?.value;
    return [o.unit ? `${o.name} [${o.unit}]` : o.name, f(o.summary?.mean), f(q(0.1)), f(q(0.5)), f(q(0.9)), f(o.summary?.min), f(o.summary?.max)];
  });
  lines.push(textTable(rows, ['output', 'mean', 'P10', 'P50', 'P90', 'min', 'max']));
  for (const o of a.outputs) {
    if (o.exceedance) lines.push(`P(${o.name} > ${o.exceedance.threshold}) = ${f(o.exceedance.probability)} (${f(o.exceedance.low)}–${f(o.exceedance.high)}, ${o.exceedance.confidence * 100} %)`);
    if (o.sobol) {
      lines.push(`Sobol indices of ${o.name}:`);
      lines.push(textTable(a.parameters.map((p, i) => [p, f(o.sobol!.first[i].value), `${f(o.sobol!.first[i].low)}–${f(o.sobol!.first[i].high)}`, f(o.sobol!.total[i].value), `${f(o.sobol!.total[i].low)}–${f(o.sobol!.total[i].high)}`]), ['parameter', 'S1', 'CI', 'ST', 'CI']));
    }
    if (o.morris) {
      lines.push(`Morris screening of ${o.name}:`);
      lines.push(textTable(a.parameters.map((p, i) => [p, f(o.morris!.muStar[i]), f(o.morris!.sigma[i])]), ['parameter', 'mu*', 'sigma']));
    }
    if (o.tornado) {
      lines.push(`Tornado of ${o.name} (base ${f(o.tornado.base)}):`);
      lines.push(textTable(o.tornado.bars.map((b) => [b.name, f(b.low), f(b.high), f(b.swing)]), ['parameter', 'low', 'high', 'swing']));
    }
    if (o.note) lines.push(`${o.name}: ${o.note}`);
  }
  if (a.front) lines.push(`Pareto front: ${a.front.length} cases (${a.front.map((p) => p.index).join(', ')})`);
  for (const e of a.failed.slice(0, 10)) lines.push(`failed: case ${e.index}: ${e.error.split('\n')[0]}`);
  if (a.failed.length > 10) lines.push(`… and ${a.failed.length - 10} more failed cases (chuneng study status)`);
  return lines.join('\n') + '\n';
}
