import type { NarrativeSection } from './outline.ts';

/**
 * Everything the consolidated report of a round holds, assembled by the server (reporting/report/)
 * and written by the document builders (.docx in the layout of Nghị định 30/2020, the .xlsx
 * appendices, the PDF through LibreOffice). Plain data in display order: the builders format numbers
 * and lay out, they decide nothing.
 */
export interface ReportHeader {
  /** the parent body over the issuer, left column, capitals regular: "UBND TỈNH NGHỆ AN" (may be empty) */
  parentBody: string;
  /** the issuing body, capitals bold with a short rule under it: "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" */
  issuingBody: string;
  /** the number line after "Số: ", e.g. "…/BC-UBND" until the clerk numbers it, or "05/BC-UBND" */
  number: string;
  /** the place of the dated line: "Nghệ An" */
  place: string;
  /** the date of the dated line, YYYY-MM-DD */
  date: string;
  /** the subject line under BÁO CÁO */
  subject: string;
}

export interface ReportParagraph {
  text: string;
  /** the body whose submission the text came from ("Sở Giáo dục và Đào tạo"), shown before it; absent for the officer's own text */
  source?: string | undefined;
}

export interface ReportSection {
  /** the outline heading as printed: "I. KẾT QUẢ THỰC HIỆN" */
  heading: string;
  /** which narrative section of the submissions it gathers (absent for the figures' section) */
  key?: NarrativeSection | 'figures' | undefined;
  paragraphs: ReportParagraph[];
}

/** One measure of the indicators appendix, as the indicators module computes it at build time. */
export interface ReportIndicatorRow {
  indicatorNo: number;
  measureCode: string;
  measureName: string;
  /** '%', 'per1000', 'per100000' */
  unit: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** the plan's target for the year, as text ("≥ 90 %"), or null */
  target: string | null;
  /** the status label in Vietnamese ("Đạt", "Chưa có số liệu") */
  status: string;
  /** units reported / expected */
  reported: number;
  expected: number;
}

/** One row per task and body of the task appendix. */
export interface ReportTaskRow {
  path: string | null;
  task: string;
  body: string;
  /** 'Chủ trì' or 'Phối hợp' */
  role: string;
  /** the progress label in Vietnamese ("Đang thực hiện", "Chưa báo cáo") */
  status: string;
  note: string | null;
}

/** One row per body owing a report. */
export interface ReportStatusRow {
  body: string;
  /** 'Sở, ngành' or 'Xã, phường' */
  kind: string;
  /** the submission state label in Vietnamese */
  state: string;
  /** the date the report was first sent, YYYY-MM-DD (Vietnam), or null */
  submittedOn: string | null;
  onTime: boolean | null;
  daysLate: number | null;
}

export interface ReportSignature {
  /** "TM. ỦY BAN NHÂN DÂN" */
  onBehalf: string;
  /** "KT. CHỦ TỊCH" (may be empty) */
  deputy: string;
  /** "PHÓ CHỦ TỊCH" */
  title: string;
  /** the signer's name, bold (may be empty until known) */
  name: string;
}

export interface ConsolidatedReport {
  /** built from what was submitted when none was accepted yet: the document says DỰ THẢO */
  draft: boolean;
  header: ReportHeader;
  /** the round's period label, e.g. "6 tháng đầu năm 2025" */
  periodLabel: string;
  sections: ReportSection[];
  indicators: ReportIndicatorRow[];
  tasks: ReportTaskRow[];
  reporting: ReportStatusRow[];
  signature: ReportSignature;
  /** one per line under "Nơi nhận:", the last is "Lưu: VT, …" */
  recipients: string[];
}
