/**
 * One interface for the two places the app computes: the HTTP API of `chuneng serve` (HttpBackend) and the same
 * library in a Web Worker (WorkerBackend, the static build). Everything crossing it is plain data, the same objects
 * the API returns: results.json (`resultsJson(evaluation)`), ScheduleData per plant, FieldIssue lists.
 */
import type { ParameterInfo } from '../../../src/plant/templates/parameters.js';
import type { PropertyDiagramOptions } from '../../../src/report/diagram.js';
import type { PlantResultsJson, PropertyDiagramData, ResultsJson, ScheduleData } from '../views/types.js';

export type Lang = 'en' | 'zh';
export type { ParameterInfo, PlantResultsJson, PropertyDiagramData, ResultsJson, ScheduleData };

/** The process paths of a plant's design points (results.json plantDetail.*.paths): they set a diagram's range. */
export type ProcessPaths = NonNullable<PropertyDiagramOptions['paths']>;

/** A problem with one field of a project, in the language asked for (validateProject's FieldIssue). */
export interface FieldIssue {
  /** 'plants[0].finance.discountRate' ('' for the project as a whole). */
  readonly field: string;
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly value?: unknown;
  /** The valid range or choices, for people. */
  readonly valid?: string;
  readonly code?: string;
  /** The file line of a bad row in a price file (1-based) and its column. */
  readonly row?: number;
  readonly column?: string;
}

/** A project as the editor holds it: the project file as JSON (units in strings) and the files it names. */
export interface ProjectDocument {
  readonly name: string;
  /** The project file as a value (the same schema as the YAML files). */
  readonly project: unknown;
  /** Files the project names (a price CSV), by the name written in the project: content, never paths. */
  readonly files: Readonly<Record<string, string>>;
}

export interface ExampleInfo {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface TemplateInfo {
  readonly name: string;
  readonly technology: string;
}

export type Validation = { readonly ok: true } | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/** A price file read for a preview: its grid, its range and every price (money/J). */
export interface PricePreview {
  readonly steps: number;
  readonly startMs: number;
  readonly stepSeconds: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly price: readonly number[];
}

export type PricePreviewResult = { readonly ok: true; readonly preview: PricePreview } | { readonly ok: false; readonly issues: readonly FieldIssue[] };

export interface RunProgress {
  /** 0…1 over the whole run. */
  readonly progress: number;
  readonly stage: string;
  readonly plant: string;
}

export interface RunEvents {
  readonly onProgress?: (p: RunProgress) => void;
  /** A plant is done; `plant` is its part of results.json when the back end has it already. */
  readonly onPlant?: (index: number, name: string, plant?: PlantResultsJson) => void;
}

export type RunOutcome =
  | { readonly status: 'done'; readonly results: ResultsJson }
  | { readonly status: 'failed'; readonly error: string; readonly issues?: readonly FieldIssue[] }
  | { readonly status: 'cancelled' };

export interface RunHandle {
  readonly id: string;
  /** The stored project the run belongs to (give it to the next run: a new version of the same project). */
  readonly projectId: string;
  readonly finished: Promise<RunOutcome>;
  cancel(): Promise<void>;
}

export type ReportFormat = 'html' | 'pdf' | 'xlsx';

export interface ReportFile {
  readonly blob: Blob;
  readonly fileName: string;
}

/** An error a back end reports: a message for people, and the fields it is about when there are any. */
export class BackendError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly FieldIssue[];
  constructor(message: string, status = 0, code = 'error', issues: readonly FieldIssue[] = []) {
    super(message);
    this.name = 'BackendError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

export interface Backend {
  /** 'http': the API of `chuneng serve`; 'worker': computed in this browser. */
  readonly kind: 'http' | 'worker';
  listExamples(): Promise<readonly ExampleInfo[]>;
  loadExample(id: string): Promise<ProjectDocument>;
  listTemplates(): Promise<readonly TemplateInfo[]>;
  templateParameters(name: string): Promise<readonly ParameterInfo[]>;
  /** Every field problem of a project (schema, finance sections, template parameters), in `lang`. */
  validate(doc: ProjectDocument, lang: Lang): Promise<Validation>;
  /** Reads a price CSV for a preview; a bad row gives an issue naming the row. */
  previewPrices(text: string, timeZone: string, lang: Lang): Promise<PricePreviewResult>;
  /** Stores the project (a new version when `id` is given); the worker keeps it in memory. */
  saveProject(doc: ProjectDocument, id?: string): Promise<{ readonly id: string; readonly version: number }>;
  /**
   * Stores the project (a new version of `projectId` when given) and evaluates it; progress and finished plants
   * arrive through `events`.
   */
  startRun(doc: ProjectDocument, events: RunEvents, lang: Lang, projectId?: string): Promise<RunHandle>;
  results(runId: string): Promise<ResultsJson>;
  schedule(runId: string, plantIndex: number): Promise<ScheduleData>;
  /** The saturation dome and isolines of a fluid over the range of the given process paths. */
  diagram(fluid: string, paths?: ProcessPaths): Promise<PropertyDiagramData>;
  /** The report formats this back end can make (the worker: those the browser can build). */
  reportFormats(): readonly ReportFormat[];
  report(runId: string, format: ReportFormat, lang: Lang): Promise<ReportFile>;
}
