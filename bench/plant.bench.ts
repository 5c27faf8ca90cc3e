/**
 * Plant solver benchmark: the 2-stage adiabatic CAES of ../shared/validation/tespy_acaes_2stage.* (charge and
 * discharge, from examples/networks/), solved as TESPy was timed there:
 *   - setup + first solve: parse the file, build and assemble the network, solve (TESPy: setup_s + cold_solve_s);
 *   - cold: solve again with the last solution forgotten (TESPy: cold_solve_s, target ≥ 50× faster);
 *   - warm: re-solve after changing one efficiency (TESPy: warm_resolve_s).
 * Medians over repeated runs; prints, never fails.
 *
 *   npx tsx -e "import('./bench/plant.bench.ts').then(m=>m.run())"
 */
import { readFileSync } from 'node:fs';
import { parseNetworkText, type Network } from '../src/plant/index.js';

interface TespyTiming {
  readonly label: string;
  readonly setup_s_median: number;
  readonly cold_solve_s_median: number;
  readonly warm_resolve_s_median: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function load(name: string): Network {
  const text = readFileSync(new URL(`../examples/networks/${name}.yaml`, import.meta.url), 'utf8');
  const parsed = parseNetworkText(text, name);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  return parsed.network;
}

/** Median wall time of `body` in ms, after a warm-up, over `rounds` rounds of `calls` calls. */
function time(calls: number, body: (i: number) => void, rounds = 7): number {
  for (let i = 0; i < calls; i++) body(i);
  const per: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) body(i);
    per.push((performance.now() - t0) / calls);
  }
  return median(per);
}

function ok(net: Network): void {
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
}

export async function run(): Promise<void> {
  let tespy: readonly TespyTiming[] = [];
  try {
    const results = JSON.parse(readFileSync(new URL('../../shared/validation/tespy_acaes_2stage.results.json', import.meta.url), 'utf8')) as { timing: TespyTiming[] };
    tespy = results.timing;
  } catch {
    console.log('(../shared/validation/tespy_acaes_2stage.results.json not found: no TESPy figures to compare with)');
  }
  const cases = [
    { name: 'tespy-acaes-2stage-charge', label: 'CAES charge', machine: 'C2' },
    { name: 'tespy-acaes-2stage-discharge', label: 'CAES discharge', machine: 'T2' },
  ];
  const row = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(16) : c.padStart(20))).join(''));
  row(['network', 'setup + 1st solve', 'cold solve', 'warm re-solve']);
  for (const c of cases) {
    const text = readFileSync(new URL(`../examples/networks/${c.name}.yaml`, import.meta.url), 'utf8');
    const setup = time(20, () => {
      const parsed = parseNetworkText(text, c.name);
      if (!parsed.ok) throw new Error('parse');
      ok(parsed.network);
    });
    const net = load(c.name);
    ok(net);
    const cold = time(200, () => {
      net.reset();
      ok(net);
    });
    const machine = net.component(c.machine);
    const eta = (machine.get() as { eta_s: number }).eta_s;
    const warm = time(200, (i) => {
      machine.set({ eta_s: eta + (i % 2 === 0 ? 0.002 : -0.002) } as never);
      ok(net);
    });
    machine.set({ eta_s: eta } as never);
    const t = tespy.find((x) => x.label === c.label);
    const vs = (ours: number, theirs: number | undefined) => (theirs === undefined ? `${ours.toFixed(3)} ms` : `${ours.toFixed(3)} ms (${((1e3 * theirs) / ours).toFixed(0)}×)`);
    row([c.label, vs(setup, t && t.setup_s_median + t.cold_solve_s_median), vs(cold, t?.cold_solve_s_median), vs(warm, t?.warm_resolve_s_median)]);
    if (t) row(['  TESPy 0.11', `${(1e3 * (t.setup_s_median + t.cold_solve_s_median)).toFixed(1)} ms`, `${(1e3 * t.cold_solve_s_median).toFixed(1)} ms`, `${(1e3 * t.warm_resolve_s_median).toFixed(1)} ms`]);
  }
  console.log('(×: how many times faster than TESPy on this machine, from the timings in the results file; target ≥ 50× cold)');
}
