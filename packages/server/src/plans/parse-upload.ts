import { ErrorCode, type PlanParseReply } from '@tre/core';
import { PlanFileError } from '@tre/core/plans/parse';
import type { PlanParseResult } from '@tre/core/plans/plan-format';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { TreError } from '../errors.ts';
import { IsolatedError, runIsolated } from '../imports/isolated.ts';
import { proposeBodies } from './bodies/service.ts';
import { bodyNamesOf } from './resolution.ts';

const PARSER = new URL('./parse-entry.ts', import.meta.url).href;

/**
 * A plan file is read in a worker thread: a document that would take the parser more than this
 * much memory or time fails its own request, and other users' requests go on meanwhile.
 */
const PARSE_BOUNDS = { heapMb: 256, timeoutMs: 30_000 };

/** The parsed file, or the PlanFileError the parser threw, or a plain refusal when it was stopped. */
async function parseIsolated(fileName: string, bytes: Uint8Array): Promise<PlanParseResult> {
  try {
    return await runIsolated<PlanParseResult>(PARSER, 'parsePlanFile', [fileName, bytes], PARSE_BOUNDS);
  } catch (e) {
    if (!(e instanceof IsolatedError)) throw e;
    if (e.stopped === 'thrown' && e.remoteName === 'PlanFileError') {
      const { reason, detail } = e.remote as Pick<PlanFileError, 'reason' | 'detail'>;
      throw new PlanFileError(reason, detail);
    }
    if (e.stopped === 'thrown') throw new Error(`plan parser failed: ${e.remoteName} ${String(e.remote.message)}`);
    throw new PlanFileError('too-large', {
      vi: `Tệp cần quá nhiều ${e.stopped === 'memory' ? 'bộ nhớ' : 'thời gian'} để đọc; hãy chia nhỏ văn bản`,
      en: `Reading the file takes too much ${e.stopped === 'memory' ? 'memory' : 'time'}; split the document`,
    });
  }
}

/**
 * Reads an uploaded plan file and proposes a resolution for every body it names (the province's
 * remembered decisions first). Stores nothing.
 */
export async function parseUpload(
  db: Kysely<Database>,
  provinceCode: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<PlanParseReply> {
  let parsed;
  try {
    parsed = await parseIsolated(fileName, bytes);
  } catch (e) {
    if (e instanceof PlanFileError) throw planFileError(fileName, e);
    throw e;
  }
  return { ...parsed, bodies: await proposeBodies(db, provinceCode, bodyNamesOf(parsed.plan)) };
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
