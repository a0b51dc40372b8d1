import type {
  EventDto,
  EventInput,
  EventKind,
  EventSummaryDto,
  OpinionDto,
  OpinionInput,
  OverdueListDto,
  ParticipantDto,
  ParticipationStatisticsDto,
  PublishParticipationDto,
  VoiceBodyInput,
  VoicesSettingsDto,
} from '@tre/core';
import { api } from '../../api/client.ts';
import { read, type Read } from '../../api/useApi.ts';

/** The children's opinions and forums' routes (issue 17), typed with core's opinions-api.ts. */

const eventUrl = (id: number) => `/api/voices/events/${encodeURIComponent(String(id))}`;
const opinionUrl = (id: number) => `/api/voices/opinions/${encodeURIComponent(String(id))}`;

export const opinionsApi = {
  createEvent: (input: EventInput) => api<{ id: number }>('POST', '/api/voices/events', input),
  addOpinion: (eventId: number, input: OpinionInput) => api<{ id: number }>('POST', `${eventUrl(eventId)}/opinions`, input),
  send: (id: number, input: { sentTo?: VoiceBodyInput; sentOn?: string }) =>
    api<{ ok: true }>('POST', `${opinionUrl(id)}/send`, input),
  answer: (id: number, input: { text: string; by: string; on?: string }) =>
    api<{ ok: true }>('POST', `${opinionUrl(id)}/answer`, input),
  feedBack: (id: number, input: { on?: string }) => api<{ ok: true }>('POST', `${opinionUrl(id)}/feedback`, input),
  setSettings: (answerDays: number) => api<VoicesSettingsDto>('PUT', '/api/voices/settings', { answerDays }),
  publish: (period: string) => api<PublishParticipationDto>('POST', '/api/voices/statistics/publish', { period }),
};

export const opinionsReads = {
  events: (filter: { commune?: string; kind?: EventKind; year?: number } = {}): Read<{ items: EventSummaryDto[] }> => {
    const q = new URLSearchParams();
    if (filter.commune) q.set('commune', filter.commune);
    if (filter.kind) q.set('kind', filter.kind);
    if (filter.year) q.set('year', String(filter.year));
    const s = q.toString();
    return read(`/api/voices/events${s ? `?${s}` : ''}`);
  },
  event: (id: number): Read<EventDto> => read(eventUrl(id)),
  participants: (id: number): Read<{ items: ParticipantDto[] }> => read(`${eventUrl(id)}/participants`),
  inbox: (): Read<{ items: OpinionDto[] }> => read('/api/voices/inbox'),
  unanswered: (unit: string): Read<{ items: OpinionDto[] }> => read(`/api/voices/unanswered/${encodeURIComponent(unit)}`),
  overdue: (): Read<OverdueListDto> => read('/api/voices/overdue'),
  settings: (): Read<VoicesSettingsDto> => read('/api/voices/settings'),
  /** a commune's participations, or those the reader reaches (the province's) */
  statistics: (period: string, commune?: string): Read<ParticipationStatisticsDto> =>
    read(`/api/voices/statistics?${new URLSearchParams({ period, ...(commune ? { commune } : {}) }).toString()}`),
};
