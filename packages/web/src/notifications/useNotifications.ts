import type { NotificationDto } from '@tre/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { notificationsApi } from './api.ts';
import { POLL_MS } from './labels.ts';

/**
 * The signed-in user's notifications: fetched at once, then every minute while the tab is visible
 * and again whenever it becomes visible; `refresh` fetches now (the bell opening). A reply that
 * arrives after a newer one is dropped, so a slow poll never undoes a read.
 */
export function useNotifications() {
  const [items, setItems] = useState<NotificationDto[]>([]);
  const [unread, setUnread] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const live = useRef(true);

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const reply = await notificationsApi.list();
      if (!live.current || mine !== seq.current) return;
      setItems(reply.items);
      setUnread(reply.unread);
      setError(null);
    } catch (e) {
      if (live.current && mine === seq.current) setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    live.current = true;
    void refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, POLL_MS);
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      live.current = false;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [refresh]);

  /** Marks an unread one read on the screen at once, then on the server (whose count is then shown). */
  const markRead = useCallback(async (notification: NotificationDto) => {
    if (notification.readAt !== null) return;
    seq.current++; // a poll in flight would bring back the old state
    const now = new Date().toISOString();
    setItems((list) => list.map((n) => (n.id === notification.id ? { ...n, readAt: now } : n)));
    setUnread((u) => Math.max(0, u - 1));
    try {
      const reply = await notificationsApi.read(notification.id);
      if (live.current) setUnread(reply.unread);
    } catch (e) {
      if (live.current) setError(errorMessage(e));
    }
  }, []);

  const markAllRead = useCallback(async () => {
    seq.current++;
    try {
      const reply = await notificationsApi.readAll();
      if (!live.current) return;
      const now = new Date().toISOString();
      setItems((list) => list.map((n) => (n.readAt === null ? { ...n, readAt: now } : n)));
      setUnread(reply.unread);
      setError(null);
    } catch (e) {
      if (live.current) setError(errorMessage(e));
    }
  }, []);

  return { items, unread, error, refresh, markRead, markAllRead };
}
