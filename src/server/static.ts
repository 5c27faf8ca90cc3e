/**
 * The built web app (dist/web) for every path outside /api: files with their content types, hashed assets cached
 * for a year (their names change with their content), index.html for the app's own paths (it routes in the
 * browser), and a short page saying how to build the app when dist/web is missing.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Messages } from './messages.js';
import { sendText } from './http.js';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
};

/** Vite's output names: `name-<hash>.ext` with a hash of 8 or more URL-safe characters. */
const HASHED = /[.-][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

const HTML_HEADERS = { 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY' } as const;

function fileAt(path: string): Stats | undefined {
  try {
    const s = statSync(path);
    return s.isFile() ? s : undefined;
  } catch {
    return undefined;
  }
}

export function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, webDir: string, m: Messages): void {
  const root = normalize(webDir + sep);
  const index = join(root, 'index.html');
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    sendText(res, 400, 'bad path', 'text/plain; charset=utf-8');
    return;
  }
  const wanted = normalize(join(root, relative));
  // a path climbing out of the app's folder gets the app, never the file
  const inside = wanted.startsWith(root) && !relative.includes('\0');
  let path = inside ? wanted : index;
  let stats = inside ? fileAt(path) : undefined;
  if (!stats && inside && fileAt(join(wanted, 'index.html'))) stats = fileAt((path = join(wanted, 'index.html')));
  if (!stats) {
    const lastSegment = relative.split('/').pop() ?? '';
    if (lastSegment.includes('.') && relative !== '/') {
      sendText(res, 404, 'not found', 'text/plain; charset=utf-8');
      return;
    }
    stats = fileAt((path = index));
  }
  if (!stats) {
    const text = m.noStaticApp();
    sendText(res, 200, `<!doctype html><html><head><meta charset="utf-8"><title>Chuneng</title></head><body><h1>Chuneng 储能</h1><p>${text}</p></body></html>\n`, 'text/html; charset=utf-8', HTML_HEADERS);
    return;
  }
  const ext = extname(path).toLowerCase();
  const type = CONTENT_TYPES[ext] ?? 'application/octet-stream';
  const isHtml = ext === '.html';
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Cache-Control': !isHtml && HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
    ...(isHtml ? HTML_HEADERS : {}),
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': String(stats.size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res);
}
