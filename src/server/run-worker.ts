/**
 * One run in its own worker thread: the project validated again (in the run's language), evaluated with its files
 * as content, progress posted as it goes, each plant's results as soon as that plant is done, then the results.json
 * text. Cancelling a run terminates this thread; an error here fails this run only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { evaluate, readFromMap, resultsJson } from '../project/index.js';
import { runProgress } from '../project/progress.js';
import { runError } from './errors.js';
import { plantTexts } from './results.js';
import type { RunInput, WorkerMessage } from './run-protocol.js';
import { checkProject } from './validation.js';
import { messages } from './messages.js';

function post(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

async function run(input: RunInput): Promise<void> {
  const check = checkProject(input.project, input.files, input.lang);
  if (!check.ok) {
    post({ type: 'failed', error: { code: 'invalid_project', message: messages(input.lang).invalidProject(check.issues.length), issues: check.issues } });
    return;
  }
  const plants = check.spec.plants.length;
  let current = 0;
  let progress = 0;
  const evaluation = await evaluate(check.spec, {
    readText: readFromMap(input.files),
    onProgress: ({ plant, stage, done, total }) => {
      progress = Math.max(progress, runProgress(current, plants, { stage, done, total }));
      post({ type: 'progress', progress, stage, plant });
    },
    onPlant: (plant, index) => {
      current = index + 1;
      progress = Math.max(progress, current / plants);
      post({ type: 'plant', index, texts: plantTexts(plant) });
      post({ type: 'progress', progress, stage: 'done', plant: plant.name });
    },
  });
  post({ type: 'done', resultsJson: JSON.stringify(resultsJson(evaluation)), seconds: evaluation.seconds });
}

if (parentPort) {
  run(workerData as RunInput).catch((e: unknown) => {
    const error = runError(e);
    // a mistake in the input is the user's to read; anything else also goes to the server's log with its stack
    if (error.code !== 'invalid_input') process.stderr.write(`chuneng serve: run failed: ${(e as Error)?.stack ?? String(e)}\n`);
    post({ type: 'failed', error });
  });
}
