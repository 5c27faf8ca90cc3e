/** Which V8 flags a command line sets: evaluate's inlining budget, nothing for the others. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { v8FlagsFor } from './v8-flags.js';

test('evaluate halves TurboFan’s cumulative inlining budget, whatever options come after it', () => {
  assert.deepEqual(v8FlagsFor(['evaluate', 'examples/luoyang/compare.yaml', '--no-cache']), ['--max-inlined-bytecode-size-cumulative=460']);
  assert.deepEqual(v8FlagsFor(['--no-color', 'evaluate', 'x.yaml']), ['--max-inlined-bytecode-size-cumulative=460']);
});

test('other commands, help and the version keep V8’s defaults', () => {
  for (const args of [['dispatch', '--prices', 'p.csv'], ['props', 'CO2', 'T=25degC'], ['--version'], [], ['help', 'evaluate'], ['toString']]) assert.deepEqual(v8FlagsFor(args), [], args.join(' '));
});
