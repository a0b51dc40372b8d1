import type { ChildImportReport } from '@tre/core';
import { FIELD_HEADERS } from '@tre/core/children/layout/fields';
import type { SessionActor } from '../audit/session-actor.ts';
import { fileSafe, newWorkbook, styleHeader, workbookBuffer, type XlsxFile } from '../indicators/excel/common.ts';
import type { ChildExportRow } from './export.ts';

/** The register's Excel files: the refused rows of an import, and an export of records. */

export async function rejectionsWorkbook(report: ChildImportReport): Promise<XlsxFile> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Dòng bị từ chối');
  ws.addRow([`Các dòng bị từ chối khi nhập tệp "${report.file}" / rows refused when importing "${report.file}"`]).font = {
    bold: true,
  };
  ws.addRow([
    `${report.rejected} dòng bị từ chối / rows refused; ${report.imported} dòng mới / new; ${report.updated} cập nhật / updated; ${report.unchanged} không đổi / unchanged`,
  ]);
  ws.addRow([]);
  styleHeader(ws.addRow(['Dòng / Row', 'Trường / Field', 'Lý do / Reason', 'Reason (English)']));
  for (const r of report.rejections) {
    for (const p of r.problems) ws.addRow([r.row, p.field, p.reason, p.reasonEn]);
  }
  if (report.rejected > report.rejections.length) {
    ws.addRow([]);
    ws.addRow([
      `… và ${report.rejected - report.rejections.length} dòng nữa: sửa các dòng trên rồi nhập lại tệp / and ${report.rejected - report.rejections.length} more rows: fix the rows above and import the file again`,
    ]);
  }
  ws.columns = [{ width: 10 }, { width: 26 }, { width: 70 }, { width: 60 }];
  return { fileName: `${fileSafe(`Loi nhap - ${report.file.replace(/\.[^.]+$/, '')}`)}.xlsx`, content: await workbookBuffer(wb) };
}

const HEADERS = [
  'Mã hồ sơ',
  FIELD_HEADERS.fullName,
  FIELD_HEADERS.birthDate,
  FIELD_HEADERS.sex,
  FIELD_HEADERS.ethnicity,
  FIELD_HEADERS.personalId,
  FIELD_HEADERS.communeCode,
  'Tên xã',
  FIELD_HEADERS.address,
  FIELD_HEADERS.motherName,
  FIELD_HEADERS.fatherName,
  FIELD_HEADERS.carerName,
  FIELD_HEADERS.phone,
  FIELD_HEADERS.groups,
  FIELD_HEADERS.disability,
  FIELD_HEADERS.schooling,
];

const SCHOOLING_VI: Record<string, string> = {
  none: 'Chưa đi học',
  preschool: 'Mầm non',
  primary: 'Tiểu học',
  lower_secondary: 'THCS',
  upper_secondary: 'THPT',
  dropped_out: 'Bỏ học',
};

const viDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * An export of records in the import layout's columns (so that it can be imported again), headed by
 * who took it and when: the file carries them wherever it goes (Nghị định 13/2023).
 */
export async function exportWorkbook(rows: ChildExportRow[], actor: SessionActor, at: Date): Promise<XlsxFile> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Danh sách trẻ em');
  const when = at.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  ws.addRow([
    `Xuất bởi / exported by: ${actor.displayName} (${actor.username}) — ${when} — Dữ liệu cá nhân nhạy cảm (Nghị định 13/2023/NĐ-CP) / sensitive personal data`,
  ]).font = {
    bold: true,
    color: { argb: 'FFC00000' },
  };
  styleHeader(ws.addRow(HEADERS));
  for (const r of rows) {
    ws.addRow([
      r.id,
      r.full_name,
      viDate(r.birth_date),
      r.sex === 'male' ? 'Nam' : 'Nữ',
      r.ethnicity,
      r.personal_id,
      r.commune_code,
      r.commune_name,
      r.address,
      r.mother_name,
      r.father_name,
      r.carer_name,
      r.phone,
      (r.groups ?? []).join('; '),
      r.disability === null ? null : r.disability ? 'Có' : 'Không',
      r.schooling ? SCHOOLING_VI[r.schooling] : null,
    ]);
  }
  wb.creator = actor.username;
  wb.title = `Danh sách trẻ em — xuất bởi ${actor.username} ${at.toISOString()}`;
  const stamp = at.toISOString().slice(0, 10);
  return { fileName: `danh-sach-tre-em-${stamp}.xlsx`, content: await workbookBuffer(wb) };
}
