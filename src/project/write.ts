/**
 * Writing a results folder so that a folder that looks complete is complete: the files are written into a
 * temporary folder beside the target with a manifest (name, bytes, SHA-256 of each file) written last, and the
 * folder is renamed into place only then. An old folder is replaced whole, never mixed; a lock file beside the
 * target keeps two runs from writing one folder. A reader trusts a folder that has its manifest.
 */
import { createHash, randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeDurably } from './durable-write.node.js';
import type { ProjectEvaluation } from './evaluate.js';
import { resultFiles, type ResultFile } from './output.js';

/** A results folder that cannot be written, or is being written by another run. */
export class ResultsFolderError extends Error {
  readonly folder: string;
  constructor(folder: string, message: string) {
    super(`${folder}: ${message}`);
    this.name = 'ResultsFolderError';
    this.folder = folder;
  }
}

export const MANIFEST = 'manifest.json';

/** Refuses a target that cannot be written (its parent must exist and be writable) before anything is computed. */
export function checkWritable(dir: string): void {
  const target = resolve(dir);
  const parent = dirname(target);
  try {
    mkdirSync(parent, { recursive: true });
    accessSync(parent, constants.W_OK);
  } catch (e) {
    throw new ResultsFolderError(dir, `cannot write here (${(e as Error).message})`);
  }
  if (existsSync(target) && !statSync(target).isDirectory()) throw new ResultsFolderError(dir, 'exists and is not a folder');
  // a real write, not only the permission bits: /proc and read-only mounts pass access() but refuse files
  const probe = join(parent, `.${basename(target)}.probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(probe, '');
  } catch (e) {
    throw new ResultsFolderError(dir, `cannot write here (${(e as Error).message})`);
  } finally {
    rmSync(probe, { force: true });
  }
}

/**
 * Holds the folder's lock (`.NAME.lock` beside it, holding the writer's pid) while `work` runs; a second run into the
 * same folder is refused at once. A lock whose process is gone (a killed run) is taken over.
 */
export async function withFolderLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const target = resolve(dir);
  const lock = join(dirname(target), `.${basename(target)}.lock`);
  mkdirSync(dirname(target), { recursive: true });
  let fd: number | undefined;
  for (let attempt = 0; fd === undefined; attempt++) {
    try {
      fd = openSync(lock, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new ResultsFolderError(dir, `cannot lock (${(e as Error).message})`);
      const holder = Number.parseInt(readText(lock), 10);
      if (attempt === 0 && Number.isInteger(holder) && !alive(holder)) {
        rmSync(lock, { force: true });
        continue;
      }
      throw new ResultsFolderError(dir, `another run is writing this folder (process ${Number.isInteger(holder) ? holder : '?'}, lock ${lock})`);
    }
  }
  writeSync(fd, `${process.pid}\n`);
  closeSync(fd);
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Whether a process of this machine is running (signal 0 tests without signalling). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes files as one folder, atomically (see the header). Returns the paths written. */
export function writeFolder(dir: string, files: readonly ResultFile[]): string[] {
  const target = resolve(dir);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(dirname(target), `.${basename(target)}.tmp-${tag}`);
  removeAbandoned(target);
  mkdirSync(staging, { recursive: true });
  try {
    const manifest = files.map((f) => {
      writeDurably(join(staging, f.name), f.text);
      return { name: f.name, bytes: Buffer.byteLength(f.text), sha256: createHash('sha256').update(f.text).digest('hex') };
    });
    writeDurably(join(staging, MANIFEST), JSON.stringify({ complete: true, written: new Date().toISOString(), files: manifest }, null, 2) + '\n');
    if (existsSync(target)) {
      const old = join(dirname(target), `.${basename(target)}.old-${tag}`);
      renameSync(target, old);
      renameSync(staging, target);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(staging, target);
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw new ResultsFolderError(dir, `results not written (${(e as Error).message}); nothing was left half-written`);
  }
  return [...files.map((f) => join(dir, f.name)), join(dir, MANIFEST)];
}

/** Staging and old folders left by runs that were killed (their process is gone) are removed. */
function removeAbandoned(target: string): void {
  const prefix = `.${basename(target)}.`;
  for (const name of readdirSync(dirname(target))) {
    const m = /^(?:tmp|old)-(\d+)-[0-9a-f]+$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : '');
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(dirname(target), name), { recursive: true, force: true });
  }
}

/** Writes a run's results folder (output.ts resultFiles) atomically. */
export function writeResults(e: ProjectEvaluation, dir: string, currency = 'CNY'): string[] {
  return writeFolder(dir, resultFiles(e, currency));
}
