/**
 * Test helpers for the server: a small fast project (a battery given by its performance, a generated price file),
 * a server on 127.0.0.1 with a fresh data folder, a JSON client, and a reader of server-sent events.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from './app.js';
import { hourlyPricesCsv } from '../project/testing.js';

/** A year of hourly prices (Beijing time): 100 yuan/MWh 00–04, 500 yuan/MWh 18–22, 300 otherwise. */
export const pricesCsv = (year = 2025): string => hourlyPricesCsv(year);

/** A 10 MW / 40 MWh battery on the price file above: one LP over a year, a second or two. */
export function batteryProject(overrides: { discountRate?: string; name?: string } = {}) {
  return {
    name: overrides.name ?? 'battery test',
    market: { year: 2025, prices: 'prices.csv' },
    dispatch: { horizon: 'year' },
    plants: [
      {
        name: 'battery',
        performance: { power: '10 MW', energy: '40 MWh', roundTripEfficiency: '81 %' },
        finance: {
          discountRate: overrides.discountRate ?? '8 %',
          operatingYears: '10 years',
          capex: { items: [{ kind: 'perEnergy', name: 'system', energy: '40 MWh', unitCost: '500 yuan/kWh' }] },
        },
      },
    ],
  };
}

export function tempDir(prefix = 'chuneng-server-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function testServer(options: ServerOptions = {}): Promise<RunningServer> {
  return startServer({ host: '127.0.0.1', port: 0, dataDir: tempDir(), log: () => {}, ...options });
}

export interface Answer<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly text: string;
}

/** A request to the server; the body is parsed when it is JSON. */
export async function call<T = any>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const res = await fetch(new URL(path, base), {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json') && text ? (JSON.parse(text) as T) : (undefined as T);
  return { status: res.status, headers: res.headers, body: json, text };
}

export interface SseEvent {
  readonly event: string;
  readonly data: any;
}

/**
 * Reads a server-sent-event stream to its end (or until `stop` says so), returning the events in order.
 * `onEvent` sees each as it arrives.
 */
export async function readEvents(url: string, onEvent: (e: SseEvent) => void = () => {}, headers: Record<string, string> = {}): Promise<{ status: number; events: SseEvent[]; type: string }> {
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers } });
  const events: SseEvent[] = [];
  const type = res.headers.get('content-type') ?? '';
  if (!res.body || !type.startsWith('text/event-stream')) return { status: res.status, events, type };
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length === 0) continue;
      const e = { event, data: JSON.parse(data.join('\n')) };
      events.push(e);
      onEvent(e);
    }
  }
  return { status: res.status, events, type };
}

/** Polls until `check` returns a value (not undefined), at most `seconds`. */
export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, seconds = 30, what = 'the condition'): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
