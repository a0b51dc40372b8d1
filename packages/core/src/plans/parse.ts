/**
 * Plan documents (Kế hoạch, Công văn) to tre.plan/v1. Pure: bytes or text in, data out, no I/O.
 * The steps live in ./parser/: text.ts and docx.ts read files, footnotes.ts makes paragraphs,
 * header.ts the header, outline.ts the tree of numbered items, tasks.ts decides what is a task,
 * bodies.ts splits lists of bodies, indicators.ts reads targets, timeline.ts and reporting.ts
 * read dates, citations.ts document numbers, tables.ts turns assignment tables into task lines.
 */
import { PLAN_FORMAT, PlanDocumentSchema, type ParseNote, type PlanDocument, type PlanParseResult } from './plan-format.ts';
import { findCitations } from './parser/citations.ts';
import { extractDocxText } from './parser/docx.ts';
import { PlanFileError } from './parser/errors.ts';
import { fold } from '../text/fold.ts';
import { paragraphs } from './parser/footnotes.ts';
import { parseHeader } from './parser/header.ts';
import { note } from './parser/notes.ts';
import { BODY_END, buildOutline } from './parser/outline.ts';
import { findReporting } from './parser/reporting.ts';
import { expandCellTables, expandTabTables } from './parser/tables.ts';
import { walkOutline, type WalkResult } from './parser/tasks.ts';
import { decodeTextFile, normaliseText } from './parser/text.ts';

export { PlanFileError };

export const MAX_DOCX_BYTES = 10 * 1024 * 1024;
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;

/** Text of a .txt or .docx file, normalised (NFC, \n line ends, no BOM). */
export function extractPlanText(fileName: string, bytes: Uint8Array): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  if (ext !== 'txt' && ext !== 'docx' && ext !== 'text') {
    throw new PlanFileError('unsupported-type', {
      vi: `Không đọc được tệp .${ext || '?'}: chỉ nhận .docx và .txt. Tệp PDF hoặc .doc hãy mở bằng Word và lưu lại dưới dạng .docx.`,
      en: `Cannot read a .${ext || '?'} file: only .docx and .txt are accepted. Open a PDF or .doc in Word and save it as .docx.`,
    });
  }
  if (bytes.length === 0) throw new PlanFileError('empty', { vi: 'Tệp rỗng.', en: 'The file is empty.' });
  const max = ext === 'docx' ? MAX_DOCX_BYTES : MAX_TEXT_BYTES;
  if (bytes.length > max) {
    const mb = Math.round(max / 1024 / 1024);
    throw new PlanFileError('too-large', { vi: `Tệp lớn hơn ${mb} MB.`, en: `The file is larger than ${mb} MB.` });
  }
  const text = ext === 'docx' ? normaliseText(extractDocxText(bytes)) : preparedText(decodeTextFile(bytes));
  if (!text.trim()) throw new PlanFileError('empty', { vi: 'Tệp không có chữ nào.', en: 'The file has no text.' });
  return text;
}

/** Pasted or decoded text made ready to read: tables as task blocks, NFC, \n line ends, no BOM. */
function preparedText(raw: string): string {
  return normaliseText(expandCellTables(expandTabTables(raw)));
}

/** Reads plan text into tre.plan/v1. Pure and total: never throws on any string. */
export function parsePlanText(text: string): PlanParseResult {
  return parsePrepared(() => preparedText(typeof text === 'string' ? text : ''));
}

/** Reads a plan file (extractPlanText prepares its text once; it is not prepared again here). */
export function parsePlanFile(fileName: string, bytes: Uint8Array): PlanParseResult {
  const text = extractPlanText(fileName, bytes);
  return parsePrepared(() => text);
}

function parsePrepared(prepare: () => string): PlanParseResult {
  let lines: string[] = [];
  try {
    lines = prepare().split('\n');
    return parseLines(lines);
  } catch (e) {
    // A bug must not lose the user's upload: the source is still shown, with what went wrong.
    const msg = e instanceof Error ? e.message : String(e);
    return {
      plan: emptyPlan(),
      lines,
      notes: [note(1, 'other', `Lỗi khi đọc văn bản: ${msg}`, `Error while reading the document: ${msg}`)],
    };
  }
}

