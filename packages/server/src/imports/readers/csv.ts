/**
 * CSV (RFC 4180) read as it streams in: UTF-8 with or without a byte-order mark, comma-separated,
 * fields quoted with `"` (a doubled `""` inside), a quoted field may hold commas and line breaks.
 * Records are numbered as a spreadsheet shows them (the first record is row 1), so a line break
 * inside a quoted cell does not shift the numbers the user is told about.
 *
 * Bounded: a field longer than MAX_FIELD characters or a record of more than MAX_FIELDS fields is
 * refused (a file that is not CSV, or one crafted to make the reader hold it all in one cell).
 */

export interface CsvRecord {
  row: number;
  cells: string[];
}

export class CsvError extends Error {
  constructor(
    readonly problem: 'field-too-long' | 'too-many-fields' | 'unclosed-quote' | 'not-utf8',
    readonly row: number,
  ) {
    super(`${problem} at row ${row}`);
    this.name = 'CsvError';
  }
}

const MAX_FIELD = 10_000;
const MAX_FIELDS = 200;

const QUOTE = 34; // "
const COMMA = 44;
const LF = 10;
const CR = 13;

/** The records of a CSV file given as byte chunks, in groups (one per chunk). */
export function* csvRecords(chunks: Iterable<Uint8Array>): Generator<CsvRecord[]> {
  // fatal: a file saved in another encoding (Windows-1258 by an older Excel) is refused, not read as garbage
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new CsvError('not-utf8', row);
    }
  };
  let row = 1;
  let cells: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let afterQuote = false; // a quote just closed (or was doubled)
  let fieldStarted = false;
  let lastWasCr = false;
  const endField = () => {
    if (cells.length >= MAX_FIELDS) throw new CsvError('too-many-fields', row);
    cells.push(field);
    field = '';
    fieldStarted = false;
    afterQuote = false;
  };
  for (const chunk of chunks) {
    const text = decode(chunk);
    const out: CsvRecord[] = [];
    let runStart = -1; // start of a run of ordinary characters, appended at once
    const flushRun = (i: number) => {
      if (runStart >= 0) {
        field += text.slice(runStart, i);
        runStart = -1;
        if (field.length > MAX_FIELD) throw new CsvError('field-too-long', row);
      }
    };
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (quoted) {
        if (c === QUOTE) {
          flushRun(i);
          quoted = false;
          afterQuote = true;
        } else if (runStart < 0) runStart = i;
        continue;
      }
      if (c === QUOTE) {
        flushRun(i);
        // a quote opens a field, or (after a closing quote) is a doubled quote inside it
        if (afterQuote) field += '"';
        quoted = true;
        fieldStarted = true;
        afterQuote = false;
        continue;
      }
      if (c === COMMA) {
        flushRun(i);
        endField();
        lastWasCr = false;
        continue;
      }
      if (c === LF || c === CR) {
        flushRun(i);
        if (c === LF && lastWasCr) {
          lastWasCr = false;
          continue;
        }
        lastWasCr = c === CR;
        if (cells.length > 0 || fieldStarted || field !== '') {
          endField();
          out.push({ row, cells });
        } else out.push({ row, cells: [] }); // an empty line is still a row of the spreadsheet
        cells = [];
        row++;
        continue;
      }
      lastWasCr = false;
      fieldStarted = true;
      if (runStart < 0) runStart = i;
    }
    flushRun(text.length);
    if (out.length > 0) yield out;
  }
  const tail = decode();
  if (tail) field += tail;
  if (quoted) throw new CsvError('unclosed-quote', row);
  if (cells.length > 0 || fieldStarted || field !== '') {
    endField();
    yield [{ row, cells }];
  }
}
