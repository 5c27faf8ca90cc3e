/** The example projects (examples/luoyang): listed with the description their files open with, and loaded as JSON. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { HttpError } from '../errors.js';
import { route } from '../router.js';
import { Example, ExampleInfo } from '../schemas.js';
import type { Services } from '../services.js';
import { errors } from './responses.js';

interface ExampleProject {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly project: Record<string, unknown>;
  readonly files: Record<string, string>;
}

/** The examples of a folder: each .yaml/.json project with its leading comment as description and the files it names. */
export function readExamples(dir: string): ExampleProject[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  } catch {
    return [];
  }
  return names.map((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const project = parseYaml(text) as Record<string, unknown>;
    const lead: string[] = [];
    for (const line of text.split('\n')) {
      if (!line.startsWith('#')) break;
      lead.push(line.replace(/^#\s?/, ''));
    }
    const files: Record<string, string> = {};
    const prices = (project.market as { prices?: unknown } | undefined)?.prices;
    if (typeof prices === 'string') files[prices] = readFileSync(join(dir, prices), 'utf8');
    const id = basename(file, extname(file));
    return { id, name: typeof project.name === 'string' ? project.name : id, description: lead.join(' ').replace(/\s+/g, ' ').trim(), project, files };
  });
}

export function exampleRoutes(s: Services) {
  let cache: ExampleProject[] | undefined;
  const examples = () => (cache ??= readExamples(s.examplesDir));
  return [
    route({
      method: 'GET',
      path: '/api/examples',
      operationId: 'listExamples',
      summary: 'The example projects (Luoyang: CO2, CAES and Li-ion on the Henan tariff)',
      tag: 'examples',
      responses: { 200: { description: 'Each example', schema: z.array(ExampleInfo) } },
      handle: () => ({ json: examples().map(({ id, name, description }) => ({ id, name, description })) }),
    }),
    route({
      method: 'GET',
      path: '/api/examples/:id',
      operationId: 'getExample',
      summary: 'An example project as JSON, with the files it names',
      tag: 'examples',
      params: { id: 'An id from GET /api/examples' },
      responses: { 200: { description: 'The example', schema: Example }, ...errors(404) },
      handle: ({ params, m }) => {
        const e = examples().find((x) => x.id === params.id);
        if (!e) throw new HttpError(404, 'not_found', m.notFound('example', params.id));
        return { json: { id: e.id, name: e.name, project: e.project, files: e.files } };
      },
    }),
  ];
}
