import { daysBetween, parsePeriod, periodLabel } from '@tre/core';

/**
 * The words of reminders: the in-app titles and the e-mails, Vietnamese first, then English.
 * Pure: the service decides who gets what.
 */
export interface RoundFacts {
  roundId: string;
  title: string;
  period: string;
  /** YYYY-MM-DD, a date in Vietnam */
  deadline: string;
  /** the body that owes the report */
  bodyName: string;
  /** the run's date in Vietnam */
  today: string;
}

export interface Bilingual {
  vi: string;
  en: string;
}

/** 2025-06-15 → 15/06/2025, as Vietnamese documents write dates. */
export function ddmmyyyy(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

/**
 * The web page a reminder opens: the body's own report in the round (a body may not read the board),
 * or the round's board for the standing body; absolute when Tre knows its public address (TRE_PUBLIC_URL).
 */
export function roundLink(roundId: string, publicUrl?: string, unitCode?: string): string {
  const path = unitCode ? `/reporting/rounds/${roundId}/submissions/${unitCode}` : `/reporting/rounds/${roundId}`;
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${path}` : path;
}

function periodText(period: string): Bilingual {
  const p = parsePeriod(period);
  return p ? periodLabel(p) : { vi: period, en: period };
}

/** "còn 3 ngày" / "3 days left", "trễ hạn 8 ngày" / "8 days late", or due today. */
function timing(f: RoundFacts): Bilingual {
  const late = daysBetween(f.deadline, f.today);
  if (late > 0) return { vi: `đã trễ hạn ${late} ngày`, en: `${late} day${late === 1 ? '' : 's'} late` };
  if (late === 0) return { vi: 'hôm nay là hạn cuối', en: 'due today' };
  return { vi: `còn ${-late} ngày`, en: `${-late} day${late === -1 ? '' : 's'} left` };
}

export function reminderTitle(f: RoundFacts): Bilingual {
  const due = ddmmyyyy(f.deadline);
  return { vi: `Nhắc báo cáo: ${f.title} — hạn ${due}`, en: `Report reminder: ${f.title} — due ${due}` };
}

export function escalationTitle(f: RoundFacts): Bilingual {
  const late = daysBetween(f.deadline, f.today);
  return {
    vi: `${f.bodyName} trễ hạn ${late} ngày: ${f.title}`,
    en: `${f.bodyName} is ${late} day${late === 1 ? '' : 's'} late: ${f.title}`,
  };
}

const FOOTER = {
  vi: 'Thư này do hệ thống Tre gửi tự động; xin đừng trả lời thư này.',
  en: 'This message was sent automatically by Tre; please do not reply to it.',
};

function subject(t: Bilingual): string {
  return `${t.vi} / ${t.en}`;
}

/** The e-mail to a body's reporting mailbox. */
export function reminderMail(f: RoundFacts, link: string): { subject: string; text: string } {
  const due = ddmmyyyy(f.deadline);
  const period = periodText(f.period);
  const when = timing(f);
  const vi = [
    `Kính gửi: ${f.bodyName}`,
    '',
    `${f.title} (kỳ ${period.vi}) có hạn nộp ngày ${due}, ${when.vi}.`,
    'Đơn vị chưa gửi báo cáo trên Tre. Đề nghị đơn vị gửi báo cáo tại:',
    link,
    '',
    FOOTER.vi,
  ];
  const en = [
    `To: ${f.bodyName}`,
    '',
    `${f.title} (period: ${period.en}) is due on ${due}, ${when.en}.`,
    'Your report has not been sent in Tre yet. Please send it at:',
    link,
    '',
    FOOTER.en,
  ];
  return { subject: subject(reminderTitle(f)), text: [...vi, '', '---', '', ...en, ''].join('\n') };
}

/** The e-mail to a body's head when its report is late beyond the body's escalation threshold. */
export function escalationMail(f: RoundFacts, headName: string | null, link: string): { subject: string; text: string } {
  const due = ddmmyyyy(f.deadline);
  const period = periodText(f.period);
  const when = timing(f);
  const vi = [
    `Kính gửi: ${headName ? `${headName}, ` : ''}Thủ trưởng ${f.bodyName}`,
    '',
    `${f.bodyName} chưa gửi báo cáo ${f.title} (kỳ ${period.vi}), hạn nộp ngày ${due}, ${when.vi}.`,
    'Đề nghị Thủ trưởng chỉ đạo gửi báo cáo tại:',
    link,
    '',
    FOOTER.vi,
  ];
  const en = [
    `To: ${headName ? `${headName}, ` : ''}head of ${f.bodyName}`,
    '',
    `${f.bodyName} has not sent its report ${f.title} (period: ${period.en}), due on ${due}, ${when.en}.`,
    'Please see that it is sent at:',
    link,
    '',
    FOOTER.en,
  ];
  return { subject: subject(escalationTitle(f)), text: [...vi, '', '---', '', ...en, ''].join('\n') };
}
