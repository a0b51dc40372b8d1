import { fold, squash } from '../text/fold.ts';
import { leadDecided } from './bodies.ts';
import type { BodyResolution } from './plan-api.ts';
import type { PlanDocument } from './plan-format.ts';

/**
 * What the reviewer is warned of before saving a plan (issue 13): a plan issued by another
 * province's authority (its targets would drive this province's dashboard), and a document with
 * nothing to track (no task, no target, no report deadline: most likely not a plan at all), and
 * tasks whose lead is not decided (no lead written, or every lead unresolved or not tracked): they
 * would reach nobody's list. Warnings ask for a confirmation; they never block.
 */
export type PlanWarning =
  { code: 'other-province'; issuerProvince: string } | { code: 'nothing-to-track' } | UndecidedLeadsWarning;

export interface UndecidedLeadsWarning {
  code: 'undecided-leads';
  /** tasks without a decided lead */
  tasks: number;
  /** of those, tasks naming no lead at all */
  withoutLead: number;
  /** the unresolved names written as their lead */
  names: string[];
}

/** Tasks whose lead is not decided under the reviewer's current resolutions; null when there are none. */
export function undecidedLeads(doc: PlanDocument, resolutionOf: (name: string) => BodyResolution): UndecidedLeadsWarning | null {
  const undecided = doc.tasks.filter((t) => !leadDecided(t.lead.map(resolutionOf)));
  if (undecided.length === 0) return null;
  const names = new Set(undecided.flatMap((t) => t.lead.filter((n) => resolutionOf(n).kind === 'unresolved')));
  return {
    code: 'undecided-leads',
    tasks: undecided.length,
    withoutLead: undecided.filter((t) => t.lead.length === 0).length,
    names: [...names],
  };
}

const PROVINCE_WORD = /^(?:tinh|thanh pho)\s+/;

/** The province an issuer line names ("UBND TỈNH HÀ TĨNH" → "ha tinh"), folded; null when none. */
export function issuerProvince(issuer: string): string | null {
  const f = squash(fold(issuer));
  const m = /\b(?:tinh|thanh pho)\s+([a-z][a-z ]{1,40}?)(?=\s*(?:$|[,;:(\n-]|\bso\b|\bngay\b))/.exec(f);
  return m?.[1]?.trim() ?? null;
}

export function planWarnings(
  doc: PlanDocument,
  provinceName: string,
  resolutionOf?: (name: string) => BodyResolution,
): PlanWarning[] {
  const out: PlanWarning[] = [];
  const named = doc.issuer ? issuerProvince(doc.issuer) : null;
  const ours = squash(fold(provinceName)).replace(PROVINCE_WORD, '');
  if (named !== null && ours !== '' && named !== ours) out.push({ code: 'other-province', issuerProvince: named });
  if (doc.tasks.length === 0 && doc.indicators.length === 0 && doc.reporting.length === 0) out.push({ code: 'nothing-to-track' });
  const leads = resolutionOf ? undecidedLeads(doc, resolutionOf) : null;
  if (leads) out.push(leads);
  return out;
}
