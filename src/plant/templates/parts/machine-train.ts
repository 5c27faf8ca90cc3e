/**
 * A machine train: N compressor or turbine stages on one shaft line each, with what sits between the stages
 * (store exchangers, intercoolers, reheaters) added by the template, their motors or generators on one power bus,
 * part-load lines η_s/η_s,design over m/m_design, and the stage pressure ratios it takes at each step: 'equal'
 * (re-split over the actual total ratio, as variable guide vanes do) or the first N−1 given, the last taking the rest.
 */
import { PlantInputError } from '../../errors.js';
import type { CharacteristicLine } from '../../components/characteristic.js';
import type { NetworkBuilder, Update } from '../doc.js';
import type { Solution } from '../../network/solution.js';
import type { Figure } from '../types.js';
import { connectionInto, connectionOutOf, type Node } from './paths.js';

/** Default part-load lines η_s/η_s,design over m/m_design (assumption: generic parabola-like lines, −4 % at 60 % flow, flat beyond the ends). */
export const COMPRESSOR_LINE: CharacteristicLine = Object.freeze({ x: [0.3, 0.5, 0.6, 0.7, 0.85, 1, 1.2], y: [0.8, 0.9, 0.94, 0.965, 0.99, 1, 0.985] });
export const TURBINE_LINE: CharacteristicLine = Object.freeze({ x: [0.2, 0.4, 0.6, 0.8, 1, 1.2], y: [0.82, 0.91, 0.96, 0.99, 1, 0.99] });

/** A machine that gets a part-load line about the design flow. */
export interface LineSpec {
  readonly id: string;
  readonly line: CharacteristicLine;
}

/** A mode's power bus: the machines whose electric power is held. */
export interface BusSpec {
  readonly id: string;
  readonly members: readonly string[];
  /** Unit: W */
  readonly power: number;
  readonly sense: 'consumed' | 'delivered';
}

/** A train's efficiencies and stage ratios as the parameter schemas give them. */
export interface TrainParams {
  /** Unit: - */
  readonly efficiency: number;
  readonly stageEfficiencies?: readonly number[] | undefined;
  /** Unit: - */
  readonly mechanicalEfficiency: number;
  readonly pressureRatios: 'equal' | readonly number[];
}
/** Motor (compressors) or generator (turbines) efficiency. Unit: - */
export type DriveEfficiency = { readonly motorEfficiency: number } | { readonly generatorEfficiency: number };

/** Electric and isentropic efficiency of stage k. */
export function stageEfficiency(m: { efficiency: number; stageEfficiencies?: readonly number[] | undefined }, k: number): number {
  return m.stageEfficiencies?.[k] ?? m.efficiency;
}

/**
 * Stage pressure ratios of a train from pIn to pOut with losses between the stages (`between[k]` after stage k):
 * `given` (N−1 ratios, the last stage takes the rest) or equal ratios found by bisection. Returns N ratios.
 */
