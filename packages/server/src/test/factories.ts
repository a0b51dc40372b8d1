import crypto from 'node:crypto';
import type { PlanDocument, PlanSaveRequest, Role } from '@tre/core';
import type { LocalIndicatorRequest } from '@tre/core/indicators/indicator-api';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/pool.ts';
import { hashPassword } from '../access/password.ts';
import { insertUser } from '../access/repository.ts';
import { planTargetsEffect } from '../indicators/targets/plan-targets.ts';
import { createPlan } from '../plans/service.ts';
import { TEST_PROVINCE } from './db.ts';

export const PASSWORD = 'correct-horse-42';
let passwordHash: Promise<string> | undefined;

/** Two communes of Nghệ An used across tests. */
export const COMMUNE_A = '16681'; // Phường Thành Vinh
export const COMMUNE_B = '17827'; // Xã Nghi Lộc

export async function makeUser(
  db: Db,
  opts: { role: Role; communeCode?: string; agencyId?: string; username?: string; active?: boolean },
) {
  passwordHash ??= hashPassword(PASSWORD);
  const user = await insertUser(db.kysely, {
    province_code: TEST_PROVINCE,
    username: opts.username ?? `${opts.role.replace('_', '')}-${crypto.randomBytes(4).toString('hex')}`,
    display_name: `Người thử ${opts.role}`,
    password_hash: await passwordHash,
    role: opts.role,
    agency_id: opts.agencyId ?? null,
    commune_code: opts.communeCode ?? null,
  });
  if (opts.active === false) {
    await db.kysely.updateTable('app_user').set({ active: false }).where('id', '=', user.id).execute();
  }
  return user;
}

