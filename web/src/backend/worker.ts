/**
 * The library in a Web Worker (the static build, or a page served without the API): examples, template parameters,
 * validation, price previews, runs with progress and each plant as soon as it is done. HiGHS finds its WebAssembly
 * as a bundled asset. A run is cancelled by terminating the worker (WorkerBackend starts a fresh one).
 */
import wasmUrl from 'highs/runtime?url';
import { configureHighs } from '../../../src/dispatch/index.js';
import { templateParameters, isTemplateName, TEMPLATE_NAMES } from '../../../src/plant/templates/index.js';
import { ProjectFileError } from '../../../src/project/index.js';
import { propertyDiagramData } from '../../../src/report/diagram.js';
import { listExamples, loadExample } from './examples.js';
import { previewPrices, runDocument, validateDocument } from './library.js';
import type { WorkerMessage, WorkerRequest } from './protocol.js';

configureHighs({ locateFile: () => wasmUrl });

const post = (message: WorkerMessage) => (self as unknown as { postMessage(m: WorkerMessage): void }).postMessage(message);

async function answer(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'examples':
      return listExamples();
    case 'example':
      return loadExample(request.exampleId);
    case 'templates':
      return TEMPLATE_NAMES.map((name) => ({ name, technology: name }));
    case 'parameters':
      if (!isTemplateName(request.template)) throw new Error(`no template "${request.template}" (templates: ${TEMPLATE_NAMES.join(', ')})`);
      return templateParameters(request.template);
    case 'validate':
      return validateDocument(request.project, request.files, request.lang);
    case 'preview':
      return previewPrices(request.text, request.timeZone, request.lang);
    case 'run':
      return runDocument(request.project, request.files, {
        onProgress: (progress) => post({ id: request.id, kind: 'progress', progress }),
        onPlant: (index, plant, schedule) => post({ id: request.id, kind: 'plant', index, plant, schedule }),
      });
    case 'diagram':
      return propertyDiagramData(request.fluid, request.paths ? { paths: request.paths } : {});
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  answer(request).then(
    (value) => post({ id: request.id, kind: 'ok', value }),
    (e: unknown) => {
      const issues = e instanceof ProjectFileError ? e.issues.map((i) => ({ field: i.field, message: i.message })) : undefined;
      post({ id: request.id, kind: 'error', message: e instanceof Error ? e.message : String(e), ...(issues ? { issues } : {}) });
    },
  );
};

post({ id: -1, kind: 'ready' });
