import type { Bilingual } from '../indicators/catalogue-schema.ts';

/**
 * The steps of a child-protection case as a state machine (Nghị định 56/2017, Điều 25–30; DESIGN
 * §5): a report is received (Mẫu 01) and verified; the risk is assessed (Mẫu 02) and, where the
 * child's life, health or dignity is seriously threatened, emergency measures are taken (Mẫu 07,
 * within 12 hours of the report); the full assessment (Mẫu 03) leads to a support and intervention
 * plan (Mẫu 04) that the commune chairman's delegate approves or returns (Mẫu 05); the plan is
 * carried out, reviewed (Mẫu 06), and the case closed once its closure is approved — or a new plan
 * drafted. A closed case can be reopened; a case can be transferred to another commune at any open
 * step without changing its step. Pure: the server asks `nextStatus` and stores what it says.
 */

export const CASE_STATUSES = [
  'received',
  'verified',
  'initial_assessed',
  'emergency',
  'full_assessed',
  'plan_drafted',
  'plan_pending',
  'plan_approved',
  'in_progress',
  'review',
  'closure_pending',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'verify',
  'assess',
  'emergency',
  'full_assess',
  'draft_plan',
  'submit_plan',
  'approve_plan',
  'return_plan',
  'start',
  'review',
  'new_plan',
  'request_closure',
  'approve_closure',
  'return_closure',
  'reopen',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Who takes an action: the assigned worker, or the supervisor (the approvals). */
export type CaseActor = 'worker' | 'supervisor';

interface Transition {
  from: readonly CaseStatus[];
  to: CaseStatus;
  by: CaseActor;
  /** the legal form whose fields the step holds */
  form: CaseForm | null;
}

/** The legal forms of Nghị định 56/2017 a step fills in (as fields, never scanned paper). */
export type CaseForm = 'mau01' | 'mau02' | 'mau03' | 'mau04' | 'mau05' | 'mau06' | 'mau07' | 'verification' | 'closure';

const OPEN_BEFORE_PLAN: readonly CaseStatus[] = ['received', 'verified', 'initial_assessed'];

export const TRANSITIONS: Readonly<Record<CaseAction, Transition>> = {
  // emergency measures may come before the verification (the 12-hour clock does not wait for it)
  verify: { from: ['received', 'emergency'], to: 'verified', by: 'worker', form: 'verification' },
  assess: { from: ['verified'], to: 'initial_assessed', by: 'worker', form: 'mau02' },
  // within 12 hours of the report: possible as soon as the report is in, before or after the assessment
  emergency: { from: OPEN_BEFORE_PLAN, to: 'emergency', by: 'worker', form: 'mau07' },
  full_assess: { from: ['initial_assessed', 'emergency'], to: 'full_assessed', by: 'worker', form: 'mau03' },
  draft_plan: { from: ['full_assessed'], to: 'plan_drafted', by: 'worker', form: 'mau04' },
  submit_plan: { from: ['plan_drafted'], to: 'plan_pending', by: 'worker', form: null },
  approve_plan: { from: ['plan_pending'], to: 'plan_approved', by: 'supervisor', form: 'mau05' },
  return_plan: { from: ['plan_pending'], to: 'plan_drafted', by: 'supervisor', form: 'mau05' },
  start: { from: ['plan_approved'], to: 'in_progress', by: 'worker', form: null },
  review: { from: ['in_progress'], to: 'review', by: 'worker', form: 'mau06' },
  new_plan: { from: ['review'], to: 'plan_drafted', by: 'worker', form: 'mau04' },
  // a report found unfounded at verification is closed the same way: asked, then approved
  request_closure: { from: ['review', 'verified'], to: 'closure_pending', by: 'worker', form: 'closure' },
  approve_closure: { from: ['closure_pending'], to: 'closed', by: 'supervisor', form: 'closure' },
  return_closure: { from: ['closure_pending'], to: 'review', by: 'supervisor', form: 'closure' },
  reopen: { from: ['closed'], to: 'verified', by: 'supervisor', form: null },
};

export const STATUS_LABELS: Readonly<Record<CaseStatus, Bilingual>> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  verified: { vi: 'Đã xác minh', en: 'Verified' },
  initial_assessed: { vi: 'Đã đánh giá ban đầu', en: 'Initial assessment done' },
  emergency: { vi: 'Đã áp dụng biện pháp khẩn cấp', en: 'Emergency measures taken' },
  full_assessed: { vi: 'Đã đánh giá toàn diện', en: 'Full assessment done' },
  plan_drafted: { vi: 'Đã lập kế hoạch hỗ trợ', en: 'Plan drafted' },
  plan_pending: { vi: 'Kế hoạch chờ phê duyệt', en: 'Plan awaiting approval' },
  plan_approved: { vi: 'Kế hoạch đã được phê duyệt', en: 'Plan approved' },
  in_progress: { vi: 'Đang thực hiện kế hoạch', en: 'Plan in progress' },
  review: { vi: 'Đang rà soát, đánh giá', en: 'Under review' },
  closure_pending: { vi: 'Chờ phê duyệt đóng hồ sơ', en: 'Closure awaiting approval' },
  closed: { vi: 'Đã đóng hồ sơ', en: 'Closed' },
};

