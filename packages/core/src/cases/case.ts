import type { Bilingual } from '../indicators/catalogue-schema.ts';

/**
 * The words of a child-protection case: how a report came in, the forms of abuse (Luật Trẻ em
 * Điều 4 khoản 5; DESIGN §5), its urgency, and the services a plan names (Điều 29).
 */

export const REPORT_CHANNELS = [
  'hotline_111',
  'provincial_hotline',
  'police',
  'school',
  'health',
  'community',
  'child',
  'other',
] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export const CHANNEL_LABELS: Readonly<Record<ReportChannel, Bilingual>> = {
  hotline_111: { vi: 'Tổng đài 111', en: 'Hotline 111' },
  provincial_hotline: { vi: 'Đường dây nóng của tỉnh', en: 'Provincial hotline' },
  police: { vi: 'Công an', en: 'Police' },
  school: { vi: 'Nhà trường', en: 'School' },
  health: { vi: 'Cơ sở y tế', en: 'Health facility' },
  community: { vi: 'Người dân, cộng đồng', en: 'Community member' },
  child: { vi: 'Trẻ em tự báo', en: 'The child' },
  other: { vi: 'Kênh khác', en: 'Other channel' },
};

export const ABUSE_FORMS = [
  'violence',
  'exploitation',
  'sexual_abuse',
  'trafficking',
  'abandonment',
  'neglect',
  'other_harm',
] as const;
export type AbuseForm = (typeof ABUSE_FORMS)[number];

export const ABUSE_FORM_LABELS: Readonly<Record<AbuseForm, Bilingual>> = {
  violence: { vi: 'Bạo lực', en: 'Violence' },
  exploitation: { vi: 'Bóc lột', en: 'Exploitation' },
  sexual_abuse: { vi: 'Xâm hại tình dục', en: 'Sexual abuse' },
  trafficking: { vi: 'Mua bán', en: 'Trafficking' },
  abandonment: { vi: 'Bỏ rơi', en: 'Abandonment' },
  neglect: { vi: 'Bỏ mặc', en: 'Neglect' },
  other_harm: { vi: 'Gây tổn hại khác', en: 'Other harm' },
};

/** immediate: the child's life, health or dignity is seriously threatened (the 12-hour emergency clock runs). */
export const URGENCIES = ['immediate', 'high', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const URGENCY_LABELS: Readonly<Record<Urgency, Bilingual>> = {
  immediate: {
    vi: 'Khẩn cấp: tính mạng, sức khỏe, nhân phẩm bị đe dọa nghiêm trọng',
    en: 'Immediate: life, health or dignity seriously threatened',
  },
  high: { vi: 'Cao', en: 'High' },
  normal: { vi: 'Bình thường', en: 'Normal' },
};

export const SERVICE_KINDS = [
  'health',
  'psychological',
  'legal_aid',
  'alternative_care',
  'schooling',
  'police',
  'social_assistance',
  'other',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_LABELS: Readonly<Record<ServiceKind, Bilingual>> = {
  health: { vi: 'Chăm sóc y tế', en: 'Health care' },
  psychological: { vi: 'Hỗ trợ tâm lý', en: 'Psychological support' },
  legal_aid: { vi: 'Trợ giúp pháp lý', en: 'Legal aid' },
  alternative_care: { vi: 'Chăm sóc thay thế, bố trí nơi tạm trú', en: 'Alternative care or temporary placement' },
  schooling: { vi: 'Hỗ trợ giáo dục, học tập', en: 'Schooling' },
  police: { vi: 'Biện pháp của cơ quan công an', en: 'Police action' },
  social_assistance: { vi: 'Trợ giúp xã hội', en: 'Social assistance' },
  other: { vi: 'Dịch vụ khác', en: 'Other service' },
};

/**
 * A service's way from the plan to done: planned by the team; referred to another body, which
 * accepts or rejects it (with a reason); done with its outcome.
 */
export const SERVICE_STATUSES = ['planned', 'referred', 'accepted', 'rejected', 'done'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const SERVICE_STATUS_LABELS: Readonly<Record<ServiceStatus, Bilingual>> = {
  planned: { vi: 'Dự kiến', en: 'Planned' },
  referred: { vi: 'Đã chuyển, chờ tiếp nhận', en: 'Referred, awaiting acceptance' },
  accepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
  rejected: { vi: 'Từ chối', en: 'Rejected' },
  done: { vi: 'Đã hoàn thành', en: 'Done' },
};

/** Ages of the abuse statistics (Thông tư 13/2021 reports children by these groups). */
export type CaseAgeGroup = 'u6' | '6_11' | '12_15';
export const caseAgeGroup = (years: number): CaseAgeGroup => (years < 6 ? 'u6' : years < 12 ? '6_11' : '12_15');
