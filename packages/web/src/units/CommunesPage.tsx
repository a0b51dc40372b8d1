import { Badge, Drawer, Group, List, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { RecordReadsPanel } from '../access/RecordReadsPanel.tsx';
import { useSession } from '../access/session.tsx';
import type { Commune, User } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { accessPermissions } from '@tre/core';
import { can } from '../access/can.ts';

const PAGE = 20;

interface CommuneDetail extends Commune {
  predecessors: { code: string; name: string; extent: 'full' | 'partial' }[];
}

export function CommunesPage() {
  const { t, roleLabel } = useI18n();
  const { user } = useSession();
  const [province, setProvince] = useState<string>(user?.provinceCode ?? '40');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string | null>(null);
  const provinces = useApi<{ items: { code: string; name: string }[] }>('/api/units/provinces');
  const params = new URLSearchParams({ province, limit: String(PAGE), offset: String((page - 1) * PAGE) });
  if (debounced) params.set('q', debounced);
  const communes = useApi<{ total: number; items: Commune[] }>(`/api/units/communes?${params.toString()}`);
  const detail = useApi<CommuneDetail>(selected ? `/api/units/communes/${selected}` : null);
  const inOwnProvince = province === user?.provinceCode;
  const staff = useApi<{ items: User[] }>(selected && inOwnProvince ? `/api/units/communes/${selected}/staff` : null);

  return (
    <Stack>
      <Title order={2}>{t('communes')}</Title>
      <Group>
        <Select
          label={t('province')}
          searchable
          w={260}
          data={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
          value={province}
          allowDeselect={false}
          onChange={(v) => {
            if (v) setProvince(v);
            setPage(1);
          }}
        />
        <TextInput
          label={t('search')}
          placeholder={t('searchCommune')}
          w={320}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('total', { n: communes.data?.total ?? 0 })}
      </Text>
      <Table striped highlightOnHover data-testid="communes-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('code')}</Table.Th>
            <Table.Th>{t('name')}</Table.Th>
            <Table.Th>{t('type')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {communes.data?.items.map((c) => (
            <Table.Tr key={c.code} style={{ cursor: 'pointer' }} onClick={() => setSelected(c.code)}>
              <Table.Td>{c.code}</Table.Td>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{c.type}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pagination total={Math.max(1, Math.ceil((communes.data?.total ?? 0) / PAGE))} value={page} onChange={setPage} />
      <Drawer
        opened={selected !== null}
        onClose={() => setSelected(null)}
        position="right"
        title={detail.data?.name ?? t('loading')}
      >
        {detail.data && (
          <Stack>
            <Text>
              {t('code')}: {detail.data.code} · {detail.data.type}
            </Text>
            <Title order={5}>{t('predecessors')}</Title>
            <List size="sm">
              {detail.data.predecessors.map((p) => (
                <List.Item key={p.code}>
                  {p.name} ({p.code}) <Badge variant="light">{t(p.extent)}</Badge>
                </List.Item>
              ))}
            </List>
            {staff.data && (
              <>
                <Title order={5}>{t('staff')}</Title>
                <List size="sm">
                  {staff.data.items.length === 0 && <Text c="dimmed">{t('noData')}</Text>}
                  {staff.data.items.map((u) => (
                    <List.Item key={u.id}>
                      {u.displayName} — {roleLabel(u.role)}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
            {can(user, accessPermissions, 'readLog.read') && inOwnProvince && <RecordReadsPanel recordId={detail.data.code} />}
          </Stack>
        )}
      </Drawer>
    </Stack>
  );
}
