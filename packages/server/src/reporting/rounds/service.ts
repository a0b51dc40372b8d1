import {
  ErrorCode,
  parsePeriod,
  periodLabel,
  roundDeadline,
  type OpenRoundRequest,
  type RoundBodiesRequest,
  type RoundDto,
  type UpdateRoundRequest,
} from '@tre/core';
import { groupsOfAgency } from '@tre/core/plans/bodies';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { TreError, invalid, notFound } from '../../errors.ts';
import { recordAudit } from '../../audit/audit.ts';
import { auditActorOf, userIdOf, type SessionActor } from '../../audit/session-actor.ts';
import * as repo from './repository.ts';

const ROUND = { vi: 'đợt báo cáo', en: 'Reporting round' };

/** A round as the API shows it. */
export async function roundDto(db: Kysely<Database>, row: repo.RoundRow): Promise<RoundDto> {
  const bodies = await repo.listRoundBodies(db, row.id);
  return {
    id: row.id,
    planId: row.plan_id,
    planTitle: row.plan_title,
    kind: row.kind,
    title: row.title,
    period: row.period,
    deadline: row.deadline,
    deadlineSource: row.deadline_source,
    remindBeforeDays: row.remind_before_days,
    remindEveryDays: row.remind_every_days,
    openedAt: row.opened_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    bodies: bodies.map((b) => ({ unitKind: b.unit_kind, unitCode: b.unit_code, name: b.name, origin: b.origin })),
  };
}

export async function getRound(db: Kysely<Database>, provinceCode: string, roundId: string): Promise<repo.RoundRow> {
  const row = await repo.findRound(db, provinceCode, roundId);
  if (!row) throw notFound(ROUND);
  return row;
}

/**
 * Who owes a plan's round: every active agency the plan names on a task or an indicator assignment,
 * directly or through a group it belongs to ("các sở, ban, ngành"), and every commune of the province
 * (two-tier government since 1 July 2025: every commune committee reports to the province).
 */
async function owedBodies(db: Kysely<Database>, provinceCode: string, planId: string | null) {
  const agencies = await repo.activeAgencies(db, provinceCode);
  const refs = planId ? await repo.planBodyRefs(db, planId) : undefined;
  const named = refs
    ? agencies.filter((a) => refs.agencyIds.includes(a.id) || groupsOfAgency(a).some((g) => refs.groups.includes(g)))
    : agencies; // an ad hoc round asks every active agency until the officer narrows it
  const communes = await repo.communesOfProvince(db, provinceCode);
  return [
    ...named.map((a) => ({
      unit_kind: 'agency' as const,
      unit_code: a.id,
      origin: planId ? ('plan' as const) : ('manual' as const),
    })),
    ...communes.map((c) => ({ unit_kind: 'commune' as const, unit_code: c.code, origin: 'commune' as const })),
  ];
}

export async function openRound(db: Kysely<Database>, actor: SessionActor, req: OpenRoundRequest): Promise<RoundDto> {
  const period = parsePeriod(req.period);
  if (!period) throw invalid('period', `Kỳ báo cáo không hợp lệ: ${req.period}`, `Not a reporting period: ${req.period}`);
  const plan = req.planId ? await repo.findPlanTitle(db, actor.provinceCode, req.planId) : undefined;
  if (req.planId && !plan) throw notFound({ vi: 'kế hoạch', en: 'Plan' });
  let deadline = req.deadline;
  let source: string | null = null;
  if (!deadline && plan) {
    const found = roundDeadline(req.period, await repo.planDeadlines(db, plan.id));
    deadline = found?.due;
    source = found?.from.text ?? null;
  }
  if (!deadline) {
    throw invalid(
      'deadline',
      plan
        ? `Kế hoạch không quy định hạn báo cáo cho kỳ ${req.period}; hãy nhập hạn (YYYY-MM-DD)`
        : 'Đợt báo cáo đột xuất cần có hạn nộp (YYYY-MM-DD)',
      plan
        ? `The plan sets no report deadline for ${req.period}; give one (YYYY-MM-DD)`
        : 'An ad hoc round needs a deadline (YYYY-MM-DD)',
    );
  }
  const label = periodLabel(period);
  const title = req.title ?? (plan ? `Báo cáo ${label.vi.toLowerCase()} — ${plan.title}` : `Báo cáo ${label.vi.toLowerCase()}`);
  const bodies = await owedBodies(db, actor.provinceCode, plan?.id ?? null);
  const id = await db.transaction().execute(async (trx) => {
    if (plan) {
      const existing = await trx
        .selectFrom('reporting_round')
        .select('id')
        .where('plan_id', '=', plan.id)
        .where('period', '=', req.period)
        .where('kind', '=', 'plan')
        .executeTakeFirst();
      if (existing) {
        throw new TreError(ErrorCode.Conflict, {
          field: 'period',
          detail: {
            vi: `Kế hoạch này đã có đợt báo cáo kỳ ${req.period} (${existing.id})`,
            en: `This plan already has a round for ${req.period} (${existing.id})`,
          },
        });
      }
    }
    const roundId = await repo.insertRound(trx, {
      province_code: actor.provinceCode,
      plan_id: plan?.id ?? null,
      kind: plan ? 'plan' : 'ad_hoc',
      title: title.slice(0, 300),
      period: req.period,
      deadline,
      deadline_source: source,
      remind_before_days: req.remindBeforeDays,
      remind_every_days: req.remindEveryDays,
      opened_by: userIdOf(actor),
    });
    await repo.insertRoundBodies(
      trx,
      bodies.map((b) => ({ ...b, round_id: roundId })),
    );
    await recordAudit(trx, auditActorOf(actor), {
      action: 'create',
      entity: 'reporting_round',
      entityId: roundId,
      after: { planId: plan?.id ?? null, period: req.period, deadline, bodies: bodies.length },
    });
    return roundId;
  });
  return roundDto(db, await getRound(db, actor.provinceCode, id));
}

