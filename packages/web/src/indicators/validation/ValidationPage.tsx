import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import type { ValidationRunReply, ValidationViolationDto } from '@tre/core/indicators/indicator-api';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../session/session.tsx';
import { errorMessage } from '../../api/client.ts';
import type { SessionUser } from '../../api/types.ts';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LINK, MUTED } from '../dashboard/MeasureParts.tsx';
import { periodName } from '../../format/format.ts';
import { canEnterData, periodOr } from '../entry/access.ts';
import { PeriodSelect, defaultPeriod } from '../UnitPeriodPicker.tsx';
import { catalogueReads } from '../catalogue/api.ts';
import { validationApi } from './api.ts';
import {
  FINDING_KINDS,
  NO_FILTER,
  entryHref,
  canRunValidation,
  groupByUnit,
  isFiltered,
  kindOf,
  ruleCounts,
  summarize,
  type FindingKind,
  type UnitGroup,
  type ValidationFilter,
} from './validationView.ts';
import { indicatorsPermissions } from '@tre/core';
import { scopeFor } from '../../session/can.ts';

/** Units shown at first, and added by each "show more": a province has up to a few hundred communes. */
const PAGE = 30;
/** Missing figures named at first in a unit (a commune that reported a little misses most of its data set). */
const MISSING_SHOWN = 12;

const KIND_COLOR: Record<FindingKind, string> = { error: 'red', missing: 'red', review: 'orange' };

/** `/indicators/validation?period=2025`: the checks of every unit's figures for one period, by unit. */
export default function ValidationPage() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  if (!canRunValidation(user)) {
    return (
      <Stack maw={720}>
        <Title order={2}>{t('validationTitle')}</Title>
        <Alert color="gray">{t('validationNoAccess')}</Alert>
      </Stack>
    );
  }
  return <ValidationScreen user={user} />;
}

interface Names {
  /** "name (CODE)" */
  element: (code: string) => string;
  /** the name alone, else the code */
  elementName: (code: string) => string;
  measure: (code: string) => string | null;
}

/** The catalogue's names of elements and measures, for findings that name them by code. */
function useCatalogueNames(): Names {
  const { lang } = useI18n();
  const catalogue = useRead(catalogueReads.catalogue());
  return useMemo<Names>(() => {
    const elements = new Map(catalogue.data?.dataElements.map((e) => [e.code, e.name[lang]]));
    const measures = new Map(catalogue.data?.indicators.flatMap((i) => i.measures.map((m) => [m.code, m.name[lang]] as const)));
    return {
      element: (code) => {
        const name = elements.get(code);
        return name ? `${name} (${code})` : code;
      },
      elementName: (code) => elements.get(code) ?? code,
      measure: (code) => measures.get(code) ?? null,
    };
  }, [catalogue.data, lang]);
}

/** Runs the checks of one period; `onResult` follows each new result (the list starts again at its first page). */
function useValidationRun(period: string, onResult: () => void) {
  const [result, setResult] = useState<ValidationRunReply | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const reply = await validationApi.run(period);
      setResult(reply);
      onResult();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setRunning(false);
    }
  };
  return { result, running, error, run };
}

/**
 * What of a result is shown: the filter, and how many units. A change of filter starts again at the
 * first page; the filter outlives a change of period (the same question, asked of another period).
 */
function useFindingsView() {
  const [filter, setFilter] = useState<ValidationFilter>(NO_FILTER);
  const [shown, setShown] = useState(PAGE);
  const firstPage = useCallback(() => setShown(PAGE), []);
  const refilter = (change: (f: ValidationFilter) => ValidationFilter) => {
    setFilter(change);
    setShown(PAGE);
  };
  return {
    filter,
    shown,
    refilter,
    firstPage,
    setKind: (kind: FindingKind | null) => refilter((f) => ({ ...f, kind })),
    clear: () => setFilter(NO_FILTER),
    showMore: () => setShown((n) => n + PAGE),
  };
}
type FindingsView = ReturnType<typeof useFindingsView>;

function ValidationScreen({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const period = periodOr(params.get('period'), defaultPeriod());
  const names = useCatalogueNames();
  const view = useFindingsView();
  const { result, running, error, run } = useValidationRun(period, view.firstPage);

  // a result is shown only for the period it was run on
  const current = result?.period === period ? result : null;
  const provinceWide = scopeFor(user, indicatorsPermissions, 'values.read') === 'province';
  const periodText = periodName(period, lang);

  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('validationTitle')}</Title>
      <Text size="sm" c={MUTED} maw={820}>
        {t('validationIntro')}
      </Text>
      {!provinceWide && (
        <Alert color="blue" variant="light">
          {t('validationOwnUnit')}
        </Alert>
      )}
      <Group align="flex-end">
        <PeriodSelect value={period} onChange={(p) => setParams(new URLSearchParams({ period: p }))} />
        <Button onClick={() => void run()} loading={running} data-testid="validation-run">
          {t('validationRun')}
        </Button>
      </Group>

      {error && (
        <Alert color="red" role="alert">
          {t('validationFailed', { message: error })}
        </Alert>
      )}
      {!current && !running && !error && (
        <Text size="sm" c={MUTED}>
          {t('validationRunHint', { period: periodText })}
        </Text>
      )}

      {current && <Findings result={current} user={user} names={names} view={view} periodText={periodText} />}
    </Stack>
  );
}

