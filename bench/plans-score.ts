/**
 * How well the plan parser reads plans it was not written against: every text of the corpus
 * (packages/core/src/plans/corpus/*.txt) is parsed and compared with its hand-typed expectation
 * (<name>.expected.json beside it); the three real samples too, where a <name>.expected.json exists
 * beside them in plans/samples/. Prints one row per plan and the micro-averages.
 *
 * Run alone with `npx tsx bench/plans-score.ts` (add `--details` for what did not match, or name
 * plans to score only those); `npm run bench` prints the table after the parsing times.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePlanText } from '@tre/core/plans/parse';
import { formatScoreTable, PlanExpectationSchema, scorePlan, type PlanScore } from '@tre/core/plans/corpus-score';

const PLANS = path.join(import.meta.dirname, '..', 'packages', 'core', 'src', 'plans');
export const CORPUS_DIR = path.join(PLANS, 'corpus');
/** The second corpus, written by someone who had not read the parser, scored before any change it prompted. */
export const CORPUS_B_DIR = path.join(PLANS, 'corpus-b');
/** The third, written the same way after the parser's changes for issue 13, scored once before any change. */
export const CORPUS_C_DIR = path.join(PLANS, 'corpus-c');
export const SAMPLES_DIR = path.join(PLANS, 'samples');

export interface ScoredPlan {
  name: string;
  score: PlanScore;
}

/** Every `<name>.txt` of the folder that has a `<name>.expected.json`, parsed and scored. */
export function scoreFolder(dir: string, only: readonly string[] = []): ScoredPlan[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && fs.existsSync(path.join(dir, f.replace(/\.txt$/, '.expected.json'))))
    .map((f) => f.replace(/\.txt$/, ''))
    .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
      const expected = PlanExpectationSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')));
      return { name, score: scorePlan(expected, parsePlanText(text).plan) };
    });
}

function details(rows: readonly ScoredPlan[]): string {
  const out: string[] = [];
  const cut = (s: string) => (s.length > 70 ? `${s.slice(0, 70)}…` : s).replace(/\s+/g, ' ');
  for (const { name, score: s } of rows) {
    out.push(`\n── ${name}`);
    for (const t of s.missedTasks) out.push(`  missed task   ${t.path}  ${cut(t.text)}`);
    for (const t of s.extraTasks) out.push(`  extra task    ${t.ref ?? '(no ref)'}  ${cut(t.text)}`);
    for (const e of s.pathErrors) out.push(`  path          expected ${e.expected}, parsed ${e.parsed ?? '(none)'}`);
    for (const e of s.bodyErrors)
      out.push(`  ${e.field.padEnd(13)} ${e.path}: expected [${e.expected.join(' | ')}], parsed [${e.parsed.join(' | ')}]`);
    for (const e of s.timelineErrors)
      out.push(`  timeline      ${e.path}: expected ${e.expected ?? 'null'}, parsed ${e.parsed ?? 'null'}`);
    for (const t of s.missedTargets) out.push(`  missed target ${t.indicator}: ${t.year ?? '?'}:${t.op ?? '?'}${t.value}`);
    for (const t of s.extraTargets) out.push(`  extra target  ${t.indicator}: ${t.year}:${t.op ?? '?'}${t.value}`);
    for (const d of s.missedDeadlines) out.push(`  missed report ${d.period} ${d.date}`);
  }
  return out.join('\n');
}

function reportFolder(dir: string, title: string, opts: { details?: boolean; only?: string[] }): void {
  const corpus = scoreFolder(dir, opts.only);
  if (!corpus.length) return;
  console.log(`plans    ${title} (${path.relative(process.cwd(), dir)}), P/R = precision/recall`);
  console.log(formatScoreTable(corpus));
  const relative = corpus.reduce((n, r) => n + r.score.relativeTargets, 0);
  console.log(`(relative targets such as "giảm 4-5% mỗi năm", not scored: ${relative}; "–": nothing to count)`);
  if (opts.details) console.log(details(corpus));
}

export function reportPlansScore(opts: { details?: boolean; only?: string[] } = {}): void {
  reportFolder(CORPUS_DIR, 'parser against the hand-typed corpus', opts);
  console.log('');
  reportFolder(CORPUS_B_DIR, 'parser against the second corpus, written without reading the parser', opts);
  console.log('');
  reportFolder(CORPUS_C_DIR, 'parser against the third corpus, written without reading the parser', opts);
  const samples = scoreFolder(SAMPLES_DIR, opts.only);
  if (samples.length) {
    console.log('\nplans    real samples with a hand-typed expectation');
    console.log(formatScoreTable(samples));
    if (opts.details) console.log(details(samples));
  } else console.log('real samples: none has a <name>.expected.json yet, skipped');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  reportPlansScore({ details: args.includes('--details'), only: args.filter((a) => !a.startsWith('--')) });
}
