import type { Bilingual } from '../../indicators/catalogue-schema.ts';

/**
 * Complaints and denunciations about children's rights (issue 17 §3) as a state machine:
 * - a complaint (khiếu nại, Luật Khiếu nại 2011): someone asks a body to review an administrative
 *   decision or act that harmed their (or their child's) rights; it needs the complainant's identity;
 * - a denunciation (tố cáo, Luật Tố cáo 2018): someone tells a body of a breach of the law by anyone;
 *   it may come without a name. The law (Luật Tố cáo 2018 Điều 25 khoản 2) does not let an anonymous
 *   denunciation be *accepted* (thụ lý) and resolved as such: when its content is specific, with
 *   evidence and grounds to check, the body uses it as information for an inspection or check of its
 *   own. Tre records it, lets it be used as information (`use_as_information`) or set aside (`reject`),
 *   and refuses to accept it: it never has a resolution clock and never owes an answer.
 *
 * received → accepted (thụ lý: date, decision number) | not accepted (reason, told to the complainant)
 * | used as information (anonymous denunciation) → resolving (verification notes) → [extended, with a
 * reason, the supervisor's decision] → resolved (outcome, decision number and date) → answered (date,
 * method) → closed. A complaint may be withdrawn while open (Luật Khiếu nại 2011 Điều 10). Pure: the
 * server asks `nextComplaintStatus` and stores what it says.
 */

