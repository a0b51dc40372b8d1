/**
 * A submission's life (issue 14): draft → submitted → returned (with comments) → resubmitted →
 * accepted (locked). The standing body may reopen an accepted submission, with a reason: it goes back
 * to returned, its figures unlocked, for the body to correct and resubmit. Pure: the service asks
 * `nextState` and throws the refusal it gets, in both languages.
 */
export const SUBMISSION_STATES = ['draft', 'submitted', 'returned', 'resubmitted', 'accepted'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const SUBMISSION_ACTIONS = ['save', 'submit', 'return', 'accept', 'reopen'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

export const submissionStateLabels: Record<SubmissionState | 'missing', { vi: string; en: string }> = {
  missing: { vi: 'Chưa có báo cáo', en: 'Not started' },
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  returned: { vi: 'Trả lại để bổ sung', en: 'Returned' },
  resubmitted: { vi: 'Đã gửi lại', en: 'Resubmitted' },
  accepted: { vi: 'Đã chấp nhận', en: 'Accepted' },
};

export const submissionActionLabels: Record<SubmissionAction, { vi: string; en: string }> = {
  save: { vi: 'lưu nháp', en: 'saved as a draft' },
  submit: { vi: 'gửi', en: 'submitted' },
  return: { vi: 'trả lại', en: 'returned' },
  accept: { vi: 'chấp nhận', en: 'accepted' },
  reopen: { vi: 'mở lại', en: 'reopened' },
};

const TRANSITIONS: Record<SubmissionAction, Partial<Record<SubmissionState, SubmissionState>>> = {
  // a draft and a returned submission are the body's to edit; a sent one waits for the reviewer
  save: { draft: 'draft', returned: 'returned' },
  submit: { draft: 'submitted', returned: 'resubmitted' },
  return: { submitted: 'returned', resubmitted: 'returned' },
  accept: { submitted: 'accepted', resubmitted: 'accepted' },
  reopen: { accepted: 'returned' },
};

export type Transition = { ok: true; state: SubmissionState } | { ok: false; state: SubmissionState; action: SubmissionAction };

/** The state an action leads to from `state`, or the refusal. */
export function nextState(state: SubmissionState, action: SubmissionAction): Transition {
  const to = TRANSITIONS[action][state];
  return to ? { ok: true, state: to } : { ok: false, state, action };
}

/** Every action the state allows (the web shows these buttons, the tests walk every pair). */
export function actionsFrom(state: SubmissionState): SubmissionAction[] {
  return SUBMISSION_ACTIONS.filter((a) => TRANSITIONS[a][state] !== undefined);
}

/** Whether a body may change its figures, tasks and text in this state. */
export const isEditable = (state: SubmissionState): boolean => state === 'draft' || state === 'returned';

/** The refusal's message parameters (SUBMISSION_STATE in errors/codes.ts). */
export function refusalParams(state: SubmissionState, action: SubmissionAction): Record<string, string> {
  return {
    action: submissionActionLabels[action].vi,
    actionEn: submissionActionLabels[action].en,
    state: submissionStateLabels[state].vi,
    stateEn: submissionStateLabels[state].en,
  };
}
