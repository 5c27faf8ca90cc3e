/** What every input of the project editor reaches: the project value, a setter by field path, and the field issues. */
import { createContext, useContext } from 'react';
import type { FieldIssue } from '../backend/types.js';

export interface EditorContextValue {
  readonly project: unknown;
  /** Sets the value at a field path (`undefined` removes it, so the default applies). */
  readonly set: (path: string, value: unknown) => void;
  /** Replaces the whole project value with what `change` makes of it. */
  readonly update: (change: (project: unknown) => unknown) => void;
  /** The issues of exactly this field. */
  readonly issuesAt: (field: string) => readonly FieldIssue[];
  /** The issues of this field and every field inside it (`plants[0].parameters.thermalStores` → its items' fields). */
  readonly issuesUnder: (prefix: string) => readonly FieldIssue[];
  /** Files the project names (price CSVs), by name: content. */
  readonly files: Readonly<Record<string, string>>;
  readonly setFile: (name: string, text: string | undefined) => void;
}

export const EditorContext = createContext<EditorContextValue>({
  project: {},
  set: () => undefined,
  update: () => undefined,
  issuesAt: () => [],
  issuesUnder: () => [],
  files: {},
  setFile: () => undefined,
});

export function useEditor(): EditorContextValue {
  return useContext(EditorContext);
}
