/**
 * Scores against the generator's ground truth. Rows are spreadsheet row numbers (header = 1).
 *
 * `evaluatePairs`: duplicate detection as unordered row pairs (a cluster of n rows is its n(n−1)/2
 * pairs: `pairsOfClusters`), precision, recall and F1, and how many known twin pairs were merged.
 * `evaluateRejections`: how many invalid rows were rejected, with the expected field or another,
 * how many were missed, and how many valid rows were rejected (a duplicate's later row rejected for
 * repeating an ID is counted apart: that is the duplicate check, not a false rejection).
 */
import type { Truth } from './generate.ts';

export type RowPair = readonly [number, number];

const key = (a: number, b: number) => (a < b ? a * 1e8 + b : b * 1e8 + a);

function pairSet(pairs: Iterable<RowPair>): Set<number> {
  const s = new Set<number>();
  for (const [a, b] of pairs) if (a !== b) s.add(key(a, b));
  return s;
}

/** Every pair within each cluster. */
export function pairsOfClusters(clusters: Iterable<readonly number[]>): RowPair[] {
  const out: RowPair[] = [];
  for (const c of clusters)
    for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++) out.push([c[i] ?? 0, c[j] ?? 0]);
  return out;
}

/** The truth's duplicate pairs. */
export function truthPairs(truth: Pick<Truth, 'duplicates'>): RowPair[] {
  return pairsOfClusters(truth.duplicates.map((d) => d.rows));
}

export interface PairScores {
  truthPairs: number;
  foundPairs: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** known non-duplicates (twins) reported as duplicates; part of falsePositives */
  hardNegativesFound: number;
}

export function evaluatePairs(
  truth: Iterable<RowPair>,
  found: Iterable<RowPair>,
  options: { hardNegatives?: Iterable<RowPair> } = {},
): PairScores {
  const t = pairSet(truth);
  const f = pairSet(found);
  let tp = 0;
  for (const k of f) if (t.has(k)) tp++;
  let hard = 0;
  for (const k of pairSet(options.hardNegatives ?? [])) if (f.has(k)) hard++;
  const precision = f.size === 0 ? 1 : tp / f.size;
  const recall = t.size === 0 ? 1 : tp / t.size;
  return {
    truthPairs: t.size,
    foundPairs: f.size,
    truePositives: tp,
    falsePositives: f.size - tp,
    falseNegatives: t.size - tp,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    hardNegativesFound: hard,
  };
}

export interface KnownInvalid {
  row: number;
  field: string;
  defect?: string;
}

export interface Rejection {
  row: number;
  field: string;
}

export interface RejectionScores {
  invalidRows: number;
  /** invalid rows rejected (with any field) */
  caught: number;
  /** … of which a rejection names the expected field */
  caughtRightField: number;
  caughtWrongField: number;
  missed: number;
  /** rows with no defect that were rejected (duplicates' later rows apart) */
  wronglyRejected: number;
  /** later rows of known duplicates that were rejected */
  duplicatesRejected: number;
  /** expected field → [rows, caught with that field] */
  byField: Record<string, [number, number]>;
  missedRows: number[];
  wrongFieldRows: { row: number; expected: string; reported: string[] }[];
  wronglyRejectedRows: number[];
}

export function evaluateRejections(
  truthInvalid: Iterable<KnownInvalid>,
  reported: Iterable<Rejection>,
  options: { duplicateRows?: Iterable<number> } = {},
): RejectionScores {
  const fieldsByRow = new Map<number, string[]>();
  for (const r of reported) fieldsByRow.set(r.row, [...(fieldsByRow.get(r.row) ?? []), r.field]);
  const duplicates = new Set(options.duplicateRows ?? []);
  const invalid = new Map<number, KnownInvalid>();
  for (const t of truthInvalid) invalid.set(t.row, t);
  const s: RejectionScores = {
    invalidRows: invalid.size,
    caught: 0,
    caughtRightField: 0,
    caughtWrongField: 0,
    missed: 0,
    wronglyRejected: 0,
    duplicatesRejected: 0,
    byField: {},
    missedRows: [],
    wrongFieldRows: [],
    wronglyRejectedRows: [],
  };
  for (const t of invalid.values()) {
    const fields = fieldsByRow.get(t.row);
    const tally = (s.byField[t.field] ??= [0, 0]);
    tally[0]++;
    if (!fields) {
      s.missed++;
      s.missedRows.push(t.row);
      continue;
    }
    s.caught++;
    if (fields.includes(t.field)) {
      s.caughtRightField++;
      tally[1]++;
    } else {
      s.caughtWrongField++;
      s.wrongFieldRows.push({ row: t.row, expected: t.field, reported: fields });
    }
  }
  for (const row of fieldsByRow.keys()) {
    if (invalid.has(row)) continue;
    if (duplicates.has(row)) s.duplicatesRejected++;
    else {
      s.wronglyRejected++;
      s.wronglyRejectedRows.push(row);
    }
  }
  return s;
}

/** The later rows of each duplicate group (the rows an ID-uniqueness rule might reject). */
export function laterDuplicateRows(truth: Pick<Truth, 'duplicates'>): number[] {
  return truth.duplicates.flatMap((d) => d.rows.slice(1));
}
