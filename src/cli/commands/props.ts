/**
 * `chuneng props`: fluid properties at one state (units in strings) or a batch of states (JSON lines in SI).
 * A thin adapter over src/fluids: parsing of units through src/units, every check in the library.
 */
import type { Command } from 'commander';
import { fluid, FLUID_NAMES, REFERENCE_STATES, type Fluid, type FluidState, type InputKey, type ReferenceStateName } from '../../fluids/index.js';
import { formatNumber, formatQuantity, parseQuantity, type QuantityKind } from '../../units/index.js';
import { STDOUT, textTable, type CommandOutput } from '../output.js';

/** The input keys of a state and the kind of quantity each is. */
const KEYS: Record<InputKey, QuantityKind> = {
  T: 'temperature',
  p: 'pressure',
  rho: 'density',
  h: 'specificEnthalpy',
  s: 'specificEntropy',
  u: 'specificEnthalpy',
  Q: 'fraction',
};

/** Also accepted on the command line: CoolProp's and common spellings. */
const ALIASES: Record<string, InputKey> = { D: 'rho', d: 'rho', P: 'p', t: 'T', H: 'h', S: 's', U: 'u', q: 'Q', x: 'Q' };

interface PropsFlags {
  batch?: boolean;
  json?: boolean;
  transport?: boolean;
  referenceState: string;
}

export function registerPropsCommand(program: Command, output: CommandOutput = STDOUT, input: () => Promise<string> = readStdin): Command {
  return program
    .command('props')
    .description(
      `Properties of ${FLUID_NAMES.join(', ')} (CoolProp's names accepted too). One state: inputs as key=value with ` +
        'units, e.g. "chuneng props CO2 T=25degC p=70bar". Batch: --batch reads JSON lines from stdin, each one input ' +
        'pair in SI (T K, p Pa, rho kg/m3, h J/kg, s J/(kg K), u J/kg, Q 0-1), and writes exactly one JSON line per ' +
        'input line (an error line for a blank or bad one), so output line n answers input line n. A property that ' +
        'diverges there (cp at the critical point) or lies outside its correlation (CO2 conductivity above 1100 K) is ' +
        'null in JSON and "—" in the table.',
    )
    .argument('<fluid>', 'fluid name')
    .argument('[inputs...]', 'two inputs as key=value with units, e.g. T=25degC p=70bar (keys: T p rho h s u Q)')
    .option('--batch', 'read JSON lines from stdin and write one JSON line per input line')
    .option('--json', 'print the single state as JSON (SI)')
    .option('--transport', 'also give viscosity mu (Pa s) and thermal conductivity k (W/(m K)) in batch output (null outside their correlations)')
    .option('--reference-state <name>', `enthalpy/entropy reference: ${REFERENCE_STATES.join(', ')}`, 'DEF')
    .action(async (name: string, inputs: string[], flags: PropsFlags) => {
      const f = fluid(name, { referenceState: flags.referenceState as ReferenceStateName });
      if (flags.batch) {
        if (inputs.length) throw new Error(`props --batch reads its inputs from stdin; got arguments ${inputs.join(' ')}`);
        output.out(runBatch(f, await input(), Boolean(flags.transport)));
        return;
      }
      const state = f.state(parseInputs(inputs));
      output.out(flags.json ? JSON.stringify(state, null, 2) + '\n' : describe(f, state));
    });
}

/** "T=25degC" "p=70bar" → { T: 298.15, p: 7e6 }. */
export function parseInputs(args: readonly string[]): Partial<Record<InputKey, number>> {
  if (args.length !== 2) throw new Error(`give exactly two inputs as key=value, e.g. T=25degC p=70bar (got ${args.length}: ${args.join(' ') || 'none'})`);
  const out: Partial<Record<InputKey, number>> = {};
  for (const arg of args) {
    const m = /^([A-Za-z]+)\s*=\s*(.+)$/.exec(arg);
    if (!m) throw new Error(`input "${arg}" is not key=value (e.g. T=25degC)`);
    const key = (m[1] in KEYS ? m[1] : ALIASES[m[1]]) as InputKey | undefined;
    if (!key || !(key in KEYS)) throw new Error(`input "${arg}": unknown key "${m[1]}" (keys: ${Object.keys(KEYS).join(', ')})`);
    if (key in out) throw new Error(`input "${arg}": ${key} given twice`);
    out[key] = parseQuantity(m[2].trim(), KEYS[key], key);
  }
  return out;
}

