/** POST /api/prices/preview: a price file read as a project would read it, to plot before it is used. */
import { parsePriceCsv } from '../../dispatch/index.js';
import { compensatedSum } from '../../numerics/index.js';
import { HttpError, libraryIssues } from '../errors.js';
import { route } from '../router.js';
import { PricePreview, PricePreviewRequest } from '../schemas.js';
import { priceIssue } from '../validation.js';
import { errors } from './responses.js';

export function priceRoutes() {
  return [
    route({
      method: 'POST',
      path: '/api/prices/preview',
      operationId: 'previewPrices',
      summary: 'Read a price CSV: its grid, range and every price (money/J); a bad row is named',
      tag: 'market',
      body: PricePreviewRequest,
      responses: { 200: { description: 'The series', schema: PricePreview }, ...errors(400, 413) },
      handle: ({ body, lang, m }) => {
        let series;
        try {
          series = parsePriceCsv(body.text, { source: 'prices.csv', ...(body.timeZone ? { timeZone: body.timeZone } : {}), ...(body.priceEnergyUnit ? { priceEnergyUnit: body.priceEnergyUnit } : {}) });
        } catch (e) {
          const isRow = typeof (e as { row?: unknown }).row === 'number';
          const issues = libraryIssues(e, isRow ? 'text' : '');
          if (!issues) throw e;
          throw new HttpError(400, isRow ? 'invalid_price_file' : 'invalid_request', m.invalidInput(issues.length), issues.map((i) => priceIssue(i, lang)));
        }
        const p = series.prices;
        let min = Infinity;
        let max = -Infinity;
        for (const v of p) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        return {
          json: { steps: p.length, startMs: series.startMs, stepSeconds: series.stepSeconds, utcOffsetMinutes: series.utcOffsetMinutes, min, max, mean: compensatedSum(p) / p.length, price: Array.from(p) },
        };
      },
    }),
  ];
}
