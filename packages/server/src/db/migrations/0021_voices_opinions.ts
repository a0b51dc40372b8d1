import { sql, type Kysely } from 'kysely';

/**
 * Children's opinions and forums (issue 17 §2).
 *
 * - voice_event: a consultation, forum, Children's Council meeting, club meeting or training: who
 *   organised it (an agency or a commune of the province, or the name as typed while unresolved),
 *   when, where, the topic, the commune it counts for (null: province-wide), and the consent to keep
 *   the children's names (who gave it, when), if any.
 * - voice_event_count: participants by age group and sex (participations, not distinct children).
 * - voice_participant: the names of children who took part, only with the event's consent
 *   (personal data: read with opinions.names, logged).
 * - voice_opinion: an opinion or recommendation raised at an event, the body it is sent to, the
 *   answer (text, who, when) and the day it was given back to the children; overdue_notified_at
 *   claims the standing body's one notification.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE voice_event (
      id bigserial PRIMARY KEY,
      province_code text NOT NULL REFERENCES province(code),
      kind text NOT NULL CHECK (kind IN ('consultation', 'forum', 'council_meeting', 'club', 'training')),
      topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 500),
      organiser_name text NOT NULL CHECK (length(organiser_name) BETWEEN 1 AND 300),
      organiser_agency_id uuid REFERENCES agency(id),
      organiser_commune_code text REFERENCES commune(code),
      held_on date NOT NULL,
      place text NOT NULL CHECK (length(place) BETWEEN 1 AND 300),
      commune_code text REFERENCES commune(code),
      consent_by text CHECK (length(consent_by) BETWEEN 1 AND 200),
      consent_on date,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (organiser_agency_id IS NULL OR organiser_commune_code IS NULL),
      CHECK ((consent_by IS NULL) = (consent_on IS NULL))
    );
    CREATE INDEX voice_event_held ON voice_event (province_code, held_on);
    CREATE INDEX voice_event_commune ON voice_event (province_code, commune_code, held_on);
    CREATE TABLE voice_event_count (
      event_id bigint NOT NULL REFERENCES voice_event(id),
      age_group text NOT NULL CHECK (age_group IN ('u7', '7_10', '11_15', '16_17')),
      sex text NOT NULL CHECK (sex IN ('male', 'female')),
      n integer NOT NULL CHECK (n BETWEEN 0 AND 100000),
      PRIMARY KEY (event_id, age_group, sex)
    );
    CREATE TABLE voice_participant (
      id bigserial PRIMARY KEY,
      event_id bigint NOT NULL REFERENCES voice_event(id),
      full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 100),
      sex text NOT NULL CHECK (sex IN ('male', 'female')),
      age_group text NOT NULL CHECK (age_group IN ('u7', '7_10', '11_15', '16_17'))
    );
    CREATE INDEX voice_participant_event ON voice_participant (event_id);
    CREATE TABLE voice_opinion (
      id bigserial PRIMARY KEY,
      province_code text NOT NULL REFERENCES province(code),
      event_id bigint NOT NULL REFERENCES voice_event(id),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
      sent_to_name text NOT NULL CHECK (length(sent_to_name) BETWEEN 1 AND 300),
      sent_to_agency_id uuid REFERENCES agency(id),
      sent_to_commune_code text REFERENCES commune(code),
      state text NOT NULL CHECK (state IN ('raised', 'sent', 'answered', 'fed_back')),
      sent_on date,
      answer_text text CHECK (length(answer_text) BETWEEN 1 AND 4000),
      answered_by text CHECK (length(answered_by) BETWEEN 1 AND 200),
      answered_on date,
      answered_by_user uuid REFERENCES app_user(id),
      fed_back_on date,
      overdue_notified_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (sent_to_agency_id IS NULL OR sent_to_commune_code IS NULL),
      CHECK (state = 'raised' OR (sent_on IS NOT NULL AND (sent_to_agency_id IS NOT NULL OR sent_to_commune_code IS NOT NULL))),
      CHECK (state IN ('raised', 'sent') OR (answer_text IS NOT NULL AND answered_on IS NOT NULL)),
      CHECK (state <> 'fed_back' OR fed_back_on IS NOT NULL)
    );
    CREATE INDEX voice_opinion_event ON voice_opinion (event_id);
    -- a body's inbox and the overdue list: the opinions sent and not answered
    CREATE INDEX voice_opinion_open_agency ON voice_opinion (sent_to_agency_id, sent_on) WHERE state = 'sent';
    CREATE INDEX voice_opinion_open_commune ON voice_opinion (sent_to_commune_code, sent_on) WHERE state = 'sent';
    CREATE INDEX voice_opinion_open ON voice_opinion (province_code, sent_on) WHERE state = 'sent';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE voice_opinion, voice_participant, voice_event_count, voice_event`.execute(db);
}
