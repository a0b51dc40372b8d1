import type { Sex } from '../../children/child.ts';
import { addDays, daysBetween } from '../../reporting/timeliness.ts';

/**
 * Children's opinions and forums, the pure part: the kinds of event, the counts grid (age group ×
 * sex) and its checks, the states of an opinion (raised → sent → answered → fed back to the
 * children), the answer clock and which counts feed indicators 22–24.
 *
 * Counts are participations, not distinct children: a child at two forums counts twice. Tre keeps
 * no register of who took part (names only with a recorded consent, never linked to the children
 * register), so it cannot tell the same child at two events apart; the figures say so.
 */

export const EVENT_KINDS = ['consultation', 'forum', 'council_meeting', 'club', 'training'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKind, { vi: string; en: string }> = {
  consultation: { vi: 'Lấy ý kiến trẻ em', en: 'Consultation of children' },
  forum: { vi: 'Diễn đàn trẻ em', en: "Children's forum" },
  council_meeting: { vi: 'Họp Hội đồng trẻ em', en: "Children's Council meeting" },
  club: { vi: 'Sinh hoạt câu lạc bộ, nhóm trẻ em', en: "Children's club or group" },
  training: { vi: 'Tập huấn, truyền thông về quyền tham gia', en: 'Training or awareness on participation' },
};

/**
 * The age groups of the counts, cut where indicators 22 (7–15) and 24 (11–15) need: the
 * catalogue's own age groups (u6, 6_11, 12_15) cut at 6 and 12, which these indicators cannot use.
 */
export const PARTICIPANT_AGE_GROUPS = ['u7', '7_10', '11_15', '16_17'] as const;
export type ParticipantAgeGroup = (typeof PARTICIPANT_AGE_GROUPS)[number];
export const PARTICIPANT_AGE_LABELS: Record<ParticipantAgeGroup, { vi: string; en: string }> = {
  u7: { vi: 'Dưới 7 tuổi', en: 'Under 7' },
  '7_10': { vi: 'Từ 7 đến 10 tuổi', en: '7 to 10' },
  '11_15': { vi: 'Từ 11 đến 15 tuổi', en: '11 to 15' },
  '16_17': { vi: 'Từ 16 đến 17 tuổi (người chưa thành niên)', en: '16 to 17 (minors, not children in law)' },
};
const SEXES = ['male', 'female'] as const satisfies readonly Sex[];

/** Participants by age group and sex. */
export type CountsGrid = Record<ParticipantAgeGroup, Record<Sex, number>>;

/** At most this many participants in one cell (a province-wide forum is a few thousand at most). */
export const MAX_PARTICIPANTS = 100_000;

export const emptyParticipantCounts = (): CountsGrid =>
  Object.fromEntries(PARTICIPANT_AGE_GROUPS.map((a) => [a, { male: 0, female: 0 }])) as CountsGrid;

export const participantTotal = (c: CountsGrid): number =>
  PARTICIPANT_AGE_GROUPS.reduce((n, a) => n + c[a].male + c[a].female, 0);

/** The first cell that is not a whole number from 0 to MAX_PARTICIPANTS, or null; and a total of at least one. */
export function participantCountsProblem(c: CountsGrid): { field: string; vi: string; en: string } | null {
  for (const a of PARTICIPANT_AGE_GROUPS) {
    for (const s of SEXES) {
      const n = c[a][s];
      if (!Number.isSafeInteger(n) || n < 0 || n > MAX_PARTICIPANTS) {
        return {
          field: `counts.${a}.${s}`,
          vi: `Số trẻ em phải là số nguyên từ 0 đến ${String(MAX_PARTICIPANTS)}`,
          en: `A count must be a whole number from 0 to ${String(MAX_PARTICIPANTS)}`,
        };
      }
    }
  }
  if (participantTotal(c) === 0)
    return { field: 'counts', vi: 'Cần ít nhất một trẻ em tham gia', en: 'At least one child must take part' };
  return null;
}

/** Names kept only with a recorded consent; no more names than participants counted. */
export function participantNamesProblem(
  names: number,
  consent: { given: boolean } | null,
  counts: CountsGrid,
): { field: string; vi: string; en: string } | null {
  if (names === 0) return null;
  if (!consent?.given) {
    return {
      field: 'participants',
      vi: 'Không lưu tên trẻ em khi chưa ghi nhận sự đồng ý (người đồng ý, ngày đồng ý)',
      en: 'Children are not named without a recorded consent (who gave it, when)',
    };
  }
  if (names > participantTotal(counts)) {
    return { field: 'participants', vi: 'Số tên nhiều hơn số trẻ em tham gia', en: 'More names than participants counted' };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Opinions

export const OPINION_STATES = ['raised', 'sent', 'answered', 'fed_back'] as const;
export type OpinionState = (typeof OPINION_STATES)[number];
export const OPINION_STATE_LABELS: Record<OpinionState, { vi: string; en: string }> = {
  raised: { vi: 'Đã nêu', en: 'Raised' },
  sent: { vi: 'Đã gửi, chờ trả lời', en: 'Sent, awaiting an answer' },
  answered: { vi: 'Đã trả lời, chưa phản hồi cho trẻ em', en: 'Answered, not yet fed back to the children' },
  fed_back: { vi: 'Đã phản hồi cho trẻ em', en: 'Fed back to the children' },
};

export type OpinionStep = 'send' | 'answer' | 'feedBack';

/** The state an opinion must be in for a step, and the state after it. */
export const OPINION_STEPS: Record<OpinionStep, { from: OpinionState; to: OpinionState }> = {
  send: { from: 'raised', to: 'sent' },
  answer: { from: 'sent', to: 'answered' },
  feedBack: { from: 'answered', to: 'fed_back' },
};

export const mayStep = (state: OpinionState, step: OpinionStep): boolean => OPINION_STEPS[step].from === state;

/** The days a body has to answer an opinion sent to it, unless the administrator sets another. */
export const DEFAULT_ANSWER_DAYS = 30;
export const MAX_ANSWER_DAYS = 365;

/** The day the answer is due: sent on + the answer days (the last day it is still in time). */
export const answerDueOn = (sentOn: string, answerDays: number): string => addDays(sentOn, answerDays);

/**
 * Days an opinion is overdue on `today` (a Vietnam date): 0 when it is not (never sent, answered,
 * or still within its time). The first overdue day is the day after the due day.
 */
export function opinionDaysOverdue(o: { state: OpinionState; sentOn: string | null }, answerDays: number, today: string): number {
  if (o.state !== 'sent' || o.sentOn === null) return 0;
  return Math.max(0, daysBetween(answerDueOn(o.sentOn, answerDays), today));
}

// ---------------------------------------------------------------------------------------------
// Indicators 22–24

/**
 * Which participations feed which data element (each by sex only, as the catalogue has it):
 * - CHILDREN_7_15_CONSULTED (indicator 22): consultations, children aged 7–15 (7_10 + 11_15);
 * - CHILDREN_11_15_IN_PARTICIPATION_MODELS (indicator 24): Children's Council meetings, forums and
 *   clubs, children aged 11–15;
 * - CHILDREN_PARTICIPATION_CAPACITY (indicator 23): trainings and awareness sessions, forums,
 *   council meetings and clubs (activities where children learn and use their right to take
 *   part; a consultation only asks), children of every age under 16.
 * 16–17-year-olds are counted at the event but feed no indicator (children in law are under 16).
 */
export const PARTICIPATION_ELEMENTS = [
  { element: 'CHILDREN_7_15_CONSULTED', kinds: ['consultation'], ages: ['7_10', '11_15'] },
  { element: 'CHILDREN_11_15_IN_PARTICIPATION_MODELS', kinds: ['council_meeting', 'forum', 'club'], ages: ['11_15'] },
  {
    element: 'CHILDREN_PARTICIPATION_CAPACITY',
    kinds: ['training', 'forum', 'council_meeting', 'club'],
    ages: ['u7', '7_10', '11_15'],
  },
] as const satisfies readonly { element: string; kinds: readonly EventKind[]; ages: readonly ParticipantAgeGroup[] }[];

export type ParticipationElement = (typeof PARTICIPATION_ELEMENTS)[number]['element'];

/** An event's contribution to each element, by sex. */
export function elementCounts(kind: EventKind, counts: CountsGrid): { element: ParticipationElement; sex: Sex; value: number }[] {
  const out: { element: ParticipationElement; sex: Sex; value: number }[] = [];
  for (const e of PARTICIPATION_ELEMENTS) {
    if (!(e.kinds as readonly EventKind[]).includes(kind)) continue;
    for (const sex of SEXES) {
      out.push({
        element: e.element,
        sex,
        value: (e.ages as readonly ParticipantAgeGroup[]).reduce((n, a) => n + counts[a][sex], 0),
      });
    }
  }
  return out;
}
