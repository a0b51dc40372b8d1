import { Alert, Anchor, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useRead } from '../../api/useApi.ts';
import { formatDate } from '../../children/labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { useSession } from '../../session/session.tsx';
import { canReadOpinions } from './access.ts';
import { opinionsReads } from './api.ts';

/** `/voices/overdue`: opinions sent and unanswered past the answer days, most overdue first, in symbol and words. */
export function OverduePage() {
  const { t } = useI18n();
  const { user } = useSession();
  // the standing body's users follow the list without reading the events themselves
  const linked = canReadOpinions(user);
  const list = useRead(opinionsReads.overdue());
  const settings = useRead(opinionsReads.settings());
  const items = list.data?.opinions ?? [];
  return (
    <Stack>
      <Anchor component={Link} to="/voices/opinions" size="sm">
        ← {t('voiBack')}
      </Anchor>
      <Title order={2}>{t('voiOverdue')}</Title>
      <Text size="sm" c="dimmed" maw={760}>
        {t('voiOverdueHint', { days: settings.data?.answerDays ?? '…' })}
      </Text>
      {list.error && (
        <Alert color="red" role="alert">
          {list.error}
        </Alert>
      )}
      {list.loading && !list.data && <Loader />}
      {list.data && items.length === 0 && <Text c="dimmed">{t('voiOverdueNone')}</Text>}
      {items.length > 0 && (
        <Table striped data-testid="voices-overdue">
          <TableHead labels={[t('voiColTopic'), t('voiOpinionText'), t('voiSentTo'), t('voiSentOn'), '']} />
          <Table.Tbody>
            {items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  {linked ? (
                    <Anchor component={Link} to={`/voices/events/${String(o.event.id)}`}>
                      {o.event.topic}
                    </Anchor>
                  ) : (
                    o.event.topic
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{o.text}</Table.Td>
                <Table.Td>{o.sentTo.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(o.sentOn)} → {formatDate(o.dueOn)}
                </Table.Td>
                <Table.Td>
                  <Badge color="red">⚠ {t('voiOverdueMark', { n: o.daysOverdue })}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
