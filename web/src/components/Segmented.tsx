/** A small switch between a few options (charge / discharge, p–h / T–s). */
export function Segmented<K extends string>({
  options,
  value,
  onChange,
  name,
}: {
  readonly options: readonly { readonly key: K; readonly label: string }[];
  readonly value: K;
  readonly onChange: (key: K) => void;
  readonly name: string;
}) {
  return (
    <div className="cn-seg" role="group" data-switch={name}>
      {options.map((o) => (
        <button key={o.key} type="button" aria-pressed={o.key === value} data-option={o.key} onClick={() => onChange(o.key)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
