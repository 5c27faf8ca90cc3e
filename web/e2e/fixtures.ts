/** Inputs the browser tests give the app: the Luoyang comparison with a tornado and a Monte Carlo, price files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from './build.js';

export function exampleText(id: string): string {
  return readFileSync(join(ROOT, 'examples', 'luoyang', `${id}.yaml`), 'utf8');
}

/**
 * The Luoyang comparison with a sensitivity (tornado) and a Monte Carlo section in each plant's finance, so the money
 * page has every chart to draw. 200 draws keep the run short.
 */
export function compareWithRisk(): string {
  const project = parse(exampleText('compare')) as { plants: { finance: Record<string, unknown> }[] };
  for (const plant of project.plants) {
    plant.finance.sensitivity = {
      metric: 'npv',
      variables: [
        { knob: 'capexMultiplier', low: '80 %', high: '120 %' },
        { knob: 'revenueMultiplier', low: '80 %', high: '120 %' },
        { knob: 'discountRate', low: '4 %', high: '8 %' },
      ],
    };
    plant.finance.monteCarlo = {
      draws: 200,
      seed: 7,
      variables: [
        { knob: 'capexMultiplier', distribution: { kind: 'triangular', min: '90 %', mode: '100 %', max: '125 %' } },
        { knob: 'revenueMultiplier', distribution: { kind: 'normal', mean: '100 %', sd: '10 %' } },
      ],
    };
  }
  return stringify(project);
}

/** An hourly price file for 2025 (Asia/Shanghai), yuan/MWh: a day-night shape. `badRow` (file line, 1-based) holds "abc". */
export function priceCsv(badRow?: number): string {
  const lines = ['time,price'];
  const start = Date.UTC(2025, 0, 1) - 8 * 3_600_000;
  for (let h = 0; h < 8760; h++) {
    const local = new Date(start + h * 3_600_000 + 8 * 3_600_000);
    const hour = local.getUTCHours();
    const price = hour >= 10 && hour < 14 ? 250 : hour >= 17 && hour < 22 ? 780 : 420;
    const time = `${local.toISOString().slice(0, 19)}+08:00`;
    lines.push(`${time},${lines.length + 1 === badRow ? 'abc' : price}`);
  }
  return lines.join('\n') + '\n';
}
