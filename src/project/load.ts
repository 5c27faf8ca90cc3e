/** Reading a project file (YAML or JSON): parsed by the one schema, every problem reported with its field path. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ProjectSchema, type ProjectSpec } from './schema.js';
import { ProjectFileError } from './errors.js';

export interface LoadedProject {
  readonly spec: ProjectSpec;
  /** Directory of the file: paths in it (price files) are relative to it. */
  readonly baseDir: string;
  readonly resolvePath: (path: string) => string;
}

/** Parses project text (YAML is a superset of JSON). `source` names the file in messages. */
export function parseProjectText(text: string, source = 'project', baseDir = '.'): LoadedProject {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ProjectFileError(source, [{ field: '', message: `not valid YAML/JSON: ${(e as Error).message}` }]);
  }
  const r = ProjectSchema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.map((i) => {
      const field = i.path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
      return { field, message: `${field || 'project'}: ${i.message}` };
    });
    throw new ProjectFileError(source, issues);
  }
  return { spec: r.data, baseDir, resolvePath: (p: string) => resolve(baseDir, p) };
}

export function loadProjectFile(path: string): LoadedProject {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ProjectFileError(path, [{ field: '', message: `cannot read the file: ${(e as Error).message}` }]);
  }
  return parseProjectText(text, path, dirname(resolve(path)));
}
