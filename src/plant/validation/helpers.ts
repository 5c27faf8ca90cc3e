/** Helpers of the validation tests: solving an example file, and comparisons that name what they compare. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseNetworkText } from '../file/load.js';
import type { Network } from '../network/network.js';
import type { Solution } from '../network/solution.js';
import type { ViolationKind } from '../violations.js';

/**
 * What an example is known to break (violations.ts), accepted when a test solves it: the TESPy 2-stage A-CAES charge
 * case is TESPy's own solution, whose intercoolers meet 10 K at both ends and cross inside (tespy.test.ts).
 */
export const EXAMPLE_ALLOWANCES: Readonly<Record<string, readonly ViolationKind[]>> = { 'tespy-acaes-2stage-charge': ['temperature-cross'] };

/** The network of examples/networks/<name>.yaml, accepting what EXAMPLE_ALLOWANCES lists for it. */
export function loadExample(name: string): Network {
  const text = readFileSync(new URL(`../../../examples/networks/${name}.yaml`, import.meta.url), 'utf8');
  const parsed = parseNetworkText(text, name);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  const allowed = EXAMPLE_ALLOWANCES[name];
  return allowed ? parsed.network.allowUnphysical(allowed) : parsed.network;
}

/** Solves, or fails the test with the solver's reason. */
export function solveOrThrow(net: Network): Solution {
  const r = net.solve();
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

export function solveExample(name: string): Solution {
  return solveOrThrow(loadExample(name));
}

/** |got − expected| ≤ tol. */
export function close(got: number, expected: number, tol: number, what: string): void {
  assert.ok(Math.abs(got - expected) <= tol, `${what}: got ${got}, expected ${expected} ± ${tol}`);
}

/** |got − expected| ≤ percent % of |expected|. */
export function closePercent(got: number, expected: number, percent: number, what: string): void {
  const tol = (percent / 100) * Math.abs(expected);
  assert.ok(Math.abs(got - expected) <= tol, `${what}: got ${got}, expected ${expected} ± ${percent} % (${((100 * (got - expected)) / expected).toFixed(3)} %)`);
}

export const CELSIUS = 273.15;
