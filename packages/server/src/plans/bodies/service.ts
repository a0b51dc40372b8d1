import {
  resolveBody,
  similarKey,
  type BodyResolution,
  type ParsedBody,
  type PlanBodyDto,
  type UndecidedLeadsDto,
} from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { invalid, notFound } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../../audit/audit.ts';
import { auditActorOf, type SessionActor } from '../../audit/session-actor.ts';
import { findPlan, touchPlan } from '../repository.ts';
import {
  agenciesForMatch,
  assertAgencyOfProvince,
  bodyLabel,
  fromResolutionValues,
  resolveNames,
  sameResolution,
  toResolutionValues,
} from '../resolution.ts';
import * as repo from './repository.ts';

type Match = Awaited<ReturnType<typeof agenciesForMatch>>;

/** Who takes a decision: a signed-in user, or the `tre` command (no user row). */
export interface Decider {
  provinceCode: string;
  userId: string | null;
  audit: AuditActor;
}

/** A remembered decision takes the place of the matcher's proposal; the matcher's rule stays only when they agree. */
function withMemory(body: ParsedBody, memory: repo.DecisionRow | undefined): ParsedBody {
  if (!memory) return body;
  const resolution = fromResolutionValues(memory);
  const { rule, suggestedGroup: _, ...rest } = body;
  return {
    ...rest,
    resolution,
    ...(rule && sameResolution(resolution, body.resolution) ? { rule } : {}),
    remembered: { decidedAt: memory.decided_at.toISOString(), decidedBy: memory.decided_by_name },
  };
}

/**
 * What Tre proposes for each name of a plan: the province's remembered decision for the name's
 * similar key where a reviewer took one, otherwise the matcher's resolution (with its rule).
 */
export async function proposeBodies(
  db: Kysely<Database>,
  provinceCode: string,
  names: string[],
  match?: Match,
): Promise<ParsedBody[]> {
  const { agencies, options } = match ?? (await agenciesForMatch(db, provinceCode));
  const matched = resolveNames(names, agencies, options);
  const memory = await repo.findDecisions(db, provinceCode, [...new Set(matched.map((b) => b.key))]);
  const byKey = new Map(memory.map((d) => [d.name_key, d]));
  return matched.map((b) => withMemory(b, byKey.get(b.key)));
}

/**
 * Remembers one decision for a similar key, in the caller's transaction, audited: a resolution
 * replaces the earlier one, "unresolved" forgets it.
 */
async function remember(
  trx: Transaction<Database>,
  decider: Decider,
  planId: string,
  decision: { name: string; resolution: BodyResolution },
): Promise<void> {
  const key = similarKey(decision.name);
  if (!key) return;
  const [before] = await repo.findDecisions(trx, decider.provinceCode, [key]);
  const previous = before && { name: before.name, resolution: fromResolutionValues(before) };
  const r = decision.resolution;
  if (r.kind === 'unresolved') {
    if (!before) return;
    await repo.deleteDecision(trx, before.id);
    await recordAudit(trx, decider.audit, { action: 'delete', entity: 'body_decision', entityId: before.id, before: previous });
    return;
  }
  const id = await repo.upsertDecision(trx, {
    province_code: decider.provinceCode,
    name_key: key,
    name: decision.name,
    ...toResolutionValues(r),
    resolution: r.kind,
    plan_id: planId,
    decided_by: decider.userId,
  });
  await recordAudit(trx, decider.audit, {
    action: before ? 'update' : 'create',
    entity: 'body_decision',
    entityId: id,
    before: previous,
    after: { name: decision.name, key, resolution: r, planId },
  });
}

