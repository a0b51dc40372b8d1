/**
 * The scorer of bench/plans-score.ts checked on toy plans (it must be trustworthy before its
 * numbers are), and the corpus's expectations checked against their own texts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COUNT_KEYS,
  fold,
  formatScoreTable,
  matchTasks,
  parsedPath,
  PlanExpectationSchema,
  ratio,
  scorePlan,
  sumScores,
  textSimilarity,
  type PlanExpectation,
} from './corpus-score.ts';
import { PlanDocumentSchema, type PlanDocument, type PlanDocumentInput } from './plan-format.ts';

const expected: PlanExpectation = {
  tasks: [
    {
      path: 'II.1.a',
      text: 'Tổ chức các hoạt động truyền thông về phòng, chống xâm hại trẻ em trên mạng xã hội',
      lead: ['Sở Y tế'],
      support: ['Sở Giáo dục và Đào tạo', 'UBND các xã, phường'],
      timeline: 'Quý II/2026',
    },
    {
      path: 'II.1.b',
      text: 'Rà soát, cập nhật cơ sở dữ liệu về trẻ em có hoàn cảnh đặc biệt',
      lead: ['UBND các xã, phường'],
      support: [],
      timeline: null,
    },
    {
      path: 'IV.1.-1',
      text: 'Chủ trì, phối hợp với các sở, ngành hướng dẫn, kiểm tra việc thực hiện Kế hoạch',
      lead: ['Sở Y tế'],
      support: ['các sở, ngành'],
      timeline: null,
    },
  ],
  targets: [
    { indicator: 1, op: '>=', value: 95, year: 2030, kind: 'level' },
    { indicator: 2, op: '<', value: 9.5, year: 2025, kind: 'level' },
    { indicator: 3, op: null, value: 4, year: null, kind: 'relative', text: 'giảm 4-5% mỗi năm' },
  ],
  deadlines: [
    { period: '6 months', date: '2026-06-15' },
    { period: 'year', date: '11-15' },
  ],
};

type TaskInput = PlanDocumentInput['tasks'][number];
const task = (
  section: string,
  ref: string | null,
  text: string,
  lead: string[],
  support: string[],
  tl: string | null,
): TaskInput => ({
  ref,
  section,
  text,
  lead,
  support,
  timeline: { kind: tl ? 'once' : 'unspecified', text: tl },
});

/** What a perfect parser would produce for `expected`, written the way the parser words it (accents and case may differ). */
function perfect(): PlanDocumentInput {
  return {
    format: 'tre.plan/v1',
    title: 'Toy',
    documentType: 'plan',
    years: { from: 2026, to: 2026 },
    citations: [],
    indicators: [
      { no: 1, text: 'Chỉ tiêu 1', targets: [{ year: 2030, value: 95, unit: '%', op: '>=' }] },
      { no: 2, text: 'Chỉ tiêu 2', targets: [{ year: 2025, value: 9.5, unit: 'per1000', op: '<' }] },
    ],
    tasks: [
      task(
        'II.1',
        'a',
        'Tổ chức các hoạt động truyền thông về phòng, chống xâm hại trẻ em trên mạng xã hội, nhất là trong dịp hè.',
        ['Sở Y tế'],
        ['Sở Giáo dục và Đào tạo', 'ubnd các xã,  phường'],
        'Quý II/2026.',
      ),
      task('II', '1.b', 'Rà soát, cập nhật cơ sở dữ liệu về trẻ em có hoàn cảnh đặc biệt.', ['UBND các xã, phường'], [], null),
      task(
        'IV.1',
        '-1',
        '- Chủ trì, phối hợp với các sở, ngành hướng dẫn, kiểm tra việc thực hiện Kế hoạch.',
        ['Sở Y tế'],
        ['các sở, ngành'],
        null,
      ),
    ],
    indicatorAssignments: [],
    reporting: [
      { kind: 'semiannual', due: '2026-06-15', recipient: 'Sở Y tế' },
      { kind: 'annual', due: '11-15', recipient: 'Sở Y tế' },
    ],
  };
}
const plan = (edit: (p: PlanDocumentInput) => void = () => {}): PlanDocument => {
  const p = perfect();
  edit(p);
  return PlanDocumentSchema.parse(p);
};
const r = (c: { hit: number; of: number }) => ratio(c);

