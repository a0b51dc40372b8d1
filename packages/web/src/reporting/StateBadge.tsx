import { Badge, type BadgeProps } from '@mantine/core';
import { STATE_STYLE, useReportingLabels, type BoardState } from './labels.ts';

/** A submission's state as its symbol and its word (never by colour alone). */
export function StateBadge({ state, ...rest }: { state: BoardState } & Omit<BadgeProps, 'children' | 'color'>) {
  const labels = useReportingLabels();
  const style = STATE_STYLE[state];
  return (
    <Badge variant="light" color={style.color} data-state={state} style={{ textTransform: 'none' }} {...rest}>
      <span aria-hidden="true">{style.symbol}</span> {labels.state(state)}
    </Badge>
  );
}
