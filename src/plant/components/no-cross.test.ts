import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uniformSource } from '../../numerics/random.js';
import { fluid as eosFluid } from '../../fluids/index.js';
import { resolveFluid } from '../fluids/resolve.js';
import { StreamState, type StreamFluid } from '../fluids/stream-fluid.js';
import { pinchTemperatures, type PinchTemperatures, type Side } from './pinch.js';
import { NO_CROSS, provesNoCross } from './no-cross.js';
import { LUOYANG_EXCHANGER_STATES, LUOYANG_FLUIDS, type RecordedSide } from './no-cross-luoyang.js';

const SLICES = 24;

function endStates(hot: Side, cold: Side): StreamState[] {
  const at = (s: Side, p: number, h: number) => {
    const st = new StreamState();
    s.fluid.evaluate(p, h, s.f, st);
    return st;
  };
  return [at(hot, hot.pIn, hot.hIn), at(hot, hot.pOut, hot.hOut), at(cold, cold.pIn, cold.hIn), at(cold, cold.pOut, cold.hOut)];
}

/** The 24-slice profile's pinch, as the physics check computes it. */
function profilePinch(hot: Side, cold: Side, ends: readonly StreamState[]): PinchTemperatures {
  return pinchTemperatures(hot, cold, SLICES, [ends[0].T, ends[1].T, ends[2].T, ends[3].T], { dT: NaN, t: NaN, Thot: NaN, Tcold: NaN });
}

/** Whether the side's line crosses its saturated liquid or vapour enthalpy strictly inside (a phase change). */
function changesPhase(s: Side): boolean {
  const a = s.fluid.saturationEnthalpies(s.pIn);
  const b = s.fluid.saturationEnthalpies(s.pOut);
  if (!a || !b) return false;
  return [0, 1].some((w) => (s.hIn - a[w]) * (s.hOut - b[w]) < 0);
}

test('the saturation temperature is concave in pressure from the triple to the critical point (CO2, water): the two-phase bound holds', () => {
  for (const name of ['CO2', 'Water']) {
    const f = eosFluid(name);
    const lo = Math.log(1.001 * f.triple.p);
    const hi = Math.log(0.999 * f.critical.p);
    const p: number[] = [];
    for (let k = 0; k <= 200; k++) p.push(Math.exp(lo + ((hi - lo) * k) / 200));
    for (const x of [0.9993, 0.9996, 0.9999]) p.push(x * f.critical.p);
    const T = p.map((q) => f.saturationAtP(q).T);
    for (let k = 1; k + 1 < p.length; k++) {
      const left = (T[k] - T[k - 1]) / (p[k] - p[k - 1]);
      const right = (T[k + 1] - T[k]) / (p[k + 1] - p[k]);
      assert.ok(right > 0 && right < left, `${name}: dT_sat/dp ${left} -> ${right} K/Pa at ${p[k]} Pa (must fall and stay positive)`);
    }
  }
});

interface Medium {
  readonly name: string;
  readonly fluid: StreamFluid;
  /** Pressures to draw from (the dome's range for a pure fluid). Unit: Pa */
  readonly p: readonly [number, number];
  /** Temperatures a single-phase medium is drawn in. Unit: K */
  readonly T: readonly [number, number];
}

const MEDIA: readonly Medium[] = [
  { name: 'CO2', fluid: resolveFluid('CO2'), p: [6e5, 70e5], T: [220, 400] },
  { name: 'Water', fluid: resolveFluid('Water'), p: [0.3e5, 20e5], T: [280, 480] },
  { name: 'TVP1', fluid: resolveFluid('TVP1'), p: [3e5, 12e5], T: [290, 620] },
  { name: 'DowQ', fluid: resolveFluid('DowQ'), p: [3e5, 12e5], T: [240, 500] },
  { name: 'Air', fluid: resolveFluid('Air'), p: [1e5, 60e5], T: [250, 600] },
];

/**
 * One side drawn around its dome: a pure fluid's ends at qualities from −0.4 to 1.4 of its band (below 0: liquid,
 * above 1: vapour), else at temperatures within the medium's range; its pressure falling by up to 3 %.
 */
