/** A message of the UI catalogue in a language, with its `{name}` values filled in (no React: the worker uses it too). */
import { en, zh, type MessageKey } from './catalogue.js';
import type { Lang } from '../backend/types.js';

export type Params = Readonly<Record<string, string | number>>;

const CATALOGUES = { en, zh } as const;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text: string = CATALOGUES[lang][key];
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}
