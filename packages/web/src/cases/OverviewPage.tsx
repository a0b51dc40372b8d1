import { Alert, Anchor, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { CASE_STATUSES, STATUS_LABELS } from '@tre/core';
import { Link, useSearchParams } from 'react-router';
import { useRead } from '../api/useApi.ts';
import { formatCount } from '../format/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { foldFilter } from '../ui/foldFilter.ts';
import { unitsReads } from '../units/api.ts';
import { overviewReachesProvince } from './access.ts';
import { casesReads } from './api.ts';
import { CLOCK_KINDS, CLOCK_KIND_LABELS, CLOCK_STATES, CLOCK_STATE_STYLE } from './clocks.ts';

/**
 * `/cases/overview`: how the cases stand, without naming a child — open cases per step, and each
 * legal clock by state (overdue first). A role that reaches the province sees the whole province or
 * picks a commune (kept in the address); a commune's officer sees their commune.
 */
export function OverviewPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [search, setSearch] = useSearchParams();
  const everyCommune = overviewReachesProvince(user);
  const commune = everyCommune ? search.get('commune') : null;
  const communes = useRead(everyCommune ? unitsReads.allCommunes() : null);
  const overview = useRead(casesReads.overview(commune));
  const o = overview.data;
  const n = (v: number | undefined) => formatCount(v ?? 0, lang);

  return (
    <Stack maw={1000}>
      <Anchor component={Link} to="/cases" size="sm">
        ← {t('casBack')}
      </Anchor>
      <Title order={2}>{t('casOverviewTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('casOverviewHint')}
      </Text>
      {everyCommune && (
        <Select
          label={t('casOverviewCommune')}
          placeholder={t('casOverviewWholeProvince')}
          searchable
          clearable
          filter={foldFilter()}
          w={360}
          data={(communes.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
          value={commune}
          onChange={(v) => {
            const next = new URLSearchParams(search);
            if (v) next.set('commune', v);
            else next.delete('commune');
            setSearch(next, { replace: true });
          }}
          data-testid="overview-commune"
        />
      )}
      {overview.error && (
        <Alert color="red" role="alert">
          {overview.error}
        </Alert>
      )}
      {overview.loading && !o && <Loader />}
      {o && (
        <>
          <Group gap="xl" data-testid="overview-totals">
            <Text>
              <b>{t('casOverviewOpen')}:</b> {n(o.open)}
            </Text>
            <Text>
              <b>{t('casOverviewClosedThisYear')}:</b> {n(o.closedThisYear)}
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md" component="section" aria-labelledby="overview-clocks">
              <Title order={3} size="h4" id="overview-clocks" mb="xs">
                {t('casOverviewClocks')}
              </Title>
              <Table data-testid="overview-clocks-table" aria-busy={overview.loading}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('casOverviewClock')}</Table.Th>
                    {CLOCK_STATES.map((s) => (
                      <Table.Th key={s} scope="col" ta="right">
                        <span aria-hidden="true">{CLOCK_STATE_STYLE[s].symbol} </span>
                        {CLOCK_STATE_STYLE[s][lang]}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {CLOCK_KINDS.map((k) => (
                    <Table.Tr key={k}>
                      <Table.Th scope="row" fw={500}>
                        {CLOCK_KIND_LABELS[k][lang]}
                      </Table.Th>
                      {CLOCK_STATES.map((s) => {
                        const v = o.clocks[k][s];
                        return (
                          <Table.Td
                            key={s}
                            ta="right"
                            fw={s === 'overdue' && v > 0 ? 700 : undefined}
                            c={s === 'overdue' && v > 0 ? 'red.8' : undefined}
                            data-testid={`overview-${k}-${s}`}
                          >
                            {n(v)}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="overview-status">
              <Title order={3} size="h4" id="overview-status" mb="xs">
                {t('casOverviewByStatus')}
              </Title>
              <Table data-testid="overview-status-table" aria-busy={overview.loading}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('casColStatus')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('casOverviewCount')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {/* closed cases are counted for the year above; the steps are the open ones' */}
                  {CASE_STATUSES.filter((s) => s !== 'closed' || o.byStatus.closed !== undefined).map((s) => (
                    <Table.Tr key={s}>
                      <Table.Th scope="row" fw={500}>
                        {STATUS_LABELS[s][lang]}
                      </Table.Th>
                      <Table.Td ta="right">{n(o.byStatus[s])}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
