import { bodyKey } from '../plans/bodies.ts';
import type { CatalogueIndex } from './catalogue.ts';

/**
 * Data sets: which data elements one reporting body enters on its form.
 *
 * - `commune`: every element a commune counts among its own children and events — all elements of
 *   the catalogue except PROVINCE_ONLY_ELEMENTS.
 * - `agency`: the elements of the measures an agency supplies (the catalogue's `agency` field,
 *   matched to the agency's short name or aliases without diacritics, as plan bodies are).
 * - `province`: every element; the standing body may enter a province-wide figure for any of them.
 */
export type DataSetKind = 'commune' | 'agency' | 'province';
export const DATA_SET_KINDS: readonly DataSetKind[] = ['commune', 'agency', 'province'];

/**
 * Counts of communes are figures about the province, not of one commune: recognition as a
 * child-friendly commune is decided by the level above (DESIGN.md §7), so a commune does not
 * report "1 recognised commune" about itself.
 */
export const PROVINCE_ONLY_ELEMENTS: readonly string[] = [
  'COMMUNES_TOTAL',
  'COMMUNES_CHILD_FRIENDLY',
  'COMMUNES_WITH_PLAY_SPACE',
];

export interface AgencyNames {
  short_name: string;
  aliases: readonly string[];
}

/** Whether an agency is the one a measure names (short name or an alias, compared folded). */
export function agencySupplies(agency: AgencyNames, measureAgency: string): boolean {
  const key = bodyKey(measureAgency);
  return [agency.short_name, ...agency.aliases].some((n) => bodyKey(n) === key);
}

/** The element codes of a data set, in catalogue order; `agency` is required for the agency kind. */
export function dataSetElements(index: CatalogueIndex, kind: DataSetKind, agency?: AgencyNames): string[] {
  const all = index.catalogue.dataElements.map((e) => e.code);
  if (kind === 'province') return all;
  if (kind === 'commune') return all.filter((c) => !PROVINCE_ONLY_ELEMENTS.includes(c));
  if (!agency) return [];
  const wanted = new Set(
    index.measures.filter((m) => agencySupplies(agency, m.agency)).flatMap((m) => [m.numerator, m.denominator]),
  );
  return all.filter((c) => wanted.has(c));
}

/** Whether communes report both elements of a measure (else the province figure comes from the province or an agency). */
export function communesReport(measure: { numerator: string; denominator: string }): boolean {
  return !PROVINCE_ONLY_ELEMENTS.includes(measure.numerator) && !PROVINCE_ONLY_ELEMENTS.includes(measure.denominator);
}
