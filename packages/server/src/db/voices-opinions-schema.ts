import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the children's opinions and forums' tables (migration 0021). */
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** a date column, read as YYYY-MM-DD text (pool.ts) */
type Day = ColumnType<string, string, string>;
type Id = Generated<number>;

export interface VoiceEventTable {
  id: Id;
  province_code: string;
  kind: string;
  topic: string;
  organiser_name: string;
  organiser_agency_id: string | null;
  organiser_commune_code: string | null;
  held_on: Day;
  place: string;
  commune_code: string | null;
  consent_by: string | null;
  consent_on: Day | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface VoiceEventCountTable {
  event_id: number;
  age_group: string;
  sex: string;
  n: number;
}

export interface VoiceParticipantTable {
  id: Id;
  event_id: number;
  full_name: string;
  sex: string;
  age_group: string;
}

export interface VoiceOpinionTable {
  id: Id;
  province_code: string;
  event_id: number;
  text: string;
  sent_to_name: string;
  sent_to_agency_id: string | null;
  sent_to_commune_code: string | null;
  state: string;
  sent_on: Day | null;
  answer_text: string | null;
  answered_by: string | null;
  answered_on: Day | null;
  answered_by_user: string | null;
  fed_back_on: Day | null;
  overdue_notified_at: Stamp | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface VoicesOpinionsTables {
  voice_event: VoiceEventTable;
  voice_event_count: VoiceEventCountTable;
  voice_participant: VoiceParticipantTable;
  voice_opinion: VoiceOpinionTable;
}
