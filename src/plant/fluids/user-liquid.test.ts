/**
 * A user-defined liquid (src/fluids/incompressible/user-liquid.ts) as a plant stream medium: a store loop with solar
 * salt written as Zavoico's correlations (SAND2001-2100) solves to the shipped solar salt's figures, and a stream
 * outside the correlations' range is refused naming the range.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Network } from '../network/network.js';
import { Source } from '../components/source.js';
import { Sink } from '../components/sink.js';
import { Heater } from '../components/simple-heat-exchanger.js';
import type { FluidSpec } from './resolve.js';

const salt: FluidSpec = {
  liquid: {
    id: 'ZavoicoSalt',
    source: 'A. B. Zavoico, Solar Power Tower Design Basis Document, SAND2001-2100 (2001)',
    Tmin: 533.15,
    Tmax: 873.15,
    variable: 'degC',
    rho: [2090, -0.636],
    cp: [1443, 0.172],
  },
};

/** Salt from a 290 degC cold tank heated by 10 MW. */
function heated(fluid: FluidSpec, T: number) {
  const net = new Network();
  net.add(new Source('cold', { fluid }), new Heater('H', { Q: 10e6 }), new Sink('hot'));
  net.connect('cold', 'H', { m: 50, p: 5e5, T });
  net.connect('H', 'hot');
  return net.solve();
}

test('a salt loop on the user’s correlations heats the salt exactly as the shipped solar salt does', () => {
  const mine = heated(salt, 563.15);
  const shipped = heated('NaK', 563.15);
  if (!mine.ok || !shipped.ok) throw new Error(`${mine.ok ? '' : mine.reason} ${shipped.ok ? '' : shipped.reason}`);
  const T = mine.value.stream('s2').T;
  assert.ok(Math.abs(T - shipped.value.stream('s2').T) < 1e-9, `${T} K`);
  // by hand: 10 MW / 50 kg/s = 200 kJ/kg = ∫ cp dt + p Δ(v − T dv/dT) at 5 bar, with ∫ cp dt from 290 degC =
  // 1443 Δt + 0.086 (t² − 290²) and v = 1/ρ, dv/dT = 0.636/ρ² (the incompressible model's p-term)
  const t = T - 273.15;
  const pTerm = (tc: number) => {
    const rho = 2090 - 0.636 * tc;
    return 1 / rho - ((tc + 273.15) * 0.636) / (rho * rho);
  };
  const dh = 1443 * (t - 290) + 0.086 * (t * t - 290 * 290) + 5e5 * (pTerm(t) - pTerm(290));
  assert.ok(Math.abs(dh - 200e3) < 1e-6, `Δh = ${dh} J/kg at t = ${t} degC`);
});

test('a user liquid below its stated range is refused with the range', () => {
  const r = heated(salt, 523.15);
  assert.ok(!r.ok);
  assert.match(r.reason, /533\.15 K ≤ T ≤ 873\.15 K/);
});

test('the salt-heater example’s user-defined salt (a network file, one anchored definition) gives the shipped solar salt’s flow', async () => {
  const { readFileSync } = await import('node:fs');
  const { parseNetworkText } = await import('../file/load.js');
  const text = readFileSync(new URL('../../../examples/networks/salt-heater-user-liquid.yaml', import.meta.url), 'utf8');
  const flow = (t: string) => {
    const parsed = parseNetworkText(t);
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
    const r = parsed.network.solve();
    if (!r.ok) throw new Error(r.reason);
    return r.value;
  };
  const mine = flow(text);
  // the same file with the shipped liquid in place of the definition
  const shipped = flow(text.replace(/fluid: &salt\n(\s+liquid:\n(\s{8}.*\n)+)/, 'fluid: NaK\n'));
  assert.equal(shipped.stream('cold').fluid, 'NaK');
  assert.equal(mine.stream('cold').fluid, 'ZavoicoSalt');
  const m = mine.stream('cold').m;
  assert.ok(Math.abs(m - shipped.stream('cold').m) < 1e-9 * m, `${m} kg/s`);
  // 100 MW over Zavoico's ∫ cp dt from 290 to 565 degC (417,045.75 J/kg) and the small p-terms: about 239.8 kg/s
  assert.ok(Math.abs(m - 100e6 / 417045.75) < 0.1, `${m} kg/s`);
});
