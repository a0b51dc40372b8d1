import {
  Alert,
  Anchor,
  Breadcrumbs,
  Group,
  Loader,
  Paper,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { MeasureUnit } from '@tre/core/indicators/catalogue-schema';
import { communesReport } from '@tre/core/indicators/data-sets';
import { indicatorsPermissions } from '@tre/core/indicators/permissions';
import type { MeasureValueDto, TrendReply } from '@tre/core/indicators/indicator-api';
import { periodType } from '@tre/core/periods/period';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { can } from '../../session/can.ts';
import { useSession } from '../../session/session.tsx';
import { UnitPeriodPicker } from '../UnitPeriodPicker.tsx';
import { catalogueReads } from '../catalogue/api.ts';
import { excelLinks } from '../excel/api.ts';
import { valuesReads } from '../values/api.ts';
import { rankingChart, trendChart, type RankingShow, type TrendType } from './chart-options.ts';
import { EChart } from './EChart.tsx';
import { formatCount, formatShare, formatTarget, formatValue, periodName } from '../../format/format.ts';
import { CompletenessText, ExcelLink, LINK, MUTED, TargetText, TrendText } from './MeasureParts.tsx';
import { StatusBadge, StatusLegend } from './StatusBadge.tsx';
import { unitPeriodQuery, useUnitPeriod } from './useUnitPeriod.ts';

const RANKING_LIMIT = 15;

const UNIT_SIGN_KEY = {
  '%': 'unitSign_percent',
  per1000: 'unitSign_per1000',
  per100000: 'unitSign_per100000',
} as const satisfies Record<MeasureUnit, string>;

function Section({
  title,
  actions,
  children,
  testId,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  const id = `${testId}-title`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Paper>
  );
}

/** The measure's figures for the unit and period: value, status, targets, reporting, trend. */
function Headline({ v, period }: { v: MeasureValueDto; period: string }) {
  const { t, lang } = useI18n();
  const noData = t('dashNoData');
  const item = (label: string, content: ReactNode) => (
    <Stack gap={4}>
      <Text size="xs" c={MUTED} tt="uppercase" fw={600}>
        {label}
      </Text>
      {content}
    </Stack>
  );
  return (
    <Paper withBorder p="md" data-testid="measure-headline">
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="md">
        {item(
          t('dashCurrentValue', { period: periodName(period, lang) }),
          <Text fz={28} fw={700} lh={1.1} c={v.value === null ? MUTED : undefined} data-testid={`measure-value-${v.measure}`}>
            {formatValue(v.value, v.unit, lang, noData)}
          </Text>,
        )}
        {item(t('dashColStatus'), <StatusBadge status={v.status} testId={`status-${v.measure}`} />)}
        {item(t('dashColTarget'), <TargetText target={v.target} unit={v.unit} change={v.change} />)}
        {item(
          t('dashColNational'),
          v.nationalTarget ? (
            <Stack gap={2} align="flex-start">
              <Text size="sm">{formatTarget(v.nationalTarget, v.unit, lang)}</Text>
              {v.nationalStatus !== 'no_target' && v.nationalStatus !== 'no_data' && (
                <StatusBadge status={v.nationalStatus} size="sm" />
              )}
            </Stack>
          ) : (
            <Text size="sm" c={MUTED}>
              —
            </Text>
          ),
        )}
        {item(t('dashColCompleteness'), <CompletenessText v={v} />)}
        {item(t('dashColTrend'), <TrendText v={v} />)}
      </SimpleGrid>
      {v.value !== null && v.numerator !== null && v.denominator !== null && (
        <Text size="xs" c={MUTED} mt="sm">
          {t('dashNumerator')}: {formatCount(v.numerator, lang)} · {t('dashDenominator')}: {formatCount(v.denominator, lang)}
          {v.expected !== null ? ` · ${t('dashExpected', { value: formatValue(v.expected, v.unit, lang, noData) })}` : ''}
        </Text>
      )}
    </Paper>
  );
}

function TrendSection({
  measure,
  v,
  unitCode,
  type,
  onType,
  nationalTargets,
}: {
  measure: string;
  v: MeasureValueDto;
  unitCode: string;
  type: TrendType;
  onType: (t: TrendType) => void;
  nationalTargets: { year: number; op: '<' | '<=' | '=' | '>=' | '>'; value: number }[];
}) {
  const { t, lang } = useI18n();
  const trend = useRead(valuesReads.trend(measure, unitCode, type));
  const data = trend.data && trend.data.unit.code === unitCode ? trend.data : null;
  const chart = useMemo(
    () => (data ? trendChart({ trend: data, type, unit: v.unit, lang, t, measureName: v.name[lang], nationalTargets }) : null),
    [data, type, v.unit, v.name, lang, t, nationalTargets],
  );
  const points = data ? data.points.filter((p) => periodType(p.period) === type) : [];
  const noData = t('dashNoData');
  const excel = excelLinks.chart({ view: 'trend', measure, unit: unitCode, type });
  return (
    <Section
      title={t('dashTrendSection')}
      testId="trend-section"
      actions={
        <>
          <SegmentedControl
            size="xs"
            value={type}
            onChange={(x) => onType(x)}
            data={[
              { value: 'year', label: t('dashByYear') },
              { value: 'half', label: t('dashByHalf') },
            ]}
          />
          <ExcelLink href={excel} testId="trend-excel" />
        </>
      }
    >
      {trend.error && <Alert color="red">{t('dashLoadError', { message: trend.error })}</Alert>}
      {!chart && !trend.error && <Loader size="sm" />}
      {chart && points.length === 0 && <Text c={MUTED}>{t('dashNoTrend')}</Text>}
      {chart && points.length > 0 && (
        <Stack>
          <EChart option={chart.option} ariaLabel={chart.summary} height={340} testId="trend-chart" />
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="trend-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashColPeriod')}</Table.Th>
                  <Table.Th ta="right">{t('dashColValue')}</Table.Th>
                  <Table.Th ta="right">{t('dashNumerator')}</Table.Th>
                  <Table.Th ta="right">{t('dashDenominator')}</Table.Th>
                  <Table.Th>{t('dashColTarget')}</Table.Th>
                  <Table.Th ta="right">{t('dashColUnits')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {points.map((p) => {
                  // with no unit reported the server's zero sums mean "nothing known", not zero
                  const known = p.unitsReported > 0;
                  return (
                    <Table.Tr key={p.period} data-testid={`trend-row-${p.period}`}>
                      <Table.Td>{periodName(p.period, lang)}</Table.Td>
                      <Table.Td ta="right" fw={p.value === null ? 400 : 600} c={p.value === null ? MUTED : undefined}>
                        {formatValue(p.value, v.unit, lang, noData)}
                      </Table.Td>
                      <Table.Td ta="right">{known && p.numerator !== null ? formatCount(p.numerator, lang) : '—'}</Table.Td>
                      <Table.Td ta="right">{known && p.denominator !== null ? formatCount(p.denominator, lang) : '—'}</Table.Td>
                      <Table.Td>{p.target ? formatTarget(p.target, v.unit, lang) : t('dashNoTarget')}</Table.Td>
                      <Table.Td ta="right">
                        {formatCount(p.unitsReported, lang)}/{formatCount(p.unitsExpected, lang)}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <CompletenessTable points={points} />
        </Stack>
      )}
    </Section>
  );
}

/** Units reported / expected for every period with figures. */
function CompletenessTable({ points }: { points: TrendReply['points'] }) {
  const { t, lang } = useI18n();
  return (
    <Stack gap={4}>
      <Title order={4} size="h5">
        {t('dashCompletenessSection')}
      </Title>
      <Table withTableBorder data-testid="completeness-table" maw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashColPeriod')}</Table.Th>
            <Table.Th ta="right">{t('dashColUnits')}</Table.Th>
            <Table.Th ta="right">%</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((p) => (
            <Table.Tr key={p.period}>
              <Table.Td>{periodName(p.period, lang)}</Table.Td>
              <Table.Td ta="right">
                {formatCount(p.unitsReported, lang)}/{formatCount(p.unitsExpected, lang)}
              </Table.Td>
              <Table.Td ta="right">{p.unitsExpected > 0 ? formatShare(p.unitsReported / p.unitsExpected, lang) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function RankingSection({
  measure,
  v,
  period,
  onDrill,
}: {
  measure: string;
  v: MeasureValueDto;
  period: string;
  onDrill: (commune: string) => void;
}) {
  const { t, lang } = useI18n();
  const [show, setShow] = useState<RankingShow>('worst');
  const ranking = useRead(valuesReads.ranking(measure, period));
  const data = ranking.data && ranking.data.period === period && ranking.data.measure === measure ? ranking.data : null;
  const label = periodName(period, lang);
  const chart = useMemo(
    () =>
      data
        ? rankingChart({
            ranking: data,
            unit: v.unit,
            lang,
            t,
            measureName: v.name[lang],
            periodLabel: label,
            show,
            limit: RANKING_LIMIT,
          })
        : null,
    [data, v.unit, v.name, lang, t, label, show],
  );
  const noData = t('dashNoData');
  const reportedCount = chart ? chart.ranked.filter((u) => u.rank !== null).length : 0;
  const missing = chart ? chart.ranked.filter((u) => u.numerator === null && u.denominator === null) : [];
  const excel = excelLinks.chart({ view: 'ranking', measure, period });
  return (
    <Section
      title={t('dashRankingSection', { period: label })}
      testId="ranking-section"
      actions={
        <>
          {reportedCount > RANKING_LIMIT && (
            <SegmentedControl
              size="xs"
              value={show}
              onChange={(x) => setShow(x)}
              data={[
                { value: 'worst', label: t('dashRankingShowWorst', { n: RANKING_LIMIT }) },
                { value: 'best', label: t('dashRankingShowBest', { n: RANKING_LIMIT }) },
                { value: 'all', label: t('dashRankingShowAll', { n: reportedCount }) },
              ]}
            />
          )}
          <ExcelLink href={excel} testId="ranking-excel" />
        </>
      }
    >
      {ranking.error && <Alert color="red">{t('dashLoadError', { message: ranking.error })}</Alert>}
      {!chart && !ranking.error && <Loader size="sm" />}
      {chart && (
        <Stack>
          {reportedCount === 0 ? (
            <Text c={MUTED}>{t('dashRankingNone')}</Text>
          ) : (
            <>
              <Text size="sm" c={MUTED}>
                {t('dashDrillHint')}
              </Text>
              <ScrollArea.Autosize mah={560}>
                <EChart
                  option={chart.option}
                  ariaLabel={chart.summary}
                  height={chart.height}
                  testId="ranking-chart"
                  onItemClick={({ dataIndex }) => {
                    const u = chart.shown[dataIndex];
                    if (u) onDrill(u.code);
                  }}
                />
              </ScrollArea.Autosize>
            </>
          )}
          <ScrollArea.Autosize mah={480}>
            <Table striped highlightOnHover stickyHeader data-testid="ranking-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={64}>{t('dashRank')}</Table.Th>
                  <Table.Th>{t('dashCommune')}</Table.Th>
                  <Table.Th ta="right">{t('dashColValue')}</Table.Th>
                  <Table.Th ta="right">{t('dashNumerator')}</Table.Th>
                  <Table.Th ta="right">{t('dashDenominator')}</Table.Th>
                  <Table.Th>{t('dashColStatus')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {chart.ranked.map((u) => {
                  const notReported = u.numerator === null && u.denominator === null;
                  return (
                    <Table.Tr
                      key={u.code}
                      data-testid={`ranking-row-${u.code}`}
                      onClick={(e) => {
                        if (!(e.target as HTMLElement).closest('a')) onDrill(u.code);
                      }}
                      style={{ cursor: 'pointer' }}
                    >
                      <Table.Td>{u.rank ?? '—'}</Table.Td>
                      <Table.Td>
                        <Anchor
                          c={LINK}
                          component={Link}
                          to={`/indicators/measures/${encodeURIComponent(measure)}?${unitPeriodQuery(u.code, period)}`}
                          size="sm"
                        >
                          {u.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ta="right" fw={u.value === null ? 400 : 600} c={u.value === null ? MUTED : undefined}>
                        {notReported ? t('dashNotReported') : formatValue(u.value, v.unit, lang, noData)}
                      </Table.Td>
                      <Table.Td ta="right">{u.numerator !== null ? formatCount(u.numerator, lang) : '—'}</Table.Td>
                      <Table.Td ta="right">{u.denominator !== null ? formatCount(u.denominator, lang) : '—'}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={u.status} size="sm" />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          <Stack gap={4} data-testid="missing-communes">
            <Title order={4} size="h5">
              {missing.length > 0
                ? t('dashMissingCommunes', { period: label, n: missing.length })
                : t('dashAllReported', { period: label })}
            </Title>
            {missing.length > 0 && <Text size="sm">{missing.map((u) => u.name).join(', ')}</Text>}
          </Stack>
        </Stack>
      )}
    </Section>
  );
}

/**
 * /indicators/measures/:measure?unit=&period= — one measure of one unit: its trend against the
 * plan's target line, and for the province the communes ranked (a click drills down to one) and
 * who has not reported.
 */
export default function IndicatorPage() {
  const { measure = '' } = useParams();
  const { t, lang } = useI18n();
  const { unit, period, provinceCode, setUnit, setPeriod, query } = useUnitPeriod();
  const values = useRead(valuesReads.values(unit.code, period));
  const catalogue = useRead(catalogueReads.catalogue());
  const [typeChoice, setTypeChoice] = useState<TrendType | null>(null);
  const type: TrendType = typeChoice ?? (periodType(period) === 'half' ? 'half' : 'year');

  const current = values.data && values.data.unit.code === unit.code && values.data.period === period ? values.data : null;
  const v = current?.values.find((x) => x.measure === measure) ?? null;
  const indicator = catalogue.data?.indicators.find((i) => i.measures.some((m) => m.code === measure));
  const def = indicator?.measures.find((m) => m.code === measure);
  const nationalTargets = useMemo(
    () => (def ? def.nationalTargets.map((n) => ({ year: n.year, op: n.op, value: n.value })) : []),
    [def],
  );
  // every commune's figures side by side: only for those who read any unit's (core indicators/permissions.ts)
  const mayRank = can(useSession().user, indicatorsPermissions, 'ranking.read');
  // a measure only the province or a department reports has nothing to rank by commune
  const rankable = def ? communesReport(def) : v?.source !== 'province' && v?.source !== 'agency';

  const drill = (code: string) => {
    setUnit(code);
    window.scrollTo({ top: 0 });
  };
  const to = (unitCode: string) => `/indicators/measures/${encodeURIComponent(measure)}?${unitPeriodQuery(unitCode, period)}`;
  const name = v?.name[lang] ?? def?.name[lang] ?? measure;
  const direction = v?.direction ?? def?.direction;
  const measureUnit = v?.unit ?? def?.unit;

  return (
    <Stack>
      <Breadcrumbs separator="›" data-testid="breadcrumb">
        <Anchor c={LINK} component={Link} to={`/indicators?${query}`} size="sm">
          {t('dashBackToOverview')}
        </Anchor>
        {unit.kind === 'province' ? (
          <Text size="sm" fw={600} aria-current="page">
            {t('dashProvinceWide')}
          </Text>
        ) : (
          <Anchor c={LINK} component={Link} to={to(provinceCode)} size="sm">
            {t('dashProvinceWide')}
          </Anchor>
        )}
        {unit.kind !== 'province' && (
          <Text size="sm" fw={600} aria-current="page">
            {current?.unit.name ?? unit.code}
          </Text>
        )}
      </Breadcrumbs>
      <Stack gap={2}>
        <Title order={2} data-testid="measure-title">
          {name}
        </Title>
        <Text size="sm" c={MUTED}>
          {[
            indicator?.no != null || v?.indicatorNo != null
              ? t('dashIndicatorNo', { no: indicator?.no ?? v?.indicatorNo ?? '' })
              : null,
            indicator && indicator.measures.length > 1 ? indicator.name[lang] : null,
            direction ? t(`direction_${direction}`) : null,
            measureUnit ? t(UNIT_SIGN_KEY[measureUnit]) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
      <UnitPeriodPicker unit={unit} period={period} onUnit={setUnit} onPeriod={setPeriod} />
      {values.error && (
        <Alert color="red" role="alert">
          {t('dashLoadError', { message: values.error })}
        </Alert>
      )}
      {!current && !values.error && <Loader />}
      {current && !v && <Alert color="gray">{t('dashMeasureNotFound', { measure })}</Alert>}
      {current && v && (
        <>
          <Headline v={v} period={period} />
          <TrendSection
            measure={measure}
            v={v}
            unitCode={unit.code}
            type={type}
            onType={setTypeChoice}
            nationalTargets={nationalTargets}
          />
          {unit.kind === 'province' &&
            mayRank &&
            (rankable ? (
              <RankingSection measure={measure} v={v} period={period} onDrill={drill} />
            ) : (
              <Section title={t('dashRankingSection', { period: periodName(period, lang) })} testId="ranking-section">
                <Text c={MUTED}>{t('dashRankingOnlyProvince')}</Text>
              </Section>
            ))}
          <StatusLegend />
        </>
      )}
    </Stack>
  );
}
