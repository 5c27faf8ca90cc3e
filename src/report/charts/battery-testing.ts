/**
 * Test data of the battery, recycling and grading figures (tests only; reads files): the Luoyang recycling example
 * evaluated by the library into the contract's RecyclingEvaluation shape, a li-ion plant's battery detail written
 * out by hand (ten years, an augmentation in year 4, a replacement in year 8, two models in the spread), and the
 * retired-cell campaign graded.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { gradeCampaign, type GradingResult } from '../../battery/grading/index.js';
import { readCampaignDir } from '../../battery/grading/read-campaign.node.js';
import { parseRecyclingPlantProject } from '../../project/recycling-plant.js';
import { recyclingEvaluation } from '../../project/recycling-evaluate.js';
import type { BatteryDetail, BatteryYear } from '../../project/li-ion-evaluate.js';
import type { RecyclingReportData } from './recycling.js';

export const RECYCLING_EXAMPLE = new URL('../../../examples/recycling/luoyang-recycling.yaml', import.meta.url);
export const CAMPAIGN_DIR = new URL('../../../../shared/data/retired_lfp_cells', import.meta.url).pathname;

/** The Luoyang recycling example as the project evaluates a recycling plant. */
export function recyclingData(): RecyclingReportData {
  const parsed = parseRecyclingPlantProject(parse(readFileSync(RECYCLING_EXAMPLE, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  return recyclingEvaluation(parsed.value);
}

const MWH = 3.6e9;

/**
 * Ten years of a 100 MW / 200 MWh LFP plant: capacity falls 2.5 %/yr, 8 racks added at the start of year 4
 * (augmentation), all 200 racks renewed at the start of year 8 (replacement).
 */
export function batteryData(): BatteryDetail {
  const capacity: number[] = [];
  const resistance: number[] = [];
  const years: BatteryYear[] = [];
  let q = 1;
  let r = 1;
  for (let y = 0; y < 10; y++) {
    if (y === 4) q += 0.03;
    if (y === 8) (q = 1), (r = 1);
    capacity.push(q);
    resistance.push(r);
    const qEnd = q - 0.025;
    const rEnd = r + 0.04;
    const added = y === 4 ? 8 : y === 8 ? 200 : 0;
    years.push({
      year: y,
      usableEnergy: 200 * MWH * q,
      capacityStart: q,
      capacityEnd: qEnd,
      resistanceEnd: rEnd,
      racks: y >= 4 && y < 8 ? 208 : 200,
      roundTripEfficiency: 0.86 - 0.002 * y,
      dcRoundTripEfficiency: 0.94 - 0.001 * y,
      energyOut: 60000 * MWH,
      energyIn: 70000 * MWH,
      auxiliaryEnergy: (1500 + 10 * y) * MWH,
      equivalentFullCycles: 300,
      curtailedSteps: 0,
      racksAdded: added,
      modulesAdded: 8 * added,
      addedEnergy: added * 1.2 * MWH,
      addedCost: added * 1.2 * 600e3,
      retiredEnergy: y === 8 ? 208 * 1.2 * MWH * 0.8 : 0,
      retiredModules: y === 8 ? 8 * 208 : 0,
      degradationCost: 20 / 3.6e9,
    });
    q = qEnd;
    r = rEnd;
  }
  capacity.push(q);
  resistance.push(r);
  return {
    cell: 'LFP 280 Ah',
    chemistry: 'LFP',
    layout: { racks: 200, cellsPerRack: 416, modulesPerRack: 8, containers: 40, nominalEnergy: 240 * MWH, energy: 200 * MWH, power: 100e6, socMin: 0.05, socMax: 0.95, sizedBy: 'energy' },
    lifeModel: 'lfp-250ah',
    lifeModelName: 'LFP/graphite 250 Ah prismatic (BLAST-Lite)',
    capacity,
    resistance,
    years,
    replacements: [
      { year: 4, racks: 8, energy: 8 * 1.2 * MWH, cost: 8 * 1.2 * 600e3, kind: 'augmentation' },
      { year: 8, racks: 200, energy: 200 * 1.2 * MWH, cost: 200 * 1.2 * 600e3, kind: 'replacement' },
    ],
    spread: [
      { model: 'lfp-250ah', name: 'LFP 250 Ah (BLAST-Lite)', capacity: Array.from({ length: 11 }, (_, k) => 1 - 0.025 * k), yearsTo80: 8 },
      { model: 'lfp-sonymurata-3ah', name: 'LFP Sony-Murata 3 Ah (BLAST-Lite)', capacity: Array.from({ length: 11 }, (_, k) => 1 - 0.012 * k), yearsTo80: null },
    ],
    roundTrips: [0.25, 0.5].flatMap((c) => [263.15, 288.15, 308.15].map((T) => ({ power: c * 200e6, ambient: T, dc: 0.95 - 0.04 * c, ac: 0.9 - 0.05 * c, acWithAuxiliaries: 0.88 - 0.05 * c - 0.0005 * Math.abs(T - 293.15) }))),
    endOfLife: { energy: 180 * MWH, valuePerEnergy: 200 / 3.6e6, value: 180 * 1000 * 200, basis: 'recycling, LFP hydro at June-2025 prices' },
    notes: ['life model lfp-250ah (BLAST-Lite Lfp_Gr_250AhPrismatic)'],
  };
}

let graded: GradingResult | undefined;

/** The retired-LFP campaign (../shared/data/retired_lfp_cells) graded with the defaults; once per process. */
export function gradingData(): GradingResult {
  graded ??= gradeCampaign(readCampaignDir(CAMPAIGN_DIR));
  return graded;
}
