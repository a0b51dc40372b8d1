/** What rows.test.ts runs in a bounded worker thread: the import worker's reading of a file, counted. */
import { fileSource } from '../../imports/source.ts';
import { reader } from './rows.ts';

export function countRows(filePath: string, fileName: string, maxRows: number): number {
  let rows = 0;
  const limits = { maxRows, maxInflatedBytes: 64 * 1024 * 1024, maxSharedStrings: 1000 };
  for (const group of reader.rows(fileName, fileSource(filePath), limits)) rows += group.length;
  return rows;
}
