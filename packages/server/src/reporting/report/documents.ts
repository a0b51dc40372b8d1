import type { ConsolidatedReport } from '@tre/core';
import { buildReportDocx } from './docx.ts';
import { buildReportXlsx } from './xlsx.ts';

/**
 * Both documents of a report, as one pure function: the server runs it in a worker thread
 * (consolidated/service.ts), so a second of writing 1,800 table rows never stalls other users.
 */
export async function buildDocuments(report: ConsolidatedReport): Promise<{ docx: Uint8Array; xlsx: Uint8Array }> {
  const safe = xmlSafe(report);
  const [docx, xlsx] = await Promise.all([buildReportDocx(safe), buildReportXlsx(safe)]);
  return { docx: new Uint8Array(docx), xlsx: new Uint8Array(xlsx) };
}

// characters XML 1.0 forbids (C0 controls but tab and line breaks, lone surrogates, U+FFFE, U+FFFF)
/* eslint-disable no-control-regex -- these are the characters being removed */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

/**
 * The report with every character XML cannot hold removed. Requests refuse them already (core
 * text/clean.ts); this is the second line, for text that came in some other way (a plan file read
 * years ago, a restored dump): one such character would make the whole document unreadable.
 */
export function xmlSafe(report: ConsolidatedReport): ConsolidatedReport {
  return JSON.parse(JSON.stringify(report), (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(NOT_XML, '') : value,
  ) as ConsolidatedReport;
}
