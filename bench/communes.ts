/**
 * The child-friendly communes' benchmark (issue 17): every commune of the province (Nghệ An, 130)
 * with a 2025 self-assessment of all 20 indicators — a third decided with 13 verifications, a third
 * submitted, a third in draft (pre-filled live from the indicator values and the register) — and the
 * same for 2024 and 2023 (390 assessments); then, timed: the province's status of 2025 (every
 * commune scored on read) and one assessment opened. Medians and p95 over 100 calls each.
 *
 *   npx tsx bench/communes.ts         # PGlite; + PostgreSQL when TRE_BENCH_DATABASE_URL is set
 */
import { sql } from 'kysely';
import { shippedRuleSet } from '@tre/core';
import { bootstrap } from '../packages/server/src/bootstrap.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import type { Db } from '../packages/server/src/db/pool.ts';
import { onEachEngine, printTimings, timed } from './legs.ts';
import { commandLineActor } from '../packages/server/src/audit/session-actor.ts';
import { readAssessment, statusOfYear } from '../packages/server/src/communes/service.ts';

const PROVINCE = '40';
const CALLS = 100;

/** Assessments, entries, verifications and data values written set-wise: the generator is not what is measured. */
async function fill(db: Db) {
  const t0 = performance.now();
  const set = shippedRuleSet();
  const entries = set.criteria.flatMap((c) =>
    c.indicators.map((i) => ({
      code: i.code,
      value:
        i.value === 'boolean'
          ? { kind: 'boolean', yes: true }
          : i.value === 'count'
            ? { kind: 'count', count: 0 }
            : { kind: 'rate', numerator: 'direction' in i.rule && i.rule.direction === 'at_most' ? 3 : 97, denominator: 100 },
    })),
  );
  const codes = entries.map((e) => e.code);
  const values = entries.map((e) => JSON.stringify(e.value));
  const criteria = set.criteria.map((c) => c.code);
  await sql`
    INSERT INTO commune_assessment (province_code, commune_code, year, rule_set_id, state, decision_number, decision_date,
      decision_recognised, decision_category, submitted_at)
    SELECT ${PROVINCE}, c.code, y, r.id,
      (ARRAY['decided', 'submitted', 'draft'])[1 + (row_number() OVER (PARTITION BY y ORDER BY c.code))::int % 3],
      'QĐ-' || c.code, make_date(y + 1, 1, 15), true, 'other', now()
    FROM commune c, generate_series(2023, 2025) y,
      (SELECT id FROM commune_rule_set WHERE province_code = ${PROVINCE} AND active) r
    WHERE c.province_code = ${PROVINCE}
  `.execute(db.kysely);
  await sql`
    INSERT INTO commune_assessment_entry (assessment_id, indicator_code, value, prefill)
    SELECT a.id, e.code, e.value::jsonb, NULL
    FROM commune_assessment a, unnest(${codes}::text[], ${values}::text[]) AS e(code, value)
  `.execute(db.kysely);
  await sql`
    INSERT INTO commune_assessment_verification (assessment_id, criterion_code, outcome, by_name)
    SELECT a.id, k, 'accepted', 'bench' FROM commune_assessment a, unnest(${criteria}::text[]) k WHERE a.state = 'decided'
  `.execute(db.kysely);
  // the drafts' live sources: the communes' indicator values of 2025
  await sql`
    INSERT INTO data_value (province_code, element_code, unit_kind, unit_code, period, disaggregation, value, entered_by_name)
    SELECT ${PROVINCE}, e, 'commune', c.code, '2025', '', CASE WHEN e LIKE '%_U5' OR e LIKE '%_U1' THEN 500 ELSE 480 END, 'bench'
    FROM commune c, unnest(ARRAY['CHILDREN_U5_BIRTH_REGISTERED', 'CHILDREN_U5', 'CHILDREN_U1_FULLY_IMMUNISED', 'CHILDREN_U1']) e
    WHERE c.province_code = ${PROVINCE}
  `.execute(db.kysely);
  await sql`ANALYZE`.execute(db.kysely);
  const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM commune_assessment`.execute(db.kysely);
  return { seconds: (performance.now() - t0) / 1000, assessments: n.rows[0]?.n ?? 0 };
}

async function leg(engine: string, db: Db) {
  await bootstrap(db, { ...loadConfig(), provinceCode: PROVINCE });
  const { seconds, assessments } = await fill(db);
  const actor = commandLineActor(PROVINCE);
  const status = await statusOfYear(db.kysely, actor, 2025);
  const draft = status.communes.find((c) => c.state === 'draft')?.communeCode ?? '';
  const decided = status.communes.find((c) => c.state === 'decided')?.communeCode ?? '';
  const rows = [
    [
      `status of 2025 (${status.communes.length} communes scored)`,
      await timed(CALLS, () => statusOfYear(db.kysely, actor, 2025)),
    ],
    ['a draft opened (pre-filled live)', await timed(CALLS, () => readAssessment(db.kysely, actor, draft, 2025))],
    ['a decided assessment opened', await timed(CALLS, () => readAssessment(db.kysely, actor, decided, 2025))],
  ] as const;
  console.log(`${engine.padEnd(8)} ${assessments} assessments written in ${seconds.toFixed(1)} s`);
  printTimings(rows, 200);
}

await onEachEngine('communes', leg);
