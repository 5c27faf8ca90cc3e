/**
 * The study's file edge in Node: a study file, the project file it names (relative to the study) and the files that
 * project names (its price file, relative to the project), read once into a StudyInput — plain data a worker thread,
 * a Redis job or the store can carry — with the study's hash over all of it.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ProjectFileError } from '../errors.js';
import { parseProjectValue, readFromMap } from '../parse.js';
import { applyAssignments } from '../set-path.js';
import { readRelativeTo } from '../files.js';
import { PROJECT_LIMITS } from '../limits.js';
import { hashValue } from './hash.js';
import { parseStudyValue, type StudySpec } from './spec.js';

/** Everything a study's cases need, as plain data (JSON-safe). */
export interface StudyInput {
  /** The study file's value (as parsed, units in strings). */
  readonly studyValue: unknown;
  /** The project file's value (as parsed, units in strings). */
  readonly project: unknown;
  /** Files the project names, name → text. */
  readonly files: Readonly<Record<string, string>>;
  /** 32 hex digits over the three above: the study's identity in the store and in job ids. */
  readonly hash: string;
}

function readYaml(path: string, what: string): unknown {
  let text: string;
  try {
    const bytes = statSync(path).size;
    if (bytes > PROJECT_LIMITS.projectFileBytes) throw new Error(`${(bytes / 2 ** 20).toFixed(1)} MiB; a project or study file has at most ${PROJECT_LIMITS.projectFileBytes / 2 ** 20} MiB`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ProjectFileError(path, [{ field: '', message: `cannot read the ${what}: ${(e as Error).message}` }]);
  }
  try {
    return parseYaml(text);
  } catch (e) {
    throw new ProjectFileError(path, [{ field: '', message: `not valid YAML/JSON: ${(e as Error).message}` }]);
  }
}

/** The files a project value names (its price file), read relative to the project's folder. */
export function projectFiles(project: unknown, baseDir: string): Record<string, string> {
  const prices = (project as { market?: { prices?: unknown } } | null)?.market?.prices;
  return typeof prices === 'string' ? { [prices]: readRelativeTo(baseDir)(prices) } : {};
}

/** Builds a StudyInput from values (the server's API and the tests give them without files). */
export function studyInput(studyValue: unknown, project: unknown, files: Readonly<Record<string, string>> = {}): StudyInput {
  return { studyValue, project, files, hash: hashValue({ study: studyValue, project, files }) };
}

/** Reads a study file, its project and the project's files; the study and the project are checked before anything runs. */
export function loadStudyFile(path: string): { input: StudyInput; spec: StudySpec } {
  const studyValue = readYaml(path, 'study file');
  const spec = parseStudyValue(studyValue, path);
  const projectPath = resolve(dirname(resolve(path)), spec.project);
  const project = readYaml(projectPath, `project file named by ${path}`);
  const files = projectFiles(project, dirname(projectPath));
  parseProjectValue(project, projectPath, readFromMap(files)); // the project as it is must be valid
  return { input: studyInput(studyValue, project, files), spec };
}

/**
 * A project file with `--set path=value` assignments applied before it is checked (for `chuneng evaluate --set`):
 * the same result as loadProjectFile (src/project/files.ts) when there are none.
 */
export function loadProjectFileWithSets(path: string, assignments: readonly string[]) {
  const raw = applyAssignments(readYaml(path, 'project file'), assignments);
  const baseDir = dirname(resolve(path));
  return { ...parseProjectValue(raw, path, readRelativeTo(baseDir)), baseDir };
}
