/**
 * `chuneng solve network.yaml [--json]`: the steady state of a plant network described in a YAML or JSON file
 * (format: src/plant/file/schema.ts). A thin adapter: the file is read here, parsed and checked by the plant layer,
 * solved by it, and printed as a stream table, a component table, the balances and any warnings (or as JSON).
 * A solution that breaks physics (a compressor that expands, a temperature cross, …; src/plant/violations.ts) stops
 * the command with the plant layer's reason unless the file accepts it (`allowUnphysical`); accepted, it is a warning.
 * A cycle file (`kind: cycle`, src/plant/cycle-file/schema.ts) solves its charge, hands the store states over, solves
 * its discharge and prints the round trip (RTE gross and net) and the stores' balances.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { formatNumber } from '../../units/index.js';
import { NetworkSpecificationError, parseNetwork, type Solution } from '../../plant/index.js';
import { readYamlText } from '../../plant/file/load.js';
import { isCycleDocument, parseCycle, solveCycle, type CycleSolution } from '../../plant/cycle-file/cycle.js';
import { STDOUT, textTable, type CommandOutput } from '../output.js';

interface SolveFlags {
  json?: boolean;
  paths?: boolean;
}

export function registerSolveCommand(program: Command, output: CommandOutput = STDOUT): Command {
  return program
    .command('solve')
    .description(
      'Steady state of a plant network file (YAML or JSON): stream and component tables, balances, exergy and warnings. A solution that breaks physics (a compressor that expands, a temperature cross, …) fails unless the file accepts it (allowUnphysical). A cycle file (kind: cycle) solves its charge and discharge networks, hands the store states over and prints the round trip (RTE gross and net).',
    )
    .argument('<file>', 'network or cycle file (.yaml, .yml or .json)')
    .option('--json', 'print the solution as JSON (SI units)')
    .option('--paths', 'with --json: add p–h and T–s path points of every process')
    .action(async (file: string, flags: SolveFlags) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new Error(`solve: cannot read "${file}": ${(error as Error).message}`);
      }
      const yaml = readYamlText(text, file);
      if (yaml.ok && isCycleDocument(yaml.input)) {
        output.out(solveCycleFile(file, yaml.input, flags));
        return;
      }
      const parsed = yaml.ok ? parseNetwork(yaml.input) : yaml;
      if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.length} problem${parsed.issues.length > 1 ? 's' : ''}:\n${parsed.issues.map((i) => `  ${i.message}`).join('\n')}`);
      let result;
      try {
        result = parsed.network.solve(parsed.solver);
      } catch (error) {
        if (error instanceof NetworkSpecificationError) throw new Error(`${file}: ${error.message}`);
        throw error;
      }
      if (!result.ok) {
        // a converged solution that breaks physics the file does not accept: the reason is the plant layer's paragraph
        if (result.violations) throw new Error(`${file}: ${result.reason}`);
        throw new Error(`${file}: the network did not converge: ${result.reason}`);
      }
      const solution = result.value;
      if (flags.json) {
        const json = { ...(solution.toJSON() as Record<string, unknown>), ...(flags.paths ? { paths: solution.paths() } : {}) };
        output.out(`${JSON.stringify(json)}\n`);
      } else {
        output.out(tables(solution));
      }
    });
}

function solveCycleFile(file: string, input: unknown, flags: SolveFlags): string {
  const parsed = parseCycle(input, (path) => readFileSync(resolve(dirname(file), path), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.length} problem${parsed.issues.length > 1 ? 's' : ''}:\n${parsed.issues.map((i) => `  ${i.message}`).join('\n')}`);
  let result;
  try {
    result = solveCycle(parsed.cycle);
  } catch (error) {
    if (error instanceof NetworkSpecificationError) throw new Error(`${file}: ${error.message}`);
    throw error;
  }
  if (!result.ok) throw new Error(`${file}: ${result.violations ? result.reason : `the ${result.stage} did not succeed: ${result.reason}`}`);
  const c = result.value;
  if (flags.json) return `${JSON.stringify({ name: c.cycle.name, figures: c.figures, charge: c.charge.toJSON(), discharge: c.discharge.toJSON() })}\n`;
  return cycleTables(c);
}

function cycleTables(c: CycleSolution): string {
  const f = c.figures;
  const h = (seconds: number) => formatNumber(seconds / 3600, 6);
  let text = `${c.cycle.name}: charge "${c.charge.network.name}" for ${h(c.cycle.charge.duration)} h, discharge "${c.discharge.network.name}" for ${h(c.cycle.discharge.duration)} h\n`;
  if (f.handed.length > 0) {
    text += '\nHanded over (charge → discharge)\n';
    text += textTable(f.handed.map((x) => [x.from, x.to, formatNumber(x.read, 10), formatNumber(x.written, 10)]), ['from', 'to', 'read (SI)', 'written (SI)']);
  }
  text += '\nRound trip\n';
  text += textTable(
    [
      ['charge', h(c.cycle.charge.duration), num(f.chargePower, 1e6), num(f.chargeEnergy, 3.6e9), num(f.compressorPower, 1e6)],
      ['discharge', h(c.cycle.discharge.duration), num(f.dischargePower, 1e6), num(f.dischargeEnergy, 3.6e9), num(f.turbinePower, 1e6)],
    ],
    ['phase', 'h', 'net P_el MW', 'E MWh', 'machines MW'],
  );
  text += `RTE gross ${formatNumber(100 * f.rteGross, 6)} % (turbines over compressors), net ${formatNumber(100 * f.rteNet, 6)} % (every electric draw included)\n`;
  if (f.stores.length > 0) {
    text += '\nStores over the cycle\n';
    text += textTable(
      f.stores.map((s) => [s.id, s.type, num(s.massCharged, 1e3), num(s.massDischarged, 1e3), formatNumber(s.massDischarged / s.massCharged, 6), num(s.heatCharged, 3.6e9), num(s.heatDischarged, 3.6e9)]),
      ['id', 'type', 'in t', 'out t', 'out/in', 'heat in MWh', 'heat out MWh'],
    );
  }
  const warnings = [...c.charge.warnings().map((w) => `charge: ${w}`), ...c.discharge.warnings().map((w) => `discharge: ${w}`)];
  if (warnings.length > 0) text += `\nWarnings\n${warnings.map((w) => `  - ${w}`).join('\n')}\n`;
  return text;
}

const num = (v: number | undefined, scale = 1, digits = 6) => (v === undefined || Number.isNaN(v) ? '' : formatNumber(v / scale, digits));

function tables(s: Solution): string {
  const net = s.network;
  const st = s.stats;
  let text = `${net.name}: solved in ${formatNumber(st.seconds * 1e3, 3)} ms (${st.blocks} blocks, largest ${st.largestBlock}, ${st.iterations} Newton steps)\n`;
  text += `dead state: ${formatNumber(net.deadState.T - 273.15)} degC, ${formatNumber(net.deadState.p / 1e5)} bar\n\nStreams\n`;
  text += textTable(
    s.streams().map((r) => [
      r.id,
      r.label,
      r.fluid,
      num(r.m),
      num(r.p, 1e5),
      num(r.T - 273.15, 1, 5),
      num(r.h, 1e3),
      num(r.s, 1e3, 5),
      r.Q === null ? r.phase : `Q = ${formatNumber(r.Q, 4)}`,
      num(r.e, 1e3, 5),
      num(r.E, 1e6, 5),
    ]),
    ['id', 'stream', 'fluid', 'm kg/s', 'p bar', 'T degC', 'h kJ/kg', 's kJ/(kg K)', 'phase', 'e kJ/kg', 'E MW'],
  );
  text += '\nComponents\n';
  text += textTable(
    s.components().map((c) => [c.id, c.type, num(c.P, 1e6), num(c.P_el, 1e6), num(c.Q, 1e6), num(c.pr, 1, 5), num(c.eta_s, 1, 4), num(c.pinch, 1, 4), num(c.exergyDestruction, 1e6, 5)]),
    ['id', 'type', 'P MW', 'P_el MW', 'Q MW', 'pr', 'eta_s', 'pinch K', 'E_D MW'],
  );
  const b = s.balances();
  text += `\nBalances: mass ${b.mass.relative.toExponential(1)}, energy ${b.energy.relative.toExponential(1)}, exergy ${b.exergy.relative.toExponential(1)} (relative residuals)\n`;
  text += `Net electric power ${formatNumber(b.netPower / 1e6)} MW (+ drawn), exergy destroyed ${formatNumber(b.exergyDestruction / 1e6)} MW\n`;
  const heat = Object.entries(s.heatTotals());
  if (heat.length > 0) text += `Heat exchanged with the outside (+ into the plant): ${heat.map(([k, v]) => `${k} ${formatNumber(v / 1e6)} MW`).join(', ')}\n`;
  const warnings = s.warnings();
  if (warnings.length > 0) text += `\nWarnings\n${warnings.map((w) => `  - ${w}`).join('\n')}\n`;
  return text;
}
