import type { AnswerMethod, ComplaintAction, ComplaintOutcome, ComplaintStepRequest, Complexity } from '@tre/core';

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

type Field = 'date' | 'decisionNumber' | 'reason' | 'note' | 'outcome' | 'method' | 'days';

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
