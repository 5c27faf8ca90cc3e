/**
 * The editor's inputs. Each is bound to a field path of the project value; it shows the issues of that path at the
 * field (in the UI's language, from the back end's validation) and its help (unit, default, valid range, source).
 * A quantity typed as a bare number gets the field's unit ("100" in a MW field is stored as "100 MW"), because a
 * bare number in a project file means SI.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useEditor } from './context.js';
import { getAt } from './paths.js';
import { useI18n } from '../i18n/index.js';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export interface FieldHelp {
  /** A line of explanation shown under the input. */
  readonly note?: string;
  readonly unit?: string;
  readonly placeholder?: string;
  readonly doc?: string;
  readonly range?: string;
  readonly source?: string;
}

function Issues({ field, id }: { field: string; id: string }) {
  const { issuesAt } = useEditor();
  const issues = issuesAt(field);
  if (issues.length === 0) return null;
  return (
    <div className="field-error" id={id} data-error-for={field}>
      {issues.map((i, k) => (
        <div key={k}>{i.message}</div>
      ))}
    </div>
  );
}

/** A parameter's source as the library writes it; its word for "assumption" in the UI's language. */
export function sourceText(source: string, t: ReturnType<typeof useI18n>['t']): string {
  return source.replace(/^assumption\b/, t('editor.assumption'));
}

function Help({ help }: { help: FieldHelp }) {
  const { t } = useI18n();
  const parts = [help.note, help.range ? t('editor.range', { range: help.range }) : '', help.source ? t('editor.source', { source: sourceText(help.source, t) }) : ''].filter(Boolean);
  if (parts.length === 0) return null;
  return <div className="field-help">{parts.join(' · ')}</div>;
}

export interface TextFieldProps extends FieldHelp {
  readonly path: string;
  readonly label: ReactNode;
  /** Store whole numbers as numbers (years, counts, coordinates). */
  readonly numeric?: boolean;
  readonly wide?: boolean;
}

/** Text as stored: a bare number gets the unit; '' removes the field. */
function stored(text: string, unit: string | undefined, numeric: boolean | undefined): unknown {
  const v = text.trim();
  if (v === '') return undefined;
  if (numeric && NUMBER.test(v)) return Number(v);
  if (unit && NUMBER.test(v)) return `${v} ${unit}`;
  return text;
}

/** The stored value as the input shows it: "100 MW" in a MW field as "100" (the unit stands beside the input). */
function shown(value: unknown, unit?: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  if (unit && text.endsWith(` ${unit}`) && NUMBER.test(text.slice(0, -unit.length - 1).trim())) return text.slice(0, -unit.length - 1).trim();
  return text;
}

export function TextField({ path, label, unit, placeholder, note, doc, range, source, numeric, wide }: TextFieldProps) {
  const { project, set, issuesAt } = useEditor();
  const value = getAt(project, path);
  const [text, setText] = useState(shown(value, unit));
  // follow the project when it changes from elsewhere (an example loaded, a file imported)
  useEffect(() => {
    setText((current) => (Object.is(stored(current, unit, numeric), value) || shown(stored(current, unit, numeric)) === shown(value) ? current : shown(value, unit)));
  }, [value, unit, numeric]);
  const id = useId();
  const bad = issuesAt(path).length > 0;
  return (
    <label className={`field${wide ? ' wide' : ''}${bad ? ' invalid' : ''}`} data-field={path}>
      <span className="field-label" title={doc}>
        {label}
      </span>
      <span className="field-input">
        <input
          type="text"
          value={text}
          placeholder={placeholder}
          aria-invalid={bad}
          aria-describedby={bad ? `${id}-err` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            set(path, stored(e.target.value, unit, numeric));
          }}
        />
        {unit ? <span className="field-unit">{unit}</span> : null}
      </span>
      <Help help={{ note, range, source }} />
      <Issues field={path} id={`${id}-err`} />
    </label>
  );
}

export interface SelectFieldProps {
  readonly path: string;
  readonly label: ReactNode;
  readonly options: readonly { readonly value: string | boolean; readonly label: string }[];
  /** The value the library uses when the field is absent (offered as the first choice, stored as absence). */
  readonly defaultValue?: string;
  readonly doc?: string;
  readonly source?: string;
}

export function SelectField({ path, label, options, defaultValue, doc, source }: SelectFieldProps) {
  const { project, set, issuesAt } = useEditor();
  const { t } = useI18n();
  const value = getAt(project, path);
  const id = useId();
  const bad = issuesAt(path).length > 0;
  return (
    <label className={`field${bad ? ' invalid' : ''}`} data-field={path}>
      <span className="field-label" title={doc}>
        {label}
      </span>
      <span className="field-input">
        <select
          value={value === undefined ? '' : String(value)}
          aria-invalid={bad}
          onChange={(e) => {
            const o = options.find((x) => String(x.value) === e.target.value);
            set(path, o ? o.value : undefined);
          }}
        >
          {defaultValue !== undefined || value === undefined ? <option value="">{defaultValue !== undefined ? t('editor.defaultChoice', { value: options.find((o) => String(o.value) === defaultValue)?.label ?? defaultValue }) : '—'}</option> : null}
          {options.map((o) => (
            <option key={String(o.value)} value={String(o.value)}>
              {o.label}
            </option>
          ))}
        </select>
      </span>
      <Help help={{ source }} />
      <Issues field={path} id={`${id}-err`} />
    </label>
  );
}

/** A titled group of fields, with the issues of the group's own path (e.g. "give either tariff or prices"). */
export function Section({ title, path, children, className }: { title: ReactNode; path?: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`editor-section${className ? ' ' + className : ''}`} data-section={path}>
      <h3>{title}</h3>
      {path !== undefined ? <Issues field={path} id={id} /> : null}
      <div className="fields">{children}</div>
    </section>
  );
}