/** A readable table of one state, with units. */
function describe(f: Fluid, s: FluidState): string {
  const q = (v: number | null, kind: QuantityKind, unit?: string) => (v === null ? '—' : formatQuantity(v, kind, unit, 8));
  const rows: [string, string][] = [
    ['fluid', f.name],
    ['phase', s.phase + (s.Q !== null ? `, vapour quality Q = ${formatNumber(s.Q, 8)}` : '')],
    ['temperature T', `${q(s.T, 'temperature', 'K')} = ${q(s.T, 'temperature', 'degC')}`],
    ['pressure p', `${q(s.p, 'pressure', 'bar')} = ${q(s.p, 'pressure', 'MPa')}`],
    ['density rho', q(s.rho, 'density', 'kg/m3')],
    ['specific enthalpy h', q(s.h, 'specificEnthalpy', 'kJ/kg')],
    ['specific entropy s', q(s.s, 'specificEntropy', 'kJ/(kg K)')],
    ['specific internal energy u', q(s.u, 'specificEnthalpy', 'kJ/kg')],
    ['isobaric heat capacity cp', q(s.cp, 'specificHeat', 'kJ/(kg K)')],
    ['isochoric heat capacity cv', q(s.cv, 'specificHeat', 'kJ/(kg K)')],
    ['speed of sound w', q(s.w, 'speed', 'm/s')],
    ['compressibility factor Z', formatNumber(s.Z, 8)],
    ['Joule–Thomson coefficient', s.jouleThomson === null ? '—' : `${formatNumber(s.jouleThomson * 1e5, 8)} K/bar`],
    ['viscosity mu', s.mu === null ? '—' : `${formatNumber(s.mu * 1e6, 8)} µPa s`],
    ['thermal conductivity k', s.k === null ? '—' : `${formatNumber(s.k * 1e3, 8)} mW/(m K)`],
  ];
  const dash = rows.some(([, v]) => v === '—')
    ? '—: not defined here (a two-phase mixture, the critical point where it diverges, or outside its correlation\'s range)\n'
    : '';
  return (
    textTable(rows) +
    dash +
    `h and s reference: ${f.referenceState === 'DEF' ? f.defaultReferenceState : f.referenceState}\nEOS: ${f.citation}\n`
  );
}

const PAIRS: [InputKey, InputKey, (f: Fluid, a: number, b: number) => FluidState][] = [
  ['T', 'p', (f, a, b) => f.tp(a, b)],
  ['p', 'h', (f, a, b) => f.ph(a, b)],
  ['p', 's', (f, a, b) => f.ps(a, b)],
  ['h', 's', (f, a, b) => f.hs(a, b)],
  ['rho', 'u', (f, a, b) => f.du(a, b)],
  ['rho', 'T', (f, a, b) => f.dt(a, b)],
  ['p', 'Q', (f, a, b) => f.pq(a, b)],
  ['T', 'Q', (f, a, b) => f.tq(a, b)],
];

/**
 * Exactly one JSON line per input line, in order: T, p, rho, h, s, u, cp, cv, w, phase, Q (Q only when two-phase;
 * cp, cv, w null there and where they diverge), with --transport also mu and k (null outside their correlations),
 * or {"error": "line n: ..."} for that line alone — a blank line included, so that output line n always answers
 * input line n. The newline that ends the last line does not begin another.
 */
export function runBatch(f: Fluid, text: string, transport = false): string {
  if (text === '') return '';
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) out.push(batchLine(f, lines[i].trim(), i + 1, transport));
  return out.length ? out.join('\n') + '\n' : '';
}

function batchLine(f: Fluid, line: string, number: number, transport: boolean): string {
  if (line === '') return JSON.stringify({ error: `line ${number}: blank; give one input pair such as {"T": 300, "p": 1e6}` });
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: `line ${number}: not JSON: ${line.slice(0, 80)}` });
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return JSON.stringify({ error: `line ${number}: expected an object such as {"T": 300, "p": 1e6}` });
  }
  const obj = input as Record<string, unknown>;
  const keys = Object.keys(obj);
  const pair = PAIRS.find(([a, b]) => keys.length === 2 && keys.includes(a) && keys.includes(b));
  if (!pair) {
    return JSON.stringify({ error: `line ${number}: give one input pair of ${PAIRS.map(([a, b]) => `${a},${b}`).join(' | ')} (got ${keys.join(',') || 'none'})` });
  }
  const [ka, kb, run] = pair;
  const a = obj[ka];
  const b = obj[kb];
  if (typeof a !== 'number' || typeof b !== 'number') {
    return JSON.stringify({ error: `line ${number}: ${ka} and ${kb} must be numbers in SI (got ${JSON.stringify(a)}, ${JSON.stringify(b)})` });
  }
  try {
    const s = run(f, a, b);
    const twoPhase = s.phase === 'twophase';
    const o: Record<string, unknown> = { T: s.T, p: s.p, rho: s.rho, h: s.h, s: s.s, u: s.u, cp: s.cp, cv: s.cv, w: s.w, phase: s.phase };
    if (twoPhase) o.Q = s.Q;
    if (transport) {
      o.mu = s.mu;
      o.k = s.k;
    }
    return JSON.stringify(o);
  } catch (e) {
    return JSON.stringify({ error: `line ${number}: ${(e as Error).message}` });
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
