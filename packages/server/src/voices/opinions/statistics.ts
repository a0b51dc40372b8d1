import {
  PARTICIPATION_ELEMENTS,
  elementCounts,
  emptyParticipantCounts,
  opinionsPermissions,
  parsePeriod,
  periodEnd,
  periodStart,
  scopeOf,
  type CountsGrid,
  type EventKind,
  type ParticipantAgeGroup,
  type ParticipationFigureDto,
  type ParticipationStatisticsDto,
  type PublishParticipationDto,
  type Sex,
} from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import { auditActorOf, userIdOf, type SessionActor } from '../../audit/session-actor.ts';
import { forbidden, invalid } from '../../errors.ts';
import { applyWrites, cellId, findValues, type ValueWrite } from '../../indicators/repository.ts';
import { findLocks } from '../../indicators/locks-repository.ts';
import * as repo from './repository.ts';

/**
 * Indicators 22–24 counted from the events held in a period (a year, or a half year: 2025S1): per
 * commune and sex, as core's PARTICIPATION_ELEMENTS maps the kinds and age groups. The figures are
 * participations, not distinct children (a child at two forums counts twice). Events held
 * province-wide count in no commune: they are shown and not written.
 */

function bounds(period: string) {
  const p = parsePeriod(period);
  if (p?.type !== 'year' && p?.type !== 'half') {
    throw invalid(
      'period',
      `Kỳ "${period}" không hợp lệ (năm hoặc 6 tháng: 2025, 2025S1)`,
      `"${period}" is not a year or half year (2025, 2025S1)`,
    );
  }
  return { from: periodStart(p), to: periodEnd(p) };
}

/** Figures per commune (null: province-wide), element and sex. */
async function figuresOf(db: Kysely<Database>, provinceCode: string, period: string, commune: string | null) {
  const { from, to } = bounds(period);
  const rows = await repo.participationCounts(db, provinceCode, from, to, commune);
  const grids = new Map<string, { commune: string | null; kind: EventKind; counts: CountsGrid }>();
  for (const r of rows) {
    const key = `${r.commune_code ?? ''}|${r.kind}`;
    const g = grids.get(key) ?? { commune: r.commune_code, kind: r.kind as EventKind, counts: emptyParticipantCounts() };
    g.counts[r.age_group as ParticipantAgeGroup][r.sex as Sex] += r.n;
    grids.set(key, g);
  }
  const figures = new Map<string, ParticipationFigureDto>();
  for (const g of grids.values()) {
    for (const c of elementCounts(g.kind, g.counts)) {
      const key = `${g.commune ?? ''}|${c.element}|${c.sex}`;
      const f = figures.get(key) ?? { communeCode: g.commune, element: c.element, sex: c.sex, value: 0 };
      f.value += c.value;
      figures.set(key, f);
    }
  }
  return { figures: [...figures.values()], events: await repo.countEvents(db, provinceCode, from, to, commune) };
}

export async function participationStatistics(
  db: Kysely<Database>,
  actor: SessionActor,
  period: string,
  asked?: string,
): Promise<ParticipationStatisticsDto> {
  const scope = scopeOf(opinionsPermissions, 'opinions.statistics', actor);
  if (scope === undefined) throw forbidden();
  let commune = asked ?? null;
  if (scope === 'own_commune') {
    if (asked && asked !== actor.communeCode) throw forbidden();
    commune = actor.communeCode ?? '';
  }
  const { figures, events } = await figuresOf(db, actor.provinceCode, period, commune);
  figures.sort(
    (a, b) =>
      (a.communeCode ?? '').localeCompare(b.communeCode ?? '') ||
      a.element.localeCompare(b.element) ||
      a.sex.localeCompare(b.sex),
  );
  return { period, events, figures };
}

/**
 * Writes the period's figures as the communes' data values of the three elements, by sex, for every
 * commune that has ever had an event (zeros included, so a corrected event lowers a figure), in one
 * transaction, audited; communes whose figures of the period are locked by an accepted report are
 * left as accepted and named in the reply.
 */
export async function publishParticipation(
  db: Kysely<Database>,
  actor: SessionActor,
  period: string,
): Promise<PublishParticipationDto> {
  if (scopeOf(opinionsPermissions, 'opinions.publish', actor) !== 'province') throw forbidden();
  const { figures } = await figuresOf(db, actor.provinceCode, period, null);
  const communes = await repo.communesWithEvents(db, actor.provinceCode);
  const locks = await findLocks(
    db,
    actor.provinceCode,
    communes.map((unit) => ({ unit, period })),
  );
  const open = communes.filter((c) => !locks.has(`${c}|${period}`));
  const byCell = new Map(figures.map((f) => [`${f.communeCode ?? ''}|${f.element}|${f.sex}`, f.value]));
  const provinceWide = figures.filter((f) => f.communeCode === null).reduce((n, f) => n + f.value, 0);
  return db.transaction().execute(async (trx) => {
    const stored = new Map((await findValues(trx, actor.provinceCode, open, [period])).map((v) => [cellId(v), v.value]));
    const writes: ValueWrite[] = [];
    for (const unit of open) {
      for (const { element } of PARTICIPATION_ELEMENTS) {
        for (const sex of ['male', 'female'] as const) {
          const cell = { element, unit, period, disaggregation: `sex=${sex}` };
          const value = byCell.get(`${unit}|${element}|${sex}`) ?? 0;
          const old = stored.get(cellId(cell)) ?? null;
          if (old !== value) writes.push({ ...cell, unitKind: 'commune', value, old });
        }
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
      entityId: `voices/${period}`,
      after: { communes: open.length, cells: writes.length, locked: [...locks.keys()] },
    });
    return {
      period,
      communes: open.length,
      cellsWritten: writes.length,
      locked: [...locks.values()].map((l) => l.unitCode),
      provinceWide,
    };
  });
}
