/**
 * Random feasible storage plants for the robustness sweep, from a seed: adiabatic CAES charge and discharge trains
 * and gas-liquid CO2 charge and discharge trains, with random staging, efficiencies, pressures, temperatures,
 * heat-exchanger specifications (approaches, minimum pinch, effectiveness), store media and either a mass flow or a
 * power target. Ranges are chosen so that a solution exists (media inside their data, CO2 condensing below its
 * critical pressure, approaches positive); no starting values are ever given.
 */
import { Network } from '../network/network.js';
import { Compressor } from '../components/compressor.js';
import { Turbine } from '../components/turbine.js';
import { Pump } from '../components/pump.js';
import { HeatExchanger } from '../components/heat-exchanger.js';
import { Cooler, Heater } from '../components/simple-heat-exchanger.js';
import { Splitter } from '../components/splitter.js';
import { Mixer } from '../components/mixer.js';
import { TwoTankStore } from '../components/two-tank-store.js';
import { StorageVessel } from '../components/storage-vessel.js';
import { GasHolder } from '../components/gas-holder.js';
import { Source } from '../components/source.js';
import { Sink } from '../components/sink.js';
import { PowerBus } from '../components/power-bus.js';
import { fluid } from '../../fluids/index.js';
import { uniformSource } from '../../numerics/random.js';

/** A seeded generator, uniform on [0, 1): the project's one (src/numerics/random.ts). */
export const random = uniformSource;

type Rng = () => number;
const uniform = (r: Rng, lo: number, hi: number) => lo + (hi - lo) * r();
const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)];

const P0 = 101325;
const T0 = 293.15;
const OILS = ['TVP1', 'T66', 'DowQ'] as const;

export type PlantKind = 'acaes-charge' | 'acaes-discharge' | 'co2-charge' | 'co2-discharge';
export const PLANT_KINDS: readonly PlantKind[] = ['acaes-charge', 'acaes-discharge', 'co2-charge', 'co2-discharge'];

export interface RandomPlant {
  readonly kind: PlantKind;
  readonly seed: number;
  readonly network: Network;
  /** What was drawn, for messages. */
  readonly description: string;
}

/**
 * A compression train with intercoolers: `n` stages from (p_in, T_in) to p_out; heat to an oil store through heat
 * exchangers (random specification per cooler) or to simple coolers. Returns the id of the last cooler's outlet.
 */
function compressionTrain(net: Network, r: Rng, from: string, n: number, pOut: number, pIn: number, coolT: () => number, notes: string[]): string {
  const prStage = Math.pow(pOut / pIn, 1 / n);
  const useStore = r() < 0.7;
  const oil = pick(r, OILS);
  const Toil = uniform(r, 288, 298);
  if (useStore) {
    net.add(new TwoTankStore('tes', { fluid: oil, T: Toil, p: 10e5, mode: 'charge' }), new Splitter('split', { outlets: n }), new Mixer('merge', { inlets: n }));
    net.connect('tes.supply', 'split');
    net.connect('merge', 'tes.return');
  }
  notes.push(`${n} stages of pr ${prStage.toFixed(3)}, ${useStore ? `oil ${oil} from ${Toil.toFixed(1)} K` : 'simple coolers'}`);
  let upstream = from;
  for (let k = 1; k <= n; k++) {
    const eta = uniform(r, 0.78, 0.92);
    const last = k === n;
    net.add(new Compressor(`C${k}`, last ? { eta_s: eta } : { eta_s: eta, pr: prStage * uniform(r, 0.95, 1.05) }));
    connectDown(net, upstream, `C${k}`);
    const pr = uniform(r, 0.97, 1);
    const Tout = coolT();
    if (useStore) {
      // the gas outlet temperature with the hot-end approach or a minimum pinch, or both approaches (an
      // effectiveness would leave the gas outlet, and so the next stage's inlet, to chance)
      const variant = pick(r, ['ttd_u', 'ttd_min', 'ttd_both'] as const);
      const params =
        variant === 'ttd_u'
          ? { ttd_u: uniform(r, 5, 25) }
          : variant === 'ttd_min'
            ? { ttd_min: uniform(r, 3, Math.min(8, Tout - Toil - 2)) }
            : { ttd_u: uniform(r, 5, 25), ttd_l: Tout - Toil };
      net.add(new HeatExchanger(`IC${k}`, { pr1: pr, ...params }));
      net.connect(`C${k}`, `IC${k}.hot_in`);
      net.connect(`split.out${k}`, `IC${k}.cold_in`);
      net.connect(`IC${k}.cold_out`, `merge.in${k}`);
      upstream = `IC${k}.hot_out`;
      notes.push(`IC${k} ${variant}`);
      // the outlet temperature is a stream specification, given on the next connection (except for 'ttd_both')
      pendingT.set(upstream, variant === 'ttd_both' ? undefined : Tout);
    } else {
      net.add(new Cooler(`IC${k}`, { pr, sink: 'cooling water' }));
      net.connect(`C${k}`, `IC${k}`);
      upstream = `IC${k}`;
      pendingT.set(upstream, Tout);
    }
  }
  return upstream;
}

