/** POST /api/validate: a project checked as a save or a run would check it, without saving or running it. */
import { route } from '../router.js';
import { ValidateRequest, ValidateResponse } from '../schemas.js';
import { checkProject } from '../validation.js';
import { errors } from './responses.js';

export function validateRoutes() {
  return [
    route({
      method: 'POST',
      path: '/api/validate',
      operationId: 'validateProject',
      summary: 'Check a project (and the files it names) without saving it: every field issue, in the requested language',
      tag: 'projects',
      body: ValidateRequest,
      responses: { 200: { description: '{ ok: true }, or { ok: false, issues } naming each field', schema: ValidateResponse }, ...errors(400, 413) },
      handle: ({ body, lang }) => {
        const check = checkProject(body.project, body.files ?? {}, lang);
        return { json: check.ok ? { ok: true } : { ok: false, issues: check.issues } };
      },
    }),
  ];
}
