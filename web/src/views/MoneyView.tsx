import type { ViewProps } from './types.js';

export default function MoneyView(props: ViewProps) {
  return <div className="cn-view" data-view="money">{props.results.plants[props.plantIndex]?.name}</div>;
}
