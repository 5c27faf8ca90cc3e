/**
 * The API's request and response bodies as zod schemas: the routes validate requests with them and
 * ./openapi.ts writes the OpenAPI document from them, so each format is defined once. The project itself is
 * the project file's schema (src/project/schema.ts): a request carries it as a JSON object that the library's
 * validation checks (field issues in the requested language), and the document shows it as that schema.
 */
import { z } from 'zod';
import { ProjectSchema } from '../project/index.js';
import { REFERENCE_STATES } from '../fluids/index.js';
import type { ParameterInfo } from '../plant/templates/index.js';
import type { ScheduleData as ScheduleDataType } from '../report/index.js';
import { RUN_STATUSES } from './store.js';

/** Schemas named in the document's components (each once, referenced elsewhere). */
export const NAMED_SCHEMAS: { readonly id: string; readonly schema: z.ZodType; readonly description?: string }[] = [];

function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  NAMED_SCHEMAS.push(description === undefined ? { id, schema } : { id, schema, description });
  return schema;
}

named('Project', ProjectSchema, 'A project file as JSON (the same schema as the .yaml/.json project files; quantities as strings with units, e.g. "100 MW").');

/** A project in a request or a response: a JSON object checked by the library's validation, documented as `Project`. */
export const ProjectValue = z.record(z.string(), z.unknown());
/** The schema ProjectValue stands for in the document. */
export const DOCUMENTED_AS = new Map<z.ZodType, z.ZodType>([[ProjectValue, ProjectSchema]]);

export const Lang = z.enum(['en', 'zh']);

export const Files = named(
  'Files',
  z.record(z.string().min(1).max(255), z.string()),
  'Files uploaded with a project, by the name the project gives them (e.g. "prices.csv"): their text. Content, never paths on the server.',
);

export const FieldIssue = named(
  'FieldIssue',
  z.object({
    field: z.string().describe('The field\'s path written out, e.g. "plants[0].finance.discountRate"'),
    path: z.array(z.union([z.string(), z.number()])),
    value: z.unknown().optional(),
    valid: z.string().optional().describe('What would be valid (a range, the choices)'),
    code: z.string(),
    message: z.string().describe('In the requested language'),
    row: z.number().int().optional().describe('A price file\'s 1-based line'),
    column: z.string().optional().describe('A price file\'s column'),
  }),
);

export const ErrorBody = named(
  'Error',
  z.object({
    error: z.object({
      status: z.number().int(),
      code: z.string().describe('Stable, for programs: not_found, invalid_project, invalid_request, invalid_json, payload_too_large, queue_full, conflict, …'),
      message: z.string().describe('For people, in the requested language'),
      issues: z.array(FieldIssue).optional(),
    }),
  }),
);

export const Health = named('Health', z.object({ status: z.literal('ok'), version: z.string() }));

export const TemplateInfo = named('TemplateInfo', z.object({ name: z.string(), technology: z.string(), technologyZh: z.string() }));

export const ParameterInfoSchema = named(
  'ParameterInfo',
  z.object({
    path: z.string(),
    kind: z.string(),
    unit: z.string(),
    default: z.string(),
    range: z.string(),
    doc: z.string(),
    source: z.string(),
  }) satisfies z.ZodType<ParameterInfo>,
);

export const ExampleInfo = named('ExampleInfo', z.object({ id: z.string(), name: z.string(), description: z.string() }));
export const Example = named('Example', z.object({ id: z.string(), name: z.string(), project: ProjectValue, files: Files }));

export const ValidateRequest = named('ValidateRequest', z.object({ project: ProjectValue, files: Files.optional() }).strict());
export const ValidateResponse = named('ValidateResponse', z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), issues: z.array(FieldIssue) })]));

export const PricePreviewRequest = named(
  'PricePreviewRequest',
  z
    .object({
      text: z.string().describe('The CSV: a header naming the columns time and price, then one row per step'),
      timeZone: z.string().optional().describe('Zone of times written without an offset (default Asia/Shanghai)'),
      priceEnergyUnit: z.string().optional().describe('The energy the prices are quoted per (default MWh)'),
    })
    .strict(),
);
export const PricePreview = named(
  'PricePreview',
  z.object({
    steps: z.number().int(),
    startMs: z.number().describe('Start of the first step; unit: ms since the epoch (UTC)'),
    stepSeconds: z.number().describe('Unit: s'),
    utcOffsetMinutes: z.number().describe('Unit: min'),
    min: z.number().describe('Unit: money/J'),
    max: z.number().describe('Unit: money/J'),
    mean: z.number().describe('Unit: money/J'),
    price: z.array(z.number()).describe('Unit: money/J'),
  }),
);

