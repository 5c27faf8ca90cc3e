/**
 * Cycle files: the TESPy 2-stage A-CAES (../shared/validation/tespy_acaes_2stage.*, TESPy 0.11 on CoolProp 8.0.0)
 * charged and discharged as one cycle with the hot-tank temperature handed over instead of typed in. The round trip
 * must be TESPy's (1e-6 relative, the tolerance of src/plant/validation/tespy.test.ts for the same equations), and the
 * store's balance TESPy's heat_used_over_stored and oil_mass_used_over_stored.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import tespy from '../../../../shared/validation/tespy_acaes_2stage.results.json' with { type: 'json' };
import { parseCycle, parseCycleText, solveCycle, type Cycle } from './cycle.js';

const examples = new URL('../../../examples/cycles/', import.meta.url);
const read = (base: URL) => (path: string) => readFileSync(new URL(path, base), 'utf8');

function load(name: string): Cycle {
  const parsed = parseCycleText(readFileSync(new URL(name, examples), 'utf8'), read(examples), name);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.cycle;
}

const REL = 1e-6;
const rel = (got: number, want: number, what: string) => assert.ok(Math.abs(got - want) <= REL * Math.abs(want), `${what}: got ${got}, expected ${want} ± ${REL} relative`);

test('the TESPy A-CAES as one cycle: the hot tank handed over from the charge, the round trip TESPy’s', () => {
  const cycle = load('tespy-acaes-2stage-cycle.yaml');
  // the discharge file types the hot tank in by hand; the handover must replace it with the charge's own result
  cycle.discharge.network.allComponents().find((c) => c.id === 'tes')?.set({ T: 500 } as never);
  const r = solveCycle(cycle);
  if (!r.ok) throw new Error(r.reason);
  const f = r.value.figures;
  assert.equal(f.handed.length, 1);
  assert.ok(Math.abs(f.handed[0].written - tespy.charge.T_store_K) < 1e-3, `hot tank ${f.handed[0].written} K`);
  rel(f.chargePower, tespy.charge.P_total_MW * 1e6, 'charge power');
  rel(f.dischargePower, tespy.discharge.P_total_MW * 1e6, 'discharge power');
  rel(f.rteNet, tespy.RTE_mechanical, 'RTE net');
  rel(f.rteGross, tespy.RTE_mechanical, 'RTE gross (no drive losses: the same)');
  rel(f.chargeEnergy, tespy.charge.P_total_MW * 1e6 * 8 * 3600, 'charge energy over 8 h');
  const [tes] = f.stores.filter((s) => s.id === 'tes');
  rel(tes.massDischarged / tes.massCharged, tespy.oil_mass_used_over_stored, 'oil used over stored');
  rel((tes.heatDischarged as number) / (tes.heatCharged as number), tespy.heat_used_over_stored, 'heat used over stored');
  rel(tes.heatCharged as number, tespy.charge.Q_stored_MW * 1e6 * 8 * 3600, 'heat stored over 8 h');
});

test('a rate handed over is the same amount spread over the discharge’s duration', () => {
  // charge 8 h, discharge 4 h: the discharge's cavern flow is twice the charge's, so both move the same air
  const text = `kind: cycle
charge: { network: ../networks/tespy-acaes-2stage-charge.yaml, duration: 8 h }
discharge: { network: ../networks/tespy-acaes-2stage-discharge.yaml, duration: 4 h }
handover:
  - { from: s11.T, to: tes.T }
  - { from: s1.m, to: s1.m, rate: mass }
`;
  const parsed = parseCycleText(text, read(examples));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  const r = solveCycle(parsed.cycle);
  if (!r.ok) throw new Error(r.reason);
  const f = r.value.figures;
  assert.equal(f.handed[1].written, 2 * f.handed[1].read);
  const cavern = f.stores.find((s) => s.id === 'cavern');
  assert.ok(cavern && Math.abs(cavern.massDischarged - cavern.massCharged) < 1e-9 * cavern.massCharged, JSON.stringify(cavern));
  // twice the flow for half the time, same turbines: the round trip is the 8 h one's
  rel(f.rteNet, tespy.RTE_mechanical, 'RTE net');
});

test('a cycle names what is wrong by field: a missing network, an unknown id, a bad duration, a charge that fails', () => {
  const base = { kind: 'cycle', charge: { network: '../networks/tespy-acaes-2stage-charge.yaml', duration: '8 h' }, discharge: { network: '../networks/tespy-acaes-2stage-discharge.yaml', duration: '8 h' } };
  const issues = (input: unknown) => {
    const r = parseCycle(input, read(examples));
    return r.ok ? [] : r.issues;
  };
  assert.match(issues({ ...base, charge: { ...base.charge, network: 'nowhere.yaml' } })[0].message, /^charge\.network: cannot read "nowhere\.yaml"/);
  assert.deepEqual(issues({ ...base, handover: [{ from: 'x9.T', to: 'tes.T' }] }).map((i) => i.field), ['handover[0].from']);
  assert.deepEqual(issues({ ...base, discharge: { ...base.discharge, duration: '-1 h' } }).map((i) => i.field), ['discharge.duration']);
  // the charge file's own opt-in withdrawn, TESPy's crossing intercoolers stop the cycle at the charge, by name; the
  // phase's opt-in accepts them again
  const parsed = parseCycle(base, read(examples));
  assert.ok(parsed.ok);
  parsed.cycle.charge.network.allowUnphysical(false);
  const r = solveCycle(parsed.cycle);
  assert.ok(!r.ok && r.stage === 'charge' && /temperature cross/.test(r.reason), r.ok ? 'solved' : r.reason);
  const wrong = parseCycle({ ...base, charge: { ...base.charge, allowUnphysical: ['temperature-cross'] }, handover: [{ from: 's11.X', to: 'tes.T' }] }, read(examples));
  assert.ok(wrong.ok);
  assert.deepEqual(wrong.cycle.charge.network.unphysicalAllowance, ['temperature-cross']);
  const w = solveCycle(wrong.cycle);
  assert.ok(!w.ok && w.stage === 'handover' && /quantity = "X" is not valid; valid: one of m, p, T, h, s/.test(w.reason), w.ok ? 'solved' : w.reason);
});
