import {
  NARRATIVE_SECTIONS,
  narrativeHeadings,
  type NarrativeSection,
  type SubmissionChangeDto,
  type SubmissionCommentDto,
  type SubmissionDto,
} from '@tre/core';

/**
 * What a reviewer's comment or a change is about: 'whole', 'section:results', 'figure:LIVE_BIRTHS',
 * 'explanation:LIVE_BIRTHS', 'task:<uuid>' (core reporting-api.ts).
 */
export const WHOLE = 'whole';
export const sectionTarget = (key: NarrativeSection) => `section:${key}`;
export const figureTarget = (code: string) => `figure:${code}`;
export const taskTarget = (id: string) => `task:${id}`;

export type TargetKind = 'whole' | 'section' | 'figure' | 'explanation' | 'task';

export function parseTarget(target: string): { kind: TargetKind; key: string } {
  const i = target.indexOf(':');
  const kind = (i < 0 ? target : target.slice(0, i)) as TargetKind;
  return { kind, key: i < 0 ? '' : target.slice(i + 1) };
}

/** The name of the part a target points to, in the user's language (the server's change labels are Vietnamese). */
export function targetName(target: string, s: SubmissionDto, lang: 'vi' | 'en'): string {
  const { kind, key } = parseTarget(target);
  switch (kind) {
    case 'section':
      return (NARRATIVE_SECTIONS as readonly string[]).includes(key) ? narrativeHeadings[key as NarrativeSection][lang] : key;
    case 'figure':
    case 'explanation':
      return s.figures.elements.find((e) => e.code === key)?.name[lang] ?? key;
    case 'task': {
      const task = s.tasks.find((x) => x.taskId === key);
      return task ? `${task.path ?? ''} ${task.text.length > 80 ? `${task.text.slice(0, 80)}…` : task.text}`.trim() : key;
    }
    default:
      return '';
  }
}

/** Every part a reviewer may comment on, in the order of the page. */
export function commentTargets(s: SubmissionDto): string[] {
  return [
    WHOLE,
    ...s.tasks.map((x) => taskTarget(x.taskId)),
    ...s.figures.elements.map((e) => figureTarget(e.code)),
    ...NARRATIVE_SECTIONS.map(sectionTarget),
  ];
}

/** Comments by the part they are about, newest first. */
export function commentsByTarget(comments: readonly SubmissionCommentDto[]): Map<string, SubmissionCommentDto[]> {
  const out = new Map<string, SubmissionCommentDto[]>();
  for (const c of [...comments].sort((a, b) => b.createdAt.localeCompare(a.createdAt))) {
    out.set(c.target, [...(out.get(c.target) ?? []), c]);
  }
  return out;
}

export type { SubmissionChangeDto };