export async function updateRound(
  db: Kysely<Database>,
  actor: SessionActor,
  roundId: string,
  req: UpdateRoundRequest,
): Promise<RoundDto> {
  await db.transaction().execute(async (trx) => {
    const before = await getRound(trx, actor.provinceCode, roundId);
    const closing = req.closed === true && !before.closed_at;
    const reopening = req.closed === false && before.closed_at !== null;
    const values = {
      ...(req.title !== undefined ? { title: req.title } : {}),
      // a deadline set by hand no longer comes from the plan's sentence
      ...(req.deadline !== undefined && req.deadline !== before.deadline
        ? { deadline: req.deadline, deadline_source: null }
        : {}),
      ...(req.remindBeforeDays !== undefined ? { remind_before_days: req.remindBeforeDays } : {}),
      ...(req.remindEveryDays !== undefined ? { remind_every_days: req.remindEveryDays } : {}),
      ...(closing ? { closed_at: new Date(), closed_by: userIdOf(actor) } : {}),
      ...(reopening ? { closed_at: null, closed_by: null } : {}),
    };
    if (Object.keys(values).length === 0) return;
    await repo.updateRound(trx, roundId, values);
    await recordAudit(trx, auditActorOf(actor), {
      action: closing ? 'close' : reopening ? 'reopen' : 'update',
      entity: 'reporting_round',
      entityId: roundId,
      before: { title: before.title, deadline: before.deadline, closed: before.closed_at !== null },
      after: { ...req },
    });
  });
  return roundDto(db, await getRound(db, actor.provinceCode, roundId));
}

/** Adds and removes bodies owing a round; a body that has started its report is kept (its work is not lost). */
export async function adjustBodies(
  db: Kysely<Database>,
  actor: SessionActor,
  roundId: string,
  req: RoundBodiesRequest,
): Promise<RoundDto> {
  const agencies = new Set((await repo.activeAgencies(db, actor.provinceCode)).map((a) => a.id));
  const communes = new Set((await repo.communesOfProvince(db, actor.provinceCode)).map((c) => c.code));
  req.add.forEach((b, i) => {
    const known = b.unitKind === 'agency' ? agencies.has(b.unitCode) : communes.has(b.unitCode);
    if (!known)
      throw invalid(
        `add.${i}.unitCode`,
        `Không có cơ quan/xã ${b.unitCode} trong tỉnh`,
        `No agency or commune ${b.unitCode} in the province`,
      );
  });
  await db.transaction().execute(async (trx) => {
    await getRound(trx, actor.provinceCode, roundId);
    const started = await trx
      .selectFrom('submission')
      .select(['unit_kind', 'unit_code'])
      .where('round_id', '=', roundId)
      .execute();
    const blocked = req.remove.find((r) => started.some((s) => s.unit_kind === r.unitKind && s.unit_code === r.unitCode));
    if (blocked) {
      throw new TreError(ErrorCode.Conflict, {
        field: 'remove',
        detail: {
          vi: 'Đơn vị này đã bắt đầu báo cáo trong đợt; không thể bỏ khỏi danh sách',
          en: 'This body has started its report for the round; it cannot be removed',
        },
      });
    }
    await repo.insertRoundBodies(
      trx,
      req.add.map((b) => ({ round_id: roundId, unit_kind: b.unitKind, unit_code: b.unitCode, origin: 'manual' as const })),
    );
    const removed = await repo.deleteRoundBodies(trx, roundId, req.remove);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'update',
      entity: 'round_body',
      entityId: roundId,
      after: { added: req.add.length, removed },
    });
  });
  return roundDto(db, await getRound(db, actor.provinceCode, roundId));
}
