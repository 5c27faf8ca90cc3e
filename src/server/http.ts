/** Reading request bodies within the size limit, and writing JSON and text answers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './errors.js';
import type { Messages } from './messages.js';

/**
 * The request's body, at most `limit` bytes: beyond it a 413, answered at once when Content-Length says so and
 * otherwise as soon as the limit is crossed (the rest of the body is not read; the connection is closed after the
 * answer).
 */
export function readBody(req: IncomingMessage, limit: number, m: Messages): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, 'payload_too_large', m.bodyTooLarge(limit), undefined, { Connection: 'close' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (done) return;
      done = true;
      reject(e);
    });
  });
}

const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff' } as const;

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): void {
  sendText(res, status, JSON.stringify(value), 'application/json; charset=utf-8', headers);
}

export function sendText(res: ServerResponse, status: number, text: string | Uint8Array, type: string, headers: Readonly<Record<string, string>> = {}): void {
  const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store', ...headers, 'Content-Type': type, 'Content-Length': String(body.byteLength) });
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Readonly<Record<string, string>> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  res.end();
}

/** A Content-Disposition for a download (UTF-8 names as RFC 6266/5987 ask, with an ASCII fallback). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
