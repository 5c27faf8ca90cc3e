/**
 * The OpenAPI 3.1 document of the API, written from the routes themselves: their paths, parameters and the zod
 * schemas they validate requests with and answer with (./schemas.ts, the project file's schema among them).
 */
import { z } from 'zod';
import type { AnyRoute, ResponseDoc } from './router.js';
import { DOCUMENTED_AS, NAMED_SCHEMAS } from './schemas.js';

type Json = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Path parameters that are indices or versions. */
const INTEGER_PARAMS = new Set(['i', 'v']);

export function openApiDocument(routes: readonly AnyRoute[], version: string): Json {
  const registry = z.registry<{ id: string; description?: string }>();
  const ids = new Map<z.ZodType, string>();
  for (const n of NAMED_SCHEMAS) {
    registry.add(n.schema, n.description === undefined ? { id: n.id } : { id: n.id, description: n.description });
    ids.set(n.schema, n.id);
  }
  // a schema used by a route without a name of its own (an array of a named one) is written inline
  const inline = new Set<string>();
  const idOf = (schema: z.ZodType): string => {
    let id = ids.get(schema);
    if (id === undefined) {
      id = `_inline${ids.size}`;
      ids.set(schema, id);
      registry.add(schema, { id });
      inline.add(id);
    }
    return id;
  };
  for (const r of routes) {
    if (r.body) idOf(r.body);
    for (const doc of Object.values(r.responses) as ResponseDoc[]) if (doc.schema) idOf(doc.schema);
  }
  const documentedId = new Map<unknown, string>([...DOCUMENTED_AS].map(([stand, real]) => [stand, ids.get(real)!]));
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    override: (ctx) => {
      const id = documentedId.get(ctx.zodSchema);
      if (id === undefined) return;
      for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Json)[key];
      Object.assign(ctx.jsonSchema, ref(id));
    },
  }) as { schemas: Record<string, Json> };
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  const schemaOf = (schema: z.ZodType): Json => {
    const id = idOf(schema);
    return inline.has(id) ? schemas[id] : ref(id);
  };

  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const parameters: Json[] = [];
    for (const [, name] of r.path.matchAll(/:(\w+)/g)) {
      parameters.push({
        name,
        in: 'path',
        required: true,
        ...(r.params?.[name] ? { description: r.params[name] } : {}),
        schema: INTEGER_PARAMS.has(name) ? { type: 'integer', minimum: 0 } : { type: 'string' },
      });
    }
    if (r.query) {
      const q = z.toJSONSchema(r.query as z.ZodType, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Json>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        const { description, ...rest } = schema;
        parameters.push({ name, in: 'query', required: q.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest });
      }
    }
    if (!parameters.some((p) => p.name === 'lang')) parameters.push({ $ref: '#/components/parameters/lang' });
    const responses: Record<string, Json> = {};
    for (const [status, doc] of Object.entries(r.responses) as [string, ResponseDoc][]) {
      const content: Record<string, Json> = {};
      if (doc.schema) content['application/json'] = { schema: schemaOf(doc.schema) };
      for (const type of doc.types ?? []) content[type] = { schema: type.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' } };
      responses[status] = { description: doc.description, ...(Object.keys(content).length ? { content } : {}) };
    }
    responses['500'] ??= { description: 'An unexpected error (logged by the server with the id in the message)', content: { 'application/json': { schema: ref('Error') } } };
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      parameters,
      ...(r.body ? { requestBody: { required: !r.bodyOptional, content: { 'application/json': { schema: schemaOf(r.body) } } } } : {}),
      responses,
    };
  }
  for (const id of inline) delete schemas[id];

  return {
    openapi: '3.1.0',
    info: {
      title: 'Chuneng workbench API',
      version,
      description:
        'Projects (every saved version), runs (evaluations as queued jobs with progress and server-sent events), results, reports, template ' +
        'parameter documentation and fluid properties. JSON everywhere, SI units inside; errors are data: { error: { status, code, message, issues? } }. ' +
        '?lang=zh|en (or Accept-Language) picks the language of messages. A server bound beyond loopback needs Authorization: Bearer <token>.',
    },
    servers: [{ url: '/' }],
    security: [{}, { bearer: [] }],
    paths,
    components: {
      schemas,
      parameters: { lang: { name: 'lang', in: 'query', required: false, description: 'Language of messages (else Accept-Language, else en)', schema: { type: 'string', enum: ['en', 'zh'] } } },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The token given to chuneng serve --token (needed when bound beyond loopback)' } },
    },
  };
}
