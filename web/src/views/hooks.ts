/** Small hooks of the result pages: a promise's state, kept across language switches. */
import { useEffect, useState } from 'react';

export type Loaded<T> = { readonly state: 'loading' } | { readonly state: 'done'; readonly value: T } | { readonly state: 'failed'; readonly error: string };

/**
 * The result of `load()`, reloaded when `key` changes (not when the language does, so a switch keeps what was loaded).
 * `load` undefined: stays 'failed' with `missing` as the reason.
 */
export function useLoaded<T>(key: string, load: (() => Promise<T>) | undefined, missing = 'not available'): Loaded<T> {
  const [result, setResult] = useState<{ key: string; loaded: Loaded<T> }>({ key: '', loaded: { state: 'loading' } });
  useEffect(() => {
    let live = true;
    if (!load) {
      setResult({ key, loaded: { state: 'failed', error: missing } });
      return;
    }
    setResult({ key, loaded: { state: 'loading' } });
    load().then(
      (value) => live && setResult({ key, loaded: { state: 'done', value } }),
      (e: unknown) => live && setResult({ key, loaded: { state: 'failed', error: e instanceof Error ? e.message : String(e) } }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload on the key only
  }, [key]);
  return result.key === key ? result.loaded : { state: 'loading' };
}
