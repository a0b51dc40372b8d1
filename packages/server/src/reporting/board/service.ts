import {
  dataSetElements,
  daysOverdue,
  missingFigures,
  timelinessOf,
  vietnamDate,
  type BoardCountsDto,
  type BoardRowDto,
  type RoundBoardDto,
  type RoundSummaryDto,
} from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SessionActor } from '../../audit/session-actor.ts';
import { catalogueIndex } from '../../indicators/catalogue/store.ts';
import { agenciesOf } from '../../indicators/units.ts';
import { getRound, roundDto } from '../rounds/service.ts';
import * as rounds from '../rounds/repository.ts';
import * as repo from './repository.ts';

/**
 * The round board: every body owing the round with its state, when it sent, on time or how late,
 * how complete its figures are and the reminders it got; the counts on top. Timeliness is the date in
 * Vietnam of the first sending against the deadline; completeness is submitted / owed.
 */
export function countsOf(owed: number, submitted: number, onTime: number, accepted: number, returned: number): BoardCountsDto {
  return {
    owed,
    submitted,
    onTime,
    late: submitted - onTime,
    missing: owed - submitted,
    accepted,
    returned,
    completeness: owed === 0 ? 0 : submitted / owed,
    timeliness: owed === 0 ? 0 : onTime / owed,
  };
}

export async function roundBoard(
  db: Kysely<Database>,
  actor: SessionActor,
  roundId: string,
  now = new Date(),
): Promise<RoundBoardDto> {
  const round = await getRound(db, actor.provinceCode, roundId);
  const [dto, bodies, submissions, entered, reminders, index, agencies] = await Promise.all([
    roundDto(db, round),
    rounds.listRoundBodies(db, roundId),
    repo.submissionsOfRound(db, roundId),
    repo.enteredElements(db, actor.provinceCode, roundId, round.period),
    repo.remindersSent(db, roundId),
    catalogueIndex(db),
    agenciesOf(db, actor.provinceCode),
  ]);
  // an agency's data set is the measures it supplies (by name); every commune's is the same
  const communeSet = dataSetElements(index, 'commune');
  const agencySets = new Map(agencies.map((a) => [a.id, dataSetElements(index, 'agency', a)]));
  const today = vietnamDate(now);
  const byUnit = new Map(submissions.map((s) => [`${s.unit_kind}|${s.unit_code}`, s]));
  const rows = bodies.map((b): BoardRowDto => {
    const s = byUnit.get(`${b.unit_kind}|${b.unit_code}`);
    const required = b.unit_kind === 'commune' ? communeSet : (agencySets.get(b.unit_code) ?? []);
    const have = entered.get(b.unit_code) ?? new Set<string>();
    const explanations = (s?.explanations ?? {}) as Record<string, string>;
    const figures = Object.fromEntries(required.map((e) => [e, have.has(e) ? 1 : null]));
    const missing = missingFigures(required, figures, explanations).length;
    const present = required.filter((e) => have.has(e)).length;
    const t = s?.first_submitted_at ? timelinessOf(s.first_submitted_at, round.deadline) : null;
    const r = reminders.get(b.unit_code);
    return {
      unitKind: b.unit_kind,
      unitCode: b.unit_code,
      name: b.name,
      state: s?.state ?? 'missing',
      submissionId: s?.id ?? null,
      submittedAt: s?.first_submitted_at?.toISOString() ?? null,
      submittedOn: s?.first_submitted_at ? vietnamDate(s.first_submitted_at) : null,
      onTime: t?.onTime ?? null,
      daysLate: t ? t.daysLate : daysOverdue(round.deadline, today),
      submittedAfterClose: s?.submitted_after_close ?? false,
      figures: { required: required.length, present, explained: required.length - present - missing },
      reminders: {
        count: r?.n ?? 0,
        lastAt: r?.last_at ? new Date(r.last_at).toISOString() : null,
        lastStep: r?.last_step ?? null,
      },
    };
  });
  const submitted = rows.filter((r) => r.submittedAt !== null);
  return {
    round: dto,
    counts: countsOf(
      rows.length,
      submitted.length,
      submitted.filter((r) => r.onTime).length,
      rows.filter((r) => r.state === 'accepted').length,
      rows.filter((r) => r.state === 'returned').length,
    ),
    rows,
  };
}

export async function listRoundSummaries(db: Kysely<Database>, actor: SessionActor): Promise<RoundSummaryDto[]> {
  const [list, counts] = await Promise.all([rounds.listRounds(db, actor.provinceCode), repo.roundCounts(db, actor.provinceCode)]);
  return list.map((r) => {
    const c = counts.get(r.id);
    return {
      id: r.id,
      title: r.title,
      period: r.period,
      deadline: r.deadline,
      planId: r.plan_id,
      closedAt: r.closed_at?.toISOString() ?? null,
      counts: countsOf(c?.owed ?? 0, c?.submitted ?? 0, c?.on_time ?? 0, c?.accepted ?? 0, c?.returned ?? 0),
      ownState: null,
    };
  });
}
