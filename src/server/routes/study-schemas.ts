/**
 * The studies API's request and response bodies as zod schemas, named in the OpenAPI document's components like
 * those of ../schemas.ts. Values of parameters and outputs are in their own units (the study file's `unit`s).
 */
import { z } from 'zod';
import { Files, NAMED_SCHEMAS, ProjectValue } from '../schemas.js';
import { STUDY_STATUSES } from './study-jobs.js';

function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  NAMED_SCHEMAS.push(description === undefined ? { id, schema } : { id, schema, description });
  return schema;
}

export const StudyStatus = z.enum(STUDY_STATUSES);

export const CreateStudyRequest = named(
  'CreateStudyRequest',
  z
    .object({
      study: z
        .union([z.string().min(1), z.record(z.string(), z.unknown())])
        .describe('The study file: its text (YAML or JSON) or a JSON object (src/project/study/schema.ts: parameters, design, outputs, constraints)'),
      projectId: z.string().optional().describe('A stored project the study varies (default: the stored project whose id or name is the study\'s `project`)'),
      version: z.number().int().min(1).optional().describe('Its version (default: the latest)'),
      project: z.union([ProjectValue, z.string().min(1)]).optional().describe('Or the project itself: a JSON object or the project file\'s text'),
      files: Files.optional().describe('The files a project given here names (its price file)'),
    })
    .strict(),
);

export const StudyCreated = named('StudyCreated', z.object({ id: z.string(), status: StudyStatus, cases: z.number().int().nullable().describe('Cases of the design (null: NSGA-II, known generation by generation)') }));

export const StudyProgressSchema = named(
  'StudyProgress',
  z.object({
    total: z.number().int(),
    done: z.number().int().describe('Finished with outputs'),
    failed: z.number().int().describe('Finished with an error (see the cases\' table)'),
    resumed: z.number().int().describe('Finished before this run started'),
    etaSeconds: z.number().nullable().describe('Unit: s; null before this run\'s first case or when the study is not running'),
    lastError: z.object({ index: z.number().int(), error: z.string() }).optional(),
  }),
);

const Column = z.object({ name: z.string(), unit: z.string().describe('"" = a bare number'), words: z.array(z.union([z.string(), z.number(), z.boolean()])).optional().describe('A parameter of choices: its value is an index into these') });

export const StudySummarySchema = named(
  'StudySummary',
  z.object({ id: z.string(), name: z.string(), status: StudyStatus, cases: z.number().int().nullable(), finished: z.number().int(), failed: z.number().int(), updatedAt: z.string() }),
);

export const StudyDetail = named(
  'Study',
  z.object({
    id: z.string().describe('The study\'s hash over the study, its project and files'),
    name: z.string(),
    description: z.string().optional(),
    status: StudyStatus,
    error: z.string().optional().describe('Why a failed study failed'),
    design: z.string().describe('grid, lhs, sobol, saltelli, morris, tornado, monte-carlo or nsga2'),
    parameters: z.array(Column),
    outputs: z.array(Column),
    progress: StudyProgressSchema,
    study: z.unknown().describe('The study file as given (a JSON value)'),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);

export const StudyCases = named(
  'StudyCases',
  z.object({
    parameters: z.array(Column),
    outputs: z.array(Column),
    cases: z.array(
      z.object({
        index: z.number().int(),
        values: z.array(z.number()).describe('One per parameter in its unit (a choice\'s index)'),
        outputs: z.array(z.number().nullable()).nullable().describe('One per output in its unit; null where undefined; null for a failed case'),
        error: z.string().nullable(),
        seconds: z.number().describe('Unit: s'),
      }),
    ),
  }),
);

export const StudyAnalysisBody = named(
  'StudyAnalysis',
  z.object({
    final: z.boolean().describe('true: the stored analysis of the finished study; false: of the cases finished so far'),
    analysis: z.record(z.string(), z.unknown()).describe('analyseStudy of src/project/study/analysis.ts: per output its summary (P10/P50/P90), P(output > threshold), Sobol indices with CIs, Morris μ*/σ, tornado bars; the NSGA-II front'),
  }),
);

export const StudyCasesQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });
export const StudyReportQuery = z.object({ format: z.enum(['html', 'pdf']).default('html'), lang: z.enum(['en', 'zh']).optional() });
