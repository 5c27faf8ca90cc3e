/**
 * A design point's flowsheet drawn with xyflow: components as nodes, streams as edges, laid out left to right by
 * flowsheet-layout.ts. Clicking a stream shows its state (p, T, h, s, mass flow, phase), clicking a component its
 * power or duty and its exergy destruction, in display units. Loaded lazily by the plant page (xyflow is nowhere else).
 *
 * For tests: the wrapper carries `data-flowsheet` (the mode's name), `data-nodes` and `data-edges` (counts); the
 * detail panel `data-selected` ('stream:<id>' or 'component:<id>', empty when nothing is selected).
 */
import { memo, useMemo, useState } from 'react';
import { Controls, Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { SolutionJson } from '../views/types.js';
import { strings, wordOr, type Lang, type Strings } from '../views/strings.js';
import * as f from '../views/format.js';
import { flowsheetGraph, type FlowsheetEdge } from './flowsheet-layout.js';
import './components.css';

export interface FlowsheetProps {
  readonly solution: SolutionJson;
  readonly lang: Lang;
  /** Which design point ('charge', 'discharge'): names the flowsheet for tests. */
  readonly name: string;
  /** CSS height of the drawing. Default: from the layout's proportions at a laptop's width, 260 to 480 px. */
  readonly height?: number;
}

const COLUMN = 142;
const ROW = 86;
const NODE_W = 112;
const NODE_H = 52;
const MAIN_COLOUR = '#1f4e8c';
const OTHER_COLOURS = ['#c05621', '#0f766e', '#6b46c1', '#b7791f', '#4a5568', '#b83280'];

type ComponentRow = SolutionJson['components'][number];
type StreamRow = SolutionJson['streams'][number];

interface NodeData extends Record<string, unknown> {
  readonly id: string;
  readonly typeLabel: string;
  readonly figure: string;
  readonly main: boolean;
  readonly category: string;
}

/** What kind of box a component is drawn as (its colour band). */
function category(type: string): string {
  if (/compressor|pump|fan/.test(type)) return 'drive';
  if (/turbine|expander/.test(type)) return 'turbine';
  if (/exchanger|cooler|heater|condenser|evaporator|combustor/.test(type)) return 'heat';
  if (/store|tank|vessel|holder|cavern/.test(type)) return 'store';
  if (/bus/.test(type)) return 'bus';
  return 'other';
}

/** The figure a component's box shows: electric power for machines, duty for exchangers. */
function headline(c: ComponentRow, lang: Lang): string {
  if (c.P_el !== undefined && Math.abs(c.P_el) > 0) return f.power(Math.abs(c.P_el), lang);
  if (c.Q !== undefined && Math.abs(c.Q) > 0) return f.power(Math.abs(c.Q), lang);
  return '';
}

const ComponentNode = memo(function ComponentNode({ data, selected }: NodeProps<Node<NodeData>>) {
  return (
    <div className={`cn-fs-node cn-fs-${data.category}${data.main ? ' cn-fs-main' : ''}${selected ? ' cn-fs-selected' : ''}`} data-component={data.id}>
      <Handle type="target" position={Position.Left} id="l" />
      <Handle type="source" position={Position.Right} id="r" />
      <Handle type="target" position={Position.Top} id="ti" style={{ left: '35%' }} />
      <Handle type="source" position={Position.Top} id="to" style={{ left: '65%' }} />
      <Handle type="target" position={Position.Bottom} id="bi" style={{ left: '35%' }} />
      <Handle type="source" position={Position.Bottom} id="bo" style={{ left: '65%' }} />
      <div className="cn-fs-id">{data.id}</div>
      <div className="cn-fs-type">{data.typeLabel}</div>
      {data.figure ? <div className="cn-fs-figure">{data.figure}</div> : null}
    </div>
  );
});

const NODE_TYPES = { component: ComponentNode };

/** Which handles an edge joins: the spine runs straight, a loop's streams enter and leave the spine from below, returns go round. */
function handles(e: FlowsheetEdge, onSpine: ReadonlySet<string>): { sourceHandle: string; targetHandle: string } {
  if (e.backward) return e.main ? { sourceHandle: 'to', targetHandle: 'ti' } : { sourceHandle: 'bo', targetHandle: 'bi' };
  return {
    sourceHandle: !e.main && onSpine.has(e.source) ? 'bo' : 'r',
    targetHandle: !e.main && onSpine.has(e.target) ? 'bi' : 'l',
  };
}

export function Flowsheet({ solution, lang, name, height }: FlowsheetProps) {
  const t = strings(lang);
  const graph = useMemo(() => flowsheetGraph(solution), [solution]);
  // a long, flat plant gets a low drawing: the height the layout needs when its width fills about 1150 px
  const shown = height ?? Math.round(Math.min(480, Math.max(260, (1150 * graph.rows * ROW) / (graph.columns * COLUMN) + 70)));
  const [selected, setSelected] = useState<{ kind: 'stream' | 'component'; id: string } | null>(null);

  const colours = useMemo(() => {
    const map = new Map<string, string>();
    if (graph.mainFluid) map.set(graph.mainFluid, MAIN_COLOUR);
    for (const s of solution.streams) if (!map.has(s.fluid)) map.set(s.fluid, OTHER_COLOURS[(map.size - (graph.mainFluid ? 1 : 0)) % OTHER_COLOURS.length]);
    return map;
  }, [graph, solution]);

  const mainNodes = useMemo(() => new Set(graph.nodes.filter((n) => n.main).map((n) => n.id)), [graph]);
  const nodes = useMemo<Node<NodeData>[]>(() => {
    const byId = new Map(solution.components.map((c) => [c.id, c]));
    return graph.nodes.map((n) => {
      const c = byId.get(n.id)!;
      return {
        id: n.id,
        type: 'component',
        position: { x: n.column * COLUMN, y: n.row * ROW },
        data: { id: n.id, typeLabel: wordOr(t.componentTypes, n.type), figure: headline(c, lang), main: n.main, category: category(n.type) },
        selected: selected?.kind === 'component' && selected.id === n.id,
        width: NODE_W,
        height: NODE_H,
      };
    });
  }, [graph, solution, lang, t, selected]);

  const edges = useMemo<Edge[]>(() => {
    const streams = new Map(solution.streams.map((s) => [s.id, s]));
    return graph.edges.map((e) => {
      const colour = colours.get(e.fluid) ?? '#4a5568';
      const isSelected = selected?.kind === 'stream' && selected.id === e.id;
      const s = streams.get(e.id)!;
      const { sourceHandle, targetHandle } = handles(e, mainNodes);
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        sourceHandle,
        targetHandle,
        type: 'smoothstep',
        selected: isSelected,
        style: { stroke: colour, strokeWidth: isSelected ? 4 : e.main ? 2.4 : 1.6 },
        markerEnd: { type: MarkerType.ArrowClosed, color: colour, width: 16, height: 16 },
        ariaLabel: `${t.stream} ${s.label}`,
      };
    });
  }, [graph, solution, colours, selected, lang, t, mainNodes]);

  const stream = selected?.kind === 'stream' ? solution.streams.find((s) => s.id === selected.id) : undefined;
  const component = selected?.kind === 'component' ? solution.components.find((c) => c.id === selected.id) : undefined;

  return (
    <div className="cn-flowsheet" data-flowsheet={name} data-nodes={nodes.length} data-edges={edges.length}>
      <div className="cn-flowsheet-canvas" style={{ height: shown }}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable
          fitView
          fitViewOptions={{ padding: 0.08 }}
          minZoom={0.15}
          maxZoom={2.5}
          onNodeClick={(_, n) => setSelected({ kind: 'component', id: n.id })}
          onEdgeClick={(_, e) => setSelected({ kind: 'stream', id: e.id })}
          onPaneClick={() => setSelected(null)}
        >
          <Controls showInteractive={false} position="top-left" />
        </ReactFlow>
        {stream || component ? (
          <aside className="cn-flowsheet-detail" data-selected={selected ? `${selected.kind}:${selected.id}` : ''} aria-live="polite">
            <button type="button" className="cn-fs-close" aria-label="×" onClick={() => setSelected(null)}>
              ×
            </button>
            {stream ? <StreamDetail s={stream} lang={lang} t={t} colour={colours.get(stream.fluid)} main={stream.fluid === graph.mainFluid} /> : null}
            {component ? <ComponentDetail c={component} lang={lang} t={t} /> : null}
          </aside>
        ) : (
          <aside className="cn-flowsheet-detail cn-hidden" data-selected="" aria-live="polite" />
        )}
      </div>
      <div className="cn-fs-foot">
        <ul className="cn-fs-legend">
          {[...colours.entries()].map(([fluid, colour]) => (
            <li key={fluid}>
              <span className="cn-fs-swatch" style={{ background: colour }} />
              {fluid}
              {fluid === graph.mainFluid ? <span className="cn-muted"> ({t.workingFluid})</span> : null}
            </li>
          ))}
        </ul>
        <span className="cn-muted">{t.flowsheetHint}</span>
      </div>
    </div>
  );
}

