import type {
  Bilingual,
  ChartExportView,
  MeasureStatusDto,
  MeasureUnit,
  PeriodType,
  RankingReply,
  TargetDto,
  TrendReply,
  ValuesReply,
} from '@tre/core';
import type ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { forbidden, invalid } from '../../errors.ts';
import { indicatorsPermissions, mayTake, relativeTargetText } from '@tre/core';
import type { SessionActor } from '../../audit/session-actor.ts';
import { catalogueIndex } from '../catalogue/store.ts';
import {
  COUNT_FORMAT,
  PERCENT_FORMAT,
  RATE_FORMAT,
  THIN,
  fileSafe,
  newWorkbook,
  styleHeader,
  workbookBuffer,
  type XlsxFile,
} from './common.ts';
import { findProvince } from '../../units/repository.ts';
import { indicatorValues, measureRanking, measureTrendSeries } from '../values/service.ts';

/**
 * The data behind one chart or table of the dashboard as an .xlsx: a title block (what, where,
 * when, generated on), then the table. The numbers are those of the JSON routes — the same service
 * functions are called here, nothing is recomputed; empty cells where the JSON has null (never 0).
 */

export type Lang = 'vi' | 'en';

export interface ChartQuery {
  view: ChartExportView;
  period?: string | undefined;
  unit?: string | undefined;
  measure?: string | undefined;
  type?: PeriodType | undefined;
  lang: Lang;
}

const STATUS: Record<MeasureStatusDto, Bilingual> = {
  met: { vi: 'Đạt', en: 'Met' },
  on_track: { vi: 'Đúng tiến độ', en: 'On track' },
  at_risk: { vi: 'Có nguy cơ không đạt', en: 'At risk' },
  off_track: { vi: 'Chậm tiến độ', en: 'Off track' },
  no_data: { vi: 'Chưa có số liệu', en: 'No data' },
  insufficient_data: { vi: 'Không đủ dữ liệu', en: 'Not enough data' },
  no_target: { vi: 'Chưa có chỉ tiêu', en: 'No target' },
};
const NOT_REPORTED: Bilingual = { vi: 'chưa báo cáo', en: 'not reported' };
const NO_RATIO: Bilingual = { vi: 'không tính được (mẫu số bằng 0)', en: 'cannot be computed (denominator 0)' };
const UNIT_LABEL: Record<MeasureUnit, Bilingual> = {
  '%': { vi: '%', en: '%' },
  per1000: { vi: '‰', en: '‰' },
  per100000: { vi: '/100.000', en: '/100,000' },
};
const OP: Record<TargetDto['op'], string> = { '<': '<', '<=': '≤', '=': '=', '>=': '≥', '>': '>' };

type Cell = string | number | null;
interface Column<T> {
  header: Bilingual;
  width: number;
  numFmt?: string;
  get: (row: T) => Cell;
}

const number = (n: number, lang: Lang) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
const targetText = (t: TargetDto | null, lang: Lang) =>
  !t
    ? ''
    : t.relative
      ? `${relativeTargetText({ ...t, relative: t.relative }, number)[lang]} (${t.year})`
      : `${OP[t.op]} ${number(t.value, lang)} (${t.year})`;

/** dd/mm/yyyy hh:mm in Vietnam's time, whatever the server's time zone. */
function generatedOn(): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** The title block, a blank line, the header and the rows; returns the header's row number. */
function writeSheet<T>(
  ws: ExcelJS.Worksheet,
  lang: Lang,
  title: string,
  info: [Bilingual, string][],
  columns: Column<T>[],
  rows: readonly T[],
): number {
  ws.addRow([title]).font = { bold: true, size: 14 };
  for (const [label, value] of [...info, [{ vi: 'Ngày lập', en: 'Generated on' }, generatedOn()] as [Bilingual, string]]) {
    const row = ws.addRow([`${label[lang]}:`, value]);
    row.getCell(1).font = { bold: true };
  }
  ws.addRow([]);
  const header = ws.addRow(columns.map((c) => c.header[lang]));
  styleHeader(header);
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  for (const r of rows) {
    const row = ws.addRow(columns.map((c) => c.get(r)));
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.numFmt) cell.numFmt = c.numFmt;
      cell.border = THIN;
    });
  }
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  return header.number;
}

function need(q: ChartQuery, name: 'period' | 'unit' | 'measure'): string {
  const v = q[name];
  if (!v)
    throw invalid(`query.${name}`, `Thiếu tham số "${name}" cho view=${q.view}`, `"${name}" is required for view=${q.view}`);
  return v;
}

type MeasureRow = ValuesReply['values'][number];
type TrendPoint = TrendReply['points'][number];
type RankRow = RankingReply['units'][number] & { rank: number | null };

