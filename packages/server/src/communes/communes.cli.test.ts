import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shippedRuleSet, type IndicatorValue } from '@tre/core';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE_ACTOR_ID, commandLineActor, type SessionActor } from '../audit/session-actor.ts';
import { openDb } from '../db/pool.ts';
import { runTre } from '../test/cli.ts';
import { decideAssessment, saveAssessment, submitAssessment, verifyCriterion } from './service.ts';

/** The real `tre communes …` in a child process, on a PGlite folder, no server running: the contract of issue 17. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-communes-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { TRE_DATA_DIR: path.join(dir, 'data'), TRE_ADMIN_PASSWORD: 'admin-password-1' };
const A = '16681'; // Phường Thành Vinh (Nghệ An)
const B = '17827'; // Xã Nghi Lộc

/** A commune officer of a commune, as the service sees one (nobody's account). */
const officer = (communeCode: string): SessionActor => ({
  ...commandLineActor('40'),
  id: COMMAND_LINE_ACTOR_ID,
  role: 'commune_officer',
  communeCode,
});

function best(): { code: string; value: IndicatorValue }[] {
  return shippedRuleSet().criteria.flatMap((c) =>
    c.indicators.map((i) => {
      const atMost = 'direction' in i.rule && i.rule.direction === 'at_most';
      const value: IndicatorValue =
        i.value === 'boolean'
          ? { kind: 'boolean', yes: true }
          : i.value === 'count'
            ? { kind: 'count', count: 0 }
            : { kind: 'rate', numerator: atMost ? 0 : 100, denominator: 100 };
      return { code: i.code, value };
    }),
  );
}

interface StatusJson {
  year: number;
  communes: {
    communeCode: string;
    communeName: string;
    type: string;
    threshold: number;
    state: string;
    total: number | null;
    zeroCriteria: string[];
    recognised: boolean;
    decision: { number: string; date: string } | null;
  }[];
}

describe('tre communes', () => {
  it('--help lists the verbs', async () => {
    const res = await runTre(['communes', '--help'], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('tre communes status --year 2025 [--json]');
    expect(res.stdout).toContain('tre communes publish --year 2025');
  });

  it('status lists every commune of the province, those without an assessment as such', async () => {
    const res = await runTre(['communes', 'status', '--year', '2025', '--json'], env);
    expect(res.code, res.stderr).toBe(0);
    const s = JSON.parse(res.stdout) as StatusJson;
    expect(s.year).toBe(2025);
    expect(s.communes.length).toBeGreaterThan(100);
    expect(s.communes.find((c) => c.communeCode === A)).toEqual({
      communeCode: A,
      communeName: 'Phường Thành Vinh',
      type: 'other',
      threshold: 850,
      state: 'none',
      total: null,
      zeroCriteria: [],
      recognised: false,
      decision: null,
    });
  });

  it('status shows a decided commune with its total and decision, and a draft with its criteria at 0', async () => {
    const db = await openDb({ dataDir: env.TRE_DATA_DIR });
    try {
      // A: all best but 9.1 at 90 % (30 of 50): 980; verified and recognised
      const entries = best().map((e) =>
        e.code === '9.1' ? { ...e, value: { kind: 'rate' as const, numerator: 90, denominator: 100 } } : e,
      );
      let a = await saveAssessment(db.kysely, officer(A), A, 2025, { entries });
      a = await submitAssessment(db.kysely, officer(A), A, 2025, a.version);
      for (const c of a.criteria) {
        a = await verifyCriterion(db.kysely, commandLineActor('40'), A, 2025, {
          version: a.version,
          criterion: c.code,
          outcome: 'accepted',
        });
      }
      await decideAssessment(db.kysely, commandLineActor('40'), A, 2025, {
        version: a.version,
        number: '45/QĐ-UBND',
        date: '2026-02-01',
        recognised: true,
      });
      // B: a draft whose criterion 4 scores 0 (a child in conflict with the law, a child using drugs): 950
      await saveAssessment(db.kysely, officer(B), B, 2025, {
        entries: best().map((e) =>
          e.code === '4.1' || e.code === '4.2' ? { ...e, value: { kind: 'count' as const, count: 1 } } : e,
        ),
      });
    } finally {
      await db.close();
    }
    const res = await runTre(['communes', 'status', '--year', '2025', '--json'], env);
    expect(res.code, res.stderr).toBe(0);
    const s = JSON.parse(res.stdout) as StatusJson;
    expect(s.communes.find((c) => c.communeCode === A)).toMatchObject({
      state: 'decided',
      total: 980,
      zeroCriteria: [],
      recognised: true,
      decision: { number: '45/QĐ-UBND', date: '2026-02-01' },
    });
    expect(s.communes.find((c) => c.communeCode === B)).toMatchObject({
      state: 'draft',
      total: 950,
      zeroCriteria: ['4'],
      recognised: false,
      decision: null,
    });

    const text = await runTre(['communes', 'status', '--year', '2025'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Năm 2025: 1\/\d+ xã, phường được công nhận/);
    expect(text.stdout).toContain(`${A}\tPhường Thành Vinh`);
    expect(text.stdout).toContain('980/850');
    expect(text.stdout).toContain('criteria at 0: 4');
    // a commune with no assessment still shows the threshold it must reach
    expect(text.stdout).toMatch(/\t—\/8[05]0\tChưa tự đánh giá \/ Not assessed/);

    const published = await runTre(['communes', 'publish', '--year', '2025', '--json'], env);
    expect(published.code, published.stderr).toBe(0);
    expect(JSON.parse(published.stdout)).toMatchObject({ year: 2025, period: '2025', recognised: 1, written: true });
  }, 240_000); // four runs of the real command on a shared machine

  it('refuses a missing or wrong year with usage', async () => {
    const res = await runTre(['communes', 'status', '--year', '25'], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--year');
  });
});
