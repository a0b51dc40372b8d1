import { BODY_GROUPS, type BodyGroup, type BodyResolution } from '@tre/core/plans/plan-api';
import { resolveBody } from '@tre/core/plans/bodies';
import type { PlanDocument } from '@tre/core/plans/plan-format';
import type { Agency } from '../api/types.ts';

/**
 * One select carries every kind of resolution, so a resolution is encoded as a string value:
 * `agency:<id>`, `group:<group>`, `external`, `not_tracked`, `unresolved`.
 */
export function encodeResolution(r: BodyResolution): string {
  switch (r.kind) {
    case 'agency':
      return `agency:${r.agencyId}`;
    case 'group':
      return `group:${r.group}`;
    default:
      return r.kind;
  }
}

export function decodeResolution(value: string): BodyResolution {
  if (value.startsWith('agency:')) return { kind: 'agency', agencyId: value.slice('agency:'.length) };
  if (value.startsWith('group:')) {
    const group = value.slice('group:'.length);
    if ((BODY_GROUPS as readonly string[]).includes(group)) return { kind: 'group', group: group as BodyGroup };
  }
  if (value === 'external' || value === 'not_tracked') return { kind: value };
  return { kind: 'unresolved' };
}

/** Every distinct body name the document uses, in order of first appearance, with how often. */
export function usedBodyNames(doc: PlanDocument): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const task of doc.tasks) [...task.lead, ...task.support].forEach(add);
  for (const a of doc.indicatorAssignments) add(a.agency);
  return counts;
}

/**
 * A name the user typed on the review screen was never seen by the server's matcher: the same
 * matcher (core's resolveBody) runs here. It is not given the province's name, so a full name
 * with the province ("Sở Y tế tỉnh Nghệ An") stays unresolved here for the user to pick, where
 * the server would match it; the user's pick is what is saved.
 */
export function guessResolution(name: string, agencies: Agency[]): BodyResolution {
  return resolveBody(name, agencies).resolution;
}
