import { Badge, Drawer, Group, List, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useSession } from '../session/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRead } from '../api/useApi.ts';
import { unitsReads } from './api.ts';
import { TableHead } from '../ui/TableHead.tsx';
import { foldFilter } from '../ui/foldFilter.ts';
import { communeTypeLabel } from './communeType.ts';

const PAGE = 20;

/**
 * The communes of a province and one commune's detail. `communePanels` adds what modules above units
 * show on a commune of the user's own province (its staff and who read it, from access; main.tsx
 * hands them in).
 */
export function CommunesPage({ communePanels }: { communePanels?: (code: string) => ReactNode }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [province, setProvince] = useState<string>(user?.provinceCode ?? '40');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string | null>(null);
  const provinces = useRead(unitsReads.provinces());
  const params = new URLSearchParams({ province, limit: String(PAGE), offset: String((page - 1) * PAGE) });
  if (debounced) params.set('q', debounced);
  const communes = useRead(unitsReads.communes(params));
  const detail = useRead(selected ? unitsReads.commune(selected) : null);
  const inOwnProvince = province === user?.provinceCode;

  return (
    <Stack>
      <Title order={2}>{t('communes')}</Title>
      <Group>
        <Select
          label={t('province')}
          searchable
          filter={foldFilter()}
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
        <TableHead labels={[t('code'), t('name'), t('type')]} />
        <Table.Tbody>
          {communes.data?.items.map((c) => (
            <Table.Tr key={c.code} style={{ cursor: 'pointer' }} onClick={() => setSelected(c.code)}>
              <Table.Td>{c.code}</Table.Td>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{communeTypeLabel(c.type, lang)}</Table.Td>
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
              {t('code')}: {detail.data.code} · {communeTypeLabel(detail.data.type, lang)}
            </Text>
            <Title order={5}>{t('predecessors')}</Title>
            <List size="sm">
              {detail.data.predecessors.map((p) => (
                <List.Item key={p.code}>
                  {p.name} ({p.code}) <Badge variant="light">{t(p.extent)}</Badge>
                </List.Item>
              ))}
            </List>
            {inOwnProvince && communePanels?.(detail.data.code)}
          </Stack>
        )}
      </Drawer>
    </Stack>
  );
}
