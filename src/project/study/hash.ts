/**
 * Content hashes for a study's identity (job ids, the store's keys) and the plant cache's keys: a canonical JSON text
 * (object keys sorted, so the order a file lists them in does not matter) hashed to 128 bits. Pure TypeScript (no
 * node:crypto: this layer also runs in a browser). Not cryptographic — it tells apart inputs, nobody forges them.
 */

/** JSON with object keys sorted at every level; undefined members left out as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/**
 * 128-bit hash of a text as 32 hex digits: four 32-bit lanes of multiply–rotate mixing over the UTF-16 code units
 * (the cyrb128 construction by bryc, public domain), each lane finalised with murmur3's fmix32.
 */
export function hashText(text: string): string {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const fmix = (h: number) => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  return [h1, h2, h3, h4].map((h) => fmix(h).toString(16).padStart(8, '0')).join('');
}

/** The hash of a value's canonical JSON. */
export function hashValue(value: unknown): string {
  return hashText(canonicalJson(value));
}