/**
 * Outlet temperatures owed to the next connection from a stream's upstream end (a cooler's outlet temperature is a
 * specification on the stream that leaves it, made when that stream is connected). Cleared for every plant.
 */
const pendingT = new Map<string, number | undefined>();

function connectDown(net: Network, from: string, to: string, extra: { p?: number; T?: number; Q?: number; m?: number } = {}): void {
  const T = pendingT.get(from);
  pendingT.delete(from);
  net.connect(from, to, { ...(T !== undefined && extra.Q === undefined ? { T } : {}), ...extra });
}

/** A mass flow on the stream leaving `from`, or a power target on the machines. */
function flowOrPower(net: Network, r: Rng, from: string, members: string[], sense: 'consumed' | 'delivered', scale: number, notes: string[]): void {
  if (r() < 0.3) {
    const P = uniform(r, 0.3, 1.5) * scale;
    net.add(new PowerBus('bus', { members, P, sense }));
    for (const id of members) net.component(id).set({ eta_el: uniform(r, 0.95, 0.99) } as never);
    notes.push(`power bus ${(P / 1e6).toFixed(1)} MW`);
    return;
  }
  const m = uniform(r, 10, 300) * (scale / 1e8);
  notes.push(`m ${m.toFixed(2)} kg/s`);
  const c = net.allConnections().find((x) => x.from.component === from);
  net.setSpecs((c as { id: string }).id, { m });
}

function acaesCharge(r: Rng, notes: string[]): Network {
  const net = new Network({ deadState: { T: T0, p: P0 } });
  const pStore = uniform(r, 40e5, 120e5);
  const n = Math.max(2, Math.ceil(Math.log(pStore / P0) / Math.log(5.5))) + (r() < 0.3 ? 1 : 0);
  net.add(new Source('ambient', { fluid: 'Air', ambient: true }), new StorageVessel('cavern', { fluid: 'Air', mode: 'receive', p: pStore }));
  const last = compressionTrain(net, r, 'ambient', n, pStore, P0, () => uniform(r, 303, 330), notes);
  connectDown(net, last, 'cavern');
  flowOrPower(net, r, 'ambient', Array.from({ length: n }, (_, k) => `C${k + 1}`), 'consumed', 1e8, notes);
  notes.push(`store ${(pStore / 1e5).toFixed(1)} bar`);
  return net;
}

