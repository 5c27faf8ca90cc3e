/**
 * The study file's editing area: a monospace text area with line numbers beside it (kept level with the text as it
 * scrolls), no wrapping (YAML's indentation is its structure), its height a useful screenful and resizable.
 */
import { useRef } from 'react';
import type { Lang } from '../backend/types.js';
import { studyStrings } from './study-strings.js';

export function StudyCode({ label, value, onChange, lang }: { readonly label: string; readonly value: string; readonly onChange: (text: string) => void; readonly lang: Lang }) {
  const s = studyStrings(lang);
  const gutter = useRef<HTMLDivElement>(null);
  const lines = value.split('\n').length;
  return (
    <label className="field wide study-code-field">
      <span className="field-label">
        {label}
        <span className="study-code-lines">{s.lines(lines)}</span>
      </span>
      <span className="study-code">
        <span className="study-code-gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lines }, (_, k) => (
            <span key={k}>{k + 1}</span>
          ))}
        </span>
        <textarea
          data-field="study-text"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          wrap="off"
          rows={16}
        />
      </span>
    </label>
  );
}
