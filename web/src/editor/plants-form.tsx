/** The plants: each a template plant (generated parameter form) or a plant given by its performance, with its finance. */
import { useEffect, useState } from 'react';
import { useBackend } from '../app/backend-context.js';
import { useI18n, templateLabel } from '../i18n/index.js';
import type { PlantResultsJson, TemplateInfo } from '../backend/types.js';
import { useEditor } from './context.js';
import { Section, TextField } from './fields.js';
import { getAt, setAt } from './paths.js';
import { TemplateForm } from './template-form.js';
import { PerformanceForm } from './performance-form.js';
import { FinanceForm } from './finance-form.js';

const NEW_FINANCE = { currency: 'CNY', discountRate: '6 %', constructionYears: '1 year', operatingYears: '25 years', capex: { items: [] }, debt: { fraction: '70 %', rate: '3.5 %', tenorYears: '15 years' } };

function useTemplates(): readonly TemplateInfo[] {
  const backend = useBackend();
  const [list, setList] = useState<readonly TemplateInfo[]>([]);
  useEffect(() => {
    let live = true;
    backend.listTemplates().then((l) => live && setList(l), () => undefined);
    return () => {
      live = false;
    };
  }, [backend]);
  return list;
}

function PlantCard({ index, lastResult }: { index: number; lastResult?: PlantResultsJson }) {
  const { t, lang } = useI18n();
  const { project, update } = useEditor();
  const templates = useTemplates();
  const path = `plants[${index}]`;
  const plant = (getAt(project, path) ?? {}) as { name?: string; template?: string; performance?: unknown };
  const byTemplate = plant.template !== undefined || plant.performance === undefined;
  return (
    <article className="plant-card" data-plant={index}>
      <header>
        <TextField path={`${path}.name`} label={t('plant.name')} wide />
        <button type="button" className="remove" onClick={() => update((v) => setAt(v, 'plants', ((getAt(v, 'plants') as unknown[]) ?? []).filter((_, i) => i !== index)))}>
          {t('editor.remove')}
        </button>
      </header>
      {byTemplate ? (
        <>
          <label className="field wide" data-field={`${path}.template`}>
            <span className="field-label">{t('plant.template')}</span>
            <span className="field-input">
              <select value={plant.template ?? ''} onChange={(e) => update((v) => setAt(setAt(v, `${path}.template`, e.target.value), `${path}.parameters`, {}))}>
                {(templates.length ? templates.map((x) => x.name) : [plant.template ?? '']).map((name) => (
                  <option key={name} value={name}>
                    {templateLabel(name, lang)}
                  </option>
                ))}
              </select>
            </span>
          </label>
          {plant.template ? <TemplateForm plantPath={path} template={plant.template} lastResult={lastResult} /> : null}
        </>
      ) : (
        <PerformanceForm plantPath={path} />
      )}
      <details className="finance" open>
        <summary>{t('section.finance')}</summary>
        <FinanceForm plantPath={path} />
      </details>
    </article>
  );
}

export function PlantsForm({ lastResults }: { lastResults?: readonly PlantResultsJson[] }) {
  const { t } = useI18n();
  const { project, update } = useEditor();
  const plants = getAt(project, 'plants');
  const list = Array.isArray(plants) ? (plants as { name?: string }[]) : [];
  const add = (plant: Record<string, unknown>) => update((v) => setAt(v, 'plants', [...list, plant]));
  return (
    <Section title={t('section.plants')} path="plants" className="plants">
      {list.map((p, i) => (
        <PlantCard key={i} index={i} lastResult={lastResults?.find((r, k) => k === i && r.name === p?.name)} />
      ))}
      <div className="actions">
        <button type="button" onClick={() => add({ name: t('plant.newName', { n: list.length + 1 }), template: 'co2-gas-liquid', parameters: {}, finance: NEW_FINANCE })}>
          {t('plant.addTemplate')}
        </button>
        <button
          type="button"
          onClick={() =>
            add({ name: t('plant.newName', { n: list.length + 1 }), performance: { technology: 'Li-ion (LFP)', power: '100 MW', energy: '400 MWh', roundTripEfficiency: '86 %' }, finance: NEW_FINANCE })
          }
        >
          {t('plant.addPerformance')}
        </button>
      </div>
    </Section>
  );
}
