/**
 * The periodic design cycle of a template plant (periodic.ts, and the hold test and part-load maps computed with
 * it) depends only on the template, its parameters and the site's ambient air: a second evaluation of the same
 * plant in one process (the server, a study, the web app re-evaluating after a money input changed) takes the
 * first one's results instead of running the cycles again. In memory, per process; the least recently used plant
 * goes first once `maxEntries` are kept.
 *
 * The key is a canonical JSON text (object members sorted at every level, so the order a file lists parameters in
 * does not matter): exact, where a shorter hash could, however rarely, give one plant another's numbers.
 *
 * Below the memory, a persistent store may keep results across processes (usePersistentStore): the Node edge's disk
 * cache (src/project/cache-node.ts), so that a second `chuneng evaluate` of the same plant skips its design cycle.
 * This file stays browser-safe: the store is an interface, and without one nothing leaves the process.
 */

/** What the periodic design cycle of a template plant depends on. */
export interface PeriodicCycleInputs {
  readonly template: string;
  /** The template's parameters as parsed (SI numbers). */
  readonly parameters: unknown;
  /** Unit: K */
  readonly ambientTemperature: number;
  /** Unit: Pa */
  readonly ambientPressure: number;
}

/** The stable key of a plant's periodic design cycle: canonical JSON of its inputs. */
export function periodicCycleKey(inputs: PeriodicCycleInputs): string {
  return canonicalJson({
    template: inputs.template,
    parameters: inputs.parameters ?? {},
    ambientTemperature: inputs.ambientTemperature,
    ambientPressure: inputs.ambientPressure,
  });
}

/** JSON with object members sorted by name at every level; typed arrays as arrays. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/** How many plants' periodic design cycles a process keeps. */
export const PERIODIC_CACHE = Object.freeze({ maxEntries: 16 });

/**
 * Results kept across processes, by namespace (what kind of result) and key (periodicCycleKey or the like). `read`
 * returns undefined when it has nothing (or nothing it can trust: an unreadable or foreign entry); `write` keeps a
 * copy (structured data: plain objects, arrays, typed arrays, numbers including NaN). Neither may throw.
 */
export interface PersistentStore {
  read(namespace: string, key: string): unknown;
  write(namespace: string, key: string, value: unknown): void;
}

let persistentStore: PersistentStore | undefined;

/** Puts a persistent store under every PeriodicCache of the process (undefined: memory only, the default). */
export function usePersistentStore(store: PersistentStore | undefined): void {
  persistentStore = store;
}

/** Every cache of the process, so that clearPeriodicCaches() can empty them all. */
const ALL_CACHES = new Set<{ clear(): void }>();

/** Empties every in-memory PeriodicCache of the process (a persistent store keeps its entries). */
export function clearPeriodicCaches(): void {
  for (const c of ALL_CACHES) c.clear();
}

/** An in-memory cache of computed results by key, least recently used out, over the persistent store if there is one. */
export class PeriodicCache<T> {
  private readonly entries = new Map<string, T>();
  /** Lookups answered from memory, from the persistent store, and those computed. */
  hits = 0;
  storeHits = 0;
  misses = 0;

  constructor(
    private readonly maxEntries: number = PERIODIC_CACHE.maxEntries,
    /** What kind of result this cache keeps (the persistent store's namespace). */
    readonly namespace: string = 'periodic-cycle',
  ) {
    if (!(Number.isInteger(maxEntries) && maxEntries >= 1)) throw new RangeError(`PeriodicCache: maxEntries = ${maxEntries} is not valid; valid: an integer ≥ 1`);
    ALL_CACHES.add(this);
  }

  /** The kept result for `key` (memory, then the persistent store), or `compute()`'s, then kept (a computation that throws keeps nothing). */
  get(key: string, compute: () => T): T {
    if (this.entries.has(key)) {
      const kept = this.entries.get(key) as T;
      this.hits++;
      this.entries.delete(key); // most recently used last
      this.entries.set(key, kept);
      return kept;
    }
    const store = persistentStore;
    const stored = store?.read(this.namespace, key);
    let value: T;
    if (stored !== undefined) {
      this.storeHits++;
      value = stored as T;
    } else {
      this.misses++;
      value = compute();
      store?.write(this.namespace, key, value);
    }
    this.keep(key, value);
    return value;
  }

  /** get() for a computation that runs asynchronously (a year of dispatch); concurrent lookups of one key each compute. */
  async getAsync(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.entries.has(key)) return this.get(key, () => this.entries.get(key) as T);
    const stored = persistentStore?.read(this.namespace, key);
    if (stored !== undefined) {
      this.storeHits++;
      this.keep(key, stored as T);
      return stored as T;
    }
    this.misses++;
    const value = await compute();
    persistentStore?.write(this.namespace, key, value);
    this.keep(key, value);
    return value;
  }

  private keep(key: string, value: T): void {
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
