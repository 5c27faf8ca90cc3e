import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDutyCsv } from './duty-csv.js';
import { dailyProfileDuty, type Duty } from './duty.js';
import { advanceTo, lifeUnderDuty } from './life-under-duty.js';
import { createLifeModel, LIFE_MODEL_IDS } from './registry.js';

// Published models' results on the reference duties: ../shared/reference/battery/reference_results.json
// (NREL BLAST-Lite bae8c71, NREL SSC e97a19f8e with SAM's library parameters).
const REF = new URL('../../../../shared/reference/battery/', import.meta.url);
const reference = JSON.parse(readFileSync(new URL('reference_results.json', REF), 'utf8'));
const duties = new Map<string, Duty>(
  Object.keys(reference.profiles).map((p) => [p, parseDutyCsv(readFileSync(new URL(reference.profiles[p].file, REF), 'utf8'), p)]),
);

/** Our id → the reference's model key and the acceptance tolerance on q per year (issue 15). */
const PEERS: Record<string, { key: string; qTolerance: number }> = {
  'lfp-250ah': { key: 'BLAST_Lfp_Gr_250AhPrismatic', qTolerance: 0.003 },
  'lfp-sonymurata-3ah': { key: 'BLAST_Lfp_Gr_SonyMurata3Ah_Battery', qTolerance: 0.003 },
  'sam-lfp': { key: 'SAM_LFP_calcyc', qTolerance: 0.01 },
  'sam-nmc': { key: 'SAM_NMC_calcyc', qTolerance: 0.01 },
  // no acceptance figure stated for the other BLAST models: the LFP one's
  'nmc111-kokam-75ah': { key: 'BLAST_Nmc111_Gr_Kokam75Ah_Battery', qTolerance: 0.003 },
  'nmc622-denso-50ah': { key: 'BLAST_Nmc622_Gr_DENSO50Ah_Battery', qTolerance: 0.003 },
  'nmc811-lgmj1': { key: 'BLAST_Nmc811_GrSi_LGMJ1_4Ah_Battery', qTolerance: 0.003 },
  'sam-nmc-smith2017': { key: 'SAM_NMC_Smith2017', qTolerance: 0.01 },
};

const lives = new Map<string, ReturnType<typeof lifeUnderDuty>>();
function life(id: string, profile: string) {
  const k = `${id}|${profile}`;
  if (!lives.has(k)) lives.set(k, lifeUnderDuty(createLifeModel(id), duties.get(profile)!, 20));
  return lives.get(k)!;
}

for (const [id, peer] of Object.entries(PEERS)) {
  for (const profile of duties.keys()) {
    const ref = reference.results[profile][peer.key];
    test(`${id} gives ${peer.key}'s capacity each year on ${profile} within ${peer.qTolerance}, and its years to 80 % and 70 %`, () => {
      const r = life(id, profile);
      assert.equal(r.capacity.length, 21);
      r.capacity.forEach((q, y) => assert.ok(Math.abs(q - ref.q_yearly[y]) <= peer.qTolerance, `year ${y}: ${q} vs ${ref.q_yearly[y]}`));
      for (const [ours, theirs] of [
        [r.yearsTo80, ref.years_to_80],
        [r.yearsTo70, ref.years_to_70],
      ] as const) {
        if (theirs === null) assert.equal(ours, null);
        else assert.ok(ours !== null && Math.abs(ours - theirs) <= Math.max(0.3, 0.03 * theirs), `${ours} vs ${theirs}`);
      }
    });
    test(`${id} follows ${peer.key}'s own time stepping on ${profile}: every year's capacity to 1e-9`, () => {
      const r = life(id, profile);
      r.capacity.forEach((q, y) => assert.ok(Math.abs(q - ref.q_yearly[y]) < 1e-9, `year ${y}: ${q} vs ${ref.q_yearly[y]}`));
    });
  }
}

for (const id of ['nmc111-kokam-75ah', 'lfp-sonymurata-3ah']) {
  const key = PEERS[id].key;
  test(`${id} gives ${key}'s resistance growth each year to 1e-9 on both duties`, () => {
    for (const profile of duties.keys()) {
      const ref = reference.results[profile][key];
      const r = life(id, profile).resistance;
      assert.ok(r !== null);
      r.forEach((x, y) => assert.ok(Math.abs(x - ref.r_yearly[y]) < 1e-9, `${profile} year ${y}: ${x} vs ${ref.r_yearly[y]}`));
    }
  });
}

test('lfp-250ah counts the equivalent full cycles BLAST-Lite counts (throughput × present capacity) each year', () => {
  for (const profile of duties.keys()) {
    const ref = reference.results[profile].BLAST_Lfp_Gr_250AhPrismatic;
    life('lfp-250ah', profile).equivalentFullCycles.forEach((e, y) => assert.ok(Math.abs(e - ref.efc_yearly[y]) < 1e-6, `${profile} year ${y}: ${e} vs ${ref.efc_yearly[y]}`));
  }
});

test('the SAM models have no resistance state and report null resistance', () => {
  assert.equal(life('sam-lfp', 'p1_daily1_05C_25C').resistance, null);
});

