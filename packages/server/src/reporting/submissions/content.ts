import type { EntryFormDto, SubmissionContent, SubmissionTaskDto } from '@tre/core';
import { COMMUNE_GROUPS, groupsOfAgency } from '@tre/core/plans/bodies';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SessionActor } from '../../audit/session-actor.ts';
import * as units from '../../units/repository.ts';
import * as plans from '../../plans/repository.ts';
import { entryForm } from '../../indicators/entry/service.ts';
import { fileNames } from './repository.ts';

/**
 * What a body's submission is prefilled with: its tasks of the plan with their progress for the
 * period (as the plans module records it), and its data set's figures for the period (the indicators
 * entry form). Both stay where they live: the submission keeps only its text and explanations, and a
 * snapshot of all of it each time it is sent.
 */
export interface Body {
  kind: 'agency' | 'commune';
  code: string;
  name: string;
}

export async function bodyOf(
  db: Kysely<Database>,
  provinceCode: string,
  kind: 'agency' | 'commune',
  code: string,
): Promise<Body> {
  if (kind === 'agency') {
    const a = await units.findAgency(db, provinceCode, code);
    return { kind, code, name: a?.short_name ?? code };
  }
  const c = await units.findCommune(db, code);
  return { kind, code, name: c?.name ?? code };
}

/** The tasks assigned to the body (directly or through a group), those it leads first, with its progress for the period. */
export async function bodyTasks(db: Kysely<Database>, provinceCode: string, planId: string | null, body: Body, period: string) {
  if (!planId) return [];
  let groups: string[] = [...COMMUNE_GROUPS];
  let agencyId: string | undefined;
  if (body.kind === 'agency') {
    const agency = await units.findAgency(db, provinceCode, body.code);
    if (!agency) return [];
    agencyId = agency.id;
    groups = groupsOfAgency(agency);
  }
  const tasks = await plans.listTasks(db, planId, { ...(agencyId ? { agencyId } : {}), groups: groups as never });
  // progress is recorded per year and half-year; a quarter's round has none to show
  const progress = /^\d{4}(S[12])?$/.test(period)
    ? await plans.listProgress(
        db,
        tasks.map((t) => t.id),
        [period],
      )
    : [];
  const mine = progress.filter((p) => (body.kind === 'agency' ? p.agency_id === body.code : p.commune_code === body.code));
  const files = await fileNames(
    db,
    mine.flatMap((p) => (p.evidence_file_id ? [p.evidence_file_id] : [])),
  );
  return tasks.map((t): SubmissionTaskDto => {
    const p = mine.find((x) => x.task_id === t.id);
    return {
      taskId: t.id,
      path: t.path ?? t.ref ?? null,
      text: t.text,
      role: t.body_role ?? 'support',
      status: p?.status ?? null,
      note: p?.note ?? null,
      evidenceFileId: p?.evidence_file_id ?? null,
      evidenceFileName: p?.evidence_file_id ? (files.get(p.evidence_file_id) ?? null) : null,
    };
  });
}

export async function bodyFigures(db: Kysely<Database>, actor: SessionActor, body: Body, period: string): Promise<EntryFormDto> {
  return entryForm(db, actor, { unit: body.code, period });
}

export function contentOf(
  narrative: SubmissionContent['narrative'],
  explanations: Record<string, string>,
  figures: EntryFormDto,
  tasks: SubmissionTaskDto[],
): SubmissionContent {
  return {
    narrative,
    explanations,
    figures: Object.fromEntries(figures.elements.map((e) => [e.code, e.value])),
    tasks: Object.fromEntries(tasks.map((t) => [t.taskId, { status: t.status, note: t.note }])),
  };
}
