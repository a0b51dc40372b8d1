import {
  ABUSE_FORMS,
  ABUSE_FORM_LABELS,
  ACTION_LABELS,
  CHANNEL_LABELS,
  REPORT_CHANNELS,
  STEP_FORMS,
  URGENCIES,
  URGENCY_LABELS,
  type CaseAction,
  type CaseStepDto,
  type FormField,
  type Language,
  type ServiceStatus,
  type Urgency,
} from '@tre/core';
import { formatDate } from '../children/labels.ts';
import { formatDayTime } from '../reporting/labels.ts';

/**
 * The words of the cases screens that belong to the domain and are not in core (the steps that are
 * not legal actions, short urgencies, service states with their symbols), and how a step's recorded
 * form reads back. Core holds the legal words (STATUS_LABELS, ACTION_LABELS, STEP_FORMS' labels);
 * the screens' own texts are in i18n/messages-cases.ts.
 */

type Words = Readonly<{ vi: string; en: string }>;

/** Steps the timeline shows that are not one of the worker's or supervisor's actions. */
const OTHER_STEPS: Readonly<Record<'intake' | 'transfer' | 'assign', Words>> = {
  intake: { vi: 'Tiếp nhận thông tin (Mẫu 01)', en: 'Report received (form 01)' },
  transfer: { vi: 'Chuyển hồ sơ sang xã khác', en: 'Transferred to another commune' },
  assign: { vi: 'Phân công người xử lý', en: 'Team assigned' },
};

export const stepLabel = (action: CaseStepDto['action'], lang: Language): string =>
  action in OTHER_STEPS ? OTHER_STEPS[action as keyof typeof OTHER_STEPS][lang] : ACTION_LABELS[action as CaseAction][lang];

/** The list's short urgency; `immediate` carries a symbol so it is never told by colour alone. */
export const URGENCY_STYLE: Readonly<Record<Urgency, Words & { symbol: string; color: string }>> = {
  immediate: { vi: 'Khẩn cấp', en: 'Immediate', symbol: '!', color: 'red' },
  high: { vi: 'Cao', en: 'High', symbol: '↑', color: 'orange' },
  normal: { vi: 'Bình thường', en: 'Normal', symbol: '·', color: 'gray' },
};

export const SERVICE_STATUS_STYLE: Readonly<Record<ServiceStatus, { symbol: string; color: string }>> = {
  planned: { symbol: '○', color: 'gray' },
  referred: { symbol: '→', color: 'blue' },
  accepted: { symbol: '◐', color: 'teal' },
  rejected: { symbol: '✕', color: 'red' },
  done: { symbol: '✓', color: 'teal' },
};

const YES_NO: Readonly<Record<'yes' | 'no', Words>> = { yes: { vi: 'Có', en: 'Yes' }, no: { vi: 'Không', en: 'No' } };

/** A recorded value of a step's form as the timeline reads it: yes/no, dates, moments in Vietnam time, options by their label. */
export function fieldValueText(field: FormField | undefined, value: unknown, lang: Language): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((v) => fieldValueText(field ? { ...field, kind: 'choice' } : undefined, v, lang)).join(', ');
  }
  if (typeof value === 'boolean') return YES_NO[value ? 'yes' : 'no'][lang];
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  switch (field?.kind) {
    case 'date':
      return formatDate(value);
    case 'datetime':
      return formatDayTime(value);
    case 'choice':
    case 'multi':
      return field.options?.find((o) => o.value === value)?.label[lang] ?? value;
    default:
      return value;
  }
}

/** What the intake step records of the report (Mẫu 01), read back like a form's fields: never its codes. */
const INTAKE_STEP_FIELDS: readonly FormField[] = [
  {
    key: 'channel',
    kind: 'choice',
    label: { vi: 'Kênh tiếp nhận', en: 'Channel' },
    required: true,
    options: REPORT_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
  },
  {
    key: 'abuseForms',
    kind: 'multi',
    label: { vi: 'Hình thức xâm hại', en: 'Forms of abuse' },
    required: true,
    options: ABUSE_FORMS.map((f) => ({ value: f, label: ABUSE_FORM_LABELS[f] })),
  },
  {
    key: 'urgency',
    kind: 'choice',
    label: { vi: 'Mức độ khẩn cấp', en: 'Urgency' },
    required: true,
    options: URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] })),
  },
];

/**
 * A recorded step's form as label–value rows: the legal form's fields in their order, then anything
 * else the step holds (a transfer's communes) under its own key, so nothing recorded is hidden.
 */
/** What the team's steps record (cases/team.ts on the server): names, not ids. */
const TEAM_STEP_FIELDS: Record<'assign' | 'transfer', readonly FormField[]> = {
  assign: [
    { key: 'worker', kind: 'text', label: { vi: 'Người phụ trách', en: 'Case worker' }, required: false },
    { key: 'supervisor', kind: 'text', label: { vi: 'Người giám sát', en: 'Supervisor' }, required: false },
  ],
  transfer: [
    { key: 'from', kind: 'text', label: { vi: 'Chuyển từ', en: 'From' }, required: true },
    { key: 'to', kind: 'text', label: { vi: 'Chuyển đến', en: 'To' }, required: true },
    { key: 'supervisor', kind: 'text', label: { vi: 'Người giám sát mới', en: 'New supervisor' }, required: true },
  ],
};

function fieldsOfStep(action: CaseStepDto['action']): readonly FormField[] {
  if (action === 'intake') return INTAKE_STEP_FIELDS;
  if (action === 'assign' || action === 'transfer') return TEAM_STEP_FIELDS[action];
  return action in STEP_FORMS ? STEP_FORMS[action] : [];
}

export function stepRows(step: Pick<CaseStepDto, 'action' | 'data'>, lang: Language): [string, string][] {
  const fields = fieldsOfStep(step.action);
  const known = new Set(fields.map((f) => f.key));
  const rows: [string, string][] = fields
    .filter((f) => f.key in step.data)
    .map((f) => [f.label[lang], fieldValueText(f, step.data[f.key], lang)]);
  for (const [key, value] of Object.entries(step.data)) {
    if (!known.has(key)) rows.push([key, fieldValueText(undefined, value, lang)]);
  }
  return rows;
}
