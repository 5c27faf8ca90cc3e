/**
 * The disk cache of the Node edge: the periodic design cycle and part-load maps of a template plant, its detail
 * (design points and one transient cycle), and a plant's year of dispatch (a li-ion plant's life) kept across
 * processes, so that a second `chuneng evaluate` of the same plant skips the physics that depends only on the
 * template, its parameters and the design ambient, and of the same project its dispatches (year-cache.ts).
 *
 * Where: $XDG_CACHE_HOME/chuneng, else ~/.cache/chuneng (or the folder given). What: one file per result, named by
 * the SHA-256 of the package version, the code's build id, the kind of result and its key (the canonical JSON of
 * the plant's parameters and ambient, periodic-cache.ts), holding those four beside the value (V8's serializer:
 * typed arrays, NaN and every double exactly). A file is trusted only when all four match, so a hash collision,
 * another version or another build reads as a miss. Writes go to a temporary file renamed into place
 * (writeFileAtomic, atomic on one file system): a reader never sees half a file, and two processes writing the same
 * entry leave one whole. A write that fails (a full disk, a read-only home) is recorded in lastError, not thrown.
 *
 * The build id is the SHA-256 of the code the cached results are computed by: every source file of the library's
 * layers up to the project (units … project; by the layer rule the adapters above cannot change a result), from the
 * folder this module runs from (src/ under tsx, dist/ when built). Any change to that code invalidates every entry;
 * entries are never evicted (a few hundred kB a plant and year). Reading and hashing those files (about 3 MB, 400
 * files) costs 45–60 ms of CPU a process; so the id is kept in the cache folder under the files' stat signature —
 * each file's path, size, inode, modification and change times, as git's index tells a changed file — and read
 * back (about 5 ms: one stat a file) while the signature holds. A write to a file moves its change time, which no
 * program can set back; a file changed within BUILD_ID.settleMs of the id's computation (the file system's clock
 * may not have ticked between two writes) keeps the id from being kept.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { usePersistentStore, type PersistentStore } from '../plant/templates/periodic-cache.js';
import { writeFileAtomic } from './durable-write.node.js';

/** The layers whose code the cached results depend on (and single files above them, should one shape a result). */
export const CACHED_CODE = Object.freeze({ layers: ['units', 'numerics', 'fluids', 'plant', 'battery', 'dispatch', 'finance', 'project'], files: [] as string[] });

/** $XDG_CACHE_HOME/chuneng, else ~/.cache/chuneng. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'chuneng');
}

export const BUILD_ID = Object.freeze({
  /** A kept id is trusted only if every file was last changed this long before it was computed. Unit: ms */
  settleMs: 2000,
});

let buildIdMemo: string | undefined;

/**
 * SHA-256 (hex) of the code the cached results depend on (CACHED_CODE), once per process; kept in `keepIn` (the
 * cache folder) under the files' stat signature when given (see the header).
 */
export function codeBuildId(keepIn?: string): string {
  if (buildIdMemo !== undefined) return buildIdMemo;
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here); // .ts under tsx, .js when built
  buildIdMemo = buildIdOf(fileURLToPath(new URL('../', import.meta.url)), ext, keepIn);
  return buildIdMemo;
}

/**
 * The build id of the library under `root` (its CACHED_CODE files ending in `ext`), kept in and read back from
 * `keepIn` under the files' stat signature when given. `now` and `settleMs`: for the tests.
 */
