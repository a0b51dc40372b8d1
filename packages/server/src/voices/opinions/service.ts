import {
  DEFAULT_ANSWER_DAYS,
  ErrorCode,
  MAX_ANSWER_DAYS,
  PARTICIPANT_AGE_GROUPS,
  answerDueOn,
  bodyKey,
  emptyParticipantCounts,
  mayStep,
  mayTakeOn,
  opinionDaysOverdue,
  opinionsPermissions,
  participantCountsProblem,
  participantNamesProblem,
  resolveBody,
  scopeOf,
  vietnamDate,
  type CountsGrid,
  type EventDto,
  type EventInput,
  type EventKind,
  type EventSummaryDto,
  type OpinionDto,
  type OpinionInput,
  type OpinionState,
  type OpinionsAction,
  type OverdueListDto,
  type ParticipantAgeGroup,
  type ParticipantDto,
  type Sex,
  type VoiceBodyDto,
  type VoiceBodyInput,
  type VoicesSettingsDto,
} from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import { auditActorOf, userIdOf, type SessionActor } from '../../audit/session-actor.ts';
import { TreError, forbidden, invalid, notFound } from '../../errors.ts';
import { agenciesForMatch } from '../../plans/resolution.ts';
import * as units from '../../units/repository.ts';
import { getStandingBodyId } from '../../units/service.ts';
import { insertNotifications } from '../../notifications/repository.ts';
import * as repo from './repository.ts';

/**
 * Children's opinions and forums: events with their counts (and names only with consent), the
 * opinions raised, sent to a body, answered by that body's users and fed back to the children, and
 * the answer clock. Every write is audited in its transaction; the audit keeps no child's name.
 */

export const SETTING_ANSWER_DAYS = 'voices.opinion_answer_days';

type Db = Kysely<Database>;

const NOT_FOUND_EVENT = { vi: 'hoạt động', en: 'Event' };
const NOT_FOUND_OPINION = { vi: 'ý kiến', en: 'Opinion' };

// ---------------------------------------------------------------------------------------------
// Bodies

interface StoredBody {
  name: string;
  agencyId: string | null;
  communeCode: string | null;
}

/** "UBND phường Thành Vinh", "Phường Thành Vinh" → the commune, when exactly one of the province's matches. */
function communeOfName(name: string, communes: { code: string; name: string }[]): string | null {
  const key = bodyKey(name).replace(/^ubnd/, '');
  if (key === '') return null;
  const hits = communes.filter((c) => bodyKey(c.name) === key);
  return hits.length === 1 ? (hits[0]?.code ?? null) : null;
}

/**
 * A body as typed: a picked agency or commune (checked to be the province's), or a name resolved
 * like plan bodies (an agency by its names and aliases, else a commune by its name); a name that
 * matches neither is kept as typed, unresolved.
 */
export async function resolveVoiceBody(db: Db, provinceCode: string, input: VoiceBodyInput, field: string): Promise<StoredBody> {
  if (input.agencyId) {
    const agency = await units.findAgency(db, provinceCode, input.agencyId);
    if (!agency?.active)
      throw invalid(field, 'Cơ quan không thuộc danh sách cơ quan của tỉnh', 'Not one of the province’s agencies');
    return { name: input.name || agency.short_name, agencyId: agency.id, communeCode: null };
  }
  if (input.communeCode) {
    const commune = await units.findCommune(db, input.communeCode);
    if (commune?.province_code !== provinceCode) {
      throw invalid(field, 'Xã, phường không thuộc tỉnh', 'Not a commune of the province');
    }
    return { name: input.name || commune.name, agencyId: null, communeCode: commune.code };
  }
  const { agencies, options } = await agenciesForMatch(db, provinceCode);
  const match = resolveBody(input.name, agencies, options);
  if (match.resolution.kind === 'agency') return { name: input.name, agencyId: match.resolution.agencyId, communeCode: null };
  const commune = communeOfName(input.name, await units.allCommunesOf(db, provinceCode));
  return { name: input.name, agencyId: null, communeCode: commune };
}

