import type { PlanDocument } from './plan-format.ts';
import { resolveBody, similarKey, type AgencyForMatch, type MatchOptions } from './bodies.ts';

/** Every distinct body name of a plan's tasks (lead, then support) and indicator assignments, in reading order. */
export function bodyNamesOf(doc: PlanDocument): string[] {
  const names = new Set<string>();
  for (const t of doc.tasks) for (const n of [...t.lead, ...t.support]) names.add(n);
  for (const a of doc.indicatorAssignments) names.add(a.agency);
  return [...names];
}

export interface BodiesLeft {
  /** distinct body names */
  names: number;
  /** distinct questions (similar names are one) */
  questions: number;
  /** the names the reviewer still has to decide, one per question */
  left: string[];
}

/**
 * What a reviewer is left to decide in a plan before any decision is remembered: the questions
 * (names with one similar key are one) that Tre resolves to no agency, group or "not tracked".
 */
export function bodiesLeft(doc: PlanDocument, agencies: AgencyForMatch[], options: MatchOptions = {}): BodiesLeft {
  const names = bodyNamesOf(doc);
  const questions = new Map<string, string>();
  const left = new Map<string, string>();
  for (const name of names) {
    const key = similarKey(name);
    if (!questions.has(key)) questions.set(key, name);
    if (resolveBody(name, agencies, options).resolution.kind === 'unresolved' && !left.has(key)) left.set(key, name);
  }
  return { names: names.length, questions: questions.size, left: [...left.values()] };
}
