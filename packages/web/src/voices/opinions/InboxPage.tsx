import { Alert, Anchor, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useRead } from '../../api/useApi.ts';
import { formatDate } from '../../children/labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { opinionsReads } from './api.ts';
import { byUrgency } from './logic.ts';
import { OpinionActions } from './OpinionActions.tsx';
import { OpinionStateLine } from './parts.tsx';

/** `/voices/inbox`: the opinions sent to the reader's agency or commune, unanswered, overdue first; answered from here. */
export function InboxPage() {
  const { t } = useI18n();
  const list = useRead(opinionsReads.inbox());
  const items = [...(list.data?.items ?? [])].sort(byUrgency);
  return (
    <Stack>
      <Anchor component={Link} to="/voices/opinions" size="sm">
        ← {t('voiBack')}
      </Anchor>
      <Title order={2}>{t('voiInbox')}</Title>
      <Text size="sm" c="dimmed" maw={760}>
        {t('voiInboxHint')}
      </Text>
      {list.error && (
        <Alert color="red" role="alert">
          {list.error}
        </Alert>
      )}
      {list.loading && !list.data && <Loader />}
      {list.data && items.length === 0 && <Text c="dimmed">{t('voiInboxNone')}</Text>}
      {items.length > 0 && (
        <Table striped data-testid="voices-inbox">
          <TableHead labels={[t('voiColTopic'), t('voiOpinionText'), t('voiSentOn'), t('voiState'), '']} />
          <Table.Tbody>
            {items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.eventTopic}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{o.text}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(o.sentOn)}</Table.Td>
                <Table.Td>
                  <OpinionStateLine o={o} />
                </Table.Td>
                <Table.Td>
                  <OpinionActions o={o} onDone={list.reload} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