export function stageRatios(pIn: number, pOut: number, stages: number, between: readonly (readonly ((p: number) => number)[])[], given: 'equal' | readonly number[]): number[] {
  const lastInlet = (ratios: (k: number) => number) => {
    let p = pIn;
    for (let k = 0; k < stages - 1; k++) {
      p *= ratios(k);
      for (const f of between[k] ?? []) p = f(p);
    }
    return p;
  };
  if (given !== 'equal') {
    const pLast = lastInlet((k) => given[k]);
    return [...given.slice(0, stages - 1), pOut / pLast];
  }
  if (stages === 1) return [pOut / pIn];
  const compress = pOut > pIn;
  let lo = Math.log(compress ? 1 : Math.min(1, pOut / pIn) / 10);
  let hi = Math.log(compress ? (10 * pOut) / pIn : 1);
  // f(ln r) = ln(pOut / p_last,in(r)) − ln r decreases in r
  const f = (lr: number) => Math.log(pOut / lastInlet(() => Math.exp(lr))) - lr;
  for (let k = 0; k < 80; k++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  const r = Math.exp(0.5 * (lo + hi));
  return [...Array.from({ length: stages - 1 }, () => r), pOut / lastInlet(() => r)];
}

/** A machine train's per-stage lists: one efficiency per stage, and 'equal' or one ratio per stage but the last. */
export function checkTrain(template: string, field: string, train: { readonly stageEfficiencies?: readonly number[] | undefined; readonly pressureRatios: 'equal' | readonly number[] }, stages: number): void {
  if (train.stageEfficiencies && train.stageEfficiencies.length !== stages) throw new PlantInputError(template, `${field}.stageEfficiencies`, train.stageEfficiencies, `${stages} values, one per stage`);
  if (train.pressureRatios !== 'equal' && train.pressureRatios.length !== stages - 1) throw new PlantInputError(template, `${field}.pressureRatios`, train.pressureRatios, `'equal' or ${stages - 1} ratios (the last stage takes the rest)`);
}

/** Compressors C1…CN (charge) or turbines T1…TM (discharge). */
export class MachineTrain {
  readonly ids: readonly string[];
  readonly kind: 'compressor' | 'turbine';

  constructor(
    kind: 'compressor' | 'turbine',
    private readonly params: TrainParams & DriveEfficiency,
    readonly stages: number,
  ) {
    this.kind = kind;
    const prefix = kind === 'compressor' ? 'C' : 'T';
    this.ids = Array.from({ length: stages }, (_, k) => `${prefix}${k + 1}`);
  }

  /** Refuses per-stage lists of the wrong length (`field`: the train's section in the parameters). */
  check(template: string, field: string): this {
    checkTrain(template, field, this.params, this.stages);
    return this;
  }

  /**
   * Adds the stages to `d` with the nodes `between(k)` adds next to stage k (1-based): after a compressor, before a
   * turbine (the reheat of its inlet). Every stage but the last starts at `trialRatio` (the last closes the train).
   * Returns the path from the first node to the last.
   */
  build(d: NetworkBuilder, trialRatio: number, between: (k: number) => readonly Node[]): Node[] {
    const P = this.params;
    const eta_el = 'motorEfficiency' in P ? P.motorEfficiency : P.generatorEfficiency;
    const path: Node[] = [];
    this.ids.forEach((id, i) => {
      const k = i + 1;
      if (this.kind === 'turbine') path.push(...between(k));
      d.add(this.kind, id, { eta_s: stageEfficiency(P, i), eta_mech: P.mechanicalEfficiency, eta_el, ...(k < this.stages ? { pr: trialRatio } : {}) });
      path.push({ id });
      if (this.kind === 'compressor') path.push(...between(k));
    });
    return path;
  }

  /** The part-load line of every stage (default: the template default of its kind). */
  lines(line: CharacteristicLine = this.kind === 'compressor' ? COMPRESSOR_LINE : TURBINE_LINE): LineSpec[] {
    return this.ids.map((id) => ({ id, line }));
  }

  /** The motors' (compressors) or generators' (turbines) bus at the design power. Unit: W */
  bus(power: number): BusSpec {
    return this.kind === 'compressor' ? { id: 'motors', members: this.ids, power, sense: 'consumed' } : { id: 'generators', members: this.ids, power, sense: 'delivered' };
  }

  /** The stage ratios from pIn to pOut with the losses `between` behind each stage but the last: pr of the first N−1. */
  ratioUpdates(pIn: number, pOut: number, between: readonly ((p: number) => number)[]): Update[] {
    const ratios = stageRatios(pIn, pOut, this.stages, Array.from({ length: this.stages - 1 }, () => between), this.params.pressureRatios);
    return this.ids.slice(0, -1).map((id, k) => ({ component: id, set: { pr: ratios[k] } }));
  }

  /** Each compressor's outlet temperature and pressure ratio (where the stage reports one), or each turbine's inlet temperature, at a design point on `path`. */
  figures(sol: Solution, path: readonly Node[]): Record<string, Figure> {
    const figures: Record<string, Figure> = {};
    for (const id of this.ids) {
      if (this.kind === 'compressor') {
        figures[`${id}.outletTemperature`] = { value: sol.stream(connectionOutOf(path, id)).T, unit: 'K' };
        // a stage that reports no pressure ratio has no such figure (never NaN in the figures)
        const pr = sol.component(id).pr;
        if (pr !== undefined && Number.isFinite(pr)) figures[`${id}.pressureRatio`] = { value: pr, unit: '-' };
      } else figures[`${id}.inletTemperature`] = { value: sol.stream(connectionInto(path, id)).T, unit: 'K' };
    }
    return figures;
  }
}
