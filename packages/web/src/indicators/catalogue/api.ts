import type { CatalogueReply, LocalIndicatorDeleteReply, LocalIndicatorRequest } from '@tre/core';
import { api } from '../../api/client.ts';
import { read, type Read } from '../../api/useApi.ts';

/** An indicator as the catalogue stores it, national or local (POST /api/indicators/local replies with one). */
export type StoredIndicator = CatalogueReply['indicators'][number];

/** The catalogue's routes (server indicators/catalogue: the catalogue and the province's local indicators). */
export const catalogueApi = {
  addLocal: (request: LocalIndicatorRequest) => api<StoredIndicator>('POST', '/api/indicators/local', request),
  deleteLocal: (code: string) => api<LocalIndicatorDeleteReply>('DELETE', `/api/indicators/local/${encodeURIComponent(code)}`),
};

/** The catalogue's reads, for useRead. */
export const catalogueReads = {
  catalogue: (): Read<CatalogueReply> => read('/api/indicators/catalogue'),
};
