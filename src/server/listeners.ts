/**
 * Who listens to the events of each run or study (the SSE streams), by id: subscribe, count, and deliver an event to
 * every listener of an id. A listener that throws is logged and the others still get the event.
 */
export class EventListeners<E> {
  private readonly byId = new Map<string, Set<(e: E) => void>>();

  /** `what` names the thing listened to in the log, e.g. "run" or "study". */
  constructor(
    private readonly what: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Listens to an id's events until the returned function is called. */
  subscribe(id: string, listener: (e: E) => void): () => void {
    let set = this.byId.get(id);
    if (!set) this.byId.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byId.get(id) === set) this.byId.delete(id);
    };
  }

  /** Number of listeners over all ids. */
  count(): number {
    let n = 0;
    for (const set of this.byId.values()) n += set.size;
    return n;
  }

  emit(id: string, e: E): void {
    const set = this.byId.get(id);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(e);
      } catch (err) {
        this.log(`chuneng serve: a listener of ${this.what} ${id} failed: ${(err as Error).stack ?? String(err)}`);
      }
    }
  }
}
