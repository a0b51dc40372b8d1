/**
 * Duplicate detection over a large register: generates about a million synthetic children
 * (households with common Vietnamese names, a share of them entered twice with the usual damage:
 * `packages/core/src/children/duplicates/synthetic.fixture.ts`), then times `findDuplicatePairs`
 * in this one thread and reports its memory. The precision and recall printed are against that
 * generator's own copies — a check that nothing is badly wrong, not a measure of accuracy (the
 * scoring was not tuned on it).
 *
 * Run alone with `npx tsx bench/children-duplicates.ts [children] [seed]` (default 950,000 children,
 * about a million records with the copies); `node bench/children-duplicates.ts` runs it without
 * tsx's transform.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { findDuplicatePairs } from '@tre/core/children/duplicates/find';
import { syntheticRegister } from '@tre/core/children/duplicates/synthetic.fixture';

export const TARGET_MS = 120_000;

const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

export interface DuplicatesBenchResult {
  records: number;
  ms: number;
  cpuMs: number;
  pairs: number;
  precision: number;
  recall: number;
  heapBefore: number;
  rssBefore: number;
  peakRss: number;
}

export function benchChildrenDuplicates(children = 950_000, seed = 1): DuplicatesBenchResult {
  const { records, duplicates } = syntheticRegister({ children, seed });
  globalThis.gc?.();
  const { heapUsed: heapBefore, rss: rssBefore } = process.memoryUsage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const pairs = findDuplicatePairs(records);
  const ms = performance.now() - start;
  const cpuMs = process.cpuUsage(cpu).user / 1000;
  const peakRss = process.resourceUsage().maxRSS * 1024;

  // a child copied twice makes three pairs, all true
  const groups = new Map<number, number[]>();
  for (const [a, b] of duplicates) groups.set(a, [...(groups.get(a) ?? [a]), b]);
  const truth = new Set<string>();
  for (const g of groups.values()) for (const x of g) for (const y of g) if (x < y) truth.add(`${x}-${y}`);
  const hits = pairs.filter((p) => truth.has(`${p.a}-${p.b}`)).length;
  return {
    records: records.length,
    ms,
    cpuMs,
    pairs: pairs.length,
    precision: pairs.length ? hits / pairs.length : 1,
    recall: truth.size ? hits / truth.size : 1,
    heapBefore,
    rssBefore,
    peakRss,
  };
}

export function reportChildrenDuplicates(r: DuplicatesBenchResult): void {
  console.log(
    `duplicates  ${r.records.toLocaleString('en')} records: ${(r.ms / 1000).toFixed(1)} s (${(r.cpuMs / 1000).toFixed(1)} s CPU), ` +
      `${r.pairs.toLocaleString('en')} pairs proposed\n` +
      `            memory: heap ${mb(r.heapBefore)} and RSS ${mb(r.rssBefore)} holding the records, peak RSS ${mb(r.peakRss)}\n` +
      `            against the generator's own copies: precision ${r.precision.toFixed(4)}, recall ${r.recall.toFixed(4)}\n` +
      `            target < ${TARGET_MS / 1000} s: ${r.ms < TARGET_MS ? 'met' : 'NOT met'}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [children, seed] = process.argv.slice(2).map(Number);
  reportChildrenDuplicates(benchChildrenDuplicates(children || undefined, seed || undefined));
}
