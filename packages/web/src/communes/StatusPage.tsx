import { Alert, Anchor, Button, Group, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { ASSESSMENT_STATES, assessmentStateLabels, type AssessmentState } from '@tre/core';
import { Link, useSearchParams } from 'react-router';
import { useRead } from '../api/useApi.ts';
import { formatNumber } from '../format/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { TableHead } from '../ui/TableHead.tsx';
import { canManageRuleSets, canSetTypes, ownCommuneOf, readsProvince } from './access.ts';
import { communesReads } from './api.ts';
import { ResultText, StateBadge, useCategoryLabel } from './badges.tsx';
import { recognisedShare } from './shortfall.ts';
import { vietnamYear, yearChoices, yearParam } from './years.ts';

type StateFilter = AssessmentState | 'none' | '';

/**
 * `/child-friendly`: the province's communes in a year — type, threshold, total, criteria at 0,
 * where each assessment stands and whether it was recognised — filtered by state, with the count
 * recognised and its share (indicator 1). A commune's officer picks the year and opens their own.
 * Year and filter are kept in the address.
 */
export function StatusPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [search, setSearch] = useSearchParams();
  const year = yearParam(search.get('year')) ?? vietnamYear();
  const stateParam = search.get('state') ?? '';
  const filter: StateFilter =
    stateParam === 'none' || (ASSESSMENT_STATES as readonly string[]).includes(stateParam) ? (stateParam as StateFilter) : '';
  const province = readsProvince(user);
  const own = ownCommuneOf(user);
  // a commune's officer gets their own row only
  const status = useRead(communesReads.status(year));
  const category = useCategoryLabel();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  const data = status.data;
  const rows = (data?.communes ?? []).filter((c) => filter === '' || c.state === filter);
  const awaiting = (data?.communes ?? []).filter((c) => c.state === 'submitted').length;
  const share = data ? recognisedShare(data.recognisedCount, data.communesTotal) : null;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} maw={820}>
          <Title order={2}>{t('cfcTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('cfcIntro')}
          </Text>
        </Stack>
        <Group gap="sm">
          {canSetTypes(user) && (
            <Button component={Link} to="/child-friendly/types" variant="default" data-testid="cfc-types-link">
              {t('cfcTypesLink')}
            </Button>
          )}
          {canManageRuleSets(user) && (
            <Button component={Link} to="/child-friendly/rule-sets" variant="default" data-testid="cfc-rule-sets-link">
              {t('cfcRuleSetsLink')}
            </Button>
          )}
        </Group>
      </Group>

      <Group align="flex-end">
        <NativeSelect
          label={t('cfcYear')}
          w={160}
          data={yearChoices().map((y) => String(y))}
          value={String(year)}
          onChange={(e) => set('year', e.currentTarget.value)}
          data-testid="cfc-year"
        />
        {province && (
          <NativeSelect
            label={t('cfcState')}
            w={280}
            data={[
              { value: '', label: t('cfcAllStates') },
              ...(['none', ...ASSESSMENT_STATES] as const).map((s) => ({ value: s, label: assessmentStateLabels[s][lang] })),
            ]}
            value={filter}
            onChange={(e) => set('state', e.currentTarget.value)}
            data-testid="cfc-state-filter"
          />
        )}
        {own && (
          <Button component={Link} to={`/child-friendly/${own}/${String(year)}`} data-testid="cfc-open-own">
            {t('cfcOpenAssessment', { year })}
          </Button>
        )}
      </Group>

      {status.error && (
        <Alert color="red" role="alert">
          {status.error}
        </Alert>
      )}
      {status.loading && !data && <Loader />}
      {data && province && (
        <Group gap="xl" data-testid="cfc-summary">
          <Text fw={600} data-testid="cfc-summary-recognised">
            {t('cfcSummary', {
              recognised: data.recognisedCount,
              total: data.communesTotal,
              share: share === null ? t('cfcNone') : `${formatNumber(share, lang, 1)} %`,
            })}
          </Text>
          <Text data-testid="cfc-summary-awaiting">{t('cfcSummaryAwaiting', { n: awaiting })}</Text>
        </Group>
      )}
      {data && rows.length === 0 && <Text c="dimmed">{t('cfcNoCommunes')}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover data-testid="cfc-status-table" aria-busy={status.loading}>
            <caption style={{ captionSide: 'top', textAlign: 'left' }}>
              <Text size="sm" c="dimmed" span>
                {t('cfcListCaption', { n: rows.length })}
              </Text>
            </caption>
            <TableHead
              labels={[
                t('cfcColCommune'),
                t('cfcColType'),
                t('cfcColThreshold'),
                t('cfcColTotal'),
                t('cfcColZero'),
                t('cfcColState'),
                t('cfcColResult'),
              ]}
            />
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.communeCode} data-testid="cfc-status-row" data-commune={c.communeCode}>
                  <Table.Td>
                    <Anchor component={Link} to={`/child-friendly/${c.communeCode}/${String(year)}`} fw={600}>
                      {c.communeName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{category(c.type)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">{c.threshold}</Table.Td>
                  <Table.Td ta="right" data-testid="cfc-row-total">
                    {c.total ?? t('cfcNone')}
                  </Table.Td>
                  <Table.Td>
                    {c.zeroCriteria.length > 0 ? (
                      <Text size="sm" fw={700} c="red.9">
                        <span aria-hidden="true">✕ </span>
                        {c.zeroCriteria.join(', ')}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('cfcNone')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StateBadge state={c.state} />
                  </Table.Td>
                  <Table.Td data-testid="cfc-row-result">
                    <ResultText decided={c.state === 'decided'} recognised={c.recognised} />
                    {c.decision && (
                      <Text size="xs" c="dimmed">
                        {c.decision.number} · {c.decision.date.split('-').reverse().join('/')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
