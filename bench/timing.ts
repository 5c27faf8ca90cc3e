/** Shared timing helper for the benchmarks: median over repeats of the mean time per call. */
export function timePerCall(calls: number, body: (i: number) => void, repeats = 5): number {
  const per: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) body(i);
    per.push(((performance.now() - t0) * 1000) / calls);
  }
  per.sort((a, b) => a - b);
  return per[Math.floor(per.length / 2)];
}

/** "12.3 µs" with three significant digits. */
export function us(x: number): string {
  return `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)} µs`;
}
