/** Key-figure cards: a label, a number with its unit, an optional note; `data-kpi` names each for tests. */
export interface KpiItem {
  readonly key: string;
  readonly label: string;
  /** The number as text (already formatted), or '—'. */
  readonly value: string;
  readonly unit?: string;
  readonly note?: string;
  /** Colours the number: a figure that passes (good) or fails (bad) its test. */
  readonly tone?: 'good' | 'bad';
}

export function KpiCards({ items, name }: { readonly items: readonly KpiItem[]; readonly name?: string }) {
  return (
    <div className="cn-kpis" data-kpis={name}>
      {items.map((k) => (
        <div key={k.key} className="cn-kpi" data-kpi={k.key} data-tone={k.tone}>
          <div className="cn-kpi-label" title={k.label}>
            {k.label}
          </div>
          <div className="cn-kpi-value">
            {k.value}
            {k.unit && k.value !== '—' ? <span className="cn-kpi-unit">{k.unit}</span> : null}
          </div>
          {k.note ? <div className="cn-kpi-note">{k.note}</div> : null}
        </div>
      ))}
    </div>
  );
}
