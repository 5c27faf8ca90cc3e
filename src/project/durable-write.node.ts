/**
 * Writing a file so that it survives a crash and a reader never sees half of it: every byte out (writeSync may write
 * less than asked without an error, at a file-size limit or a full disk), synced, and — for a single file — written
 * beside its target and renamed over it. The results folder (write.ts), the report and the grading outputs all
 * write through here.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes every byte to `path` and syncs it, or throws. */
export function writeDurably(path: string, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = openSync(path, 'w');
  try {
    for (let done = 0; done < bytes.length; ) {
      const n = writeSync(fd, bytes, done, bytes.length - done);
      if (n <= 0) throw new Error(`wrote ${done} of ${bytes.length} bytes of ${basename(path)}`);
      done += n;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes `data` to `path` so that a reader sees the old file or the whole new one: a temporary file beside it, synced, then renamed. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    writeDurably(temp, data);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
