import { z } from 'zod';
import type { PlanDocument, PlanTask, ReportingKind } from './plan-format.ts';

/**
 * The measuring stick for the plan parser (issue 13): a parsed plan against the expectation typed
 * by hand from reading the text (`corpus/<name>.expected.json`, see corpus/README.md). Pure; the
 * benchmark `bench/plans-score.ts` reads the files, parses and prints.
 *
 * Tasks are matched one-to-one by the folded similarity of their first 80 characters (greedy, best
 * pair first, only pairs at or above the threshold); lead, support, path and timeline are then
 * compared on matched pairs only. Targets match on indicator + op + value + year; deadlines on date
 * + period. Nothing here knows how the parser works.
 */

const Op = z.enum(['<', '<=', '=', '>=', '>']).nullable();

export const ExpectedTaskSchema = z.object({
  path: z.string().min(1),
  text: z.string().min(1),
  lead: z.array(z.string()),
  support: z.array(z.string()),
  timeline: z.string().nullable(),
});
export type ExpectedTask = z.infer<typeof ExpectedTaskSchema>;

export const ExpectedTargetSchema = z.object({
  indicator: z.number().int().min(1),
  op: Op,
  value: z.number(),
  year: z.number().int().nullable(),
  kind: z.enum(['level', 'relative']),
  text: z.string().optional(),
});
export type ExpectedTarget = z.infer<typeof ExpectedTargetSchema>;

/** Periods as the expectation writes them; the parser's `kind` names are accepted too. */
const PERIODS = {
  '6 months': 'semiannual',
  semiannual: 'semiannual',
  year: 'annual',
  annual: 'annual',
  quarter: 'quarterly',
  quarterly: 'quarterly',
  month: 'monthly',
  monthly: 'monthly',
  final: 'final',
  other: 'other',
} as const satisfies Record<string, ReportingKind>;

export const ExpectedDeadlineSchema = z.object({
  period: z.enum(Object.keys(PERIODS) as [keyof typeof PERIODS, ...(keyof typeof PERIODS)[]]),
  /** 'MM-DD' for a yearly recurring deadline, else the full ISO date. */
  date: z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/),
});
export type ExpectedDeadline = z.infer<typeof ExpectedDeadlineSchema>;

export const PlanExpectationSchema = z.object({
  tasks: z.array(ExpectedTaskSchema),
  targets: z.array(ExpectedTargetSchema),
  deadlines: z.array(ExpectedDeadlineSchema),
  notMeasured: z.string().optional(),
});
export type PlanExpectation = z.infer<typeof PlanExpectationSchema>;

/** Lower case, no diacritics (đ → d), spaces squashed, list marks and end punctuation trimmed. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-+*•]+/, '')
    .replace(/[\s.;,:]+$/, '')
    .trim();
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

export const TEXT_PREFIX = 80;
/** Below this length a compared prefix is not shortened further, so a bare heading does not match a long task. */
const MIN_PREFIX = 30;
export const MATCH_THRESHOLD = 0.8;

/**
 * Similarity (0..1) of two task texts over their first characters: both folded and cut to the
 * shorter one's length (at most 80, at least 30), then 1 − edit distance / length.
 */
export function textSimilarity(a: string, b: string): number {
  const fa = fold(a);
  const fb = fold(b);
  const n = Math.max(MIN_PREFIX, Math.min(TEXT_PREFIX, fa.length, fb.length));
  const x = fa.slice(0, n);
  const y = fb.slice(0, n);
  const len = Math.max(x.length, y.length);
  return len === 0 ? 0 : 1 - levenshtein(x, y) / len;
}

/**
 * A parsed task's full numbering path: its section ("II", "II.3") joined with its ref ("3.a", "a"),
 * the segments they share written once ("II.3" + "3.a" → "II.3.a"). A ref that already starts with
 * a Roman numeral is taken as it is.
 */
export function parsedPath(t: Pick<PlanTask, 'ref' | 'section'>): string | null {
  const ref = t.ref?.replace(/\.$/, '') ?? null;
  const section = t.section?.replace(/\.$/, '') ?? null;
  if (ref && /^[IVXLC]+(\.|$)/.test(ref)) return ref;
  if (!section) return ref;
  if (!ref) return section;
  const s = section.split('.');
  const r = ref.split('.');
  for (let k = Math.min(s.length, r.length); k > 0; k--) {
    if (s.slice(s.length - k).join('.') === r.slice(0, k).join('.')) return [...s, ...r.slice(k)].join('.');
  }
  return [...s, ...r].join('.');
}

export interface TaskPair {
  expected: number;
  parsed: number;
  similarity: number;
}

