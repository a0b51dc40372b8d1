import type { BaselineRequest, PlanMeasureTargetsDto } from '@tre/core/indicators/indicator-api';

/**
 * The baseline form's pure parts: what it starts with, what it sends, and where a server error is
 * shown (on the year or value field it names, else above the buttons).
 */

export interface BaselineDraft {
  year: number | null;
  value: number | null;
}

/** The stored baseline, else empty fields (the suggestion is offered, never filled in unasked). */
export function initialDraft(entry: PlanMeasureTargetsDto): BaselineDraft {
  return entry.baseline ? { year: entry.baseline.year, value: entry.baseline.value } : { year: null, value: null };
}

/** The request to send, or null while a field is empty. */
export function requestOf(draft: BaselineDraft): BaselineRequest | null {
  if (draft.year === null || draft.value === null) return null;
  return { year: draft.year, value: draft.value };
}

/** The first year the plan has a target for the measure (the baseline must come before it). */
export function firstTargetYear(entry: PlanMeasureTargetsDto): number | null {
  return entry.targets.length > 0 ? Math.min(...entry.targets.map((t) => t.year)) : null;
}

export interface FieldErrors {
  year?: string;
  value?: string;
  /** an error that names no field of the form (not found, forbidden, network) */
  form?: string;
}

/** Puts the server's message on the field it names (`year`, `value`), else on the form. */
export function fieldErrorsOf(field: string | undefined, message: string): FieldErrors {
  if (field === 'year') return { year: message };
  if (field === 'value') return { value: message };
  return { form: message };
}

/** A date as dd/mm/yyyy in the browser's time zone (how dates are written in Vietnam). */
export function localDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}
