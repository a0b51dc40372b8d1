import type { EntryFormDto, SaveValuesReply, SaveValuesRequest } from '@tre/core/indicators/indicator-api';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type Dispatch } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/client.ts';
import type { SessionUser } from '../../api/types.ts';
import { fetchRead, type Read } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { defaultPeriod, type UnitChoice } from '../UnitPeriodPicker.tsx';
import { validationApi } from '../validation/api.ts';
import { entryUnit, periodOr } from './access.ts';
import { entryApi } from './api.ts';
import type { RowAction } from './ElementRow.tsx';
import {
  cellOfError,
  cellsOf,
  changedValues,
  findingsFor,
  markUnreadable,
  setCell,
  unreadableCount,
  type Cells,
  type Findings,
  type SaveValue,
  type Unreadable,
} from './entryState.ts';
import { BACK, goBackPastGuard, useLeaveGuard, type LeaveTarget } from '../../ui/useLeaveGuard.ts';

/** The entry screen's hooks, one concern each: what is shown, the edits, the check, the save, leaving. */

export interface EntryState {
  /** the form these cells were read from (a new one resets them) */
  source: EntryFormDto | null;
  original: Cells;
  current: Cells;
  /** server errors: element → disaggregation key → message */
  errors: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** boxes holding text that is not a count (nothing is saved while there is one) */
  unreadable: Unreadable;
}

type Action =
  RowAction | { type: 'reset'; form: EntryFormDto } | { type: 'saved' } | { type: 'errors'; errors: EntryState['errors'] };

function reducer(state: EntryState, action: Action): EntryState {
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

const INITIAL: EntryState = { source: null, original: {}, current: {}, errors: {}, unreadable: {} };

/** Where to go: another unit or period, taken from the picker. */
export interface Target {
  unit: string;
  period: string;
}

/**
 * The unit and period shown, from the URL; the URL always names what is shown, so it can be
 * bookmarked or sent. `open` goes to another one (its data set follows the unit).
 */
export function useEntryTarget(user: SessionUser) {
  const [params, setParams] = useSearchParams();
  const unit = entryUnit(user, params.get('unit'));
  const period = periodOr(params.get('period'), defaultPeriod());
  const dataSet = unit.kind;
  const wanted = new URLSearchParams({ unit: unit.code, period, dataSet }).toString();
  useEffect(() => {
    if (params.toString() !== wanted) setParams(new URLSearchParams(wanted), { replace: true });
  }, [params, wanted, setParams]);
  const open = (next: Target) => setParams(new URLSearchParams({ ...next, dataSet: entryUnit(user, next.unit).kind }));
  return { unit, period, dataSet, open };
}

/**
 * GETs the entry form whenever its URL changes; `reload()` resolves once the stored form is back,
 * so what follows a save (the counts) appears together with it. Keyed by the read's URL: the read
 * itself is a new object on every render.
 */
export function useEntryForm(form: Read<EntryFormDto>) {
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

/**
 * The figures as stored and as edited. A form read for the unit and period shown resets them;
 * `shown` is that form once the cells hold it (never the previous unit's while the next loads).
 */
export function useEntryCells(form: EntryFormDto | undefined, unit: UnitChoice, period: string) {
  const [state, dispatch] = useReducer(reducer, INITIAL);
  const fresh = form && form.unit.code === unit.code && form.period === period ? form : null;
  if (fresh && fresh !== state.source) dispatch({ type: 'reset', form: fresh });
  const shown = fresh && fresh === state.source ? fresh : null;

  const { original, current } = state;
  const changes = useMemo(() => changedValues(original, current), [original, current]);
  const unreadable = unreadableCount(state.unreadable);
  // text typed in a box is a change too, even when it could not be read: leaving loses it
  const dirty = changes.length > 0 || unreadable > 0;
  const discard = () => {
    if (state.source) dispatch({ type: 'reset', form: state.source });
  };
  return { state, dispatch, shown, changes, unreadable, dirty, discard };
}

/** The checks of this unit's figures; `ref` is scrolled to when they come. */
export function useUnitCheck(unit: string, period: string) {
  const [checked, setChecked] = useState<{ key: string; findings: Findings } | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const here = `${unit}|${period}`;
  const run = async () => {
    setChecking(true);
    setError(null);
    try {
      // only this unit's findings: a run over the whole province is the validation page's
      const reply = await validationApi.run(period, unit);
      setChecked({ key: here, findings: findingsFor(reply.violations, unit) });
      ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setChecking(false);
    }
  };
  return { findings: checked?.key === here ? checked.findings : null, checking, error, ref, run };
}

/**
 * Saves the changes, then shows the counts with the form as stored now and checks it again. An
 * error about one figure is shown on its box.
 */
export function useEntrySave(p: {
  unit: string;
  period: string;
  changes: SaveValue[];
  unreadable: number;
  dispatch: Dispatch<Action>;
  reloadForm: () => Promise<void>;
  check: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ key: string; reply: SaveValuesReply } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const here = `${p.unit}|${p.period}`;
  const save = async () => {
    const sent: SaveValue[] = p.changes;
    // a box that could not be read would otherwise be saved as the figure it held before
    if (sent.length === 0 || p.unreadable > 0) return;
    setSaving(true);
    setError(null);
    setResult(null);
    try {
      const body: SaveValuesRequest = { unit: p.unit, period: p.period, values: sent };
      const reply = await entryApi.save(body);
      p.dispatch({ type: 'saved' });
      // the counts are shown with the form as stored now (who entered each figure, and when)
      await p.reloadForm().catch(() => undefined);
      setResult({ key: here, reply });
      await p.check();
    } catch (err) {
      const cell = err instanceof ApiError ? cellOfError(err.field, sent) : null;
      if (cell && err instanceof ApiError) {
        p.dispatch({ type: 'errors', errors: { [cell.element]: { [cell.key]: err.message } } });
        setError(t('entrySaveFailedField'));
      } else {
        setError(t('entrySaveFailed', { message: errorMessage(err) }));
      }
    } finally {
      setSaving(false);
    }
  };
  return { saving, result: result?.key === here ? result.reply : null, error, save };
}

type Pending = ({ kind: 'go' } & Target) | { kind: 'link'; to: LeaveTarget };

/**
 * Leaving with unsaved changes, for another unit or period or by a link of the app, waits for the
 * user's answer; discarding drops the edits, then goes.
 */
export function useLeaveFlow(dirty: boolean, open: (next: Target) => void, discard: () => void) {
  const navigate = useNavigate();
  const [pending, setPending] = useState<Pending | null>(null);
  const onLink = useCallback((to: LeaveTarget) => setPending({ kind: 'link', to }), []);
  useLeaveGuard(dirty, onLink);

  const go = (next: Target) => {
    if (dirty) setPending({ kind: 'go', ...next });
    else open(next);
  };
  const discardAndGo = () => {
    const p = pending;
    setPending(null);
    if (!p) return;
    discard();
    if (p.kind === 'go') open({ unit: p.unit, period: p.period });
    else if (p.to === BACK) goBackPastGuard();
    else void navigate(p.to);
  };
  return { pending: pending !== null, stay: () => setPending(null), go, discardAndGo };
}
