/** GET /api/health. (GET /api/openapi.json is added by the app, which knows every route.) */
import { route } from '../router.js';
import { Health } from '../schemas.js';
import type { Services } from '../services.js';

export function metaRoutes(s: Services) {
  return [
    route({
      method: 'GET',
      path: '/api/health',
      operationId: 'health',
      summary: 'The server is up',
      tag: 'meta',
      responses: { 200: { description: 'Up, with the package version', schema: Health } },
      handle: () => ({ json: { status: 'ok', version: s.version } }),
    }),
  ];
}
