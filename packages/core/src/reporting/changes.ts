import { NARRATIVE_SECTIONS, narrativeHeadings, type Narrative } from './outline.ts';

/**
 * What a submission held when it was sent (submission_version.content), and what changed between
 * two sendings: the reviewer who returned a report sees exactly what the body corrected.
 */
export interface SubmissionContent {
  narrative: Narrative;
  explanations: Record<string, string>;
  /** element code → the total figure (null: not entered) */
  figures: Record<string, number | null>;
  /** task id → its progress for the period */
  tasks: Record<string, { status: string | null; note: string | null }>;
}

export interface ContentChange {
  target: string;
  label: string;
  before: string | null;
  after: string | null;
}

const text = (v: string | number | null | undefined): string | null =>
  v === null || v === undefined || v === '' ? null : String(v);

/** The changes from `before` to `after`; `names` labels figures and tasks ("Trẻ em sinh ra sống", "II.1"). */
export function contentChanges(
  before: SubmissionContent,
  after: SubmissionContent,
  names: (target: string) => string,
): ContentChange[] {
  const out: ContentChange[] = [];
  const push = (target: string, label: string, a: string | number | null | undefined, b: string | number | null | undefined) => {
    const x = text(a);
    const y = text(b);
    if (x !== y) out.push({ target, label, before: x, after: y });
  };
  for (const s of NARRATIVE_SECTIONS) push(`section:${s}`, narrativeHeadings[s].vi, before.narrative[s], after.narrative[s]);
  for (const code of union(before.figures, after.figures)) {
    push(`figure:${code}`, names(`figure:${code}`), before.figures[code], after.figures[code]);
  }
  for (const code of union(before.explanations, after.explanations)) {
    push(`explanation:${code}`, `${names(`figure:${code}`)} (giải trình)`, before.explanations[code], after.explanations[code]);
  }
  for (const id of union(before.tasks, after.tasks)) {
    const a = before.tasks[id];
    const b = after.tasks[id];
    push(
      `task:${id}`,
      names(`task:${id}`),
      a ? [a.status, a.note].filter(Boolean).join(' — ') : null,
      b ? [b.status, b.note].filter(Boolean).join(' — ') : null,
    );
  }
  return out;
}

const union = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();

/** Required figures neither entered nor explained: a report cannot be "on time but empty". */
export function missingFigures(
  required: readonly string[],
  figures: Record<string, number | null>,
  explanations: Record<string, string>,
): string[] {
  return required.filter((code) => (figures[code] ?? null) === null && !(explanations[code] ?? '').trim());
}
