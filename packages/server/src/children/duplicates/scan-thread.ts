import { parentPort } from 'node:worker_threads';
// the worker thread loads this file: imports name the core files it needs, not all of core
import { findDuplicatePairs } from '@tre/core/children/duplicates/find';
import type { DuplicateRecord } from '@tre/core/children/duplicates/store';

type DuplicateCandidate = DuplicateRecord<number>;

/**
 * The duplicate scan's thread: receives the register's records page by page, then finds the pairs
 * (core children/duplicates) without holding up the server's requests, and sends them back.
 */
export type ScanMessage =
  { type: 'records'; records: DuplicateCandidate[] } | { type: 'run'; known: string[]; onlyInvolving: number[] | null };

export interface ScanReply {
  type: 'pairs';
  pairs: { a: number; b: number; score: number; reasons: string[] }[];
}

const port = parentPort;
if (!port) throw new Error('scan-thread.ts runs only as a worker thread');
const records: DuplicateCandidate[] = [];
port.on('message', (m: ScanMessage) => {
  if (m.type === 'records') {
    for (const r of m.records) records.push(r);
    return;
  }
  const known = new Set(m.known);
  const pairs = findDuplicatePairs(records, {
    excluded: (a, b) => known.has(a < b ? `${a}:${b}` : `${b}:${a}`),
    ...(m.onlyInvolving ? { onlyInvolving: new Set(m.onlyInvolving) } : {}),
  });
  port.postMessage({
    type: 'pairs',
    pairs: pairs.map((p) => ({ a: p.a, b: p.b, score: p.score, reasons: p.reasons })),
  } satisfies ScanReply);
});
