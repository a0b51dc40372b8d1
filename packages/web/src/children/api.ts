import type { ChildDto, ChildField, ChildImportReport, ChildSummaryDto, CircumstanceGroup, DuplicatePairDto } from '@tre/core';
import { api, apiUpload } from '../api/client.ts';
import { read, type Read } from '../api/useApi.ts';

/** What the register's list asks (GET /api/children); unset filters are left out. */
export interface ChildListFilter {
  q?: string;
  commune?: string;
  birthYear?: number;
  group?: CircumstanceGroup;
  includeInactive?: boolean;
  limit: number;
  offset: number;
}

export type DuplicateStatus = 'pending' | 'merged' | 'different';

export interface MembershipChange {
  startedOn: string | null;
  endedOn: string | null;
  support: string | null;
}

/** One look at a record, as the administrator's "who looked at it" shows it (GET /api/children/:id/readers). */
export interface RecordReader {
  at: string;
  username: string | null;
  route: string;
  status: number;
  reason: string | null;
}

const childUrl = (id: number) => `/api/children/${encodeURIComponent(String(id))}`;
const pairUrl = (id: number) => `/api/children/duplicates/${encodeURIComponent(String(id))}`;
const jobUrl = (job: string) => `/api/children/imports/${encodeURIComponent(job)}`;

export function listParams(f: ChildListFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q?.trim()) p.set('q', f.q.trim());
  if (f.commune) p.set('commune', f.commune);
  if (f.birthYear !== undefined) p.set('birthYear', String(f.birthYear));
  if (f.group) p.set('group', f.group);
  if (f.includeInactive) p.set('includeInactive', 'true');
  p.set('limit', String(f.limit));
  p.set('offset', String(f.offset));
  return p;
}

/** The children register's routes (server children/routes.ts), typed with core's children-api.ts. */
export const childrenApi = {
  /** one record, ID whole; `reason` for a record outside the reader's commune (kept in the read log) */
  child: (id: number, reason?: string) =>
    api<ChildDto>('GET', reason ? `${childUrl(id)}?${new URLSearchParams({ reason }).toString()}` : childUrl(id)),
  /** a register file as an import job; `map` is the column mapping (file header → field key, `-`, `#n`) */
  upload: (file: File, map: Record<string, string> | null) => {
    const p = new URLSearchParams({ fileName: file.name });
    if (map && Object.keys(map).length > 0) p.set('map', JSON.stringify(map));
    return apiUpload<{ jobId: string }>(`/api/children/imports?${p.toString()}`, file);
  },
  report: (job: string) => api<ChildImportReport>('GET', jobUrl(job)),
  /** the refused rows of an import, as Excel, for a download link */
  rejectionsHref: (job: string) => `${jobUrl(job)}/rejections.xlsx`,
  /** the register (one commune's, or the reach of the user) as Excel, filtered as the list is, for a download link */
  exportHref: (filters: { commune?: string | null; birthYear?: number | undefined; group?: string | undefined }) => {
    const query = new URLSearchParams();
    if (filters.commune) query.set('commune', filters.commune);
    if (filters.birthYear !== undefined) query.set('birthYear', String(filters.birthYear));
    if (filters.group) query.set('group', filters.group);
    const text = query.toString();
    return text ? `/api/children/export.xlsx?${text}` : '/api/children/export.xlsx';
  },
  /** a record typed on the screen: the layout's fields as text (ChildForm's childBody) */
  create: (body: Record<ChildField, string | null>) => api<{ id: number }>('POST', '/api/children', body),
  /** a change of a record, refused when someone changed it since `version` was read */
  update: (id: number, body: Record<ChildField, string | null>, version: number) =>
    api<undefined>('PATCH', childUrl(id), { ...body, version }),
  /** a group membership's dates and the support received */
  updateMembership: (id: number, membership: number, body: MembershipChange) =>
    api<undefined>('PATCH', `${childUrl(id)}/groups/${encodeURIComponent(String(membership))}`, body),
  merge: (pair: number, keep: 'a' | 'b') => api<{ kept: number; merged: number }>('POST', `${pairUrl(pair)}/merge`, { keep }),
  markDifferent: (pair: number) => api<undefined>('POST', `${pairUrl(pair)}/different`),
  undoMerge: (pair: number) => api<undefined>('POST', `${pairUrl(pair)}/undo`),
};

/** The register's reads, for useRead. */
export const childrenReads = {
  list: (f: ChildListFilter): Read<{ items: ChildSummaryDto[] }> => read(`/api/children?${listParams(f).toString()}`),
  readers: (id: number): Read<{ items: RecordReader[] }> => read(`${childUrl(id)}/readers`),
  duplicates: (status: DuplicateStatus): Read<{ items: DuplicatePairDto[] }> =>
    read(`/api/children/duplicates?${new URLSearchParams({ status }).toString()}`),
};
