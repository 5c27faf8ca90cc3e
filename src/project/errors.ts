/** A mistake in a project file or its inputs: names the field (path), the value and what would be valid. */
export class ProjectError extends Error {
  readonly field: string;
  readonly value: unknown;
  constructor(field: string, value: unknown, valid: string) {
    super(`${field}: ${JSON.stringify(value)} is not valid; expected ${valid}`);
    this.name = 'ProjectError';
    this.field = field;
    this.value = value;
  }
}

/** Several problems found while reading a project file, each with its field path (validate.ts FieldIssue, or at least field and message). */
export class ProjectFileError extends Error {
  readonly issues: readonly { readonly field: string; readonly message: string; readonly code?: string; readonly valid?: string; readonly value?: unknown }[];
  constructor(source: string, issues: readonly { field: string; message: string; code?: string; valid?: string; value?: unknown }[]) {
    super(`${source}: ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${issues.map((i) => `  - ${i.message}`).join('\n')}`);
    this.name = 'ProjectFileError';
    this.issues = issues;
  }
}