function overviewColumns(lang: Lang): Column<MeasureRow>[] {
  return [
    { header: { vi: 'Chỉ tiêu số', en: 'Indicator no.' }, width: 10, get: (v) => v.indicatorNo },
    { header: { vi: 'Mã', en: 'Code' }, width: 30, get: (v) => v.measure },
    { header: { vi: 'Tên chỉ tiêu', en: 'Measure' }, width: 60, get: (v) => v.name[lang] },
    { header: { vi: 'Giá trị', en: 'Value' }, width: 12, numFmt: RATE_FORMAT, get: (v) => v.value },
    { header: { vi: 'Đơn vị tính', en: 'Unit' }, width: 10, get: (v) => UNIT_LABEL[v.unit][lang] },
    { header: { vi: 'Tử số', en: 'Numerator' }, width: 12, numFmt: COUNT_FORMAT, get: (v) => v.numerator },
    { header: { vi: 'Mẫu số', en: 'Denominator' }, width: 12, numFmt: COUNT_FORMAT, get: (v) => v.denominator },
    {
      header: { vi: 'Chỉ tiêu kế hoạch: so sánh', en: 'Plan target: operator' },
      width: 12,
      get: (v) => (v.target ? OP[v.target.op] : null),
    },
    {
      header: { vi: 'Chỉ tiêu kế hoạch: giá trị', en: 'Plan target: value' },
      width: 12,
      numFmt: RATE_FORMAT,
      get: (v) => v.target?.value ?? null,
    },
    { header: { vi: 'Chỉ tiêu kế hoạch: năm', en: 'Plan target: year' }, width: 10, get: (v) => v.target?.year ?? null },
    {
      header: { vi: 'Mục tiêu quốc gia: so sánh', en: 'National target: operator' },
      width: 12,
      get: (v) => (v.nationalTarget ? OP[v.nationalTarget.op] : null),
    },
    {
      header: { vi: 'Mục tiêu quốc gia: giá trị', en: 'National target: value' },
      width: 12,
      numFmt: RATE_FORMAT,
      get: (v) => v.nationalTarget?.value ?? null,
    },
    {
      header: { vi: 'Mục tiêu quốc gia: năm', en: 'National target: year' },
      width: 10,
      get: (v) => v.nationalTarget?.year ?? null,
    },
    { header: { vi: 'Tình trạng', en: 'Status' }, width: 20, get: (v) => STATUS[v.status][lang] },
    {
      header: { vi: 'Tình trạng so với mục tiêu quốc gia', en: 'Status against the national target' },
      width: 20,
      get: (v) => STATUS[v.nationalStatus][lang],
    },
    {
      header: { vi: 'Số đơn vị đã báo cáo', en: 'Units reported' },
      width: 12,
      numFmt: COUNT_FORMAT,
      get: (v) => v.unitsReported,
    },
    {
      header: { vi: 'Số đơn vị phải báo cáo', en: 'Units expected' },
      width: 12,
      numFmt: COUNT_FORMAT,
      get: (v) => v.unitsExpected,
    },
  ];
}

function trendColumns(): Column<TrendPoint>[] {
  return [
    { header: { vi: 'Kỳ', en: 'Period' }, width: 10, get: (p) => p.period },
    { header: { vi: 'Giá trị', en: 'Value' }, width: 12, numFmt: RATE_FORMAT, get: (p) => p.value },
    { header: { vi: 'Tử số', en: 'Numerator' }, width: 12, numFmt: COUNT_FORMAT, get: (p) => p.numerator },
    { header: { vi: 'Mẫu số', en: 'Denominator' }, width: 12, numFmt: COUNT_FORMAT, get: (p) => p.denominator },
    { header: { vi: 'Chỉ tiêu: so sánh', en: 'Target: operator' }, width: 12, get: (p) => (p.target ? OP[p.target.op] : null) },
    {
      header: { vi: 'Chỉ tiêu: giá trị', en: 'Target: value' },
      width: 12,
      numFmt: RATE_FORMAT,
      get: (p) => p.target?.value ?? null,
    },
    { header: { vi: 'Chỉ tiêu: năm', en: 'Target: year' }, width: 10, get: (p) => p.target?.year ?? null },
    {
      header: { vi: 'Số đơn vị đã báo cáo', en: 'Units reported' },
      width: 12,
      numFmt: COUNT_FORMAT,
      get: (p) => p.unitsReported,
    },
    {
      header: { vi: 'Số đơn vị phải báo cáo', en: 'Units expected' },
      width: 12,
      numFmt: COUNT_FORMAT,
      get: (p) => p.unitsExpected,
    },
    {
      header: { vi: 'Tỷ lệ báo cáo', en: 'Completeness' },
      width: 12,
      numFmt: PERCENT_FORMAT,
      get: (p) => (p.unitsExpected > 0 ? p.unitsReported / p.unitsExpected : null),
    },
  ];
}

function rankingColumns(lang: Lang): Column<RankRow>[] {
  return [
    { header: { vi: 'Hạng', en: 'Rank' }, width: 8, get: (u) => u.rank },
    { header: { vi: 'Mã xã', en: 'Commune code' }, width: 12, get: (u) => u.code },
    { header: { vi: 'Tên xã', en: 'Commune' }, width: 30, get: (u) => u.name },
    { header: { vi: 'Giá trị', en: 'Value' }, width: 12, numFmt: RATE_FORMAT, get: (u) => u.value },
    { header: { vi: 'Tử số', en: 'Numerator' }, width: 12, numFmt: COUNT_FORMAT, get: (u) => u.numerator },
    { header: { vi: 'Mẫu số', en: 'Denominator' }, width: 12, numFmt: COUNT_FORMAT, get: (u) => u.denominator },
    {
      header: { vi: 'Tình trạng', en: 'Status' },
      width: 28,
      get: (u) =>
        u.numerator === null && u.denominator === null
          ? NOT_REPORTED[lang]
          : u.value === null
            ? NO_RATIO[lang]
            : STATUS[u.status][lang],
    },
  ];
}

