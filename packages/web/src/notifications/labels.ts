import { isApiPath } from '../api/client.ts';
import type { MessageKey } from '../i18n/messages.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** How often the bell asks for new notifications while the tab is visible. */
export const POLL_MS = 60_000;

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The bell's accessible name: "Thông báo (3 chưa đọc)", or just "Thông báo" when all are read. */
export function bellLabel(t: Translate, unread: number): string {
  return unread > 0 ? t('ntfBellUnread', { n: unread }) : t('ntfBell');
}

/** The count drawn on the bell: never wider than "99+". */
export const badgeCount = (unread: number): string => (unread > 99 ? '99+' : String(unread));

/** dd/mm/yyyy HH:mm of an instant, in Vietnam time (UTC+7, no daylight saving). */
export function formatDayTimeVn(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  // the instant moved by Vietnam's offset, read as UTC: its date and time are Vietnam's
  const shifted = new Date(at + VIETNAM_OFFSET_MS).toISOString();
  return `${shifted.slice(8, 10)}/${shifted.slice(5, 7)}/${shifted.slice(0, 4)} ${shifted.slice(11, 16)}`;
}

/** When a notification came: "vừa xong", "5 phút trước", "3 giờ trước" within a day, else dd/mm/yyyy HH:mm. */
export function formatWhen(t: Translate, iso: string, now: Date): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const minutes = Math.floor((now.getTime() - at) / 60_000);
  if (minutes < 1) return t('ntfJustNow');
  if (minutes < 60) return t('ntfMinutesAgo', { n: minutes });
  if (minutes < 24 * 60) return t('ntfHoursAgo', { n: Math.floor(minutes / 60) });
  return formatDayTimeVn(iso);
}

/** A notification's page, if it is one of this app's (a path, not another site's address nor an API route). */
export function appLink(link: string | null): string | null {
  if (!link?.startsWith('/') || link.startsWith('//') || link.startsWith('/\\') || isApiPath(link)) return null;
  return link;
}
