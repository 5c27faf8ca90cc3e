/**
 * The two networks of a template built around a chain of thermal stores between a compressor train and a turbine
 * train (the gas-liquid and liquid-CO2 templates): the live networks, the working fluid's path through each, and the parts
 * a template's steps read back (their ids, loops, buses and figures).
 */
import type { NetworkBuilder } from '../doc.js';
import type { MachineTrain } from './machine-train.js';
import type { Node } from './paths.js';
import type { ThermalStoreChain } from './thermal-stores.js';

export interface ChainNetworks {
  /** The charge and discharge live networks, as built. */
  readonly cd: NetworkBuilder;
  readonly dd: NetworkBuilder;
  /** The working fluid's path through each, in the order connectPath connected it. */
  readonly cPath: readonly Node[];
  readonly dPath: readonly Node[];
  /** The thermal stores' exchangers and loops in both networks. */
  readonly chain: ThermalStoreChain;
  readonly compressors: MachineTrain;
  readonly turbines: MachineTrain;
}
