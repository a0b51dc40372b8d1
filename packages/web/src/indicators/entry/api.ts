import type { DataSetKind, EntryFormDto, SaveValuesReply, SaveValuesRequest } from '@tre/core';
import { api } from '../../api/client.ts';
import { read, type Read } from '../../api/useApi.ts';

/** The entry form's routes (server indicators/entry: GET and PUT /api/data-values). */
export const entryApi = {
  save: (request: SaveValuesRequest) => api<SaveValuesReply>('PUT', '/api/data-values', request),
};

/** The entry form's reads, for useRead (or fetchRead, to await the stored form after a save). */
export const entryReads = {
  form: (q: { unit: string; period: string; dataSet: DataSetKind }): Read<EntryFormDto> =>
    read(`/api/data-values?${new URLSearchParams(q).toString()}`),
};
