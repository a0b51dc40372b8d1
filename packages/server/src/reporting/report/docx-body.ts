import type { ReportParagraph, ReportSection } from '@tre/core';
import { Paragraph } from 'docx';
import { BODY_PARAGRAPH, run } from './docx-layout.ts';

/**
 * The report's text: each section's heading in bold, then its paragraphs, justified with the first
 * line indented. A paragraph quoted from a body's submission starts with that body in italics, so
 * the reader sees who reported what ("Sở Giáo dục và Đào tạo: …").
 */

/** A submitted text may hold several paragraphs; each becomes its own, the source on the first. */
function paragraphsOf(p: ReportParagraph): Paragraph[] {
  const parts = p.text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return parts.map(
    (text, i) =>
      new Paragraph({
        ...BODY_PARAGRAPH,
        children: i === 0 && p.source ? [run(`${p.source}:`, { italics: true }), run(` ${text}`)] : [run(text)],
      }),
  );
}

export function sectionParagraphs(sections: ReportSection[]): Paragraph[] {
  return sections.flatMap((section) => [
    // a heading is not left alone at the foot of a page
    new Paragraph({ ...BODY_PARAGRAPH, keepNext: true, children: [run(section.heading, { bold: true })] }),
    ...section.paragraphs.flatMap(paragraphsOf),
  ]);
}
