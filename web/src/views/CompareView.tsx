import type { ViewProps } from './types.js';

export default function CompareView(props: ViewProps) {
  return <div className="cn-view" data-view="compare">{props.results.plants[props.plantIndex]?.name}</div>;
}
