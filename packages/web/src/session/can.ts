import { mayTake, scopeOf, type PermissionTable, type Scope } from '@tre/core';
import type { SessionUser } from '../api/types.ts';

/**
 * What the web offers to whom, read from the same permission tables the server enforces
 * (core/<module>/permissions.ts). The server checks every call again; these only keep actions that
 * would be refused off the screen. No page spells out a role.
 */
export const can = <A extends string>(user: SessionUser | null, table: PermissionTable<A>, action: A): boolean =>
  mayTake(table, action, user);

/** The scope the user's role reaches for the action (province-wide, own commune …), or undefined. */
export const scopeFor = <A extends string>(user: SessionUser | null, table: PermissionTable<A>, action: A): Scope | undefined =>
  user ? scopeOf(table, action, user) : undefined;
