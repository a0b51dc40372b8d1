import type { ContactUnitKind, ReportingContactDto, ReportingContactRequest } from '@tre/core';
import { foldText } from '@tre/core/text/fold';
import type { MessageKey } from '../../i18n/messages.ts';

/** A contact as typed in the form: every box a string, empty for none. */
export interface ContactDraft {
  email: string;
  headName: string;
  headEmail: string;
  escalateAfterDays: string;
}

export type ContactField = keyof ContactDraft;

export const draftOf = (c: ReportingContactDto): ContactDraft => ({
  email: c.email ?? '',
  headName: c.headName ?? '',
  headEmail: c.headEmail ?? '',
  escalateAfterDays: c.escalateAfterDays === null ? '' : String(c.escalateAfterDays),
});

// the shape the server's zod e-mail takes, loosely: something@domain.tld, no spaces; the server checks again
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const MAX_EMAIL = 254;
const MAX_NAME = 200;

const email = (s: string): { value: string | null; error?: MessageKey } => {
  const v = s.trim();
  if (v === '') return { value: null };
  return v.length <= MAX_EMAIL && EMAIL.test(v) ? { value: v } : { value: null, error: 'ctcBadEmail' };
};

/**
 * The request a draft makes, or the message of each box that is wrong: e-mails of the usual shape
 * (or empty), the head's name up to 200 characters, the days a whole number from 1 to 365 (or empty:
 * never escalated). Blank boxes are sent as null.
 */
export function checkContact(
  d: ContactDraft,
): { request: ReportingContactRequest; errors: null } | { request: null; errors: Partial<Record<ContactField, MessageKey>> } {
  const errors: Partial<Record<ContactField, MessageKey>> = {};
  const mail = email(d.email);
  if (mail.error) errors.email = mail.error;
  const headMail = email(d.headEmail);
  if (headMail.error) errors.headEmail = headMail.error;
  const headName = d.headName.trim();
  if (headName.length > MAX_NAME) errors.headName = 'ctcNameTooLong';
  const daysText = d.escalateAfterDays.trim();
  const days = daysText === '' ? null : /^\d{1,3}$/.test(daysText) ? Number(daysText) : NaN;
  if (days !== null && !(days >= 1 && days <= 365)) errors.escalateAfterDays = 'ctcBadDays';
  if (Object.keys(errors).length > 0) return { request: null, errors };
  return {
    request: { email: mail.value, headName: headName || null, headEmail: headMail.value, escalateAfterDays: days },
    errors: null,
  };
}

/** A row with its name folded once, for searching without diacritics. */
export interface FoldedContact {
  contact: ReportingContactDto;
  name: string;
}

export const contactKey = (c: Pick<ReportingContactDto, 'unitKind' | 'unitCode'>): string => `${c.unitKind}:${c.unitCode}`;

const VIETNAMESE = new Intl.Collator('vi');

/** The rows in Vietnamese order (agencies, then communes), each with its name folded for the search. */
export const foldContacts = (rows: readonly ReportingContactDto[]): FoldedContact[] =>
  [...rows]
    .sort((a, b) => (a.unitKind === b.unitKind ? VIETNAMESE.compare(a.name, b.name) : a.unitKind === 'agency' ? -1 : 1))
    .map((contact) => ({ contact, name: foldText(contact.name) }));

/** The rows of a kind (or every kind) whose name holds every word searched, in any order, without diacritics or case. */
export function filterContacts(
  rows: readonly FoldedContact[],
  kind: ContactUnitKind | 'all',
  search: string,
): ReportingContactDto[] {
  const words = foldText(search).trim().split(/\s+/).filter(Boolean);
  return rows
    .filter((r) => (kind === 'all' || r.contact.unitKind === kind) && words.every((w) => r.name.includes(w)))
    .map((r) => r.contact);
}
