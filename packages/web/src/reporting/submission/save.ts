import { plansPermissions, type SubmissionDto, type TaskProgressRequest } from '@tre/core';
import { errorMessage } from '../../api/client.ts';
import type { SessionUser } from '../../api/types.ts';
import { fetchRead } from '../../api/useApi.ts';
import { entryApi } from '../../indicators/entry/api.ts';
import { TOTAL, type SaveValue } from '../../indicators/entry/entryState.ts';
import { plansApi } from '../../plans/api.ts';
import { scopeFor } from '../../session/can.ts';
import { reportingApi, reportingReads } from '../api.ts';
import { changedTasks } from './edits.ts';
import type { SubmissionDraft } from './useSubmission.ts';

/**
 * Saves what was edited, in the modules that own it — the figures through the entry form's API,
 * each task's progress through the plans API, the text and explanations with the submission — then
 * takes the submission as stored again. Explanations of figures now entered are dropped.
 */
export async function saveAll(user: SessionUser | null, s: SubmissionDto, d: SubmissionDraft): Promise<SubmissionDto> {
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
export class FigureError extends Error {
  constructor(
    readonly refusal: unknown,
    readonly sent: SaveValue[],
  ) {
    super(errorMessage(refusal));
  }
}
