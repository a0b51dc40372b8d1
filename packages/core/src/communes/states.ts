import type { AssessmentState } from './communes-api.ts';

/** The flow of an assessment: which action is open from which state. */
export const ASSESSMENT_STATES: readonly AssessmentState[] = ['draft', 'submitted', 'returned', 'decided'];

export type AssessmentAction = 'save' | 'submit' | 'verify' | 'return' | 'decision';

const FROM: Record<AssessmentAction, readonly AssessmentState[]> = {
  save: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  verify: ['submitted'],
  return: ['submitted'],
  decision: ['submitted'],
};

/** The states an action may be taken from. */
export function statesAllowing(action: AssessmentAction): readonly AssessmentState[] {
  return FROM[action];
}

export function mayTransition(state: AssessmentState, action: AssessmentAction): boolean {
  return FROM[action].includes(state);
}

export const assessmentStateLabels: Record<AssessmentState | 'none', { vi: string; en: string }> = {
  none: { vi: 'Chưa tự đánh giá', en: 'Not assessed' },
  draft: { vi: 'Đang tự đánh giá', en: 'Draft' },
  submitted: { vi: 'Đã gửi, chờ thẩm định', en: 'Submitted, awaiting verification' },
  returned: { vi: 'Trả lại để hoàn thiện', en: 'Returned for rework' },
  decided: { vi: 'Đã có quyết định', en: 'Decided' },
};
