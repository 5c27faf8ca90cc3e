/** The plant templates and the documentation of their parameters (unit, default, range, source). */
import { z } from 'zod';
import { isTemplateName, templateParameters, TEMPLATE_NAMES, type TemplateName } from '../../plant/templates/index.js';
import { HttpError } from '../errors.js';
import { route } from '../router.js';
import { ParameterInfoSchema, TemplateInfo } from '../schemas.js';
import { errors } from './responses.js';

/** What each template builds, in words for a list (the plant's own `technology` names its variant once designed). */
export const TEMPLATE_TECHNOLOGIES: Readonly<Record<TemplateName, { readonly en: string; readonly zh: string }>> = {
  'adiabatic-caes': { en: 'adiabatic compressed-air storage (salt cavern or compensated store)', zh: '绝热压缩空气储能（盐穴或补偿式储气）' },
  'diabatic-caes': { en: 'diabatic compressed-air storage (Huntorf or McIntosh type)', zh: '补燃式压缩空气储能（Huntorf 或 McIntosh 型）' },
  'co2-gas-liquid': { en: 'gas-liquid CO2 storage (dome and liquid tanks)', zh: '气液二氧化碳储能（气囊与液罐）' },
  'co2-transcritical': { en: 'transcritical compressed CO2 storage', zh: '跨临界压缩二氧化碳储能' },
  'liquid-co2': { en: 'liquid CO2 storage (high- and low-pressure liquid tanks, cold store)', zh: '液态二氧化碳储能（高低压液罐与冷储）' },
};

export function templateRoutes() {
  return [
    route({
      method: 'GET',
      path: '/api/templates',
      operationId: 'listTemplates',
      summary: 'The plant templates',
      tag: 'templates',
      responses: { 200: { description: 'Each template with the technology it builds', schema: z.array(TemplateInfo) } },
      handle: () => ({ json: TEMPLATE_NAMES.map((name) => ({ name, technology: TEMPLATE_TECHNOLOGIES[name].en, technologyZh: TEMPLATE_TECHNOLOGIES[name].zh })) }),
    }),
    route({
      method: 'GET',
      path: '/api/templates/:name/parameters',
      operationId: 'templateParameters',
      summary: 'Every parameter of a template: path, kind, unit, default, valid range, documentation and source',
      tag: 'templates',
      params: { name: 'A template name from GET /api/templates' },
      responses: { 200: { description: 'The parameters', schema: z.array(ParameterInfoSchema) }, ...errors(404) },
      handle: ({ params, m }) => {
        if (!isTemplateName(params.name)) throw new HttpError(404, 'not_found', m.notFound('template', params.name));
        return { json: templateParameters(params.name) };
      },
    }),
  ];
}
