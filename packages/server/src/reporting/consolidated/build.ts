import {
  formatViNumber,
  formatViValue,
  parsePeriod,
  periodLabel,
  submissionStateLabels,
  type ConsolidatedReport,
  type MeasureStatusDto,
  type MeasureValueDto,
  type ReportDraftDto,
  type ReportIndicatorRow,
  type ReportSection,
  type ReportStatusRow,
} from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SessionActor } from '../../audit/session-actor.ts';
import { indicatorValues } from '../../indicators/values/service.ts';
import { roundBoard } from '../board/service.ts';
import type { RoundRow } from '../rounds/repository.ts';
import { taskRows } from './task-rows.ts';
import { FIGURES_HEADING, reportDate } from './draft.ts';

/**
 * The consolidated report as the document builders take it: the officer's text (the draft), the
 * province's figures for the round's period as the indicators module computes them now, at build time
 * — with their completeness, whether or not they came in through a submission — and the three
 * appendices: indicators, task progress (one row per task and body), reporting status.
 */
const STATUS: Record<MeasureStatusDto, string> = {
  met: 'Đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ',
  off_track: 'Chậm tiến độ',
  no_data: 'Chưa có số liệu',
  insufficient_data: 'Không đủ dữ liệu',
  no_target: 'Chưa có chỉ tiêu',
};
const OP: Record<string, string> = { '<': '<', '<=': '≤', '=': '=', '>=': '≥', '>': '>' };

function targetText(v: MeasureValueDto): string | null {
  return v.target ? `${OP[v.target.op] ?? v.target.op} ${formatViValue(v.target.value, v.unit)}` : null;
}

/** Section I: one sentence per measure with a value, then those without one, named. */
export function figuresSection(values: MeasureValueDto[], periodText: string): ReportSection {
  const known = values.filter((v) => v.value !== null);
  const unknown = values.filter((v) => v.value === null);
  const reported = Math.max(0, ...values.map((v) => v.unitsReported));
  const expected = Math.max(0, ...values.map((v) => v.unitsExpected));
  const paragraphs = [
    {
      text: `Số liệu ${periodText} do Tre tổng hợp tại thời điểm lập báo cáo từ ${formatViNumber(reported, 0)}/${formatViNumber(expected, 0)} đơn vị đã có số liệu.`,
    },
    ...known.map((v) => {
      const target = targetText(v);
      return {
        text:
          `${v.name.vi}: ${formatViValue(v.value, v.unit)}` +
          (target ? ` (chỉ tiêu ${target}; ${STATUS[v.status].toLowerCase()})` : '') +
          `; ${formatViNumber(v.unitsReported, 0)}/${formatViNumber(v.unitsExpected, 0)} đơn vị báo cáo.`,
      };
    }),
  ];
  if (unknown.length > 0) paragraphs.push({ text: `Chưa có số liệu: ${unknown.map((v) => v.name.vi).join('; ')}.` });
  return { heading: FIGURES_HEADING, key: 'figures', paragraphs };
}

export function indicatorRows(values: MeasureValueDto[]): ReportIndicatorRow[] {
  return values.map((v) => ({
    indicatorNo: v.indicatorNo ?? 0,
    measureCode: v.measure,
    measureName: v.name.vi,
    unit: v.unit,
    numerator: v.numerator,
    denominator: v.denominator,
    value: v.value,
    target: targetText(v),
    status: STATUS[v.status],
    reported: v.unitsReported,
    expected: v.unitsExpected,
  }));
}

export async function buildModel(
  db: Kysely<Database>,
  actor: SessionActor,
  round: RoundRow,
  draft: ReportDraftDto,
  now = new Date(),
): Promise<ConsolidatedReport> {
  const period = parsePeriod(round.period);
  const periodText = period ? periodLabel(period).vi.toLowerCase() : round.period;
  const [values, board] = await Promise.all([
    indicatorValues(db, { provinceCode: actor.provinceCode, operator: true }, { period: round.period, unit: actor.provinceCode }),
    roundBoard(db, actor, round.id, now),
  ]);
  const tasks = await taskRows(db, actor.provinceCode, round.plan_id, round.period, board.rows);
  const reporting: ReportStatusRow[] = board.rows.map((r) => ({
    body: r.name,
    kind: r.unitKind === 'agency' ? 'Sở, ngành' : 'Xã, phường',
    state: submissionStateLabels[r.state].vi,
    submittedOn: r.submittedOn,
    onTime: r.onTime,
    daysLate: r.submittedAt ? r.daysLate : null,
  }));
  const f = draft.front;
  return {
    draft: draft.draft,
    header: {
      parentBody: f.parentBody,
      issuingBody: f.issuingBody,
      number: f.number,
      place: f.place,
      date: reportDate(f, now),
      subject: f.subject,
    },
    periodLabel: periodText,
    sections: [
      figuresSection(values.values, periodText),
      ...draft.sections.map((s) => ({
        heading: s.heading,
        key: s.key,
        paragraphs: s.paragraphs.map((p) => ({ text: p.text, source: p.source ?? undefined })),
      })),
    ],
    indicators: indicatorRows(values.values),
    tasks,
    reporting,
    signature: f.signature,
    recipients: f.recipients,
  };
}
