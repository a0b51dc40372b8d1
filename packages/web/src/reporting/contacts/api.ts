import type { ContactUnitKind, ReportingContactDto, ReportingContactListReply, ReportingContactRequest } from '@tre/core';
import { api } from '../../api/client.ts';
import { read, type Read } from '../../api/useApi.ts';

const CONTACTS = '/api/reporting/contacts';

/** Where each body's reminders go (server reporting/contacts/routes.ts), typed with core's contacts-api.ts. */
export const contactsApi = {
  /** the whole contact of one agency (by id) or commune (by code), null where there is none */
  set: (unitKind: ContactUnitKind, unitCode: string, request: ReportingContactRequest) =>
    api<ReportingContactDto>('PUT', `${CONTACTS}/${unitKind}/${encodeURIComponent(unitCode)}`, request),
};

export const contactsReads = {
  /** every agency, then every commune, of the province, with or without a contact */
  list: (): Read<ReportingContactListReply> => read(CONTACTS),
};
