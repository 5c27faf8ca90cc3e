/**
 * A template plant's parameter form, generated from the template's parameter list (templateParameters(name): path,
 * kind, unit, default, range, doc, source — the same data the library's parser enforces). Sizing first, in the terms
 * people use: the charge and discharge power, and the store volume with the energy it held in the last run (the
 * templates are sized by their store volume; a target energy is turned into a volume from the last run's energy per
 * m³, marked as an estimate until the project is run again).
 */
import { useEffect, useMemo, useState } from 'react';
import { parseQuantity } from '../../../src/units/index.js';
import { useBackend } from '../app/backend-context.js';
import { useI18n, parameterLabel, formatNumber } from '../i18n/index.js';
import type { ParameterInfo, PlantResultsJson } from '../backend/types.js';
import { useEditor } from './context.js';
import { SelectField, TextField, sourceText, type FieldHelp } from './fields.js';
import { getAt, setAt as setAtPath } from './paths.js';

/** The parameter that sizes each template's store (its energy follows from it). */
export const SIZING_VOLUME: Readonly<Record<string, string>> = {
  'adiabatic-caes': 'storage.volume',
  'diabatic-caes': 'storage.volume',
  'co2-gas-liquid': 'liquidTank.volume',
  'co2-transcritical': 'highPressureStore.volume',
  'liquid-co2': 'highPressureTank.volume',
};
const SIZING_POWER = ['charge.power', 'discharge.power'];

const cache = new Map<string, Promise<readonly ParameterInfo[]>>();

function useParameters(template: string): readonly ParameterInfo[] | undefined {
  const backend = useBackend();
  const [params, setParams] = useState<readonly ParameterInfo[] | undefined>();
  useEffect(() => {
    let live = true;
    const key = `${backend.kind}:${template}`;
    if (!cache.has(key)) cache.set(key, backend.templateParameters(template));
    cache.get(key)!.then(
      (p) => live && setParams(p),
      () => {
        cache.delete(key);
        if (live) setParams([]);
      },
    );
    return () => {
      live = false;
    };
  }, [backend, template]);
  return params;
}

function help(p: ParameterInfo): FieldHelp {
  return { unit: p.unit || undefined, placeholder: p.default || undefined, doc: p.doc, range: p.range, source: p.source };
}

/** One parameter's input, by its kind. */
function ParameterField({ base, p, label }: { base: string; p: ParameterInfo; label: string }) {
  const { t } = useI18n();
  const path = `${base}.${p.path.split('.').pop()!.replace('[]', '')}`;
  if (p.kind === 'choice') {
    const values = p.range.split(' | ');
    const boolean = p.range === 'true | false';
    return (
      <SelectField
        path={path}
        label={label}
        doc={p.doc}
        source={p.source}
        defaultValue={p.default}
        options={values.map((v) => (boolean ? { value: v === 'true', label: v === 'true' ? t('editor.yes') : t('editor.no') } : { value: v, label: v }))}
      />
    );
  }
  if (p.kind === 'list') return <ListField path={path} label={label} p={p} />;
  return <TextField path={path} label={label} numeric={p.kind === 'integer'} {...help(p)} />;
}

/** A list parameter ('equal', or comma-separated values). */
function ListField({ path, label, p }: { path: string; label: string; p: ParameterInfo }) {
  const { project, set } = useEditor();
  const value = getAt(project, path);
  const text = Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value);
  const [local, setLocal] = useState(text);
  useEffect(() => setLocal((cur) => (toList(cur) === JSON.stringify(value ?? null) ? cur : text)), [text, value]);
  return (
    <TextFieldShell path={path} label={label} p={p} value={local} onChange={(v) => {
      setLocal(v);
      const parsed = JSON.parse(toList(v)) as unknown;
      set(path, parsed === null ? undefined : parsed);
    }} />
  );
}

function toList(text: string): string {
  const v = text.trim();
  if (v === '') return 'null';
  if (!v.includes(',') && !/^[\d.\s%]+$/.test(v)) return JSON.stringify(v);
  return JSON.stringify(v.split(',').map((x) => x.trim()).filter(Boolean).map((x) => (/^[+-]?\d+(\.\d+)?$/.test(x) ? Number(x) : x)));
}

function TextFieldShell({ path, label, p, value, onChange }: { path: string; label: string; p: ParameterInfo; value: string; onChange: (v: string) => void }) {
  const { issuesAt } = useEditor();
  const { t } = useI18n();
  const issues = issuesAt(path);
  return (
    <label className={`field${issues.length ? ' invalid' : ''}`} data-field={path}>
      <span className="field-label" title={p.doc}>
        {label}
      </span>
      <span className="field-input">
        <input type="text" value={value} placeholder={p.default} aria-invalid={issues.length > 0} onChange={(e) => onChange(e.target.value)} />
      </span>
      <div className="field-help">{[p.doc, t('editor.range', { range: p.range }), p.source ? t('editor.source', { source: sourceText(p.source, t) }) : ''].filter(Boolean).join(' · ')}</div>
      {issues.length ? (
        <div className="field-error" data-error-for={path}>
          {issues.map((i, k) => (
            <div key={k}>{i.message}</div>
          ))}
        </div>
      ) : null}
    </label>
  );
}

