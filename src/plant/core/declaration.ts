/**
 * A component declared once: its type name, a line of documentation, its parameters (one strict zod object, from
 * core/parameters.ts) and how to make one. The registry (components/registry.ts) lists declarations; the network
 * file's component entries, the loader and the typed template builder all read them from there.
 */
import type { z } from 'zod';
import type { Component } from './component.js';
import { declaredQuantity, type DeclaredQuantity, type ParameterSchema } from './parameters.js';

export interface ComponentDeclaration<T extends string = string, S extends ParameterSchema = ParameterSchema, C extends Component = Component> {
  /** The network file's `type` ('compressor'); the made component's `type` is the same. */
  readonly type: T;
  /** What it is, for people (one line). */
  readonly doc: string;
  readonly parameters: S;
  /** A component with these (already parsed, SI) parameters. */
  create(id: string, params: z.output<S>): C;
}

export function declareComponent<const T extends string, S extends ParameterSchema, C extends Component>(
  type: T,
  doc: string,
  parameters: S,
  create: (id: string, params: z.output<S>) => C,
): ComponentDeclaration<T, S, C> {
  return Object.freeze({ type, doc, parameters, create });
}

/** A quantity parameter of a declared component, with the component's type ('compressor') for messages and lists. */
export interface ComponentQuantity extends DeclaredQuantity {
  readonly component: string;
}

/**
 * The quantity `key` of a component as its declaration states it (kind, SI range, doc): read-only, for a template
 * parameter that sets it and takes its range from here. Throws for a key that is not a quantity (a programming error).
 */
export function componentQuantity(declaration: ComponentDeclaration, key: string): ComponentQuantity {
  return { component: declaration.type, ...declaredQuantity(declaration.parameters, key) };
}
