/**
 * One ECharts chart: renders an option object (from src/report/charts), resizes with its container, disposes on
 * unmount. ECharts itself is loaded on first use. For the browser tests the element carries `data-chart` (a name) and
 * `data-series-length` (the comma-separated lengths of each series' data), and `data-ready` once drawn.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { EChartsOption } from 'echarts';
import type { ECharts } from './echarts-setup.js';

/** An ECharts option object, as the report layer's builders (src/report/charts) return it. */
export type ChartOption = EChartsOption;

export interface EChartProps {
  /** A stable name for tests and screenshots ('week-operation', 'cash-flow', …). */
  readonly name: string;
  readonly option: ChartOption;
  /** CSS height of the chart; the width follows the container. Default 320 px. */
  readonly height?: number | string;
  /** Accessible description (read by screen readers in place of the canvas). */
  readonly label?: string;
  readonly className?: string;
  readonly style?: CSSProperties;
}

let setup: Promise<typeof import('./echarts-setup.js')> | undefined;
/** The one load of ECharts (registered once for the whole app). */
export function loadECharts(): Promise<typeof import('./echarts-setup.js')> {
  setup ??= import('./echarts-setup.js');
  return setup;
}

/** Lengths of each series' data (a dataset's rows where a series has no data of its own). */
export function seriesLengths(option: ChartOption): number[] {
  const series = option.series as unknown;
  const list: { data?: unknown; datasetIndex?: number }[] = Array.isArray(series) ? series : series ? [series as object] : [];
  const dataset = option.dataset as { source?: unknown } | { source?: unknown }[] | undefined;
  const datasetRows = (index: number): number => {
    const d = Array.isArray(dataset) ? dataset[index] : dataset;
    const source = d?.source;
    if (Array.isArray(source)) return source.length;
    if (source && typeof source === 'object') {
      const first = Object.values(source as Record<string, unknown>)[0];
      return Array.isArray(first) ? first.length : 0;
    }
    return 0;
  };
  return list.map((s) => (Array.isArray(s?.data) ? s.data.length : dataset ? datasetRows(s?.datasetIndex ?? 0) : 0));
}

export function EChart({ name, option, height = 320, label, className, style }: EChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // create once, dispose on unmount
  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    loadECharts().then(
      (ec) => {
        if (disposed || !host.current) return;
        const c = ec.createChart(host.current);
        chart.current = c;
        observer = new ResizeObserver(() => c.resize());
        observer.observe(host.current);
        setReady(true);
      },
      (e: unknown) => setError(String(e)),
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  // every new option replaces the last (no merging of stale series)
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const c = chart.current;
    if (!ready || !c) return;
    try {
      c.setOption(option, { notMerge: true, lazyUpdate: false });
      setDrawn(true);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [ready, option]);

  return (
    <div
      className={`cn-chart${className ? ` ${className}` : ''}`}
      data-chart={name}
      data-series-length={seriesLengths(option).join(',')}
      data-ready={drawn ? 'true' : 'false'}
      role="img"
      aria-label={label ?? name}
      style={style}
    >
      <div ref={host} className="cn-chart-canvas" style={{ width: '100%', height }} />
      {error ? <p className="cn-chart-error">{error}</p> : null}
    </div>
  );
}
