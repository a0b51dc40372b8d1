import {
  EVENT_KINDS,
  MAX_ANSWER_DAYS,
  MAX_PARTICIPANTS,
  OPINION_STATES,
  PARTICIPANT_AGE_GROUPS,
  type EventDto,
  type EventInput,
  type EventSummaryDto,
  type OpinionDto,
  type OpinionInput,
  type OverdueListDto,
  type ParticipantDto,
  type ParticipationStatisticsDto,
  type PublishParticipationDto,
  type VoicesSettingsDto,
} from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../../http/contract.ts';

/** The zod side of core/voices/opinions/opinions-api.ts, checked against it at the bottom. */

const Commune = z.string().regex(/^\d{5}$/);
const IsoDate = z.iso.date();
const Sex = z.enum(['male', 'female']);
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\r\n]/.test(s), 'một dòng / single line');
const text = (max: number) => z.string().trim().min(1).max(max);

export const IdParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const UnitParams = z.object({ unit: z.union([Commune, z.uuid()]) });

const BodyInput = z.object({
  name: line(300),
  agencyId: z.uuid().nullable().optional(),
  communeCode: Commune.nullable().optional(),
});
const Body = z.object({ kind: z.enum(['agency', 'commune', 'unresolved']), id: z.string().nullable(), name: z.string() });

const Count = z.number().int().min(0).max(MAX_PARTICIPANTS);
const Cell = z.object({ male: Count, female: Count });
const Counts = z.object({ u7: Cell, '7_10': Cell, '11_15': Cell, '16_17': Cell });
const Consent = z.object({ given: z.boolean(), by: line(200), on: IsoDate });
const Participant = z.object({ fullName: line(100), sex: Sex, ageGroup: z.enum(PARTICIPANT_AGE_GROUPS) });

export const EventBody = z.object({
  kind: z.enum(EVENT_KINDS),
  topic: line(500),
  organiser: BodyInput,
  heldOn: IsoDate,
  place: line(300),
  communeCode: Commune.nullable(),
  counts: Counts,
  consent: Consent.nullable(),
  participants: z.array(Participant).max(2000),
});

export const EventsQuery = z.object({
  commune: Commune.optional(),
  kind: z.enum(EVENT_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const EventSummarySchema = z.object({
  id: z.number(),
  kind: z.enum(EVENT_KINDS),
  topic: z.string(),
  organiser: Body,
  heldOn: z.string(),
  place: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  participants: z.number(),
  opinions: z.number(),
  openOpinions: z.number(),
});

export const OpinionSchema = z.object({
  id: z.number(),
  eventId: z.number(),
  eventTopic: z.string(),
  text: z.string(),
  sentTo: Body,
  state: z.enum(OPINION_STATES),
  sentOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  answer: z.object({ text: z.string(), by: z.string(), on: z.string() }).nullable(),
  fedBackOn: z.string().nullable(),
  daysOverdue: z.number(),
});

export const EventSchema = EventSummarySchema.extend({
  counts: Counts,
  consent: Consent.nullable(),
  named: z.number(),
  opinionList: z.array(OpinionSchema),
});

export const ParticipantSchema = Participant;

export const OpinionBody = z.object({ text: text(2000), sentTo: BodyInput });
export const SendBody = z.object({ sentTo: BodyInput.optional(), sentOn: IsoDate.optional() });
export const AnswerBody = z.object({ text: text(4000), by: line(200), on: IsoDate.optional() });
export const FeedBackBody = z.object({ on: IsoDate.optional() });

export const CommuneQuery = z.object({ commune: Commune.optional() });

export const OverdueSchema = z.object({
  asOf: z.string(),
  opinions: z.array(
    z.object({
      id: z.number(),
      event: z.object({ id: z.number(), topic: z.string(), heldOn: z.string() }),
      text: z.string(),
      sentTo: z.object({ kind: z.enum(['agency', 'commune']), id: z.string(), name: z.string() }),
      sentOn: z.string(),
      dueOn: z.string(),
      daysOverdue: z.number(),
    }),
  ),
});

export const SettingsSchema = z.object({ answerDays: z.number(), standingBodyId: z.string().nullable() });
export const SettingsBody = z.object({ answerDays: z.number().int().min(1).max(MAX_ANSWER_DAYS) });

export const StatisticsQuery = z.object({ period: z.string().max(10), commune: Commune.optional() });
export const StatisticsSchema = z.object({
  period: z.string(),
  events: z.number(),
  figures: z.array(z.object({ communeCode: z.string().nullable(), element: z.string(), sex: Sex, value: z.number() })),
});
export const PublishBody = z.object({ period: z.string().max(10) });
export const PublishSchema = z.object({
  period: z.string(),
  communes: z.number(),
  cellsWritten: z.number(),
  locked: z.array(z.string()),
  provinceWide: z.number(),
});

export type OpinionsContractChecks = [
  Expect<Same<z.infer<typeof EventBody>, EventInput>>,
  Expect<Same<z.infer<typeof EventSummarySchema>, EventSummaryDto>>,
  Expect<Same<z.infer<typeof EventSchema>, EventDto>>,
  Expect<Same<z.infer<typeof OpinionSchema>, OpinionDto>>,
  Expect<Same<z.infer<typeof OpinionBody>, OpinionInput>>,
  Expect<Same<z.infer<typeof ParticipantSchema>, ParticipantDto>>,
  Expect<Same<z.infer<typeof OverdueSchema>, OverdueListDto>>,
  Expect<Same<z.infer<typeof SettingsSchema>, VoicesSettingsDto>>,
  Expect<Same<z.infer<typeof StatisticsSchema>, ParticipationStatisticsDto>>,
  Expect<Same<z.infer<typeof PublishSchema>, PublishParticipationDto>>,
];
