import { Badge, Stack, Text } from '@mantine/core';
import {
  SERVICE_STATUS_LABELS,
  STATUS_LABELS,
  type CaseClockDto,
  type CaseStatus,
  type ServiceStatus,
  type Urgency,
} from '@tre/core';
import { useI18n } from '../i18n/i18n.tsx';
import { describeClock } from './clocks.ts';
import { SERVICE_STATUS_STYLE, URGENCY_STYLE } from './labels.ts';

/**
 * Mantine upper-cases a badge and cuts its words to one line; a case's states are long Vietnamese
 * phrases ("Kế hoạch chờ phê duyệt") that must be read whole, so they keep their case and wrap.
 */
const wrapping = {
  root: { textTransform: 'none', height: 'auto', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

/** A legal clock: its symbol and state beside its colour, what it is for and its due time in Vietnam time. */
export function ClockLine({ clock, compact = false }: { clock: CaseClockDto; compact?: boolean }) {
  const { lang } = useI18n();
  const w = describeClock(clock, lang);
  return (
    <Stack gap={0} data-clock={clock.kind} data-clock-state={clock.state}>
      <Badge variant={clock.state === 'overdue' ? 'filled' : 'light'} color={w.color} styles={wrapping} w="fit-content">
        <span aria-hidden="true">{w.symbol}</span> {w.state}
      </Badge>
      <Text size={compact ? 'xs' : 'sm'}>
        {w.kind}: {w.when}
      </Text>
    </Stack>
  );
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { lang } = useI18n();
  return (
    <Badge variant="light" color={status === 'closed' ? 'gray' : 'teal'} styles={wrapping} data-status={status}>
      {STATUS_LABELS[status][lang]}
    </Badge>
  );
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { lang } = useI18n();
  const s = URGENCY_STYLE[urgency];
  return (
    <Badge variant={urgency === 'immediate' ? 'filled' : 'outline'} color={s.color} styles={wrapping} data-urgency={urgency}>
      <span aria-hidden="true">{s.symbol}</span> {s[lang]}
    </Badge>
  );
}

export function ServiceStatusBadge({ status }: { status: ServiceStatus }) {
  const { lang } = useI18n();
  const s = SERVICE_STATUS_STYLE[status];
  return (
    <Badge variant="light" color={s.color} styles={wrapping} data-service-status={status}>
      <span aria-hidden="true">{s.symbol}</span> {SERVICE_STATUS_LABELS[status][lang]}
    </Badge>
  );
}
