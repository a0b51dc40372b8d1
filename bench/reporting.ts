/**
 * Reporting benchmark on PGlite (issue 14):
 *   - building the consolidated report (.docx + .xlsx, no PDF) of a round owed by 25 agencies and the
 *     130 communes of Nghệ An, every one with a full, accepted submission: every figure of its data
 *     set, its tasks' progress, four narrative sections of ~600 characters; median of N builds, with
 *     the time split between assembling (figures, tasks, board), the .docx and the .xlsx;
 *   - the round board API (GET /api/rounds/:id, through Fastify's inject, so without the network)
 *     with 10 rounds × 160 bodies in the database, about half of each round submitted: p50 and p95
 *     over sequential requests, and the rounds list (GET /api/rounds) beside it.
 * Run alone with `npx tsx bench/reporting.ts`; `npm run bench` runs it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Role, dataSetElements } from '@tre/core';
import { bootstrap } from '../packages/server/src/bootstrap.ts';
import { openDb, type Db } from '../packages/server/src/db/pool.ts';
import { buildApp } from '../packages/server/src/app.ts';
import type { SessionActor } from '../packages/server/src/audit/session-actor.ts';
import { catalogueIndex } from '../packages/server/src/indicators/catalogue/store.ts';
import { agenciesOf } from '../packages/server/src/indicators/units.ts';
import { saveValues } from '../packages/server/src/indicators/entry/service.ts';
import { recordProgress } from '../packages/server/src/plans/progress-service.ts';
import { adjustBodies, openRound } from '../packages/server/src/reporting/rounds/service.ts';
import { readSubmission } from '../packages/server/src/reporting/submissions/service.ts';
import { acceptSubmission, saveSubmission, submitSubmission } from '../packages/server/src/reporting/submissions/workflow.ts';
import { buildReport } from '../packages/server/src/reporting/consolidated/service.ts';
import { buildModel } from '../packages/server/src/reporting/consolidated/build.ts';
import { reportDraft } from '../packages/server/src/reporting/consolidated/draft.ts';
import { getRound } from '../packages/server/src/reporting/rounds/service.ts';
import { buildReportDocx } from '../packages/server/src/reporting/report/docx.ts';
import { buildReportXlsx } from '../packages/server/src/reporting/report/xlsx.ts';
import { makePlan, planDocument } from '../packages/server/src/test/factories.ts';

export const BUILD_TARGET_MS = 2000;
export const BOARD_P95_TARGET_MS = 100;
const PASSWORD = 'bench-password-1';
const AGENCIES = 25;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

const TEXT = (name: string, what: string) =>
  `${name} đã ${what}: tổ chức truyền thông về quyền trẻ em tại các thôn, bản, tổ dân phố; rà soát, cập nhật danh sách trẻ em có hoàn cảnh đặc biệt; phối hợp với trường học, trạm y tế theo dõi, hỗ trợ kịp thời; kiện toàn đội ngũ cộng tác viên bảo vệ trẻ em; thực hiện đầy đủ chế độ, chính sách trợ giúp xã hội cho trẻ em. `.repeat(
    2,
  );

async function adminActor(db: Db): Promise<SessionActor> {
  const admin = await db.kysely.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  return {
    id: admin.id,
    username: 'admin',
    displayName: 'Benchmark',
    role: Role.Admin,
    agencyId: null,
    communeCode: null,
    provinceCode: '40',
    csrfToken: '',
    ip: null,
  };
}

/** A round owed by exactly `agencies` agencies and every commune, each with a full, accepted submission. */
async function fullRound(db: Db, actor: SessionActor, planId: string) {
  let round = await openRound(db.kysely, actor, { planId, period: '2025S1' });
  const owedAgencies = round.bodies.filter((b) => b.unitKind === 'agency');
  const spare = (await agenciesOf(db.kysely, '40')).filter((a) => !owedAgencies.some((b) => b.unitCode === a.id));
  round = await adjustBodies(db.kysely, actor, round.id, {
    add: spare
      .slice(0, Math.max(0, AGENCIES - owedAgencies.length))
      .map((a) => ({ unitKind: 'agency' as const, unitCode: a.id })),
    remove: owedAgencies.slice(AGENCIES).map((b) => ({ unitKind: b.unitKind, unitCode: b.unitCode })),
  });
  const index = await catalogueIndex(db.kysely);
  const agencies = new Map((await agenciesOf(db.kysely, '40')).map((a) => [a.id, a]));
  let i = 0;
  for (const body of round.bodies) {
    const elements =
      body.unitKind === 'commune'
        ? dataSetElements(index, 'commune')
        : dataSetElements(index, 'agency', agencies.get(body.unitCode));
    if (elements.length > 0) {
      await saveValues(db.kysely, actor, {
        unit: body.unitCode,
        period: '2025S1',
        values: elements.map((element, k) => ({ element, value: 1000 + ((i * 31 + k * 7) % 500) })),
      });
    }
    const submission = await readSubmission(db.kysely, actor, round.id, body.unitCode);
    for (const task of submission.tasks) {
      await recordProgress(db.kysely, actor, task.taskId, {
        period: '2025S1',
        status: 'in_progress',
        note: 'Đang triển khai theo kế hoạch',
        evidenceFileId: null,
        ...(body.unitKind === 'agency' ? { agencyId: body.unitCode } : { communeCode: body.unitCode }),
      });
    }
    await saveSubmission(db.kysely, actor, round.id, body.unitCode, {
      narrative: {
        results: TEXT(body.name, 'triển khai'),
        limitations: TEXT(body.name, 'gặp khó khăn'),
        nextSteps: TEXT(body.name, 'đề ra nhiệm vụ'),
        proposals: TEXT(body.name, 'kiến nghị'),
      },
      explanations: {},
    });
    await submitSubmission(db.kysely, actor, round.id, body.unitCode);
    await acceptSubmission(db.kysely, actor, round.id, body.unitCode);
    i++;
  }
  return round;
}