export const COMPLAINT_KINDS = ['complaint', 'denunciation'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

export const COMPLAINT_KIND_LABELS: Readonly<Record<ComplaintKind, Bilingual>> = {
  complaint: { vi: 'Khiếu nại (Luật Khiếu nại 2011)', en: 'Complaint (Law on Complaints 2011)' },
  denunciation: { vi: 'Tố cáo (Luật Tố cáo 2018)', en: 'Denunciation (Law on Denunciations 2018)' },
};

export const COMPLAINT_CHANNELS = ['in_person', 'letter', 'phone', 'online', 'forwarded'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_CHANNEL_LABELS: Readonly<Record<ComplaintChannel, Bilingual>> = {
  in_person: { vi: 'Trực tiếp tại nơi tiếp công dân', en: 'In person' },
  letter: { vi: 'Đơn gửi qua bưu chính', en: 'Letter' },
  phone: { vi: 'Điện thoại, đường dây nóng', en: 'Phone or hotline' },
  online: { vi: 'Thư điện tử, cổng trực tuyến', en: 'E-mail or online' },
  forwarded: { vi: 'Cơ quan khác chuyển đến', en: 'Forwarded by another body' },
};

export const COMPLAINT_STATUSES = [
  'received',
  'accepted',
  'not_accepted',
  'information',
  'resolving',
  'resolved',
  'answered',
  'withdrawn',
  'closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_ACTIONS = [
  'accept',
  'reject',
  'use_as_information',
  'verify',
  'extend',
  'resolve',
  'answer',
  'withdraw',
  'close',
] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

/** Who takes an action: the handler, or the supervisor (the extension is the head's written decision). */
export type ComplaintActor = 'handler' | 'supervisor';

interface ComplaintTransition {
  from: readonly ComplaintStatus[];
  /** null: the status does not change (an extension keeps the complaint where it is) */
  to: ComplaintStatus | null;
  by: ComplaintActor;
  /** only for this kind */
  kind?: ComplaintKind;
}

const OPEN_RESOLVING: readonly ComplaintStatus[] = ['accepted', 'resolving'];

export const COMPLAINT_TRANSITIONS: Readonly<Record<ComplaintAction, ComplaintTransition>> = {
  accept: { from: ['received'], to: 'accepted', by: 'handler' },
  reject: { from: ['received'], to: 'not_accepted', by: 'handler' },
  use_as_information: { from: ['received'], to: 'information', by: 'handler', kind: 'denunciation' },
  verify: { from: OPEN_RESOLVING, to: 'resolving', by: 'handler' },
  extend: { from: OPEN_RESOLVING, to: null, by: 'supervisor' },
  resolve: { from: OPEN_RESOLVING, to: 'resolved', by: 'handler' },
  answer: { from: ['resolved'], to: 'answered', by: 'handler' },
  withdraw: { from: ['received', 'accepted', 'resolving'], to: 'withdrawn', by: 'handler', kind: 'complaint' },
  // a resolved anonymous denunciation has nobody to answer: the service lets it close from 'resolved'
  close: { from: ['answered', 'not_accepted', 'information', 'withdrawn', 'resolved'], to: 'closed', by: 'supervisor' },
};

export const COMPLAINT_STATUS_LABELS: Readonly<Record<ComplaintStatus, Bilingual>> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  accepted: { vi: 'Đã thụ lý', en: 'Accepted' },
  not_accepted: { vi: 'Không thụ lý', en: 'Not accepted' },
  information: { vi: 'Dùng làm thông tin (tố cáo nặc danh)', en: 'Used as information (anonymous denunciation)' },
  resolving: { vi: 'Đang xác minh, giải quyết', en: 'Being resolved' },
  resolved: { vi: 'Đã có quyết định, kết luận', en: 'Resolved' },
  answered: { vi: 'Đã trả lời người gửi đơn', en: 'Answer sent' },
  withdrawn: { vi: 'Đã rút đơn', en: 'Withdrawn' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

export const COMPLAINT_ACTION_LABELS: Readonly<Record<ComplaintAction, Bilingual>> = {
  accept: { vi: 'Thụ lý', en: 'Accept' },
  reject: { vi: 'Không thụ lý (nêu lý do)', en: 'Do not accept (with the reason)' },
  use_as_information: { vi: 'Dùng làm thông tin để thanh tra, kiểm tra', en: 'Use as information for a check' },
  verify: { vi: 'Ghi kết quả xác minh', en: 'Record verification notes' },
  extend: { vi: 'Gia hạn giải quyết', en: 'Extend the time to resolve' },
  resolve: { vi: 'Ra quyết định giải quyết, kết luận', en: 'Record the decision' },
  answer: { vi: 'Gửi kết quả cho người gửi đơn', en: 'Send the answer' },
  withdraw: { vi: 'Người khiếu nại rút đơn', en: 'Complaint withdrawn' },
  close: { vi: 'Kết thúc hồ sơ', en: 'Close' },
};

/** The decision's outcome: a complaint is upheld or not (Luật Khiếu nại 2011 Điều 31), a denunciation found true or not (Luật Tố cáo 2018 Điều 35). */
export const COMPLAINT_OUTCOMES = {
  complaint: ['upheld', 'partly_upheld', 'rejected'],
  denunciation: ['substantiated', 'partly_substantiated', 'unfounded'],
} as const satisfies Record<ComplaintKind, readonly string[]>;
export const ALL_COMPLAINT_OUTCOMES = [...COMPLAINT_OUTCOMES.complaint, ...COMPLAINT_OUTCOMES.denunciation] as const;
export type ComplaintOutcome = (typeof ALL_COMPLAINT_OUTCOMES)[number];

export const COMPLAINT_OUTCOME_LABELS: Readonly<Record<ComplaintOutcome, Bilingual>> = {
  upheld: { vi: 'Khiếu nại đúng', en: 'Upheld' },
  partly_upheld: { vi: 'Khiếu nại đúng một phần', en: 'Partly upheld' },
  rejected: { vi: 'Khiếu nại sai', en: 'Rejected' },
  substantiated: { vi: 'Tố cáo đúng', en: 'Substantiated' },
  partly_substantiated: { vi: 'Tố cáo đúng một phần', en: 'Partly substantiated' },
  unfounded: { vi: 'Tố cáo sai', en: 'Unfounded' },
};

export const ANSWER_METHODS = ['in_person', 'letter', 'email', 'phone'] as const;
export type AnswerMethod = (typeof ANSWER_METHODS)[number];
export const ANSWER_METHOD_LABELS: Readonly<Record<AnswerMethod, Bilingual>> = {
  in_person: { vi: 'Trao trực tiếp', en: 'Handed over' },
  letter: { vi: 'Gửi qua bưu chính', en: 'By post' },
  email: { vi: 'Thư điện tử', en: 'By e-mail' },
  phone: { vi: 'Điện thoại (kèm văn bản)', en: 'By phone (with the written decision)' },
};

export type ComplaintStepOutcome =
  | { ok: true; to: ComplaintStatus; by: ComplaintActor }
  | { ok: false; reason: Bilingual; field: 'action' | 'kind' | 'anonymous' };

const kindWords = (kind: ComplaintKind): Bilingual =>
  kind === 'complaint' ? { vi: 'khiếu nại', en: 'complaint' } : { vi: 'tố cáo', en: 'denunciation' };

/**
 * Where an action takes a complaint at `status`, or why it may not be taken (naming the current
 * step). An anonymous denunciation cannot be accepted (Luật Tố cáo 2018 Điều 25 khoản 2); only an
 * anonymous one is used as information; only a complaint is withdrawn here.
 */
export function nextComplaintStatus(
  kind: ComplaintKind,
  anonymous: boolean,
  status: ComplaintStatus,
  action: ComplaintAction,
): ComplaintStepOutcome {
  const t = COMPLAINT_TRANSITIONS[action];
  const label = COMPLAINT_ACTION_LABELS[action];
  if (t.kind !== undefined && t.kind !== kind) {
    const w = kindWords(kind);
    return {
      ok: false,
      field: 'kind',
      reason: { vi: `Không thể "${label.vi}" với đơn ${w.vi}`, en: `"${label.en}" does not apply to a ${w.en}` },
    };
  }
  if (action === 'accept' && anonymous) {
    return {
      ok: false,
      field: 'anonymous',
      reason: {
        vi: 'Tố cáo nặc danh không được thụ lý giải quyết (Luật Tố cáo 2018 Điều 25): chỉ dùng làm thông tin để thanh tra, kiểm tra',
        en: 'An anonymous denunciation is not accepted for resolution (Law on Denunciations 2018 Art. 25): it may only be used as information for a check',
      },
    };
  }
  if (action === 'use_as_information' && !anonymous) {
    return {
      ok: false,
      field: 'anonymous',
      reason: {
        vi: 'Chỉ tố cáo nặc danh mới được dùng làm thông tin; tố cáo có tên được thụ lý hoặc không thụ lý',
        en: 'Only an anonymous denunciation is used as information; a named one is accepted or not',
      },
    };
  }
  if (action === 'answer' && anonymous) {
    return {
      ok: false,
      field: 'anonymous',
      reason: { vi: 'Tố cáo nặc danh không có người để trả lời', en: 'An anonymous denunciation has nobody to answer' },
    };
  }
  if (action === 'close' && status === 'resolved' && !anonymous) {
    return {
      ok: false,
      field: 'action',
      reason: {
        vi: 'Phải gửi kết quả giải quyết cho người gửi đơn trước khi kết thúc (hồ sơ đang ở bước "Đã có quyết định, kết luận")',
        en: 'The answer must be sent to the complainant before closing (the complaint is at "Resolved")',
      },
    };
  }
  if (t.from.includes(status)) return { ok: true, to: t.to ?? status, by: t.by };
  const allowed = t.from.map((s) => COMPLAINT_STATUS_LABELS[s]);
  return {
    ok: false,
    field: 'action',
    reason: {
      vi: `Không thể "${label.vi}" khi đơn ở bước "${COMPLAINT_STATUS_LABELS[status].vi}"; chỉ được khi ở bước: ${allowed.map((l) => l.vi).join(', ')}`,
      en: `"${label.en}" cannot be done while the complaint is "${COMPLAINT_STATUS_LABELS[status].en}"; only at: ${allowed.map((l) => l.en).join(', ')}`,
    },
  };
}

/** The actions open at a step for this complaint (the page offers these, by who takes them). */
export function complaintActionsAt(kind: ComplaintKind, anonymous: boolean, status: ComplaintStatus): ComplaintAction[] {
  return COMPLAINT_ACTIONS.filter((a) => nextComplaintStatus(kind, anonymous, status, a).ok);
}

export const isOpenComplaint = (status: ComplaintStatus): boolean => status !== 'closed';

/** Bounds of what a complaint holds (the HTTP schemas state the same ones). */
export const COMPLAINT_LIMITS = {
  content: 5000,
  name: 100,
  address: 300,
  contact: 100,
  idNumber: 12,
  note: 2000,
  decisionNumber: 50,
} as const;
