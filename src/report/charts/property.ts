/**
 * The p–h (log pressure) or T–s diagram of a template plant's working fluid: the saturation dome, isotherms (p–h) or
 * isobars (T–s) from `propertyDiagramData`, and the design point's process paths, charge and discharge in their two
 * colours. Only paths of the diagram's fluid are drawn (the thermal oil and water of the stores have their own h, s).
 */
import type { EChartsOption } from 'echarts';
import type { DiagramPoint, PropertyDiagramData } from '../diagram.js';
import { formatNumber } from '../display.js';
import { label, type Lang } from '../labels.js';
import type { PlantDetail } from '../../project/index.js';
import { axisName, baseOption, COLORS, round } from './common.js';

export type DiagramKind = 'ph' | 'Ts';

const C0 = 273.15;

/** The diagram's coordinates in display units: [h kJ/kg, p MPa] or [s kJ/(kg K), T °C]. */
function xy(kind: DiagramKind, q: DiagramPoint): [number, number] {
  return kind === 'ph' ? [round(q.h / 1e3), round(q.p / 1e6)] : [round(q.s / 1e3), round(q.T - C0)];
}

export function propertyDiagramChart(detail: Pick<PlantDetail, 'charge' | 'discharge'>, diagram: PropertyDiagramData, kind: DiagramKind, lang: Lang): EChartsOption {
  const ph = kind === 'ph';
  const title = `${label(ph ? 'phDiagram' : 'tsDiagram', lang)} — ${diagram.fluid}`;
  const c = diagram.critical;
  const subtitle = diagram.domeInRange
    ? ''
    : lang === 'zh'
      ? `${diagram.fluid} 的饱和区${c ? ` (临界点 ${formatNumber(c.T - C0, lang, 1)} °C, ${formatNumber(c.p / 1e6, lang, 2)} MPa)` : ''}远低于电站工作状态，图中只画等${ph ? '温' : '压'}线`
      : `${diagram.fluid}'s saturation dome${c ? ` (critical point ${formatNumber(c.T - C0, lang, 1)} °C, ${formatNumber(c.p / 1e6, lang, 2)} MPa)` : ''} lies far below the plant's states: ${ph ? 'isotherms' : 'isobars'} only`;
  const line = (name: string, color: string, width: number, points: DiagramPoint[], extra: object = {}) => ({
    name,
    type: 'line' as const,
    showSymbol: false,
    color,
    lineStyle: { width },
    emphasis: { disabled: true },
    data: points.map((q) => xy(kind, q)),
    ...extra,
  });
  const isolines = ph
    ? diagram.isotherms.map((l) => line(label('isotherm', lang), COLORS.isoline, 1, l.points, { z: 1, endLabel: { show: true, formatter: `${formatNumber(l.T - C0, lang, 0)} °C`, fontSize: 9, color: '#718096' } }))
    : diagram.isobars.map((l) => line(label('isobar', lang), COLORS.isoline, 1, l.points, { z: 1, endLabel: { show: true, formatter: `${formatNumber(l.p / 1e5, lang, l.p < 1e5 ? 1 : 0)} bar`, fontSize: 9, color: '#718096' } }));
  const dome = diagram.dome && diagram.domeInRange ? [line(label('saturationDome', lang), COLORS.dome, 1.5, [...diagram.dome.liquid, ...[...diagram.dome.vapor].reverse().slice(1)], { z: 2 })] : [];
  const critical =
    c && diagram.domeInRange ? [{ name: label('criticalPoint', lang), type: 'scatter' as const, symbolSize: 7, color: COLORS.dome, z: 3, data: [xy(kind, c)] }] : [];
  const paths = (mode: 'charge' | 'discharge') =>
    // a path names its fluid by the src/fluids name (the network's fluid object), as diagram.fluid does
    detail[mode].paths.filter((p) => p.fluid === diagram.fluid).map((p) =>
      line(label(mode === 'charge' ? 'chargeProcess' : 'dischargeProcess', lang), mode === 'charge' ? COLORS.charge : COLORS.discharge, 2.5, [...p.points], { z: 4 }),
    );
  return {
    ...baseOption(title, subtitle),
    tooltip: { trigger: 'item', confine: true },
    grid: { left: 70, right: 70, top: subtitle ? 64 : 48, bottom: 80 },
    xAxis: { type: 'value', scale: true, name: ph ? axisName(label('enthalpy', lang), 'kJ/kg') : axisName(label('entropy', lang), 'kJ/(kg·K)'), nameLocation: 'middle', nameGap: 26 },
    yAxis: ph
      ? {
          type: 'log',
          logBase: 10,
          name: axisName(label('pressure', lang), 'MPa'),
          min: round(diagram.range.pmin / 1e6, 2),
          max: round(diagram.range.pmax / 1e6, 2),
          // the range ends are not round numbers; the decades label the axis
          axisLabel: { showMinLabel: false, showMaxLabel: false },
        }
      : { type: 'value', scale: true, name: axisName(label('temperature', lang), '°C') },
    // the legend lists each kind of line once: series of one name toggle together
    legend: { ...(baseOption('').legend as object), data: [label('chargeProcess', lang), label('dischargeProcess', lang), ...(dome.length ? [label('saturationDome', lang)] : []), label(ph ? 'isotherm' : 'isobar', lang)] },
    series: [...isolines, ...dome, ...critical, ...paths('charge'), ...paths('discharge')],
  };
}
