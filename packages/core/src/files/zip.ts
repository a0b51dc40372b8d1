import { utf8Decoder } from '../text/utf8.ts';
import { Inflate } from 'fflate';

/**
 * Reading a ZIP archive (.docx, .xlsx) without trusting it. The sizes a zip declares for its entries
 * are written by whoever made the file, so a "zip bomb" can declare 1 KB and inflate to gigabytes.
 * Here the inflated bytes are counted while inflating, against a budget shared by every entry read
 * from one file, and reading stops at the first byte past it. Compressed data is fed in small
 * chunks so that one step can never produce more than ~1,032 × CHUNK bytes (deflate's largest
 * ratio) before the count is checked.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else is refused when read */
  method: number;
  compressedSize: number;
  /** as the archive claims it: informative only */
  declaredSize: number;
  localHeaderOffset: number;
}

export type ZipProblem = 'not-zip' | 'damaged' | 'too-large' | 'unsupported';

export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

/** What may still be inflated from one file; shared by all entries read from it. */
export interface InflateBudget {
  remaining: number;
  /** the budget it started with, for messages */
  readonly limit: number;
}

export const inflateBudget = (limit: number): InflateBudget => ({ remaining: limit, limit });

/** Compressed bytes pushed per step: 16 KiB inflate to at most ~16.5 MiB before the budget is checked. */
const CHUNK = 16 * 1024;
const MAX_ENTRIES = 20_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of an archive from its central directory (the end of the file). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not-zip', 'no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  if (count > MAX_ENTRIES) throw new ZipError('too-large', `${count} entries`);
  let at = view.getUint32(eocd + 16, true);
  const decoder = utf8Decoder();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ZipError('damaged', 'central directory');
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) throw new ZipError('damaged', 'entry name');
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
    throw new ZipError('damaged', `local header of ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  // A ZIP64 or lying size reads to the end of the file: inflation stops at the deflate stream's end anyway.
  const end = entry.compressedSize === 0xffffffff ? bytes.length : Math.min(bytes.length, start + entry.compressedSize);
  if (start > end) throw new ZipError('damaged', `data of ${entry.name}`);
  return bytes.subarray(start, end);
}

function spend(budget: InflateBudget, n: number): void {
  budget.remaining -= n;
  if (budget.remaining < 0) throw new ZipError('too-large', `more than ${budget.limit} bytes inflated`);
}

/** The inflated bytes of one entry, chunk by chunk, each counted against the budget before it is handed on. */
export function* inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Generator<Uint8Array> {
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += CHUNK) {
      const part = data.subarray(i, Math.min(data.length, i + CHUNK));
      spend(budget, part.length);
      yield part;
    }
    return;
  }
  if (entry.method !== 8) throw new ZipError('unsupported', `compression method ${entry.method}`);
  const out: Uint8Array[] = [];
  // set by the callback, which the loop's condition cannot see through a plain `let`
  const stream = { ended: false };
  const inflate = new Inflate((chunk, final) => {
    out.push(chunk);
    if (final) stream.ended = true;
  });
  for (let i = 0; i < data.length && !stream.ended; i += CHUNK) {
    const last = i + CHUNK >= data.length;
    try {
      inflate.push(data.subarray(i, Math.min(data.length, i + CHUNK)), last);
    } catch (e) {
      throw new ZipError('damaged', `${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    while (out.length > 0) {
      const chunk = out.shift() as Uint8Array;
      spend(budget, chunk.length);
      yield chunk;
    }
  }
}

/** One entry whole (small parts: workbook.xml, document.xml), within the budget. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const parts = [...inflateEntry(bytes, entry, budget)];
  if (parts.length === 1) return parts[0] as Uint8Array;
  const whole = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    whole.set(p, at);
    at += p.length;
  }
  return whole;
}

/** Decodes UTF-8 text as it streams in (a character split across chunks is kept for the next one). */
export function* decodeUtf8(chunks: Iterable<Uint8Array>): Generator<string> {
  const decoder = utf8Decoder();
  for (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
