import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import type { EntryFormDto, SaveValuesReply, SaveValuesRequest } from '@tre/core/indicators/indicator-api';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../session/session.tsx';
import { ApiError, errorMessage } from '../../api/client.ts';
import type { SessionUser } from '../../api/types.ts';
import { fetchRead, useRead, type Read } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitPeriodPicker, defaultPeriod, type UnitChoice } from '../UnitPeriodPicker.tsx';
import { catalogueReads } from '../catalogue/api.ts';
import { excelLinks } from '../excel/api.ts';
import { validationApi } from '../validation/api.ts';
import { canEnterData, entryKinds, entryUnit, periodOr } from './access.ts';
import { entryApi, entryReads } from './api.ts';
import { ElementRow, type RowAction } from './ElementRow.tsx';
import {
  cellOfError,
  cellsOf,
  changedValues,
  findingsByElement,
  findingsFor,
  groupElements,
  partCombos,
  markUnreadable,
  setCell,
  unreadableCount,
  type Cells,
  type Findings,
  type SaveValue,
  type Unreadable,
  type Violation,
} from './entryState.ts';
import { FindingsPanel } from './FindingsPanel.tsx';
import { useLeaveGuard } from './useLeaveGuard.ts';

/** `/indicators/entry?unit&period&dataSet`: the figures of one unit and period, entered by hand. */
export default function EntryPage() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  if (!canEnterData(user)) {
    return (
      <Stack maw={720}>
        <Title order={2}>{t('entryTitle')}</Title>
        <Alert color="gray">{t('entryNoAccess')}</Alert>
      </Stack>
    );
  }
  return <EntryScreen user={user} />;
}

interface State {
  /** the form these cells were read from (a new one resets them) */
  source: EntryFormDto | null;
  original: Cells;
  current: Cells;
  /** server errors: element → disaggregation key → message */
  errors: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** boxes holding text that is not a count (nothing is saved while there is one) */
  unreadable: Unreadable;
}

type Action = RowAction | { type: 'reset'; form: EntryFormDto } | { type: 'saved' } | { type: 'errors'; errors: State['errors'] };

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'reset': {
      const cells = cellsOf(action.form);
      return { source: action.form, original: cells, current: cells, errors: {}, unreadable: {} };
    }
    case 'set': {
      const current = setCell(state.current, action.element, action.key, action.value);
      const unreadable = markUnreadable(state.unreadable, action.element, action.key, null);
      const mine = state.errors[action.element];
      if (!mine?.[action.key]) return { ...state, current, unreadable };
      const { [action.key]: _gone, ...rest } = mine;
      return { ...state, current, unreadable, errors: { ...state.errors, [action.element]: rest } };
    }
    case 'unreadable':
      return { ...state, unreadable: markUnreadable(state.unreadable, action.element, action.key, action.text) };
    case 'saved':
      return { ...state, original: state.current, errors: {} };
    case 'errors':
      return { ...state, errors: action.errors };
  }
}

const INITIAL: State = { source: null, original: {}, current: {}, errors: {}, unreadable: {} };

/**
 * GETs the entry form whenever its URL changes; `reload()` resolves once the stored form is back,
 * so what follows a save (the counts) appears together with it.
 */