function drawSide(m: Medium, rnd: () => number, giving: boolean): Side | undefined {
  const pIn = m.p[0] * Math.pow(m.p[1] / m.p[0], rnd());
  const pOut = pIn * (1 - 0.03 * rnd());
  const band = m.fluid.saturationEnthalpies(pIn);
  const bandOut = m.fluid.saturationEnthalpies(pOut);
  let hIn: number;
  let hOut: number;
  if (band && bandOut) {
    const at = (b: readonly [number, number], q: number) => b[0] + q * (b[1] - b[0]);
    const [qa, qb] = [-0.4 + 1.8 * rnd(), -0.4 + 1.8 * rnd()];
    // a saturated end now and then, as condensers and evaporators leave
    const snap = (q: number) => (rnd() < 0.15 ? (q < 0.5 ? 0 : 1) : q);
    hIn = at(band, snap(giving ? Math.max(qa, qb) : Math.min(qa, qb)));
    hOut = at(bandOut, snap(giving ? Math.min(qa, qb) : Math.max(qa, qb)));
  } else {
    const [Ta, Tb] = [m.T[0] + (m.T[1] - m.T[0]) * rnd(), m.T[0] + (m.T[1] - m.T[0]) * rnd()];
    hIn = m.fluid.hTP(giving ? Math.max(Ta, Tb) : Math.min(Ta, Tb), pIn, 0);
    hOut = m.fluid.hTP(giving ? Math.min(Ta, Tb) : Math.max(Ta, Tb), pOut, 0);
  }
  return (giving ? hIn > hOut : hOut > hIn) ? { fluid: m.fluid, pIn, pOut, hIn, hOut, f: 0 } : undefined;
}

/**
 * The other side at the temperatures the first side's ends leave it (end approaches from −1 to 12 K), its pressure
 * put where its saturation temperature lies between its ends half of the time (a phase change inside).
 */
function drawPartner(m: Medium, rnd: () => number, TIn: number, TOut: number, giving: boolean): Side | undefined {
  let p = m.p[0] * Math.pow(m.p[1] / m.p[0], rnd());
  const pure = m.fluid.saturationEnthalpies(p) !== undefined;
  if (pure && rnd() < 0.5) {
    const f = eosFluid(m.name);
    const Tsat = Math.min(TIn, TOut) + rnd() * Math.abs(TOut - TIn);
    if (!(Tsat > f.triple.T + 1 && Tsat < f.critical.T - 1)) return undefined;
    p = f.saturationAtT(Tsat).p;
  }
  const pOut = p * (1 - 0.03 * rnd());
  const hIn = m.fluid.hTP(TIn, p, 0);
  const hOut = m.fluid.hTP(TOut, pOut, 0);
  return (giving ? hIn > hOut : hOut > hIn) ? { fluid: m.fluid, pIn: p, pOut, hIn, hOut, f: 0 } : undefined;
}

test('on random exchangers with phase change on either side, the proof never contradicts the 24-slice profile', () => {
  const rnd = uniformSource(20261208);
  let cases = 0;
  let crossed = 0;
  let proven = 0;
  const provenAcross = { hot: 0, cold: 0 };
  const uncrossedAcross = { hot: 0, cold: 0 };
  for (let k = 0; k < 700; k++) {
    const drawnHot = rnd() < 0.5;
    const first = MEDIA[Math.floor(rnd() * MEDIA.length)];
    const second = MEDIA[Math.floor(rnd() * MEDIA.length)];
    let hot: Side | undefined;
    let cold: Side | undefined;
    let ends: StreamState[];
    try {
      const a = drawSide(first, rnd, drawnHot);
      if (!a) continue;
      const st = endStates(a, a);
      const [a1, a2] = [-1 + 13 * rnd(), -1 + 13 * rnd()];
      // hot in faces cold out, hot out faces cold in
      const b = drawnHot ? drawPartner(second, rnd, st[1].T - a2, st[0].T - a1, false) : drawPartner(second, rnd, st[1].T + a1, st[0].T + a2, true);
      if (!b) continue;
      [hot, cold] = drawnHot ? [a, b] : [b, a];
      ends = endStates(hot, cold);
    } catch {
      continue; // a medium out of its range: no exchanger to judge
    }
    const full = profilePinch(hot, cold, ends);
    const yes = provesNoCross(hot, cold, ends);
    cases++;
    if (full.dT < 0) crossed++;
    const acrossHot = changesPhase(hot);
    const acrossCold = changesPhase(cold);
    if (full.dT >= 0) {
      if (acrossHot) uncrossedAcross.hot++;
      if (acrossCold) uncrossedAcross.cold++;
    }
    if (yes) {
      proven++;
      if (acrossHot) provenAcross.hot++;
      if (acrossCold) provenAcross.cold++;
      assert.ok(
        full.dT >= NO_CROSS.margin / 2,
        `case ${k}: proven, yet the profile comes to ${full.dT} K at t = ${full.t} (hot ${hot.fluid.name} ${JSON.stringify({ ...hot, fluid: undefined })}, cold ${cold.fluid.name} ${JSON.stringify({ ...cold, fluid: undefined })})`,
      );
    }
  }
  // the test means something: many exchangers, crossed ones among them, and phase change proven on both sides
  assert.ok(cases >= 300 && crossed >= 30, `${cases} exchangers, ${crossed} crossed`);
  assert.ok(proven >= 0.3 * (cases - crossed), `${proven} of ${cases - crossed} uncrossed exchangers proven`);
  assert.ok(provenAcross.hot >= 0.3 * uncrossedAcross.hot && provenAcross.hot >= 15, `hot side changing phase: ${provenAcross.hot} of ${uncrossedAcross.hot} proven`);
  assert.ok(provenAcross.cold >= 0.3 * uncrossedAcross.cold && provenAcross.cold >= 15, `cold side changing phase: ${provenAcross.cold} of ${uncrossedAcross.cold} proven`);
});

