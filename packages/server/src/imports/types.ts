import type { Bilingual } from '@tre/core';

/**
 * What every file import shares (figures now; children and cases later). A module that imports
 * files provides two things: a reader, which runs in a worker thread and turns the file into rows
 * (worker.ts), and a kind, which checks and stores a batch of rows on the main thread (runner.ts).
 */

/** The bounds of one import; README "Configuration" documents the settings behind them (limits.ts). */
export interface ImportLimits {
  /** rows a file may hold; a file with more is refused before anything is stored */
  maxRows: number;
  /** bytes a zipped file (.xlsx, .docx) may inflate to, counted while inflating */
  maxInflatedBytes: number;
  /** entries of a workbook's shared-string table */
  maxSharedStrings: number;
}

/** A file that cannot be read: refused whole with this reason, nothing stored. */
export class ImportFileError extends Error {
  constructor(readonly detail: Bilingual) {
    super(detail.en);
    this.name = 'ImportFileError';
  }
}

/** A row as every reader gives it: its number in the file (spreadsheet row, or index from 1). */
export interface FileRow {
  row: number;
}

/**
 * The uploaded file as a reader sees it. A format read front to back (JSON) takes it in chunks, so
 * that the worker never holds the file; one that needs to seek (a zip's directory is at its end)
 * takes it whole.
 */
export interface FileSource {
  /** bytes in the file */
  size: number;
  /** its first bytes (up to 64), to tell the format */
  head: Uint8Array;
  /** the file in order, one chunk at a time; each call reads it again from the start */
  chunks(): Iterable<Uint8Array>;
  /** the whole file at once */
  whole(): Uint8Array;
}

/** The module a reader lives in exports `reader: ImportFileReader<…>`; it runs in the worker thread. */
export interface ImportFileReader<R extends FileRow> {
  /** the rows in file order, in groups as they stream in; throws ImportFileError. `options`: the kind's readerOptions */
  rows(fileName: string, file: FileSource, limits: ImportLimits, options?: unknown): Iterable<R[]>;
  /**
   * The record a row would write, so that when two rows write the same record the earlier is
   * refused and the later kept; undefined for a row that will be refused anyway.
   */
  key(row: R): string | undefined;
  /**
   * How many rows the file holds, without checking them: a reader whose rows never repeat a record
   * (key always undefined) gives it so that the first pass does not do the checking twice.
   */
  count?(fileName: string, file: FileSource, limits: ImportLimits, options?: unknown): number;
}

/** A row handed to the main thread: `supersededBy` names the later row of the same record. */
export interface BatchRow<R extends FileRow> {
  data: R;
  supersededBy?: number | undefined;
}

/** One refused row as it is stored and reported: the row, a few identifying codes, why. */
export interface Rejection {
  row: number;
  fields: Record<string, string | null>;
  reason: Bilingual;
}

export interface BatchOutcome {
  imported: number;
  updated: number;
  unchanged: number;
  rejections: Rejection[];
}
