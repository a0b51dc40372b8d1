import type { NotificationListReply } from '@tre/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { COMMUNE_A, makeUser, signIn, type Session } from '../test/factories.ts';
import { insertNotifications } from './repository.ts';

/** A user reads and marks only their own notifications; another's id is as good as none. */
let t: TestApp;
let mine: Session;
let theirs: Session;
let myId: string;
let theirId: string;

const note = (userId: string, n: number) => ({
  user_id: userId,
  kind: 'reminder',
  title_vi: `Nhắc báo cáo ${n}`,
  title_en: `Report reminder ${n}`,
  link: `/reporting/rounds/r${n}`,
});

async function list(s: Session): Promise<NotificationListReply> {
  const res = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: s.headers });
  expect(res.statusCode).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await startTestApp();
  const me = await makeUser(t.db, { role: 'commune_officer', communeCode: COMMUNE_A });
  const other = await makeUser(t.db, { role: 'viewer' });
  myId = me.id;
  theirId = other.id;
  mine = await signIn(t.app, me.username);
  theirs = await signIn(t.app, other.username);
  await insertNotifications(t.db.kysely, [note(myId, 1), note(myId, 2), note(theirId, 3), note(myId, 4)]);
});
afterAll(async () => {
  await t.close();
});

describe('notifications', () => {
  it('lists the caller’s own, newest first, with the unread count; nothing without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    const reply = await list(mine);
    expect(reply.unread).toBe(3);
    expect(reply.items.map((i) => i.title)).toEqual([
      { vi: 'Nhắc báo cáo 4', en: 'Report reminder 4' },
      { vi: 'Nhắc báo cáo 2', en: 'Report reminder 2' },
      { vi: 'Nhắc báo cáo 1', en: 'Report reminder 1' },
    ]);
    expect(reply.items[0]).toMatchObject({ kind: 'reminder', link: '/reporting/rounds/r4', readAt: null });
    expect((await list(theirs)).items.map((i) => i.title.vi)).toEqual(['Nhắc báo cáo 3']);
  });

  it('marks one of one’s own read; another user’s id is not found and stays unread', async () => {
    const theirNote = (await list(theirs)).items[0];
    const other = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${theirNote?.id ?? 0}/read`,
      headers: mine.headers,
    });
    expect(other.statusCode).toBe(404);
    expect((await list(theirs)).unread).toBe(1);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/notifications/999999999/read', headers: mine.headers })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/notifications/abc/read', headers: mine.headers })).statusCode).toBe(
      400,
    );

    const [latest] = (await list(mine)).items;
    const url = `/api/notifications/${latest?.id ?? 0}/read`;
    const res = await t.app.inject({ method: 'POST', url, headers: mine.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ unread: 2 });
    // again: still read, the time it was first read kept
    const readAt = (await list(mine)).items[0]?.readAt;
    expect(readAt).toEqual(expect.any(String));
    expect((await t.app.inject({ method: 'POST', url, headers: mine.headers })).json()).toEqual({ unread: 2 });
    expect((await list(mine)).items[0]?.readAt).toBe(readAt);
    // a state-changing request needs the session's CSRF token
    expect((await t.app.inject({ method: 'POST', url, headers: { cookie: mine.cookie } })).statusCode).toBe(403);
  });

  it('marks all of one’s own read, and nobody else’s', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: mine.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ unread: 0 });
    expect((await list(mine)).items.every((i) => i.readAt !== null)).toBe(true);
    expect((await list(theirs)).unread).toBe(1);
  });

  it('are described in the OpenAPI document, with the contacts', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/notifications',
        '/api/notifications/{id}/read',
        '/api/notifications/read-all',
        '/api/reporting/contacts',
        '/api/reporting/contacts/{unitKind}/{unitCode}',
      ]),
    );
  });

  it('shows the latest 50 and counts every unread one', async () => {
    const busy = await makeUser(t.db, { role: 'provincial_officer' });
    await insertNotifications(
      t.db.kysely,
      Array.from({ length: 55 }, (_, i) => note(busy.id, i + 1)),
    );
    const reply = await list(await signIn(t.app, busy.username));
    expect(reply.items).toHaveLength(50);
    expect(reply.items[0]?.title.vi).toBe('Nhắc báo cáo 55');
    expect(reply.unread).toBe(55);
  });
});
