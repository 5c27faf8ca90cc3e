/**
 * A result page (plant, operation, money, compare) from the views' list, with the plant chooser. Schedules and
 * property diagrams are fetched from the back end on demand and kept for the run.
 */
import { useMemo, useRef } from 'react';
import { useBackend } from './backend-context.js';
import { useI18n } from '../i18n/index.js';
import type { Lang, PropertyDiagramData, ResultsJson, ScheduleData } from '../backend/types.js';
import { VIEWS, type ViewKey } from '../views/types.js';

export interface ResultsPageProps {
  readonly page: ViewKey;
  readonly results: ResultsJson;
  readonly runId: string;
  readonly plantIndex: number;
  readonly onPlant: (index: number) => void;
  readonly lang: Lang;
}

export function ResultsPage({ page, results, runId, plantIndex, onPlant, lang }: ResultsPageProps) {
  const backend = useBackend();
  const { t } = useI18n();
  const View = VIEWS.find((v) => v.key === page)?.component;
  // results grow plant by plant during a run; the loaders belong to the run and read the latest
  const latest = useRef(results);
  latest.current = results;
  // one fetch per plant and fluid for the run
  const loaders = useMemo(() => {
    const schedules = new Map<number, Promise<ScheduleData>>();
    const diagrams = new Map<string, Promise<PropertyDiagramData>>();
    return {
      diagramFor: (plantIndex: number) => (fluid: string) => {
        const detail = latest.current.plants[plantIndex]?.plantDetail;
        const key = `${plantIndex}:${fluid}`;
        let p = diagrams.get(key);
        if (!p) {
          p = backend.diagram(fluid, detail ? [...detail.charge.paths, ...detail.discharge.paths] : undefined);
          p.catch(() => diagrams.delete(key));
          diagrams.set(key, p);
        }
        return p;
      },
      loadSchedule: (i: number) => {
        let p = schedules.get(i);
        if (!p) {
          p = backend.schedule(runId, i);
          p.catch(() => schedules.delete(i));
          schedules.set(i, p);
        }
        return p;
      },
    };
  }, [backend, runId]);
  const diagramData = useMemo(() => loaders.diagramFor(plantIndex), [loaders, plantIndex]);
  if (!View) return null;
  return (
    <div className="results-page" data-view-page={page}>
      {page !== 'compare' && page !== 'recycling' && results.plants.length > 1 ? (
        <div className="plant-chooser" role="tablist" aria-label={t('results.plant')}>
          {results.plants.map((p, i) => (
            <button key={i} type="button" role="tab" aria-selected={i === plantIndex} data-plant-index={i} onClick={() => onPlant(i)}>
              {p.name}
            </button>
          ))}
        </div>
      ) : null}
      <View key={`${page}-${plantIndex}`} results={results} plantIndex={plantIndex} loadSchedule={loaders.loadSchedule} diagramData={diagramData} lang={lang} />
    </div>
  );
}
