/**
 * From a network file (YAML or JSON text, or the parsed object) to a Network, with every mistake reported as data:
 * the field's path (`components.C1.eta_s`, `connections[3].to`) and a message naming the value and what is valid.
 * Parameter ranges are checked by the components themselves (one definition), here mapped back to their field.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { FluidInputError } from '../../fluids/index.js';
import { Network } from '../network/network.js';
import { PlantInputError } from '../errors.js';
import type { Component } from '../core/component.js';
import { Source } from '../components/source.js';
import { Sink } from '../components/sink.js';
import { Compressor } from '../components/compressor.js';
import { Pump } from '../components/pump.js';
import { Turbine } from '../components/turbine.js';
import { HeatExchanger } from '../components/heat-exchanger.js';
import { Cooler, Heater } from '../components/simple-heat-exchanger.js';
import { Valve } from '../components/valve.js';
import { Pipe } from '../components/pipe.js';
import { Mixer } from '../components/mixer.js';
import { Splitter } from '../components/splitter.js';
import { Combustor } from '../components/combustor.js';
import { TwoTankStore } from '../components/two-tank-store.js';
import { GasHolder } from '../components/gas-holder.js';
import { StorageVessel } from '../components/storage-vessel.js';
import { PowerBus } from '../components/power-bus.js';
import { CycleCloser } from '../components/cycle-closer.js';
import type { SolverOptions } from '../network/newton.js';
import { NetworkFileSchema, type ComponentEntry } from './schema.js';

export interface NetworkIssue {
  /** Path of the field, e.g. `components.C1.eta_s`. */
  readonly field: string;
  readonly message: string;
}

export type NetworkFileParse =
  | { readonly ok: true; readonly network: Network; readonly solver: Partial<SolverOptions> }
  | { readonly ok: false; readonly issues: readonly NetworkIssue[] };

const fieldOf = (path: readonly PropertyKey[]) =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');

/** Builds one component from its parsed entry, with its opt-in to unphysical solutions. */
function make(id: string, entry: ComponentEntry): Component {
  const { allowUnphysical, ...rest } = entry;
  const c = construct(id, rest as ComponentEntry);
  return allowUnphysical === undefined ? c : c.allowUnphysical(allowUnphysical);
}

function construct(id: string, entry: ComponentEntry): Component {
  const { type, ...params } = entry as ComponentEntry & Record<string, unknown>;
  const p = params as never;
  switch (type) {
    case 'source':
      return new Source(id, p);
    case 'sink':
      return new Sink(id, p);
    case 'compressor':
      return new Compressor(id, p);
    case 'pump':
      return new Pump(id, p);
    case 'turbine':
      return new Turbine(id, p);
    case 'heat-exchanger':
      return new HeatExchanger(id, p);
    case 'heater':
      return new Heater(id, p);
    case 'cooler':
      return new Cooler(id, p);
    case 'valve':
      return new Valve(id, p);
    case 'pipe':
      return new Pipe(id, p);
    case 'mixer':
      return new Mixer(id, p);
    case 'splitter':
      return new Splitter(id, p);
    case 'combustor':
      return new Combustor(id, p);
    case 'two-tank-store':
      return new TwoTankStore(id, p);
    case 'gas-holder':
      return new GasHolder(id, p);
    case 'storage-vessel':
      return new StorageVessel(id, p);
    case 'power-bus':
      return new PowerBus(id, p);
    case 'cycle-closer':
      return new CycleCloser(id);
  }
}

/** The field a PlantInputError is about, inside `base` (`components.C1`). */
function issueOf(base: string, error: PlantInputError | FluidInputError): NetworkIssue {
  const field = error.field.split('/')[0].replace(/^stream .*$/, '');
  return { field: field ? `${base}.${field}` : base, message: error.message };
}

/** A network from an already parsed YAML/JSON object; never throws for bad input. */
export function parseNetwork(input: unknown): NetworkFileParse {
  const r = NetworkFileSchema.safeParse(input);
  if (!r.success) {
    return {
      ok: false,
      issues: r.error.issues.map((i) => {
        const field = fieldOf(i.path);
        return { field, message: `${field || 'network'}: ${i.message}` };
      }),
    };
  }
  const file = r.data;
  const issues: NetworkIssue[] = [];
  let network: Network;
  try {
    network = new Network({ name: file.name, deadState: file.deadState, ...(file.allowUnphysical !== undefined ? { allowUnphysical: file.allowUnphysical || undefined } : {}) });
  } catch (error) {
    if (error instanceof PlantInputError) return { ok: false, issues: [{ field: 'deadState', message: error.message }] };
    throw error;
  }
  const broken = new Set<string>();
  for (const [id, entry] of Object.entries(file.components)) {
    try {
      network.add(make(id, entry));
    } catch (error) {
      if (!(error instanceof PlantInputError || error instanceof FluidInputError)) throw error;
      issues.push(issueOf(`components.${id}`, error));
      broken.add(id);
    }
  }
  file.connections.forEach((c, k) => {
    const { from, to, ...options } = c;
    // a connection to a component already reported would only repeat the problem
    if (broken.has(from.split('.')[0]) || broken.has(to.split('.')[0])) return;
    try {
      network.connect(from, to, options);
    } catch (error) {
      if (!(error instanceof PlantInputError || error instanceof FluidInputError)) throw error;
      const field = error.field === 'outlet' ? 'from' : error.field === 'inlet' ? 'to' : error.field;
      issues.push({ field: `connections[${k}].${field}`, message: `connections[${k}]: ${error.message}` });
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  const solver: Partial<SolverOptions> = {
    ...(file.solver?.tolerance !== undefined ? { tolerance: file.solver.tolerance } : {}),
    ...(file.solver?.maxIterations !== undefined ? { maxIterations: file.solver.maxIterations } : {}),
  };
  return { ok: true, network, solver };
}

/** A network from YAML or JSON text (JSON is YAML); `source` names the file in messages. */
export function parseNetworkText(text: string, source = 'network file'): NetworkFileParse {
  let input: unknown;
  try {
    input = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    if (error instanceof YAMLParseError) return { ok: false, issues: [{ field: '', message: `${source}: ${error.message}` }] };
    throw error;
  }
  return parseNetwork(input);
}