export const ACTION_LABELS: Readonly<Record<CaseAction, Bilingual>> = {
  verify: { vi: 'Xác minh thông tin', en: 'Verify the report' },
  assess: { vi: 'Đánh giá nguy cơ ban đầu (Mẫu 02)', en: 'Initial risk assessment (form 02)' },
  emergency: { vi: 'Áp dụng biện pháp khẩn cấp (Mẫu 07)', en: 'Emergency measures (form 07)' },
  full_assess: { vi: 'Đánh giá toàn diện (Mẫu 03)', en: 'Full assessment (form 03)' },
  draft_plan: { vi: 'Lập kế hoạch hỗ trợ, can thiệp (Mẫu 04)', en: 'Draft the support plan (form 04)' },
  submit_plan: { vi: 'Trình phê duyệt kế hoạch', en: 'Submit the plan for approval' },
  approve_plan: { vi: 'Phê duyệt kế hoạch (Mẫu 05)', en: 'Approve the plan (form 05)' },
  return_plan: { vi: 'Trả lại kế hoạch kèm ý kiến', en: 'Return the plan with comments' },
  start: { vi: 'Bắt đầu thực hiện kế hoạch', en: 'Start the plan' },
  review: { vi: 'Rà soát, đánh giá (Mẫu 06)', en: 'Review (form 06)' },
  new_plan: { vi: 'Lập kế hoạch mới', en: 'Draft a new plan' },
  request_closure: { vi: 'Đề nghị đóng hồ sơ', en: 'Ask to close the case' },
  approve_closure: { vi: 'Phê duyệt đóng hồ sơ', en: 'Approve the closure' },
  return_closure: { vi: 'Trả lại đề nghị đóng hồ sơ', en: 'Return the closure' },
  reopen: { vi: 'Mở lại hồ sơ', en: 'Reopen the case' },
};

export type StepOutcome = { ok: true; to: CaseStatus; by: CaseActor; form: CaseForm | null } | { ok: false; reason: Bilingual };

/** Where an action takes a case at `status`, or why it may not be taken there. */
export function nextStatus(status: CaseStatus, action: CaseAction): StepOutcome {
  const t = TRANSITIONS[action];
  if (t.from.includes(status)) return { ok: true, to: t.to, by: t.by, form: t.form };
  const allowed = t.from.map((s) => STATUS_LABELS[s]);
  return {
    ok: false,
    reason: {
      vi: `Không thể "${ACTION_LABELS[action].vi}" khi hồ sơ ở bước "${STATUS_LABELS[status].vi}"; chỉ được khi hồ sơ ở bước: ${allowed.map((l) => l.vi).join(', ')}`,
      en: `"${ACTION_LABELS[action].en}" cannot be done while the case is "${STATUS_LABELS[status].en}"; only at: ${allowed.map((l) => l.en).join(', ')}`,
    },
  };
}

/** The actions open at a step (the case page offers these, by who takes them). */
export function actionsAt(status: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

export const isOpenCase = (status: CaseStatus): boolean => status !== 'closed';

/** Whether the emergency clock still runs: no emergency measure recorded and the case not past the assessment. */
export const emergencyClockRuns = (status: CaseStatus, emergencyTaken: boolean): boolean =>
  !emergencyTaken && OPEN_BEFORE_PLAN.includes(status);

/** Whether the plan clock still runs: no plan drafted yet on an open case. */
export const planClockRuns = (status: CaseStatus): boolean =>
  ['received', 'verified', 'initial_assessed', 'emergency', 'full_assessed'].includes(status);
