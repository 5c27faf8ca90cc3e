/**
 * A server-sent event stream (text/event-stream) of a run or a study: numbered events, a reconnection delay, and,
 * while it follows the thing's events, a comment every SSE_HEARTBEAT_MS so proxies keep it open; it closes when
 * the thing ends or the client goes away.
 */
import type { ServerResponse } from 'node:http';

/** Between two comments on an idle event stream, so proxies keep it open. Unit: ms */
export const SSE_HEARTBEAT_MS = 15_000;

export interface EventStream<E extends { readonly event: string; readonly data: unknown }> {
  send(e: E): void;
  /** Ends the stream now (the thing has ended already). */
  end(): void;
  /** Sends every event of `subscribe` until `ends(e)` or the client leaves, then unsubscribes and ends. */
  follow(subscribe: (listener: (e: E) => void) => () => void, ends: (e: E) => boolean): void;
}

export function openEventStream<E extends { readonly event: string; readonly data: unknown }>(res: ServerResponse): EventStream<E> {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
    'X-Content-Type-Options': 'nosniff',
  });
  let seq = 0;
  const send = (e: E) => void res.write(`id: ${++seq}\nevent: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
  res.write('retry: 2000\n\n');
  return {
    send,
    end: () => void res.end(),
    follow(subscribe, ends) {
      let open = true;
      const close = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        res.end();
      };
      const unsubscribe = subscribe((e) => {
        send(e);
        if (ends(e)) close();
      });
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), SSE_HEARTBEAT_MS);
      heartbeat.unref();
      res.on('close', close);
    },
  };
}