function emptyPlan(): PlanDocument {
  return {
    format: PLAN_FORMAT,
    title: '',
    documentType: 'other',
    issuer: null,
    documentNumber: null,
    years: { from: null, to: null },
    citations: [],
    sections: [],
    indicators: [],
    tasks: [],
    indicatorAssignments: [],
    reporting: [],
    footnotes: [],
  };
}

function parseLines(lines: string[]): PlanParseResult {
  const { paras, footnotes } = paragraphs(lines);
  const header = parseHeader(paras);
  const bodyParas = paras.slice(header.bodyStart);
  const end = bodyParas.findIndex((p) => BODY_END.test(fold(p.text.slice(0, 40))));
  const appendices = findAppendices(bodyParas, end < 0 ? bodyParas.length : end);
  const bodyEnd = Math.min(end < 0 ? bodyParas.length : end, appendices[0]?.start ?? bodyParas.length);
  const body = bodyParas.slice(0, bodyEnd);
  const { from, to } = header.years;
  const opts = {
    documentType: header.documentType,
    planEnd: to,
    planYear: from !== null && from === to ? from : null,
  };
  const walked = walkOutline(buildOutline(body), opts);
  const formNotes: ParseNote[] = [];
  for (const a of appendices) {
    // "Phụ lục I — ĐỀ CƯƠNG BÁO CÁO …": the outline of a report to write, not work to track
    if (REPORT_FORM.test(fold(a.title))) {
      formNotes.push(
        note(
          a.line,
          'skipped-line',
          `Phụ lục "${a.title.slice(0, 80)}" là đề cương hoặc biểu mẫu báo cáo: không lập nhiệm vụ.`,
          `Appendix "${a.title.slice(0, 80)}" is a report outline or form: not made tasks.`,
        ),
      );
      continue;
    }
    const part = walkOutline(buildOutline(bodyParas.slice(a.start + 1, a.end)), { ...opts, appendix: a.ref });
    if (!part.tasks.length && !part.indicators.length) continue;
    walked.sections.push({ ref: a.ref, title: a.title, level: 1, line: a.line }, ...part.sections);
    mergeWalk(walked, part);
  }
  const yearly = header.documentType === 'plan' && !EVENT.test(fold(header.title)) ? opts.planYear : null;
  const reporting = findReporting(body, header.documentType === 'letter' ? header.issuer : null, yearly);
  const notes = [
    ...walked.notes,
    ...formNotes,
    ...reporting.unparsed.map((u) =>
      note(
        u.line,
        'unparsed-deadline',
        `Câu về báo cáo nhưng không đọc được hạn: "${u.text.slice(0, 160)}"`,
        `A sentence about reports with no readable due date: "${u.text.slice(0, 160)}"`,
      ),
    ),
  ];
  if (!walked.tasks.length && !walked.indicators.length)
    notes.push(
      note(
        1,
        'other',
        'Không tìm thấy nhiệm vụ hay chỉ tiêu nào: văn bản có thể không phải kế hoạch.',
        'No tasks or indicators found: the document may not be a plan.',
      ),
    );
  const plan: PlanDocument = {
    format: PLAN_FORMAT,
    title: header.title,
    documentType: header.documentType,
    issuer: header.issuer,
    documentNumber: header.documentNumber,
    years: header.years,
    citations: findCitations(lines.join('\n'), header.documentNumber),
    sections: walked.sections,
    indicators: walked.indicators,
    tasks: walked.tasks,
    indicatorAssignments: walked.assignments,
    reporting: reporting.deadlines,
    footnotes: footnotes.slice(0, 500).map((f) => ({ mark: f.mark.slice(0, 10), text: f.text.slice(0, 10000) })),
  };
  notes.sort((a, b) => a.line - b.line);
  const checked = PlanDocumentSchema.safeParse(plan);
  if (!checked.success) throw new Error(`output does not match tre.plan/v1: ${checked.error.issues[0]?.message ?? ''}`);
  return { plan: checked.data, lines, notes };
}

