import { ErrorCode, type PlanParseReply } from '@tre/core';
import { PlanFileError, parsePlanFile } from '@tre/core/plans/parse';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { TreError } from '../errors.ts';
import { agenciesForMatch, bodyNamesOf, resolveNames } from './resolution.ts';

/** Reads an uploaded plan file and proposes a resolution for every body it names. Stores nothing. */
export async function parseUpload(
  db: Kysely<Database>,
  provinceCode: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<PlanParseReply> {
  let parsed;
  try {
    parsed = parsePlanFile(fileName, bytes);
  } catch (e) {
    if (e instanceof PlanFileError) throw planFileError(fileName, e);
    throw e;
  }
  const { agencies, provinceName } = await agenciesForMatch(db, provinceCode);
  return { ...parsed, bodies: resolveNames(bodyNamesOf(parsed.plan), agencies, provinceName) };
}

export function planFileError(fileName: string, e: PlanFileError): TreError {
  return new TreError(ErrorCode.PlanFileUnreadable, {
    field: 'file',
    detail: {
      vi: `Không đọc được tệp kế hoạch "${fileName}": ${e.detail.vi}`,
      en: `The plan file "${fileName}" cannot be read: ${e.detail.en}`,
    },
  });
}
