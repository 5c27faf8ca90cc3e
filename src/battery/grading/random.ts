/**
 * A small seeded generator for the grouping's k-means++ seeding and the random baseline partitions: mulberry32
 * (Tommy Ettinger's 32-bit generator, public domain; period 2³²), which is plenty for a few hundred cells and a few
 * thousand draws, and the same sequence in every JavaScript engine for the same seed.
 */
export type Random = () => number;

/** Uniform doubles in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new RangeError(`seed = ${seed} is not valid; valid: an integer`);
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
