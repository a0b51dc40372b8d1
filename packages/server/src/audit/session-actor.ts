import type { Actor } from '@tre/core';

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