function acaesDischarge(r: Rng, notes: string[]): Network {
  const net = new Network({ deadState: { T: T0, p: P0 } });
  const pStore = uniform(r, 40e5, 120e5);
  // stages of pressure ratio 1/4 or more keep every turbine outlet warm enough for the oil coming back
  const n = Math.max(2, Math.ceil(Math.log(pStore / P0) / Math.log(4))) + (r() < 0.3 ? 1 : 0);
  const prStage = Math.pow(P0 / pStore, 1 / n);
  const Thot = uniform(r, 500, 620);
  const oil = pick(r, OILS.filter((o) => o !== 'DowQ' || Thot < 625));
  const useStore = r() < 0.7;
  net.add(new StorageVessel('cavern', { fluid: 'Air', mode: 'supply', p: pStore, T: uniform(r, 290, 330) }), new Sink('exhaust', { ambient: true }));
  if (useStore) {
    net.add(new TwoTankStore('tes', { fluid: oil, T: Thot, p: 10e5, mode: 'discharge' }), new Splitter('split', { outlets: n }), new Mixer('merge', { inlets: n }));
    net.connect('tes.supply', 'split');
    net.connect('merge', 'tes.return');
  }
  notes.push(`${n} stages of pr ${prStage.toFixed(4)}, ${useStore ? `oil ${oil} at ${Thot.toFixed(1)} K` : 'simple heaters'}`);
  let upstream = 'cavern';
  for (let k = 1; k <= n; k++) {
    const pr = uniform(r, 0.97, 1);
    if (useStore) {
      net.add(new HeatExchanger(`H${k}`, { pr2: pr, ttd_u: uniform(r, 5, 25), ttd_l: uniform(r, 5, 25) }));
      net.connect(upstream, `H${k}.cold_in`);
      net.connect(`split.out${k}`, `H${k}.hot_in`);
      net.connect(`H${k}.hot_out`, `merge.in${k}`);
      upstream = `H${k}.cold_out`;
    } else {
      net.add(new Heater(`H${k}`, { pr, sink: 'TES' }));
      net.connect(upstream, `H${k}`);
      upstream = `H${k}`;
      pendingT.set(upstream, Thot - uniform(r, 5, 25));
    }
    const last = k === n;
    net.add(new Turbine(`T${k}`, last ? { eta_s: uniform(r, 0.82, 0.92) } : { eta_s: uniform(r, 0.82, 0.92), pr: prStage * uniform(r, 0.95, 1.05) }));
    connectDown(net, upstream, `T${k}`);
    upstream = `T${k}`;
  }
  net.connect(upstream, 'exhaust');
  flowOrPower(net, r, 'cavern', Array.from({ length: n }, (_, k) => `T${k + 1}`), 'delivered', 5e7, notes);
  notes.push(`cavern ${(pStore / 1e5).toFixed(1)} bar`);
  return net;
}

const co2 = () => fluid('CO2');

function co2Charge(r: Rng, notes: string[]): Network {
  const net = new Network({ deadState: { T: T0, p: P0 } });
  const pc = uniform(r, 55e5, 70e5);
  const Tsat = co2().saturationAtP(pc).T;
  const n = pick(r, [3, 4]);
  net.add(
    new GasHolder('dome', { fluid: 'CO2', mode: 'supply', p: P0 + uniform(r, 500, 5000), T: uniform(r, 283, 305) }),
    new StorageVessel('tank', { fluid: 'CO2', mode: 'receive', p: pc }),
    new HeatExchanger('condenser', { ttd_min: uniform(r, 3, 6), pr2: uniform(r, 0.95, 1) }),
    new Source('water', { fluid: 'Water' }),
    new Sink('water_out'),
  );
  const pHigh = pc; // the condenser has no pressure loss on the CO2 side
  const last = compressionTrain(net, r, 'dome', n, pHigh, P0, () => uniform(r, Math.max(303, Tsat + 8), 330), notes);
  connectDown(net, last, 'condenser.hot_in');
  net.connect('condenser.hot_out', 'tank', { Q: 0 });
  net.connect('water', 'condenser.cold_in', { p: uniform(r, 2e5, 4e5), T: uniform(r, 278, Tsat - 8) });
  net.connect('condenser.cold_out', 'water_out');
  flowOrPower(net, r, 'dome', Array.from({ length: n }, (_, k) => `C${k + 1}`), 'consumed', 1e7, notes);
  notes.push(`condensing at ${(pc / 1e5).toFixed(1)} bar, ${Tsat.toFixed(1)} K`);
  return net;
}

