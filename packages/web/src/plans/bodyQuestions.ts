import type { BodyCandidate, BodyGroup, BodyResolution, BodyRule, RememberedDecisionDto } from '@tre/core/plans/plan-api';

/** One distinct body name as the bodies table shows it. */
export interface BodyRow {
  name: string;
  /** core similarKey: names with one key are one question */
  key: string;
  count: number;
  resolution: BodyResolution;
  candidates: BodyCandidate[];
  suggestedGroup?: BodyGroup | undefined;
  rule?: BodyRule | undefined;
  remembered?: RememberedDecisionDto | undefined;
}

/** The names with one similar key: one decision for all of them. */
export interface BodyQuestion {
  key: string;
  names: string[];
  count: number;
  /** the first unresolved name's, else the first name's */
  resolution: BodyResolution;
  candidates: BodyCandidate[];
  suggestedGroup?: BodyGroup | undefined;
  rule?: BodyRule | undefined;
  remembered?: RememberedDecisionDto | undefined;
}

export const isOpen = (q: { resolution: BodyResolution }) => q.resolution.kind === 'unresolved';

/** Rows grouped by similar key, in the order the names first appear. */
export function bodyQuestions(rows: BodyRow[]): BodyQuestion[] {
  const byKey = new Map<string, BodyRow[]>();
  for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  return [...byKey.entries()].map(([key, group]) => {
    const lead = group.find(isOpen) ?? group[0];
    const names = [...new Set(group.map((r) => r.name))];
    return {
      key,
      names,
      count: group.reduce((n, r) => n + r.count, 0),
      resolution: lead?.resolution ?? { kind: 'unresolved' },
      candidates: group.flatMap((r) => r.candidates).filter((c, i, all) => all.findIndex((x) => x.agencyId === c.agencyId) === i),
      suggestedGroup: lead?.suggestedGroup,
      rule: lead?.rule,
      remembered: lead?.remembered,
    };
  });
}
