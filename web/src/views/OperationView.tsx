import type { ViewProps } from './types.js';

export default function OperationView(props: ViewProps) {
  return <div className="cn-view" data-view="operation">{props.results.plants[props.plantIndex]?.name}</div>;
}