/** Ranks as in a competition: equal values share a rank (1, 2, 2, 4); communes without a value have none. */
export function withRanks(units: RankingReply['units']): RankRow[] {
  let rank = 0;
  let previous: number | null = null;
  return units.map((u, i) => {
    if (u.value === null) return { ...u, rank: null };
    if (u.value !== previous) rank = i + 1;
    previous = u.value;
    return { ...u, rank };
  });
}

/** The .xlsx of one view of the dashboard, after the access checks of that view's JSON route. */
export async function chartFile(db: Kysely<Database>, actor: SessionActor, q: ChartQuery): Promise<XlsxFile> {
  const { lang } = q;
  const wb = newWorkbook();
  const index = await catalogueIndex(db);
  const measureInfo = (code: string): [Bilingual, string] => {
    const m = index.measure(code);
    const no = index.indicatorOf(code)?.no;
    const name = m ? `${typeof no === 'number' ? `${no}. ` : ''}${m.name[lang]} (${UNIT_LABEL[m.unit][lang]})` : code;
    return [{ vi: 'Chỉ tiêu', en: 'Measure' }, name];
  };
  if (q.view === 'overview') {
    const period = need(q, 'period');
    const unit = need(q, 'unit');
    const reply: ValuesReply = await indicatorValues(db, actor, { period, unit });
    const ws = wb.addWorksheet(lang === 'vi' ? 'Tổng quan' : 'Overview');
    writeSheet(
      ws,
      lang,
      lang === 'vi' ? 'Giá trị các chỉ tiêu' : 'Indicator values',
      [
        [{ vi: 'Đơn vị', en: 'Unit' }, `${reply.unit.name} (${reply.unit.code})`],
        [{ vi: 'Kỳ', en: 'Period' }, reply.period],
      ],
      overviewColumns(lang),
      reply.values,
    );
    const base =
      lang === 'vi' ? `Chỉ tiêu - ${reply.unit.name} - ${reply.period}` : `Indicators - ${reply.unit.name} - ${reply.period}`;
    return { fileName: `${fileSafe(base)}.xlsx`, content: await workbookBuffer(wb) };
  }
  const measure = need(q, 'measure');
  if (q.view === 'trend') {
    const unit = need(q, 'unit');
    const reply: TrendReply = await measureTrendSeries(db, actor, { measure, unit, type: q.type });
    const ws = wb.addWorksheet(lang === 'vi' ? 'Diễn biến' : 'Trend');
    const first = reply.points[0]?.period;
    const last = reply.points[reply.points.length - 1]?.period;
    writeSheet(
      ws,
      lang,
      lang === 'vi' ? 'Diễn biến chỉ tiêu qua các kỳ' : 'Measure over periods',
      [
        measureInfo(measure),
        [{ vi: 'Đơn vị', en: 'Unit' }, `${reply.unit.name} (${reply.unit.code})`],
        [{ vi: 'Kỳ', en: 'Periods' }, first && last ? (first === last ? first : `${first} – ${last}`) : '—'],
      ],
      trendColumns(),
      reply.points,
    );
    const base = `${lang === 'vi' ? 'Diễn biến' : 'Trend'} - ${measure} - ${reply.unit.name}`;
    return { fileName: `${fileSafe(base)}.xlsx`, content: await workbookBuffer(wb) };
  }
  const period = need(q, 'period');
  if (!mayTake(indicatorsPermissions, 'ranking.read', actor)) throw forbidden();
  const reply: RankingReply = await measureRanking(db, actor.provinceCode, { measure, period });
  const ws = wb.addWorksheet(lang === 'vi' ? 'Xếp hạng' : 'Ranking');
  writeSheet(
    ws,
    lang,
    lang === 'vi' ? 'Xếp hạng các xã' : 'Communes ranked',
    [
      measureInfo(measure),
      [
        { vi: 'Đơn vị', en: 'Unit' },
        `${(await findProvince(db, actor.provinceCode))?.name ?? actor.provinceCode} (${actor.provinceCode})`,
      ],
      [{ vi: 'Kỳ', en: 'Period' }, reply.period],
      [{ vi: 'Chỉ tiêu kế hoạch', en: 'Plan target' }, targetText(reply.target, lang) || '—'],
    ],
    rankingColumns(lang),
    withRanks(reply.units),
  );
  const base = `${lang === 'vi' ? 'Xếp hạng' : 'Ranking'} - ${measure} - ${reply.period}`;
  return { fileName: `${fileSafe(base)}.xlsx`, content: await workbookBuffer(wb) };
}
