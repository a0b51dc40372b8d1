import crypto from 'node:crypto';
import path from 'node:path';
import { ErrorCode, filesPermissions, mayTake, scopeKindOf } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { TreError, forbidden, invalid, notFound } from '../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { auditActorOf, type SessionActor } from '../audit/session-actor.ts';
import * as repo from './repository.ts';

/** Evidence files: a scan or a report, not an archive. The upload route accepts a little more so this check can say so. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

export function mediaTypeOf(fileName: string): string {
  return MEDIA_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** Only the base name, without control characters: it ends up in a Content-Disposition header. */
export function cleanFileName(fileName: string): string {
  return path
    .basename(fileName.replaceAll('\\', '/'))
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 255);
}

export async function storeFile(db: Kysely<Database>, actor: SessionActor, fileName: string, bytes: Buffer) {
  // files are evidence of task progress: only roles that can report progress may store one
  if (!mayTake(filesPermissions, 'evidence.upload', actor)) throw forbidden();
  const name = cleanFileName(fileName);
  if (name === '') throw invalid('query.fileName', 'Thiếu tên tệp', 'The file name is missing');
  if (bytes.length > MAX_FILE_BYTES) throw new TreError(ErrorCode.FileTooLarge, { field: 'file', params: { maxMb: 10 } });
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertFile(trx, {
      province_code: actor.provinceCode,
      name,
      media_type: mediaTypeOf(name),
      size: bytes.length,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      content: bytes,
      uploaded_by: actor.id,
    });
    await recordAudit(trx, auditActorOf(actor), { action: 'create', entity: 'stored_file', entityId: row.id, after: row });
    return row;
  });
}

/**
 * Who may download a file: whoever uploaded it, province-level roles (administrators,
 * provincial officers, leaders), and the body whose progress report cites it as evidence.
 * Anyone else gets "not found", so ids cannot be probed.
 */
export async function readFile(db: Kysely<Database>, actor: SessionActor, id: string) {
  const meta = await repo.findFileMeta(db, actor.provinceCode, id);
  if (!meta) throw notFound({ vi: 'tệp', en: 'File' });
  if (meta.uploaded_by !== actor.id && scopeKindOf(actor.role) !== 'province') {
    const citing = await repo.listEvidenceBodies(db, id);
    const ownBody = citing.some(
      (p) =>
        (p.agency_id !== null && p.agency_id === actor.agencyId) ||
        (p.commune_code !== null && p.commune_code === actor.communeCode),
    );
    if (!ownBody) throw notFound({ vi: 'tệp', en: 'File' });
  }
  // the download is logged by the route as a read (access/read-log.ts), not as a write in the audit
  return { meta, content: await repo.findFileContent(db, id) };
}

/** A file the actor may cite as evidence: their own upload, in their province. */
export async function assertOwnFile(db: Kysely<Database>, actor: SessionActor, id: string, field: string) {
  const meta = await repo.findFileMeta(db, actor.provinceCode, id);
  if (!meta || meta.uploaded_by !== actor.id) {
    throw invalid(field, 'Tệp minh chứng không tồn tại hoặc không do bạn tải lên', 'No such evidence file uploaded by you');
  }
  return meta;
}
