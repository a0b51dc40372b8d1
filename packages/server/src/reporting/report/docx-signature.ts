import type { ConsolidatedReport } from '@tre/core';
import { AlignmentType, Paragraph, type Table } from 'docx';
import { layoutTable, line, mm, run, SIZE, TEXT_WIDTH } from './docx-layout.ts';

/**
 * The foot of the report (Nghị định 30/2020, Phụ lục I, ô 7 and 9): "Nơi nhận:" with its list on the
 * left, the signature block on the right, side by side in a borderless table as official documents
 * lay them out.
 */

const LEFT = mm(75);
const RIGHT = TEXT_WIDTH - LEFT;

/** "- Bộ Y tế;" for each recipient, "- Lưu: VT, KGVX." for the last. */
export function recipientLines(recipients: string[]): string[] {
  return recipients.map((r, i) => `- ${r.trim().replace(/[;.,]+$/, '')}${i === recipients.length - 1 ? '.' : ';'}`);
}

function recipientsColumn(recipients: string[]): Paragraph[] {
  const left = { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0 } };
  return [
    new Paragraph({ ...left, children: [run('Nơi nhận:', { size: SIZE.recipientsLabel, bold: true, italics: true })] }),
    ...recipientLines(recipients).map((text) => new Paragraph({ ...left, children: [run(text, { size: SIZE.recipients })] })),
  ];
}

function signatureColumn(signature: ConsolidatedReport['signature']): Paragraph[] {
  const caps = { size: SIZE.body, bold: true };
  const authority = [signature.onBehalf, signature.deputy, signature.title].filter((t) => t.trim() !== '');
  return [
    ...authority.map((t) => line(t.toUpperCase(), caps)),
    // room for the signature and the seal
    ...Array.from({ length: 4 }, () => line('', caps, { spacing: { before: 0, after: 240 } })),
    line(signature.name, caps),
  ];
}

export function signatureTable(report: ConsolidatedReport): Table {
  return layoutTable([LEFT, RIGHT], [[recipientsColumn(report.recipients), signatureColumn(report.signature)]]);
}