function bodyDto(
  name: string,
  agencyId: string | null,
  agencyName: string | null,
  communeCode: string | null,
  communeName: string | null,
): VoiceBodyDto {
  if (agencyId) return { kind: 'agency', id: agencyId, name: agencyName ?? name };
  if (communeCode) return { kind: 'commune', id: communeCode, name: communeName ?? name };
  return { kind: 'unresolved', id: null, name };
}

// ---------------------------------------------------------------------------------------------
// Scope

function assertOn(actor: SessionActor, action: OpinionsAction, communeCode: string | null): void {
  if (!mayTakeOn(opinionsPermissions, action, actor, { communeCode })) throw forbidden();
}

/** The commune a list is for: one's own for a commune role (another refused), any or none for the province. */
function communeFilter(actor: SessionActor, action: OpinionsAction, asked: string | undefined): string | undefined {
  const scope = scopeOf(opinionsPermissions, action, actor);
  if (scope === undefined) throw forbidden();
  if (scope === 'own_commune') {
    if (asked && asked !== actor.communeCode) throw forbidden();
    return actor.communeCode ?? '';
  }
  return asked;
}

const isActorsBody = (actor: SessionActor, o: { sent_to_agency_id: string | null; sent_to_commune_code: string | null }) =>
  (!!actor.agencyId && o.sent_to_agency_id === actor.agencyId) ||
  (!!actor.communeCode && o.sent_to_commune_code === actor.communeCode);

// ---------------------------------------------------------------------------------------------
// Settings

export async function answerDaysOf(db: Db, provinceCode: string): Promise<number> {
  const v = await units.findSetting(db, provinceCode, SETTING_ANSWER_DAYS);
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 && v <= MAX_ANSWER_DAYS ? v : DEFAULT_ANSWER_DAYS;
}

export async function readSettings(db: Db, provinceCode: string): Promise<VoicesSettingsDto> {
  return { answerDays: await answerDaysOf(db, provinceCode), standingBodyId: await getStandingBodyId(db, provinceCode) };
}

export async function updateSettings(db: Db, actor: SessionActor, answerDays: number): Promise<VoicesSettingsDto> {
  const before = await answerDaysOf(db, actor.provinceCode);
  await db.transaction().execute(async (trx) => {
    await units.upsertSetting(trx, actor.provinceCode, SETTING_ANSWER_DAYS, answerDays);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'update',
      entity: 'setting',
      entityId: SETTING_ANSWER_DAYS,
      before: { answer_days: before },
      after: { answer_days: answerDays },
    });
  });
  return readSettings(db, actor.provinceCode);
}

// ---------------------------------------------------------------------------------------------
// Events

const EARLIEST_DAY = '2000-01-01';

function assertDay(field: string, day: string, today: string, notBefore?: { day: string; vi: string; en: string }): void {
  if (day > today) throw invalid(field, 'Ngày không được sau hôm nay', 'The date cannot be after today');
  // a typo like 0025 for 2025 would otherwise be kept, in no year's figures
  if (day < EARLIEST_DAY) throw invalid(field, 'Ngày không được trước năm 2000', 'The date cannot be before 2000');
  if (notBefore && day < notBefore.day) throw invalid(field, notBefore.vi, notBefore.en);
}

