/**
 * Where the rows go: a CSV file (UTF-8 with BOM, CRLF, RFC 4180 quoting), written in chunks with
 * backpressure so a million rows never sit in memory, or (for small files) an XLSX workbook through
 * exceljs (already installed for the server's reports), with birth and identification
 * dates as real Excel dates where the text is a valid dd/mm/yyyy date, and IDs and phones as text.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { isValidDate } from './dates.ts';
import { csvLine, type Column } from './layout.ts';

export interface RowSink {
  write(values: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

const CHUNK = 1 << 16;

export async function csvSink(file: string, header: readonly string[]): Promise<RowSink> {
  const stream = fs.createWriteStream(file);
  await once(stream, 'open');
  let buffer = '\uFEFF' + csvLine(header);
  const flush = async () => {
    const chunk = buffer;
    buffer = '';
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  return {
    async write(values) {
      buffer += csvLine(values);
      if (buffer.length >= CHUNK) await flush();
    },
    async close() {
      await flush();
      stream.end();
      await once(stream, 'finish');
    },
  };
}

const DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** exceljs's streaming writer fails with the archiver version the workspace pins, so the workbook is built in memory (about 30 kB a row). */
export const XLSX_MAX_ROWS = 50_000;

export async function xlsxSink(file: string, columns: readonly Column[]): Promise<RowSink> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách trẻ em');
  const dateColumns = new Set(columns.flatMap((c, i) => (c.source === 'birthDate' || c.source === 'identifiedOn' ? [i] : [])));
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    width: c.source === 'fullName' || c.source === 'address' ? 28 : 14,
    style: dateColumns.has(i) ? { numFmt: 'dd/mm/yyyy' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  return {
    async write(values) {
      sheet.addRow(
        values.map((v, i): string | Date => {
          const m = dateColumns.has(i) ? DMY.exec(v) : null;
          if (!m) return v;
          const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
          return isValidDate(y, mo, d) ? new Date(Date.UTC(y, mo - 1, d)) : v;
        }),
      );
    },
    async close() {
      await workbook.xlsx.writeFile(file);
    },
  };
}

/** Several sinks as one. */
export function teeSink(sinks: readonly RowSink[]): RowSink {
  return {
    async write(values) {
      for (const s of sinks) await s.write(values);
    },
    async close() {
      for (const s of sinks) await s.close();
    },
  };
}
