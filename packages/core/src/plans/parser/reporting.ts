import type { ReportingDeadline, ReportingKind } from '../plan-format.ts';
import { cleanBody } from './bodies.ts';
import { findDates, isoDate, monthDay } from './dates.ts';
import { clip, fold, squash } from '../../text/fold.ts';
import { markerOf } from './outline.ts';

/**
 * The reporting regime: sentences about reports ("báo cáo", "sơ kết", "tổng kết") with the
 * dates they set. Each date takes the kind named nearest before it in the sentence ("6 tháng
 * (ngày 10 tháng 6), báo cáo năm (ngày 30 tháng 10)"), else the first named after it
 * ("vào ngày 15/12 hàng năm"). A date with a year is a one-off ISO date, without one a yearly
 * 'MM-DD'. "sơ kết/tổng kết … (vào cuối năm 2025)" gives 2025-12-31. Dates of cited documents
 * ("Công văn số 793/… ngày 29/02/2024") are not deadlines. A sentence that sets a period
 * ("định kỳ", "hằng năm", "6 tháng", …) without a readable date is returned as unparsed.
 */

const KINDS: [RegExp, ReportingKind][] = [
  [/(?:^|\s)(?:6|06|sau) thang|nua nam|ban nien/g, 'semiannual'],
  [/(?:^|\s)(?:hang|moi|tung) quy|bao cao quy|(?:^|\s)quy (?:i|ii|iii|iv|[1-4])(?=\s|$|[,.;)])/g, 'quarterly'],
  [/(?:^|\s)(?:hang|moi|tung) thang|bao cao thang/g, 'monthly'],
  [/tong ket/g, 'final'],
  [/so ket/g, 'other'],
  [
    /(?:^|\s)(?:hang|moi|ca) nam|bao cao nam|ket qua nam|(?<!dau|cuoi)(?:^|\s)nam (?:19|20|21)\d{2}|cuoi nam|(?<!dau|thang)\snam(?= \(?(?:truoc|vao|cham nhat|gui) )/g,
    'annual',
  ],
];

/** A sentence about a report: "báo cáo", "sơ kết", "tổng kết", or sending results, figures or lists. */
const REPORT = /bao cao|so ket|tong ket|gui (?:[a-z ]{0,20})?(?:ket qua|so lieu|danh sach|bieu mau)/;
const SENDING = /(?:^|\s)gui\s|truoc ngay|cham nhat/;

/**
 * A yearly plan's results reported at the end of its year ("báo cáo kết quả thực hiện Kế hoạch
 * trước ngày 30/11/2026" in a 2026 plan) are its annual report, though the sentence does not say so.
 * `planYear` is null for an event's plan (Tháng hành động, Tết Trung thu): it reports the event.
 */
function yearEnd(d: Omit<ReportingDeadline, 'text'>, planYear: number | null): Omit<ReportingDeadline, 'text'> {
  if (d.kind !== 'other' || planYear === null || !d.due.startsWith(`${planYear}-`)) return d;
  return Number(d.due.slice(5, 7)) >= 10 ? { ...d, kind: 'annual' } : d;
}

const PERIODIC =
  /dinh ky|hang nam|hang thang|hang quy|(?:6|06|sau) thang|bao cao (?:nam|quy|thang)|che do (?:thong tin, )?bao cao/;

export interface ReportingFound {
  deadlines: ReportingDeadline[];
  unparsed: { line: number; text: string }[];
}

/**
 * `defaultRecipient`: who gets a report whose sentence names no one; a letter's issuer ("Sở Y tế
 * đề nghị … báo cáo năm gửi trước ngày 15/11/2025" means to Sở Y tế). A sentence naming no one
 * otherwise takes the recipient of the sentence before it in the paragraph, and a date naming no
 * kind takes the kind of the numbered heading it sits under ("1. Báo cáo … 6 tháng đầu năm").
 */
