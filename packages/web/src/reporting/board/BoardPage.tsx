import { Alert, Anchor, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useRead } from '../../api/useApi.ts';
import { periodName } from '../../format/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { canManageRounds, canReadReports } from '../access.ts';
import { reportingReads } from '../api.ts';
import { formatDay } from '../labels.ts';
import { BoardCounts } from './BoardCounts.tsx';
import { BoardTable } from './BoardTable.tsx';
import { RoundSettings } from './RoundSettings.tsx';
import { ReminderLog } from './ReminderLog.tsx';

/** `/reporting/rounds/:id`: who has reported, on time or late, how complete; the standing body's settings of the round. */
export function BoardPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { user } = useSession();
  const board = useRead(reportingReads.board(id));
  if (board.error) return <Alert color="red">{board.error}</Alert>;
  if (!board.data) return <Loader />;
  const { round, counts, rows } = board.data;
  return (
    <Stack>
      <Anchor component={Link} to="/reporting" size="sm">
        ← {t('repRounds')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Title order={2} data-testid="round-title">
            {round.title}
          </Title>
          <Text size="sm" c="dimmed">
            {[periodName(round.period, lang), t('repDeadlineLabel', { date: formatDay(round.deadline) }), round.planTitle]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Group gap="sm" wrap="nowrap">
          {round.closedAt && (
            <Badge color="gray" variant="outline">
              {t('repRoundClosed')}
            </Badge>
          )}
          {canReadReports(user) && (
            <Anchor component={Link} to={`/reporting/rounds/${round.id}/report`} data-testid="report-link">
              {t('repReportLink')}
            </Anchor>
          )}
        </Group>
      </Group>
      <BoardCounts counts={counts} />
      {canManageRounds(user) && <RoundSettings round={round} onChanged={board.reload} />}
      <BoardTable roundId={round.id} deadline={round.deadline} rows={rows} />
      <ReminderLog roundId={round.id} names={new Map(rows.map((r) => [r.unitCode, r.name]))} />
    </Stack>
  );
}
