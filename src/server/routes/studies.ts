/**
 * Studies: create and start one (a study file naming a stored project, or carrying the project), list, read its
 * status and progress, follow it as server-sent events, its cases (JSON or CSV), its analysis, stop it, start it
 * again (it resumes: no finished case is computed twice), and its report. The study runs on the server's pool of
 * worker threads (./study-jobs.ts); its identity is H6's hash over the study, the project and its files, so the same
 * study submitted twice is one study.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { analyseStudy, type StudyAnalysis } from '../../project/study/analysis.js';
import { studyInput } from '../../project/study/files-node.js';
import { planStudy } from '../../project/study/plan.js';
import { casesCsv, type StudyProgress } from '../../project/study/results.js';
import { parseStudyValue, type StudySpec } from '../../project/study/spec.js';
import { HttpError, libraryIssues, type FieldIssue } from '../errors.js';
import { attachment } from '../http.js';
import type { Messages } from '../messages.js';
import { route, type Reply } from '../router.js';
import type { Services } from '../services.js';
import type { Lang } from '../store.js';
import { checkProject } from '../validation.js';
import { openEventStream } from '../sse.js';
import { errors } from './responses.js';
import { fileSafe } from './reports.js';
import type { StudyEvent, StudyManager } from './study-jobs.js';
import { CreateStudyRequest, StudyAnalysisBody, StudyCases, StudyCasesQuery, StudyCreated, StudyDetail, StudyReportQuery, StudySummarySchema } from './study-schemas.js';
import type { StudyInput } from '../../project/study/files-node.js';
import { studyReportHtml } from '../../report/node/study-report.js';
import { pdfReport, ChromiumMissingError } from '../../report/node/pdf.js';

const SAY = {
  en: {
    notFound: (id: string) => `no study "${id}"`,
    invalidStudy: (n: number) => `the study has ${n} problem${n === 1 ? '' : 's'}`,
    noProject: (name: string) => `the study's project "${name}" is neither a stored project's id nor its name; give projectId, or the project itself`,
    twoProjects: (name: string) => `several stored projects are named "${name}"; give projectId`,
    notRunning: (status: string) => `the study is ${status}; only a queued or running study can be stopped`,
    cannotStart: (status: string) => `the study is ${status}; only an interrupted or failed study can be started again`,
  },
  zh: {
    notFound: (id: string) => `没有此研究：“${id}”`,
    invalidStudy: (n: number) => `研究文件有 ${n} 处问题`,
    noProject: (name: string) => `研究所指的项目“${name}”既不是已保存项目的编号，也不是其名称；请给出 projectId 或项目本身`,
    twoProjects: (name: string) => `有多个已保存项目名为“${name}”；请给出 projectId`,
    notRunning: (status: string) => `研究状态为 ${status}；只有排队或运行中的研究可以停止`,
    cannotStart: (status: string) => `研究状态为 ${status}；只有中断或失败的研究可以重新开始`,
  },
} as const;

function issuesOf(e: unknown, prefix: string): FieldIssue[] {
  const issues = libraryIssues(e, prefix);
  if (issues) return issues;
  throw e;
}

/** The study file's value from text (YAML or JSON) or as given. */
function studyValue(study: string | Record<string, unknown>): unknown {
  if (typeof study !== 'string') return study;
  try {
    return parseYaml(study);
  } catch (e) {
    throw new HttpError(400, 'invalid_study', (e as Error).message, [{ field: 'study', path: ['study'], code: 'invalid_yaml', message: `study: not valid YAML/JSON: ${(e as Error).message}` }]);
  }
}

function columns(spec: StudySpec) {
  return {
    parameters: spec.parameters.map((p) => ({ name: p.name, unit: p.words ? '' : p.unit, ...(p.words ? { words: [...p.words] } : {}) })),
    outputs: spec.outputs.map((o) => ({ name: o.name, unit: o.unit })),
  };
}

