import { STEP_FORMS, type CaseAction, type FormField } from '@tre/core';
import type { StepRequest } from './api.ts';
import { localInputToIso, vietnamLocalInput } from './time.ts';

/**
 * A step's legal form as the screen holds it, drawn from core's STEP_FORMS (the same list the
 * server builds its schema from): every field as the text or the ticks an input holds, turned into
 * the step's `data` when it is sent. A yes/no is asked, never defaulted: "seriously threatened" left
 * unticked by accident would read as a "no".
 */

/** text, a date (YYYY-MM-DD), a datetime-local (Vietnam time), a choice, 'yes' | 'no' | '' for a yes/no; a list for a multi */
export type StepValues = Record<string, string | string[]>;

export type FieldProblem = 'required' | 'invalid';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const stepFields = (action: CaseAction): readonly FormField[] => STEP_FORMS[action];

/** A blank form; a moment starts at now (Vietnam time), the moment it is usually filled in. */
export function emptyStepValues(fields: readonly FormField[], now: Date): StepValues {
  const values: StepValues = {};
  for (const f of fields) values[f.key] = f.kind === 'multi' ? [] : f.kind === 'datetime' ? vietnamLocalInput(now) : '';
  return values;
}

const textOf = (v: string | string[] | undefined): string => (typeof v === 'string' ? v : '');
const listOf = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : []);

/**
 * The step's `data`: text trimmed, yes/no as booleans, moments as ISO timestamps with +07:00, an
 * empty optional field as null. An empty required text stays '' and an unreadable moment stays as
 * typed, so that the server (or stepProblems first) names that field rather than another.
 */
export function stepData(fields: readonly FormField[], values: StepValues): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = values[f.key];
    if (f.kind === 'multi') {
      data[f.key] = listOf(raw);
      continue;
    }
    const v = textOf(raw).trim();
    switch (f.kind) {
      case 'text':
      case 'longtext':
        data[f.key] = v === '' && !f.required ? null : v;
        break;
      case 'bool':
        data[f.key] = v === 'yes' ? true : v === 'no' ? false : null;
        break;
      case 'datetime':
        data[f.key] = v === '' ? null : (localInputToIso(v) ?? v);
        break;
      case 'date':
      case 'choice':
        data[f.key] = v === '' ? null : v;
        break;
    }
  }
  return data;
}

/** What stops the form from being sent, by field: a required field left empty, a date or moment that cannot be read. */
export function stepProblems(fields: readonly FormField[], values: StepValues): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const f of fields) {
    const raw = values[f.key];
    const empty = f.kind === 'multi' ? listOf(raw).length === 0 : textOf(raw).trim() === '';
    if (empty) {
      if (f.required) problems[f.key] = 'required';
      continue;
    }
    const v = textOf(raw).trim();
    if (f.kind === 'datetime' && localInputToIso(v) === null) problems[f.key] = 'invalid';
    if (f.kind === 'date' && !ISO_DATE.test(v)) problems[f.key] = 'invalid';
  }
  return problems;
}

/** POST /api/cases/:id/steps's body. */
export function stepRequest(action: CaseAction, values: StepValues, comment: string, version: number): StepRequest {
  const c = comment.trim();
  return { action, data: stepData(stepFields(action), values), comment: c === '' ? null : c, version };
}

/** Whether the step's own form already asks for comments (approve, return): the step's free comment is then not asked twice. */
export const formHasComments = (action: CaseAction): boolean => stepFields(action).some((f) => f.key === 'comments');

/**
 * The field of a form a refusal names (`error.field`): the field itself, or the field a nested path
 * is under (`abuseForms.0` → `abuseForms`, `data.riskLevel` with the prefix `data.` → `riskLevel`);
 * null when the form has no such field, and the refusal is said at the form's foot.
 */
export function fieldOf(serverField: string | undefined, known: readonly string[], prefix = ''): string | null {
  if (!serverField) return null;
  if (prefix && !serverField.startsWith(prefix)) return known.includes(serverField) ? serverField : null;
  const path = serverField.slice(prefix.length);
  if (known.includes(path)) return path;
  const under = known.filter((k) => path.startsWith(`${k}.`)).sort((a, b) => b.length - a.length);
  return under[0] ?? null;
}