test("the Luoyang CO2 plants' condensers, evaporators and near-dome exchangers are proven wherever their profile does not come within 0.1 K of crossing", () => {
  const fluids = new Map<string, StreamFluid>();
  const medium = (name: string) => fluids.get(name) ?? fluids.set(name, resolveFluid(LUOYANG_FLUIDS[name])).get(name)!;
  const side = (s: RecordedSide): Side => ({ fluid: medium(s.fluid), pIn: s.pIn, pOut: s.pOut, hIn: s.hIn, hOut: s.hOut, f: 0 });
  const per = new Map<string, { states: number; proven: number; tight: number }>();
  for (const r of LUOYANG_EXCHANGER_STATES) {
    const hot = side(r.hot);
    const cold = side(r.cold);
    const ends = endStates(hot, cold);
    const full = profilePinch(hot, cold, ends);
    const yes = provesNoCross(hot, cold, ends);
    const key = `${r.plant}/${r.id}`;
    const c = per.get(key) ?? { states: 0, proven: 0, tight: 0 };
    c.states++;
    if (yes) c.proven++;
    if (full.dT < 0.1) c.tight++;
    per.set(key, c);
    if (yes) assert.ok(full.dT >= NO_CROSS.margin / 2, `${key}: proven, yet the profile comes to ${full.dT} K`);
    else assert.ok(full.dT < 0.1, `${key}: not proven although its profile keeps ${full.dT} K (at t = ${full.t})`);
  }
  const summary = [...per.entries()].map(([k, c]) => `${k} ${c.proven}/${c.states}`).join(', ');
  // every condenser and evaporator of both plants is among the recorded ones
  for (const id of ['gas-liquid CO2/COND', 'gas-liquid CO2/EVAP', 'liquid CO2/EVAPL', 'liquid CO2/CONDL']) assert.ok(per.has(id), `${id} recorded (${summary})`);
  const proven = [...per.values()].reduce((a, c) => a + c.proven, 0);
  assert.equal(proven, LUOYANG_EXCHANGER_STATES.length, `profiles skipped: ${summary}`);
});

/**
 * A condenser or an evaporator drawn at its pinch: the pure fluid changes phase (CO2 between 240 and 300 K, water
 * between 310 and 450 K) against a liquid whose temperature at the dew point (condenser) or the bubble point
 * (evaporator) lies within `d` of the saturation temperature, −1 K (crossed) to 1 K.
 */
