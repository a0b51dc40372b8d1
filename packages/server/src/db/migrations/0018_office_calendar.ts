import { sql, type Kysely } from 'kysely';

/**
 * The public offices' calendar that the case clocks count working days on (issue 16, DESIGN §5):
 * one row per date that differs from a plain Monday-to-Friday week — a holiday, a compensating or
 * swapped day off, or a Saturday or Sunday worked. The year is the date's; a year with no row is
 * not in the calendar (core cases/calendar.ts says so instead of guessing). The shipped years are
 * stored at start-up (cases/calendar/service.ts), the administrator replaces a year whole. The
 * database keeps the rules that need no other row; core checks the rest before a year is stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE office_calendar_day (
      day date PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('holiday', 'compensating', 'swapped_off', 'working_weekend')),
      name_vi text NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 200),
      name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
      source text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- null: stored by Tre itself (the shipped years) or by the command line
      updated_by uuid REFERENCES app_user(id),
      -- a Saturday or Sunday worked is a weekend day; a day off in place of one is a weekday (ISO: 6, 7 = Sat, Sun)
      CHECK (kind <> 'working_weekend' OR extract(isodow FROM day) >= 6),
      CHECK (kind NOT IN ('compensating', 'swapped_off') OR extract(isodow FROM day) <= 5)
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE office_calendar_day`.execute(db);
}