export function findReporting(
  paras: { text: string; line: number }[],
  defaultRecipient: string | null = null,
  planYear: number | null = null,
): ReportingFound {
  const deadlines: ReportingDeadline[] = [];
  const unparsed: { line: number; text: string }[] = [];
  let headingKind: ReportingKind | null = null;
  for (const p of paras) {
    const pf = fold(p.text);
    const marker = p.text.length < 300 ? markerOf(p.text) : null;
    // "1. Báo cáo … 6 tháng đầu năm": a numbered item about a report gives its kind to the dates under it
    if (marker && /^(?:num|roman|letter|LETTER)/.test(marker.style))
      headingKind = /bao cao|so ket|tong ket/.test(pf) ? (kindsIn(pf)[0]?.kind ?? null) : null;
    if (!REPORT.test(pf) || p.text.split(' ').length < 6) continue; // headings
    let recipient = defaultRecipient;
    // "1. Báo cáo … 6 tháng đầu năm 2026: …; số liệu tính …; gửi về Sở Y tế trước ngày 12/6/2026."
    // the date's sentence names no report: it takes the kind the paragraph named before it
    let paraKind = headingKind;
    for (const [s, e] of sentences(pf)) {
      const sf = pf.slice(s, e);
      if (!REPORT.test(sf) && !(SENDING.test(sf) && REPORT.test(pf.slice(0, s)))) continue;
      const text = clip(squash(p.text.slice(s, e)), 2000);
      const found = readSentence(p.text.slice(s, e), sf, paraKind, recipient).map((d) => yearEnd(d, planYear));
      paraKind = kindsIn(sf)[0]?.kind ?? paraKind;
      if (found[0]?.recipient) recipient = found[0].recipient;
      for (const d of found) {
        if (deadlines.length < 100 && !deadlines.some((x) => x.kind === d.kind && x.due === d.due))
          deadlines.push({ ...d, text });
      }
      if (!found.length && PERIODIC.test(sf)) unparsed.push({ line: p.line, text });
    }
  }
  return { deadlines, unparsed };
}

