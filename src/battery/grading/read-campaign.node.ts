/**
 * Reads a campaign folder (one charge day and one rest day, three CSV files each; see campaign.ts) from disk.
 * Node only: the CLI and the tests use it; the rest of the grading parses strings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { campaignLabels, parseCampaign, type Campaign, type CampaignDayTexts } from './campaign.js';

function dayTexts(dir: string, label: string): CampaignDayTexts {
  const read = (suffix: string) => readFileSync(join(dir, `${label}${suffix}`), 'utf8');
  return { timeCurrent: read('_time_current.csv'), voltage: read('_voltage_V.csv'), temperature: read('_temperature_C.csv') };
}

export function readCampaignDir(dir: string): Campaign {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new Error(`campaign: cannot read folder "${dir}": ${(error as Error).message}`);
  }
  const labels = campaignLabels(names);
  return parseCampaign(dayTexts(dir, labels.charge), labels.charge, dayTexts(dir, labels.rest), labels.rest);
}
