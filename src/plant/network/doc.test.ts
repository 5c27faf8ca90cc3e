import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { parseNetwork, parseNetworkText } from '../file/load.js';
import { EXAMPLE_ALLOWANCES } from '../validation/helpers.js';
import type { Network } from './network.js';

const dir = new URL('../../../examples/networks/', import.meta.url);

function load(file: string): Network {
  const r = parseNetworkText(readFileSync(new URL(file, dir), 'utf8'), file);
  assert.ok(r.ok, r.ok ? '' : r.issues.map((i) => i.message).join('\n'));
  return r.network;
}

function solved(net: Network, file: string) {
  const allowed = EXAMPLE_ALLOWANCES[file.replace(/\.yaml$/, '')];
  if (allowed) net.allowUnphysical(allowed);
  const s = net.solve();
  assert.ok(s.ok, `${file}: ${s.ok ? '' : s.reason}`);
  return s.value;
}

test('every example network, loaded, exported by toDoc as YAML and loaded again, solves to the identical solution', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length >= 4);
  for (const f of files) {
    const first = load(f);
    const a = solved(first, f);
    const yaml = toYaml(first.toDoc('round trip'));
    const again = parseNetwork(parseYaml(yaml));
    assert.ok(again.ok, `${f}: ${again.ok ? '' : again.issues.map((i) => i.message).join('\n')}`);
    if (!again.ok) continue;
    const b = solved(again.network, f);
    assert.deepEqual([...b.x], [...a.x], `${f}: the variables differ after the round trip`);
    assert.deepEqual(b.streams(), a.streams(), `${f}: the stream table differs after the round trip`);
    assert.deepEqual(again.network.toDoc('round trip'), first.toDoc('round trip'), `${f}: the document is not a fixed point`);
  }
});

test('toDoc writes each component with its type, parameters and opt-in, and each connection with both ends named', () => {
  const net = load('tespy-acaes-2stage-charge.yaml');
  const doc = net.toDoc();
  const c1 = doc.components.C1;
  assert.equal(c1.type, 'compressor');
  assert.equal(c1.eta_s, net.component('C1').get()['eta_s' as never]);
  for (const c of doc.connections) {
    assert.match(c.from, /^[\w-]+\.[\w]+$/);
    assert.match(c.to, /^[\w-]+\.[\w]+$/);
  }
  assert.deepEqual(doc.deadState, { T: net.deadState.T, p: net.deadState.p });
});