export const PropertiesRequest = named(
  'PropertiesRequest',
  z
    .object({
      fluid: z.string().min(1).describe('A fluid name (CoolProp names accepted), e.g. "CO2"'),
      input: z.record(z.string(), z.union([z.string(), z.number()])).describe('Two inputs with units, e.g. { "T": "25 degC", "p": "70 bar" }; keys T p rho h s u Q; bare numbers are SI'),
      referenceState: z.enum(REFERENCE_STATES as [string, ...string[]]).optional(),
    })
    .strict(),
);
export const PropertiesResponse = named(
  'PropertiesResponse',
  z.object({
    fluid: z.string(),
    state: z.record(z.string(), z.unknown()).describe('The state in SI (K, Pa, kg/m3, J/kg, J/(kg K), m/s, Pa s, W/(m K)); two-phase states also carry liquid and vapor'),
    display: z.record(z.string(), z.string()).describe('The main properties formatted with display units'),
  }),
);

const name = z.string().min(1).max(200);
export const CreateProjectRequest = named(
  'CreateProjectRequest',
  z.object({ name: name.optional().describe('Default: the project\'s own name'), project: ProjectValue, files: Files.optional() }).strict(),
);
export const UpdateProjectRequest = named(
  'UpdateProjectRequest',
  z
    .object({
      name: name.optional().describe('Default: the latest version\'s name'),
      project: ProjectValue,
      files: Files.optional().describe('Default: the latest version\'s files'),
      baseVersion: z.number().int().min(1).optional().describe('The version this one was edited from: 409 when a newer one was saved meanwhile'),
    })
    .strict(),
);
export const ProjectSaved = named('ProjectSaved', z.object({ id: z.string(), version: z.number().int() }));
export const ProjectSummary = named('ProjectSummary', z.object({ id: z.string(), name: z.string(), version: z.number().int(), createdAt: z.string(), updatedAt: z.string() }));
export const ProjectDetail = named(
  'ProjectDetail',
  z.object({ id: z.string(), name: z.string(), version: z.number().int(), project: ProjectValue, files: Files, createdAt: z.string(), updatedAt: z.string().describe('When this version was saved') }),
);
export const VersionInfo = named('VersionInfo', z.object({ version: z.number().int(), name: z.string(), createdAt: z.string() }));

export const StartRunRequest = named(
  'StartRunRequest',
  z.object({ version: z.number().int().min(1).optional().describe('Default: the latest version') }).strict(),
);
export const RunStatus = z.enum(RUN_STATUSES);
export const RunError = named('RunError', z.object({ code: z.string(), message: z.string(), issues: z.array(FieldIssue).optional() }));
export const RunCreated = named('RunCreated', z.object({ id: z.string(), status: RunStatus }));
export const RunSummary = named(
  'RunSummary',
  z.object({ id: z.string(), projectId: z.string(), version: z.number().int(), status: RunStatus, progress: z.number().min(0).max(1), createdAt: z.string() }),
);
export const Run = named(
  'Run',
  z.object({
    id: z.string(),
    projectId: z.string(),
    version: z.number().int(),
    status: RunStatus,
    progress: z.number().min(0).max(1),
    stage: z.string().nullable(),
    plant: z.string().nullable().describe('The plant being evaluated'),
    lang: Lang,
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    seconds: z.number().nullable().describe('Unit: s'),
    error: RunError.nullable(),
    plantsDone: z.array(z.object({ index: z.number().int(), name: z.string() })).describe('Plants whose results can be read already'),
  }),
);

export const Results = named('Results', z.record(z.string(), z.unknown()), 'results.json of the run: resultsJson(evaluation) of the library; SI units, money in each plant\'s currency.');
export const PlantResults = named('PlantResults', z.record(z.string(), z.unknown()), 'One plant of results.json.');
export const ScheduleData = named(
  'ScheduleData',
  z.object({
    startMs: z.number(),
    stepSeconds: z.number(),
    utcOffsetMinutes: z.number(),
    energyCapacity: z.number().describe('Unit: J'),
    price: z.array(z.number()).describe('Unit: money/J'),
    charge: z.array(z.number()).describe('Unit: W'),
    discharge: z.array(z.number()).describe('Unit: W'),
    energy: z.array(z.number()).describe('Stored at the end of each step; unit: J'),
    plantCharge: z.array(z.number()).optional().describe('Realised by the plant model (template plants); unit: W'),
    plantDischarge: z.array(z.number()).optional().describe('Unit: W'),
  }) satisfies z.ZodType<ScheduleDataType>,
  'A plant\'s hourly schedule as plain arrays, SI.',
);
export const YearlyCashFlow = named(
  'YearlyCashFlow',
  z.record(z.string(), z.array(z.number().nullable())),
  'The yearly cash-flow table: one array per row (year, operatingYear, revenue, chargingCost, …, dscr), one slot per year from the start of construction; money in the plant\'s currency, energy in J.',
);

export const FormatQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });
export const ReportQuery = z.object({ format: z.enum(['html', 'pdf', 'xlsx']).default('html'), lang: Lang.optional() });
export const RunsQuery = z.object({
  project: z.string().optional().describe('Only the runs of this project'),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('At most this many, the newest'),
});
