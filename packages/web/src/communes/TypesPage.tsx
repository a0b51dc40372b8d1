import { Alert, Anchor, Loader, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { COMMUNE_CATEGORIES, type CommuneCategory } from '@tre/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { TableHead } from '../ui/TableHead.tsx';
import { foldText } from '@tre/core/text/fold';
import { communesApi, communesReads } from './api.ts';
import { useCategoryLabel } from './badges.tsx';
import { vietnamYear } from './years.ts';

/**
 * `/child-friendly/types` (administrator): each commune's type, which sets its threshold —
 * mountain, island, especially disadvantaged, urban ward of a centrally-run city, or other. A
 * change is saved as soon as it is picked.
 */
export function TypesPage() {
  const { t } = useI18n();
  const status = useRead(communesReads.status(vietnamYear()));
  const category = useCategoryLabel();
  const [query, setQuery] = useState('');
  const [saved, setSaved] = useState<Record<string, { type: CommuneCategory; threshold: number }>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const q = foldText(query.trim());
  const rows = (status.data?.communes ?? []).filter(
    (c) => q === '' || foldText(c.communeName).includes(q) || c.communeCode.includes(q),
  );

  async function change(code: string, name: string, type: CommuneCategory) {
    setMessage(null);
    setError(null);
    try {
      const reply = await communesApi.setType(code, { type });
      setSaved((all) => ({ ...all, [code]: { type: reply.type, threshold: reply.threshold } }));
      setMessage(t('cfcTypeSaved', { name }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Stack maw={1000}>
      <Anchor component={Link} to="/child-friendly" size="sm">
        ← {t('cfcBack')}
      </Anchor>
      <Title order={2}>{t('cfcTypesTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('cfcTypesHint')}
      </Text>
      <TextInput label={t('cfcFilter')} w={360} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      {message && (
        <Alert color="teal" role="status">
          {message}
        </Alert>
      )}
      {(error ?? status.error) && (
        <Alert color="red" role="alert">
          {error ?? status.error}
        </Alert>
      )}
      {status.loading && !status.data && <Loader />}
      {rows.length > 0 && (
        <Table striped data-testid="cfc-types-table">
          <TableHead labels={[t('cfcColCommune'), t('cfcColType'), t('cfcColThreshold')]} />
          <Table.Tbody>
            {rows.map((c) => {
              const now = saved[c.communeCode] ?? { type: c.type, threshold: c.threshold };
              return (
                <Table.Tr key={c.communeCode} data-testid="cfc-type-row" data-commune={c.communeCode}>
                  <Table.Td>
                    {c.communeName} ({c.communeCode})
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`${t('cfcColType')}: ${c.communeName}`}
                      data={COMMUNE_CATEGORIES.map((k) => ({ value: k, label: category(k) }))}
                      value={now.type}
                      onChange={(e) => {
                        const next = COMMUNE_CATEGORIES.find((k) => k === e.currentTarget.value);
                        if (next) void change(c.communeCode, c.communeName, next);
                      }}
                      data-testid={`cfc-type-${c.communeCode}`}
                    />
                  </Table.Td>
                  <Table.Td ta="right">{now.threshold}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
