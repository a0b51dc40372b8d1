import type { ReportingContactDto } from '@tre/core';
import { describe, expect, it } from 'vitest';
import { checkContact, draftOf, filterContacts, foldContacts } from './contactForm.ts';

const contact = (over: Partial<ReportingContactDto> = {}): ReportingContactDto => ({
  unitKind: 'commune',
  unitCode: '16681',
  name: 'Phường Thành Vinh',
  email: null,
  headName: null,
  headEmail: null,
  escalateAfterDays: null,
  updatedAt: null,
  ...over,
});

const draft = (over: Partial<ReturnType<typeof draftOf>> = {}) => ({ ...draftOf(contact()), ...over });

describe('a contact form', () => {
  it('sends blank boxes as null and trims the rest', () => {
    expect(checkContact(draft())).toEqual({
      request: { email: null, headName: null, headEmail: null, escalateAfterDays: null },
      errors: null,
    });
    expect(
      checkContact(draft({ email: ' vp@vinh.gov.vn ', headName: ' Nguyễn Văn A ', headEmail: 'a@x.vn', escalateAfterDays: '7' }))
        .request,
    ).toEqual({ email: 'vp@vinh.gov.vn', headName: 'Nguyễn Văn A', headEmail: 'a@x.vn', escalateAfterDays: 7 });
  });

  it('names each wrong box', () => {
    expect(checkContact(draft({ email: 'vinh.gov.vn', headEmail: 'a b@x.vn' })).errors).toEqual({
      email: 'ctcBadEmail',
      headEmail: 'ctcBadEmail',
    });
    expect(checkContact(draft({ email: 'a@localhost' })).errors).toEqual({ email: 'ctcBadEmail' });
    expect(checkContact(draft({ headName: 'x'.repeat(201) })).errors).toEqual({ headName: 'ctcNameTooLong' });
  });

  it('takes days from 1 to 365, or none', () => {
    expect(checkContact(draft({ escalateAfterDays: '1' })).request?.escalateAfterDays).toBe(1);
    expect(checkContact(draft({ escalateAfterDays: '365' })).request?.escalateAfterDays).toBe(365);
    expect(checkContact(draft({ escalateAfterDays: ' ' })).request?.escalateAfterDays).toBeNull();
    for (const bad of ['0', '366', '-3', '2.5', 'abc', '1e2', '0001']) {
      expect(checkContact(draft({ escalateAfterDays: bad })).errors, bad).toEqual({ escalateAfterDays: 'ctcBadDays' });
    }
  });

  it('shows a stored contact in its boxes', () => {
    expect(draftOf(contact({ email: 'a@b.vn', escalateAfterDays: 10 }))).toEqual({
      email: 'a@b.vn',
      headName: '',
      headEmail: '',
      escalateAfterDays: '10',
    });
  });
});

describe('the contacts table', () => {
  const rows = foldContacts([
    contact({ unitKind: 'agency', unitCode: 'a1', name: 'Sở Giáo dục và Đào tạo' }),
    contact({ unitCode: '1', name: 'Xã Nghi Lộc' }),
    contact({ unitCode: '2', name: 'Phường Trường Vinh' }),
  ]);
  const names = (kind: 'all' | 'agency' | 'commune', search: string) => filterContacts(rows, kind, search).map((r) => r.name);

  it('finds names without diacritics or case, words in any order', () => {
    expect(names('all', 'nghi loc')).toEqual(['Xã Nghi Lộc']);
    expect(names('all', 'DAO GIAO')).toEqual(['Sở Giáo dục và Đào tạo']);
    expect(names('all', '  ')).toHaveLength(3);
  });

  it('keeps one kind, in Vietnamese order', () => {
    expect(names('commune', '')).toEqual(['Phường Trường Vinh', 'Xã Nghi Lộc']);
    expect(names('agency', 'vinh')).toEqual([]);
  });
});
