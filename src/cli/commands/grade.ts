/**
 * `chuneng grade DIR [--out DIR] [--module-size N] [--seed N] [--json]`: second-life grading of a campaign of retired
 * cells (one charge day and one rest day of wide CSV files; format in src/battery/grading/campaign.ts). A thin
 * adapter: the battery layer computes features, rejection, grades and modules; this reads the folder, prints a
 * summary or one JSON object, and with --out writes cells.csv, summary.txt, grading.json and three SVG plots
 * (features by module, dV/dQ curves, capacity-proxy histogram), each atomically.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  capacityHistogramOption,
  COULOMBS_PER_AH,
  dvCurvesOption,
  featureScatterOption,
  gradeCampaign,
  GRADES,
  GRADING_DEFAULTS,
  gradingCsv,
  reasonText,
  type GradingResult,
  type Spreads,
} from '../../battery/grading/index.js';
import { readCampaignDir } from '../../battery/grading/read-campaign.node.js';
import { writeFileAtomic } from '../../project/durable-write.node.js';
import { renderChartSvg } from '../../report/node/svg.js';
import { STDOUT, textTable, type CommandOutput } from '../output.js';

interface GradeFlags {
  out?: string;
  moduleSize?: string;
  seed?: string;
  json?: boolean;
}

/** The SVG plots written with --out: file name, chart option builder, width, height. */
const PLOTS = [
  ['features.svg', featureScatterOption, 900, 600],
  ['dv-curves.svg', dvCurvesOption, 900, 600],
  ['capacity-histogram.svg', capacityHistogramOption, 900, 500],
] as const;

function wholeNumber(text: string | undefined, flag: string, min: number, fallback: number): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!Number.isInteger(v) || v < min) throw new Error(`grade: ${flag} ${text} is not valid; valid: a whole number ≥ ${min}`);
  return v;
}

export function registerGradeCommand(program: Command, output: CommandOutput = STDOUT): Command {
  return program
    .command('grade')
    .description('Second-life grading of retired cells from a test campaign: features, rejected cells, grades (reuse in storage, at low power, recycle) and modules of consistent cells.')
    .argument('<dir>', 'campaign folder: charge_<date>_{time_current,voltage_V,temperature_C}.csv and rest_<date>_… (one day each)')
    .option('--out <dir>', 'write cells.csv, summary.txt, grading.json and the SVG plots into this folder')
    .option('--module-size <n>', `cells per module (default ${GRADING_DEFAULTS.grouping.moduleSize})`)
    .option('--seed <n>', `seed of the grouping and of the random baseline (default ${GRADING_DEFAULTS.grouping.seed})`)
    .option('--json', 'print one JSON object (SI values) instead of the summary')
    .action((dir: string, flags: GradeFlags) => {
      const grouping = {
        ...GRADING_DEFAULTS.grouping,
        moduleSize: wholeNumber(flags.moduleSize, '--module-size', 1, GRADING_DEFAULTS.grouping.moduleSize),
        seed: wholeNumber(flags.seed, '--seed', 0, GRADING_DEFAULTS.grouping.seed),
      };
      const result = gradeCampaign(readCampaignDir(dir), { ...GRADING_DEFAULTS, grouping });
      const summary = summaryText(dir, result);
      const json = resultJson(result);
      if (flags.out) {
        mkdirSync(flags.out, { recursive: true });
        const write = (name: string, text: string) => writeFileAtomic(join(flags.out as string, name), Buffer.from(text, 'utf8'));
        write('cells.csv', gradingCsv(result));
        write('summary.txt', summary);
        write('grading.json', `${JSON.stringify(json, null, 1)}\n`);
        for (const [name, option, width, height] of PLOTS) write(name, renderChartSvg(option(result), width, height));
      }
      output.out(flags.json ? `${JSON.stringify(json)}\n` : summary);
    });
}

const ah = (q: number) => `${(q / COULOMBS_PER_AH).toFixed(2)} Ah`;
const mohm = (r: number) => `${(r * 1e3).toFixed(3)} mΩ`;

function spreadRow(name: string, s: Spreads): string[] {
  return [name, ah(s.capacityProxy), Number.isFinite(s.resistance) ? mohm(s.resistance) : '–', s.dvVector.toFixed(3), `${(s.restVoltage * 1e3).toFixed(1)} mV`];
}

