/**
 * The throttle between a store and its expansion: it holds the first turbine's inlet pressure (its setting is that
 * pressure before the losses in between), or, without a held inlet pressure, stands wide open and the turbines slide
 * with the store. A throttled discharge ends when the store's pressure reaches the setting.
 */
import type { NetworkBuilder } from '../doc.js';
import { upstream } from './losses.js';
import type { Node } from './paths.js';

export class Throttle {
  /** The valve's outlet pressure, or undefined when wide open. Unit: Pa */
  readonly setting: number | undefined;

  /**
   * @param turbineInletPressure the pressure it holds at the first turbine, or undefined (wide open). Unit: Pa
   * @param between the losses from the valve to the first turbine (recuperator, reheaters), in order
   */
  constructor(
    turbineInletPressure: number | undefined,
    between: readonly ((p: number) => number)[],
    readonly id = 'TV',
  ) {
    this.setting = turbineInletPressure === undefined ? undefined : upstream(turbineInletPressure, between);
  }

  /** Adds the valve: at its setting, or wide open (pr = 1). */
  add(d: NetworkBuilder): Node {
    d.add('valve', this.id, this.setting !== undefined ? { p_out: this.setting } : { pr: 1 });
    return { id: this.id };
  }

  /** Whether a store at pressure p can no longer feed the throttle (within 0.01 % of its setting). Unit: Pa */
  atSetting(p: number): boolean {
    return this.setting !== undefined && p <= this.setting * 1.0001;
  }
}
