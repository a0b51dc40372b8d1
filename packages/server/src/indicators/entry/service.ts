import { countProblem, type DataSetKind, type EntryFormDto, type SaveValuesReply, type SaveValuesRequest } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { invalid } from '../../errors.ts';
import { recordAudit } from '../../audit/audit.ts';
import { auditActorOf, type SessionActor } from '../../audit/session-actor.ts';
import { assertCanRead, assertCanWrite } from '../access.ts';
import { catalogueIndex } from '../catalogue/store.ts';
import { diffCells, disaggregationOf, type Cell } from '../cells.ts';
import * as repo from '../repository.ts';
import { periodOf } from '../period.ts';
import { assertDataSet, dataSetOf, getReportingUnit } from '../units.ts';
import { assertFiguresOpen } from '../locks.ts';

/** The entry form of one unit and period: its data set's elements with what is stored. */
export async function entryForm(
  db: Kysely<Database>,
  actor: SessionActor,
  q: { unit: string; period: string; dataSet?: DataSetKind | undefined },
): Promise<EntryFormDto> {
  periodOf(q.period);
  const unit = await getReportingUnit(db, actor.provinceCode, q.unit);
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
 * Saves a batch of one unit and period in one transaction: only changed cells are written, each
 * with a history row, and the batch gets one audit row listing the changes.
 */
export async function saveValues(db: Kysely<Database>, actor: SessionActor, req: SaveValuesRequest): Promise<SaveValuesReply> {
  periodOf(req.period);
  const unit = await getReportingUnit(db, actor.provinceCode, req.unit);
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
    // inside the transaction: an acceptance committed meanwhile is seen (PostgreSQL read committed)
    await assertFiguresOpen(trx, actor.provinceCode, unit, req.period);
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
