/**
 * A report worker thread: renders the reports it is sent one after the other (ECharts SSR, ExcelJS and the PDF
 * printing take seconds of CPU that the server's thread must not spend: its event streams and other requests go on
 * meanwhile). The report layer is loaded once per worker, and the server keeps a worker while reports keep coming.
 */
import { parentPort } from 'node:worker_threads';
import { ChromiumMissingError, renderReport } from '../report/node/index.js';
import type { ReportOutcome, ReportRequest } from './report-jobs.js';

async function render(request: ReportRequest): Promise<ReportOutcome> {
  const job = request.job;
  try {
    const input = { results: JSON.parse(job.resultsJson), schedules: job.schedulesJson.map((s) => (s === null ? undefined : JSON.parse(s))) };
    const r = await renderReport(input, job.lang, job.format);
    return { ok: true, body: new Uint8Array(r.body), contentType: r.contentType };
  } catch (e) {
    const chromiumMissing = e instanceof ChromiumMissingError;
    if (!chromiumMissing) process.stderr.write(`chuneng serve: report failed: ${(e as Error)?.stack ?? String(e)}\n`);
    return { ok: false, chromiumMissing, message: (e as Error)?.message ?? String(e) };
  }
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (request: ReportRequest) => {
    void render(request).then((outcome) => port.postMessage({ id: request.id, outcome }));
  });
}