function summaryText(dir: string, r: GradingResult): string {
  const n = r.cells.length;
  const rejected = r.cells.filter((c) => c.rejected);
  const lines = [
    `Grading of ${dir}: ${n} cells, ${rejected.length} rejected, ${r.groups.length} modules of ${r.options.grouping.moduleSize} cells, ${r.spares.length} spare${r.spares.length === 1 ? '' : 's'}`,
    '',
    'Rejected cells',
    rejected.length === 0 ? '(none)\n' : textTable(rejected.map((c) => [c.features.cell, c.grade, c.reasons.map(reasonText).join('; ')]), ['cell', 'grade', 'reasons']),
    'Yields',
    textTable(GRADES.map((g) => [g, String(r.yields[g].count), `${(r.yields[g].share * 100).toFixed(1)} %`]), ['grade', 'cells', 'share']),
    `Other grades than storage without rejection: ${r.cells.filter((c) => !c.rejected && c.grade !== 'reuse-storage').map((c) => `${c.features.cell} (${c.gradeReason})`).join(', ') || 'none'}`,
    '',
    `Modules (sizes ${[...new Set(r.groups.map((g) => g.cells.length))].join(', ')}), numbered by falling median capacity proxy`,
    textTable(r.groups.map((g) => [String(g.group), ...spreadRow('', g.spreads).slice(1), g.cells.map((c) => c.replace('cell_', '')).join(' ')]), ['module', 'σ capacity proxy', 'σ resistance', 'σ DV (rel.)', 'σ rest V', 'cells']),
    `Spares: ${r.spares.join(', ') || 'none'}`,
    '',
    `Within-group spread (mean over modules) against ${r.options.grouping.randomPartitions} random groupings of the same cells into the same sizes`,
    textTable(
      [
        spreadRow('modules', r.tightness.grouped),
        spreadRow('random', r.tightness.random),
        ['ratio', ...(['capacityProxy', 'resistance', 'dvVector', 'restVoltage'] as const).map((k) => (Number.isFinite(r.tightness.ratio[k]) ? r.tightness.ratio[k].toFixed(3) : '–'))],
        ['random as tight', ...(['capacityProxy', 'resistance', 'dvVector', 'restVoltage'] as const).map((k) => `${(r.tightness.randomAsTight[k] * 100).toFixed(1)} %`)],
      ],
      ['', 'capacity proxy', 'resistance', 'DV vector (rel.)', 'rest voltage'],
    ),
    'What the data cannot say',
    ...r.limitations.map((l) => `- ${l}`),
    '',
    'Methods',
    ...r.methods.map((m) => `- ${m}`),
  ];
  return `${lines.join('\n')}\n`;
}

function resultJson(r: GradingResult): Record<string, unknown> {
  return {
    cells: r.cells.map((c) => ({
      cell: c.features.cell,
      grade: c.grade,
      group: c.group,
      rejected: c.rejected,
      reasons: c.reasons.map((x) => ({ ...x, text: reasonText(x) })),
      gradeReason: c.gradeReason,
      capacityProxy: c.features.capacityProxy,
      resistance: c.features.resistance,
      restVoltage: c.features.restVoltage,
      restVoltageDrift: c.features.restVoltageDrift,
      dvDeviation: c.features.dvDeviation,
      icPeak: c.features.icPeak,
      temperatureRise: c.features.temperatureRise,
      dvVector: Array.from(c.features.dvVector),
      z: c.z,
    })),
    units: { capacityProxy: 'C', resistance: 'Ω', restVoltage: 'V', restVoltageDrift: 'V/s', dvDeviation: '1', 'icPeak.voltage': 'V', 'icPeak.height': 'C/V', temperatureRise: 'K', dvVector: 'V/C', dvPositions: 'C' },
    dvPositions: Array.from(r.string.dvPositions),
    chargeThroughput: r.string.chargeThroughput,
    groups: r.groups,
    spares: r.spares,
    yields: r.yields,
    tightness: r.tightness,
    medians: r.medians,
    limitations: r.limitations,
    methods: r.methods,
    options: r.options,
  };
}
