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
  const groups = await repo.complaintTallies(db, actor.provinceCode, from, to, communeCode, now);
  const out: ComplaintStatisticsDto = {
    total: 0,
    byKind: { complaint: 0, denunciation: 0 },
    byStatus: {},
    acceptance: { met: 0, late: 0, overdue: 0 },
    resolution: { met: 0, late: 0, overdue: 0 },
  };
  for (const g of groups) {
    out.total += g.n;
    out.byKind[g.kind as ComplaintKind] += g.n;
    const s = g.status as ComplaintStatus;
    if (COMPLAINT_STATUSES.includes(s)) out.byStatus[s] = (out.byStatus[s] ?? 0) + g.n;
    if (g.acceptance) out.acceptance[g.acceptance] += g.n;
    if (g.resolution) out.resolution[g.resolution] += g.n;
  }
  return out;
}
