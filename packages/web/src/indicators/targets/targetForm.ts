import type {
  PlanTargetRefDto,
  RelativeTargetRequest,
  TargetCreateRequest,
  TargetPatchRequest,
} from '@tre/core/indicators/indicator-api';
import type { MeasureTargetOp } from '@tre/core/indicators/catalogue-schema';
import type { TargetChange } from '@tre/core/plans/plan-format';

/**
 * The target form's pure parts (TargetModal): the draft a target starts from, the request that adds
 * one, and the patch that corrects one — only the fields changed, so a comparison the plan wrote
 * stays the plan's unless the person changes it.
 */
export interface TargetDraft {
  measure: string | null;
  year: number | null;
  kind: 'level' | 'relative';
  /** null: from the measure's direction */
  op: MeasureTargetOp | null;
  value: number | null;
  change: TargetChange;
  /** null: against the year before ("mỗi năm") */
  referenceYear: number | null;
  valueTo: number | null;
}

export function emptyDraft(measure: string | null, year: number | null): TargetDraft {
  return { measure, year, kind: 'level', op: null, value: null, change: 'decrease', referenceYear: null, valueTo: null };
}

/** A saved target as a draft; `measure` the one it is mapped to or offered. */
export function draftOf(t: PlanTargetRefDto, measure: string | null): TargetDraft {
  const rel = t.relative;
  return {
    measure,
    year: t.year,
    kind: rel ? 'relative' : 'level',
    op: t.op,
    value: t.value,
    change: rel?.change ?? 'decrease',
    referenceYear: rel && typeof rel.reference === 'number' ? rel.reference : null,
    valueTo: rel?.valueTo ?? null,
  };
}

function relativeOf(d: TargetDraft): RelativeTargetRequest | null {
  if (d.kind === 'level') return null;
  return { change: d.change, reference: d.referenceYear ?? 'previous-year', valueTo: d.valueTo };
}

/** What is missing before the draft can be sent: 'measure', 'year' or 'value'; null when complete. */
export function missingField(d: TargetDraft, needsMeasure: boolean): 'measure' | 'year' | 'value' | null {
  if (needsMeasure && !d.measure) return 'measure';
  if (d.year === null) return 'year';
  if (d.value === null) return 'value';
  return null;
}

export function createRequest(d: TargetDraft): TargetCreateRequest | null {
  if (missingField(d, true) || d.measure === null || d.year === null || d.value === null) return null;
  return { measure: d.measure, year: d.year, value: d.value, op: d.op, relative: relativeOf(d) };
}

/** The fields that differ from the target as it was; an empty patch when nothing changed. */
export function patchRequest(before: TargetDraft, d: TargetDraft): TargetPatchRequest {
  const patch: TargetPatchRequest = {};
  if (d.year !== null && d.year !== before.year) patch.year = d.year;
  if (d.value !== null && d.value !== before.value) patch.value = d.value;
  if (d.op !== before.op) patch.op = d.op;
  if (d.measure !== before.measure) patch.measure = d.measure;
  const rel = relativeOf(d);
  if (JSON.stringify(rel) !== JSON.stringify(relativeOf(before))) patch.relative = rel;
  return patch;
}