function useEntryForm(form: Read<EntryFormDto>) {
  const { url } = form;
  const [data, setData] = useState<EntryFormDto | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(url);
  useEffect(() => {
    latest.current = url;
    let live = true;
    setError(null);
    fetchRead<EntryFormDto>({ url })
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [url]);
  const reload = useCallback(async () => {
    const d = await fetchRead<EntryFormDto>({ url });
    if (latest.current === url) setData(d);
  }, [url]);
  return { data, error, reload };
}

type Pending = { kind: 'go'; unit: string; period: string } | { kind: 'link'; to: string };

function EntryScreen({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unit = entryUnit(user, params.get('unit'));
  const period = periodOr(params.get('period'), defaultPeriod());
  const dataSet = unit.kind;
  const query = new URLSearchParams({ unit: unit.code, period, dataSet });
  // the URL always names what is shown, so it can be bookmarked or sent
  const wanted = query.toString();
  useEffect(() => {
    if (params.toString() !== wanted) setParams(new URLSearchParams(wanted), { replace: true });
  }, [params, wanted, setParams]);

  const form = useEntryForm(entryReads.form({ unit: unit.code, period, dataSet }));
  const catalogue = useRead(catalogueReads.catalogue());
  const [state, dispatch] = useReducer(reducer, INITIAL);
  const fresh = form.data && form.data.unit.code === unit.code && form.data.period === period ? form.data : null;
  if (fresh && fresh !== state.source) dispatch({ type: 'reset', form: fresh });
  const shown = fresh && fresh === state.source ? fresh : null;

  const { original, current } = state;
  const changes = useMemo(() => changedValues(original, current), [original, current]);
  const unreadable = unreadableCount(state.unreadable);
  // text typed in a box is a change too, even when it could not be read: leaving loses it
  const dirty = changes.length > 0 || unreadable > 0;
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ key: string; reply: SaveValuesReply } | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ key: string; findings: Findings } | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const findingsRef = useRef<HTMLDivElement>(null);
  const here = `${unit.code}|${period}`;

  const onLink = useCallback((to: string) => setPending({ kind: 'link', to }), []);
  useLeaveGuard(dirty, onLink);

  const go = (next: { unit: string; period: string }) => {
    if (dirty) setPending({ kind: 'go', ...next });
    else setParams(new URLSearchParams({ ...next, dataSet: entryUnit(user, next.unit).kind }));
  };
  const discardAndGo = () => {
    const p = pending;
    setPending(null);
    if (!p) return;
    if (state.source) dispatch({ type: 'reset', form: state.source });
    if (p.kind === 'link') void navigate(p.to);
    else setParams(new URLSearchParams({ unit: p.unit, period: p.period, dataSet: entryUnit(user, p.unit).kind }));
  };

  const runCheck = async () => {
    setChecking(true);
    setCheckError(null);
    try {
      // only this unit's findings: a run over the whole province is the validation page's
      const reply = await validationApi.run(period, unit.code);
      setChecked({ key: here, findings: findingsFor(reply.violations, unit.code) });
      findingsRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    } catch (err) {
      setCheckError(errorMessage(err));
    } finally {
      setChecking(false);
    }
  };

  const save = async () => {
    const sent: SaveValue[] = changes;
    // a box that could not be read would otherwise be saved as the figure it held before
    if (sent.length === 0 || unreadable > 0) return;
    setSaving(true);
    setSaveError(null);
    setResult(null);
    try {
      const body: SaveValuesRequest = { unit: unit.code, period, values: sent };
      const reply = await entryApi.save(body);
      dispatch({ type: 'saved' });
      // the counts are shown with the form as stored now (who entered each figure, and when)
      await form.reload().catch(() => undefined);
      setResult({ key: here, reply });
      await runCheck();
    } catch (err) {
      const cell = err instanceof ApiError ? cellOfError(err.field, sent) : null;
      if (cell && err instanceof ApiError) {
        dispatch({ type: 'errors', errors: { [cell.element]: { [cell.key]: err.message } } });
        setSaveError(t('entrySaveFailedField'));
      } else {
        setSaveError(t('entrySaveFailed', { message: errorMessage(err) }));
      }
    } finally {
      setSaving(false);
    }
  };

  const groups = useMemo(() => groupElements(shown?.elements ?? [], catalogue.data?.indicators), [shown, catalogue.data]);
  const combos = useMemo(() => {
    const out = new Map<string, ReturnType<typeof partCombos>>();
    for (const e of shown?.elements ?? []) out.set(e.code, partCombos(e.categories, catalogue.data?.categories));
    return out;
  }, [shown, catalogue.data]);
  const findings = checked?.key === here ? checked.findings : null;
  const byElement = useMemo(() => (findings ? findingsByElement(findings) : new Map<string, Violation[]>()), [findings]);
  const nameOf = useCallback((code: string) => shown?.elements.find((e) => e.code === code)?.name[lang] ?? null, [shown, lang]);

  return (
    <Stack gap="md" pb={80}>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('entryTitle')}</Title>
        <Group gap="md">
          <Anchor href={excelLinks.template({ period, dataSet, unit: unit.code })} download data-testid="entry-template">
            {t('entryDownloadTemplate')}
          </Anchor>
          <Anchor component={Link} to="/indicators/import">
            {t('entryImportFile')}
          </Anchor>
        </Group>
      </Group>
      <UnitPeriodPicker
        unit={unit}
        period={period}
        kinds={entryKinds(user)}
        onUnit={(u: UnitChoice) => go({ unit: u.code, period })}
        onPeriod={(p) => go({ unit: unit.code, period: p })}
      />
      <Text size="sm" c="dimmed" maw={820}>
        {t('entryIntro')}
      </Text>

      {form.error && (
        <Alert color="red" role="alert">
          {form.error}
        </Alert>
      )}
      {!shown && !form.error && <Loader />}

      {shown && (
        <>
          <Group gap="xs">
            <Badge variant="light">{t(`entryDataSet_${shown.dataSet}`)}</Badge>
            <Text size="sm" fw={500}>
              {shown.unit.name}
            </Text>
            <Text size="sm" c="dimmed">
              · {t('entryElementCount', { n: shown.elements.length })}
            </Text>
          </Group>

          <div ref={findingsRef}>
            {checkError && (
              <Alert color="red" role="alert">
                {t('entryFindingsFailed', { message: checkError })}
              </Alert>
            )}
            {findings && <FindingsPanel findings={findings} period={period} nameOf={nameOf} />}
          </div>

          {shown.elements.length === 0 && <Alert color="gray">{t('entryNoElements')}</Alert>}
          {groups.map((g) => (
            <Stack key={g.indicator?.code ?? g.kind} gap={4}>
              <Title order={4}>
                {g.kind === 'common'
                  ? t('entryGroupCommon')
                  : g.kind === 'other' || !g.indicator
                    ? t('entryGroupOther')
                    : g.indicator.no === null
                      ? g.indicator.name[lang]
                      : t('entryGroupIndicator', { no: g.indicator.no, name: g.indicator.name[lang] })}
              </Title>
              <Paper withBorder>
                {g.elements.map((e) => (
                  <ElementRow
                    key={e.code}
                    element={e}
                    row={state.current[e.code]}
                    original={state.original[e.code]}
                    combos={combos.get(e.code) ?? null}
                    errors={state.errors[e.code]}
                    unreadable={state.unreadable[e.code]}
                    findings={byElement.get(e.code)}
                    disabled={saving}
                    dispatch={dispatch}
                  />
                ))}
              </Paper>
            </Stack>
          ))}
        </>
      )}

      {shown && (
        <Paper withBorder shadow="sm" p="sm" style={{ position: 'sticky', bottom: 0, zIndex: 5 }} aria-live="polite">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Group gap="sm">
              <Button
                onClick={() => void save()}
                loading={saving}
                disabled={changes.length === 0 || unreadable > 0}
                data-testid="entry-save"
              >
                {t('save')}
              </Button>
              <Button variant="default" onClick={() => void runCheck()} loading={checking} disabled={saving}>
                {t('entryCheck')}
              </Button>
              <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'}>
                {dirty ? t('entryUnsavedCount', { n: changes.length }) : t('entryNoChanges')}
              </Text>
              {unreadable > 0 && (
                <Text size="sm" c="red" data-testid="entry-unreadable">
                  {t('entryUnreadableCount', { n: unreadable })}
                </Text>
              )}
            </Group>
            {result?.key === here && !saveError && (
              <Text size="sm" c="teal.8" data-testid="entry-result">
                {t('entrySavedCounts', { ...result.reply })}
              </Text>
            )}
          </Group>
          {saveError && (
            <Alert color="red" mt="xs" role="alert" data-testid="entry-error">
              {saveError}
            </Alert>
          )}
        </Paper>
      )}

      <Modal opened={pending !== null} onClose={() => setPending(null)} title={t('entryUnsavedTitle')}>
        <Stack>
          <Text size="sm">{t('entryUnsavedText', { n: changes.length })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)} data-testid="entry-stay">
              {t('entryStay')}
            </Button>
            <Button color="red" onClick={discardAndGo} data-testid="entry-discard">
              {t('entryDiscard')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
