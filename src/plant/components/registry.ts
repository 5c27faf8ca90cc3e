/**
 * Every component a network file or a template can name: type name → declaration (parameters and factory). The
 * network file's component entries (file/schema.ts), the loader (file/load.ts) and the typed template builder
 * (templates/doc.ts) read it; nothing else lists components.
 *
 * Adding a component: one file that exports its class and `declareComponent(type, doc, PARAMETERS, create)`
 * (core/declaration.ts, parameters from core/parameters.ts), and one line below.
 */
import type { z } from 'zod';
import type { ComponentDeclaration } from '../core/declaration.js';
import { SOURCE } from './source.js';
import { SINK } from './sink.js';
import { COMPRESSOR } from './compressor.js';
import { PUMP } from './pump.js';
import { TURBINE } from './turbine.js';
import { HEAT_EXCHANGER } from './heat-exchanger.js';
import { COOLER, HEATER } from './simple-heat-exchanger.js';
import { VALVE } from './valve.js';
import { PIPE } from './pipe.js';
import { MIXER } from './mixer.js';
import { SPLITTER } from './splitter.js';
import { COMBUSTOR } from './combustor.js';
import { TWO_TANK_STORE } from './two-tank-store.js';
import { GAS_HOLDER } from './gas-holder.js';
import { STORAGE_VESSEL } from './storage-vessel.js';
import { POWER_BUS } from './power-bus.js';
import { HEAT_BUS } from './heat-bus.js';
import { CYCLE_CLOSER } from './cycle-closer.js';

const DECLARATIONS = [
  SOURCE,
  SINK,
  COMPRESSOR,
  PUMP,
  TURBINE,
  HEAT_EXCHANGER,
  HEATER,
  COOLER,
  VALVE,
  PIPE,
  MIXER,
  SPLITTER,
  COMBUSTOR,
  TWO_TANK_STORE,
  GAS_HOLDER,
  STORAGE_VESSEL,
  POWER_BUS,
  HEAT_BUS,
  CYCLE_CLOSER,
] as const;

type Declarations = (typeof DECLARATIONS)[number];

/** The declarations by type name. */
export const COMPONENTS = Object.freeze(Object.fromEntries(DECLARATIONS.map((d) => [d.type, d]))) as { readonly [D in Declarations as D['type']]: D };

/** A component type a network file or template can name. */
export type ComponentType = keyof typeof COMPONENTS;

/** The parameters of a component type (SI numbers, as the component holds them). */
export type ParamsOf<T extends ComponentType> = z.output<(typeof COMPONENTS)[T]['parameters']>;

/** The component a type makes. */
export type ComponentOf<T extends ComponentType> = ReturnType<(typeof COMPONENTS)[T]['create']>;

/** Every declaration, in the order a network file's documentation lists them. */
export function declarations(): readonly ComponentDeclaration[] {
  return DECLARATIONS;
}

/** The declaration of `type`, or undefined for a name no component has. */
export function declarationOf(type: string): ComponentDeclaration | undefined {
  return Object.hasOwn(COMPONENTS, type) ? (COMPONENTS as Readonly<Record<string, ComponentDeclaration>>)[type] : undefined;
}