function drawAtPinch(rnd: () => number, condenser: boolean): { hot: Side; cold: Side } | undefined {
  const co2 = rnd() < 0.5;
  const pure = co2 ? MEDIA[0] : MEDIA[1];
  const liquid = co2 ? MEDIA[3] : MEDIA[rnd() < 0.5 ? 2 : 3];
  const f = eosFluid(pure.name);
  const Tsat = co2 ? 240 + 60 * rnd() : 310 + 140 * rnd();
  const p = f.saturationAtT(Tsat).p;
  const pEnd = p * (1 - 0.02 * rnd());
  const band = pure.fluid.saturationEnthalpies(p);
  const bandEnd = pure.fluid.saturationEnthalpies(pEnd);
  if (!band || !bandEnd) return undefined;
  const at = (b: readonly [number, number], q: number) => b[0] + q * (b[1] - b[0]);
  // condensing: superheated vapour in, subcooled or wet out; evaporating: subcooled or wet in, superheated out
  const [qVap, qLiq] = [1 + 0.4 * rnd(), -0.3 + 0.6 * rnd()];
  const hVap = condenser ? at(band, qVap) : at(bandEnd, qVap);
  const hLiq = condenser ? at(bandEnd, qLiq) : at(band, qLiq);
  const changing: Side = condenser
    ? { fluid: pure.fluid, pIn: p, pOut: pEnd, hIn: hVap, hOut: hLiq, f: 0 }
    : { fluid: pure.fluid, pIn: p, pOut: pEnd, hIn: hLiq, hOut: hVap, f: 0 };
  const [TVap, TLiq] = condenser ? endStates(changing, changing).slice(0, 2).map((s) => s.T) : endStates(changing, changing).slice(0, 2).map((s) => s.T).reverse();
  // where the changing side meets its dew (condenser, from the hot end) or bubble point (evaporator)
  const tKink = condenser ? (hVap - band[1]) / (hVap - hLiq) : (hVap - band[0]) / (hVap - hLiq);
  const d = -1 + 2 * rnd();
  // the liquid nearly linear in t: from its end facing the liquid one (1 to 10 K off it) through T_sat ∓ d at the kink
  const TFar = condenser ? TLiq - 1 - 9 * rnd() : TLiq + 1 + 9 * rnd();
  const TKink = condenser ? Tsat - d : Tsat + d;
  const TNear = TFar + (TKink - TFar) / (1 - tKink);
  if (!(tKink > 0.02 && tKink < 0.98) || !(TFar > liquid.fluid.Tmin + 1 && TNear < liquid.fluid.Tmax - 1)) return undefined;
  if (!(TNear > TFar)) return undefined;
  const pl = 5e5;
  const other: Side = condenser
    ? { fluid: liquid.fluid, pIn: pl, pOut: 0.98 * pl, hIn: liquid.fluid.hTP(TFar, pl, 0), hOut: liquid.fluid.hTP(TNear, 0.98 * pl, 0), f: 0 }
    : { fluid: liquid.fluid, pIn: pl, pOut: 0.98 * pl, hIn: liquid.fluid.hTP(TNear, pl, 0), hOut: liquid.fluid.hTP(TFar, 0.98 * pl, 0), f: 0 };
  return condenser ? { hot: changing, cold: other } : { hot: other, cold: changing };
}

test('condensers and evaporators drawn within 1 K of crossing at their dew or bubble point: the proof never misses a cross', () => {
  const rnd = uniformSource(14);
  const count = { cases: 0, crossed: 0, proven: 0, provenBelow1K: 0 };
  for (let k = 0; k < 240; k++) {
    const condenser = k % 2 === 0;
    let drawn: { hot: Side; cold: Side } | undefined;
    let ends: StreamState[];
    try {
      drawn = drawAtPinch(rnd, condenser);
      if (!drawn) continue;
      ends = endStates(drawn.hot, drawn.cold);
    } catch {
      continue;
    }
    const { hot, cold } = drawn;
    const full = profilePinch(hot, cold, ends);
    const yes = provesNoCross(hot, cold, ends);
    count.cases++;
    if (full.dT < 0) count.crossed++;
    if (yes) {
      count.proven++;
      if (full.dT < 1) count.provenBelow1K++;
      assert.ok(full.dT >= NO_CROSS.margin / 2, `case ${k} (${condenser ? 'condenser' : 'evaporator'}, ${hot.fluid.name}/${cold.fluid.name}): proven, yet the profile comes to ${full.dT} K at t = ${full.t}`);
    }
  }
  assert.ok(count.cases >= 100 && count.crossed >= 20 && count.provenBelow1K >= 10, JSON.stringify(count));
});
