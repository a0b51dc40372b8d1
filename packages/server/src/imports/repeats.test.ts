import { describe, expect, it } from 'vitest';
import { HashLog, Repeats, keyHash } from './repeats.ts';

/** The outcome worker.ts computes: each keyed row's later row of the same record, by the two passes. */
function laterRows(rows: [row: number, key: string][], repeated?: Set<number>): (number | undefined)[] {
  const log = new HashLog();
  for (const [, key] of rows) log.add(keyHash(key));
  const repeats = new Repeats(repeated ?? log.repeated());
  if (repeats.any) for (const [row, key] of rows) repeats.note(key, row);
  return rows.map(([row, key]) => repeats.laterOf(key, row));
}

/** What the exact Map of every key, used before, gave. */
function exact(rows: [number, string][]): (number | undefined)[] {
  const last = new Map(rows.map(([row, key]) => [key, row]));
  return rows.map(([row, key]) => {
    const later = last.get(key);
    return later !== undefined && later !== row ? later : undefined;
  });
}

describe('rows writing the same record', () => {
  it('points every earlier row at the last one of its record, as an exact map of all keys did', () => {
    const rows: [number, string][] = [];
    for (let i = 1; i <= 20_000; i++) rows.push([i, `E${i % 7}\u0000${i % 1500}\u0000${2020 + (i % 3)}\u0000default`]);
    expect(laterRows(rows)).toEqual(exact(rows));
    expect(laterRows(rows).filter((r) => r !== undefined).length).toBeGreaterThan(0);
  });

  it('finds nothing, with no second pass, when every key differs', () => {
    const log = new HashLog();
    for (let i = 0; i < 100_000; i++) log.add(keyHash(`LIVE_BIRTHS\u0000${i}\u00002025\u0000default`));
    expect(log.repeated().size).toBe(0);
  });

  it('keeps two different keys apart when their hashes are taken to be the same (a collision)', () => {
    const rows: [number, string][] = [
      [2, 'A'],
      [3, 'B'],
      [5, 'A'],
    ];
    // as if 'A' and 'B' shared a hash: B is not superseded by A's last row, A's first row is
    expect(laterRows(rows, new Set([keyHash('A'), keyHash('B')]))).toEqual([5, undefined, undefined]);
  });

  it('keeps a row whose number repeats (a workbook may number two rows alike) as the exact map did', () => {
    const rows: [number, string][] = [
      [4, 'K'],
      [4, 'K'],
    ];
    expect(laterRows(rows)).toEqual(exact(rows));
  });

  it('hashes to a whole number below 2^53, the same each time', () => {
    const h = keyHash('ĐƠN_VỊ\u00002025S1');
    expect(Number.isSafeInteger(h) && h >= 0).toBe(true);
    expect(keyHash('ĐƠN_VỊ\u00002025S1')).toBe(h);
    expect(keyHash('ĐƠN_VỊ\u00002025S2')).not.toBe(h);
  });
});
