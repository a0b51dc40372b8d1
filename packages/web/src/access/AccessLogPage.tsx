import { Alert, Anchor, Badge, Button, Code, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { READ_LOG_KINDS, type ReadLogEntryDto, type ReadLogKind } from '@tre/core/access/read-log';
import { useSearchParams } from 'react-router';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { accessReads } from './api.ts';
import { TableHead } from '../ui/TableHead.tsx';

const PAGE = 50;
/** The filters the page keeps in its address, so a record's panel can link to its reads. */
const FILTERS = ['userId', 'kind', 'recordId', 'from', 'to', 'outcome'] as const;

export function kindLabelKey(kind: ReadLogKind) {
  return `readKind_${kind}` as const;
}

/** Quản trị › Nhật ký truy cập: who read what, from where, through which route, and every refusal. */
export function AccessLogPage() {
  const { t, lang } = useI18n();
  const [search, setSearch] = useSearchParams();
  const filter = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const before = search.get('before') ?? '';
  const log = useRead(accessReads.accessLog({ ...filter, before, limit: String(PAGE) }));
  const items = log.data?.items ?? [];
  const userName = search.get('userName') ?? '';

  /** Changing a filter starts again from the newest entry. */
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    next.delete('before');
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSearch(next);
  };
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
  const params = (e: ReadLogEntryDto) =>
    Object.entries(e.params)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');

  return (
    <Stack>
      <Title order={2}>{t('accessLog')}</Title>
      <Text size="sm" c="dimmed">
        {t('accessLogHint')}
      </Text>
      <Group align="end">
        <Select
          label={t('accessLogKind')}
          clearable
          w={220}
          data={READ_LOG_KINDS.map((k) => ({ value: k, label: t(kindLabelKey(k)) }))}
          value={filter.kind || null}
          onChange={(v) => set({ kind: v })}
        />
        <Select
          label={t('accessLogOutcome')}
          clearable
          w={160}
          data={[
            { value: 'allowed', label: t('outcomeAllowed') },
            { value: 'refused', label: t('outcomeRefused') },
          ]}
          value={filter.outcome || null}
          onChange={(v) => set({ outcome: v })}
        />
        <TextInput
          label={t('accessLogRecord')}
          w={200}
          value={filter.recordId}
          onChange={(e) => set({ recordId: e.currentTarget.value.trim() })}
        />
        <TextInput
          type="date"
          label={t('accessLogFrom')}
          value={filter.from}
          onChange={(e) => set({ from: e.currentTarget.value })}
        />
        <TextInput type="date" label={t('accessLogTo')} value={filter.to} onChange={(e) => set({ to: e.currentTarget.value })} />
        <Button variant="default" onClick={() => setSearch(new URLSearchParams())}>
          {t('accessLogClearFilters')}
        </Button>
      </Group>
      <Group>
        {filter.userId ? (
          <Badge
            variant="light"
            size="lg"
            rightSection={<Anchor onClick={() => set({ userId: null, userName: null })}>×</Anchor>}
          >
            {t('accessLogUser', { name: userName || filter.userId.slice(0, 8) })}
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">
            {t('accessLogUserHint')}
          </Text>
        )}
      </Group>
      {log.error && <Alert color="red">{log.error}</Alert>}
      <Table striped data-testid="access-log-table" style={{ fontSize: 13 }}>
        <TableHead
          labels={[
            t('time'),
            t('who'),
            t('accessLogAddress'),
            t('accessLogKind'),
            t('accessLogRecord'),
            t('accessLogRoute'),
            t('accessLogOutcome'),
            t('accessLogReason'),
          ]}
        />
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{when(e.at)}</Table.Td>
              <Table.Td>
                {e.userId ? (
                  <Anchor size="sm" onClick={() => set({ userId: e.userId, userName: e.username })}>
                    {e.username}
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('accessLogNobody')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{e.ip}</Table.Td>
              <Table.Td>{t(kindLabelKey(e.kind))}</Table.Td>
              <Table.Td>
                {e.recordId && (
                  <Anchor size="sm" onClick={() => set({ recordId: e.recordId })}>
                    {e.recordId.length > 12 ? `${e.recordId.slice(0, 8)}…` : e.recordId}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <Code>
                  {e.method} {e.route}
                </Code>{' '}
                <Text span size="xs" c="dimmed">
                  {params(e)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={e.outcome === 'allowed' ? 'teal' : 'red'} variant="light">
                  {e.outcome === 'allowed' ? t('outcomeAllowed') : t('outcomeRefused')} {e.status}
                </Badge>
              </Table.Td>
              <Table.Td>{e.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {log.data && items.length === 0 && <Text c="dimmed">{t('accessLogEmpty')}</Text>}
      <Group>
        <Button variant="default" disabled={!before} onClick={() => set({})}>
          {t('newestEntries')}
        </Button>
        <Button
          variant="default"
          disabled={!log.data?.next}
          onClick={() => {
            const next = new URLSearchParams(search);
            next.set('before', String(log.data?.next ?? ''));
            setSearch(next);
          }}
        >
          {t('olderEntries')}
        </Button>
      </Group>
    </Stack>
  );
}