export async function createEvent(db: Db, actor: SessionActor, input: EventInput, now = new Date()): Promise<number> {
  assertOn(actor, 'opinions.record', input.communeCode);
  if (input.communeCode) {
    const commune = await units.findCommune(db, input.communeCode);
    if (commune?.province_code !== actor.provinceCode) {
      throw invalid('communeCode', 'Xã, phường không thuộc tỉnh', 'Not a commune of the province');
    }
  }
  const today = vietnamDate(now);
  assertDay('heldOn', input.heldOn, today);
  const counts = participantCountsProblem(input.counts);
  if (counts) throw invalid(counts.field, counts.vi, counts.en);
  const names = participantNamesProblem(input.participants.length, input.consent, input.counts);
  if (names) throw invalid(names.field, names.vi, names.en);
  if (input.consent?.given) assertDay('consent.on', input.consent.on, today);
  const organiser = await resolveVoiceBody(db, actor.provinceCode, input.organiser, 'organiser');
  const consent = input.consent?.given ? input.consent : null;
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertEvent(
      trx,
      {
        province_code: actor.provinceCode,
        kind: input.kind,
        topic: input.topic,
        organiser_name: organiser.name,
        organiser_agency_id: organiser.agencyId,
        organiser_commune_code: organiser.communeCode,
        held_on: input.heldOn,
        place: input.place,
        commune_code: input.communeCode,
        consent_by: consent?.by ?? null,
        consent_on: consent?.on ?? null,
        created_by: userIdOf(actor),
      },
      PARTICIPANT_AGE_GROUPS.flatMap((a) =>
        (['male', 'female'] as const).map((s) => ({ age_group: a, sex: s, n: input.counts[a][s] })),
      ),
      // names only with consent (checked above); never in the audit
      input.participants.map((p) => ({ full_name: p.fullName, sex: p.sex, age_group: p.ageGroup })),
    );
    await recordAudit(trx, auditActorOf(actor), {
      action: 'create',
      entity: 'voice_event',
      entityId: String(id),
      after: {
        kind: input.kind,
        held_on: input.heldOn,
        commune_code: input.communeCode,
        organiser: organiser.name,
        counts: input.counts,
        named: input.participants.length,
        consent_on: consent?.on ?? null,
      },
    });
    return id;
  });
}

function summaryOf(r: NonNullable<Awaited<ReturnType<typeof repo.findEvent>>>): EventSummaryDto {
  return {
    id: r.id,
    kind: r.kind as EventKind,
    topic: r.topic,
    organiser: bodyDto(
      r.organiser_name,
      r.organiser_agency_id,
      r.organiser_agency_name,
      r.organiser_commune_code,
      r.organiser_commune_name,
    ),
    heldOn: r.held_on,
    place: r.place,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    participants: r.participants,
    opinions: r.opinions,
    openOpinions: r.open_opinions,
  };
}

export async function listEvents(
  db: Db,
  actor: SessionActor,
  filter: { commune?: string | undefined; kind?: EventKind | undefined; year?: number | undefined },
): Promise<EventSummaryDto[]> {
  const commune = communeFilter(actor, 'opinions.read', filter.commune);
  const rows = await repo.listEvents(db, {
    provinceCode: actor.provinceCode,
    communeCode: commune,
    kind: filter.kind,
    ...(filter.year ? { from: `${String(filter.year)}-01-01`, to: `${String(filter.year)}-12-31` } : {}),
  });
  return rows.map(summaryOf);
}

async function eventFor(db: Db, actor: SessionActor, id: number, action: OpinionsAction) {
  const row = await repo.findEvent(db, actor.provinceCode, id);
  if (!row) throw notFound(NOT_FOUND_EVENT);
  assertOn(actor, action, row.commune_code);
  return row;
}

export function opinionDto(r: repo.OpinionRow, answerDays: number, today: string): OpinionDto {
  const state = r.state as OpinionState;
  return {
    id: r.id,
    eventId: r.event_id,
    eventTopic: r.event_topic,
    text: r.text,
    sentTo: bodyDto(r.sent_to_name, r.sent_to_agency_id, r.sent_to_agency_name, r.sent_to_commune_code, r.sent_to_commune_name),
    state,
    sentOn: r.sent_on,
    dueOn: r.sent_on ? answerDueOn(r.sent_on, answerDays) : null,
    answer: r.answer_text && r.answered_on ? { text: r.answer_text, by: r.answered_by ?? '', on: r.answered_on } : null,
    fedBackOn: r.fed_back_on,
    daysOverdue: opinionDaysOverdue({ state, sentOn: r.sent_on }, answerDays, today),
  };
}

