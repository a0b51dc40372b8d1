/**
 * Plan documents (Kế hoạch, Công văn) to tre.plan/v1. Pure: bytes or text in, data out, no I/O.
 * The steps live in ./parser/: text.ts and docx.ts read files, footnotes.ts makes paragraphs,
 * header.ts the header, outline.ts the tree of numbered items, tasks.ts decides what is a task,
 * bodies.ts splits lists of bodies, indicators.ts reads targets, timeline.ts and reporting.ts
 * read dates, citations.ts document numbers.
 */
import { PLAN_FORMAT, PlanDocumentSchema, type PlanDocument, type PlanParseResult } from './plan-format.ts';
import { findCitations } from './parser/citations.ts';
import { extractDocxText } from './parser/docx.ts';
import { PlanFileError } from './parser/errors.ts';
import { fold } from './parser/fold.ts';
import { paragraphs } from './parser/footnotes.ts';
import { parseHeader } from './parser/header.ts';
import { note } from './parser/notes.ts';
import { BODY_END, buildOutline } from './parser/outline.ts';
import { findReporting } from './parser/reporting.ts';
import { walkOutline } from './parser/tasks.ts';
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
  const text = normaliseText(ext === 'docx' ? extractDocxText(bytes) : decodeTextFile(bytes));
  if (!text.trim()) throw new PlanFileError('empty', { vi: 'Tệp không có chữ nào.', en: 'The file has no text.' });
  return text;
}

/** Reads plan text into tre.plan/v1. Pure and total: never throws on any string. */
export function parsePlanText(text: string): PlanParseResult {
  let lines: string[] = [];
  try {
    lines = normaliseText(typeof text === 'string' ? text : '').split('\n');
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

export function parsePlanFile(fileName: string, bytes: Uint8Array): PlanParseResult {
  return parsePlanText(extractPlanText(fileName, bytes));
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
  const body = end < 0 ? bodyParas : bodyParas.slice(0, end);
  const { from, to } = header.years;
  const walked = walkOutline(buildOutline(body), {
    documentType: header.documentType,
    planEnd: to,
    planYear: from !== null && from === to ? from : null,
  });
  const reporting = findReporting(body);
  const notes = [
    ...walked.notes,
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
