import type { Kysely } from 'kysely';
import type { Database, UnitKind } from '../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { auditActorOf, userIdOf, type SessionActor } from '../audit/session-actor.ts';
import { applyWrites, cellId, findValues, type ValueWrite } from './repository.ts';
import { findLocks } from './locks-repository.ts';

/** One figure a module counted: an element's cell of a unit, by its disaggregation key. */
export interface CountedCell {
  element: string;
  disaggregation: string;
  value: number;
}

export interface CountsToPublish {
  period: string;
  unitKind: UnitKind;
  /** the units whose cells are written, every cell of each (zeros included, so a count that fell is written too) */
  units: readonly string[];
  /** every cell of one unit, zeros included */
  cellsOf: (unit: string) => readonly CountedCell[];
  /** the audit row's entity id, e.g. `cases/2025` */
  auditId: string;
}

export interface PublishResult {
  period: string;
  /** units written (not locked) */
  communes: number;
  cellsWritten: number;
  /** units left as an accepted report locked them */
  locked: string[];
}

/**
 * Writes counts that a module derived (register, cases, children's voices, recognition) as the
 * indicators' data values, in one transaction with its audit row. Only changed cells are written
 * (each with its history row); units whose figures for the period an accepted report locked are left
 * as accepted and named in the reply, so a published count never silently changes a submitted one.
 */
export async function publishCounts(db: Kysely<Database>, actor: SessionActor, counts: CountsToPublish): Promise<PublishResult> {
  const { period } = counts;
  const locks = await findLocks(
    db,
    actor.provinceCode,
    counts.units.map((unit) => ({ unit, period })),
  );
  const open = counts.units.filter((u) => !locks.has(`${u}|${period}`));
  return db.transaction().execute(async (trx) => {
    const stored = new Map((await findValues(trx, actor.provinceCode, open, [period])).map((v) => [cellId(v), v.value]));
    const writes: ValueWrite[] = [];
    for (const unit of open) {
      for (const c of counts.cellsOf(unit)) {
        const cell = { element: c.element, unit, period, disaggregation: c.disaggregation };
        const old = stored.get(cellId(cell)) ?? null;
        if (old !== c.value) writes.push({ ...cell, unitKind: counts.unitKind, value: c.value, old });
      }
    }
    await applyWrites(
      trx,
      { provinceCode: actor.provinceCode, userId: userIdOf(actor), name: actor.username, source: 'import' },
      writes,
    );
    await recordAudit(trx, auditActorOf(actor), {
      action: 'publish',
      entity: 'data_value',
      entityId: counts.auditId,
      after: { communes: open.length, cells: writes.length, locked: [...locks.keys()] },
    });
    return { period, communes: open.length, cellsWritten: writes.length, locked: [...locks.values()].map((l) => l.unitCode) };
  });
}

const SEXES = ['male', 'female'] as const;
const AGES = ['u6', '6_11', '12_15'] as const;

/** The sex × age-group cells of the catalogue's child counts (`age_group=…|sex=…`), for a count looked up by both. */
export function sexAgeCells(
  element: string,
  count: (sex: (typeof SEXES)[number], age: (typeof AGES)[number]) => number,
): CountedCell[] {
  return SEXES.flatMap((sex) =>
    AGES.map((age) => ({ element, disaggregation: `age_group=${age}|sex=${sex}`, value: count(sex, age) })),
  );
}
