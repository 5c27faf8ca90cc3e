/**
 * The workbench server: node:http, the routes of ./routes, the store in the data folder, runs in worker threads,
 * and the built web app for every other path. Requests are checked at the door — access token (a server bound
 * beyond loopback must have one), Host (loopback servers answer only to loopback names, against DNS rebinding),
 * body size, JSON, the route's zod schemas — and every failure is answered as data in the request's language;
 * an unexpected error is logged with an id and answered 500 with that id, never with a stack.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { HttpError, zodIssues } from './errors.js';
import { readBody, sendEmpty, sendJson, sendText } from './http.js';
import { messages, requestLang, type Messages } from './messages.js';
import { openApiDocument } from './openapi.js';
import { Router, route, type AnyRoute, type Reply } from './router.js';
import { RunManager } from './runs.js';
import { ReportRenderer } from './report-jobs.js';
import { SERVER_DEFAULTS, SERVER_LIMITS, type ServerLimits } from './limits.js';
import { Store, type Lang } from './store.js';
import type { Services } from './services.js';
import { serveStatic } from './static.js';
import { metaRoutes } from './routes/meta.js';
import { templateRoutes } from './routes/templates.js';
import { exampleRoutes } from './routes/examples.js';
import { validateRoutes } from './routes/validate.js';
import { priceRoutes } from './routes/prices.js';
import { propertyRoutes } from './routes/properties.js';
import { projectRoutes } from './routes/projects.js';
import { runRoutes } from './routes/runs.js';
import { resultRoutes } from './routes/results.js';
import { reportRoutes } from './routes/reports.js';
import { studyRoutes } from './routes/studies.js';
import { StudyManager, studyStoreOf } from './routes/study-jobs.js';

/** The package's root folder (two levels above this file, in src/ and in dist/ alike). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerOptions {
  /** The data folder (created if missing). */
  readonly dataDir?: string;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Requests must carry `Authorization: Bearer <token>`; required when `host` is not a loopback address. */
  readonly token?: string;
  readonly limits?: Partial<ServerLimits>;
  /** The built web app (default: dist/web of the package). */
  readonly webDir?: string;
  /** The example projects (default: examples/luoyang of the package). */
  readonly examplesDir?: string;
  /** The run worker (tests give their own). */
  readonly workerUrl?: URL;
  /** Where errors are logged (stderr by default). */
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:8640/ */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly store: Store;
  readonly runs: RunManager;
  readonly limits: ServerLimits;
  /** Runs left queued or running by the previous process, marked interrupted on start. */
  readonly interrupted: number;
  /** Stops accepting requests, stops the runs (marked interrupted), closes the streams and the store. */
  close(): Promise<void>;
}

/** The server cannot start as configured (a non-loopback host without a token, a bad limit). */
export class ServerConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerConfigError';
  }
}

/** Shortest access token accepted. */
export const MIN_TOKEN_LENGTH = 16;

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

function checkConfig(host: string, token: string | undefined, limits: ServerLimits): void {
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) throw new ServerConfigError(`--token must be at least ${MIN_TOKEN_LENGTH} characters long (a random one: node -e "console.log(crypto.randomUUID())")`);
  if (!isLoopback(host) && token === undefined) {
    throw new ServerConfigError(
      `refusing to listen on ${host}: beyond loopback anyone who can reach the port could read and run projects. Give an access token as well ` +
        `(chuneng serve --host ${host} --token <at least ${MIN_TOKEN_LENGTH} characters>); requests then need "Authorization: Bearer <token>". ` +
        `Without --host the server listens on ${SERVER_DEFAULTS.host} only.`,
    );
  }
  const positive: [keyof ServerLimits, string][] = [
    ['bodyBytes', '--max-body'],
    ['runSeconds', '--run-seconds'],
    ['concurrentRuns', '--concurrent-runs'],
    ['sseClients', '--sse-clients'],
    ['runMemoryMb', '--run-memory'],
    ['concurrentReports', '--concurrent-reports'],
  ];
  for (const [key, flag] of positive) {
    if (!(Number.isFinite(limits[key]) && limits[key] > 0)) throw new ServerConfigError(`${flag} must be a positive number (got ${limits[key]})`);
  }
  if (!(Number.isInteger(limits.queueLength) && limits.queueLength >= 0)) throw new ServerConfigError(`--queue must be a whole number ≥ 0 (got ${limits.queueLength})`);
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

const ZH_ERRORS = z.locales.zhCN().localeError;
const zodParams = (lang: Lang) => (lang === 'zh' ? { error: ZH_ERRORS } : {});

/** Parses with a route's schema; a 400 naming every field otherwise. */
function parseWith<T extends z.ZodType>(schema: T, value: unknown, lang: Lang, m: Messages, prefix: string[] = []): z.output<T> {
  const r = schema.safeParse(value, zodParams(lang));
  if (r.success) return r.data;
  const issues = zodIssues(r.error, prefix);
  throw new HttpError(400, 'invalid_request', m.invalidRequest(issues.length), issues);
}

