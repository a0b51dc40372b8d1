import {
  COMPLAINT_STATUSES,
  complaintsPermissions,
  scopeOf,
  type ComplaintKind,
  type ComplaintStatisticsDto,
  type ComplaintStatus,
} from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SessionActor } from '../../audit/session-actor.ts';
import { forbidden, invalid } from '../../errors.ts';
import * as repo from './repository.ts';

/**
 * A year's complaints and denunciations counted by kind, step and clock (met in time, met late,
 * overdue now): nobody is named, no complaint either. A commune officer sees their commune's (the
 * complaints assigned to it), the province's officers the province's or one commune's.
 */
export async function complaintStatistics(
  db: Kysely<Database>,
  actor: SessionActor,
  year: number,
  commune: string | undefined,
  now = new Date(),
): Promise<ComplaintStatisticsDto> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalid('year', 'Năm không hợp lệ', 'Invalid year');
  const own = scopeOf(complaintsPermissions, 'complaints.statistics', actor) === 'own_commune';
  if (own && commune !== undefined && commune !== actor.communeCode) throw forbidden();
  const communeCode = own ? (actor.communeCode ?? '') : commune;
  const from = new Date(`${year}-01-01T00:00:00+07:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+07:00`);
  const rows = await repo.complaintsReceived(db, actor.provinceCode, from, to, communeCode);
  const out: ComplaintStatisticsDto = {
    total: rows.length,
    byKind: { complaint: 0, denunciation: 0 },
    byStatus: {},
    acceptance: { met: 0, late: 0, overdue: 0 },
    resolution: { met: 0, late: 0, overdue: 0 },
  };
  const running = (s: string) => s === 'received' || s === 'accepted' || s === 'resolving';
  const tally = (bucket: { met: number; late: number; overdue: number }, status: string, due: Date | null, met: Date | null) => {
    if (due === null) return;
    if (met !== null) {
      if (met.getTime() > due.getTime()) bucket.late++;
      else bucket.met++;
    } else if (running(status) && now.getTime() > due.getTime()) bucket.overdue++;
  };
  for (const r of rows) {
    out.byKind[r.kind as ComplaintKind]++;
    const s = r.status as ComplaintStatus;
    if (COMPLAINT_STATUSES.includes(s)) out.byStatus[s] = (out.byStatus[s] ?? 0) + 1;
    tally(
      out.acceptance,
      r.status,
      new Date(r.acceptance_due),
      r.acceptance_met_at === null ? null : new Date(r.acceptance_met_at),
    );
    tally(
      out.resolution,
      r.status,
      r.resolution_due === null ? null : new Date(r.resolution_due),
      r.resolution_met_at === null ? null : new Date(r.resolution_met_at),
    );
  }
  return out;
}
