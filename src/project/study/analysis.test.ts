import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseStudy } from './analysis.js';
import { caseValues, planStudy } from './plan.js';
import { parseStudyValue } from './spec.js';
import type { CaseResult } from './case.js';

/** A study whose cases are a function of the parameter values instead of a project (the analysis sees only outputs). */
function analyse(design: object, ranges: [number, number][], f: (x: number[]) => number, fail: number[] = []) {
  const spec = parseStudyValue({
    project: 'p.yaml',
    parameters: ranges.map((range, i) => ({ name: `x${i + 1}`, path: `plants[0].parameters.x${i + 1}`, range })),
    design,
    outputs: { y: { path: 'y' } },
  });
  const plan = planStudy(spec);
  const cases: CaseResult[] = plan.rows.map((row, index) => {
    const values = caseValues(spec, row, index);
    return fail.includes(index) ? { index, values, outputs: null, error: 'failed', seconds: 0 } : { index, values, outputs: [f(values)], error: null, seconds: 0 };
  });
  return analyseStudy(spec, plan, cases).outputs[0];
}

const PI = Math.PI;

test('Sobol indices of the Ishigami function through the study machinery match the analytic values', () => {
  // Ishigami & Homma 1990, a = 7, b = 0.1 on [−π, π]³: S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437 (Saltelli et al. 2008, Global Sensitivity Analysis, §4.6)
  const ishigami = ([x1, x2, x3]: number[]) => Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
  const o = analyse({ kind: 'saltelli', samples: 4096, seed: 5, bootstrap: 20 }, [[-PI, PI], [-PI, PI], [-PI, PI]], ishigami);
  const first = o.sobol!.first.map((e) => e.value);
  const total = o.sobol!.total.map((e) => e.value);
  [0.3139, 0.4424, 0].forEach((s, i) => assert.ok(Math.abs(first[i] - s) < 0.03, `S1[${i}] = ${first[i]}, analytic ${s}`));
  [0.5576, 0.4424, 0.2437].forEach((s, i) => assert.ok(Math.abs(total[i] - s) < 0.03, `ST[${i}] = ${total[i]}, analytic ${s}`));
});

test('Morris ranks a linear function’s parameters by their effect over their ranges', () => {
  // y = x1 + 10 x2 + 0 x3, each on [0, 2]: the effect over the whole range is 2, 20, 0
  const o = analyse({ kind: 'morris', trajectories: 6, seed: 2 }, [[0, 2], [0, 2], [0, 2]], ([a, b]) => a + 10 * b);
  assert.deepEqual(o.morris!.ranking, [1, 0, 2]);
  o.morris!.muStar.forEach((m, i) => assert.ok(Math.abs(m - [2, 20, 0][i]) < 1e-9, `mu*[${i}] = ${m}`));
});

test('the tornado puts each parameter at its P10 and P90 with the others at their medians', () => {
  // uniform on [0, 10]: P10 = 1, P90 = 9, median 5; y = x1 + 3 x2
  const o = analyse({ kind: 'tornado' }, [[0, 10], [0, 10]], ([a, b]) => a + 3 * b);
  assert.equal(o.tornado!.base, 20);
  assert.deepEqual(
    o.tornado!.bars.map((b) => [b.name, b.low, b.high, b.swing]),
    [
      ['x2', 8, 32, 24],
      ['x1', 16, 24, 8],
    ],
  );
});

test('an index that needs every case is not computed when one failed, and the note says why', () => {
  const o = analyse({ kind: 'tornado' }, [[0, 10], [0, 10]], ([a, b]) => a + 3 * b, [2]);
  assert.equal(o.tornado, undefined);
  assert.match(o.note!, /1 case\(s\) failed/);
  assert.equal(o.summary!.count, 4);
});

test('Monte Carlo gives P10/P50/P90 and P(y > threshold) over the draws', () => {
  const o = analyse({ kind: 'monte-carlo', samples: 2000, seed: 9, threshold: { y: 7.5 } }, [[0, 10]], ([a]) => a);
  const q = Object.fromEntries(o.summary!.quantiles.map((x) => [x.p, x.value]));
  assert.ok(Math.abs(q[0.1] - 1) < 0.3 && Math.abs(q[0.5] - 5) < 0.3 && Math.abs(q[0.9] - 9) < 0.3, JSON.stringify(q));
  assert.ok(Math.abs(o.exceedance!.probability - 0.25) < 0.03 && o.exceedance!.low < 0.25 && o.exceedance!.high > 0.25);
});
