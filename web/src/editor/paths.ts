/**
 * The editor holds the project as the file's value (strings with units, as written) and changes it by field path,
 * the same paths the library's issues name: `plants[0].finance.discountRate`, `site.ambientTemperature[3]`.
 */
export type PathPart = string | number;

export function parsePath(field: string): PathPart[] {
  const out: PathPart[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

export function formatPath(parts: readonly PathPart[]): string {
  return parts.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

export function getAt(value: unknown, path: string | readonly PathPart[]): unknown {
  let v = value;
  for (const p of typeof path === 'string' ? parsePath(path) : path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathPart, unknown>)[p];
  }
  return v;
}

/**
 * A copy of `root` with `value` at `path` (objects and arrays on the way copied or created). `undefined` removes
 * the key, so the library's default applies; an object left empty by a removal is removed too.
 */
export function setAt(root: unknown, path: string | readonly PathPart[], value: unknown): unknown {
  const parts = typeof path === 'string' ? parsePath(path) : path;
  if (parts.length === 0) return value;
  const [head, ...rest] = parts;
  const container: Record<PathPart, unknown> | unknown[] =
    Array.isArray(root) ? [...root] : root !== null && typeof root === 'object' ? { ...(root as Record<string, unknown>) } : typeof head === 'number' ? [] : {};
  const next = setAt((container as Record<PathPart, unknown>)[head], rest, value);
  const emptyObject = next !== null && typeof next === 'object' && !Array.isArray(next) && Object.keys(next).length === 0 && rest.length > 0;
  if (next === undefined || emptyObject) {
    if (Array.isArray(container)) container[head as number] = undefined;
    else delete (container as Record<PathPart, unknown>)[head];
  } else (container as Record<PathPart, unknown>)[head] = next;
  return container;
}

/** Removes item `index` of the array at `path`. */
export function removeAt(root: unknown, path: string, index: number): unknown {
  const list = getAt(root, path);
  if (!Array.isArray(list)) return root;
  return setAt(root, path, list.filter((_, i) => i !== index));
}

/** Appends `item` to the array at `path` (created when absent). */
export function appendAt(root: unknown, path: string, item: unknown): unknown {
  const list = getAt(root, path);
  return setAt(root, path, [...(Array.isArray(list) ? list : []), item]);
}
