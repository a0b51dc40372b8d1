import { CHILD_FIELDS, fieldForHeader, headerKey, type ChildField } from '@tre/core';
import { foldText } from '@tre/core/text/fold';
import { REQUIRED_FIELDS } from './labels.ts';

/**
 * The column-mapping step of the children import: the file's header row read in the browser, each
 * header matched to a field of the layout (../shared/spec/children-import.md) ignoring case,
 * diacritics, spaces, punctuation and a bracketed note, as the server matches them; the user's
 * choices then go to the server as `map` (file header → field key, `-` to ignore a column, `#n`
 * for the n-th column when its header is empty or not unique).
 */

// the header matching is core's (children/layout/headers.ts): the browser proposes what the server would find
export { fieldForHeader, headerKey };

/** A column's choice: a field of the layout, or null (the column is not imported). */
export type Mapping = (ChildField | null)[];

/** Each header's field as matched; a field matched twice stays with its first column, the others left for the user. */
export function initialMapping(headers: readonly string[]): Mapping {
  const taken = new Set<ChildField>();
  return headers.map((h) => {
    const field = fieldForHeader(h);
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** What keeps a mapping from being imported: required fields no column gives, fields two columns give. */
export function mappingProblems(mapping: Mapping): { missing: ChildField[]; repeated: ChildField[] } {
  const count = new Map<ChildField, number>();
  for (const f of mapping) if (f) count.set(f, (count.get(f) ?? 0) + 1);
  return {
    missing: REQUIRED_FIELDS.filter((f) => !count.has(f)),
    repeated: CHILD_FIELDS.filter((f) => (count.get(f) ?? 0) > 1),
  };
}

/** The server takes at most this many characters of mapping (ChildImportQuery.map). */
export const MAX_MAP_CHARS = 5000;

/** A mapping key the server compares loosely with every header: two headers alike in it need `#n`. */
const looseKey = (text: string) => foldText(text).replace(/[^a-z0-9]/g, '');

/**
 * The `map` the server is sent: every column by its header (or `#n`, 1-based, when its header is
 * empty or another header reads the same), a field key or `-`. Null when it would be too long even
 * without the ignored columns the server would not match anyway.
 */
export function mappingQuery(headers: readonly string[], mapping: Mapping): Record<string, string> | null {
  const keys = headers.map((h) => h.replace(/^\uFEFF/, '').trim());
  const seen = new Map<string, number>();
  for (const k of keys) if (k !== '') seen.set(looseKey(k), (seen.get(looseKey(k)) ?? 0) + 1);
  const entries: { key: string; value: string; needed: boolean }[] = [];
  keys.forEach((key, i) => {
    const field = mapping[i] ?? null;
    const byNumber = key === '' || looseKey(key) === '' || (seen.get(looseKey(key)) ?? 0) > 1;
    if (key === '' && field === null) return;
    entries.push({
      key: byNumber ? `#${i + 1}` : key,
      value: field ?? '-',
      // an ignored column the server would not match by itself can be left out
      needed: field !== null || fieldForHeader(key) !== undefined,
    });
  });
  const build = (list: typeof entries) => Object.fromEntries(list.map((e) => [e.key, e.value]));
  const all = build(entries);
  if (JSON.stringify(all).length <= MAX_MAP_CHARS) return all;
  const needed = build(entries.filter((e) => e.needed));
  return JSON.stringify(needed).length <= MAX_MAP_CHARS ? needed : null;
}

/**
 * The rows of a CSV text (RFC 4180, comma-separated, a BOM dropped), at most `maxRows`. `whole`
 * false: the text is the start of a file, and its last row, perhaps cut, is left out.
 */
export function csvRows(text: string, maxRows: number, whole = true): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length && rows.length < maxRows; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (whole && rows.length < maxRows && !quoted && (cell !== '' || row.length > 0)) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** As the server does, the header row is looked for among the first rows (a title may stand above it). */
export const HEADER_SEARCH_ROWS = 10;

const blank = (row: readonly string[]) => row.every((c) => c.trim() === '');

/**
 * The header row among the first rows: the first whose headers give every required field, or else
 * the one that names the most fields (the first non-blank row when none names any).
 */
export function pickHeaderRow(rows: readonly (readonly string[])[]): { index: number; headers: string[] } | null {
  let best: { index: number; found: number } | null = null;
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const row = rows[index] ?? [];
    if (blank(row)) continue;
    const mapping = initialMapping(row);
    if (mappingProblems(mapping).missing.length === 0) return { index, headers: [...row] };
    const found = mapping.filter(Boolean).length;
    if (!best || found > best.found) best = { index, found };
  }
  return best ? { index: best.index, headers: [...(rows[best.index] ?? [])] } : null;
}

/** Which kind of register file a name is: the import accepts .csv and .xlsx. */
export function fileKind(name: string): 'csv' | 'xlsx' | null {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1];
  return ext === 'csv' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
}

/** A spreadsheet column's letters from its 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const DATE_FIELDS: ReadonlySet<ChildField> = new Set(['birthDate', 'identifiedOn']);

/**
 * A value of the file as the mapping step shows it: an Excel date (a day count, as a workbook stores
 * it) under a date field as dd/mm/yyyy, anything else as it is.
 */
export function sampleText(value: string, field: ChildField | null): string {
  if (!field || !DATE_FIELDS.has(field) || !/^\d{4,5}(\.\d+)?$/.test(value.trim())) return value;
  const serial = Math.floor(Number(value));
  // 1900 to 2100 in the 1900 date system, counted from 30/12/1899
  if (serial < 61 || serial > 73050) return value;
  const day = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}