/** One run's findings: the summary, the filters, and the units with what was found in each. */
function Findings({
  result,
  user,
  names,
  view,
  periodText,
}: {
  result: ValidationRunReply;
  user: SessionUser;
  names: Names;
  view: FindingsView;
  periodText: string;
}) {
  const { t } = useI18n();
  const { filter, shown } = view;
  const summary = useMemo(() => summarize(result.violations), [result]);
  const rules = useMemo(() => ruleCounts(result.violations), [result]);
  const groups = useMemo(
    () => groupByUnit(result.violations, result.units, filter, user.provinceCode),
    [result, filter, user.provinceCode],
  );
  const itemsShown = groups.reduce((n, g) => n + g.items.length + g.missing.length, 0);
  const any = result.violations.length > 0;

  return (
    <>
      <SummaryPanel summary={summary} any={any} kind={filter.kind} onKind={view.setKind} periodText={periodText} />
      {any && <FindingFilters rules={rules} view={view} />}
      {any && (
        <Group gap="sm">
          <Text size="sm" c={MUTED} aria-live="polite">
            {t('validationShowing', { units: groups.length, items: itemsShown })}
          </Text>
          {isFiltered(filter) && (
            <Anchor component="button" type="button" size="sm" c={LINK} onClick={view.clear}>
              {t('validationClearFilters')}
            </Anchor>
          )}
        </Group>
      )}
      {any && groups.length === 0 && <Alert color="gray">{t('validationNothingInFilter')}</Alert>}

      {groups.slice(0, shown).map((g) => (
        <UnitFindings key={g.unit.code} group={g} period={result.period} names={names} canOpen={canEnterData(user)} />
      ))}
      {groups.length > shown && (
        <Button variant="default" onClick={view.showMore} style={{ alignSelf: 'flex-start' }}>
          {t('validationShowMore', { n: Math.min(PAGE, groups.length - shown) })}
        </Button>
      )}
    </>
  );
}

/** How many findings of each kind and how many units have any; a kind's tile filters the list to it. */
function SummaryPanel({
  summary,
  any,
  kind,
  onKind,
  periodText,
}: {
  summary: ReturnType<typeof summarize>;
  any: boolean;
  kind: FindingKind | null;
  onKind: (kind: FindingKind | null) => void;
  periodText: string;
}) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="validation-summary-title" data-testid="validation-summary">
      <Group justify="space-between" mb="xs">
        <Text id="validation-summary-title" fw={600}>
          {t('validationResultOf', { period: periodText })}
        </Text>
        {any && (
          <Text size="xs" c={MUTED}>
            {t('validationSummaryHint')}
          </Text>
        )}
      </Group>
      {!any ? (
        <Alert color="teal" variant="light" data-testid="validation-none">
          {t('validationNone', { period: periodText })}
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          {FINDING_KINDS.map((k) => (
            <UnstyledButton
              key={k}
              onClick={() => onKind(kind === k ? null : k)}
              aria-pressed={kind === k}
              data-testid={`validation-summary-${k}`}
              style={{
                border: kind === k ? '2px solid #1f2933' : '1px solid #ced4da',
                borderRadius: 6,
                padding: '6px 10px',
                background: kind === k ? '#f1f3f5' : undefined,
              }}
            >
              <Text fz={26} fw={700} lh={1.2} c={summary[k] > 0 ? `${KIND_COLOR[k]}.9` : undefined}>
                {summary[k]}
              </Text>
              <Text size="sm" fw={500}>
                {t(`validationKind_${k}`)}
              </Text>
              <Text size="xs" c={MUTED}>
                {t(`validationKindHelp_${k}`)}
              </Text>
            </UnstyledButton>
          ))}
          <div style={{ border: '1px solid #ced4da', borderRadius: 6, padding: '6px 10px' }}>
            <Text fz={26} fw={700} lh={1.2} data-testid="validation-summary-units">
              {summary.units}
            </Text>
            <Text size="sm" fw={500}>
              {t('validationUnits')}
            </Text>
            <Text size="xs" c={MUTED}>
              {t('validationUnitsHelp')}
            </Text>
          </div>
        </SimpleGrid>
      )}
      <Text size="xs" c={MUTED} mt="xs">
        {t('validationNoneNote')}
      </Text>
    </Paper>
  );
}