export async function firstAgencyId(db: Db, shortName = 'Sở GD&ĐT'): Promise<string> {
  const row = await db.kysely.selectFrom('agency').select('id').where('short_name', '=', shortName).executeTakeFirstOrThrow();
  return row.id;
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** A new user of this role and scope, signed in: what most access tests start from. */
export async function signInNewUser(t: { app: FastifyInstance; db: Db }, opts: Parameters<typeof makeUser>[1]): Promise<Session> {
  return signIn(t.app, (await makeUser(t.db, opts)).username);
}

/** Signs in through the real HTTP routes and returns what a browser would hold. */
export async function signIn(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'tre_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `tre_session=${setCookie.value}`;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

export async function auditCount(db: Db): Promise<number> {
  const r = await db.kysely
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

/**
 * A small plan of Nghệ An, 2021–2030, that exercises every kind of body and timeline:
 * 0 recurring, Sở Y tế + Sở GD&ĐT · 1 once 2022-06-01 (past), Sở GD&ĐT + all agencies ·
 * 2 range June 2025, UBND cấp xã · 3 event-driven, Hội LHPN + mass organisations ·
 * 4 once 2099-09-15 (lunar), an unresolved body · 5 range 2031 (after the plan's years), Sở Y tế.
 */
export function planDocument(overrides: Partial<PlanDocument> = {}): PlanDocument {
  const timeline = (
    kind: PlanDocument['tasks'][number]['timeline']['kind'],
    start: string | null = null,
    end: string | null = null,
  ) => ({
    kind,
    text: kind === 'recurring' ? 'Thường xuyên' : start ? `${start} – ${end ?? start}` : 'Khi có chỉ đạo',
    start,
    end,
  });
  const task = (ref: string, text: string, lead: string[], support: string[], t: ReturnType<typeof timeline>, line: number) => ({
    ref,
    text,
    lead,
    support,
    timeline: t,
    path: `II.${ref}`,
    section: 'II',
    line,
  });
  return {
    format: 'tre.plan/v1',
    title: 'Kế hoạch thực hiện Chương trình hành động vì trẻ em tỉnh Nghệ An giai đoạn 2021 - 2030',
    documentType: 'plan',
    issuer: 'UBND tỉnh Nghệ An',
    documentNumber: '123/KH-UBND',
    years: { from: 2021, to: 2030 },
    citations: ['23/QĐ-TTg'],
    sections: [
      { ref: 'I', title: 'MỤC TIÊU', level: 1, line: 5 },
      { ref: 'II', title: 'NHIỆM VỤ, GIẢI PHÁP', level: 1, line: 9 },
    ],
    indicators: [
      {
        no: 1,
        goal: 1,
        text: 'Tỷ lệ xã đạt tiêu chuẩn phù hợp với trẻ em',
        targets: [{ year: 2025, value: 80, unit: '%', op: '>=', measure: null }],
        line: 6,
      },
      {
        no: 3,
        goal: 1,
        text: 'Giảm tỷ suất tử vong trẻ em',
        targets: [
          { year: 2025, value: 9.5, unit: 'per1000', op: '<', measure: 'trẻ sơ sinh' },
          { year: 2030, value: 9, unit: 'per1000', op: '<', measure: 'trẻ sơ sinh' },
        ],
        line: 7,
      },
    ],
    tasks: [
      task('1', 'Truyền thông về quyền trẻ em', ['Sở Y tế'], ['Sở Giáo dục và Đào tạo'], timeline('recurring'), 10),
      task('2', 'Tổng kết năm học', ['Sở GD&ĐT'], ['các sở, ban, ngành'], timeline('once', '2022-06-01'), 11),
      task('3', 'Tháng hành động vì trẻ em', ['UBND cấp xã'], [], timeline('range', '2025-06-01', '2025-06-30'), 12),
      task('4', 'Hỗ trợ trẻ em bị xâm hại', ['Hội LHPN'], ['các tổ chức chính trị - xã hội'], timeline('event-driven'), 13),
      {
        ...task('5', 'Tết Trung thu cho trẻ em', ['Ban Tuyên giáo Tỉnh ủy'], [], timeline('once', '2099-09-15'), 14),
        timeline: { ...timeline('once', '2099-09-15'), lunar: '15/8 âm lịch' },
      },
      task('6', 'Đánh giá sau kế hoạch', ['Sở Y tế'], [], timeline('range', '2031-01-01', '2031-12-31'), 15),
    ],
    indicatorAssignments: [
      { agency: 'Sở Y tế', indicators: [1, 3] },
      { agency: 'UBND các huyện, thị xã, thành phố', indicators: [1] },
    ],
    reporting: [
      { kind: 'semiannual', due: '06-15', recipient: 'Sở Y tế', text: 'Báo cáo 6 tháng trước ngày 15/6' },
      { kind: 'annual', due: '12-15', recipient: 'Sở Y tế', text: null },
      { kind: 'final', due: '2030-11-30', recipient: 'UBND tỉnh', text: null },
    ],
    footnotes: [{ mark: '1', text: 'Theo Quyết định 23/QĐ-TTg' }],
    ...overrides,
  };
}

/** Saves a plan as the `tre` command would (no user), resolving bodies that match uniquely. */
export async function makePlan(
  db: Db,
  opts: { document?: PlanDocument; provinceCode?: string; bodies?: PlanSaveRequest['bodies'] } = {},
): Promise<string> {
  const provinceCode = opts.provinceCode ?? TEST_PROVINCE;
  return createPlan(
    db.kysely,
    { provinceCode, userId: null, audit: { id: null, name: 'test', ip: null, provinceCode } },
    {
      document: opts.document ?? planDocument(),
      sourceLines: ['KẾ HOẠCH', 'dòng 2'],
      fileName: 'ke-hoach.txt',
      bodies: opts.bodies ?? [],
    },
    await planTargetsEffect(db.kysely),
  );
}

export async function taskIdsOf(db: Db, planId: string): Promise<string[]> {
  const rows = await db.kysely.selectFrom('plan_task').select('id').where('plan_id', '=', planId).orderBy('position').execute();
  return rows.map((r) => r.id);
}

/**
 * A local indicator over national elements (no new element): `<code>_U5_SHARE`, children under 5
 * per children, in %.
 */
export function localIndicatorRequest(
  code = 'L01',
  indicator: Partial<LocalIndicatorRequest['indicator']> = {},
): LocalIndicatorRequest {
  return {
    indicator: {
      code,
      no: null,
      goal: null,
      name: { vi: 'Tỷ lệ trẻ em dưới 5 tuổi', en: 'Share of children under 5' },
      measures: [
        {
          code: `${code}_U5_SHARE`,
          name: { vi: 'Tỷ lệ trẻ em dưới 5 tuổi trên tổng số trẻ em', en: 'Children under 5 per children' },
          numerator: 'CHILDREN_U5',
          denominator: 'CHILDREN_TOTAL',
          factor: 100,
          unit: '%',
          direction: 'higher',
          agency: 'Sở Y tế',
          nationalTargets: [],
        },
      ],
      ...indicator,
    },
    dataElements: [],
  };
}
