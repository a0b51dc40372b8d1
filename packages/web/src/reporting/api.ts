import type {
  RoundReminderDto,
  OpenRoundRequest,
  ReopenSubmissionRequest,
  ReportBuildDto,
  ReportDraftDto,
  ReturnSubmissionRequest,
  RoundBoardDto,
  RoundBodiesRequest,
  RoundDto,
  RoundSummaryDto,
  SaveReportDraftRequest,
  SaveSubmissionRequest,
  SubmissionDto,
  UpdateRoundRequest,
} from '@tre/core';
import { api } from '../api/client.ts';
import { read, type Read } from '../api/useApi.ts';

/** A document a build holds. */
export type ReportFormat = ReportBuildDto['formats'][number];

const roundUrl = (id: string) => `/api/rounds/${encodeURIComponent(id)}`;
const submissionUrl = (roundId: string, unit: string) => `${roundUrl(roundId)}/submissions/${encodeURIComponent(unit)}`;
const reportUrl = (roundId: string) => `${roundUrl(roundId)}/report`;

/** The reporting module's routes (server reporting/routes.ts, reporting/consolidated/routes.ts), typed with core's reporting-api.ts. */
export const reportingApi = {
  openRound: (request: OpenRoundRequest) => api<RoundDto>('POST', '/api/rounds', request),
  updateRound: (id: string, patch: UpdateRoundRequest) => api<RoundDto>('PATCH', roundUrl(id), patch),
  adjustBodies: (id: string, request: RoundBodiesRequest) => api<RoundDto>('PUT', `${roundUrl(id)}/bodies`, request),

  saveSubmission: (roundId: string, unit: string, request: SaveSubmissionRequest) =>
    api<SubmissionDto>('PUT', submissionUrl(roundId, unit), request),
  submit: (roundId: string, unit: string) => api<SubmissionDto>('POST', `${submissionUrl(roundId, unit)}/submit`),
  returnSubmission: (roundId: string, unit: string, request: ReturnSubmissionRequest) =>
    api<SubmissionDto>('POST', `${submissionUrl(roundId, unit)}/return`, request),
  accept: (roundId: string, unit: string) => api<SubmissionDto>('POST', `${submissionUrl(roundId, unit)}/accept`),
  reopen: (roundId: string, unit: string, request: ReopenSubmissionRequest) =>
    api<SubmissionDto>('POST', `${submissionUrl(roundId, unit)}/reopen`, request),

  saveReport: (roundId: string, request: SaveReportDraftRequest) => api<ReportDraftDto>('PUT', reportUrl(roundId), request),
  /** drops the officer's edits: the text is assembled again from the submissions */
  assembleAgain: (roundId: string) => api<ReportDraftDto>('DELETE', reportUrl(roundId)),
  build: (roundId: string) => api<ReportBuildDto>('POST', `${reportUrl(roundId)}/builds`),
  /** a document of a build, for a download link */
  buildHref: (roundId: string, buildId: string, format: ReportFormat) =>
    `${reportUrl(roundId)}/builds/${encodeURIComponent(buildId)}/${format}`,
};

/** The reporting module's reads, for useRead. */
export const reportingReads = {
  /** every round with its counts (the standing body, leaders) */
  rounds: (): Read<{ items: RoundSummaryDto[] }> => read('/api/rounds'),
  /** the rounds the caller's own body owes, with its own counts */
  mine: (): Read<{ items: RoundSummaryDto[] }> => read('/api/rounds/mine'),
  board: (id: string): Read<RoundBoardDto> => read(roundUrl(id)),
  reminders: (id: string): Read<{ items: RoundReminderDto[] }> => read(`${roundUrl(id)}/reminders`),
  submission: (roundId: string, unit: string): Read<SubmissionDto> => read(submissionUrl(roundId, unit)),
  report: (roundId: string): Read<ReportDraftDto> => read(reportUrl(roundId)),
  builds: (roundId: string): Read<{ items: ReportBuildDto[] }> => read(`${reportUrl(roundId)}/builds`),
};
