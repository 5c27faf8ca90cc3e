/**
 * Fixtures of the study tests: a cheap project (a battery given by its performance: a case is one year of dispatch
 * and the money, about 0.3 s), studies over it, a child process running a CLI command from source, and an executor
 * that records which cases it computed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseInput, CaseResult } from '../project/study/case.js';
import type { StudyInput } from '../project/study/files-node.js';
import type { CaseExecutor } from './study-executor.js';

export const BATTERY_PROJECT = `name: study test battery
market: { year: 2025, tariff: { henan2024: { basePrice: 0.38 yuan/kWh } } }
plants:
  - name: battery
    performance: { power: 10 MW, energy: 40 MWh, roundTripEfficiency: 85 % }
    finance: { discountRate: 8 %, operatingYears: 10 years, capex: { items: [ { kind: perEnergy, name: system, energy: 40 MWh, unitCost: 800 yuan/kWh } ] } }
`;

/** A 2 × 2 grid over the battery's energy and its unit cost (the cost's upper end written in another unit). */
export const BATTERY_GRID_STUDY = `name: battery grid
project: battery.yaml
parameters:
  - name: energy
    path: plants[0].performance.energy
    unit: MWh
    range: [30, 50]
  - name: unit cost
    path: plants[0].finance.capex.items[0].unitCost
    unit: yuan/kWh
    range: [600 yuan/kWh, 1 yuan/Wh]
design: { kind: grid, levels: 2 }
outputs:
  NPV: { path: "plants[0].npv", unit: 万元 }
  LCOS: { path: "plants[0].lcos", unit: yuan/MWh }
  cycles: { path: "plants[0].cycles" }
`;

/** A folder with the battery project and a study file. */
export function studyFolder(study: string = BATTERY_GRID_STUDY): { dir: string; study: string } {
  const dir = mkdtempSync(join(tmpdir(), 'chuneng-study-'));
  writeFileSync(join(dir, 'battery.yaml'), BATTERY_PROJECT);
  writeFileSync(join(dir, 'study.yaml'), study);
  return { dir, study: join(dir, 'study.yaml') };
}

/** Runs `chuneng <args>` from source in a child process (study and worker commands registered on a new program). */
export function spawnCli(args: readonly string[]): ChildProcess & { stderrText: () => string } {
  const commands = ['study', 'worker'].map((c) => new URL(`../cli/commands/${c}.ts`, import.meta.url).href);
  const commander = import.meta.resolve('commander');
  const script = `
    const { Command } = await import(${JSON.stringify(commander)});
    const [s, w] = await Promise.all([import(${JSON.stringify(commands[0])}), import(${JSON.stringify(commands[1])})]);
    const program = new Command();
    s.registerStudyCommand(program);
    w.registerWorkerCommand(program);
    await program.parseAsync(process.argv.slice(1), { from: 'user' });
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout!.resume();
  return Object.assign(child, { stderrText: () => err });
}

/** Wraps an executor and records the indices of the cases it was given. */
export class RecordingExecutor implements CaseExecutor {
  readonly computed: number[] = [];
  constructor(private readonly inner: CaseExecutor) {}
  run(input: StudyInput, cases: readonly CaseInput[], onResult: (r: CaseResult, worker: string) => void): Promise<void> {
    this.computed.push(...cases.map((c) => c.index));
    return this.inner.run(input, cases, onResult);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Polls `check` every 100 ms until it is true or `ms` have passed. */
export async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What must agree between two runs of a study: each case's index, values, outputs and error. */
export function comparable(cases: readonly CaseResult[]): { index: number; values: readonly number[]; outputs: readonly (number | null)[] | null; error: string | null }[] {
  return [...cases].sort((a, b) => a.index - b.index).map((c) => ({ index: c.index, values: c.values, outputs: c.outputs, error: c.error }));
}
