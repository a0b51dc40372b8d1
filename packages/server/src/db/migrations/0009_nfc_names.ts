import { sql, type Kysely } from 'kysely';

/**
 * Names in Unicode NFC (issue 11, point 4). From now on every request's text is normalised before
 * it is stored (http/text-guard.ts); this brings the names stored before — agencies' short and full
 * names and aliases, users' display names — into the same form, so that "Sở Y tế" typed decomposed
 * (NFD) years ago compares equal to the precomposed one.
 *
 * An agency whose normalised short name would collide with another agency of its province (two
 * rows that differed only in their normal form, which is what the fix prevents from now on) keeps
 * its short name as stored: the unique index must not fail the upgrade, and the administrator can
 * rename it; the lookup by short name compares normalised forms anyway. Nothing is lost either way,
 * so down() has nothing to undo.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE agency a
       SET short_name = normalize(a.short_name, NFC)
     WHERE a.short_name IS NOT NFC NORMALIZED
       AND NOT EXISTS (
         SELECT 1 FROM agency b
          WHERE b.province_code = a.province_code
            AND b.id <> a.id
            AND lower(normalize(b.short_name, NFC)) = lower(normalize(a.short_name, NFC)))
  `.execute(db);
  await sql`
    UPDATE agency
       SET full_name = normalize(full_name, NFC)
     WHERE full_name IS NOT NFC NORMALIZED
  `.execute(db);
  await sql`
    UPDATE agency
       SET aliases = ARRAY(SELECT normalize(x, NFC) FROM unnest(aliases) WITH ORDINALITY AS u(x, i) ORDER BY i)
     WHERE EXISTS (SELECT 1 FROM unnest(aliases) AS x WHERE x IS NOT NFC NORMALIZED)
  `.execute(db);
  await sql`
    UPDATE app_user
       SET display_name = normalize(display_name, NFC)
     WHERE display_name IS NOT NFC NORMALIZED
  `.execute(db);
}

export async function down(): Promise<void> {
  // normalising is not undone: the NFC names are the same names
}
