import {
  ANSWER_METHODS,
  ANSWER_METHOD_LABELS,
  ALL_COMPLAINT_OUTCOMES,
  COMPLAINT_OUTCOME_LABELS,
  type AnswerMethod,
  type ComplaintAction,
  type ComplaintOutcome,
  type ComplaintStepRequest,
  type Complexity,
  type Language,
} from '@tre/core';
import { formatDate } from '../../children/labels.ts';
import type { MessageKey } from '../../i18n/messages.ts';

/** A step dialog's values and the request they make, pure (tested in complaints.test.ts). */
export interface StepValues {
  date: string;
  decisionNumber: string;
  reason: string;
  note: string;
  outcome: ComplaintOutcome | null;
  method: AnswerMethod | null;
  days: number;
  complexity: Complexity;
}

export type Field = 'date' | 'decisionNumber' | 'reason' | 'note' | 'outcome' | 'method' | 'days';

/** The fields each step asks for: what the law dates and numbers, the reasons it wants written. */
const FIELDS: Readonly<Record<ComplaintAction, readonly Field[]>> = {
  accept: ['date', 'decisionNumber', 'note'],
  reject: ['date', 'reason'],
  use_as_information: ['date', 'reason'],
  verify: ['note'],
  extend: ['days', 'reason'],
  resolve: ['date', 'outcome', 'decisionNumber', 'note'],
  answer: ['date', 'method', 'note'],
  withdraw: ['date', 'note'],
  close: ['note'],
};

export const stepFields = (action: ComplaintAction): readonly Field[] => FIELDS[action];

/** The fields the server requires of each step (service.ts), marked and checked before it is asked. */
const REQUIRED: Readonly<Record<ComplaintAction, readonly Field[]>> = {
  accept: ['decisionNumber'],
  reject: ['reason'],
  use_as_information: ['reason'],
  verify: ['note'],
  extend: ['reason'],
  resolve: ['outcome', 'decisionNumber'],
  answer: ['method'],
  withdraw: [],
  close: [],
};

export const stepRequires = (action: ComplaintAction, field: Field): boolean => REQUIRED[action].includes(field);

/** The first required field of the step left empty, or null. */
export function stepMissing(action: ComplaintAction, v: StepValues): Field | null {
  const empty: Record<Field, boolean> = {
    date: v.date.trim() === '',
    decisionNumber: v.decisionNumber.trim() === '',
    reason: v.reason.trim() === '',
    note: v.note.trim() === '',
    outcome: v.outcome === null,
    method: v.method === null,
    days: !Number.isInteger(v.days) || v.days < 1,
  };
  return REQUIRED[action].find((f) => empty[f]) ?? null;
}

/** The label's key of each field of a step's dialog. */
export const STEP_FIELD_LABELS: Readonly<Record<Field, MessageKey>> = {
  date: 'cmpDate',
  decisionNumber: 'cmpDecisionNumber',
  reason: 'cmpReason',
  note: 'cmpNote',
  outcome: 'cmpOutcome',
  method: 'cmpMethod',
  days: 'cmpDays',
};

const text = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** Only the fields the step asks for are sent (the server's schema is strict). */
export function stepRequest(action: ComplaintAction, v: StepValues, version: number): ComplaintStepRequest {
  const f = FIELDS[action];
  return {
    action,
    version,
    ...(f.includes('date') ? { date: v.date } : {}),
    ...(f.includes('decisionNumber') && text(v.decisionNumber) ? { decisionNumber: text(v.decisionNumber) } : {}),
    ...(f.includes('reason') && text(v.reason) ? { reason: text(v.reason) } : {}),
    ...(f.includes('note') && text(v.note) ? { note: text(v.note) } : {}),
    ...(f.includes('outcome') && v.outcome ? { outcome: v.outcome } : {}),
    ...(f.includes('method') && v.method ? { method: v.method } : {}),
    ...(f.includes('days') ? { days: v.days, complexity: v.complexity } : {}),
  };
}

/** What a step of the timeline recorded, in words: its label's key and its value, legal words in the reader's language. */
const DATA_LABELS: Readonly<Record<string, MessageKey>> = {
  date: 'cmpDate',
  decisionNumber: 'cmpDecisionNumber',
  reason: 'cmpReason',
  outcome: 'cmpOutcome',
  method: 'cmpMethod',
  days: 'cmpDays',
  complexity: 'cmpComplexity',
  resolutionDue: 'cmpResolutionDue',
};

/** A step's complexity in words (the timeline showed the stored "complex"). */
const COMPLEXITY_LABELS: Readonly<Record<Complexity, { vi: string; en: string }>> = {
  complex: { vi: 'Phức tạp', en: 'Complicated' },
  especially_complex: { vi: 'Đặc biệt phức tạp', en: 'Especially complicated' },
};

export function stepDataLines(data: Record<string, unknown>, lang: Language): [MessageKey, string][] {
  const out: [MessageKey, string][] = [];
  for (const [key, raw] of Object.entries(data)) {
    const label = DATA_LABELS[key];
    if (!label || (typeof raw !== 'string' && typeof raw !== 'number')) continue;
    const outcome = ALL_COMPLAINT_OUTCOMES.find((o) => o === raw);
    const method = ANSWER_METHODS.find((m) => m === raw);
    const complexity = raw === 'complex' || raw === 'especially_complex' ? raw : null;
    const value =
      key === 'outcome' && outcome
        ? COMPLAINT_OUTCOME_LABELS[outcome][lang]
        : key === 'method' && method
          ? ANSWER_METHOD_LABELS[method][lang]
          : key === 'complexity' && complexity
            ? COMPLEXITY_LABELS[complexity][lang]
            : typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)
              ? formatDate(raw)
              : String(raw);
    out.push([label, value]);
  }
  return out;
}
