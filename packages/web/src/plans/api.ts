import type {
  BodyDecisionReply,
  BodyDecisionRequest,
  OverdueTaskDto,
  PlanCalendarReply,
  PlanDetailDto,
  PlanParseReply,
  PlanSaveRequest,
  PlanSummaryDto,
  PlanTaskDto,
  PlanTaskListReply,
  TaskPatchRequest,
  TaskProgressDto,
  TaskProgressRequest,
  UndecidedLeadsDto,
} from '@tre/core';
import { api, apiUpload } from '../api/client.ts';
import { read, type Read } from '../api/useApi.ts';

/**
 * The filters of GET /api/plans/:id/tasks (core plan-api.ts names them in a comment only, so the
 * web spells them here); an absent filter is not sent.
 */
export interface PlanTaskFilter {
  year?: number;
  period?: string;
  agencyId?: string | null;
  communeCode?: string | null;
}

/** A stored file as POST /api/files replies: the evidence a progress report points to. */
export type StoredFile = NonNullable<TaskProgressDto['evidence']>;

const planUrl = (id: string) => `/api/plans/${encodeURIComponent(id)}`;
const taskUrl = (taskId: string) => `/api/plans/tasks/${encodeURIComponent(taskId)}`;

function tasksUrl(planId: string, filter: PlanTaskFilter = {}): string {
  const q = new URLSearchParams();
  if (filter.year !== undefined) q.set('year', String(filter.year));
  if (filter.period) q.set('period', filter.period);
  if (filter.agencyId) q.set('agencyId', filter.agencyId);
  if (filter.communeCode) q.set('communeCode', filter.communeCode);
  const query = q.toString();
  return query ? `${planUrl(planId)}/tasks?${query}` : `${planUrl(planId)}/tasks`;
}

/** The plans module's routes, typed with core's API types (core/plans/plan-api.ts). */
export const plansApi = {
  /** reads a plan document (raw bytes); nothing is stored */
  parse: (file: File) => apiUpload<PlanParseReply>(`/api/plans/parse?fileName=${encodeURIComponent(file.name)}`, file),
  create: (request: PlanSaveRequest) => api<PlanDetailDto>('POST', '/api/plans', request),
  remove: (id: string) => api<unknown>('DELETE', planUrl(id)),
  patchTask: (taskId: string, patch: TaskPatchRequest) => api<PlanTaskDto>('PATCH', taskUrl(taskId), patch),
  recordProgress: (taskId: string, request: TaskProgressRequest) =>
    api<TaskProgressDto>('PUT', `${taskUrl(taskId)}/progress`, request),
  decideBody: (planId: string, request: BodyDecisionRequest) =>
    api<BodyDecisionReply>('PUT', `${planUrl(planId)}/bodies`, request),
  /**
   * The files module has no screen of its own: a task's evidence is the only file the web sends
   * it, so its upload and download live with the plans' client.
   */
  uploadEvidence: (file: File) => apiUpload<StoredFile>(`/api/files?fileName=${encodeURIComponent(file.name)}`, file),
  evidenceHref: (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`,
};

/** The plans module's reads, for useRead. */
export const plansReads = {
  plans: (): Read<{ items: PlanSummaryDto[] }> => read('/api/plans'),
  plan: (id: string): Read<PlanDetailDto> => read(planUrl(id)),
  tasks: (planId: string, filter?: PlanTaskFilter): Read<PlanTaskListReply> => read(tasksUrl(planId, filter)),
  calendar: (planId: string, year: number): Read<PlanCalendarReply> => read(`${planUrl(planId)}/calendar?year=${year}`),
  overdue: (): Read<{ items: OverdueTaskDto[] }> => read('/api/plans/overdue'),
  undecidedLeads: (): Read<{ items: UndecidedLeadsDto[] }> => read('/api/plans/undecided-leads'),
};
