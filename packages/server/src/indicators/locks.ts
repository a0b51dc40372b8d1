import { ErrorCode, parsePeriod, periodLabel, type Bilingual } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { TreError } from '../errors.ts';
import { findLocks, type FiguresLock } from './locks-repository.ts';

/**
 * Figures accepted in a reporting round are official: a unit's figures for that period are locked
 * (table figures_lock, written by the reporting module when it accepts a submission and removed when
 * the standing body reopens it) and no form, file or dataValueSets import may change them. The
 * refusal names the round, so the person knows whom to ask.
 */
export function lockedError(lock: FiguresLock, unitName: string): TreError {
  return new TreError(ErrorCode.FiguresLocked, {
    field: 'period',
    params: { unit: unitName, round: lock.roundTitle, ...periodWords(lock.period) },
  });
}

/** "6 tháng đầu năm 2026" / "first half of 2026" rather than the code 2026S1. */
function periodWords(code: string): { period: string; periodEn: string } {
  const p = parsePeriod(code);
  if (!p) return { period: `kỳ ${code}`, periodEn: code };
  const label = periodLabel(p);
  return { period: label.vi.toLowerCase(), periodEn: label.en.toLowerCase() };
}

/** The reason a file's row is refused for a locked cell. */
export function lockedReason(lock: FiguresLock): Bilingual {
  return {
    vi: `số liệu kỳ ${lock.period} của đơn vị này đã được chấp nhận trong đợt "${lock.roundTitle}" và đã khóa`,
    en: `the unit's figures for ${lock.period} were accepted in the round "${lock.roundTitle}" and are locked`,
  };
}

/** Refuses a write to a locked unit and period (the entry form). */
export async function assertFiguresOpen(
  db: Kysely<Database>,
  provinceCode: string,
  unit: { code: string; name: string },
  period: string,
) {
  const lock = (await findLocks(db, provinceCode, [{ unit: unit.code, period }])).get(`${unit.code}|${period}`);
  if (lock) throw lockedError(lock, unit.name);
}
