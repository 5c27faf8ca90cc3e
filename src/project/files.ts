/**
 * The project's file edge in Node: reading a project file and the files it names (relative to it). The rest of
 * src/project touches no files, so it runs in a browser too.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseProjectText, type LoadedProject, type ReadText } from './parse.js';
import { ProjectFileError } from './errors.js';

/** Reads files named in a project, relative to `baseDir`. */
export function readRelativeTo(baseDir: string): ReadText {
  return (name) => readFileSync(resolve(baseDir, name), 'utf8');
}

export function loadProjectFile(path: string): LoadedProject & { readonly baseDir: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ProjectFileError(path, [{ field: '', message: `cannot read the file: ${(e as Error).message}` }]);
  }
  const baseDir = dirname(resolve(path));
  return { ...parseProjectText(text, path, readRelativeTo(baseDir)), baseDir };
}
