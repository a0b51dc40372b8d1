import { z } from 'zod';
import type { Bilingual } from '../indicators/catalogue-schema.ts';
import type { CaseAction } from './steps.ts';
import { isIsoDate } from '../children/layout/dates.ts';

/**
 * The fields of the legal forms each step fills in (Nghị định 56/2017, Mẫu 02–07), as data: the
 * web draws a step's form from these, and the server checks what is sent with the schema built from
 * the same list, so the two never disagree. Text is bounded and single- or multi-line as the form
 * asks; dates are `YYYY-MM-DD`, moments ISO timestamps.
 */

export type FieldKind = 'text' | 'longtext' | 'bool' | 'date' | 'datetime' | 'choice' | 'multi';

export interface FormField {
  key: string;
  kind: FieldKind;
  label: Bilingual;
  required: boolean;
  options?: readonly { value: string; label: Bilingual }[];
}

const f = (key: string, kind: FieldKind, vi: string, en: string, required = true, options?: FormField['options']): FormField => ({
  key,
  kind,
  label: { vi, en },
  required,
  ...(options ? { options } : {}),
});

const EMERGENCY_MEASURES = [
  { value: 'medical', label: { vi: 'Đưa đi cấp cứu, chăm sóc y tế', en: 'Emergency medical care' } },
  { value: 'temporary_removal', label: { vi: 'Tạm thời cách ly khỏi môi trường nguy hiểm', en: 'Temporary removal from home' } },
  { value: 'safe_place', label: { vi: 'Bố trí nơi tạm trú an toàn', en: 'Safe temporary shelter' } },
  { value: 'police', label: { vi: 'Đề nghị công an can thiệp', en: 'Police intervention' } },
  { value: 'other', label: { vi: 'Biện pháp khác', en: 'Other measure' } },
] as const;

const RISK_LEVELS = [
  { value: 'low', label: { vi: 'Thấp', en: 'Low' } },
  { value: 'medium', label: { vi: 'Trung bình', en: 'Medium' } },
  { value: 'high', label: { vi: 'Cao', en: 'High' } },
] as const;

const RECOMMENDATIONS = [
  { value: 'continue', label: { vi: 'Tiếp tục thực hiện kế hoạch', en: 'Continue the plan' } },
  { value: 'new_plan', label: { vi: 'Lập kế hoạch mới', en: 'Draft a new plan' } },
  { value: 'close', label: { vi: 'Đề nghị đóng hồ sơ', en: 'Close the case' } },
] as const;

const comments = f('comments', 'longtext', 'Ý kiến', 'Comments', false);

export const STEP_FORMS: Readonly<Record<CaseAction, readonly FormField[]>> = {
  verify: [
    f('findings', 'longtext', 'Kết quả xác minh', 'What the verification found'),
    f('substantiated', 'bool', 'Thông tin có cơ sở', 'The report is substantiated'),
  ],
  assess: [
    f('riskLevel', 'choice', 'Mức độ nguy cơ', 'Risk level', true, RISK_LEVELS),
    f(
      'seriouslyThreatened',
      'bool',
      'Tính mạng, sức khỏe, nhân phẩm bị đe dọa nghiêm trọng',
      'Life, health or dignity seriously threatened',
    ),
    f('needs', 'longtext', 'Nhu cầu trước mắt của trẻ', "The child's immediate needs"),
  ],
  emergency: [
    f('measures', 'multi', 'Biện pháp đã áp dụng', 'Measures taken', true, EMERGENCY_MEASURES),
    f('takenAt', 'datetime', 'Thời điểm áp dụng', 'Taken at'),
    f('placement', 'text', 'Nơi tạm trú (nếu có)', 'Temporary placement (if any)', false),
    f('notes', 'longtext', 'Ghi chú', 'Notes', false),
  ],
  full_assess: [
    f('meetingOn', 'date', 'Ngày họp đánh giá', 'Assessment meeting on'),
    f('participants', 'text', 'Thành phần tham dự', 'Participants'),
    f('needs', 'longtext', 'Nhu cầu của trẻ (thể chất, tâm lý, học tập, pháp lý, an toàn)', "The child's needs"),
    f('minutes', 'longtext', 'Biên bản họp', 'Minutes', false),
  ],
  draft_plan: [
    f('objectives', 'longtext', 'Mục tiêu hỗ trợ, can thiệp', 'Objectives of the support'),
    f('reviewOn', 'date', 'Ngày rà soát', 'Review on'),
  ],
  submit_plan: [],
  approve_plan: [comments],
  return_plan: [f('comments', 'longtext', 'Ý kiến trả lại', 'Why it is returned')],
  start: [],
  review: [
    f('progress', 'longtext', 'Kết quả thực hiện kế hoạch', "The plan's results"),
    f('riskRemaining', 'bool', 'Còn nguy cơ', 'Risk remains'),
    f('recommendation', 'choice', 'Đề xuất', 'Recommendation', true, RECOMMENDATIONS),
  ],
  new_plan: [
    f('objectives', 'longtext', 'Mục tiêu hỗ trợ, can thiệp', 'Objectives of the support'),
    f('reviewOn', 'date', 'Ngày rà soát', 'Review on'),
  ],
  request_closure: [f('reason', 'longtext', 'Lý do đóng hồ sơ', 'Why the case can be closed')],
  approve_closure: [comments],
  return_closure: [f('comments', 'longtext', 'Ý kiến trả lại', 'Why it is returned')],
  reopen: [f('reason', 'longtext', 'Lý do mở lại', 'Why the case is reopened')],
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function fieldSchema(field: FormField): z.ZodType {
  const text = (max: number) =>
    z
      .string()
      .trim()
      .max(max)
      // eslint-disable-next-line no-control-regex -- control characters are refused, never stored
      .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'control characters')
      .transform((s) => s.normalize('NFC'));
  const filled = (t: z.ZodType<string>) => (field.required ? t.refine((s) => s.length > 0, 'required') : t);
  let schema: z.ZodType;
  switch (field.kind) {
    case 'text':
      schema = filled(text(300).refine((s) => !/[\r\n]/.test(s), 'single line'));
      break;
    case 'longtext':
      schema = filled(text(5000));
      break;
    case 'bool':
      schema = z.boolean();
      break;
    case 'date':
      schema = z.string().regex(ISO_DATE).refine(isIsoDate, 'a real date');
      break;
    case 'datetime':
      schema = z.iso.datetime({ offset: true });
      break;
    case 'choice':
      schema = z.enum((field.options ?? []).map((o) => o.value) as [string, ...string[]]);
      break;
    case 'multi':
      schema = z
        .array(z.enum((field.options ?? []).map((o) => o.value) as [string, ...string[]]))
        .min(field.required ? 1 : 0)
        .max(10);
      break;
  }
  return field.required ? schema : schema.nullable().optional();
}

/** The schema a step's data must meet (unknown keys refused). */
export function stepFormSchema(action: CaseAction): z.ZodType<Record<string, unknown>> {
  return z.strictObject(Object.fromEntries(STEP_FORMS[action].map((field) => [field.key, fieldSchema(field)])));
}
