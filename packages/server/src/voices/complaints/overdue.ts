import {
  vietnamTimestamp,
  type ComplaintClockKind,
  type ComplaintDueDto,
  type ComplaintKind,
  type ComplaintStatus,
} from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { COMPLAINT_NEAR_MS } from './clocks.ts';
import * as repo from './repository.ts';

/**
 * The complaints whose legal clock has run out, or will within three days: for `tre voices overdue`
 * (the integrator adds them under a `complaints` key) and the home page. Installation-wide, nobody
 * named: the number, the kind, the step, the body, the clock and its due time. One row per running
 * clock (an open complaint has one at a time: acceptance, then resolution).
 */

async function dueBy(db: Kysely<Database>, at: Date, until: Date): Promise<ComplaintDueDto[]> {
  const rows = await repo.runningClocksBefore(db, until);
  const out: ComplaintDueDto[] = [];
  for (const r of rows) {
    const clocks: [ComplaintClockKind, Date | string | null, Date | string | null][] = [
      ['acceptance', r.acceptance_due, r.acceptance_met_at],
      ['resolution', r.resolution_due, r.resolution_met_at],
    ];
    for (const [clock, due, met] of clocks) {
      if (due === null || met !== null) continue;
      const dueMs = new Date(due).getTime();
      if (dueMs > until.getTime()) continue;
      out.push({
        id: r.id,
        number: r.number,
        kind: r.kind as ComplaintKind,
        status: r.status as ComplaintStatus,
        bodyName: r.commune_name ?? r.agency_name ?? '',
        clock,
        dueAt: vietnamTimestamp(new Date(due)),
        state: dueMs < Math.floor(at.getTime() / 1000) * 1000 ? 'overdue' : 'near',
      });
    }
  }
  return out.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

/** Open complaints past a running clock at `at`, oldest due first. */
export async function overdueComplaints(db: Kysely<Database>, at: Date): Promise<ComplaintDueDto[]> {
  return (await dueBy(db, at, at)).filter((c) => c.state === 'overdue');
}

/** Open complaints whose running clock falls due within three days of `at` (not yet overdue). */
export async function nearDueComplaints(db: Kysely<Database>, at: Date): Promise<ComplaintDueDto[]> {
  return (await dueBy(db, at, new Date(at.getTime() + COMPLAINT_NEAR_MS))).filter((c) => c.state === 'near');
}