export async function readEvent(db: Db, actor: SessionActor, id: number, now = new Date()): Promise<EventDto> {
  const row = await eventFor(db, actor, id, 'opinions.read');
  const [counts, named, opinions, answerDays] = await Promise.all([
    repo.countsOf(db, id),
    repo.countNamed(db, id),
    repo.opinionsOfEvent(db, id),
    answerDaysOf(db, actor.provinceCode),
  ]);
  const grid: CountsGrid = emptyParticipantCounts();
  for (const c of counts) grid[c.age_group as ParticipantAgeGroup][c.sex as Sex] = c.n;
  const today = vietnamDate(now);
  return {
    ...summaryOf(row),
    counts: grid,
    consent: row.consent_by && row.consent_on ? { given: true, by: row.consent_by, on: row.consent_on } : null,
    named,
    opinionList: opinions.map((o) => opinionDto(o, answerDays, today)),
  };
}

/** The names of the children who took part (kept only with consent): the route logs the read. */
export async function readParticipants(db: Db, actor: SessionActor, id: number): Promise<ParticipantDto[]> {
  await eventFor(db, actor, id, 'opinions.names');
  const rows = await repo.participantsOf(db, id);
  return rows.map((r) => ({ fullName: r.full_name, sex: r.sex as Sex, ageGroup: r.age_group as ParticipantAgeGroup }));
}

// ---------------------------------------------------------------------------------------------
// Opinions

export async function addOpinion(db: Db, actor: SessionActor, eventId: number, input: OpinionInput): Promise<number> {
  await eventFor(db, actor, eventId, 'opinions.record');
  const body = await resolveVoiceBody(db, actor.provinceCode, input.sentTo, 'sentTo');
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertOpinion(trx, {
      province_code: actor.provinceCode,
      event_id: eventId,
      text: input.text,
      sent_to_name: body.name,
      sent_to_agency_id: body.agencyId,
      sent_to_commune_code: body.communeCode,
      state: 'raised',
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'create',
      entity: 'voice_opinion',
      entityId: String(id),
      after: { event_id: eventId, sent_to: body },
    });
    return id;
  });
}

async function opinionFor(db: Db, actor: SessionActor, id: number) {
  const row = await repo.findOpinion(db, actor.provinceCode, id);
  if (!row) throw notFound(NOT_FOUND_OPINION);
  return row;
}

function conflict(vi: string, en: string, field = 'state'): TreError {
  return new TreError(ErrorCode.Conflict, { field, detail: { vi, en } });
}

async function step(
  db: Db,
  actor: SessionActor,
  row: repo.OpinionRow,
  values: Parameters<typeof repo.updateOpinion>[3],
  audit: Record<string, unknown>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ok = await repo.updateOpinion(trx, row.id, row.version, values);
    if (!ok)
      throw conflict(
        'Ý kiến vừa được người khác cập nhật; hãy tải lại',
        'Someone else changed the opinion meanwhile; reload',
        'version',
      );
    await recordAudit(trx, auditActorOf(actor), {
      action: 'update',
      entity: 'voice_opinion',
      entityId: String(row.id),
      before: { state: row.state },
      after: { ...audit, state: values.state },
    });
  });
}

const stateRefusal = (state: string) =>
  conflict(`Ý kiến đang ở bước "${state}", không làm được việc này`, `The opinion is "${state}": this step does not apply`);

