import { sql, type Kysely } from 'kysely';

/**
 * Targets kept and editable (issue 13, part 4).
 *
 * plan_indicator_target gains what tre.plan/v1's Tre extensions carry (core plans/plan-format.ts):
 * - kind 'level' | 'relative'; a relative target's change ('decrease' | 'increase'), reference_year
 *   (null: against the year before each year judged, "mỗi năm"; a year: "so với năm 2020") and
 *   value_to (the upper end of "4–5 %");
 * - op_word (the word that governed the value, "đạt", "duy trì", "là") and clause (the clause it was
 *   read from), from which a missing comparison is derived;
 * - measure_code: the measure a person chose. No foreign key: a plan imported from another
 *   installation may name a measure this catalogue lacks, and a local indicator may be deleted; the
 *   target is then listed unmapped ('unknown_measure'), never lost.
 *
 * measure_target gains the kind and the relative fields, op_source (how the comparison was found:
 * 'stated', 'maintain', 'direction', 'change') and chosen (a person picked the measure); a plan may
 * now have a level and a relative target for one measure and year, so the kind joins the key. Rows
 * mapped before took the measure's direction when the plan wrote no comparison: they say so.
 *
 * plan_target_unmapped keeps each target the mapping left without a measure, with the reason and
 * the measures offered, so the plan's page lists them; it is rebuilt with measure_target.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE plan_indicator_target
      ADD COLUMN kind text NOT NULL DEFAULT 'level' CHECK (kind IN ('level', 'relative')),
      ADD COLUMN change text CHECK (change IN ('decrease', 'increase')),
      ADD COLUMN reference_year integer CHECK (reference_year BETWEEN 1990 AND 2100),
      ADD COLUMN value_to numeric CHECK (value_to >= value),
      ADD COLUMN op_word text,
      ADD COLUMN clause text,
      ADD COLUMN measure_code text,
      ADD CONSTRAINT plan_indicator_target_relative CHECK ((kind = 'relative') = (change IS NOT NULL)),
      ADD CONSTRAINT plan_indicator_target_level CHECK (kind = 'relative' OR (reference_year IS NULL AND value_to IS NULL));

    ALTER TABLE measure_target
      ADD COLUMN kind text NOT NULL DEFAULT 'level' CHECK (kind IN ('level', 'relative')),
      ADD COLUMN change text CHECK (change IN ('decrease', 'increase')),
      ADD COLUMN reference_year integer,
      ADD COLUMN value_to numeric,
      ADD COLUMN op_source text NOT NULL DEFAULT 'stated' CHECK (op_source IN ('stated', 'maintain', 'direction', 'change')),
      ADD COLUMN chosen boolean NOT NULL DEFAULT false,
      ADD CONSTRAINT measure_target_relative CHECK ((kind = 'relative') = (change IS NOT NULL));
    ALTER TABLE measure_target DROP CONSTRAINT measure_target_pkey;
    ALTER TABLE measure_target ADD PRIMARY KEY (plan_id, measure_code, year, kind);

    UPDATE measure_target m SET op_source = 'direction'
      FROM plan_indicator_target t
     WHERE t.plan_id = m.plan_id AND t.indicator_position = m.indicator_position
       AND t.position = m.target_position AND t.op IS NULL;

    CREATE TABLE plan_target_unmapped (
      plan_id uuid NOT NULL,
      indicator_position integer NOT NULL,
      target_position integer NOT NULL,
      reason text NOT NULL,
      candidates text[] NOT NULL DEFAULT '{}',
      PRIMARY KEY (plan_id, indicator_position, target_position),
      FOREIGN KEY (plan_id, indicator_position, target_position)
        REFERENCES plan_indicator_target (plan_id, indicator_position, position) ON DELETE CASCADE
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE plan_target_unmapped;
    DELETE FROM measure_target WHERE kind = 'relative';
    ALTER TABLE measure_target DROP CONSTRAINT measure_target_pkey;
    ALTER TABLE measure_target ADD PRIMARY KEY (plan_id, measure_code, year);
    ALTER TABLE measure_target DROP COLUMN kind, DROP COLUMN change, DROP COLUMN reference_year, DROP COLUMN value_to,
      DROP COLUMN op_source, DROP COLUMN chosen;
    DELETE FROM plan_indicator_target WHERE kind = 'relative';
    ALTER TABLE plan_indicator_target DROP COLUMN kind, DROP COLUMN change, DROP COLUMN reference_year,
      DROP COLUMN value_to, DROP COLUMN op_word, DROP COLUMN clause, DROP COLUMN measure_code;
  `.execute(db);
}
