/**
 * The project's file edge in Node: reading a project file and the files it names (relative to it). The rest of
 * src/project touches no files, so it runs in a browser too.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseProjectText, type LoadedProject, type ReadText } from './parse.js';
import { ProjectFileError } from './errors.js';
import { PROJECT_LIMITS } from './limits.js';

/** Reads files named in a project, relative to `baseDir`; a file larger than PROJECT_LIMITS.dataFileBytes is refused unread. */
export function readRelativeTo(baseDir: string): ReadText {
  return (name) => {
    const path = resolve(baseDir, name);
    checkSize(path, PROJECT_LIMITS.dataFileBytes, 'a data file (a year of quarter-hourly prices is about 1.5 MB)');
    return readFileSync(path, 'utf8');
  };
}

function checkSize(path: string, limit: number, what: string): void {
  const bytes = statSync(path).size;
  if (bytes > limit) throw new Error(`${path} has ${(bytes / 2 ** 20).toFixed(1)} MiB; at most ${limit / 2 ** 20} MiB is read as ${what}`);
}

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
