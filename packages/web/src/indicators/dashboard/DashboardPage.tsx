import { Alert, Anchor, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import type { CatalogueReply, MeasureStatusDto, MeasureValueDto } from '@tre/core/indicators/indicator-api';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitPeriodPicker, type UnitChoice } from '../UnitPeriodPicker.tsx';
import { catalogueReads } from '../catalogue/api.ts';
import { excelLinks } from '../excel/api.ts';
import { valuesReads } from '../values/api.ts';
import { STATUS_ORDER, countStatuses, formatTarget, formatValue, periodName } from '../../format/format.ts';
import { CompletenessText, ExcelLink, LINK, MUTED, TargetText, TrendText } from './MeasureParts.tsx';
import { StatusBadge, StatusLegend } from './StatusBadge.tsx';
import { useUnitPeriod } from './useUnitPeriod.ts';

interface IndicatorGroup {
  code: string;
  no: number | null;
  name: string | null;
  measures: MeasureValueDto[];
}

interface GoalGroup {
  key: string;
  title: string;
  indicators: IndicatorGroup[];
}

/**
 * The measures grouped as the programme lists them: by goal (the catalogue's order), then by
 * indicator; indicators without a goal (local ones) or missing from the catalogue come last.
 */
function groupByGoal(
  values: MeasureValueDto[],
  catalogue: CatalogueReply | undefined,
  lang: 'vi' | 'en',
  goalTitle: (no: number, name: string | null) => string,
  otherTitle: string,
): GoalGroup[] {
  const byIndicator = new Map<string, IndicatorGroup>();
  for (const v of values) {
    let g = byIndicator.get(v.indicator);
    if (!g) {
      const ind = catalogue?.indicators.find((i) => i.code === v.indicator);
      g = { code: v.indicator, no: v.indicatorNo, name: ind ? ind.name[lang] : null, measures: [] };
      byIndicator.set(v.indicator, g);
    }
    g.measures.push(v);
  }
  const ordered = [...byIndicator.values()].sort(
    (a, b) => (a.no ?? Number.MAX_SAFE_INTEGER) - (b.no ?? Number.MAX_SAFE_INTEGER) || a.code.localeCompare(b.code),
  );
  if (!catalogue) return ordered.length ? [{ key: 'all', title: '', indicators: ordered }] : [];
  const goalOf = new Map(catalogue.indicators.map((i) => [i.code, i.goal]));
  const goals: GoalGroup[] = catalogue.goals.map((g) => ({
    key: `goal-${g.no}`,
    title: goalTitle(g.no, g.name[lang]),
    indicators: ordered.filter((i) => goalOf.get(i.code) === g.no),
  }));
  const known = new Set(catalogue.goals.map((g) => g.no));
  const rest = ordered.filter((i) => {
    const goal = goalOf.get(i.code);
    return goal === undefined || goal === null || !known.has(goal);
  });
  if (rest.length) goals.push({ key: 'other', title: otherTitle, indicators: rest });
  return goals.filter((g) => g.indicators.length > 0);
}