/** Narrows the findings by kind, by rule (with how many each has) and by a unit's or element's name. */
function FindingFilters({ rules, view }: { rules: ReturnType<typeof ruleCounts>; view: FindingsView }) {
  const { t } = useI18n();
  const { filter, refilter } = view;
  return (
    <Group align="flex-end" gap="md">
      <SegmentedControl
        value={filter.kind ?? 'all'}
        onChange={(v) => view.setKind(v === 'all' ? null : v)}
        data={[
          { value: 'all', label: t('validationFilterAll') },
          ...FINDING_KINDS.map((k) => ({ value: k, label: t(`validationKind_${k}`) })),
        ]}
        data-testid="validation-filter-kind"
      />
      <Select
        label={t('validationFilterRule')}
        placeholder={t('validationFilterRuleAll')}
        data={rules.map((r) => ({
          value: r.rule,
          label: t('validationRuleOption', { label: t(`validationRule_${r.rule}`), n: r.n }),
        }))}
        value={filter.rule}
        onChange={(v) => refilter((f) => ({ ...f, rule: rules.find((r) => r.rule === v)?.rule ?? null }))}
        clearable
        w={320}
        data-testid="validation-filter-rule"
      />
      <TextInput
        label={t('validationSearch')}
        placeholder={t('validationSearchPlaceholder')}
        value={filter.search}
        onChange={(e) => {
          const search = e.currentTarget.value;
          refilter((f) => ({ ...f, search }));
        }}
        w={300}
        data-testid="validation-search"
      />
    </Group>
  );
}

function UnitFindings({ group, period, names, canOpen }: { group: UnitGroup; period: string; names: Names; canOpen: boolean }) {
  const { t } = useI18n();
  const { unit, counts, items, missing } = group;
  const [allMissing, setAllMissing] = useState(false);
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby={`validation-unit-${unit.code}-title`}
      data-testid={`validation-unit-${unit.code}`}
    >
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Group gap="xs">
            <Title order={3} size="h5" id={`validation-unit-${unit.code}-title`}>
              {unit.name}
            </Title>
            <Badge variant="light" color="gray" size="sm">
              {t(`validationUnitKind_${unit.kind}`)}
            </Badge>
            {unit.kind === 'commune' && (
              <Text size="xs" c={MUTED}>
                {unit.code}
              </Text>
            )}
          </Group>
          <Text size="xs" c={MUTED}>
            {t('validationUnitCounts', { ...counts })}
          </Text>
        </div>
        {canOpen && (
          <Anchor component={Link} to={entryHref(unit.code, period)} size="sm" c={LINK} data-testid="validation-open-entry">
            {t('validationOpenEntry')}
          </Anchor>
        )}
      </Group>
      <Stack gap={6}>
        {items.map((v, i) => (
          <FindingItem key={i} v={v} names={names} />
        ))}
        {missing.length > 0 && (
          <div>
            <Text size="sm" fw={500} c="red.9">
              {t('validationMissingList', { n: missing.length })}
            </Text>
            <Group gap={4} mt={4}>
              {(allMissing ? missing : missing.slice(0, MISSING_SHOWN)).map((v, i) => (
                <Badge
                  key={i}
                  variant="outline"
                  color="red"
                  tt="none"
                  fw={400}
                  title={v.elements.join(', ')}
                  data-testid="validation-item"
                  data-rule={v.rule}
                  data-kind="missing"
                >
                  {v.elements.map(names.elementName).join(', ')}
                </Badge>
              ))}
              {missing.length > MISSING_SHOWN && (
                <Anchor component="button" type="button" size="xs" c={LINK} onClick={() => setAllMissing((a) => !a)}>
                  {allMissing ? t('validationMissingFewer') : t('validationMissingMore', { n: missing.length - MISSING_SHOWN })}
                </Anchor>
              )}
            </Group>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

function FindingItem({ v, names }: { v: ValidationViolationDto; names: Names }) {
  const { t, lang } = useI18n();
  const kind = kindOf(v);
  const measure = v.measure ? (names.measure(v.measure) ?? v.measure) : null;
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" data-testid="validation-item" data-rule={v.rule} data-kind={kind}>
      <Badge
        color={KIND_COLOR[kind]}
        variant={kind === 'review' ? 'light' : 'filled'}
        size="sm"
        miw={96}
        style={{ flexShrink: 0 }}
      >
        {t(`validationBadge_${kind}`)}
      </Badge>
      <div>
        <Text size="sm">
          <Text span fw={500}>
            {t(`validationRule_${v.rule}`)}
          </Text>
          {': '}
          {v.message[lang]}
        </Text>
        {measure && (
          <Text size="xs" c={MUTED}>
            {t('validationMeasure', { name: measure })}
          </Text>
        )}
        {v.elements.length > 0 && (
          <Text size="xs" c={MUTED}>
            {t('validationElements', { list: v.elements.map(names.element).join(', ') })}
          </Text>
        )}
      </div>
    </Group>
  );
}
