import {
  countProblem,
  disaggregationKey,
  invalidDisaggregation,
  isPeriodCode,
  parseDisaggregationKey,
  type CatalogueIndex,
  type DataSetKind,
  type EntryFormDto,
  type SaveValuesReply,
  type SaveValuesRequest,
} from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { invalid, notFound } from '../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { auditActorOf, type SessionActor } from '../audit/session-actor.ts';
import { assertCanRead, assertCanWrite } from './access.ts';
import { catalogueIndex } from './catalogue-store.ts';
import * as repo from './repository.ts';
import { dataSetOf, findReportingUnit, type ReportingUnit } from './units.ts';

export function assertPeriod(period: string, field = 'period'): void {
  if (!isPeriodCode(period)) {
    throw invalid(
      field,
      `Kỳ không hợp lệ: ${period} (vd. 2025, 2025S1, 2025Q1, 202501)`,
      `Invalid period: ${period} (e.g. 2025, 2025S1, 2025Q1, 202501)`,
    );
  }
}

export async function unitOrNotFound(db: Kysely<Database>, provinceCode: string, code: string): Promise<ReportingUnit> {
  const unit = await findReportingUnit(db, provinceCode, code);
  if (!unit) throw notFound({ vi: 'đơn vị báo cáo', en: 'Reporting unit' });
  return unit;
}

function assertDataSet(unit: ReportingUnit, dataSet: DataSetKind | undefined) {
  if (dataSet && dataSet !== unit.kind) {
    throw invalid('dataSet', `Đơn vị này báo cáo bộ số liệu "${unit.kind}"`, `This unit reports the "${unit.kind}" data set`);
  }
}

/** The entry form of one unit and period: its data set's elements with what is stored. */
export async function entryForm(
  db: Kysely<Database>,
  actor: SessionActor,
  q: { unit: string; period: string; dataSet?: DataSetKind | undefined },
): Promise<EntryFormDto> {
  assertPeriod(q.period);
  const unit = await unitOrNotFound(db, actor.provinceCode, q.unit);
  assertCanRead(actor, unit);
  assertDataSet(unit, q.dataSet);
  const index = await catalogueIndex(db);
  const set = dataSetOf(index, unit);
  const stored = await repo.findValues(db, actor.provinceCode, [unit.code], [q.period]);
  return {
    unit: { kind: unit.kind, code: unit.code, name: unit.name },
    period: q.period,
    dataSet: set.kind,
    elements: set.elements.map((code) => {
      const el = index.element(code);
      const mine = stored.filter((v) => v.element === code);
      const total = mine.find((v) => v.disaggregation === '');
      const latest = [...mine].sort((a, b) => b.enteredAt.getTime() - a.enteredAt.getTime())[0];
      return {
        code,
        name: el?.name ?? { vi: code, en: code },
        categories: el?.categories ?? [],
        value: total?.value ?? null,
        parts: mine.filter((v) => v.disaggregation !== '').map((v) => ({ disaggregation: v.disaggregation, value: v.value })),
        enteredBy: latest?.enteredBy ?? null,
        enteredAt: latest?.enteredAt.toISOString() ?? null,
      };
    }),
  };
}

/**
 * Why a figure cannot be stored, or null: the one rule of core indicators/counts.ts (finite, whole,
 * 0 ≤ n ≤ 10^12, not -0), re-exported here for the importers that already take it from this file.
 */
export { countProblem };

/** The canonical key of a disaggregation for an element, or a reason it is not valid for it. */
export function disaggregationOf(
  index: CatalogueIndex,
  element: string,
  raw: string | undefined,
): { key: string } | { problem: { vi: string; en: string } } {
  const parsed = parseDisaggregationKey(raw ?? '');
  if (!parsed) return { problem: { vi: `phân tổ không hợp lệ: ${raw}`, en: `malformed disaggregation: ${raw}` } };
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

/**
 * Saves a batch of one unit and period in one transaction: only changed cells are written, each
 * with a history row, and the batch gets one audit row listing the changes.
 */
export async function saveValues(db: Kysely<Database>, actor: SessionActor, req: SaveValuesRequest): Promise<SaveValuesReply> {
  assertPeriod(req.period);
  const unit = await unitOrNotFound(db, actor.provinceCode, req.unit);
  assertCanWrite(actor, unit);
  const index = await catalogueIndex(db);
  const allowed = new Set(dataSetOf(index, unit).elements);
  const seen = new Set<string>();
  const cells: Cell[] = req.values.map((v, i) => {
    const field = `values.${i}`;
    if (!allowed.has(v.element)) {
      throw invalid(
        `${field}.element`,
        `${v.element} không thuộc bộ số liệu của đơn vị này`,
        `${v.element} is not in this unit's data set`,
      );
    }
    const d = disaggregationOf(index, v.element, v.disaggregation);
    if ('problem' in d) throw invalid(`${field}.disaggregation`, d.problem.vi, d.problem.en);
    if (v.value !== null) {
      const problem = countProblem(v.value);
      if (problem) throw invalid(`${field}.value`, problem.vi, problem.en);
    }
    const cell = {
      element: v.element,
      unit: unit.code,
      unitKind: unit.kind,
      period: req.period,
      disaggregation: d.key,
      value: v.value,
    };
    if (seen.has(repo.cellId(cell))) {
      throw invalid(`${field}.element`, `${v.element} được nhập hai lần`, `${v.element} is given twice`);
    }
    seen.add(repo.cellId(cell));
    return cell;
  });
  return db.transaction().execute(async (trx) => {
    const stored = await repo.findValues(trx, actor.provinceCode, [unit.code], [req.period]);
    const diff = diffCells(stored, cells);
    if (diff.writes.length > 0) {
      await repo.applyWrites(
        trx,
        { provinceCode: actor.provinceCode, userId: actor.id, name: actor.username, source: 'form' },
        diff.writes,
      );
      const label = (w: repo.ValueWrite) => `${w.element}${w.disaggregation ? `[${w.disaggregation}]` : ''}`;
      await recordAudit(trx, auditActorOf(actor), {
        action: 'update',
        entity: 'data_value',
        entityId: `${unit.code}/${req.period}`,
        before: Object.fromEntries(diff.writes.map((w) => [label(w), w.old])),
        after: Object.fromEntries(diff.writes.map((w) => [label(w), w.value])),
      });
    }
    return { created: diff.created, updated: diff.updated, unchanged: diff.unchanged };
  });
}
