/**
 * Plan-document parser benchmark: each sample as .txt and as .docx, and a synthetic plan ten times
 * the largest sample (renumbered copies of its body), N rounds each; medians in ms.
 * Run alone with `npx tsx bench/plans-parse.ts`; `npm run bench` runs it first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePlanFile } from '@tre/core/plans/parse';
import { docxOfText } from '@tre/core/plans/parser/docx.fixture';

const SAMPLES = path.join(import.meta.dirname, '..', 'packages', 'core', 'src', 'plans', 'samples');
/** Target for the synthetic large plan, ms (median). */
export const LARGE_TARGET_MS = 200;

export interface PlanParseBenchRow {
  name: string;
  kb: number;
  medianMs: number;
  rounds: number[];
  tasks: number;
  indicators: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

/** Ten copies of the plan's body, the indicators and sections of each copy renumbered. */
function synthetic(text: string, times: number): string {
  const end = text.indexOf('Nơi nhận');
  const body = end > 0 ? text.slice(0, end) : text;
  const parts = [body];
  for (let i = 1; i < times; i++)
    parts.push(body.replace(/Chỉ tiêu (\d+)/g, (_m, n: string) => `Chỉ tiêu ${Number(n) + 24 * i}`).replace(/^KẾ HOẠCH$/m, ''));
  return parts.join('\n') + (end > 0 ? text.slice(end) : '');
}

export function benchPlansParse(rounds = Number(process.env.BENCH_PARSE_ROUNDS ?? 15)): PlanParseBenchRow[] {
  const files = fs
    .readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const texts = files.map((f) => [f.replace(/\.txt$/, ''), fs.readFileSync(path.join(SAMPLES, f), 'utf8')] as const);
  const largest = texts.reduce((a, b) => (b[1].length > a[1].length ? b : a));
  const enc = new TextEncoder();
  const cases: [string, string, Uint8Array][] = [];
  for (const [name, text] of texts) {
    cases.push([`${name}.txt`, 'a.txt', enc.encode(text)]);
    cases.push([`${name}.docx`, 'a.docx', docxOfText(text)]);
  }
  const big = synthetic(largest[1], 10);
  cases.push([`synthetic 10× ${largest[0]}.txt`, 'a.txt', enc.encode(big)]);
  cases.push([`synthetic 10× ${largest[0]}.docx`, 'a.docx', docxOfText(big)]);

  const rows: PlanParseBenchRow[] = [];
  for (const [name, fileName, bytes] of cases) {
    let r = parsePlanFile(fileName, bytes); // warm-up
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      r = parsePlanFile(fileName, bytes);
      times.push(performance.now() - t0);
    }
    rows.push({
      name,
      kb: bytes.length / 1024,
      medianMs: median(times),
      rounds: times,
      tasks: r.plan.tasks.length,
      indicators: r.plan.indicators.length,
    });
  }
  return rows;
}

export function reportPlansParse(rows: PlanParseBenchRow[]): void {
  console.log(`plans    parsePlanFile (extract + parse), ${rows[0]?.rounds.length ?? 0} rounds each`);
  for (const r of rows) {
    const spread = `${Math.min(...r.rounds).toFixed(1)}–${Math.max(...r.rounds).toFixed(1)}`;
    console.log(
      `         ${r.name.padEnd(52)} ${r.kb.toFixed(0).padStart(5)} KB  median ${r.medianMs.toFixed(1).padStart(6)} ms (range ${spread}), ${r.tasks} tasks, ${r.indicators} indicators`,
    );
  }
  const large = rows.filter((r) => r.name.startsWith('synthetic'));
  const worst = Math.max(...large.map((r) => r.medianMs));
  console.log(`         target synthetic ≤ ${LARGE_TARGET_MS} ms: ${worst <= LARGE_TARGET_MS ? 'met' : 'NOT met'}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) reportPlansParse(benchPlansParse());