/** How many measures have each status; a box per status, clicking one filters the list to it. */
function SummaryStrip({
  values,
  filter,
  onFilter,
}: {
  values: MeasureValueDto[];
  filter: MeasureStatusDto | null;
  onFilter: (s: MeasureStatusDto | null) => void;
}) {
  const { t } = useI18n();
  const counts = countStatuses(values.map((v) => v.status));
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="dash-summary-title">
      <Group justify="space-between" mb="xs">
        <Text id="dash-summary-title" fw={600}>
          {t('dashSummaryTitle', { n: values.length })}
        </Text>
        <Text size="xs" c={MUTED}>
          {t('dashSummaryHint')}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xs" data-testid="status-summary">
        {STATUS_ORDER.map((s) => (
          <UnstyledButton
            key={s}
            onClick={() => onFilter(filter === s ? null : s)}
            aria-pressed={filter === s}
            data-testid={`summary-${s}`}
            style={{
              border: filter === s ? '2px solid #1f2933' : '1px solid #ced4da',
              borderRadius: 6,
              padding: '6px 10px',
              background: filter === s ? '#f1f3f5' : undefined,
            }}
          >
            <Text fz={26} fw={700} lh={1.2} data-testid={`summary-count-${s}`}>
              {counts[s]}
            </Text>
            <StatusBadge status={s} size="sm" />
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function MeasureRow({ v, href, indented }: { v: MeasureValueDto; href: string; indented: boolean }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  return (
    <Table.Tr
      data-testid={`measure-row-${v.measure}`}
      onClick={(e) => {
        // the link itself navigates; a click elsewhere on the row does the same
        if (!(e.target as HTMLElement).closest('a')) void navigate(href);
      }}
      style={{ cursor: 'pointer' }}
    >
      <Table.Td>{indented ? '' : (v.indicatorNo ?? '')}</Table.Td>
      <Table.Td style={{ paddingLeft: indented ? 24 : undefined }}>
        <Anchor c={LINK} component={Link} to={href} size="sm" fw={500}>
          {v.name[lang]}
        </Anchor>
        <Text size="xs" c={MUTED}>
          {t(`direction_${v.direction}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text
          size="sm"
          fw={v.value === null ? 400 : 700}
          c={v.value === null ? MUTED : undefined}
          style={v.value === null ? undefined : { whiteSpace: 'nowrap' }}
          data-testid={`measure-value-${v.measure}`}
        >
          {formatValue(v.value, v.unit, lang, t('dashNoData'))}
        </Text>
        {v.expected !== null && (v.status === 'at_risk' || v.status === 'off_track') && (
          <Text size="xs" c={MUTED} style={{ whiteSpace: 'nowrap' }}>
            {t('dashExpected', { value: formatValue(v.expected, v.unit, lang, '') })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <TargetText target={v.target} unit={v.unit} change={v.change} />
      </Table.Td>
      <Table.Td>
        {v.nationalTarget ? (
          <Stack gap={2} align="flex-start">
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatTarget(v.nationalTarget, v.unit, lang)}
            </Text>
            {v.nationalStatus !== 'no_target' && v.nationalStatus !== 'no_data' && (
              <StatusBadge status={v.nationalStatus} size="sm" />
            )}
          </Stack>
        ) : (
          <Text size="sm" c={MUTED}>
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <StatusBadge status={v.status} testId={`status-${v.measure}`} />
      </Table.Td>
      <Table.Td>
        <CompletenessText v={v} />
      </Table.Td>
      <Table.Td>
        <TrendText v={v} />
      </Table.Td>
    </Table.Tr>
  );
}

function GoalTable({ goal, filter, query }: { goal: GoalGroup; filter: MeasureStatusDto | null; query: string }) {
  const { t } = useI18n();
  const indicators = goal.indicators
    .map((i) => ({ ...i, measures: filter ? i.measures.filter((m) => m.status === filter) : i.measures }))
    .filter((i) => i.measures.length > 0);
  if (indicators.length === 0) return null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={`${goal.key}-title`} data-testid={goal.key}>
      {goal.title && (
        <Title order={3} size="h4" id={`${goal.key}-title`} mb="xs">
          {goal.title}
        </Title>
      )}
      <Table.ScrollContainer minWidth={1100}>
        {/* fixed widths so the columns of the four goals' tables line up */}
        <Table verticalSpacing={6} highlightOnHover layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44}>#</Table.Th>
              <Table.Th>{t('dashColIndicator')}</Table.Th>
              <Table.Th w={110}>{t('dashColValue')}</Table.Th>
              <Table.Th w={160}>{t('dashColTarget')}</Table.Th>
              <Table.Th w={150}>{t('dashColNational')}</Table.Th>
              <Table.Th w={160}>{t('dashColStatus')}</Table.Th>
              <Table.Th w={170}>{t('dashColCompleteness')}</Table.Th>
              <Table.Th w={110}>{t('dashColTrend')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {indicators.flatMap((ind) => {
              const several = ind.measures.length > 1 && ind.name !== null;
              const rows = ind.measures.map((m) => (
                <MeasureRow
                  key={m.measure}
                  v={m}
                  href={`/indicators/measures/${encodeURIComponent(m.measure)}?${query}`}
                  indented={several}
                />
              ));
              return several
                ? [
                    <Table.Tr key={ind.code} data-testid={`indicator-row-${ind.code}`}>
                      <Table.Td fw={600}>{ind.no ?? ''}</Table.Td>
                      <Table.Td colSpan={7}>
                        <Text size="sm" fw={600}>
                          {ind.name}
                        </Text>
                      </Table.Td>
                    </Table.Tr>,
                    ...rows,
                  ]
                : rows;
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/**
 * What later modules show on the dashboard for the same unit and period (recognised communes,
 * children's opinions, complaints, cases): the shell passes it in, since this module comes before
 * them in the module order and may not import them.
 */
export type DashboardExtras = (props: { unit: UnitChoice; period: string }) => ReactNode;

/**
 * /indicators?unit=&period= — every indicator of a unit and period on one page: a status count,
 * then each goal's indicators with value, plan and national target, status, reporting and trend.
 */
export default function DashboardPage({ extras: Extras }: { extras?: DashboardExtras }) {
  const { t, lang } = useI18n();
  const { unit, period, setUnit, setPeriod, query } = useUnitPeriod();
  const values = useRead(valuesReads.values(unit.code, period));
  const catalogue = useRead(catalogueReads.catalogue());
  const [filter, setFilter] = useState<MeasureStatusDto | null>(null);

  // the reply of the unit and period asked, not the previous one while the new one loads
  const current = values.data && values.data.unit.code === unit.code && values.data.period === period ? values.data : null;
  const groups = useMemo(
    () =>
      current
        ? groupByGoal(
            current.values,
            catalogue.data,
            lang,
            (no, name) => `${t('dashGoal', { no })}${name ? `. ${name}` : ''}`,
            t('dashGoalOther'),
          )
        : [],
    [current, catalogue.data, lang, t],
  );

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} data-testid="dashboard-title">
            {t('dashTitle')}
          </Title>
          <Text size="sm" c={MUTED}>
            {current ? `${current.unit.name} · ${periodName(period, lang)}` : t('dashSubtitle')}
          </Text>
        </Stack>
        <ExcelLink href={excelLinks.chart({ view: 'overview', unit: unit.code, period })} testId="overview-excel" />
      </Group>
      <UnitPeriodPicker unit={unit} period={period} onUnit={setUnit} onPeriod={setPeriod} />
      {values.error && (
        <Alert color="red" role="alert">
          {t('dashLoadError', { message: values.error })}
        </Alert>
      )}
      {!current && !values.error && <Loader />}
      {current && (
        <>
          <SummaryStrip values={current.values} filter={filter} onFilter={setFilter} />
          {Extras && <Extras unit={unit} period={period} />}
          {filter && (
            <Group gap="xs">
              <Text size="sm">{t('dashFilterActive', { status: t(`status_${filter}`) })}</Text>
              <Anchor c={LINK} component="button" type="button" size="sm" onClick={() => setFilter(null)}>
                {t('dashFilterClear')}
              </Anchor>
            </Group>
          )}
          {catalogue.error && (
            <Alert color="gray" variant="light">
              {t('dashCatalogueMissing')}
            </Alert>
          )}
          {groups.map((g) => (
            <GoalTable key={g.key} goal={g} filter={filter} query={query} />
          ))}
          {filter && current.values.every((v) => v.status !== filter) && <Text c={MUTED}>{t('dashNothingInFilter')}</Text>}
          <StatusLegend />
        </>
      )}
    </Stack>
  );
}
