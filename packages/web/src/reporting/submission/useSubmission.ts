import { NARRATIVE_SECTIONS, type Narrative, type SubmissionDto } from '@tre/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import type { SessionUser } from '../../api/types.ts';
import { fetchRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { cellOfError } from '../../indicators/entry/entryState.ts';
import { useEntryCells } from '../../indicators/entry/useEntry.ts';
import { reportingApi, reportingReads } from '../api.ts';
import { changedTasks, same, type TaskEdit, type TextDraft } from './edits.ts';
import { FigureError, ReportingError, saveAll } from './save.ts';

/** The submission's hooks: the body's report as stored, its edits (text, explanations, tasks, figures), and the actions. */

export function useSubmissionData(roundId: string, unit: string) {
  const [data, setData] = useState<SubmissionDto | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setData(undefined);
    fetchRead(reportingReads.submission(roundId, unit))
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [roundId, unit]);
  const reload = useCallback(async () => {
    const d = await fetchRead(reportingReads.submission(roundId, unit));
    setData(d);
    return d;
  }, [roundId, unit]);
  return { data, error, setData, reload };
}

const EMPTY: TextDraft = { source: null, narrative: {}, explanations: {}, tasks: {} };

const draftOf = (s: SubmissionDto): TextDraft => ({
  source: s,
  narrative: { ...s.narrative },
  explanations: { ...s.explanations },
  tasks: Object.fromEntries(s.tasks.map((x) => [x.taskId, { status: x.status, note: x.note ?? '' }])),
});

/**
 * The edits of the text, explanations and tasks, reset when another submission (or the same one
 * stored again) arrives; the figures' cells are the entry form's own (useEntryCells).
 */
export function useSubmissionDraft(s: SubmissionDto | undefined) {
  const [draft, setDraft] = useState<TextDraft>(EMPTY);
  if (s && s !== draft.source) setDraft(draftOf(s));
  const shown = s && s === draft.source ? draft : s ? draftOf(s) : EMPTY;
  const cells = useEntryCells(s?.figures, { kind: s?.unitKind ?? 'commune', code: s?.unitCode ?? '' }, s?.period ?? '');

  const textDirty = useMemo(() => {
    if (!s) return false;
    if (NARRATIVE_SECTIONS.some((k) => !same(shown.narrative[k], s.narrative[k]))) return true;
    const codes = new Set([...Object.keys(shown.explanations), ...Object.keys(s.explanations)]);
    if ([...codes].some((c) => !same(shown.explanations[c], s.explanations[c]))) return true;
    return changedTasks(s, shown).length > 0;
  }, [s, shown]);

  const setSection = useCallback((key: keyof Narrative, text: string) => {
    setDraft((d) => ({ ...d, narrative: { ...d.narrative, [key]: text } }));
  }, []);
  const setExplanation = useCallback((code: string, text: string) => {
    setDraft((d) => ({ ...d, explanations: { ...d.explanations, [code]: text } }));
  }, []);
  const explainAll = useCallback((codes: readonly string[], text: string) => {
    setDraft((d) => ({ ...d, explanations: { ...d.explanations, ...Object.fromEntries(codes.map((c) => [c, text])) } }));
  }, []);
  const setTask = useCallback((taskId: string, edit: Partial<TaskEdit>) => {
    setDraft((d) => ({
      ...d,
      tasks: { ...d.tasks, [taskId]: { ...(d.tasks[taskId] ?? { status: null, note: '' }), ...edit } },
    }));
  }, []);
  const discard = () => {
    if (s) setDraft(draftOf(s));
    cells.discard();
  };
  const dirty = textDirty || cells.dirty;
  return { draft: shown, cells, dirty, setSection, setExplanation, explainAll, setTask, discard };
}

export type SubmissionDraft = ReturnType<typeof useSubmissionDraft>;

export type ActionName = 'save' | 'submit' | 'return' | 'accept' | 'reopen';

/** The actions of the page: each saves first where it must, replaces the submission with the stored one, and says what happened. */
export function useSubmissionActions(
  user: SessionUser | null,
  s: SubmissionDto | undefined,
  d: SubmissionDraft,
  setData: (s: SubmissionDto) => void,
  reload: () => Promise<SubmissionDto>,
) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<ActionName | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = async (name: ActionName, act: (s: SubmissionDto) => Promise<string>) => {
    if (!s) return false;
    setBusy(name);
    setError(null);
    setDone(null);
    try {
      setDone(await act(s));
      return true;
    } catch (err) {
      if (err instanceof ReportingError) setError(t(err.key, err.params));
      else if (err instanceof FigureError) {
        const cell = err.refusal instanceof ApiError ? cellOfError(err.refusal.field, err.sent) : null;
        if (cell) d.cells.dispatch({ type: 'errors', errors: { [cell.element]: { [cell.key]: err.message } } });
        setError(err.message);
      } else {
        setError(errorMessage(err));
        // a refusal may come from a state changed meanwhile: show the submission as it is now
        if (err instanceof ApiError && err.code === 'SUBMISSION_INCOMPLETE') await reload().catch(() => undefined);
      }
      return false;
    } finally {
      setBusy(null);
    }
  };

  return {
    busy,
    error,
    done,
    save: () =>
      run('save', async (x) => {
        setData(await saveAll(user, x, d));
        return t('repSaved');
      }),
    submit: () =>
      run('submit', async (x) => {
        if (d.dirty) setData(await saveAll(user, x, d));
        setData(await reportingApi.submit(x.roundId, x.unitCode));
        return t('repSubmitted');
      }),
    returnWith: (comments: { target: string; text: string }[]) =>
      run('return', async (x) => {
        setData(await reportingApi.returnSubmission(x.roundId, x.unitCode, { comments }));
        return t('repReturned');
      }),
    accept: () =>
      run('accept', async (x) => {
        setData(await reportingApi.accept(x.roundId, x.unitCode));
        return t('repAccepted');
      }),
    reopen: (reason: string) =>
      run('reopen', async (x) => {
        setData(await reportingApi.reopen(x.roundId, x.unitCode, { reason }));
        return t('repReopened');
      }),
  };
}
