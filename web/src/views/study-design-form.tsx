/**
 * The short form of a study's design, laid out as the editor's fields (label above, input in a bordered box): its kind, its size (samples, trajectories, levels or population and
 * generations) and its seed, written into the study file's `design` (the rest of the file, comments included, stays
 * as written), with the number of cases it will compute. The study file itself stays the one definition.
 */
import { parseDocument } from 'yaml';
import type { ReactNode } from 'react';
import type { Lang } from '../backend/types.js';
import { studyStrings } from './study-strings.js';

export const DESIGN_KINDS = ['monte-carlo', 'lhs', 'sobol', 'saltelli', 'morris', 'tornado', 'grid', 'nsga2'] as const;
type Kind = (typeof DESIGN_KINDS)[number];

interface Design {
  kind: Kind;
  samples?: number;
  trajectories?: number;
  levels?: number;
  population?: number;
  generations?: number;
  seed?: number;
  threshold?: Record<string, number>;
  objectives?: { output: string; goal: 'min' | 'max' }[];
}

/** The field holding a design's size, by kind. */
const SIZE: Readonly<Record<Kind, keyof Design | undefined>> = {
  'monte-carlo': 'samples',
  lhs: 'samples',
  sobol: 'samples',
  saltelli: 'samples',
  morris: 'trajectories',
  tornado: undefined,
  grid: 'levels',
  nsga2: 'population',
};

/** Cases a design computes with d parameters (the study runner's own counts: src/project/study/plan.ts). */
export function caseCount(design: Design, d: number): number | undefined {
  switch (design.kind) {
    case 'monte-carlo':
    case 'lhs':
    case 'sobol':
      return design.samples;
    case 'saltelli':
      return design.samples === undefined ? undefined : design.samples * (d + 2);
    case 'morris':
      return design.trajectories === undefined ? undefined : design.trajectories * (d + 1);
    case 'tornado':
      return 1 + 2 * d;
    case 'grid':
      return (design.levels ?? 3) ** d;
    case 'nsga2':
      return design.population === undefined || design.generations === undefined ? undefined : design.population * design.generations;
  }
}

function read(text: string): { design: Design; parameters: number; outputs: string[] } | undefined {
  try {
    const doc = parseDocument(text);
    if (doc.errors.length) return undefined;
    const v = doc.toJS() as { design?: Design; parameters?: unknown[]; outputs?: Record<string, unknown> } | null;
    if (!v?.design || !DESIGN_KINDS.includes(v.design.kind)) return undefined;
    return { design: v.design, parameters: Array.isArray(v.parameters) ? v.parameters.length : 0, outputs: Object.keys(v.outputs ?? {}) };
  } catch {
    return undefined;
  }
}

/** The design of `kind` keeping what carries over (size, seed, a Monte Carlo's thresholds). */
function redesign(old: Design, kind: Kind, outputs: readonly string[]): Design {
  const size = old[SIZE[old.kind] ?? 'samples'] as number | undefined;
  const seed = old.seed ?? 1;
  switch (kind) {
    case 'tornado':
      return { kind };
    case 'grid':
      return { kind, levels: Math.min(size ?? 3, 5) };
    case 'morris':
      return { kind, trajectories: Math.min(size ?? 10, 20), seed };
    case 'nsga2':
      return { kind, population: Math.max(4, size ?? 16), generations: old.generations ?? 5, seed, objectives: outputs.slice(0, 2).map((output) => ({ output, goal: 'min' as const })) };
    case 'monte-carlo':
      return { kind, samples: size ?? 100, seed, ...(old.threshold ? { threshold: old.threshold } : {}) };
    default:
      return { kind, samples: size ?? 64, seed };
  }
}

function write(text: string, design: Design): string {
  const doc = parseDocument(text);
  doc.set('design', doc.createNode(design, { flow: true }));
  return doc.toString();
}

/** One labelled input in the editor's style; `help` is the line under it. */
function Field({ label, children, help }: { readonly label: string; readonly children: ReactNode; readonly help?: string }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <span className="field-input">{children}</span>
      {help ? <span className="field-help">{help}</span> : null}
    </label>
  );
}

/**
 * The design's fields, each a cell of the caller's `.fields` grid (the wrapper is `display: contents`), and the
 * number of cases they make; a study file that does not read as YAML with a design gets a line saying so.
 */
export function StudyDesignFields({ text, onText, lang }: { readonly text: string; readonly onText: (t: string) => void; readonly lang: Lang }) {
  const s = studyStrings(lang);
  const r = read(text);
  if (!r)
    return (
      <p className="cn-muted cn-small study-design-off" data-design-form="off">
        {s.designFromText}
      </p>
    );
  const { design } = r;
  const size = SIZE[design.kind];
  const set = (patch: Partial<Design>) => onText(write(text, { ...design, ...patch }));
  const n = caseCount(design, r.parameters);
  const number = (key: keyof Design, label: string, min: number) => (
    <Field label={label}>
      <input type="number" min={min} step={1} data-field={`design.${key}`} value={String(design[key] ?? '')} onChange={(e) => Number.isInteger(Number(e.target.value)) && Number(e.target.value) >= min && set({ [key]: Number(e.target.value) })} />
    </Field>
  );
  return (
    <div className="study-design-form" data-design-form={design.kind}>
      <Field label={s.design}>
        <select data-field="design.kind" value={design.kind} onChange={(e) => onText(write(text, redesign(design, e.target.value as Kind, r.outputs)))}>
          {DESIGN_KINDS.map((k) => (
            <option key={k} value={k}>
              {s.designs[k]}
            </option>
          ))}
        </select>
      </Field>
      {size ? number(size, s.sizeLabel[size as 'samples' | 'trajectories' | 'levels' | 'population'], size === 'population' ? 4 : size === 'levels' ? 1 : size === 'trajectories' ? 2 : 1) : null}
      {design.kind === 'nsga2' ? number('generations', s.generations, 1) : null}
      {design.kind !== 'tornado' && design.kind !== 'grid' ? number('seed', s.seed, 0) : null}
      <div className="field">
        <span className="field-label">{s.casesToRun}</span>
        <span className="study-case-count" data-case-count={n ?? ''}>
          {n !== undefined ? s.caseCount(n) : '—'}
        </span>
      </div>
    </div>
  );
}
