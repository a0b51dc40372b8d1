/**
 * Where a reporting body's reminders go (issue 14): its reporting mailbox, its head, and after how
 * many days late a report is escalated to the head. Kept per body (an agency: its id; a commune: its
 * code), beside the in-app notifications that reach the body's users.
 */
export type ContactUnitKind = 'agency' | 'commune';

/** A row of GET /api/reporting/contacts: every agency and commune of the province, with or without a contact. */
export interface ReportingContactDto {
  unitKind: ContactUnitKind;
  unitCode: string;
  name: string;
  email: string | null;
  headName: string | null;
  headEmail: string | null;
  /** null: never escalated */
  escalateAfterDays: number | null;
  /** null: never set */
  updatedAt: string | null;
}

export interface ReportingContactListReply {
  items: ReportingContactDto[];
}

/** PUT /api/reporting/contacts/:unitKind/:unitCode: the whole contact, null where there is none. */
export interface ReportingContactRequest {
  email: string | null;
  headName: string | null;
  headEmail: string | null;
  escalateAfterDays: number | null;
}
