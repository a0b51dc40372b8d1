import type { NotificationListReply, NotificationReadReply } from '@tre/core';
import { api } from '../api/client.ts';

/** A user's own notifications (server notifications/routes.ts), typed with core's notifications-api.ts. */
export const notificationsApi = {
  /** the caller's latest 50, newest first, and how many are unread */
  list: () => api<NotificationListReply>('GET', '/api/notifications'),
  read: (id: number) => api<NotificationReadReply>('POST', `/api/notifications/${encodeURIComponent(String(id))}/read`),
  readAll: () => api<NotificationReadReply>('POST', '/api/notifications/read-all'),
};
