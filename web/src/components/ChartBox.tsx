/**
 * A chart built by a report-layer builder, or the builder's message where it cannot be drawn (a builder throws for
 * data it cannot show). `build` runs once per change of `deps`.
 */
import { useMemo, type DependencyList } from 'react';
import { EChart, type ChartOption } from './EChart.js';
import { Note } from './Card.js';

export function ChartBox({ name, build, deps, height, label }: { readonly name: string; readonly build: () => ChartOption; readonly deps: DependencyList; readonly height?: number | string; readonly label?: string }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the chart depends on
  const built = useMemo(() => attempt(build), deps);
  if ('error' in built) return <Note tone="error" name={`${name}-error`}>{built.error}</Note>;
  return <EChart name={name} option={built.option} height={height} label={label} />;
}

function attempt(build: () => ChartOption): { option: ChartOption } | { error: string } {
  try {
    return { option: build() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