/** Remembers every decision of a saved plan that differs from what Tre proposed (one per similar key, the last). */
export async function rememberDecisions(
  trx: Transaction<Database>,
  decider: Decider,
  planId: string,
  decisions: { name: string; resolution: BodyResolution }[],
  proposals: ParsedBody[],
): Promise<number> {
  const proposed = new Map(proposals.map((p) => [p.name, p.resolution]));
  const changed = new Map<string, { name: string; resolution: BodyResolution }>();
  for (const d of decisions) {
    const p = proposed.get(d.name);
    if (p && !sameResolution(p, d.resolution)) changed.set(similarKey(d.name), d);
  }
  for (const d of changed.values()) await remember(trx, decider, planId, d);
  return changed.size;
}

/**
 * One decision for a body name of a saved plan, applied to every similar name of the plan (same
 * similar key) and remembered for the province's next plans; audited in one transaction.
 */
export async function decideBodyInPlan(
  db: Kysely<Database>,
  actor: SessionActor,
  planId: string,
  decision: { name: string; resolution: BodyResolution },
): Promise<{ updated: number; names: string[] }> {
  if (!(await findPlan(db, actor.provinceCode, planId))) throw notFound({ vi: 'kế hoạch', en: 'Plan' });
  const { agencies } = await agenciesForMatch(db, actor.provinceCode);
  assertAgencyOfProvince(agencies, decision.resolution, 'resolution.agencyId');
  const key = similarKey(decision.name);
  const names = (await repo.listPlanNames(db, planId)).filter((n) => n === decision.name || (key && similarKey(n) === key));
  if (!names.includes(decision.name)) {
    throw invalid('name', `Kế hoạch không có cơ quan nào viết "${decision.name}"`, `The plan names no body "${decision.name}"`);
  }
  const decider = { provinceCode: actor.provinceCode, userId: actor.id, audit: auditActorOf(actor) };
  return db.transaction().execute(async (trx) => {
    const updated = await repo.resolveNamesInPlan(trx, planId, names, toResolutionValues(decision.resolution));
    await touchPlan(trx, planId);
    await recordAudit(trx, decider.audit, {
      action: 'update',
      entity: 'plan_body',
      entityId: planId,
      after: { name: decision.name, names, resolution: decision.resolution, updated },
    });
    await remember(trx, decider, planId, decision);
    return { updated, names };
  });
}

/** A saved plan's body names: each resolution, the matcher's rule when it still holds, candidates while unresolved. */
export async function planBodies(db: Kysely<Database>, provinceCode: string, planId: string): Promise<PlanBodyDto[]> {
  const [rows, { agencies, options }] = await Promise.all([repo.listPlanBodies(db, planId), agenciesForMatch(db, provinceCode)]);
  return rows.map((row) => {
    const resolution = fromResolutionValues(row);
    const auto = resolveBody(row.name, agencies, options);
    return {
      name: row.name,
      key: similarKey(row.name),
      resolution,
      label: bodyLabel(row),
      count: row.count,
      leadCount: row.lead_count,
      candidates: resolution.kind === 'unresolved' ? auto.candidates : [],
      ...(auto.rule && sameResolution(auto.resolution, resolution) ? { rule: auto.rule } : {}),
    };
  });
}

/** Per plan of the province, the tasks whose lead is not decided yet: the standing body's to-do list. */
export async function listUndecidedLeads(db: Kysely<Database>, provinceCode: string): Promise<UndecidedLeadsDto[]> {
  const byPlan = new Map<string, UndecidedLeadsDto & { nameSet: Set<string> }>();
  for (const t of await repo.listUndecidedLeadTasks(db, provinceCode)) {
    let plan = byPlan.get(t.plan_id);
    if (!plan) {
      plan = { planId: t.plan_id, planTitle: t.plan_title, taskCount: 0, names: [], withoutLead: 0, nameSet: new Set() };
      byPlan.set(t.plan_id, plan);
    }
    plan.taskCount += 1;
    if (t.lead_count === 0) plan.withoutLead += 1;
    for (const n of t.names) plan.nameSet.add(n);
  }
  return [...byPlan.values()].map(({ nameSet, ...plan }) => ({ ...plan, names: [...nameSet] }));
}
