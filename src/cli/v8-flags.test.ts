/** Which V8 flags a command line sets: evaluate's inlining budget, nothing for the others. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { V8_FLAGS, v8FlagsFor } from './v8-flags.js';

test('evaluate halves TurboFan’s cumulative inlining budget, whatever options come after it', () => {
  assert.deepEqual(v8FlagsFor(['evaluate', 'examples/luoyang/compare.yaml', '--no-cache']), ['--max-inlined-bytecode-size-cumulative=460']);
  assert.deepEqual(v8FlagsFor(['--no-color', 'evaluate', 'x.yaml']), ['--max-inlined-bytecode-size-cumulative=460']);
});

test('other commands, help and the version keep V8’s defaults', () => {
  for (const args of [['dispatch', '--prices', 'p.csv'], ['props', 'CO2', 'T=25degC'], ['--version'], [], ['help', 'evaluate'], ['toString']]) assert.deepEqual(v8FlagsFor(args), [], args.join(' '));
});

test('every flag a command sets is one this V8 knows and takes at run time, before a worker thread starts', () => {
  // --single-threaded-gc, for one, stops V8 (a fatal check) when set after start; an unknown flag only warns on stderr
  for (const [command, flags] of Object.entries(V8_FLAGS)) {
    // garbage enough for V8 to collect on both threads (where --single-threaded-gc set late fails)
    const script = `const v8 = require('node:v8'); for (const f of ${JSON.stringify(flags)}) v8.setFlagsFromString(f);
      const { Worker } = require('node:worker_threads');
      const keep = []; for (let i = 0; i < 3e5; i++) { keep.push({ a: i, b: [i] }); if (keep.length > 1e5) keep.length = 0; }
      new Worker('const k = []; for (let i = 0; i < 3e5; i++) { k.push({ a: i }); if (k.length > 1e5) k.length = 0; }', { eval: true }).on('exit', (c) => process.exit(c));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, `${command}: ${flags.join(' ')} exited ${r.status}: ${r.stderr}`);
    assert.equal(r.stderr, '', `${command}: ${flags.join(' ')}`);
  }
});
