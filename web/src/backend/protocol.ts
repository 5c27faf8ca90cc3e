/** Messages between the app and its Web Worker (worker.ts). Every request has an id; the answers carry it back. */
import type { ProcessPaths, ExampleInfo, FieldIssue, Lang, ParameterInfo, PlantResultsJson, PricePreviewResult, ProjectDocument, PropertyDiagramData, ResultsJson, RunProgress, ScheduleData, TemplateInfo, Validation } from './types.js';

export type WorkerRequest =
  | { readonly id: number; readonly op: 'examples' }
  | { readonly id: number; readonly op: 'example'; readonly exampleId: string }
  | { readonly id: number; readonly op: 'templates' }
  | { readonly id: number; readonly op: 'parameters'; readonly template: string }
  | { readonly id: number; readonly op: 'validate'; readonly project: unknown; readonly files: Readonly<Record<string, string>>; readonly lang: Lang }
  | { readonly id: number; readonly op: 'preview'; readonly text: string; readonly timeZone: string; readonly lang: Lang }
  | { readonly id: number; readonly op: 'run'; readonly project: unknown; readonly files: Readonly<Record<string, string>> }
  | { readonly id: number; readonly op: 'diagram'; readonly fluid: string; readonly paths?: ProcessPaths };

/** What each operation answers with. */
export interface WorkerAnswers {
  examples: readonly ExampleInfo[];
  example: ProjectDocument;
  templates: readonly TemplateInfo[];
  parameters: readonly ParameterInfo[];
  validate: Validation;
  preview: PricePreviewResult;
  run: ResultsJson;
  diagram: PropertyDiagramData;
}

export type WorkerMessage =
  | { readonly id: number; readonly kind: 'ok'; readonly value: unknown }
  | { readonly id: number; readonly kind: 'error'; readonly message: string; readonly issues?: readonly FieldIssue[] }
  | { readonly id: number; readonly kind: 'progress'; readonly progress: RunProgress }
  | { readonly id: number; readonly kind: 'plant'; readonly index: number; readonly plant: PlantResultsJson; readonly schedule: ScheduleData }
  | { readonly id: -1; readonly kind: 'ready' };
