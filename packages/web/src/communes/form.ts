import type {
  AssessmentDto,
  EvidenceFileDto,
  IndicatorEntryDto,
  IndicatorEntryInput,
  IndicatorValue,
  SaveAssessmentRequest,
  ValueKind,
} from '@tre/core';

/**
 * The self-assessment's form as the commune types it, and the request it becomes. Pure, so it is
 * unit-tested. A figure Tre already holds is kept unless the commune overrides it, and an override
 * needs a reason; the other indicators are typed in (whole numbers: a rate is a count of a count).
 */

export interface ValueInputs {
  numerator: string;
  denominator: string;
  count: string;
  /** yes/no: '' until answered */
  yes: '' | 'yes' | 'no';
}

export interface EntryState {
  kind: ValueKind;
  /** Tre holds a figure for it */
  prefilled: boolean;
  /** the commune replaces Tre's figure (with a reason) */
  override: boolean;
  inputs: ValueInputs;
  reason: string;
  evidence: EvidenceFileDto[];
}

export type EntryProblem = 'value' | 'reason';

const EMPTY: ValueInputs = { numerator: '', denominator: '', count: '', yes: '' };

export function inputsOf(v: IndicatorValue | null): ValueInputs {
  if (!v) return { ...EMPTY };
  switch (v.kind) {
    case 'rate':
      return { ...EMPTY, numerator: String(v.numerator), denominator: String(v.denominator) };
    case 'count':
      return { ...EMPTY, count: String(v.count) };
    case 'boolean':
      return { ...EMPTY, yes: v.yes ? 'yes' : 'no' };
  }
}

/** A whole number as typed (spaces and the thousands dots or commas ignored); NaN when it is not one. */
export function wholeNumber(text: string): number {
  const t = text.replace(/[\s.,]/g, '');
  return /^\d{1,9}$/.test(t) ? Number(t) : Number.NaN;
}

/** The value the inputs give: null when left empty, 'invalid' when half-filled or not whole numbers. */
export function valueOf(kind: ValueKind, inputs: ValueInputs): IndicatorValue | null | 'invalid' {
  switch (kind) {
    case 'rate': {
      if (inputs.numerator.trim() === '' && inputs.denominator.trim() === '') return null;
      const numerator = wholeNumber(inputs.numerator);
      const denominator = wholeNumber(inputs.denominator);
      if (Number.isNaN(numerator) || Number.isNaN(denominator) || numerator > denominator) return 'invalid';
      return { kind: 'rate', numerator, denominator };
    }
    case 'count': {
      if (inputs.count.trim() === '') return null;
      const count = wholeNumber(inputs.count);
      return Number.isNaN(count) ? 'invalid' : { kind: 'count', count };
    }
    case 'boolean':
      return inputs.yes === '' ? null : { kind: 'boolean', yes: inputs.yes === 'yes' };
  }
}

/** The form of one indicator from the assessment read: what the commune entered, else Tre's figure. */
export function entryStateOf(e: IndicatorEntryDto): EntryState {
  const override = e.prefill !== null && e.entered !== null;
  return {
    kind: e.valueKind,
    prefilled: e.prefill !== null,
    override,
    inputs: inputsOf(e.entered ?? e.prefill?.value ?? null),
    reason: e.overrideReason ?? '',
    evidence: e.evidence,
  };
}

export function entryStates(a: AssessmentDto): Record<string, EntryState> {
  const out: Record<string, EntryState> = {};
  for (const c of a.criteria) for (const e of c.indicators) out[e.code] = entryStateOf(e);
  return out;
}

/** What is wrong with one indicator's form, or null. */
export function entryProblem(s: EntryState): EntryProblem | null {
  if (s.prefilled && !s.override) return null;
  const v = valueOf(s.kind, s.inputs);
  if (v === 'invalid') return 'value';
  if (s.prefilled && s.override) {
    if (v === null) return 'value';
    if (s.reason.trim() === '') return 'reason';
  }
  return null;
}

export function formProblems(states: Record<string, EntryState>): Record<string, EntryProblem> {
  const out: Record<string, EntryProblem> = {};
  for (const [code, s] of Object.entries(states)) {
    const p = entryProblem(s);
    if (p) out[code] = p;
  }
  return out;
}

/** The save: every indicator, Tre's figure kept (value null) where not overridden. Call only without problems. */
export function saveRequest(a: AssessmentDto, states: Record<string, EntryState>): SaveAssessmentRequest {
  const entries: IndicatorEntryInput[] = [];
  for (const [code, s] of Object.entries(states)) {
    const v = s.prefilled && !s.override ? null : valueOf(s.kind, s.inputs);
    entries.push({
      code,
      value: v === 'invalid' ? null : v,
      overrideReason: s.prefilled && s.override ? s.reason.trim().normalize('NFC') : null,
      evidenceFileIds: s.evidence.map((f) => f.id),
    });
  }
  return a.exists ? { version: a.version, entries } : { entries };
}

/** An indicator's value in words: 480/500 (96 %), 3, Có/Không. */
export function valueText(v: IndicatorValue | null, lang: 'vi' | 'en', none: string): string {
  if (!v) return none;
  switch (v.kind) {
    case 'rate': {
      const pct = v.denominator > 0 ? Math.round((v.numerator / v.denominator) * 1000) / 10 : null;
      const n = (x: number) => x.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN');
      return pct === null ? `${n(v.numerator)}/${n(v.denominator)}` : `${n(v.numerator)}/${n(v.denominator)} (${n(pct)} %)`;
    }
    case 'count':
      return v.count.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN');
    case 'boolean':
      return v.yes ? (lang === 'en' ? 'Yes' : 'Có') : lang === 'en' ? 'No' : 'Không';
  }
}
