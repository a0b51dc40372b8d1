import type { ConsolidatedReport } from '@tre/core';
import { buildReportDocx } from './docx.ts';
import { buildReportXlsx } from './xlsx.ts';

/**
 * Both documents of a report, as one pure function: the server runs it in a worker thread
 * (consolidated/service.ts), so a second of writing 1,800 table rows never stalls other users.
 */
export async function buildDocuments(report: ConsolidatedReport): Promise<{ docx: Uint8Array; xlsx: Uint8Array }> {
  const [docx, xlsx] = await Promise.all([buildReportDocx(report), buildReportXlsx(report)]);
  return { docx: new Uint8Array(docx), xlsx: new Uint8Array(xlsx) };
}
