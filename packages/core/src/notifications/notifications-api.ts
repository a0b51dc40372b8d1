/**
 * In-app notifications (issue 14): messages to one user — reminders of a report owed today, alerts
 * of the standing body — each in Vietnamese and English, with the page it is about.
 */
export interface NotificationDto {
  id: number;
  /** what it is about: 'reminder', 'escalation' (later modules add theirs) */
  kind: string;
  title: { vi: string; en: string };
  /** a page of the web app, e.g. /reporting/rounds/:id */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** GET /api/notifications: the caller's latest notifications, newest first, and how many are unread. */
export interface NotificationListReply {
  items: NotificationDto[];
  unread: number;
}

/** POST /api/notifications/:id/read and POST /api/notifications/read-all. */
export interface NotificationReadReply {
  unread: number;
}