/** Ten ad hoc rounds of 160 bodies, about half submitted (rows written directly: the board only reads them). */
async function boardRounds(db: Db, actor: SessionActor): Promise<string[]> {
  const ids: string[] = [];
  for (let r = 0; r < 10; r++) {
    const round = await openRound(db.kysely, actor, {
      planId: null,
      period: '2025',
      deadline: '2025-12-15',
      title: `Đợt thử ${r + 1}`,
    });
    const extra = round.bodies.slice(160);
    if (extra.length > 0)
      await adjustBodies(db.kysely, actor, round.id, {
        add: [],
        remove: extra.map((b) => ({ unitKind: b.unitKind, unitCode: b.unitCode })),
      });
    const sent = round.bodies.slice(0, 160).filter((_, k) => k % 2 === 0);
    await db.kysely
      .insertInto('submission')
      .values(
        sent.map((b, k) => ({
          round_id: round.id,
          unit_kind: b.unitKind,
          unit_code: b.unitCode,
          state: k % 3 === 0 ? ('accepted' as const) : ('submitted' as const),
          version: 1,
          narrative: '{}',
          explanations: '{}',
          first_submitted_at: new Date(Date.UTC(2025, 11, 10 + (k % 10))),
          last_submitted_at: new Date(Date.UTC(2025, 11, 10 + (k % 10))),
        })),
      )
      .execute();
    ids.push(round.id);
  }
  return ids;
}

const DEPARTMENTS = [
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Công an tỉnh',
  'Sở Tư pháp',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Tài chính',
  'Sở Nội vụ',
  'Tỉnh đoàn',
];

/**
 * A plan of the size of the real ones: 40 tasks, a third of them for every commune committee ("UBND
 * cấp xã": 130 rows each in the task appendix), the rest led by one department with another in support.
 */
function benchPlan() {
  const base = planDocument();
  const extra = Array.from({ length: 34 }, (_, k) => ({
    ...base.tasks[0],
    ref: String(7 + k),
    path: `II.${7 + k}`,
    text: `Nhiệm vụ ${7 + k}: triển khai các hoạt động bảo vệ, chăm sóc trẻ em theo kế hoạch năm`,
    lead: k % 3 === 0 ? ['UBND cấp xã'] : [DEPARTMENTS[k % DEPARTMENTS.length] ?? 'Sở Y tế'],
    support: [DEPARTMENTS[(k + 3) % DEPARTMENTS.length] ?? 'Sở Tư pháp'],
    line: 20 + k,
  }));
  return { ...base, tasks: [...base.tasks, ...extra] } as typeof base;
}

export interface ReportingBenchResult {
  bodies: { agencies: number; communes: number };
  taskRows: number;
  setupSeconds: number;
  build: { median: number; rounds: number[]; model: number; docx: number; xlsx: number; docxBytes: number; xlsxBytes: number };
  board: { rounds: number; bodies: number; p50: number; p95: number; listP95: number };
}

