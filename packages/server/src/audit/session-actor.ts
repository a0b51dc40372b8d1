import { Role, type Actor } from '@tre/core';

/** The signed-in user as every service sees it: who, what role, which scope, which province. */
export interface SessionActor extends Actor {
  username: string;
  displayName: string;
  provinceCode: string;
  csrfToken: string;
  ip: string | null;
}

export function auditActorOf(actor: SessionActor) {
  return { id: actor.id, name: actor.username, ip: actor.ip, provinceCode: actor.provinceCode };
}

/** The `tre` command acts as this id: it is nobody's account, so it is stored as no user (null). */
export const COMMAND_LINE_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

/** The user id to store in a column that references app_user: null for the command line. */
export const userIdOf = (actor: Pick<SessionActor, 'id'>): string | null =>
  actor.id === COMMAND_LINE_ACTOR_ID ? null : actor.id;

/** The `tre` command as an actor: an administrator of the installation's province, nobody's account. */
export const commandLineActor = (provinceCode: string): SessionActor => ({
  id: COMMAND_LINE_ACTOR_ID,
  username: 'cli',
  displayName: 'Dòng lệnh / CLI',
  role: Role.Admin,
  agencyId: null,
  communeCode: null,
  provinceCode,
  csrfToken: '',
  ip: null,
});
