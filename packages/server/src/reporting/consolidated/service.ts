import type { ReportBuildDto, ReportDraftDto, SaveReportDraftRequest } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { recordAudit } from '../../audit/audit.ts';
import { auditActorOf, userIdOf, type SessionActor } from '../../audit/session-actor.ts';
import { getRound } from '../rounds/service.ts';
import { buildReportDocx } from '../report/docx.ts';
import { buildReportXlsx } from '../report/xlsx.ts';
import { convertToPdf } from '../report/pdf.ts';
import { buildModel } from './build.ts';
import { reportDraft } from './draft.ts';
import * as repo from './repository.ts';

/** The consolidated report of a round: its editable text, the documents built and stored with the round. */
export async function getReportDraft(db: Kysely<Database>, actor: SessionActor, roundId: string): Promise<ReportDraftDto> {
  return reportDraft(db, await getRound(db, actor.provinceCode, roundId), actor.provinceCode);
}

export async function saveReportDraft(db: Kysely<Database>, actor: SessionActor, roundId: string, req: SaveReportDraftRequest) {
  await db.transaction().execute(async (trx) => {
    await getRound(trx, actor.provinceCode, roundId);
    const before = await repo.findDraft(trx, roundId);
    await repo.saveDraft(trx, {
      round_id: roundId,
      header: JSON.stringify(req.front),
      sections: JSON.stringify(req.sections),
      updated_by: userIdOf(actor),
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: before ? 'update' : 'create',
      entity: 'report_draft',
      entityId: roundId,
      before: before ? { header: before.header, sections: before.sections } : undefined,
      after: { header: req.front, sections: req.sections },
    });
  });
  return getReportDraft(db, actor, roundId);
}

/** Drops the officer's edits: the text is assembled afresh from the submissions. */
export async function resetReportDraft(db: Kysely<Database>, actor: SessionActor, roundId: string) {
  await db.transaction().execute(async (trx) => {
    await getRound(trx, actor.provinceCode, roundId);
    await repo.deleteDraft(trx, roundId);
    await recordAudit(trx, auditActorOf(actor), { action: 'delete', entity: 'report_draft', entityId: roundId });
  });
  return getReportDraft(db, actor, roundId);
}

function buildDto(r: Awaited<ReturnType<typeof repo.listBuilds>>[number]): ReportBuildDto {
  return {
    id: r.id,
    draft: r.draft,
    builtBy: r.built_by_name,
    builtAt: r.built_at.toISOString(),
    sources: r.sources as ReportBuildDto['sources'],
    formats: r.has_pdf ? ['docx', 'xlsx', 'pdf'] : ['docx', 'xlsx'],
    pdfNote: r.pdf_note,
  };
}

export interface BuiltReport {
  build: ReportBuildDto;
  docx: Buffer;
  xlsx: Buffer;
  pdf: Buffer | null;
}

/**
 * Builds the .docx and the .xlsx (and the PDF when LibreOffice is there) from the draft and the
 * figures as they are now, and stores them with the round — who built them, when, from which
 * submissions — so that the report sent can always be shown again.
 */
export async function buildReport(
  db: Kysely<Database>,
  actor: SessionActor,
  roundId: string,
  options: { pdf?: boolean; now?: Date } = {},
): Promise<BuiltReport> {
  const round = await getRound(db, actor.provinceCode, roundId);
  const draft = await reportDraft(db, round, actor.provinceCode);
  const model = await buildModel(db, actor, round, draft, options.now);
  const [docx, xlsx] = await Promise.all([buildReportDocx(model), buildReportXlsx(model)]);
  const pdf = options.pdf === false ? null : await convertToPdf(docx);
  const pdfBytes = pdf?.ok ? pdf.pdf : null;
  const pdfNote = pdf === null ? 'Không yêu cầu PDF / no PDF asked for' : pdf.ok ? null : `${pdf.message.vi} / ${pdf.message.en}`;
  const id = await db.transaction().execute(async (trx) => {
    const buildId = await repo.insertBuild(trx, {
      round_id: roundId,
      draft: draft.draft,
      sources: JSON.stringify(draft.sources),
      docx,
      xlsx,
      pdf: pdfBytes,
      pdf_note: pdfNote,
      built_by: userIdOf(actor),
      built_by_name: actor.displayName,
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'build',
      entity: 'report_build',
      entityId: buildId,
      after: { roundId, draft: draft.draft, sources: draft.sources.length, pdf: pdfBytes !== null },
    });
    return buildId;
  });
  const build = (await repo.listBuilds(db, roundId)).find((b) => b.id === id);
  if (!build) throw notFound({ vi: 'báo cáo vừa dựng', en: 'The report just built' });
  return { build: buildDto(build), docx, xlsx, pdf: pdfBytes };
}

export async function listReportBuilds(db: Kysely<Database>, actor: SessionActor, roundId: string): Promise<ReportBuildDto[]> {
  await getRound(db, actor.provinceCode, roundId);
  return (await repo.listBuilds(db, roundId)).map(buildDto);
}

const MEDIA = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export async function reportFile(
  db: Kysely<Database>,
  actor: SessionActor,
  roundId: string,
  buildId: string,
  format: 'docx' | 'xlsx' | 'pdf',
) {
  const round = await getRound(db, actor.provinceCode, roundId);
  const row = await repo.findBuildFile(db, roundId, buildId, format);
  const bytes = row?.[format];
  if (!row || !bytes) throw notFound({ vi: 'tệp báo cáo', en: 'Report file' });
  const name = `bao-cao-${round.period}${row.draft ? '-du-thao' : ''}.${format}`;
  return { bytes: Buffer.from(bytes), fileName: name, mediaType: MEDIA[format] };
}