/** Appendices that are the outline or the form of a report rather than work. */
const REPORT_FORM = /^(?:de cuong|mau\b|bieu\b)/;

/** Titles of plans for one event rather than for the year's work. */
const EVENT = /thang hanh dong|trung thu|dien dan|hoi thi|le phat dong|ngay (?:quoc te|gia dinh)|hoat dong he|\bhe\b/;

const APPENDIX = /^(?:phu luc|danh muc (?:cac )?(?:nhiem vu|hoat dong|de an)|bang phan cong|phan cong nhiem vu)\b/;

interface Appendix {
  ref: string;
  title: string;
  line: number;
  /** paras[start] is the heading; the appendix runs to paras[end - 1]. */
  start: number;
  end: number;
}

/**
 * Appendices: a heading "PHỤ LỤC [I|1|SỐ 01] [title]" (or "DANH MỤC NHIỆM VỤ …", "PHÂN CÔNG NHIỆM
 * VỤ …" after the signature) starts one, which runs to the next or to a recipients list or
 * signature. In the body only an upper-case "PHỤ LỤC" counts, so a sentence "Phụ lục kèm theo …"
 * stays text. Each appendix is walked as its own outline, its sections under ref "PL" ("PL1",
 * "PL2" when numbered "PHỤ LỤC I", "PHỤ LỤC 2") so they do not clash with the body's "I", "II".
 */
function findAppendices(paras: { text: string; line: number }[], bodyEnd: number): Appendix[] {
  const out: Appendix[] = [];
  for (let i = 0; i < paras.length && out.length < 50; i++) {
    const text = paras[i]?.text ?? '';
    if (text.length > 300) continue;
    const f = fold(text);
    if (!APPENDIX.test(f)) continue;
    const upper = text.slice(0, 7) === text.slice(0, 7).toUpperCase();
    if (i < bodyEnd ? !(upper && f.startsWith('phu luc')) : !upper && !f.startsWith('phu luc')) continue;
    const prev = out[out.length - 1];
    if (prev && i - prev.start <= 2) continue; // "PHỤ LỤC I" over "DANH MỤC NHIỆM VỤ …": its title
    if (prev && prev.end > i) prev.end = i;
    const m = /^phu luc\s*(?:so\s*)?([ivxl]{1,6}|\d{1,2})?\b\s*[.:–-]?\s*/.exec(f);
    const no = m?.[1] ? String(/^\d/.test(m[1]) ? Number(m[1]) : romanNumber(m[1])) : '';
    let title = m ? text.slice(m[0].length).trim() : text.trim();
    if (!title) {
      const next = paras[i + 1]?.text ?? '';
      if (next && !next.startsWith('(') && next.length <= 300) title = next.trim();
    }
    let end = paras.length;
    for (let j = i + 1; j < paras.length; j++)
      if (BODY_END.test(fold((paras[j]?.text ?? '').slice(0, 40)))) {
        end = j;
        break;
      }
    out.push({ ref: `PL${no}`, title: title || text.trim(), line: paras[i]?.line ?? 1, start: i, end });
  }
  // Two appendices with the same ref (an unnumbered one twice): number them.
  const seen = new Map<string, number>();
  for (const a of out) {
    const n = (seen.get(a.ref) ?? 0) + 1;
    seen.set(a.ref, n);
    if (n > 1) a.ref = `${a.ref}-${n}`;
  }
  return out;
}

function romanNumber(s: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i] ?? ''] ?? 0;
    n += a < (v[s[i + 1] ?? ''] ?? 0) ? -a : a;
  }
  return n;
}

function mergeWalk(into: WalkResult, part: WalkResult): void {
  into.tasks.push(...part.tasks.slice(0, Math.max(0, 5000 - into.tasks.length)));
  into.indicators.push(...part.indicators.slice(0, Math.max(0, 500 - into.indicators.length)));
  into.notes.push(...part.notes);
  for (const a of part.assignments) {
    const have = into.assignments.find((x) => x.agency === a.agency);
    if (have) have.indicators = [...new Set([...have.indicators, ...a.indicators])].slice(0, 100);
    else if (into.assignments.length < 500) into.assignments.push(a);
  }
  into.sections.splice(2000);
}
