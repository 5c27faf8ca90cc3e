/**
 * Reading project text (YAML is a superset of JSON) into a project: parsed by the one schema, every problem reported
 * with its field path. No file access here, so the same code runs in a browser; src/project/files.ts is the Node edge.
 */
import { parse as parseYaml } from 'yaml';
import type { ProjectSpec } from './schema.js';
import { validateProject, type Lang } from './validate.js';
import { ProjectFileError } from './errors.js';
import { PROJECT_LIMITS } from './limits.js';
import { readFromMap, type ReadText } from './read-text.js';

export { readFromMap, type ReadText } from './read-text.js';

export interface LoadedProject {
  readonly spec: ProjectSpec;
  /** Reads the files the project names (price files), relative to the project. */
  readonly readText: ReadText;
}

/** Parses project text. `source` names the text in messages; `readText` reads the files it names. */
export function parseProjectText(text: string, source = 'project', readText: ReadText = readFromMap({}), lang: Lang = 'en'): LoadedProject {
  if (text.length > PROJECT_LIMITS.projectFileBytes) {
    throw new ProjectFileError(source, [{ field: '', message: `the text has ${text.length} characters; a project file has at most ${PROJECT_LIMITS.projectFileBytes}` }]);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ProjectFileError(source, [{ field: '', message: `not valid YAML/JSON: ${(e as Error).message}` }]);
  }
  return parseProjectValue(raw, source, readText, lang);
}

/**
 * Parses a project given as a value (the project file as JSON). Everything is checked before anything is computed
 * (validate.ts: the schema, every finance section, every template's parameters); the problems come as field issues
 * in `lang`.
 */
export function parseProjectValue(raw: unknown, source = 'project', readText: ReadText = readFromMap({}), lang: Lang = 'en'): LoadedProject {
  const r = validateProject(raw, { lang });
  if (!r.ok) throw new ProjectFileError(source, r.issues);
  return { spec: r.spec, readText };
}