/** One-to-one greedy matching: best similarity first, ties to the pair nearest in relative order. */
export function matchTasks(
  expected: readonly { text: string }[],
  parsed: readonly { text: string }[],
  threshold = MATCH_THRESHOLD,
) {
  const candidates: (TaskPair & { distance: number })[] = [];
  expected.forEach((e, i) =>
    parsed.forEach((p, j) => {
      const similarity = textSimilarity(e.text, p.text);
      if (similarity >= threshold)
        candidates.push({ expected: i, parsed: j, similarity, distance: Math.abs(i / expected.length - j / parsed.length) });
    }),
  );
  candidates.sort((a, b) => b.similarity - a.similarity || a.distance - b.distance);
  const usedE = new Set<number>();
  const usedP = new Set<number>();
  const pairs: TaskPair[] = [];
  for (const c of candidates) {
    if (usedE.has(c.expected) || usedP.has(c.parsed)) continue;
    usedE.add(c.expected);
    usedP.add(c.parsed);
    pairs.push({ expected: c.expected, parsed: c.parsed, similarity: c.similarity });
  }
  return pairs.sort((a, b) => a.expected - b.expected);
}

/** Hits over a denominator; a ratio is undefined (printed "–") when the denominator is 0. */
export interface Count {
  hit: number;
  of: number;
}
const count = (hit = 0, of = 0): Count => ({ hit, of });
const add = (a: Count, b: Count): Count => ({ hit: a.hit + b.hit, of: a.of + b.of });
export const ratio = (c: Count): number | null => (c.of === 0 ? null : c.hit / c.of);

export interface PlanScore {
  /** matched / parsed tasks, matched / expected tasks */
  taskPrecision: Count;
  taskRecall: Count;
  /** matched tasks whose parsed path equals the expected path */
  path: Count;
  /** over matched tasks: bodies named by both / bodies parsed, bodies named by both / bodies expected */
  leadPrecision: Count;
  leadRecall: Count;
  supportPrecision: Count;
  supportRecall: Count;
  /** matched tasks where either side has a timeline: the folded texts are equal */
  timeline: Count;
  /** level targets only; relative targets (`kind: 'relative'`, a Tre extension) are counted apart */
  targetPrecision: Count;
  targetRecall: Count;
  relativeTargets: number;
  deadlineRecall: Count;
  /** What did not match, for reading. */
  missedTasks: ExpectedTask[];
  extraTasks: { ref: string | null; text: string }[];
  bodyErrors: { path: string; field: 'lead' | 'support'; expected: string[]; parsed: string[] }[];
  pathErrors: { expected: string; parsed: string | null }[];
  timelineErrors: { path: string; expected: string | null; parsed: string | null }[];
  missedTargets: ExpectedTarget[];
  extraTargets: { indicator: number; op: string | null; value: number; year: number }[];
  missedDeadlines: ExpectedDeadline[];
}

function overlap(expected: string[], parsed: string[]) {
  const e = expected.map(fold);
  const left = parsed.map(fold);
  let hit = 0;
  for (const x of e) {
    const i = left.indexOf(x);
    if (i >= 0) {
      hit++;
      left.splice(i, 1);
    }
  }
  return { hit, expected: e.length, parsed: parsed.length };
}

const sameValue = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const periodClass = (p: string) => {
  const k = p in PERIODS ? PERIODS[p as keyof typeof PERIODS] : 'other';
  return k === 'final' ? 'other' : k; // a one-off closing report is read as either
};

