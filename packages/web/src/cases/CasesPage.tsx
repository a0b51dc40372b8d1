import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ABUSE_FORM_LABELS } from '@tre/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDayTime } from '../reporting/labels.ts';
import { useSession } from '../session/session.tsx';
import { TableHead } from '../ui/TableHead.tsx';
import { canGrantCaseAccess, canIntake, canReadCases, canSeeOverview, canTakeReferrals } from './access.ts';
import { casesReads } from './api.ts';
import { ClockLine, StatusBadge, UrgencyBadge } from './badges.tsx';
import { isOverdue, nearestClock, orderCases } from './clocks.ts';

/**
 * `/cases`: the cases the reader works on (assigned, supervised, granted), open ones first and the
 * nearest running legal clock first, so the case that must be acted on next is on top. A case past
 * a clock says so in words and with a symbol, not only in red.
 */
export function CasesPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const list = useRead(canReadCases(user) ? casesReads.list() : null);
  if (!user) return null;
  const items = orderCases(list.data?.items ?? []);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} maw={760}>
          <Title order={2}>{t('casTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('casListHint')}
          </Text>
        </Stack>
        <Group gap="sm">
          {canTakeReferrals(user) && (
            <Button component={Link} to="/cases/referrals" variant="default" data-testid="cases-referrals-link">
              {t('casReferralsLink')}
            </Button>
          )}
          {canSeeOverview(user) && (
            <Button component={Link} to="/cases/overview" variant="default" data-testid="cases-overview-link">
              {t('casOverviewLink')}
            </Button>
          )}
          {canIntake(user) && (
            <Button component={Link} to="/cases/new" data-testid="cases-new">
              {t('casNew')}
            </Button>
          )}
        </Group>
      </Group>

      {canGrantCaseAccess(user) && <OpenById />}
      {list.error && (
        <Alert color="red" role="alert">
          {list.error}
        </Alert>
      )}
      {list.loading && !list.data && <Loader />}
      {list.data && items.length === 0 && <Text c="dimmed">{t('casNone')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover data-testid="cases-table" aria-busy={list.loading}>
            <caption style={{ captionSide: 'top', textAlign: 'left' }}>
              <Text size="sm" c="dimmed" span>
                {t('casListCaption', { n: items.length })}
              </Text>
            </caption>
            <TableHead
              labels={[
                t('casColNumber'),
                t('casColChild'),
                t('casColCommune'),
                t('casColStatus'),
                t('casColUrgency'),
                t('casColClock'),
                t('casColForms'),
                t('casColTeam'),
                t('casColReceived'),
              ]}
            />
            <Table.Tbody>
              {items.map((c) => {
                const clock = nearestClock(c);
                const overdue = isOverdue(c);
                return (
                  <Table.Tr key={c.id} data-testid="cases-row" data-overdue={overdue || undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/cases/${c.id}`} fw={600}>
                        {c.number}
                      </Anchor>
                      {overdue && (
                        <Text size="xs" c="red.8" fw={700} data-testid="cases-overdue">
                          <span aria-hidden="true">✕ </span>
                          {t('casOverdueMark')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{c.childName}</Table.Td>
                    <Table.Td>{c.communeName}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>
                      <UrgencyBadge urgency={c.urgency} />
                    </Table.Td>
                    <Table.Td>
                      {clock ? (
                        <ClockLine clock={clock} compact />
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('casNoRunningClock')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.abuseForms.map((f) => ABUSE_FORM_LABELS[f][lang]).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t('casWorkerIs', { name: c.workerName ?? t('casUnassigned') })}</Text>
                      <Text size="sm" c="dimmed">
                        {t('casSupervisorIs', { name: c.supervisorName ?? t('casUnassigned') })}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDayTime(c.receivedAt)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/**
 * The administrator reads only the cases granted to them, yet grants access to any: a case is
 * opened by its id (as the access log or a request names it), where the grant form waits.
 */
function OpenById() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const valid = /^\d{1,12}$/.test(id.trim());
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) void navigate(`/cases/${id.trim()}`);
      }}
    >
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('casOpenById')}
          description={t('casOpenByIdHint')}
          inputMode="numeric"
          maxLength={12}
          w={360}
          value={id}
          onChange={(e) => setId(e.currentTarget.value)}
          data-testid="cases-open-id"
        />
        <Button type="submit" variant="default" disabled={!valid}>
          {t('casOpenByIdGo')}
        </Button>
      </Group>
    </form>
  );
}
