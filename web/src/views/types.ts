/**
 * The one props type of the result pages (plant, operation, money, compare) and the list of those pages.
 * `ResultsJson` is what `resultsJson(evaluation)` writes (results.json, GET /api/runs/:id/results): the project's
 * evaluation without the bulky schedules, SI units, money in the plant's currency. The hourly schedule arrives on
 * demand as `ScheduleData` (plain arrays, SI).
 */
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import type { PlantEvaluation, ProjectEvaluation } from '../../../src/project/index.js';
import type { StreamRow, Balances } from '../../../src/plant/index.js';
import type { ComponentReport } from '../../../src/plant/core/component.js';
import type { ScheduleData } from '../../../src/report/results.js';
import type { PropertyDiagramData } from '../../../src/report/diagram.js';

/** The replay of a template plant without its per-step powers (those are in the schedule). */
export type ReplayJson = Omit<NonNullable<PlantEvaluation['replay']>, 'charge' | 'discharge'>;

/** One plant of results.json. */
export type PlantResultsJson = Omit<PlantEvaluation, 'schedule' | 'replay'> & {
  readonly replay?: ReplayJson;
  /** Steps of the hourly schedule. */
  readonly scheduleSteps: number;
};

/** results.json. */
export type ResultsJson = Omit<ProjectEvaluation, 'plants'> & { readonly plants: readonly PlantResultsJson[] };

/** A design point's `Solution.toJSON()` (src/plant/network/solution.ts), SI units. */
export interface SolutionJson {
  readonly network: string;
  readonly deadState: { readonly T: number; readonly p: number };
  readonly streams: readonly StreamRow[];
  readonly components: readonly Omit<ComponentReport, 'accounting'>[];
  readonly balances: Balances;
  readonly heatTotals: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
}

/** A plant's hourly schedule as plain arrays (HTTP and the web worker); SI: money/J, W, J. One definition, the report layer's. */
export type { ScheduleData } from '../../../src/report/results.js';

/** The saturation dome and isolines of a fluid for the p–h and T–s diagrams (src/report/diagram.ts). */
export type { PropertyDiagramData } from '../../../src/report/diagram.js';

export interface ViewProps {
  /** The results.json object. */
  readonly results: ResultsJson;
  /** The plant shown (plant, operation and money pages). */
  readonly plantIndex: number;
  readonly loadSchedule: (plantIndex: number) => Promise<ScheduleData>;
  readonly lang: 'en' | 'zh';
  /** Dome and isolines of a fluid, computed in the worker or by the API. */
  readonly diagramData?: (fluid: string) => Promise<PropertyDiagramData>;
}

export type ViewKey = 'plant' | 'operation' | 'money' | 'compare' | 'battery' | 'recycling';

/** Each page loads on first use (ECharts and xyflow stay out of the first page load). */
function lazyView(load: () => Promise<{ default: ComponentType<ViewProps> }>): ComponentType<ViewProps> {
  const Lazy = lazy(load);
  const View = (props: ViewProps) => createElement(Suspense, { fallback: createElement('div', { className: 'cn-loading', 'aria-busy': true }) }, createElement(Lazy, props));
  return View;
}

/** `shownFor`: the page is offered only for results it has something to show of (default: results with plants). */
export const VIEWS: readonly { readonly key: ViewKey; readonly component: ComponentType<ViewProps>; readonly shownFor?: (r: ResultsJson) => boolean }[] = [
  { key: 'plant', component: lazyView(() => import('./PlantView.js')) },
  { key: 'operation', component: lazyView(() => import('./OperationView.js')) },
  { key: 'money', component: lazyView(() => import('./MoneyView.js')) },
  { key: 'compare', component: lazyView(() => import('./CompareView.js')) },
  { key: 'battery', component: lazyView(() => import('./BatteryView.js')), shownFor: (r) => r.plants.some((p) => 'battery' in p && p.battery !== undefined) },
  { key: 'recycling', component: lazyView(() => import('./RecyclingView.js')), shownFor: (r) => 'recycling' in r && Array.isArray(r.recycling) && r.recycling.length > 0 },
];
