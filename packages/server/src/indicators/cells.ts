import { disaggregationKey, invalidDisaggregation, parseDisaggregationKey, type CatalogueIndex } from '@tre/core';
import * as repo from './repository.ts';
import type { ReportingUnit } from './units.ts';

/**
 * The rules of one stored figure (a cell: element × unit × period × disaggregation) shared by the
 * entry form and the importers, so that a figure typed in and a figure imported are judged alike.
 */

/** The canonical key of a disaggregation for an element, or a reason it is not valid for it. */
export function disaggregationOf(
  index: CatalogueIndex,
  element: string,
  raw: string | undefined,
): { key: string } | { problem: { vi: string; en: string } } {
  const text = raw ?? '';
  const parsed = parseDisaggregationKey(text);
  if (!parsed) return { problem: { vi: `phân tổ không hợp lệ: ${text}`, en: `malformed disaggregation: ${text}` } };
  const el = index.element(element);
  const bad = invalidDisaggregation(
    { element, unit: '', period: '', value: 0, disaggregation: parsed },
    el?.categories ?? [],
    index,
  );
  return bad ? { problem: bad } : { key: disaggregationKey(parsed) };
}

export interface Cell extends repo.CellKey {
  unitKind: ReportingUnit['kind'];
  value: number | null;
}

/** Compares incoming cells with what is stored: the writes to make, and what each cell was. */
export function diffCells(stored: repo.StoredValue[], cells: Cell[]) {
  const before = new Map(stored.map((v) => [repo.cellId(v), v.value]));
  const writes: repo.ValueWrite[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const c of cells) {
    const old = before.get(repo.cellId(c)) ?? null;
    if (old === c.value) {
      unchanged++;
      continue;
    }
    if (old === null) created++;
    else updated++;
    writes.push({ ...c, old });
  }
  return { writes, created, updated, unchanged };
}