/** Sends an opinion to its body (which may be corrected here); a name still unresolved must be fixed first. */
export async function sendOpinion(
  db: Db,
  actor: SessionActor,
  id: number,
  input: { sentTo?: VoiceBodyInput | undefined; sentOn?: string | undefined },
  now = new Date(),
): Promise<void> {
  const row = await opinionFor(db, actor, id);
  assertOn(actor, 'opinions.record', row.event_commune_code);
  if (!mayStep(row.state as OpinionState, 'send')) throw stateRefusal(row.state);
  const body = input.sentTo
    ? await resolveVoiceBody(db, actor.provinceCode, input.sentTo, 'sentTo')
    : { name: row.sent_to_name, agencyId: row.sent_to_agency_id, communeCode: row.sent_to_commune_code };
  if (!body.agencyId && !body.communeCode) {
    throw invalid(
      'sentTo',
      `Chưa xác định được cơ quan nhận "${body.name}": hãy chọn cơ quan hoặc xã, phường trước khi gửi`,
      `"${body.name}" is not resolved to a body: pick the agency or commune before sending`,
    );
  }
  const today = vietnamDate(now);
  const sentOn = input.sentOn ?? today;
  assertDay('sentOn', sentOn, today, {
    day: row.event_held_on,
    vi: 'Ngày gửi không được trước ngày tổ chức',
    en: 'Sent before the event was held',
  });
  await step(
    db,
    actor,
    row,
    {
      state: 'sent',
      sent_on: sentOn,
      sent_to_name: body.name,
      sent_to_agency_id: body.agencyId,
      sent_to_commune_code: body.communeCode,
    },
    { sent_on: sentOn, sent_to: body },
  );
}

/** The addressed body's answer, by one of its users. */
export async function answerOpinion(
  db: Db,
  actor: SessionActor,
  id: number,
  input: { text: string; by: string; on?: string | undefined },
  now = new Date(),
): Promise<void> {
  const row = await opinionFor(db, actor, id);
  if (!mayTakeOn(opinionsPermissions, 'opinions.answer', actor, { actorsBody: isActorsBody(actor, row) })) throw forbidden();
  if (!mayStep(row.state as OpinionState, 'answer')) throw stateRefusal(row.state);
  const today = vietnamDate(now);
  const on = input.on ?? today;
  assertDay('on', on, today, {
    day: row.sent_on ?? on,
    vi: 'Ngày trả lời không được trước ngày gửi',
    en: 'Answered before it was sent',
  });
  await step(
    db,
    actor,
    row,
    { state: 'answered', answer_text: input.text, answered_by: input.by, answered_on: on, answered_by_user: userIdOf(actor) },
    { answered_on: on },
  );
}

/** The day the answer was given back to the children: closes the loop. */
export async function feedBack(db: Db, actor: SessionActor, id: number, input: { on?: string | undefined }, now = new Date()) {
  const row = await opinionFor(db, actor, id);
  assertOn(actor, 'opinions.record', row.event_commune_code);
  if (!mayStep(row.state as OpinionState, 'feedBack')) throw stateRefusal(row.state);
  const today = vietnamDate(now);
  const on = input.on ?? today;
  assertDay('on', on, today, {
    day: row.answered_on ?? on,
    vi: 'Ngày phản hồi không được trước ngày trả lời',
    en: 'Fed back before it was answered',
  });
  await step(db, actor, row, { state: 'fed_back', fed_back_on: on }, { fed_back_on: on });
}

/** The opinions sent to the actor's body and not answered yet. */
export async function inbox(db: Db, actor: SessionActor, now = new Date()): Promise<OpinionDto[]> {
  const rows = await repo.openOpinionsOf(db, actor.provinceCode, {
    ...(actor.agencyId ? { agencyId: actor.agencyId } : {}),
    ...(actor.communeCode ? { communeCode: actor.communeCode } : {}),
  });
  const days = await answerDaysOf(db, actor.provinceCode);
  const today = vietnamDate(now);
  return rows.map((r) => opinionDto(r, days, today));
}

/**
 * The opinions a reporting unit (an agency id or a commune code) has not answered, for its
 * submission page: its own users, or a reader of the whole province.
 */
