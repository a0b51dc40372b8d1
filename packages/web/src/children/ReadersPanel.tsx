import { Alert, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDayTime } from '../reporting/labels.ts';
import { TableHead } from '../ui/TableHead.tsx';
import { childrenReads } from './api.ts';

/**
 * "Who looked at it", for the administrator: every read of this record from the read log, refused
 * ones too, with the reason given for a record outside the reader's commune. Opening this list is
 * itself logged.
 */
export function ReadersPanel({ childId }: { childId: number }) {
  const { t } = useI18n();
  const { data, error, loading } = useRead(childrenReads.readers(childId));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="child-readers">
      <Title order={3} size="h4" id="child-readers" mb="xs">
        {t('chdReadersTitle')}
      </Title>
      {loading && !data && <Loader size="sm" />}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {data && data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('chdReadersNone')}
        </Text>
      )}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table striped data-testid="child-readers">
            <TableHead labels={[t('chdHistWhen'), t('chdReadersWho'), t('chdReadersOutcome'), t('chdReadersReason')]} />
            <Table.Tbody>
              {data.items.map((r, i) => (
                <Table.Tr key={`${r.at}-${i}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDayTime(r.at)}</Table.Td>
                  <Table.Td>{r.username ?? '—'}</Table.Td>
                  <Table.Td>{r.status < 400 ? t('chdReadersAllowed') : t('chdReadersRefused', { status: r.status })}</Table.Td>
                  <Table.Td>{r.reason ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
