import type { ViewProps } from './types.js';

export default function PlantView(props: ViewProps) {
  return <div className="cn-view" data-view="plant">{props.results.plants[props.plantIndex]?.name}</div>;
}
