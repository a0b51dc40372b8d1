import {
  NARRATIVE_SECTIONS,
  narrativeHeadings,
  parsePeriod,
  periodLabel,
  vietnamDate,
  type NarrativeSection,
  type ReportDraftDto,
  type ReportDraftSectionDto,
  type ReportFrontDto,
  type SubmissionContent,
} from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { RoundRow } from '../rounds/repository.ts';
import { listRoundBodies } from '../rounds/repository.ts';
import * as repo from './repository.ts';

/**
 * The consolidated report's text before it is built: under each heading of the outline, the text of
 * the submissions that count — the accepted ones, or, while none is accepted, whatever was sent
 * (the document is then a draft, DỰ THẢO) — each paragraph attributed to its body, for the officer
 * to edit in the browser. Once edited, the officer's text is kept (report_draft) until they ask for
 * it to be assembled again.
 */
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
/** The figures come first (section I, computed at build time); the narrative sections follow. */
export const headingOf = (key: NarrativeSection) =>
  `${ROMAN[NARRATIVE_SECTIONS.indexOf(key) + 1] ?? ''}. ${narrativeHeadings[key].vi.toUpperCase()}`;
export const FIGURES_HEADING = 'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU VỀ TRẺ EM';

const CITIES = new Set(['01', '31', '46', '48', '79', '92']);

export function defaultFront(round: RoundRow, provinceCode: string, provinceName: string): ReportFrontDto {
  const period = parsePeriod(round.period);
  const label = period ? periodLabel(period).vi.toLowerCase() : round.period;
  const level = CITIES.has(provinceCode) ? 'THÀNH PHỐ' : 'TỈNH';
  return {
    parentBody: '',
    issuingBody: `ỦY BAN NHÂN DÂN ${level} ${provinceName.toUpperCase()}`,
    number: '…/BC-UBND',
    place: provinceName,
    date: '',
    subject: `Kết quả thực hiện công tác trẻ em ${label}`,
    signature: { onBehalf: 'TM. ỦY BAN NHÂN DÂN', deputy: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: '' },
    recipients: [
      'Bộ Y tế',
      'Thường trực Tỉnh ủy',
      'Thường trực HĐND tỉnh',
      'Chủ tịch, các PCT UBND tỉnh',
      'Sở Y tế',
      'Lưu: VT, KGVX',
    ],
  };
}

/** The submissions whose text counts, with the bodies' names. */
export async function countingSubmissions(db: Kysely<Database>, roundId: string) {
  const accepted = await repo.sentContents(db, roundId, ['accepted']);
  const rows = accepted.length > 0 ? accepted : await repo.sentContents(db, roundId, ['submitted', 'resubmitted', 'returned']);
  const names = new Map((await listRoundBodies(db, roundId)).map((b) => [b.unit_code, b.name]));
  // agencies before communes, each by name, as the board lists them
  const ordered = rows
    .map((r) => ({ ...r, name: names.get(r.unit_code) ?? r.unit_code, content: r.content as SubmissionContent }))
    .sort((a, b) => (a.unit_kind === b.unit_kind ? a.name.localeCompare(b.name, 'vi') : a.unit_kind === 'agency' ? -1 : 1));
  return { draft: accepted.length === 0, rows: ordered };
}

export function assembleSections(rows: { name: string; content: SubmissionContent }[]): ReportDraftSectionDto[] {
  return NARRATIVE_SECTIONS.map((key) => ({
    key,
    heading: headingOf(key),
    paragraphs: rows.flatMap((r) => {
      const text = r.content.narrative[key]?.trim();
      return text ? [{ text, source: r.name }] : [];
    }),
  }));
}

export async function reportDraft(db: Kysely<Database>, round: RoundRow, provinceCode: string): Promise<ReportDraftDto> {
  const counting = await countingSubmissions(db, round.id);
  const saved = await repo.findDraft(db, round.id);
  const sources = counting.rows.map((r) => ({ unitName: r.name, state: r.state, version: r.version }));
  const front = defaultFront(round, provinceCode, await repo.provinceName(db, provinceCode));
  return {
    roundId: round.id,
    draft: counting.draft,
    sources,
    front: saved ? { ...front, ...(saved.header as Partial<ReportFrontDto>) } : front,
    sections: saved ? (saved.sections as ReportDraftSectionDto[]) : assembleSections(counting.rows),
    edited: saved !== undefined,
    updatedAt: saved?.updated_at.toISOString() ?? null,
  };
}

/** The date line's date: the one the officer set, or today in Vietnam. */
export const reportDate = (front: ReportFrontDto, now = new Date()) => front.date || vietnamDate(now);
