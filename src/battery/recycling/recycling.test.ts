import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareRoutes, evaluateRecycling, gradeCountsFromGrading, parseRecyclingPlant, MATERIALS, RecyclingInputError, type RecyclingPlantSpec } from './index.js';
import { plantInput, UNITS } from './testing.js';

const spec = (input: Record<string, unknown>): RecyclingPlantSpec => {
  const p = parseRecyclingPlant(input);
  if (!p.ok) throw new Error(p.issues.map((i) => i.message).join('; '));
  return p.value;
};
const close = (actual: number, expected: number, rel: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what}: ${actual} vs hand calculation ${expected}`);

/** 1000 units of 1 kWh each, so an annual amount / 1000 is per kWh of nameplate energy. */
const perKwhFeed = (chemistry: string) => ({ chemistry, form: 'module', unitsPerYear: 1000, unitMass: '8 kg', unitEnergy: '1 kWh' });
const line = (r: ReturnType<typeof evaluateRecycling>, name: string) => r.revenue.find((x) => x.name === name)?.amount ?? NaN;

test('LFP by hydro: Li2CO3 per kWh and its revenue match the hand calculation', () => {
  // CAM per kWh = 1000 Wh / (150 Ah/kg × 3.2 V) = 2.083333 kg (basis in data/recycling-materials.ts, our assumption)
  // Li in LiFePO4 = 6.94 / (6.94 + 55.845 + 30.974 + 4 × 15.999) = 6.94 / 157.755 = 0.0439923 (IUPAC 2021 weights)
  // Li recovered = 2.083333 × 0.0439923 × 0.98 (black mass, CN-2024) × 0.90 (Li, CN-2024) = 0.0808359 kg
  // Li2CO3 = 0.0808359 × 73.888 / 13.88 = 0.430320 kg; × 60.2 yuan/kg (SMM 2025-06-05) = 25.905 yuan per kWh
  const r = evaluateRecycling(spec(plantInput('hydro', [perKwhFeed('LFP')])));
  const li2co3 = r.streams[0].balance.products.find((p) => p.name === 'Li2CO3')!;
  close(li2co3.mass / 1000, 0.43032, 1e-4, 'Li2CO3 per kWh, kg');
  close(line(r, 'Li2CO3') / 1000, 25.905, 1e-4, 'Li2CO3 revenue per kWh, yuan');
});

test('NCM811 by hydro: nickel per kWh and its revenue match the hand calculation', () => {
  // CAM per kWh = 1000 / (195 Ah/kg × 3.6 V) = 1.424501 kg
  // M(LiNi0.8Mn0.1Co0.1O2) = 6.94 + 0.8·58.693 + 0.1·54.938 + 0.1·58.933 + 2·15.999 = 97.2795 g/mol; w_Ni = 46.9544 / 97.2795 = 0.482675
  // Ni recovered = 1.424501 × 0.482675 × 0.98 × 0.98 (Ni, CN-2024) = 0.660331 kg; × 120.59 yuan/kg (SHFE 2025-07-11) = 79.629 yuan
  const r = evaluateRecycling(spec(plantInput('hydro', [perKwhFeed('NCM811')])));
  close(line(r, 'Ni (in sulphate)') / 1000, 79.629, 1e-4, 'Ni revenue per kWh, yuan');
});

test('NCM523 by pyro: cobalt goes to the alloy, lithium and manganese to the slag', () => {
  // CAM per kWh = 1000 / (160 × 3.65) = 1.712329 kg; M(LiNi0.5Mn0.3Co0.2O2) = 6.94 + 29.3465 + 16.4814 + 11.7866 + 31.998 = 96.5525
  // w_Co = 11.7866 / 96.5525 = 0.122075; Co = 1.712329 × 0.122075 × 0.98 × 0.98 = 0.200755 kg
  // × 45,000 yuan/t sulphate / 0.205 (Platts 2025-06-23) = 219.512 yuan/kg → 44.068 yuan per kWh
  const r = evaluateRecycling(spec(plantInput('pyro', [perKwhFeed('NCM523')])));
  close(line(r, 'Co (in alloy)') / 1000, 44.068, 1e-4, 'Co revenue per kWh, yuan');
  const flows = r.streams[0].balance.byMaterial;
  assert.equal(flows.Li.recovered, 0);
  assert.equal(flows.Mn.recovered, 0);
});

test('LFP by direct regeneration: net value per kWh matches a hand calculation with only reagents and capital as costs', () => {
  // regenerated LFP = 2.083333 × 0.98 × 0.90 = 1.8375 kg/kWh × 2,721.16 USD/t × 7.18 / 1000 (SMM 2025-06-16) = 19.5379 yuan/kg → 35.901 yuan
  // black mass = (CAM 2.083333 + graphite 1000/3.2 × 1.1 / 340 = 1.011029) × 0.98 = 3.032475 kg; reagents 1.5 yuan/kg → 4.5487 yuan
  // capex = 1,000 yuan/(t/yr) × 1 kg/s·3.6 t/h … chosen so that the line takes exactly the feed: 8 t/yr → 8,000 yuan; CRF(8 %, 15 yr) = 0.116830
  //   capital charge = 934.64 yuan/yr → 0.93464 yuan per kWh
  // net value per kWh = 35.901 − 4.5487 − 0.9346 = 30.418 yuan (scrap credits and all other costs set to zero)
  const zero = '0 yuan/t';
  const input = plantInput('direct', [perKwhFeed('LFP')], {
    line: { capacity: '1 t/h', hoursPerYear: '8 h', availability: '100 %', staff: 0, labourCostPerPerson: '0 yuan' },
    costs: {
      electricityPrice: '0 yuan/kWh',
      collection: zero,
      dismantling: { energy: '0 kWh/t', consumables: zero },
      pretreatment: { energy: '0 kWh/t', consumables: zero },
      route: { energy: '0 kWh/t', reagentsLFP: '1500 yuan/t', reagentsNCM: zero, other: zero },
      residueDisposal: zero,
      capexPerCapacity: '1000 yuan/t',
      fixedOm: '0 %',
      capitalRecovery: { rate: '8 %', years: 15 },
    },
    prices: { copperScrap: zero, aluminiumScrap: zero, steelScrap: zero },
  });
  const r = evaluateRecycling(spec(input));
  close(line(r, 'regenerated LFP') / 1000, 35.901, 1e-4, 'regenerated LFP revenue per kWh');
  close(r.netValue / 1000, 30.418, 1e-4, 'net value per kWh');
  close(r.netValuePerEnergy * 3.6e6, 30.418, 1e-4, 'netValuePerEnergy in yuan/kWh');
  close(r.breakEvenGateFee * 1000, (-30.418 / 8) * 1000, 1e-4, 'break-even gate fee in yuan/t of 8 kg units');
});

test('mass is conserved: every material in = second life + recovered + lost, and the materials add up to the feed', () => {
  for (const route of ['pyro', 'hydro', 'direct'] as const) {
    const r = evaluateRecycling(spec(plantInput(route, Object.values(UNITS), { sorting: { secondLifeShare: '15 %', secondLifePrice: '200 yuan/kWh' } })));
    for (const s of r.streams) {
      let total = 0;
      for (const m of MATERIALS) {
        const f = s.balance.byMaterial[m];
        total += f.in;
        assert.ok(Math.abs(f.in - f.secondLife - f.recovered - f.lost) <= 1e-9 * s.balance.feedMass, `${route} ${s.balance.chemistry} ${m}`);
        assert.ok(f.lost >= -1e-9 * f.in, `${route} ${s.balance.chemistry} ${m}: nothing is recovered twice`);
      }
      close(total, s.balance.feedMass, 1e-12, `${route} ${s.balance.chemistry}: materials vs feed`);
      close(s.balance.secondLifeMass, 0.15 * s.balance.feedMass, 1e-12, 'second-life mass');
    }
  }
});

test('black mass is priced as the market prices it: per lithium point for LFP, by payables for NCM', () => {
  const r = evaluateRecycling(spec(plantInput('hydro', [UNITS.LFP, UNITS.NCM622])));
  const [lfp, ncm] = r.streams;
  // LFP: 2,075 yuan per t per % Li (SMM 2025-06-19) × Li % of the black mass
  close(lfp.blackMassValue, 2.075 * (100 * lfp.balance.blackMassContent.Li / lfp.balance.blackMass) * lfp.balance.blackMass, 1e-12, 'LFP black mass value');
  // NCM: 0.71 × (Ni × 120.59 + Co × 219.512) + 0.705 × Li × 5.32334 × 60.2 (SMM 2025-06-19 payables; prices as above)
  const c = ncm.balance.blackMassContent;
  close(ncm.blackMassValue, 0.71 * (c.Ni * 120.59 + c.Co * (45 / 0.205)) + 0.705 * c.Li * (73.888 / 13.88) * 60.2, 1e-9, 'NCM black mass value');
  // the LFP black mass is about 3 % Li (LFP battery black mass is traded at 2-4 % Li)
  assert.ok(lfp.blackMassLithium > 0.025 && lfp.blackMassLithium < 0.035, `Li in LFP black mass ${lfp.blackMassLithium}`);
});

test('the published signs hold at the June-2025 (low lithium) prices with the documented Chinese cost estimate', () => {
  const s = spec(plantInput('hydro', Object.values(UNITS)));
  const table = compareRoutes(s, {
    pyro: spec(plantInput('pyro', Object.values(UNITS))).costs,
    direct: spec(plantInput('direct', Object.values(UNITS))).costs,
  });
  const at = (chemistry: string, route: string) => table.find((x) => x.chemistry === chemistry && x.route === route)!;
  // LFP by pyro loses money: Li, Fe, P and graphite report to slag (Battery Associates; Harper et al. 2019)
  assert.ok(at('LFP', 'pyro').netValuePerMass < 0, `LFP pyro ${at('LFP', 'pyro').netValuePerMass * 1000} yuan/t`);
  // LFP by hydro on black mass bought at market value loses money (SMM 2025: −5 … −8 % at Li2CO3 ≈ 70-80 kyuan/t)
  assert.ok(at('LFP', 'hydro').routeMarginShare! < 0, `LFP hydro margin ${at('LFP', 'hydro').routeMarginShare}`);
  // NCM by hydro earns, on black mass bought at market value and over the whole line (SMM 2025: ternary hydro +1 … 3 %)
  for (const c of ['NCM523', 'NCM622', 'NCM811']) {
    assert.ok(at(c, 'hydro').routeMarginShare! > 0, `${c} hydro margin`);
    assert.ok(at(c, 'hydro').netValuePerMass > 0, `${c} hydro net value`);
  }
  // direct regeneration is the route that pays most for LFP (Harper et al. 2019; Ciez & Whitacre 2019)
  const direct = at('LFP', 'direct').netValuePerMass;
  assert.ok(direct > 0 && direct > at('LFP', 'hydro').netValuePerMass && direct > at('LFP', 'pyro').netValuePerMass, `LFP direct ${direct * 1000} yuan/t`);
  // LFP by hydro over the whole line is near break-even: |net value| under a tenth of its revenue, and a small
  // fraction of an NCM's (its Cu and Al scrap carry it, not its lithium)
  const lfpHydro = evaluateRecycling(s).streams.find((x) => x.balance.chemistry === 'LFP')!;
  assert.ok(Math.abs(lfpHydro.netValue) < 0.1 * lfpHydro.revenueTotal, `LFP hydro net ${lfpHydro.netValue} vs revenue ${lfpHydro.revenueTotal}`);
  assert.ok(at('LFP', 'hydro').netValuePerMass < 0.1 * at('NCM523', 'hydro').netValuePerMass);
});

test('at the November-2025 prices LFP hydro on bought black mass stays near break-even, as SMM reported that autumn', () => {
  // SMM weekly reviews: LFP hydro margin on externally bought black mass −5 … −8 % (2025-09-18), −3 … +4 % (2025-11-13)
  const s = spec(plantInput('hydro', [UNITS.LFP, UNITS.NCM622], { prices: { snapshot: 'CN-2025-11' } }));
  const lfp = compareRoutes(s).find((x) => x.chemistry === 'LFP' && x.route === 'hydro')!;
  assert.ok(lfp.routeMarginShare! > -0.1 && lfp.routeMarginShare! < 0.05, `LFP hydro margin ${lfp.routeMarginShare}`);
  // the black mass is priced at 3,175 yuan per Li point (SMM 2025-11-13 midpoint)
  const liPercent = 100 * evaluateRecycling(s).streams[0].blackMassLithium;
  close(lfp.blackMassPrice * 1000, 3175 * liPercent, 1e-12, 'LFP black mass, yuan/t');
});

test('second-life share from grade counts: cells graded for reuse over all graded cells', () => {
  const s = spec(plantInput('hydro', [UNITS.LFP], { sorting: { grades: { reuseStorage: 120, reuseLowPower: 30, recycle: 50 }, secondLifePrice: '250 yuan/kWh' } }));
  assert.equal(s.sorting.secondLifeShare, 150 / 200);
  assert.equal(s.sorting.basis, 'grading');
  // a grading result's yields map onto the same counts
  const yields = { 'reuse-storage': { count: 120, share: 0.6 }, 'reuse-low-power': { count: 30, share: 0.15 }, recycle: { count: 50, share: 0.25 } };
  assert.deepEqual(gradeCountsFromGrading({ yields }), { reuseStorage: 120, reuseLowPower: 30, recycle: 50 });
});

test('bad input names its field, the value and the valid range', () => {
  const bad = (input: Record<string, unknown>) => {
    const p = parseRecyclingPlant(input);
    assert.equal(p.ok, false);
    if (p.ok) throw new Error("expected issues");
    return p.issues;
  };
  const a = bad(plantInput('hydro', [UNITS.LFP], { line: { capacity: '3 t/h', hoursPerYear: '7200 h', availability: '150 %', staff: 10, labourCostPerPerson: '1 yuan' } }));
  assert.deepEqual(a.map((i) => i.field), ['line.availability']);
  assert.match(a[0].message, /line\.availability: "150 %" is not valid: expected 1 % … 100 %/);
  const b = bad(plantInput('hydro', [{ ...UNITS.LFP, unitEnergy: '3 bar' }]));
  assert.equal(b[0].field, 'feed[0].unitEnergy');
  const c = bad(plantInput('hydro', [{ ...UNITS.LFP, colour: 'blue' }]));
  assert.match(c[0].message, /colour/);
  const d = bad(plantInput('hydro', [UNITS.LFP], { sorting: {} }));
  assert.match(d[0].message, /exactly one of secondLifeShare .* or grades/);
  // a unit lighter than its cells, and a line too small for its feed, are refused by the model with the field
  const light = spec(plantInput('hydro', [{ ...UNITS.LFP, unitMass: '50 kg' }]));
  assert.throws(() => evaluateRecycling(light), (e: unknown) => e instanceof RecyclingInputError && e.field === 'feed[0].unitMass' && /at least the mass of its cells, 86\.9 kg/.test(e.message));
  const small = spec(plantInput('hydro', [UNITS.LFP], { line: { capacity: '0.5 t/h', hoursPerYear: '7200 h', availability: '90 %', staff: 10, labourCostPerPerson: '1 yuan' } }));
  assert.throws(() => evaluateRecycling(small), (e: unknown) => e instanceof RecyclingInputError && e.field === 'line.capacity' && /6300 t\/yr needs at least 0\.972 t\/h/.test(e.message));
});