export function buildIdOf(root: string, ext: string, keepIn?: string, settleMs: number = BUILD_ID.settleMs, now: () => number = Date.now): string {
  const source = (f: string) => f.endsWith(ext) && !f.endsWith(`.test${ext}`) && !f.endsWith(`.d${ext}`);
  const files: string[] = [];
  for (const layer of CACHED_CODE.layers) {
    for (const f of readdirSync(join(root, layer), { recursive: true }) as string[]) if (source(f)) files.push(join(layer, f));
  }
  for (const f of CACHED_CODE.files) files.push(f + ext);
  files.sort();
  let signature: string | undefined;
  let latestChange = 0;
  if (keepIn !== undefined) {
    const sig = createHash('sha256').update(root).update('\0');
    for (const f of files) {
      const st = statSync(join(root, f), { bigint: true });
      sig.update(`${f}\0${st.size}\0${st.ino}\0${st.mtimeNs}\0${st.ctimeNs}\0`);
      latestChange = Math.max(latestChange, Number(st.ctimeNs / 1_000_000n), Number(st.mtimeNs / 1_000_000n));
    }
    signature = sig.digest('hex');
    try {
      const kept = deserialize(readFileSync(keptBuildIdFile(keepIn, signature))) as { signature?: unknown; id?: unknown };
      if (kept.signature === signature && typeof kept.id === 'string' && /^[0-9a-f]{64}$/.test(kept.id)) return kept.id;
    } catch {
      // not kept yet, or damaged: computed afresh
    }
  }
  const h = createHash('sha256');
  for (const f of files) {
    h.update(f).update('\0');
    h.update(readFileSync(join(root, f))).update('\0');
  }
  const id = h.digest('hex');
  if (signature !== undefined && keepIn !== undefined && latestChange < now() - settleMs) {
    try {
      mkdirSync(keepIn, { recursive: true });
      writeFileAtomic(keptBuildIdFile(keepIn, signature), serialize({ signature, id }));
    } catch {
      // a read-only cache folder: computed again next time
    }
  }
  return id;
}

/** Where a build id is kept: beside the cache's entries, named as they are. */
function keptBuildIdFile(dir: string, signature: string): string {
  return join(dir, `build-id-${signature.slice(0, 40)}.v8`);
}

/** The package's version (package.json beside src/ and dist/). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version?: unknown };
  return String(pkg.version ?? '0');
}

interface Entry {
  readonly version: string;
  readonly build: string;
  readonly namespace: string;
  readonly key: string;
  readonly value: unknown;
}

/** A PersistentStore on disk; `reads`, `hits`, `writes` and the last failure say what it did. */
export class DiskCache implements PersistentStore {
  reads = 0;
  hits = 0;
  writes = 0;
  /** The last write that failed, and why (a full disk, a read-only home): the run goes on without it. */
  lastError?: string;
  private readonly version: string;

  constructor(
    readonly dir: string = defaultCacheDir(),
    private readonly build: () => string = () => codeBuildId(dir),
    version: string = packageVersion(),
  ) {
    this.version = version;
  }

  /** The file of an entry. */
  file(namespace: string, key: string): string {
    const h = createHash('sha256').update(this.version).update('\0').update(this.build()).update('\0').update(namespace).update('\0').update(key).digest('hex');
    return join(this.dir, `${namespace}-${h.slice(0, 40)}.v8`);
  }

  read(namespace: string, key: string): unknown {
    this.reads++;
    let e: Entry;
    try {
      e = deserialize(readFileSync(this.file(namespace, key))) as Entry;
    } catch {
      return undefined; // absent or unreadable: a miss
    }
    if (!e || e.version !== this.version || e.build !== this.build() || e.namespace !== namespace || e.key !== key) return undefined;
    this.hits++;
    return e.value;
  }

  write(namespace: string, key: string, value: unknown): void {
    const target = this.file(namespace, key);
    try {
      const entry: Entry = { version: this.version, build: this.build(), namespace, key, value };
      mkdirSync(this.dir, { recursive: true });
      writeFileAtomic(target, serialize(entry));
      this.writes++;
    } catch (e) {
      this.lastError = `${target}: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
}

/** Puts a disk cache under the process's template-plant caches (or none: `false`); returns it. */
export function useDiskCache(enabled: boolean, dir?: string): DiskCache | undefined {
  const cache = enabled ? new DiskCache(dir) : undefined;
  usePersistentStore(cache);
  return cache;
}