function co2Discharge(r: Rng, notes: string[]): Network {
  const net = new Network({ deadState: { T: T0, p: P0 } });
  const pc = uniform(r, 55e5, 70e5);
  const Tsat = co2().saturationAtP(pc).T;
  const pump = r() < 0.5;
  const pHigh = pump ? uniform(r, 75e5, 100e5) : pc;
  const n = pick(r, [2, 3]);
  const Thot = uniform(r, 480, 600);
  const oil = pick(r, OILS.filter((o) => o !== 'DowQ' || Thot < 625));
  const Tw = uniform(r, Tsat + 15, 340);
  // the pinch must be below the hot-end approach, or no water flow reaches it
  const ttd_u = uniform(r, 5, 10);
  net.add(
    new StorageVessel('tank', { fluid: 'CO2', mode: 'supply', p: pc, Q: 0 }),
    new HeatExchanger('evaporator', { ttd_u, ttd_min: uniform(r, 3, ttd_u - 1) }),
    new Source('warm_water', { fluid: 'Water' }),
    new Sink('water_back'),
    new TwoTankStore('tes', { fluid: oil, T: Thot, p: 10e5, mode: 'discharge' }),
    new Splitter('split', { outlets: n }),
    new Mixer('merge', { inlets: n }),
    new GasHolder('dome', { fluid: 'CO2', mode: 'receive', p: P0 + uniform(r, 500, 5000) }),
  );
  notes.push(`${n} turbines, ${pump ? `pump to ${(pHigh / 1e5).toFixed(1)} bar` : 'no pump'}, oil ${oil} at ${Thot.toFixed(1)} K, water ${Tw.toFixed(1)} K`);
  let upstream = 'tank';
  if (pump) {
    net.add(new Pump('P1', { eta_s: uniform(r, 0.6, 0.85), p_out: pHigh }));
    net.connect('tank', 'P1');
    upstream = 'P1';
  }
  net.connect(upstream, 'evaporator.cold_in');
  net.connect('warm_water', 'evaporator.hot_in', { p: 3e5, T: Tw });
  net.connect('evaporator.hot_out', 'water_back');
  net.connect('tes.supply', 'split');
  net.connect('merge', 'tes.return');
  upstream = 'evaporator.cold_out';
  const prStage = Math.pow((P0 * 1.05) / pHigh, 1 / n);
  for (let k = 1; k <= n; k++) {
    net.add(new HeatExchanger(`H${k}`, { pr2: uniform(r, 0.97, 1), ttd_u: uniform(r, 5, 25), ttd_l: uniform(r, 5, 25) }));
    net.connect(upstream, `H${k}.cold_in`);
    net.connect(`split.out${k}`, `H${k}.hot_in`);
    net.connect(`H${k}.hot_out`, `merge.in${k}`);
    const last = k === n;
    net.add(new Turbine(`T${k}`, last ? { eta_s: uniform(r, 0.8, 0.9) } : { eta_s: uniform(r, 0.8, 0.9), pr: prStage * uniform(r, 0.95, 1.05) }));
    net.connect(`H${k}.cold_out`, `T${k}`);
    upstream = `T${k}`;
  }
  net.connect(upstream, 'dome');
  flowOrPower(net, r, 'tank', Array.from({ length: n }, (_, k) => `T${k + 1}`), 'delivered', 5e6, notes);
  notes.push(`tank ${(pc / 1e5).toFixed(1)} bar (${Tsat.toFixed(1)} K)`);
  return net;
}

/** The random plant of a kind and seed. */
export function randomPlant(kind: PlantKind, seed: number): RandomPlant {
  const r = random(seed);
  const notes: string[] = [];
  pendingT.clear();
  const build = { 'acaes-charge': acaesCharge, 'acaes-discharge': acaesDischarge, 'co2-charge': co2Charge, 'co2-discharge': co2Discharge }[kind];
  const network = build(r, notes);
  return { kind, seed, network, description: `${kind} #${seed}: ${notes.join('; ')}` };
}
