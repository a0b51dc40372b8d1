import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { RoundSummaryDto } from '@tre/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SessionUser } from '../../api/types.ts';
import { useRead } from '../../api/useApi.ts';
import { formatShare, periodName } from '../../format/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { reportingReads } from '../api.ts';
import { canManageRounds, canReadBoard, ownBody } from '../access.ts';
import { formatDay, ownState, useReportingLabels } from '../labels.ts';
import { StateBadge } from '../StateBadge.tsx';
import { OpenRoundModal } from './OpenRoundModal.tsx';

/** `/reporting`: the standing body's rounds with their counts; a body's own reports due. */
export function RoundsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  const body = ownBody(user);
  return (
    <Stack>
      <Title order={2}>{t('repTitle')}</Title>
      {canReadBoard(user) && <AllRounds user={user} />}
      {body && <MyRounds body={body} />}
    </Stack>
  );
}

function AllRounds({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const rounds = useRead(reportingReads.rounds());
  const [opening, setOpening] = useState(false);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3}>{t('repRounds')}</Title>
        <Group gap="md">
          <Anchor component={Link} to="/reporting/contacts" data-testid="contacts-link">
            {t('ctcLink')}
          </Anchor>
          {canManageRounds(user) && (
            <Button onClick={() => setOpening(true)} data-testid="open-round">
              {t('repOpenRound')}
            </Button>
          )}
        </Group>
      </Group>
      {rounds.error && <Alert color="red">{rounds.error}</Alert>}
      {!rounds.data && !rounds.error && <Loader />}
      {rounds.data?.items.length === 0 && <Text c="dimmed">{t('repNoRounds')}</Text>}
      {rounds.data && rounds.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="rounds-table">
            <TableHead
              labels={[
                t('repColTitle'),
                t('repColPeriod'),
                t('repColDeadline'),
                t('repCountSubmitted'),
                t('repCountOnTime'),
                t('repCountLate'),
                t('repCountMissing'),
                t('repCountAccepted'),
                t('repCountCompleteness'),
              ]}
            />
            <Table.Tbody>
              {rounds.data.items.map((r) => (
                <RoundRow key={r.id} round={r} lang={lang} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {opening && <OpenRoundModal onClose={() => setOpening(false)} />}
    </Stack>
  );
}

function RoundRow({ round: r, lang }: { round: RoundSummaryDto; lang: 'vi' | 'en' }) {
  const { t } = useI18n();
  const c = r.counts;
  return (
    <Table.Tr>
      <Table.Td maw={420}>
        <Anchor component={Link} to={`/reporting/rounds/${r.id}`} lineClamp={2}>
          {r.title}
        </Anchor>
        {r.closedAt && (
          <Badge size="xs" color="gray" variant="outline" ml={4}>
            {t('repRoundClosed')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{periodName(r.period, lang)}</Table.Td>
      <Table.Td>{formatDay(r.deadline)}</Table.Td>
      <Table.Td>{t('repSubmittedOf', { submitted: c.submitted, owed: c.owed })}</Table.Td>
      <Table.Td>{c.onTime}</Table.Td>
      <Table.Td>{c.late}</Table.Td>
      <Table.Td>{c.missing}</Table.Td>
      <Table.Td>{c.accepted}</Table.Td>
      <Table.Td>{formatShare(c.completeness, lang)}</Table.Td>
    </Table.Tr>
  );
}

/** The rounds the user's own body owes, each with its state and a link to its report. */
export function MyRounds({ body, title = true }: { body: string; title?: boolean }) {
  const { t, lang } = useI18n();
  const labels = useReportingLabels();
  const mine = useRead(reportingReads.mine());
  return (
    <Stack gap="xs">
      {title && <Title order={3}>{t('repMine')}</Title>}
      {mine.error && <Alert color="red">{mine.error}</Alert>}
      {!mine.data && !mine.error && <Loader size="sm" />}
      {mine.data?.items.length === 0 && <Text c="dimmed">{t('repMineNone')}</Text>}
      {mine.data && mine.data.items.length > 0 && (
        <Table data-testid="my-rounds">
          <TableHead
            labels={[t('repColTitle'), t('repColPeriod'), t('repColDeadline'), t('repColState'), t('repColTimeliness'), '']}
          />
          <Table.Tbody>
            {mine.data.items.map((r) => {
              const state = ownState(r);
              const sent = r.counts.submitted > 0;
              return (
                <Table.Tr key={r.id}>
                  <Table.Td maw={420}>
                    <Text size="sm" lineClamp={2}>
                      {r.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>{periodName(r.period, lang)}</Table.Td>
                  <Table.Td>{formatDay(r.deadline)}</Table.Td>
                  <Table.Td>
                    <StateBadge state={state} />
                  </Table.Td>
                  <Table.Td>
                    {sent
                      ? r.counts.onTime > 0
                        ? `✓ ${t('repOnTime')}`
                        : `! ${t('repLate')}`
                      : labels.timeliness({ submittedOn: null, onTime: null, daysLate: 0 }, r.deadline)}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/reporting/rounds/${r.id}/submissions/${encodeURIComponent(body)}`}>
                      {t('repOpenSubmission')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
