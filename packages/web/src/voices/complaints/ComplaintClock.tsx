import { Badge, Stack, Text } from '@mantine/core';
import {
  COMPLAINT_KIND_LABELS,
  COMPLAINT_STATUS_LABELS,
  type ComplaintClockDto,
  type ComplaintKind,
  type ComplaintStatus,
} from '@tre/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDayTime } from '../../reporting/labels.ts';
import { describeComplaintClock } from './clocks.ts';

const wrapping = {
  root: { textTransform: 'none', height: 'auto', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

/** A legal clock: its symbol and state beside its colour, what it is for and its due time. */
export function ComplaintClockLine({ clock }: { clock: ComplaintClockDto }) {
  const { t, lang } = useI18n();
  const w = describeComplaintClock(clock, lang);
  const name = t(clock.kind === 'acceptance' ? 'cmpClockAcceptance' : 'cmpClockResolution');
  return (
    <Stack gap={0} data-clock={clock.kind} data-clock-state={clock.state}>
      <Badge variant={clock.state === 'overdue' ? 'filled' : 'light'} color={w.color} styles={wrapping} w="fit-content">
        <span aria-hidden="true">{w.symbol}</span> {w.state}
      </Badge>
      <Text size="sm">
        {clock.metAt
          ? t('cmpClockMet', { clock: name, at: formatDayTime(clock.metAt), due: formatDayTime(clock.dueAt) })
          : t('cmpClockDue', { clock: name, due: formatDayTime(clock.dueAt) })}
      </Text>
    </Stack>
  );
}

export function ComplaintStatusBadge({ status }: { status: ComplaintStatus }) {
  const { lang } = useI18n();
  return (
    <Badge variant="light" color={status === 'closed' ? 'gray' : 'indigo'} styles={wrapping}>
      {COMPLAINT_STATUS_LABELS[status][lang]}
    </Badge>
  );
}

export function KindLabel({ kind }: { kind: ComplaintKind }) {
  const { lang } = useI18n();
  return <Text size="sm">{COMPLAINT_KIND_LABELS[kind][lang]}</Text>;
}