describe('plan corpus scorer', () => {
  it('scores a perfect parse 1.0 everywhere and leaves relative targets out', () => {
    const s = scorePlan(expected, plan());
    for (const k of COUNT_KEYS) expect([k, r(s[k])]).toEqual([k, 1]);
    expect(s.taskRecall).toEqual({ hit: 3, of: 3 });
    expect(s.targetRecall).toEqual({ hit: 2, of: 2 });
    expect(s.relativeTargets).toBe(1);
    expect(s.missedTasks).toEqual([]);
    expect(s.extraTasks).toEqual([]);
  });

  it('lowers task recall, not precision, when a task is missing', () => {
    const s = scorePlan(
      expected,
      plan((p) => p.tasks.splice(1, 1)),
    );
    expect(s.taskRecall).toEqual({ hit: 2, of: 3 });
    expect(s.taskPrecision).toEqual({ hit: 2, of: 2 });
    expect(s.missedTasks.map((t) => t.path)).toEqual(['II.1.b']);
  });

  it('lowers task precision when the parser invents a task, and a bare heading does not match a task', () => {
    const s = scorePlan(
      expected,
      plan((p) => p.tasks.push(task('V', null, 'Chế độ báo cáo', [], [], null), task('II', '1', 'Tổ chức', [], [], null))),
    );
    expect(s.taskPrecision).toEqual({ hit: 3, of: 5 });
    expect(s.taskRecall).toEqual({ hit: 3, of: 3 });
  });

  it('lowers lead precision and recall for a wrong lead, and support precision for an extra body', () => {
    const s = scorePlan(
      expected,
      plan((p) => {
        const t = p.tasks[0];
        if (t) {
          t.lead = ['Sở Y tế là cơ quan thường trực'];
          t.support = [...t.support, 'thời gian'];
        }
      }),
    );
    expect(s.leadPrecision).toEqual({ hit: 2, of: 3 });
    expect(s.leadRecall).toEqual({ hit: 2, of: 3 });
    expect(s.supportPrecision).toEqual({ hit: 3, of: 4 });
    expect(s.supportRecall).toEqual({ hit: 3, of: 3 });
    expect(s.bodyErrors.map((e) => [e.path, e.field])).toEqual([
      ['II.1.a', 'lead'],
      ['II.1.a', 'support'],
    ]);
  });

  it('counts timelines where either side has one, paths as composed from section and ref', () => {
    const s = scorePlan(
      expected,
      plan((p) => {
        const [a, b, c] = p.tasks;
        if (a) a.timeline = { kind: 'unspecified', text: null };
        if (b) b.timeline = { kind: 'recurring', text: 'Thường xuyên' };
        if (c) c.ref = null;
      }),
    );
    expect(s.timeline).toEqual({ hit: 0, of: 2 });
    expect(s.path).toEqual({ hit: 2, of: 3 });
    expect(s.pathErrors).toEqual([{ expected: 'IV.1.-1', parsed: 'IV.1' }]);
  });

  it('matches targets on indicator, op, value and year, deadlines on date and period', () => {
    const s = scorePlan(
      expected,
      plan((p) => {
        const t = p.indicators[0]?.targets[0];
        if (t) t.op = null;
        p.indicators.push({ no: 3, text: 'Chỉ tiêu 3', targets: [{ year: 2026, value: 4, op: '<=' }] });
        p.reporting = [
          { kind: 'annual', due: '2026-06-15', recipient: null },
          { kind: 'annual', due: '11-15', recipient: null },
        ];
      }),
    );
    expect(s.targetRecall).toEqual({ hit: 1, of: 2 });
    expect(s.targetPrecision).toEqual({ hit: 1, of: 3 });
    expect(s.deadlineRecall).toEqual({ hit: 1, of: 2 });
    // a one-off closing report may be read as 'other' or 'final'
    const e2: PlanExpectation = { ...expected, deadlines: [{ period: 'other', date: '2026-07-05' }] };
    const s2 = scorePlan(
      e2,
      plan((p) => {
        p.reporting = [{ kind: 'final', due: '2026-07-05', recipient: null }];
      }),
    );
    expect(s2.deadlineRecall).toEqual({ hit: 1, of: 1 });
  });

  it('sums counts for the micro-average and prints one row per plan', () => {
    const a = scorePlan(expected, plan());
    const b = scorePlan(
      expected,
      plan((p) => p.tasks.splice(0, 1)),
    );
    expect(sumScores([a, b]).taskRecall).toEqual({ hit: 5, of: 6 });
    const table = formatScoreTable([
      { name: 'a', score: a },
      { name: 'b', score: b },
    ]);
    expect(table.split('\n')).toHaveLength(6);
    expect(table).toContain('micro-average (2 plans)');
  });

  it('folds, compares prefixes and composes paths', () => {
    expect(fold('  - Ủy ban MTTQ  Việt Nam Tỉnh Đoàn.')).toBe('uy ban mttq viet nam tinh doan');
    expect(textSimilarity('Rà soát, cập nhật cơ sở dữ liệu', 'RA SOAT, CAP NHAT CO SO DU LIEU VE TRE EM')).toBe(1);
    expect(textSimilarity('Kinh phí', 'Kinh phí thực hiện Kế hoạch được bố trí trong dự toán')).toBeLessThan(0.5);
    expect(parsedPath({ section: 'II.3', ref: '3.a' })).toBe('II.3.a');
    expect(parsedPath({ section: 'III', ref: '2.1' })).toBe('III.2.1');
    expect(parsedPath({ section: 'II.1', ref: 'a' })).toBe('II.1.a');
    expect(parsedPath({ section: 'IV.1', ref: null })).toBe('IV.1');
    expect(parsedPath({ section: null, ref: '5.a' })).toBe('5.a');
    expect(parsedPath({ section: 'II', ref: 'II.4' })).toBe('II.4');
    // two texts alike: one-to-one, the nearer in order wins
    const same = [
      { text: 'Chủ trì thực hiện các chỉ tiêu được phân công' },
      { text: 'Chủ trì thực hiện các chỉ tiêu được phân công' },
    ];
    expect(matchTasks(same, same).map((p) => [p.expected, p.parsed])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
});

describe('the corpus expectations', () => {
  const dir = path.join(import.meta.dirname, 'corpus');
  const names = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''));

  it('has at least twelve texts, each with an expectation', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const n of names) expect([n, fs.existsSync(path.join(dir, `${n}.expected.json`))]).toEqual([n, true]);
  });

  it.each(names)('%s: NFC, well-formed, and every expected text, body and timeline is in the text', (name) => {
    const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
    expect(text.normalize('NFC') === text).toBe(true);
    const e = PlanExpectationSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')));
    const source = fold(text);
    const paths = e.tasks.map((t) => t.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const t of e.tasks) {
      expect(t.path).toMatch(/^([IVX]+\.)?\d+(\.\d+)*(\.([a-zđ]|-\d+))?$/);
      for (const s of [t.text, ...t.lead, ...t.support, ...(t.timeline ? [t.timeline] : [])])
        expect([t.path, s, source.includes(fold(s))]).toEqual([t.path, s, true]);
    }
    for (const d of e.deadlines) {
      const [, m, day] = /^(?:\d{4}-)?(\d{2})-(\d{2})$/.exec(d.date) ?? [];
      expect([d.date, text.includes(`${Number(day)}/${Number(m)}`) || text.includes(`${day}/${m}`)]).toEqual([d.date, true]);
    }
  });
});
