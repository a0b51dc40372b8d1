import {
  NARRATIVE_SECTIONS,
  plansPermissions,
  type Narrative,
  type SubmissionDto,
  type TaskProgressRequest,
  type TaskProgressStatus,
} from '@tre/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import type { SessionUser } from '../../api/types.ts';
import { fetchRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { entryApi } from '../../indicators/entry/api.ts';
import { cellOfError, TOTAL, type Cells, type SaveValue } from '../../indicators/entry/entryState.ts';
import { useEntryCells } from '../../indicators/entry/useEntry.ts';
import { plansApi } from '../../plans/api.ts';
import { scopeFor } from '../../session/can.ts';
import { reportingApi, reportingReads } from '../api.ts';

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

export interface TaskEdit {
  status: TaskProgressStatus | null;
  note: string;
}

export interface TextDraft {
  /** the submission these edits started from (a new one resets them) */
  source: SubmissionDto | null;
  narrative: Narrative;
  explanations: Record<string, string>;
  tasks: Record<string, TaskEdit>;
}

const EMPTY: TextDraft = { source: null, narrative: {}, explanations: {}, tasks: {} };

const draftOf = (s: SubmissionDto): TextDraft => ({
  source: s,
  narrative: { ...s.narrative },
  explanations: { ...s.explanations },
  tasks: Object.fromEntries(s.tasks.map((x) => [x.taskId, { status: x.status, note: x.note ?? '' }])),
});

const same = (a: string | undefined | null, b: string | undefined | null) => (a ?? '').trim() === (b ?? '').trim();

/** The tasks whose progress was edited. */
export function changedTasks(s: SubmissionDto, draft: TextDraft): string[] {
  return s.tasks
    .filter((x) => {
      const d = draft.tasks[x.taskId];
      return d !== undefined && (d.status !== x.status || !same(d.note, x.note));
    })
    .map((x) => x.taskId);
}

/** Required figures neither entered (in the boxes, saved or not) nor explained. */
export function missingNow(s: SubmissionDto, cells: Cells, explanations: Record<string, string>): string[] {
  return s.figures.elements
    .map((e) => e.code)
    .filter((code) => (cells[code]?.[TOTAL] ?? null) === null && !(explanations[code] ?? '').trim());
}

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

/**
 * Saves what was edited, in the modules that own it — the figures through the entry form's API,
 * each task's progress through the plans API, the text and explanations with the submission — then
 * takes the submission as stored again. Explanations of figures now entered are dropped.
 */
async function saveAll(user: SessionUser | null, s: SubmissionDto, d: SubmissionDraft): Promise<SubmissionDto> {
  const { changes, unreadable, dispatch } = d.cells;
  if (unreadable > 0) throw new ReportingError('repUnreadable');
  if (changes.length > 0) {
    try {
      await entryApi.save({ unit: s.unitCode, period: s.period, values: changes });
    } catch (err) {
      throw new FigureError(err, changes);
    }
    dispatch({ type: 'saved' });
  }
  const onBehalf = scopeFor(user, plansPermissions, 'tasks.progress') === 'province';
  for (const taskId of changedTasks(s, d.draft)) {
    const edit = d.draft.tasks[taskId];
    const task = s.tasks.find((x) => x.taskId === taskId);
    if (!edit || !task) continue;
    if (!edit.status) throw new ReportingError('repTaskNeedsStatus', { task: task.path ?? task.text.slice(0, 40) });
    const request: TaskProgressRequest = {
      period: s.period,
      status: edit.status,
      note: edit.note.trim() || null,
      evidenceFileId: task.evidenceFileId,
      ...(onBehalf ? (s.unitKind === 'agency' ? { agencyId: s.unitCode } : { communeCode: s.unitCode }) : {}),
    };
    await plansApi.recordProgress(taskId, request);
  }
  if (!s.actions.includes('save')) return fetchRead(reportingReads.submission(s.roundId, s.unitCode));
  const explanations = Object.fromEntries(
    Object.entries(d.draft.explanations).filter(
      ([code, text]) => text.trim() && (d.cells.state.current[code]?.[TOTAL] ?? null) === null,
    ),
  );
  return reportingApi.saveSubmission(s.roundId, s.unitCode, { narrative: d.draft.narrative, explanations });
}

/** A refusal of the web's own, named by its message key. */
export class ReportingError extends Error {
  constructor(
    readonly key: 'repUnreadable' | 'repTaskNeedsStatus',
    readonly params: Record<string, string> = {},
  ) {
    super(key);
  }
}

/** A refusal of the figures' save, with the figures sent (an error naming one is shown on its box). */
class FigureError extends Error {
  constructor(
    readonly refusal: unknown,
    readonly sent: SaveValue[],
  ) {
    super(errorMessage(refusal));
  }
}

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