// Orderings the issue requires, on duties built here: the p1 day (10→90→10 % at 0.5C), the same twice a day, rest.
const K = 273.15;
const ONE_A_DAY: [number, number][] = [[0, 0.1], [2, 0.1], [3.6, 0.9], [19, 0.9], [20.6, 0.1], [24, 0.1]];
const TWO_A_DAY: [number, number][] = [[0, 0.1], [2, 0.1], [3.6, 0.9], [8, 0.9], [9.6, 0.1], [12, 0.1], [13.6, 0.9], [19, 0.9], [20.6, 0.1], [24, 0.1]];
const q10 = (id: string, d: Duty) => lifeUnderDuty(createLifeModel(id), d, 10).capacity[10];

// Each ordering by a clear margin (0.002 of capacity after 10 years). SAM's Smith 2017 model separates rest at full and
// half charge least (by 0.004): SSC takes the graphite potential of its SEI rate at a mean SOC that, with no cycles in
// a day, is 1 − (the day's DOD range)/100 = 1 whatever the SOC, so only its break-in term sees the SOC at rest.
const MARGIN = 0.002;
// DENSO's NMC622 model (Smith et al. 2021) is fitted to cells whose cycling fade fell with temperature (its cycling
// rate has a negative activation energy, −58 kJ/mol: plating-like) and whose calendar fade peaked at mid SOC; the
// issue's orderings on cycling heat and rest at full charge do not hold for it, and its test says what does.
const DENSO = 'nmc622-denso-50ah';
for (const id of LIFE_MODEL_IDS) {
  test(`${id}: two cycles a day age faster than one, 35 °C faster than 25 °C, rest at full charge faster than at half`, () => {
    const one25 = q10(id, dailyProfileDuty(ONE_A_DAY, 25 + K));
    const one35 = q10(id, dailyProfileDuty(ONE_A_DAY, 35 + K));
    assert.ok(q10(id, dailyProfileDuty(TWO_A_DAY, 25 + K)) < one25 - MARGIN, 'two cycles a day');
    if (id === DENSO) assert.ok(one35 > one25 + MARGIN, 'DENSO: cycling at 35 °C ages slower than at 25 °C');
    else assert.ok(one35 < one25 - MARGIN, 'cycling at 35 °C');
    const restHalf25 = q10(id, dailyProfileDuty([[0, 0.5], [24, 0.5]], 25 + K));
    const restFull25 = q10(id, dailyProfileDuty([[0, 1], [24, 1]], 25 + K));
    assert.ok(q10(id, dailyProfileDuty([[0, 0.5], [24, 0.5]], 35 + K)) < restHalf25 - MARGIN, 'rest at 35 °C');
    if (id === DENSO) assert.ok(Math.abs(restFull25 - restHalf25) < MARGIN, 'DENSO: rest at full charge ages as at half');
    else assert.ok(restFull25 < restHalf25 - MARGIN, 'rest at full charge');
  });
}

test('an unknown model id is refused with the list of valid ids', () => {
  assert.throws(() => createLifeModel('lfp-999'), /life model "lfp-999" is unknown; valid: lfp-250ah, lfp-sonymurata-3ah, sam-lfp, /);
});

test('advancing a year at a time with advanceTo gives the same life as lifeUnderDuty (BLAST passes age less than 365 days)', () => {
  const duty = duties.get('p1_daily1_05C_25C')!;
  const model = createLifeModel('lfp-250ah');
  const q: number[] = [model.q];
  for (let y = 1; y <= 3; y++) q.push(advanceTo(model, duty, 365 * y).q);
  const whole = life('lfp-250ah', 'p1_daily1_05C_25C').capacity;
  // the state just past each year's end: within one daily update of the interpolated value
  for (let y = 1; y <= 3; y++) assert.ok(Math.abs(q[y] - whole[y]) < 1e-4, `year ${y}: ${q[y]} vs ${whole[y]}`);
  assert.ok(model.tDays >= 3 * 365 && model.tDays < 3 * 365 + 1.1, String(model.tDays));
});

test('lfp-sonymurata-3ah under four cycles a day (its break-in runs above 3 EFC a day) ages faster than under two, and stays finite', () => {
  const FOUR_A_DAY: [number, number][] = [[0, 0.1]];
  for (let c = 0; c < 4; c++) FOUR_A_DAY.push([c * 6 + 1.6, 0.9], [c * 6 + 3.2, 0.1]);
  FOUR_A_DAY.push([24, 0.1]);
  const model = createLifeModel('lfp-sonymurata-3ah');
  const four = lifeUnderDuty(model, dailyProfileDuty(FOUR_A_DAY, 25 + K), 5);
  assert.ok(model.internalStates().qBreakIn < 0.99, `break-in ${model.internalStates().qBreakIn}`);
  const two = lifeUnderDuty(createLifeModel('lfp-sonymurata-3ah'), dailyProfileDuty(TWO_A_DAY, 25 + K), 5);
  assert.ok(four.capacity.every(Number.isFinite) && four.resistance!.every(Number.isFinite));
  assert.ok(four.capacity[5] < two.capacity[5] - 0.02, `${four.capacity[5]} vs ${two.capacity[5]}`);
});

test('every model offers lifeUnderDuty as a method, the same life as the function', () => {
  const duty = duties.get('p3_calendar_50soc_35C')!;
  for (const id of ['lfp-250ah', 'sam-lfp', 'sam-nmc-smith2017']) {
    assert.deepEqual(createLifeModel(id).lifeUnderDuty(duty, 2), lifeUnderDuty(createLifeModel(id), duty, 2));
  }
});
