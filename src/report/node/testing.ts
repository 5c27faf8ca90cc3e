/**
 * The report tests' data: the Luoyang example (gas-liquid CO2, adiabatic CAES, Li-ion on the Henan tariff) evaluated
 * for real, with a sensitivity and a Monte Carlo added to the battery's finance so the tornado and the histogram
 * have numbers. Evaluated once per test process.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { evaluate, parseProjectValue, type ProjectEvaluation } from '../../project/index.js';
import { readRelativeTo } from '../../project/node.js';

export const EXAMPLE = fileURLToPath(new URL('../../../examples/luoyang/compare.yaml', import.meta.url));

let cached: Promise<ProjectEvaluation> | undefined;

/** The Luoyang comparison with a tornado and a Monte Carlo (500 draws) on the Li-ion plant. */
export function luoyang(): Promise<ProjectEvaluation> {
  cached ??= (async () => {
    const raw = parse(readFileSync(EXAMPLE, 'utf8'));
    const battery = raw.plants[2].finance;
    battery.sensitivity = {
      metric: 'npv',
      variables: [
        { knob: 'capexMultiplier', low: 0.8, high: 1.2 },
        { knob: 'revenueMultiplier', low: 0.8, high: 1.2 },
        { knob: 'discountRate', low: 0.04, high: 0.08 },
        { knob: 'omMultiplier', low: 0.8, high: 1.2 },
      ],
    };
    battery.monteCarlo = {
      draws: 500,
      seed: 7,
      variables: [
        { knob: 'capexMultiplier', distribution: { kind: 'triangular', min: 0.85, mode: 1, max: 1.3 } },
        { knob: 'revenueMultiplier', distribution: { kind: 'normal', mean: 1, sd: 0.15 } },
      ],
    };
    const project = parseProjectValue(raw, EXAMPLE, readRelativeTo(dirname(EXAMPLE)));
    return evaluate(project.spec, { readText: project.readText });
  })();
  return cached;
}