export function scorePlan(expected: PlanExpectation, plan: PlanDocument): PlanScore {
  const tasks = plan.tasks;
  const pairs = matchTasks(expected.tasks, tasks);
  const s: PlanScore = {
    taskPrecision: count(pairs.length, tasks.length),
    taskRecall: count(pairs.length, expected.tasks.length),
    path: count(),
    leadPrecision: count(),
    leadRecall: count(),
    supportPrecision: count(),
    supportRecall: count(),
    timeline: count(),
    targetPrecision: count(),
    targetRecall: count(),
    relativeTargets: expected.targets.filter((t) => t.kind === 'relative').length,
    deadlineRecall: count(),
    missedTasks: expected.tasks.filter((_, i) => !pairs.some((p) => p.expected === i)),
    extraTasks: tasks.filter((_, j) => !pairs.some((p) => p.parsed === j)).map((t) => ({ ref: parsedPath(t), text: t.text })),
    bodyErrors: [],
    pathErrors: [],
    timelineErrors: [],
    missedTargets: [],
    extraTargets: [],
    missedDeadlines: [],
  };
  for (const { expected: i, parsed: j } of pairs) {
    const e = expected.tasks[i];
    const p = tasks[j];
    if (!e || !p) continue;
    const path = p.path ?? parsedPath(p);
    s.path = add(s.path, count(path === e.path ? 1 : 0, 1));
    if (path !== e.path) s.pathErrors.push({ expected: e.path, parsed: path });
    for (const field of ['lead', 'support'] as const) {
      const o = overlap(e[field], p[field]);
      const prec = field === 'lead' ? 'leadPrecision' : 'supportPrecision';
      const rec = field === 'lead' ? 'leadRecall' : 'supportRecall';
      s[prec] = add(s[prec], count(o.hit, o.parsed));
      s[rec] = add(s[rec], count(o.hit, o.expected));
      if (o.hit !== o.expected || o.hit !== o.parsed)
        s.bodyErrors.push({ path: e.path, field, expected: e[field], parsed: p[field] });
    }
    const tl = p.timeline.text?.trim() ? p.timeline.text : null;
    if (e.timeline !== null || tl !== null) {
      const ok = fold(e.timeline ?? '') === fold(tl ?? '');
      s.timeline = add(s.timeline, count(ok ? 1 : 0, 1));
      if (!ok) s.timelineErrors.push({ path: e.path, expected: e.timeline, parsed: tl });
    }
  }

  // a relative target is its own kind (plan-format.ts): only levels are scored here
  const parsedTargets = plan.indicators.flatMap((ind) =>
    ind.targets.filter((t) => t.kind !== 'relative').map((t) => ({ indicator: ind.no, op: t.op, value: t.value, year: t.year })),
  );
  const levels = expected.targets.filter((t) => t.kind === 'level');
  const unusedTargets = [...parsedTargets];
  for (const t of levels) {
    const k = unusedTargets.findIndex(
      (p) => p.indicator === t.indicator && p.op === t.op && sameValue(p.value, t.value) && p.year === t.year,
    );
    if (k >= 0) unusedTargets.splice(k, 1);
    else s.missedTargets.push(t);
  }
  const targetHits = levels.length - s.missedTargets.length;
  s.targetPrecision = count(targetHits, parsedTargets.length);
  s.targetRecall = count(targetHits, levels.length);
  s.extraTargets = unusedTargets;

  const unusedDeadlines = [...plan.reporting];
  for (const d of expected.deadlines) {
    const k = unusedDeadlines.findIndex((r) => r.due === d.date && periodClass(r.kind) === periodClass(d.period));
    if (k >= 0) unusedDeadlines.splice(k, 1);
    else s.missedDeadlines.push(d);
  }
  s.deadlineRecall = count(expected.deadlines.length - s.missedDeadlines.length, expected.deadlines.length);
  return s;
}

/** Every figure a plan's score has, in the table's order. */
export const COUNT_KEYS = [
  'taskPrecision',
  'taskRecall',
  'path',
  'leadPrecision',
  'leadRecall',
  'supportPrecision',
  'supportRecall',
  'timeline',
  'targetPrecision',
  'targetRecall',
  'deadlineRecall',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

/** Micro-average: the counts of every plan summed, then divided. */
export function sumScores(scores: readonly PlanScore[]): Record<CountKey, Count> & { relativeTargets: number } {
  const out = Object.fromEntries(COUNT_KEYS.map((k) => [k, count()])) as Record<CountKey, Count>;
  for (const s of scores) for (const k of COUNT_KEYS) out[k] = add(out[k], s[k]);
  return { ...out, relativeTargets: scores.reduce((n, s) => n + s.relativeTargets, 0) };
}

const pct = (c: Count) => {
  const r = ratio(c);
  return r === null ? '–' : r.toFixed(2);
};
const pr = (p: Count, r: Count) => `${pct(p)}/${pct(r)}`;

/** The compact table: one row per plan and the micro-averages under it. */
export function formatScoreTable(rows: readonly { name: string; score: PlanScore }[]): string {
  const header = ['plan', 'tasks P/R', 'path', 'leads P/R', 'supports P/R', 'timeline', 'targets P/R', 'deadl. R'];
  const line = (name: string, s: Record<CountKey, Count>) => [
    name,
    `${pr(s.taskPrecision, s.taskRecall)} (${s.taskRecall.hit}/${s.taskRecall.of}, ${s.taskPrecision.of} parsed)`,
    pct(s.path),
    pr(s.leadPrecision, s.leadRecall),
    pr(s.supportPrecision, s.supportRecall),
    pct(s.timeline),
    pr(s.targetPrecision, s.targetRecall),
    pct(s.deadlineRecall),
  ];
  const body = rows.map((r) => line(r.name, r.score));
  const total = sumScores(rows.map((r) => r.score));
  const all = [header, ...body, line(`micro-average (${rows.length} plans)`, total)];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const fmt = (r: string[]) =>
    r
      .map((x, c) => x.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [fmt(header), rule, ...body.map(fmt), rule, fmt(all[all.length - 1] ?? [])].join('\n');
}
