/** A small line plot of a price series (daily mean, with the day's lowest and highest price as a band), in SVG. */
import type { Lang } from '../backend/types.js';
import { formatNumber } from '../i18n/index.js';

const MWH = 3.6e9;

export function PricePlot({ price, stepSeconds, lang, width = 560, height = 140 }: { price: readonly number[]; stepSeconds: number; lang: Lang; width?: number; height?: number }) {
  const perDay = Math.max(1, Math.round(86400 / stepSeconds));
  const days = Math.ceil(price.length / perDay);
  const mean: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  for (let d = 0; d < days; d++) {
    const slice = price.slice(d * perDay, (d + 1) * perDay).map((p) => p * MWH);
    mean.push(slice.reduce((a, b) => a + b, 0) / slice.length);
    lo.push(Math.min(...slice));
    hi.push(Math.max(...slice));
  }
  const min = Math.min(...lo);
  const max = Math.max(...hi);
  const pad = { l: 44, r: 8, t: 8, b: 18 };
  const x = (d: number) => pad.l + (d / Math.max(1, days - 1)) * (width - pad.l - pad.r);
  const y = (v: number) => pad.t + (1 - (v - min) / (max - min || 1)) * (height - pad.t - pad.b);
  const line = mean.map((v, d) => `${d ? 'L' : 'M'}${x(d).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const band = [...hi.map((v, d) => `${d ? 'L' : 'M'}${x(d).toFixed(1)},${y(v).toFixed(1)}`), ...lo.map((v, d) => `L${x(days - 1 - d).toFixed(1)},${y(lo[days - 1 - d]).toFixed(1)}`)].join('') + 'Z';
  return (
    <svg className="price-plot" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" data-series-length={price.length} data-chart="price-preview">
      <path d={band} fill="#c9dcf0" stroke="none" />
      <path d={line} fill="none" stroke="#1f5f9e" strokeWidth={1.2} />
      <line x1={pad.l} x2={width - pad.r} y1={height - pad.b} y2={height - pad.b} stroke="#888" />
      <text x={pad.l - 4} y={y(max) + 4} textAnchor="end" fontSize={10}>
        {formatNumber(max, lang, 0)}
      </text>
      <text x={pad.l - 4} y={y(min)} textAnchor="end" fontSize={10}>
        {formatNumber(min, lang, 0)}
      </text>
      <text x={pad.l} y={height - 4} fontSize={10}>
        1
      </text>
      <text x={width - pad.r} y={height - 4} textAnchor="end" fontSize={10}>
        {days}
      </text>
    </svg>
  );
}
