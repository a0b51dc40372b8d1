import {
  VALIDATION_RULES,
  type UnitKind,
  type UnitRefDto,
  type ValidationViolationDto,
} from '@tre/core/indicators/indicator-api';
import type { ValidationRule } from '@tre/core/indicators/validation';
import { fold } from '@tre/core/text/fold';
import type { SessionUser } from '../../api/types.ts';
import { indicatorsPermissions } from '@tre/core';
import { scopeFor } from '../../session/can.ts';

/**
 * The province-wide validation run as the standing body reads it: findings sorted into three kinds
 * (errors to fix, required figures missing, figures to review), counted, filtered and grouped by
 * unit. Outliers and totals that differ from their parts are warnings: to review, never errors.
 */
export type FindingKind = 'error' | 'missing' | 'review';
export const FINDING_KINDS: readonly FindingKind[] = ['error', 'missing', 'review'];

type Finding = Pick<ValidationViolationDto, 'rule' | 'severity' | 'unit'>;

export function kindOf(v: Pick<Finding, 'rule' | 'severity'>): FindingKind {
  if (v.rule === 'required_missing') return 'missing';
  return v.severity === 'error' ? 'error' : 'review';
}

const zero = (): Record<FindingKind, number> => ({ error: 0, missing: 0, review: 0 });

export interface ValidationSummary extends Record<FindingKind, number> {
  /** of the findings to review, the jumps against the previous period */
  outliers: number;
  /** units with at least one finding */
  units: number;
}

export function summarize(violations: readonly Finding[]): ValidationSummary {
  const out = { ...zero(), outliers: 0, units: new Set(violations.map((v) => v.unit)).size };
  for (const v of violations) {
    out[kindOf(v)] += 1;
    if (v.rule === 'outlier') out.outliers += 1;
  }
  return out;
}

/** The checks found in a run, with how many findings each, in the order the rules are listed. */
export function ruleCounts(violations: readonly Finding[]): { rule: ValidationRule; n: number }[] {
  const n = new Map<ValidationRule, number>();
  for (const v of violations) n.set(v.rule, (n.get(v.rule) ?? 0) + 1);
  return VALIDATION_RULES.filter((r) => n.has(r)).map((rule) => ({ rule, n: n.get(rule) ?? 0 }));
}

export interface ValidationFilter {
  kind: FindingKind | null;
  rule: ValidationRule | null;
  /** a unit's name or code, without diacritics if one likes */
  search: string;
}

export const NO_FILTER: ValidationFilter = { kind: null, rule: null, search: '' };

export const isFiltered = (f: ValidationFilter): boolean => f.kind !== null || f.rule !== null || f.search.trim() !== '';

export interface UnitGroup<V extends Finding = ValidationViolationDto> {
  unit: UnitRefDto;
  counts: Record<FindingKind, number>;
  /** errors first, then findings to review, each in the run's order */
  items: V[];
  /** required figures missing, shown together */
  missing: V[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A unit as the run names it; a code the run does not name is named by itself, its kind read from its shape. */
export function unitOf(code: string, named: ReadonlyMap<string, UnitRefDto>, provinceCode: string): UnitRefDto {
  const known = named.get(code);
  if (known) return known;
  const kind: UnitKind = code === provinceCode ? 'province' : UUID.test(code) ? 'agency' : 'commune';
  return { kind, code, name: code };
}

const KIND_ORDER: Record<UnitKind, number> = { province: 0, agency: 1, commune: 2 };

/** Whether a unit matches a search: its name or code contains the words typed, diacritics and case ignored. */
export function unitMatches(unit: UnitRefDto, search: string): boolean {
  const words = fold(search.normalize('NFC')).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = `${fold(unit.name.normalize('NFC'))} ${unit.code.toLowerCase()}`;
  return words.every((w) => hay.includes(w));
}

/**
 * The findings that pass the filter, grouped by unit: the province first, then departments, then
 * communes, each by name. Counts are of the findings shown.
 */
export function groupByUnit<V extends Finding>(
  violations: readonly V[],
  units: readonly UnitRefDto[],
  filter: ValidationFilter,
  provinceCode: string,
): UnitGroup<V>[] {
  const named = new Map(units.map((u) => [u.code, u]));
  const groups = new Map<string, UnitGroup<V>>();
  for (const v of violations) {
    if (filter.kind !== null && kindOf(v) !== filter.kind) continue;
    if (filter.rule !== null && v.rule !== filter.rule) continue;
    let g = groups.get(v.unit);
    if (!g) {
      const unit = unitOf(v.unit, named, provinceCode);
      if (!unitMatches(unit, filter.search)) continue;
      g = { unit, counts: zero(), items: [], missing: [] };
      groups.set(v.unit, g);
    }
    const kind = kindOf(v);
    g.counts[kind] += 1;
    if (kind === 'missing') g.missing.push(v);
    else g.items.push(v);
  }
  const out = [...groups.values()];
  for (const g of out) g.items.sort((a, b) => Number(kindOf(a) === 'review') - Number(kindOf(b) === 'review'));
  return out.sort(
    (a, b) =>
      KIND_ORDER[a.unit.kind] - KIND_ORDER[b.unit.kind] ||
      a.unit.name.localeCompare(b.unit.name, 'vi') ||
      a.unit.code.localeCompare(b.unit.code),
  );
}

/** `/indicators/entry?unit=…&period=…`: the unit's entry form for the period checked. */
export function entryHref(unit: string, period: string): string {
  return `/indicators/entry?${new URLSearchParams({ unit, period }).toString()}`;
}

/**
 * Who may run the checks (as the server decides it, indicators/routes.ts): the standing body,
 * administrators and leaders over the province, a commune officer or agency reporter over their own unit.
 */
export function canRunValidation(user: SessionUser | null): boolean {
  const scope = scopeFor(user, indicatorsPermissions, 'values.read');
  if (scope === 'province') return true;
  if (scope === 'own_commune') return !!user?.communeCode;
  if (scope === 'own_agency') return !!user?.agencyId;
  return false;
}
