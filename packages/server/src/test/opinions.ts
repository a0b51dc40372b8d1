import type { Db } from '../db/pool.ts';
import { TEST_PROVINCE } from './db.ts';
import { COMMUNE_A, COMMUNE_B } from './factories.ts';

/** For the scope tests: an event in each test commune, and opinions sent to an agency, to commune A and to another agency. */
export interface OpinionsWorld {
  events: Record<string, number>;
  /** sent to Sở GD&ĐT (an agency reporter's own), to commune A (a commune officer's own), to Sở Tư pháp (nobody's) */
  opinions: { agency: number; commune: number; other: number };
}

export async function makeOpinionsWorld(db: Db, agencyId: string, otherAgencyId: string): Promise<OpinionsWorld> {
  const events: Record<string, number> = {};
  for (const commune of [COMMUNE_A, COMMUNE_B]) {
    const e = await db.kysely
      .insertInto('voice_event')
      .values({
        province_code: TEST_PROVINCE,
        kind: 'forum',
        topic: 'Diễn đàn trẻ em thử quyền',
        organiser_name: 'UBND xã',
        organiser_commune_code: commune,
        held_on: '2025-05-01',
        place: 'Hội trường',
        commune_code: commune,
        consent_by: 'Cha mẹ',
        consent_on: '2025-04-30',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely.insertInto('voice_event_count').values({ event_id: e.id, age_group: '11_15', sex: 'female', n: 3 }).execute();
    await db.kysely
      .insertInto('voice_participant')
      .values({ event_id: e.id, full_name: 'Trẻ em thử', sex: 'female', age_group: '11_15' })
      .execute();
    events[commune] = e.id;
  }
  const opinion = async (to: { sent_to_agency_id?: string; sent_to_commune_code?: string }) =>
    (
      await db.kysely
        .insertInto('voice_opinion')
        .values({
          province_code: TEST_PROVINCE,
          event_id: events[COMMUNE_A] ?? 0,
          text: 'Kiến nghị thử quyền',
          sent_to_name: 'Cơ quan nhận',
          state: 'sent',
          sent_on: '2025-05-02',
          ...to,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  return {
    events,
    opinions: {
      agency: await opinion({ sent_to_agency_id: agencyId }),
      commune: await opinion({ sent_to_commune_code: COMMUNE_A }),
      other: await opinion({ sent_to_agency_id: otherAgencyId }),
    },
  };
}
