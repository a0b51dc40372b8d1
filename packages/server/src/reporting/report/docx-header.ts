import { datedPlaceLine, type ConsolidatedReport } from '@tre/core';
import { AlignmentType, type Paragraph, type Table } from 'docx';
import { layoutTable, line, mm, rule, SIZE, TEXT_WIDTH } from './docx-layout.ts';

/**
 * The top of the first page (Nghị định 30/2020, Phụ lục I, ô 1–5): the issuing body and the
 * national title side by side, the number under the one and the dated place line under the other,
 * then the document type and its subject.
 */

/** The left column holds the body's name; the right one must take the national title on one line. */
const LEFT = mm(65);
const RIGHT = TEXT_WIDTH - LEFT;

/** Names longer than this (13 pt capitals in 65 mm) go on two lines, broken where a clerk would. */
const ONE_LINE = 24;

/**
 * A long body name on two balanced lines ("ỦY BAN NHÂN DÂN" / "TỈNH NGHỆ AN"), as official headers
 * write it, rather than wherever Word's wrapping falls ("ỦY BAN NHÂN DÂN TỈNH" / "NGHỆ AN"). A
 * line break the caller wrote is kept as it is.
 */
export function bodyNameLines(name: string): string[] {
  const given = name
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (given.length !== 1) return given;
  const text = given[0] ?? '';
  if (text.length <= ONE_LINE) return [text];
  let best = -1;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) {
    if (best === -1 || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2)) best = i;
  }
  return best === -1 ? [text] : [text.slice(0, best), text.slice(best + 1)];
}

export function headerTable(header: ConsolidatedReport['header']): Table {
  const left: Paragraph[] = [
    ...bodyNameLines(header.parentBody).map((t) => line(t.toUpperCase(), { size: SIZE.agency })),
    ...bodyNameLines(header.issuingBody).map((t) => line(t.toUpperCase(), { size: SIZE.agency, bold: true })),
    // 1/3 to 1/2 of the name's line
    rule(mm(25), LEFT),
  ];
  const right: Paragraph[] = [
    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: SIZE.nation, bold: true }),
    line('Độc lập - Tự do - Hạnh phúc', { size: SIZE.motto, bold: true }),
    // as long as the motto (13 pt bold: 56 mm in Times New Roman and its metric twin Liberation Serif)
    rule(mm(56), RIGHT),
  ];
  const numberLine = line(`Số: ${header.number}`, { size: SIZE.agency }, { spacing: { before: 120, after: 0 } });
  const datedLine = line(
    datedPlaceLine(header.place, header.date),
    { size: SIZE.dated, italics: true },
    { spacing: { before: 120, after: 0 } },
  );
  return layoutTable(
    [LEFT, RIGHT],
    [
      [left, right],
      [[numberLine], [datedLine]],
    ],
  );
}

/** "DỰ THẢO" when the report is a draft, "BÁO CÁO", the subject and the short rule under it. */
export function titleBlock(report: ConsolidatedReport): Paragraph[] {
  const title = { size: SIZE.body, bold: true };
  return [
    ...(report.draft ? [line('DỰ THẢO', title, { spacing: { before: 360, after: 0 } })] : []),
    line('BÁO CÁO', title, { spacing: { before: report.draft ? 120 : 360, after: 0 }, keepNext: true }),
    line(report.header.subject, title, { keepNext: true, alignment: AlignmentType.CENTER }),
    rule(mm(40), TEXT_WIDTH),
    line('', {}, { spacing: { before: 0, after: 120 } }),
  ];
}
