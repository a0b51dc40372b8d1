import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDayTime } from '../../reporting/labels.ts';
import { useSession } from '../../session/session.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { canEditComplaintSettings, canReadComplaints, canReceiveComplaints } from './access.ts';
import { complaintsReads } from './api.ts';
import { ComplaintClockLine, ComplaintStatusBadge, KindLabel } from './ComplaintClock.tsx';
import { isComplaintOverdue, orderComplaints } from './clocks.ts';

/**
 * `/voices/complaints`: the complaints the reader handles, supervises or received, the nearest
 * running legal clock first; one past its clock says so in words and with a symbol, not only in red.
 */
export function ComplaintsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const list = useRead(canReadComplaints(user) ? complaintsReads.list() : null);
  if (!user) return null;
  const items = orderComplaints(list.data?.items ?? []);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} maw={760}>
          <Title order={2}>{t('cmpTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('cmpListHint')}
          </Text>
        </Stack>
        <Group gap="sm">
          {canEditComplaintSettings(user) && (
            <Button component={Link} to="/voices/complaints/settings" variant="default" data-testid="complaints-settings-link">
              {t('cmpSettingsLink')}
            </Button>
          )}
          {canReceiveComplaints(user) && (
            <Button component={Link} to="/voices/complaints/new" data-testid="complaints-new">
              {t('cmpNew')}
            </Button>
          )}
        </Group>
      </Group>
      {list.error && (
        <Alert color="red" role="alert">
          {list.error}
        </Alert>
      )}
      {list.loading && !list.data && <Loader />}
      {list.data && items.length === 0 && <Text c="dimmed">{t('cmpNone')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="complaints-table">
            <TableHead
              labels={[
                t('cmpColNumber'),
                t('cmpColKind'),
                t('cmpColStatus'),
                t('cmpColClock'),
                t('cmpColBody'),
                t('cmpColReceived'),
              ]}
            />
            <Table.Tbody>
              {items.map((c) => {
                const overdue = isComplaintOverdue(c);
                return (
                  <Table.Tr key={c.id} data-testid="complaints-row" data-overdue={overdue || undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/voices/complaints/${String(c.id)}`} fw={600}>
                        {c.number}
                      </Anchor>
                      {overdue && (
                        <Text size="xs" c="red.8" fw={700} data-testid="complaints-overdue">
                          <span aria-hidden="true">✕ </span>
                          {t('cmpOverdue')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <KindLabel kind={c.kind} />
                      {c.anonymous && (
                        <Text size="xs" c="dimmed">
                          {t('cmpAnonymous')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <ComplaintStatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>
                      {c.nearest ? (
                        <ComplaintClockLine clock={c.nearest} />
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('cmpNoClock')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{c.body.name}</Table.Td>
                    <Table.Td>{formatDayTime(c.receivedAt)}</Table.Td>
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