async function jsonBody(req: IncomingMessage, r: AnyRoute, limit: number, m: Messages): Promise<unknown> {
  const type = req.headers['content-type'];
  const raw = await readBody(req, limit, m);
  if (raw.length === 0) {
    if (r.bodyOptional) return {};
    throw new HttpError(400, 'invalid_json', m.invalidJson('the body is empty'));
  }
  if (type !== undefined && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new HttpError(415, 'unsupported_media_type', m.unsupportedMediaType(type));
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (e) {
    throw new HttpError(400, 'invalid_json', m.invalidJson((e as Error).message));
  }
}

function bearerOk(req: IncomingMessage, url: URL, token: string): boolean {
  const header = req.headers.authorization;
  const given = header?.startsWith('Bearer ') ? header.slice(7).trim() : req.method === 'GET' ? url.searchParams.get('access_token') : null;
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function hostName(header: string | undefined): string {
  if (!header) return '';
  const m = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(header.trim());
  return m ? m[1] : header;
}

function reply(res: ServerResponse, r: Reply): void {
  if ('streamed' in r) return;
  if ('json' in r) sendJson(res, r.status ?? 200, r.json, r.headers);
  else if ('text' in r) sendText(res, r.status ?? 200, r.text, r.type, r.headers);
  else sendEmpty(res, r.status);
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? SERVER_DEFAULTS.host;
  const limits: ServerLimits = Object.freeze({ ...SERVER_LIMITS, ...Object.fromEntries(Object.entries(options.limits ?? {}).filter(([, v]) => v !== undefined)) });
  checkConfig(host, options.token, limits);
  const log = options.log ?? ((line: string) => void process.stderr.write(line + '\n'));

  const store = Store.open(options.dataDir ?? SERVER_DEFAULTS.dataDir);
  const interrupted = store.interruptUnfinished((lang) => ({ code: 'interrupted', message: messages(lang).interruptedRestart() }));
  const runs = new RunManager({ store, limits, log, ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}) });
  const reports = new ReportRenderer(limits);
  const services: Services = {
    store,
    runs,
    reports,
    limits,
    version: packageVersion(),
    examplesDir: options.examplesDir ?? `${PACKAGE_ROOT}examples/luoyang`,
    webDir: options.webDir ?? `${PACKAGE_ROOT}dist/web`,
  };
  const studies = new StudyManager({ studies: studyStoreOf(store), log });

  const apiRoutes: AnyRoute[] = [
    ...metaRoutes(services),
    ...templateRoutes(),
    ...exampleRoutes(services),
    ...validateRoutes(),
    ...priceRoutes(),
    ...propertyRoutes(),
    ...projectRoutes(services),
    ...runRoutes(services),
    ...resultRoutes(services),
    ...reportRoutes(services),
    ...studyRoutes(services, studies),
  ];
  let document: object | undefined;
  const openapi: AnyRoute = route({
    method: 'GET',
    path: '/api/openapi.json',
    operationId: 'openapi',
    summary: 'This document (OpenAPI 3.1), written from the same zod schemas the server validates with',
    tag: 'meta',
    responses: { 200: { description: 'The OpenAPI document', types: ['application/json'] } },
    handle: (): Reply => ({ json: (document ??= openApiDocument([...apiRoutes, openapi], services.version)), headers: { 'Cache-Control': 'no-cache' } }),
  });
  const router = new Router([...apiRoutes, openapi]);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let m = messages('en');
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const lang = requestLang(url.searchParams, req);
      m = messages(lang);
      if (options.token === undefined && isLoopback(host)) {
        const name = hostName(req.headers.host);
        if (!isLoopback(name) && name !== host) throw new HttpError(403, 'forbidden_host', m.forbiddenHost(name));
      }
      const path = url.pathname;
      if (path !== '/api' && !path.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', m.methodNotAllowed(req.method ?? '', path, 'GET, HEAD'), undefined, { Allow: 'GET, HEAD' });
        serveStatic(req, res, path, services.webDir, m);
        return;
      }
      if (options.token !== undefined && !bearerOk(req, url, options.token)) throw new HttpError(401, 'unauthorized', m.unauthorized(), undefined, { 'WWW-Authenticate': 'Bearer' });
      let found;
      try {
        found = router.match(req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET'), path);
      } catch {
        throw new HttpError(400, 'invalid_request', m.routeNotFound(req.method ?? '', path));
      }
      if (found.kind === 'none') throw new HttpError(404, 'not_found', m.routeNotFound(req.method ?? '', path));
      if (found.kind === 'method') {
        const allowed = [...new Set(found.allowed)].join(', ');
        throw new HttpError(405, 'method_not_allowed', m.methodNotAllowed(req.method ?? '', path, allowed), undefined, { Allow: allowed });
      }
      const r = found.route;
      const query = r.query ? parseWith(r.query, Object.fromEntries(url.searchParams), lang, m) : {};
      const body = r.body ? parseWith(r.body, await jsonBody(req, r, limits.bodyBytes, m), lang, m) : undefined;
      if (!r.body) req.resume();
      reply(res, await r.handle({ req, res, url, params: found.params, query, body, lang, m }));
    } catch (e) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) {
        sendJson(res, e.status, e.body(), e.headers);
        return;
      }
      const id = randomUUID().slice(0, 8);
      log(`chuneng serve: error ${id} on ${req.method} ${req.url}: ${(e as Error)?.stack ?? String(e)}`);
      sendJson(res, 500, new HttpError(500, 'internal', m.internal(id)).body());
    }
  };

  const server: Server = createServer({ requestTimeout: 120_000 }, (req, res) => void handle(req, res));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? SERVER_DEFAULTS.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    store.close();
    throw e;
  }
  const address = server.address() as AddressInfo;
  const shown = isIP(address.address) === 6 ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${address.port}/`,
    host: address.address,
    port: address.port,
    store,
    runs,
    limits,
    interrupted,
    close: () =>
      (closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.all([runs.shutdown(), reports.close(), studies.shutdown()]);
        server.closeAllConnections();
        await closed;
        store.close();
      })()),
  };
}
