import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { CIRCUMSTANCE_GROUPS, type CircumstanceGroup } from '@tre/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { today } from '../reporting/labels.ts';
import { useSession } from '../session/session.tsx';
import { TableHead } from '../ui/TableHead.tsx';
import { foldFilter } from '../ui/foldFilter.ts';
import { unitsReads } from '../units/api.ts';
import { canEditChildren, canExportChildren, canImportChildren, canReviewDuplicates, readsEveryCommune } from './access.ts';
import { childrenApi, childrenReads } from './api.ts';
import { GroupBadges, VerificationBadge } from './badges.tsx';
import { GROUP_LABELS, SEX_LABELS, formatDate } from './labels.ts';

const PAGE = 50;
const isGroup = (v: string | null): v is CircumstanceGroup => (CIRCUMSTANCE_GROUPS as readonly (string | null)[]).includes(v);

/**
 * `/children`: the register within the user's reach, searched by name (diacritics aside, partial
 * words) or a whole personal ID, filtered by commune (roles reaching every commune), birth year,
 * group, and children of 16 and over. The filters stay in the address, so Back from a record finds
 * the same list.
 */
export function ChildrenPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [search, setSearch] = useSearchParams();
  const [q, setQ] = useState(search.get('q') ?? '');
  const [debounced] = useDebouncedValue(q, 300);
  const everyCommune = readsEveryCommune(user);
  const communes = useRead(everyCommune ? unitsReads.allCommunes() : null);

  const commune = everyCommune ? search.get('commune') : null;
  const yearParam = Number(search.get('year'));
  const birthYear = Number.isInteger(yearParam) && yearParam >= 1990 ? yearParam : undefined;
  const groupParam = search.get('group');
  const group = isGroup(groupParam) ? groupParam : undefined;
  const includeInactive = search.get('all') === '1';
  const page = Math.max(1, Math.floor(Number(search.get('page')) || 1));

  /** Changing a filter starts again from the first page. */
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    next.delete('page');
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSearch(next, { replace: true });
  };

  // the typed search reaches the address once the user pauses (and only then: "clear filters" is not undone by it)
  const searched = search.get('q') ?? '';
  const pushed = useRef(debounced);
  useEffect(() => {
    if (debounced === pushed.current) return;
    pushed.current = debounced;
    const next = new URLSearchParams(search);
    next.delete('page');
    if (debounced.trim()) next.set('q', debounced.trim());
    else next.delete('q');
    setSearch(next, { replace: true });
  }, [debounced, search, setSearch]);

  const setPage = (n: number) => {
    const next = new URLSearchParams(search);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    setSearch(next);
  };

  // one more than a page: whether there is a next page (the list does not count the register)
  const list = useRead(
    childrenReads.list({
      q: searched,
      commune: commune ?? undefined,
      birthYear,
      group,
      includeInactive,
      limit: PAGE + 1,
      offset: (page - 1) * PAGE,
    }),
  );
  const items = list.data?.items.slice(0, PAGE) ?? [];
  const hasNext = (list.data?.items.length ?? 0) > PAGE;

  const thisYear = Number(today().slice(0, 4));
  const years = Array.from({ length: includeInactive ? 26 : 17 }, (_, i) => String(thisYear - i));
  const anyFilter = searched !== '' || commune || birthYear !== undefined || group || includeInactive;

  if (!user) return null;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} maw={760}>
          <Title order={2}>{t('chdTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('chdListHint')}
          </Text>
        </Stack>
        <Group gap="sm">
          {canReviewDuplicates(user) && (
            <Anchor component={Link} to="/children/duplicates" data-testid="children-duplicates-link">
              {t('chdDuplicatesLink')}
            </Anchor>
          )}
          {canExportChildren(user) && (
            <Button
              component="a"
              href={childrenApi.exportHref({ commune, birthYear, group })}
              download
              variant="default"
              title={t('chdExportHint')}
              data-testid="children-export"
            >
              {t('chdExport')}
            </Button>
          )}
          {canEditChildren(user) && (
            <Button component={Link} to="/children/new" variant="default" data-testid="children-new">
              {t('chdNew')}
            </Button>
          )}
          {canImportChildren(user) && (
            <Button component={Link} to="/children/import" data-testid="children-import">
              {t('chdImport')}
            </Button>
          )}
        </Group>
      </Group>

      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('chdSearch')}
          description={t('chdSearchHint')}
          w={340}
          type="search"
          value={q}
          maxLength={100}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="children-search"
        />
        {everyCommune && (
          <Select
            label={t('chdFilterCommune')}
            placeholder={t('chdAllCommunes')}
            searchable
            clearable
            filter={foldFilter()}
            w={260}
            data={(communes.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
            value={commune}
            onChange={(v) => set({ commune: v })}
            data-testid="children-commune"
          />
        )}
        <Select
          label={t('chdFilterBirthYear')}
          placeholder={t('chdAnyYear')}
          clearable
          w={140}
          data={years}
          value={birthYear === undefined ? null : String(birthYear)}
          onChange={(v) => set({ year: v })}
          data-testid="children-year"
        />
        <Select
          label={t('chdFilterGroup')}
          placeholder={t('chdAnyGroup')}
          clearable
          w={320}
          data={CIRCUMSTANCE_GROUPS.map((g) => ({
            value: g,
            label: t('chdGroupOption', { letter: g, label: GROUP_LABELS[g][lang] }),
          }))}
          value={group ?? null}
          onChange={(v) => set({ group: v })}
          data-testid="children-group"
        />
        <Checkbox
          label={t('chdIncludeInactive')}
          checked={includeInactive}
          onChange={(e) => set({ all: e.currentTarget.checked ? '1' : null })}
          mb={8}
          data-testid="children-include-inactive"
        />
        {anyFilter && (
          <Button
            variant="subtle"
            onClick={() => {
              setQ('');
              setSearch(new URLSearchParams(), { replace: true });
            }}
          >
            {t('chdClearFilters')}
          </Button>
        )}
      </Group>

      {list.error && (
        <Alert color="red" role="alert">
          {list.error}
        </Alert>
      )}
      {list.loading && !list.data && <Loader />}
      {list.data && items.length === 0 && <Text c="dimmed">{t('chdNone')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="children-table" aria-busy={list.loading}>
            <TableHead
              labels={[
                t('chdColName'),
                t('chdColBirthDate'),
                t('chdColSex'),
                t('chdColCommune'),
                t('chdColPersonalId'),
                t('chdColGroups'),
                t('chdColVerification'),
              ]}
            />
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id} data-testid="children-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/children/${c.id}`}>
                      {c.fullName}
                    </Anchor>
                    {!c.active && (
                      <Badge size="xs" color="gray" variant="outline" ml={6} style={{ textTransform: 'none' }}>
                        {t('chdOver16')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(c.birthDate)}</Table.Td>
                  <Table.Td>{SEX_LABELS[c.sex][lang]}</Table.Td>
                  <Table.Td>{c.communeName}</Table.Td>
                  <Table.Td ff="monospace">
                    {c.personalIdMasked ?? (
                      <Text span c="dimmed" size="sm">
                        {t('chdNoId')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <GroupBadges groups={c.groups} />
                  </Table.Td>
                  <Table.Td>
                    <VerificationBadge status={c.verification} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {(page > 1 || hasNext) && (
        <Group component="nav" aria-label={t('chdPagination')} gap="sm">
          <Button variant="default" size="xs" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            ← {t('chdPrev')}
          </Button>
          <Text size="sm" aria-live="polite">
            {t('chdRange', { from: (page - 1) * PAGE + 1, to: (page - 1) * PAGE + items.length })}
          </Text>
          <Button variant="default" size="xs" disabled={!hasNext} onClick={() => setPage(page + 1)}>
            {t('chdNext')} →
          </Button>
        </Group>
      )}
    </Stack>
  );
}
