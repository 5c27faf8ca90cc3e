/**
 * The Luoyang examples (examples/luoyang), bundled into the worker as text: the static build offers the same
 * examples as `GET /api/examples` without a server. A project's description is its leading comment.
 */
import { parse as parseYaml } from 'yaml';
import compare from '../../../examples/luoyang/compare.yaml?raw';
import co2 from '../../../examples/luoyang/co2-gas-liquid.yaml?raw';
import acaes from '../../../examples/luoyang/a-caes.yaml?raw';
import liIon from '../../../examples/luoyang/li-ion.yaml?raw';
import liquidCo2 from '../../../examples/luoyang/liquid-co2.yaml?raw';
import type { ExampleInfo, ProjectDocument } from './types.js';

const TEXTS: Readonly<Record<string, string>> = { compare, 'co2-gas-liquid': co2, 'a-caes': acaes, 'li-ion': liIon, 'liquid-co2': liquidCo2 };

/** The comment lines before the first key, joined. */
export function leadingComment(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    lines.push(line.replace(/^#\s?/, ''));
  }
  return lines.join(' ').trim();
}

export function listExamples(): ExampleInfo[] {
  return Object.entries(TEXTS).map(([id, text]) => ({ id, name: String((parseYaml(text) as { name?: unknown }).name ?? id), description: leadingComment(text) }));
}

export function loadExample(id: string): ProjectDocument {
  const text = TEXTS[id];
  if (text === undefined) throw new Error(`no example "${id}" (examples: ${Object.keys(TEXTS).join(', ')})`);
  const project = parseYaml(text) as { name?: unknown };
  return { name: String(project.name ?? id), project, files: {} };
}