/** The energy the store volume held in the last run, and the volume for an energy wanted. */
function SizingHint({ volumePath, result }: { volumePath: string; result?: PlantResultsJson }) {
  const { t, lang } = useI18n();
  const { set } = useEditor();
  const [target, setTarget] = useState('');
  const perf = result?.performance;
  if (!perf || !(perf.energyDensity && perf.energyDensity > 0)) return <div className="sizing-hint">{t('sizing.noRun')}</div>;
  const density = perf.energyDensity; // J/m³ on the sizing volume
  let wanted: number | undefined;
  try {
    wanted = target.trim() ? parseQuantity(/^[\d.]+$/.test(target.trim()) ? `${target} MWh` : target, 'energy', 'target') : undefined;
  } catch {
    wanted = undefined;
  }
  const volume = wanted !== undefined ? wanted / density : undefined;
  return (
    <div className="sizing-hint" data-sizing={volumePath}>
      <div>
        {t('sizing.density', {
          density: formatNumber(density / 3.6e6, lang, 2),
          energy: formatNumber(perf.energyCapacity / 3.6e9, lang, 1),
          hours: formatNumber(perf.energyCapacity / perf.dischargePower / 3600, lang, 2),
          power: formatNumber(perf.dischargePower / 1e6, lang, 1),
        })}
      </div>
      <label className="field inline">
        <span className="field-label">{t('sizing.target')}</span>
        <span className="field-input">
          <input type="text" value={target} placeholder="400 MWh" onChange={(e) => setTarget(e.target.value)} />
          <span className="field-unit">MWh</span>
        </span>
      </label>
      {volume !== undefined && Number.isFinite(volume) ? (
        <div>
          {t('sizing.suggest', { volume: formatNumber(volume, lang, 0) })}{' '}
          <button type="button" onClick={() => set(volumePath, `${Math.round(volume)} m3`)}>
            {t('sizing.use')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function TemplateForm({ plantPath, template, lastResult }: { plantPath: string; template: string; lastResult?: PlantResultsJson }) {
  const params = useParameters(template);
  const { lang, t } = useI18n();
  const { project, issuesAt, issuesUnder, update } = useEditor();
  const base = `${plantPath}.parameters`;
  const volumePath = SIZING_VOLUME[template];
  const groups = useMemo(() => {
    const out = new Map<string, ParameterInfo[]>();
    for (const p of params ?? []) {
      if (SIZING_POWER.includes(p.path) || p.path === volumePath) continue;
      const g = p.path.includes('.') ? p.path.split('.')[0] : '';
      out.set(g, [...(out.get(g) ?? []), p]);
    }
    return [...out.entries()];
  }, [params, volumePath]);
  if (!params) return <div className="cn-loading" aria-busy="true" />;
  const byPath = new Map(params.map((p) => [p.path, p]));
  const sized = [...SIZING_POWER, volumePath].map((path) => byPath.get(path)).filter((p): p is ParameterInfo => p !== undefined);
  const label = (p: ParameterInfo) => p.path.split('.').map((s) => parameterLabel(s, lang)).join(' · ');
  const field = (p: ParameterInfo, base2: string) => {
    const parts = p.path.replace('[]', '').split('.');
    const parent = parts.length > 1 && !p.path.includes('[]') ? `${base2}.${parts.slice(0, -1).join('.')}` : base2;
    return <ParameterField key={p.path} base={parent} p={p} label={label(p)} />;
  };
  return (
    <div className="template-form">
      <div className="sizing">
        <h4>{t('plant.size')}</h4>
        <div className="fields">{sized.map((p) => field(p, base))}</div>
        {volumePath ? <SizingHint volumePath={`${base}.${volumePath}`} result={lastResult} /> : null}
      </div>
      {groups.map(([group, list]) => {
        const isList = list.some((p) => p.path.includes('[]'));
        const groupPath = group ? `${base}.${group}` : base;
        // closed until asked for, or until one of its fields has a problem (the sizing above is what most people change)
        const open = group ? issuesUnder(groupPath).length > 0 : list.some((p) => issuesAt(`${base}.${p.path}`).length > 0);
        if (isList) {
          const items = getAt(project, groupPath);
          const count = Array.isArray(items) ? items.length : 0;
          return (
            <details key={group} className="param-group" open={open}>
              <summary>
                {parameterLabel(group, lang)} ({count})
              </summary>
              {Array.from({ length: count }, (_, k) => (
                <div key={k} className="list-item">
                  <div className="fields">{list.map((p) => <ParameterField key={p.path} base={`${groupPath}[${k}]`} p={p} label={parameterLabel(p.path.split('.').pop()!, lang)} />)}</div>
                  <button type="button" className="remove" onClick={() => update((v) => setList(v, groupPath, (l) => l.filter((_, i) => i !== k)))}>
                    {t('editor.remove')}
                  </button>
                </div>
              ))}
              <button type="button" onClick={() => update((v) => setList(v, groupPath, (l) => [...l, {}]))}>
                {t('editor.add')}
              </button>
            </details>
          );
        }
        return (
          <details key={group || '-'} className="param-group" open={open}>
            <summary>{group ? parameterLabel(group, lang) : t('editor.more')}</summary>
            <div className="fields">{list.map((p) => field(p, base))}</div>
          </details>
        );
      })}
    </div>
  );
}

function setList(project: unknown, path: string, change: (list: unknown[]) => unknown[]): unknown {
  const list = getAt(project, path);
  return setAtPath(project, path, change(Array.isArray(list) ? list : []));
}

