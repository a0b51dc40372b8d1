import type { Narrative, SubmissionDto, TaskProgressStatus } from '@tre/core';
import { TOTAL, type Cells } from '../../indicators/entry/entryState.ts';

/** A submission's edits without React: what the body changed, and what is still missing. */
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

export const same = (a: string | undefined | null, b: string | undefined | null) => (a ?? '').trim() === (b ?? '').trim();

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
