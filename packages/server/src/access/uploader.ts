import type { Actor } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ImportJobRow } from '../imports/repository.ts';
import { ImportFileError } from '../imports/types.ts';
import { findUserById } from './repository.ts';

/**
 * The scope of the person who uploaded a job's file, as it is now, not when they uploaded: a user
 * disabled meanwhile imports nothing. Null for the command line, which acts for the whole province.
 */
export async function uploaderScope(
  db: Kysely<Database>,
  job: ImportJobRow,
): Promise<Pick<Actor, 'role' | 'agencyId' | 'communeCode'> | null> {
  if (!job.created_by) return null;
  const user = await findUserById(db, job.province_code, job.created_by);
  if (!user?.active) {
    throw new ImportFileError({
      vi: 'Tài khoản tải tệp lên không còn hoạt động',
      en: 'The account that uploaded the file is no longer active',
    });
  }
  return { role: user.role, agencyId: user.agency_id, communeCode: user.commune_code };
}
