/**
 * Data values: one count per data element, unit (commune, agency or the province itself) and
 * period, either as the element's total or as one cell of its disaggregation (sex × age group …).
 * This is the shape the DHIS2 dataValueSets import produces (dataElement, orgUnit, period, value,
 * categoryOptionCombo) and what the database stores.
 */
export interface DataValue {
  element: string;
  unit: string;
  period: string;
  value: number;
  /** one option per category of the element, e.g. { sex: 'female' }; absent or {} = the total */
  disaggregation?: Readonly<Record<string, string>>;
}

/** What one unit reported for one element and period, after resolving total against parts. */
export interface ElementTotal {
  element: string;
  unit: string;
  period: string;
  /** the figure aggregation uses */
  value: number;
  /**
   * Where `value` came from. Decision: a total given explicitly WINS over the sum of its parts —
   * it is the figure the unit signed, and parts are often incomplete (children whose ethnicity is
   * unknown are in the total but in no part). A total that disagrees with its parts is reported by
   * the validation rule `disaggregation_mismatch` for review, never silently replaced.
   */
  source: 'total' | 'parts';
  /** sum of the parts given, null when none were */
  partsSum: number | null;
  partsCount: number;
}

/** The key of a disaggregation, independent of property order: 'age_group=u6|sex=female'; '' = total. */
export function disaggregationKey(d: DataValue['disaggregation']): string {
  if (!d) return '';
  return Object.keys(d)
    .sort()
    .map((k) => `${k}=${d[k] ?? ''}`)
    .join('|');
}

export function valueKey(element: string, unit: string, period: string): string {
  return `${element}\u0000${unit}\u0000${period}`;
}

/** Resolved totals keyed by valueKey(element, unit, period). */
export type ElementTotals = ReadonlyMap<string, ElementTotal>;

/**
 * Resolves each (element, unit, period) to one total. A later row with the same element, unit,
 * period and disaggregation replaces an earlier one, as a corrected re-import does.
 */
export function resolveTotals(values: Iterable<DataValue>): Map<string, ElementTotal> {
  const cells = new Map<string, { v: DataValue; total?: number; parts: Map<string, number> }>();
  for (const v of values) {
    const key = valueKey(v.element, v.unit, v.period);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { v, parts: new Map() }));
    const d = disaggregationKey(v.disaggregation);
    if (d === '') cell.total = v.value;
    else cell.parts.set(d, v.value);
  }
  const out = new Map<string, ElementTotal>();
  for (const [key, { v, total, parts }] of cells) {
    const partsSum = parts.size ? [...parts.values()].reduce((a, b) => a + b, 0) : null;
    out.set(key, {
      element: v.element,
      unit: v.unit,
      period: v.period,
      value: total ?? partsSum ?? 0,
      source: total !== undefined ? 'total' : 'parts',
      partsSum,
      partsCount: parts.size,
    });
  }
  return out;
}

/**
 * The disaggregation a key names ('age_group=u6|sex=female' → { age_group: 'u6', sex: 'female' });
 * '' and DHIS2's 'default' are the total. Null when the key is not of that shape.
 */
export function parseDisaggregationKey(key: string): Record<string, string> | null {
  const k = key.trim();
  if (k === '' || k === 'default') return {};
  const out: Record<string, string> = {};
  for (const part of k.split('|')) {
    const m = /^([a-z0-9_]+)=([a-z0-9_]+)$/.exec(part.trim());
    if (!m?.[1] || !m[2] || m[1] in out) return null;
    out[m[1]] = m[2];
  }
  return out;
}