export function studyRoutes(s: Services, manager: StudyManager) {
  const { store } = s;
  const studies = manager.studies;
  const say = (lang: Lang) => SAY[lang];
  const load = (id: string, lang: Lang) => {
    const record = studies.getStudy(id);
    if (!record) throw new HttpError(404, 'not_found', say(lang).notFound(id));
    const input = record.input as StudyInput;
    return { record, input, spec: parseStudyValue(input.studyValue, record.name) };
  };
  const progressOf = (id: string, total: number | null): StudyProgress => {
    const live = manager.progress(id);
    if (live) return live;
    const cases = studies.cases(id);
    const failed = cases.filter((c) => c.error !== null).length;
    return { total: total ?? cases.length, done: cases.length - failed, failed, resumed: 0, etaSeconds: null };
  };
  const projectFor = (body: z.output<typeof CreateStudyRequest>, spec: StudySpec, lang: Lang, m: Messages): { project: unknown; files: Record<string, string> } => {
    if (body.project !== undefined) {
      let project: unknown = body.project;
      if (typeof project === 'string') {
        try {
          project = parseYaml(project);
        } catch (e) {
          throw new HttpError(400, 'invalid_project', m.invalidProject(1), [{ field: 'project', path: ['project'], code: 'invalid_yaml', message: `project: ${(e as Error).message}` }]);
        }
      }
      return { project, files: { ...(body.files ?? {}) } };
    }
    let id = body.projectId;
    if (id === undefined) {
      if (store.getProject(spec.project)) id = spec.project;
      else {
        const named = store.listProjects().filter((p) => p.name === spec.project);
        if (named.length > 1) throw new HttpError(400, 'ambiguous_project', say(lang).twoProjects(spec.project));
        if (named.length === 0) throw new HttpError(404, 'not_found', say(lang).noProject(spec.project));
        id = named[0].id;
      }
    }
    const saved = store.getProject(id, body.version);
    if (!saved) throw new HttpError(404, 'not_found', body.version !== undefined ? m.notFound('project version', `${id} v${body.version}`) : m.notFound('project', id));
    return { project: saved.project, files: { ...saved.files } };
  };

  return [
    route({
      method: 'POST',
      path: '/api/studies',
      operationId: 'createStudy',
      summary: 'Check a study and start it on the server\'s worker threads (queued behind a running study)',
      description:
        'The study file is checked first (every problem with its field path, 400), then its project. The study\'s id is a hash over the study, the project and ' +
        'its files: the same study given again is the same study (a done study stays done; an interrupted one resumes). Follow it with GET /api/studies/:id ' +
        'or its events stream.',
      tag: 'studies',
      body: CreateStudyRequest,
      responses: { 202: { description: 'Queued or running', schema: StudyCreated }, 200: { description: 'Already done', schema: StudyCreated }, ...errors(400, 404) },
      handle: ({ body, lang, m }): Reply => {
        const value = studyValue(body.study);
        let spec: StudySpec;
        try {
          spec = parseStudyValue(value, 'study');
        } catch (e) {
          const issues = issuesOf(e, 'study');
          throw new HttpError(400, 'invalid_study', say(lang).invalidStudy(issues.length), issues);
        }
        const { project, files } = projectFor(body, spec, lang, m);
        const check = checkProject(project, files, lang);
        if (!check.ok) throw new HttpError(400, 'invalid_project', m.invalidProject(check.issues.length), check.issues);
        let cases: number | null = null;
        if (spec.design.kind !== 'nsga2') {
          try {
            cases = planStudy(spec).rows.length;
          } catch (e) {
            const issues = issuesOf(e, 'study');
            throw new HttpError(400, 'invalid_study', say(lang).invalidStudy(issues.length), issues);
          }
        }
        const input = studyInput(value, project, files);
        const status = manager.submit(input, spec, cases);
        return { status: status === 'done' ? 200 : 202, json: { id: input.hash, status, cases }, headers: { Location: `/api/studies/${input.hash}` } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/studies',
      operationId: 'listStudies',
      summary: 'The studies of this workbench, the last changed first',
      tag: 'studies',
      responses: { 200: { description: 'The studies', schema: z.array(StudySummarySchema) } },
      handle: () => ({
        json: studies.listStudies().map((r) => ({ id: r.hash, name: r.name, status: manager.status(r.hash)!.status, cases: r.cases, finished: r.finished, failed: r.failed, updatedAt: r.updatedAt })),
      }),
    }),
    route({
      method: 'GET',
      path: '/api/studies/:id',
      operationId: 'getStudy',
      summary: 'A study: status, progress (done, failed, ETA), its parameters and outputs with their units',
      tag: 'studies',
      params: { id: 'The study\'s id' },
      responses: { 200: { description: 'The study', schema: StudyDetail }, ...errors(404) },
      handle: ({ params, lang }) => {
        const { record, input, spec } = load(params.id, lang);
        const st = manager.status(record.hash)!;
        return {
          json: {
            id: record.hash,
            name: record.name,
            ...(spec.description !== undefined ? { description: spec.description } : {}),
            ...st,
            design: spec.design.kind,
            ...columns(spec),
            progress: progressOf(record.hash, studies.getStudy(record.hash)?.cases ?? null),
            study: input.studyValue,
            createdAt: record.createdAt,
            updatedAt: record.updatedAt,
          },
        };
      },
    }),
    route({
      method: 'GET',
      path: '/api/studies/:id/events',
      operationId: 'studyEvents',
      summary: 'The study as server-sent events: status and progress; closes when it is done, failed or interrupted',
      description: 'text/event-stream. Events: `status` {status, error?}, `progress` {total, done, failed, resumed, etaSeconds, lastError?}. On connecting the stream first repeats the status and progress.',
      tag: 'studies',
      params: { id: 'The study\'s id' },
      responses: { 200: { description: 'The event stream', types: ['text/event-stream'] }, ...errors(404, 429) },
      handle: ({ params, res, lang, m }): Reply => {
        const { record } = load(params.id, lang);
        if (manager.subscriberCount() >= s.limits.sseClients) throw new HttpError(429, 'too_many_streams', m.tooManyStreams(s.limits.sseClients));
        const stream = openEventStream<StudyEvent>(res);
        const ended = (status: string) => status === 'done' || status === 'failed' || status === 'interrupted';
        const st = manager.status(record.hash)!;
        stream.send({ event: 'progress', data: progressOf(record.hash, record.cases) });
        stream.send({ event: 'status', data: st });
        if (ended(st.status)) {
          stream.end();
          return { streamed: true };
        }
        stream.follow(
          (listener) => manager.subscribe(record.hash, listener),
          (e) => e.event === 'status' && ended(e.data.status),
        );
        return { streamed: true };
      },
    }),
    route({
      method: 'GET',
      path: '/api/studies/:id/cases',
      operationId: 'studyCases',
      summary: 'The finished cases: parameter values and outputs in their units, or the error (JSON, or CSV with ?format=csv)',
      tag: 'studies',
      params: { id: 'The study\'s id' },
      query: StudyCasesQuery,
      responses: { 200: { description: 'The cases', schema: StudyCases, types: ['text/csv'] }, ...errors(404) },
      handle: ({ params, query, lang }): Reply => {
        const { record, spec } = load(params.id, lang);
        const cases = studies.cases(record.hash);
        if (query.format === 'csv') {
          return { text: casesCsv(spec, cases), type: 'text/csv; charset=utf-8', headers: { 'Content-Disposition': attachment(`${fileSafe(record.name)}.csv`) } };
        }
        return { json: { ...columns(spec), cases: cases.map((c) => ({ index: c.index, values: c.values, outputs: c.outputs, error: c.error, seconds: c.seconds })) } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/studies/:id/analysis',
      operationId: 'studyAnalysis',
      summary: 'What the study says per output: P10/P50/P90, P(output > threshold), Sobol indices with CIs, Morris μ*/σ, tornado bars, the Pareto front',
      description: 'For a study still running (or interrupted), the analysis of the cases finished so far (indices that need every case say why they are missing).',
      tag: 'studies',
      params: { id: 'The study\'s id' },
      responses: { 200: { description: 'The analysis', schema: StudyAnalysisBody }, ...errors(404) },
      handle: ({ params, lang }) => ({ json: analysisOf(params.id, lang) }),
    }),
    route({
      method: 'POST',
      path: '/api/studies/:id/start',
      operationId: 'startStudy',
      summary: 'Start an interrupted or failed study again: it resumes, computing only the cases not finished (409 otherwise)',
      tag: 'studies',
      params: { id: 'The study\'s id' },
      responses: { 202: { description: 'Queued or running', schema: StudyCreated }, ...errors(404, 409) },
      handle: ({ params, lang }): Reply => {
        const { record, input, spec } = load(params.id, lang);
        const st = manager.status(record.hash)!;
        if (st.status !== 'interrupted' && st.status !== 'failed') throw new HttpError(409, 'study_' + st.status, say(lang).cannotStart(st.status));
        const status = manager.submit(input, spec, record.cases);
        return { status: 202, json: { id: record.hash, status, cases: record.cases } };
      },
    }),
    route({
      method: 'POST',
      path: '/api/studies/:id/cancel',
      operationId: 'cancelStudy',
      summary: 'Stop a queued or running study; its finished cases are kept (409 when it is not running)',
      tag: 'studies',
      params: { id: 'The study\'s id' },
      responses: { 202: { description: 'Stopped', schema: StudyCreated }, ...errors(404, 409) },
      handle: async ({ params, lang }): Promise<Reply> => {
        const { record } = load(params.id, lang);
        if (!(await manager.cancel(record.hash))) throw new HttpError(409, 'study_not_running', say(lang).notRunning(manager.status(record.hash)!.status));
        return { status: 202, json: { id: record.hash, status: 'interrupted', cases: record.cases } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/studies/:id/report',
      operationId: 'studyReport',
      summary: 'The study\'s report: its plots and the cases\' table as a self-contained HTML page or its PDF (download)',
      description: 'The language is ?lang= (zh or en). The PDF needs Chromium on the server (a 501 names what is missing).',
      tag: 'studies',
      params: { id: 'The study\'s id' },
      query: StudyReportQuery,
      responses: { 200: { description: 'The report file (Content-Disposition: attachment)', types: ['text/html', 'application/pdf'] }, ...errors(404, 501) },
      handle: async ({ params, query, lang, m }): Promise<Reply> => {
        const { record, spec } = load(params.id, lang);
        const reportLang = query.lang ?? lang;
        const { analysis } = analysisOf(params.id, lang);
        const objectives = spec.design.kind === 'nsga2' ? { objectives: spec.design.objectives } : {};
        const data = { name: record.name, ...columns(spec), ...objectives, cases: studies.cases(record.hash), analysis: analysis as unknown as StudyAnalysis };
        const html = studyReportHtml(data, reportLang);
        const name = `${fileSafe(record.name)}.${query.format}`;
        if (query.format === 'html') return { text: html, type: 'text/html; charset=utf-8', headers: { 'Content-Disposition': attachment(name) } };
        try {
          return { text: await pdfReport(html), type: 'application/pdf', headers: { 'Content-Disposition': attachment(name) } };
        } catch (e) {
          if (e instanceof ChromiumMissingError) throw new HttpError(501, 'pdf_unavailable', m.reportFailed(e.message));
          throw e;
        }
      },
    }),
  ];

  function analysisOf(id: string, lang: Lang): { final: boolean; analysis: Record<string, unknown> } {
    const { record, spec } = load(id, lang);
    if (record.analysis !== null && manager.status(id)!.status === 'done') return { final: true, analysis: record.analysis as Record<string, unknown> };
    const cases = studies.cases(id);
    const plan = spec.design.kind === 'nsga2' ? undefined : planStudy(spec);
    return { final: false, analysis: analyseStudy(spec, plan, cases) as unknown as Record<string, unknown> };
  }
}
