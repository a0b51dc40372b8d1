import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { SessionUser } from '../../api/types.ts';
import { useRead } from '../../api/useApi.ts';
import { formatShare, periodName } from '../../format/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { canReadBoard, ownBody } from '../access.ts';
import { reportingReads } from '../api.ts';
import { formatDay, ownState, useReportingLabels } from '../labels.ts';
import { StateBadge } from '../StateBadge.tsx';

const LIMIT = 5;

/** The home page's reporting cards: a body's reports due, the standing body's and leaders' open rounds. */
export function ReportingCards({ user }: { user: SessionUser }) {
  const body = ownBody(user);
  return (
    <>
      {body && <ReportsDueCard body={body} />}
      {canReadBoard(user) && <OpenRoundsCard />}
    </>
  );
}

function ReportsDueCard({ body }: { body: string }) {
  const { t, lang } = useI18n();
  const labels = useReportingLabels();
  const mine = useRead(reportingReads.mine());
  // what is still to do first: not accepted, then by deadline
  const items = [...(mine.data?.items ?? [])]
    .filter((r) => !r.closedAt || ownState(r) !== 'accepted')
    .sort(
      (a, b) => Number(ownState(a) === 'accepted') - Number(ownState(b) === 'accepted') || a.deadline.localeCompare(b.deadline),
    );
  return (
    <Card withBorder data-testid="reports-due-card">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('repHomeDue')}</Title>
        <Anchor component={Link} to="/reporting" size="sm">
          {t('repHomeAll')}
        </Anchor>
      </Group>
      {mine.error && <Text c="red.8">{mine.error}</Text>}
      {mine.data && items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('repMineNone')}
        </Text>
      )}
      <Stack gap="xs">
        {items.slice(0, LIMIT).map((r) => {
          const state = ownState(r);
          return (
            <Group key={r.id} justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor
                  component={Link}
                  to={`/reporting/rounds/${r.id}/submissions/${encodeURIComponent(body)}`}
                  size="sm"
                  lineClamp={1}
                >
                  {r.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {periodName(r.period, lang)} · {t('repDeadlineLabel', { date: formatDay(r.deadline) })}
                  {state === 'missing' && ` · ${labels.timeliness({ submittedOn: null, onTime: null, daysLate: 0 }, r.deadline)}`}
                </Text>
              </Stack>
              <StateBadge state={state} style={{ flexShrink: 0, textTransform: 'none' }} />
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}

function OpenRoundsCard() {
  const { t, lang } = useI18n();
  const rounds = useRead(reportingReads.rounds());
  const open = (rounds.data?.items ?? []).filter((r) => !r.closedAt);
  return (
    <Card withBorder data-testid="open-rounds-card">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('repHomeOpen')}</Title>
        <Anchor component={Link} to="/reporting" size="sm">
          {t('repHomeAll')}
        </Anchor>
      </Group>
      {rounds.error && <Text c="red.8">{rounds.error}</Text>}
      {rounds.data && open.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('repHomeNoOpen')}
        </Text>
      )}
      <Stack gap="xs">
        {open.slice(0, LIMIT).map((r) => (
          <Stack key={r.id} gap={0}>
            <Anchor component={Link} to={`/reporting/rounds/${r.id}`} size="sm" lineClamp={1}>
              {r.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {periodName(r.period, lang)} · {t('repDeadlineLabel', { date: formatDay(r.deadline) })} ·{' '}
              {t('repHomeCounts', {
                submitted: r.counts.submitted,
                owed: r.counts.owed,
                late: r.counts.late,
                missing: r.counts.missing,
                accepted: r.counts.accepted,
                share: formatShare(r.counts.completeness, lang),
              })}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