function sentences(f: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const re = /[.!?;](?=\s+[a-z0-9(“"]|$)/g;
  for (let m = re.exec(f); m; m = re.exec(f)) {
    out.push([start, m.index + 1]);
    start = m.index + 1;
  }
  if (start < f.length) out.push([start, f.length]);
  return out;
}

const EVENT_WORDS = /thang hanh dong|trung thu|dien dan|(?:^|\s)he(?:\s|$)|ngay quoc te/;

function kindsIn(f: string): { at: number; kind: ReportingKind }[] {
  const kinds: { at: number; kind: ReportingKind }[] = [];
  for (const [re, kind] of KINDS) {
    re.lastIndex = 0;
    for (const m of f.matchAll(re)) {
      // "Báo cáo kết quả Tháng hành động vì trẻ em năm 2026" reports an event, not the year
      if (kind === 'annual' && /nam \d/.test(m[0]) && EVENT_WORDS.test(f.slice(Math.max(0, m.index - 50), m.index))) continue;
      kinds.push({ at: m.index, kind });
    }
  }
  return kinds.sort((a, b) => a.at - b.at);
}

function readSentence(
  orig: string,
  f: string,
  fallbackKind: ReportingKind | null,
  fallbackRecipient: string | null,
): Omit<ReportingDeadline, 'text'>[] {
  // A date right after a document number ("Công văn số 793/LĐTBXH-TE ngày 29/02/2024") dates that document.
  let dates = findDates(f).filter(
    (d) => !/(?:\d\/[a-z][a-z0-9-]*|\d-[a-z]{2,4}\/[a-z]+)\s*(?:ngay\s*)?$/.test(f.slice(Math.max(0, d.index - 40), d.index)),
  );
  // "(số liệu) tính từ ngày 01/01/2025 đến ngày 31/5/2025" is the period a report covers: its
  // start is never a due date, nor its end when the sentence speaks of data or a reporting period.
  const period = /so lieu|tinh tu|ky bao cao|chot/.test(f);
  // A row "… Đến ngày 31/5/2026 | Trước ngày 05/6/2026": when a date is given as a deadline
  // ("trước ngày", "chậm nhất"), the dates a period runs to or from are not deadlines
  const cue = (d: { index: number }, re: RegExp) => re.test(f.slice(Math.max(0, d.index - 16), d.index));
  const DUE = /(?:truoc|cham nhat|han|hoan thanh)\s+(?:ngay\s+)?$/;
  const RUNS = /(?:^|\s)(?:den|toi|tu|tinh den)\s+(?:het\s+)?(?:ngay\s+)?$/;
  if (dates.some((d) => cue(d, DUE))) dates = dates.filter((d) => !cue(d, RUNS));
  const all = dates;
  dates = dates.filter((d, i) => {
    if (/(?:^|\s)tu\s+(?:ngay\s+)?$/.test(f.slice(Math.max(0, d.index - 10), d.index))) return false;
    const prev = dates[i - 1];
    const isEnd = prev && /^\s*(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?$/.test(f.slice(prev.end, d.index));
    return !(isEnd && period && /(?:^|\s)tu\s+(?:ngay\s+)?$/.test(f.slice(Math.max(0, prev.index - 10), prev.index)));
  });
  // Masks dates so "năm 2024" inside "ngày 15 tháng 11 năm 2024" is not an annual cue.
  let masked = f;
  for (const d of all) masked = masked.slice(0, d.index) + ' '.repeat(d.end - d.index) + masked.slice(d.end);
  const kinds = kindsIn(masked);
  const recipient = recipientOf(orig, f) ?? fallbackRecipient;
  const out: Omit<ReportingDeadline, 'text'>[] = [];
  for (const [i, d] of dates.entries()) {
    const before = kinds.filter((k) => k.at < d.index).pop();
    // a kind named after this date but before the next one is the next date's ("… hè trước ngày
    // 10/9 và báo cáo năm 2026 trước ngày 15/11")
    const next = dates[i + 1];
    const after = kinds.find((k) => k.at >= d.end && (!next || k.at > next.index || /^\s*\(/.test(masked.slice(d.end))));
    // "trước ngày 30/11/2026 (báo cáo năm)": the bracket right after the date names its report
    const bracket = /^\s*\(([^)]{1,40})\)/.exec(masked.slice(d.end));
    const named = bracket && after && after.at < d.end + bracket[0].length ? after : null;
    const kind = named?.kind ?? before?.kind ?? after?.kind ?? fallbackKind ?? 'other';
    const due = d.year ? isoDate(d.year, d.month, d.day) : monthDay(d.month, d.day);
    if (due) out.push({ kind, due, recipient });
  }
  // "sơ kết (vào cuối năm 2025) và tổng kết (vào cuối năm 2030)"
  for (const m of masked.matchAll(/(so ket|tong ket)[^;.]{0,40}?cuoi nam ((?:19|20|21)\d{2})/g)) {
    out.push({ kind: m[1] === 'so ket' ? 'other' : 'final', due: `${m[2] ?? ''}-12-31`, recipient });
  }
  return out;
}

/** "gửi (báo cáo …) về/cho/đến X để …": X, as written. */
function recipientOf(orig: string, f: string): string | null {
  const m =
    /gui\s+(?:[^.;]{0,80}?\s)?(?:ve|cho|den|toi)\s+/.exec(f) ??
    /bao cao\s+(?:[^.;]{0,120}?\s)?ve\s+(?=uy ban|ubnd|so|phong|ban)/.exec(f);
  if (!m) return null;
  const start = m.index + m[0].length;
  const rest = f.slice(start);
  const stop = /\s(?:de|truoc|vao|cham nhat|theo|trong|dong thoi|va (?:bo|uy ban|ubnd))\s|[,;.(]/.exec(rest);
  const name = cleanBody(orig.slice(start, start + (stop ? stop.index : Math.min(rest.length, 150))));
  return name ? clip(name, 300) : null;
}