function Rows({ rows }: { rows: readonly (readonly [string, string])[] }) {
  return (
    <dl className="cn-dl">
      {rows.map(([k, v]) => (
        <div key={k} className="cn-dl-row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function StreamDetail({ s, lang, t, colour, main }: { s: StreamRow; lang: Lang; t: Strings; colour?: string; main: boolean }) {
  const rows: [string, string][] = [
    [t.fluid, `${s.fluid}${main ? ` (${t.workingFluid})` : ''}`],
    [t.massFlow, f.massFlow(s.m, lang)],
    [t.pressure, f.pressure(s.p, lang)],
    [t.temperature, f.temperature(s.T, lang)],
    [t.enthalpy, f.enthalpy(s.h, lang)],
    [t.entropy, f.entropy(s.s, lang)],
    [t.density, f.density(s.rho, lang)],
    [t.phase, wordOr(t.phases, s.phase)],
    ...(s.Q !== null ? [[t.quality, f.num(s.Q, lang, 3)] as [string, string]] : []),
    [t.exergyFlow, f.power(s.E, lang)],
  ];
  return (
    <div data-stream={s.id}>
      <h4 className="cn-detail-title">
        <span className="cn-fs-swatch" style={{ background: colour }} />
        {t.stream} {s.id}
      </h4>
      <p className="cn-detail-sub">{s.label}</p>
      <Rows rows={rows} />
    </div>
  );
}

function ComponentDetail({ c, lang, t }: { c: ComponentRow; lang: Lang; t: Strings }) {
  const rows: [string, string][] = [];
  // signs as people read them: power drawn or delivered, heat added or removed; an exchanger's duty passes hot → cold
  if (c.P_el !== undefined) rows.push([c.P_el < 0 ? t.powerDelivered : t.powerDrawn, f.power(Math.abs(c.P_el), lang)]);
  if (c.P !== undefined && c.P_el === undefined) rows.push([t.fluidPower, f.power(c.P, lang)]);
  if (c.Q !== undefined) rows.push(c.type === 'heat-exchanger' ? [t.heatDuty, f.power(Math.abs(c.Q), lang)] : [c.Q < 0 ? t.heatRemoved : t.heatAdded, f.power(Math.abs(c.Q), lang)]);
  if (c.pr !== undefined && c.pr !== 1) rows.push([t.pressureRatio, f.num(c.pr, lang, 3)]);
  if (c.eta_s !== undefined && c.eta_s !== null) rows.push([t.isentropicEfficiency, f.percent(c.eta_s, lang)]);
  if (c.pinch !== undefined) rows.push([t.pinch, f.temperatureDifference(c.pinch, lang)]);
  rows.push([t.exergyDestruction, f.power(Math.abs(c.exergyDestruction) < 1e-6 ? 0 : c.exergyDestruction, lang)]);
  return (
    <div data-component-detail={c.id}>
      <h4 className="cn-detail-title">
        {t.component} {c.id}
      </h4>
      <p className="cn-detail-sub">{wordOr(t.componentTypes, c.type)}</p>
      <Rows rows={rows} />
      {c.notes.length ? (
        <>
          <h5 className="cn-detail-notes">{t.notes}</h5>
          <ul className="cn-notes">
            {c.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export default Flowsheet;
