import { formatMessage } from '@tre/core';
import { describe, expect, it } from 'vitest';
import { en, vi, type MessageKey } from '../i18n/messages.ts';
import { appLink, badgeCount, bellLabel, formatDayTimeVn, formatWhen } from './labels.ts';

const tVi = (key: MessageKey, params?: Record<string, string | number>) => formatMessage(vi[key], params);
const tEn = (key: MessageKey, params?: Record<string, string | number>) => formatMessage(en[key] ?? vi[key], params);

describe('the bell', () => {
  it('names its unread count in its accessible name, in both languages', () => {
    expect(bellLabel(tVi, 3)).toBe('Thông báo (3 chưa đọc)');
    expect(bellLabel(tEn, 3)).toBe('Notifications (3 unread)');
    expect(bellLabel(tVi, 0)).toBe('Thông báo');
    expect(bellLabel(tEn, 0)).toBe('Notifications');
  });

  it('draws at most 99+', () => {
    expect(badgeCount(7)).toBe('7');
    expect(badgeCount(99)).toBe('99');
    expect(badgeCount(100)).toBe('99+');
  });
});

describe('when a notification came', () => {
  const now = new Date('2025-07-01T10:00:00Z');
  it('is relative within a day', () => {
    expect(formatWhen(tVi, '2025-07-01T09:59:40Z', now)).toBe('vừa xong');
    expect(formatWhen(tVi, '2025-07-01T09:55:00Z', now)).toBe('5 phút trước');
    expect(formatWhen(tEn, '2025-07-01T07:10:00Z', now)).toBe('2 h ago');
    // a clock a little ahead of the browser's is "just now", not "-1 minutes"
    expect(formatWhen(tEn, '2025-07-01T10:00:30Z', now)).toBe('just now');
  });

  it('is dd/mm/yyyy HH:mm in Vietnam time after a day', () => {
    expect(formatWhen(tVi, '2025-06-29T17:30:00Z', now)).toBe('30/06/2025 00:30');
    expect(formatDayTimeVn('2025-12-31T16:59:00Z')).toBe('31/12/2025 23:59');
    expect(formatDayTimeVn('2025-12-31T17:00:00Z')).toBe('01/01/2026 00:00');
    expect(formatDayTimeVn('not a date')).toBe('not a date');
  });
});

describe("a notification's link", () => {
  it("is followed only to this app's pages", () => {
    expect(appLink('/reporting/rounds/abc')).toBe('/reporting/rounds/abc');
    expect(appLink(null)).toBeNull();
    expect(appLink('https://example.org/')).toBeNull();
    expect(appLink('//example.org/')).toBeNull();
    expect(appLink('/\\example.org')).toBeNull();
    expect(appLink('javascript:alert(1)')).toBeNull();
    expect(appLink('/api/notifications')).toBeNull();
  });
});
