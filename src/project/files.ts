/**
 * The project's file edge in Node: reading a project file and the files it names (relative to it). The rest of
 * src/project touches no files, so it runs in a browser too.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseProjectText, type LoadedProject } from './parse.js';
import { ProjectFileError } from './errors.js';
import { PROJECT_LIMITS } from './limits.js';
import { checkSize, readRelativeTo } from './read-files-node.js';

export { readRelativeTo } from './read-files-node.js';

export function loadProjectFile(path: string): LoadedProject & { readonly baseDir: string } {
  let text: string;
  try {
    checkSize(path, PROJECT_LIMITS.projectFileBytes, 'a project file');
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ProjectFileError(path, [{ field: '', message: `cannot read the file: ${(e as Error).message}` }]);
  }
  const baseDir = dirname(resolve(path));
  return { ...parseProjectText(text, path, readRelativeTo(baseDir)), baseDir };
}
