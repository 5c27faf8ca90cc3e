/**
 * A small router: each endpoint is one `route({...})` value — method, path with `:params`, the zod schemas of its
 * query and body, its documented responses and its handler. The same values drive dispatch, request validation
 * and the OpenAPI document (./openapi.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Messages } from './messages.js';
import type { Lang } from './store.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Context<Q, B> {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Q;
  readonly body: B;
  readonly lang: Lang;
  /** The server's messages in the request's language. */
  readonly m: Messages;
}

/** What a handler answers: JSON, a text or file, nothing (204), or `streamed` when it wrote the response itself (SSE). */
export type Reply =
  | { readonly status?: number; readonly json: unknown; readonly headers?: Readonly<Record<string, string>> }
  | { readonly status?: number; readonly text: string | Uint8Array; readonly type: string; readonly headers?: Readonly<Record<string, string>> }
  | { readonly status: 204 }
  | { readonly streamed: true };

export interface ResponseDoc {
  readonly description: string;
  /** The JSON body's schema (a named one from ./schemas.ts). */
  readonly schema?: z.ZodType;
  /** Other content types this response can have, e.g. text/csv. */
  readonly types?: readonly string[];
}

export interface RouteSpec<Q extends z.ZodType, B extends z.ZodType> {
  readonly method: Method;
  /** e.g. /api/projects/:id/versions/:v */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  /** Descriptions of the path parameters, by name. */
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Q;
  readonly body?: B;
  /** A body may be left out (then it is `{}`). */
  readonly bodyOptional?: boolean;
  readonly responses: Readonly<Record<number, ResponseDoc>>;
  readonly handle: (ctx: Context<z.output<Q>, z.output<B>>) => Reply | Promise<Reply>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any>;

export function route<Q extends z.ZodType = z.ZodObject<{}>, B extends z.ZodType = z.ZodUndefined>(spec: RouteSpec<Q, B>): AnyRoute {
  return spec;
}

interface Compiled {
  readonly route: AnyRoute;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

export type Match = { readonly kind: 'found'; readonly route: AnyRoute; readonly params: Record<string, string> } | { readonly kind: 'method'; readonly allowed: readonly Method[] } | { readonly kind: 'none' };

export class Router {
  readonly routes: readonly AnyRoute[];
  private readonly compiled: readonly Compiled[];

  constructor(routes: readonly AnyRoute[]) {
    this.routes = routes;
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((part) => {
          if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(part.slice(1));
          return '([^/]+)';
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}/?$`), names };
    });
  }

  match(method: string, path: string): Match {
    const allowed: Method[] = [];
    for (const c of this.compiled) {
      const m = c.pattern.exec(path);
      if (!m) continue;
      if (c.route.method !== method) {
        allowed.push(c.route.method);
        continue;
      }
      const params: Record<string, string> = {};
      c.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      return { kind: 'found', route: c.route, params };
    }
    return allowed.length ? { kind: 'method', allowed } : { kind: 'none' };
  }
}
