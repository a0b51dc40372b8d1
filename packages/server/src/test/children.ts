import type { ChildImportReport } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/pool.ts';
import { COMMUNE_A } from './factories.ts';

/** Test data of the children register: rows of the import layout, records straight in the table. */

export const LAYOUT_HEADER = [
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Số định danh cá nhân',
  'Mã xã',
  'Địa chỉ',
  'Họ tên mẹ',
  'Họ tên cha',
  'Nhóm hoàn cảnh đặc biệt',
  'Ngày xác định',
];

export interface LayoutRow {
  name: string;
  birth: string;
  sex?: string;
  ethnicity?: string;
  id?: string;
  commune?: string;
  address?: string;
  mother?: string;
  father?: string;
  groups?: string;
  identified?: string;
}

const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A CSV of the layout (UTF-8 with a byte-order mark, as Excel saves it). */
export function registerCsv(rows: LayoutRow[], header = LAYOUT_HEADER): Buffer {
  const lines = [header.map(cell).join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.name,
        r.birth,
        r.sex ?? 'Nam',
        r.ethnicity ?? 'Kinh',
        r.id ?? '',
        r.commune ?? COMMUNE_A,
        r.address ?? '',
        r.mother ?? '',
        r.father ?? '',
        r.groups ?? '',
        r.identified ?? '',
      ]
        .map(cell)
        .join(','),
    );
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

let sequence = 0;

/** A record inserted as the screen would, for reads and scope tests. */
export async function makeChild(
  db: Db,
  overrides: Partial<{
    commune_code: string;
    full_name: string;
    birth_date: string;
    sex: 'male' | 'female';
    personal_id: string | null;
    groups: string[];
  }> = {},
): Promise<number> {
  sequence++;
  const fullName = overrides.full_name ?? `Nguyễn Thị Thử ${String.fromCharCode(65 + (sequence % 26))}`;
  const row = await db.kysely
    .insertInto('child')
    .values({
      commune_code: overrides.commune_code ?? COMMUNE_A,
      full_name: fullName,
      name_key: fullName.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase(),
      birth_date: overrides.birth_date ?? '2015-06-01',
      sex: overrides.sex ?? 'female',
      personal_id: overrides.personal_id ?? null,
      source_kind: 'screen',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = row.id;
  for (const grp of overrides.groups ?? []) await db.kysely.insertInto('child_group').values({ child_id: id, grp }).execute();
  return id;
}

/** Uploads a register and waits for the job: the report, as the import page reads it. */
export async function importRegister(
  app: FastifyInstance,
  headers: Record<string, string>,
  file: Buffer,
  options: { fileName?: string; map?: Record<string, string> } = {},
): Promise<{ statusCode: number; report: ChildImportReport | null; body: string }> {
  const map = options.map ? `&map=${encodeURIComponent(JSON.stringify(options.map))}` : '';
  const res = await app.inject({
    method: 'POST',
    url: `/api/children/imports?fileName=${encodeURIComponent(options.fileName ?? 'danh-sach.csv')}${map}`,
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload: file,
  });
  if (res.statusCode !== 202) return { statusCode: res.statusCode, report: null, body: res.body };
  const { jobId } = res.json<{ jobId: string }>();
  await app.imports.idle();
  const read = await app.inject({ method: 'GET', url: `/api/children/imports/${jobId}`, headers });
  return {
    statusCode: read.statusCode,
    report: read.statusCode === 200 ? read.json<ChildImportReport>() : null,
    body: read.body,
  };
}
