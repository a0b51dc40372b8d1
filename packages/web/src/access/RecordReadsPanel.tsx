import { Anchor, Badge, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { kindLabelKey } from './AccessLogPage.tsx';
import { accessReads } from './api.ts';

const LAST = 10;

/**
 * "Who looked at this record": the last reads of one record (a commune's code, a unit's id), for
 * the administrator only: the same GET /api/access-log, filtered by the record. Render it only for
 * an administrator; anyone else would be refused (and that refusal logged).
 */
export function RecordReadsPanel({ recordId }: { recordId: string }) {
  const { t, lang } = useI18n();
  const reads = useRead(accessReads.accessLog({ recordId, limit: String(LAST) }));
  const items = reads.data?.items ?? [];
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
  return (
    <Stack gap="xs" data-testid="record-reads">
      <Title order={5}>{t('recordReads')}</Title>
      {reads.error && (
        <Text c="red" size="sm">
          {reads.error}
        </Text>
      )}
      {reads.data && items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('recordReadsEmpty')}
        </Text>
      )}
      <List size="sm">
        {items.map((e) => (
          <List.Item key={e.id}>
            {when(e.at)} · {e.username ?? t('accessLogNobody')} · {t(kindLabelKey(e.kind))}{' '}
            {e.outcome === 'refused' && (
              <Badge color="red" variant="light" size="xs">
                {t('outcomeRefused')} {e.status}
              </Badge>
            )}
          </List.Item>
        ))}
      </List>
      <Anchor component={Link} to={`/admin/access-log?recordId=${encodeURIComponent(recordId)}`} size="sm">
        {t('recordReadsAll')}
      </Anchor>
    </Stack>
  );
}