export async function benchReporting(builds = 5, requests = 200): Promise<ReportingBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-bench-reporting-'));
  const db = await openDb({ dataDir: dir });
  try {
    await bootstrap(db, { provinceCode: '40', adminPassword: PASSWORD });
    const actor = await adminActor(db);
    const t0 = performance.now();
    const planId = await makePlan(db, { document: benchPlan() });
    const round = await fullRound(db, actor, planId);
    const boards = await boardRounds(db, actor);
    const setupSeconds = (performance.now() - t0) / 1000;

    const times: number[] = [];
    for (let b = 0; b < builds; b++) {
      const s = performance.now();
      await buildReport(db.kysely, actor, round.id, { pdf: false });
      times.push(performance.now() - s);
    }
    // the same build, split: assembling the model, writing each document
    const row = await getRound(db.kysely, '40', round.id);
    let s = performance.now();
    const model = await buildModel(db.kysely, actor, row, await reportDraft(db.kysely, row, '40'));
    const modelMs = performance.now() - s;
    s = performance.now();
    const docx = await buildReportDocx(model);
    const docxMs = performance.now() - s;
    s = performance.now();
    const xlsx = await buildReportXlsx(model);
    const xlsxMs = performance.now() - s;

    const app = await buildApp({
      db,
      config: {
        dataDir: dir,
        port: 0,
        host: '127.0.0.1',
        provinceCode: '40',
        adminPassword: PASSWORD,
        logLevel: 'silent',
        secureCookies: false,
        trustProxy: false,
      },
    });
    const signin = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: PASSWORD } });
    const cookie = `tre_session=${signin.cookies.find((c) => c.name === 'tre_session')?.value ?? ''}`;
    const time = async (url: (i: number) => string) => {
      const ms: number[] = [];
      for (let i = 0; i < requests; i++) {
        const t = performance.now();
        const res = await app.inject({ method: 'GET', url: url(i), headers: { cookie } });
        ms.push(performance.now() - t);
        if (res.statusCode !== 200) throw new Error(`${url(i)}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      return ms.slice(5);
    };
    const board = await time((i) => `/api/rounds/${boards[i % boards.length] ?? ''}`);
    const list = await time(() => '/api/rounds');
    await app.close();
    return {
      bodies: {
        agencies: round.bodies.filter((b) => b.unitKind === 'agency').length,
        communes: round.bodies.filter((b) => b.unitKind === 'commune').length,
      },
      taskRows: model.tasks.length,
      setupSeconds,
      build: {
        median: quantile(times, 0.5),
        rounds: times,
        model: modelMs,
        docx: docxMs,
        xlsx: xlsxMs,
        docxBytes: docx.length,
        xlsxBytes: xlsx.length,
      },
      board: {
        rounds: boards.length,
        bodies: 160,
        p50: quantile(board, 0.5),
        p95: quantile(board, 0.95),
        listP95: quantile(list, 0.95),
      },
    };
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function reportReporting(r: ReportingBenchResult): void {
  const ms = (x: number) => `${Math.round(x)} ms`;
  console.log(
    `reporting  consolidated report of a round: ${r.bodies.agencies} agencies + ${r.bodies.communes} communes, every submission full and accepted, ${r.taskRows} task rows (setup ${r.setupSeconds.toFixed(1)} s)\n` +
      `           build .docx + .xlsx (no PDF): median ${ms(r.build.median)} over ${r.build.rounds.length} (${r.build.rounds.map(ms).join(', ')}); ` +
      `split: assemble ${ms(r.build.model)}, .docx ${ms(r.build.docx)} (${Math.round(r.build.docxBytes / 1024)} KB), .xlsx ${ms(r.build.xlsx)} (${Math.round(r.build.xlsxBytes / 1024)} KB)\n` +
      `           target < ${BUILD_TARGET_MS} ms: ${r.build.median < BUILD_TARGET_MS ? 'met' : 'NOT met'}\n` +
      `           board GET /api/rounds/:id, ${r.board.rounds} rounds × ${r.board.bodies} bodies: p50 ${r.board.p50.toFixed(1)} ms, p95 ${r.board.p95.toFixed(1)} ms ` +
      `(target p95 < ${BOARD_P95_TARGET_MS} ms: ${r.board.p95 < BOARD_P95_TARGET_MS ? 'met' : 'NOT met'}); rounds list p95 ${r.board.listP95.toFixed(1)} ms`,
  );
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) reportReporting(await benchReporting());
