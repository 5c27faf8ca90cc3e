/** Documented error answers, shared by the routes (each is the Error schema with its status's meaning). */
import { ErrorBody } from '../schemas.js';
import type { ResponseDoc } from '../router.js';

const MEANING: Record<number, string> = {
  400: 'Bad input: the issues name each field (path), its value and what is valid',
  401: 'An access token is needed (servers bound beyond loopback)',
  404: 'No such project, run, version, plant, template or example',
  409: 'A conflict with the current state (a newer version saved, a run not done or already ended, a project with runs in progress)',
  413: 'The request body is larger than the server\'s limit',
  422: 'Valid input the library could not solve (e.g. a fluid state with no solution)',
  429: 'The run queue (or the number of event streams) is full',
  501: 'Not available in this build',
};

export function errors(...statuses: number[]): Record<number, ResponseDoc> {
  return Object.fromEntries(statuses.map((s) => [s, { description: MEANING[s] ?? 'Error', schema: ErrorBody }]));
}
