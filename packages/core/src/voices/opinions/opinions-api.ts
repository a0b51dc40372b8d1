/**
 * The HTTP contract of children's opinions and forums (server/src/voices/opinions/schemas.ts is
 * checked against these types at compile time). No DTO but ParticipantDto names a child.
 */
import type { Sex } from '../../children/child.ts';
import type { CountsGrid, EventKind, OpinionState, ParticipantAgeGroup } from './opinions.ts';

/** A body an event is organised by or an opinion is sent to: an agency or a commune of the province, or a name not yet resolved. */
export interface VoiceBodyDto {
  kind: 'agency' | 'commune' | 'unresolved';
  /** the agency's id or the commune's code; null when unresolved */
  id: string | null;
  /** the agency's short name, the commune's name, or the name as typed */
  name: string;
}

/** A body as typed: a name resolved like plan bodies, or a picked agency or commune. */
export interface VoiceBodyInput {
  name: string;
  agencyId?: string | null | undefined;
  communeCode?: string | null | undefined;
}

export interface ConsentDto {
  given: boolean;
  /** who gave it (a parent, the carer, the child's school): a role or a name, as written */
  by: string;
  on: string;
}

export interface ParticipantInput {
  fullName: string;
  sex: Sex;
  ageGroup: ParticipantAgeGroup;
}
export type ParticipantDto = ParticipantInput;

export interface EventInput {
  kind: EventKind;
  topic: string;
  organiser: VoiceBodyInput;
  heldOn: string;
  place: string;
  /** the commune it counts for, or null: province-wide */
  communeCode: string | null;
  counts: CountsGrid;
  consent: ConsentDto | null;
  participants: ParticipantInput[];
}

export interface AnswerDto {
  text: string;
  by: string;
  on: string;
}

export interface OpinionDto {
  id: number;
  eventId: number;
  eventTopic: string;
  text: string;
  sentTo: VoiceBodyDto;
  state: OpinionState;
  sentOn: string | null;
  dueOn: string | null;
  answer: AnswerDto | null;
  fedBackOn: string | null;
  daysOverdue: number;
}

export interface EventSummaryDto {
  id: number;
  kind: EventKind;
  topic: string;
  organiser: VoiceBodyDto;
  heldOn: string;
  place: string;
  communeCode: string | null;
  communeName: string | null;
  participants: number;
  opinions: number;
  openOpinions: number;
}

export interface EventDto extends EventSummaryDto {
  counts: CountsGrid;
  consent: ConsentDto | null;
  /** how many children are named (the names themselves: GET …/participants, logged) */
  named: number;
  opinionList: OpinionDto[];
}

export interface OpinionInput {
  text: string;
  sentTo: VoiceBodyInput;
}

export interface VoicesSettingsDto {
  /** days a body has to answer an opinion sent to it */
  answerDays: number;
  standingBodyId: string | null;
}

export interface OverdueOpinionDto {
  id: number;
  event: { id: number; topic: string; heldOn: string };
  text: string;
  sentTo: { kind: 'agency' | 'commune'; id: string; name: string };
  sentOn: string;
  dueOn: string;
  daysOverdue: number;
}

export interface OverdueListDto {
  asOf: string;
  opinions: OverdueOpinionDto[];
}

export interface ParticipationFigureDto {
  communeCode: string | null;
  element: string;
  sex: Sex;
  /** participations (a child at two events counts twice) */
  value: number;
}

export interface ParticipationStatisticsDto {
  period: string;
  events: number;
  figures: ParticipationFigureDto[];
}

export interface PublishParticipationDto {
  period: string;
  communes: number;
  cellsWritten: number;
  locked: string[];
  /** participations at province-wide events: counted in no commune, so not written */
  provinceWide: number;
}
