/**
 * Reading the files a project names from disk, relative to the project's folder (Node), with the size limits of
 * PROJECT_LIMITS. Apart from files.ts (the project file itself, which needs the reader) so that a thread that only
 * evaluates plants loads neither YAML nor the schemas.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReadText } from './read-text.js';
import { PROJECT_LIMITS } from './limits.js';

/** Reads files named in a project, relative to `baseDir`; a file larger than PROJECT_LIMITS.dataFileBytes is refused unread. */
export function readRelativeTo(baseDir: string): ReadText {
  return (name) => {
    const path = resolve(baseDir, name);
    checkSize(path, PROJECT_LIMITS.dataFileBytes, 'a data file (a year of quarter-hourly prices is about 1.5 MB)');
    return readFileSync(path, 'utf8');
  };
}

/** Refuses a file larger than `limit` bytes, unread, naming what it was to be read as. */
export function checkSize(path: string, limit: number, what: string): void {
  const bytes = statSync(path).size;
  if (bytes > limit) throw new Error(`${path} has ${(bytes / 2 ** 20).toFixed(1)} MiB; at most ${limit / 2 ** 20} MiB is read as ${what}`);
}