export async function unansweredBy(db: Db, actor: SessionActor, unit: string, now = new Date()): Promise<OpinionDto[]> {
  const isCommune = /^\d{5}$/.test(unit);
  const own = isCommune ? actor.communeCode === unit : actor.agencyId === unit;
  const answering = own && mayTakeOn(opinionsPermissions, 'opinions.answer', actor, { actorsBody: true });
  const reader = scopeOf(opinionsPermissions, 'opinions.read', actor) === 'province';
  if (!answering && !reader) throw forbidden();
  const rows = await repo.openOpinionsOf(db, actor.provinceCode, isCommune ? { communeCode: unit } : { agencyId: unit });
  const days = await answerDaysOf(db, actor.provinceCode);
  const today = vietnamDate(now);
  return rows.map((r) => opinionDto(r, days, today));
}

// ---------------------------------------------------------------------------------------------
// Overdue

/** Opinions sent and unanswered past their time, as of now (Vietnam's date), most overdue first. */
export async function overdueOpinions(
  db: Db,
  provinceCode: string,
  now: Date,
  communeCode?: string | null,
): Promise<OverdueListDto> {
  const days = await answerDaysOf(db, provinceCode);
  const today = vietnamDate(now);
  // overdue when today is after sent_on + days, i.e. sent before today − days
  const sentBy = answerDueOn(today, -days);
  const rows = await repo.overdueOpinions(db, provinceCode, sentBy, communeCode);
  const opinions = rows.flatMap((r) => {
    const dto = opinionDto(r, days, today);
    if (dto.sentTo.kind === 'unresolved' || dto.sentTo.id === null || !dto.sentOn || !dto.dueOn) return [];
    return [
      {
        id: dto.id,
        event: { id: r.event_id, topic: r.event_topic, heldOn: r.event_held_on },
        text: dto.text,
        sentTo: { kind: dto.sentTo.kind, id: dto.sentTo.id, name: dto.sentTo.name },
        sentOn: dto.sentOn,
        dueOn: dto.dueOn,
        daysOverdue: dto.daysOverdue,
      },
    ];
  });
  opinions.sort((a, b) => b.daysOverdue - a.daysOverdue || a.id - b.id);
  return { asOf: now.toISOString(), opinions };
}

export async function overdueFor(db: Db, actor: SessionActor, commune: string | undefined, now = new Date()) {
  return overdueOpinions(db, actor.provinceCode, now, communeFilter(actor, 'opinions.overdue', commune) ?? null);
}

/**
 * Flags each overdue opinion once to the standing body: an in-app notification to every active
 * user of the agency set as standing body, claimed on the opinion in the same transaction so that
 * a second run (or a second process) never sends it again. The notice names the addressed body
 * and the event's topic, never a child. Without a standing body set, nothing is claimed.
 */
export async function notifyOverdue(db: Db, provinceCode: string, now: Date): Promise<{ notified: number }> {
  const standing = await getStandingBodyId(db, provinceCode);
  if (!standing) return { notified: 0 };
  const { opinions } = await overdueOpinions(db, provinceCode, now);
  if (opinions.length === 0) return { notified: 0 };
  return db.transaction().execute(async (trx) => {
    const won = new Set(
      await repo.claimOverdueNotice(
        trx,
        opinions.map((o) => o.id),
        now,
      ),
    );
    const users = await repo.usersOfAgency(trx, standing);
    const notes = opinions
      .filter((o) => won.has(o.id))
      .flatMap((o) =>
        users.map((user_id) => ({
          user_id,
          kind: 'voice_opinion_overdue',
          title_vi: `Ý kiến trẻ em gửi ${o.sentTo.name} quá hạn trả lời ${String(o.daysOverdue)} ngày (hạn ${o.dueOn})`,
          title_en: `A children's opinion sent to ${o.sentTo.name} is ${String(o.daysOverdue)} days past its answer date (${o.dueOn})`,
          link: '/voices/overdue',
        })),
      );
    if (notes.length > 0) await insertNotifications(trx, notes);
    return { notified: won.size };
  });
}
