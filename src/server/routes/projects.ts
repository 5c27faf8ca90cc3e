/** Projects: create, list, read (any version), save a new version, delete. Every save is checked first. */
import { z } from 'zod';
import { HttpError } from '../errors.js';
import type { Messages } from '../messages.js';
import { route } from '../router.js';
import { CreateProjectRequest, ProjectDetail, ProjectSaved, ProjectSummary, UpdateProjectRequest, VersionInfo } from '../schemas.js';
import type { Services } from '../services.js';
import { StaleVersionError, type Lang, type ProjectFiles } from '../store.js';
import { checkProject } from '../validation.js';
import { errors } from './responses.js';

/** 400 with every field issue unless the project (with its files) is valid. */
function mustBeValid(project: unknown, files: ProjectFiles, lang: Lang, m: Messages): void {
  const check = checkProject(project, files, lang);
  if (!check.ok) throw new HttpError(400, 'invalid_project', m.invalidProject(check.issues.length), check.issues);
}

function positiveInt(text: string): number | undefined {
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : undefined;
}

export function projectRoutes(s: Services) {
  const { store } = s;
  const mustExist = (id: string, m: Messages) => {
    const p = store.getProject(id);
    if (!p) throw new HttpError(404, 'not_found', m.notFound('project', id));
    return p;
  };
  return [
    route({
      method: 'POST',
      path: '/api/projects',
      operationId: 'createProject',
      summary: 'Save a new project (version 1); a bad field is a 400 naming it',
      tag: 'projects',
      body: CreateProjectRequest,
      responses: { 201: { description: 'Saved', schema: ProjectSaved }, ...errors(400, 413) },
      handle: ({ body, lang, m }) => {
        const files = body.files ?? {};
        mustBeValid(body.project, files, lang, m);
        const name = body.name ?? (typeof body.project.name === 'string' && body.project.name ? body.project.name : 'project');
        const p = store.createProject({ name, project: body.project, files });
        return { status: 201, json: { id: p.id, version: p.version }, headers: { Location: `/api/projects/${p.id}` } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/projects',
      operationId: 'listProjects',
      summary: 'Every project, the last saved first',
      tag: 'projects',
      responses: { 200: { description: 'The projects', schema: z.array(ProjectSummary) } },
      handle: () => ({ json: store.listProjects() }),
    }),
    route({
      method: 'GET',
      path: '/api/projects/:id',
      operationId: 'getProject',
      summary: 'A project at its latest version, with its files',
      tag: 'projects',
      params: { id: 'The project\'s id' },
      responses: { 200: { description: 'The project', schema: ProjectDetail }, ...errors(404) },
      handle: ({ params, m }) => ({ json: mustExist(params.id, m) }),
    }),
    route({
      method: 'GET',
      path: '/api/projects/:id/versions',
      operationId: 'listProjectVersions',
      summary: 'Every saved version of a project, oldest first',
      tag: 'projects',
      params: { id: 'The project\'s id' },
      responses: { 200: { description: 'The versions', schema: z.array(VersionInfo) }, ...errors(404) },
      handle: ({ params, m }) => {
        const versions = store.listVersions(params.id);
        if (!versions) throw new HttpError(404, 'not_found', m.notFound('project', params.id));
        return { json: versions };
      },
    }),
    route({
      method: 'GET',
      path: '/api/projects/:id/versions/:v',
      operationId: 'getProjectVersion',
      summary: 'A project as saved at one version',
      tag: 'projects',
      params: { id: 'The project\'s id', v: 'The version (1, 2, …)' },
      responses: { 200: { description: 'The project at that version', schema: ProjectDetail }, ...errors(404) },
      handle: ({ params, m }) => {
        mustExist(params.id, m);
        const v = positiveInt(params.v);
        const p = v === undefined ? undefined : store.getProject(params.id, v);
        if (!p) throw new HttpError(404, 'not_found', m.notFound('project version', `${params.id} v${params.v}`));
        return { json: p };
      },
    }),
    route({
      method: 'PUT',
      path: '/api/projects/:id',
      operationId: 'updateProject',
      summary: 'Save a new version of a project (409 when `baseVersion` is not the latest)',
      tag: 'projects',
      params: { id: 'The project\'s id' },
      body: UpdateProjectRequest,
      responses: { 200: { description: 'Saved as a new version', schema: ProjectSaved }, ...errors(400, 404, 409, 413) },
      handle: ({ params, body, lang, m }) => {
        const current = mustExist(params.id, m);
        const files = body.files ?? current.files;
        mustBeValid(body.project, files, lang, m);
        try {
          const p = store.updateProject(params.id, { project: body.project, files, ...(body.name !== undefined ? { name: body.name } : {}), ...(body.baseVersion !== undefined ? { baseVersion: body.baseVersion } : {}) });
          if (!p) throw new HttpError(404, 'not_found', m.notFound('project', params.id));
          return { json: { id: p.id, version: p.version } };
        } catch (e) {
          if (e instanceof StaleVersionError) throw new HttpError(409, 'stale_version', m.staleVersion(e.base, e.latest));
          throw e;
        }
      },
    }),
    route({
      method: 'DELETE',
      path: '/api/projects/:id',
      operationId: 'deleteProject',
      summary: 'Delete a project with every version, run and result (409 while one of its runs is queued or running)',
      tag: 'projects',
      params: { id: 'The project\'s id' },
      responses: { 204: { description: 'Deleted' }, ...errors(404, 409) },
      handle: ({ params, m }) => {
        mustExist(params.id, m);
        const active = store.activeRuns(params.id);
        if (active.length) throw new HttpError(409, 'project_busy', m.projectBusy(active.length));
        store.deleteProject(params.id);
        return { status: 204 };
      },
    }),
  ];
}
