import { childrenPermissions } from '@tre/core';
import type { SessionUser } from '../api/types.ts';
import { can, scopeFor } from '../session/can.ts';

/**
 * What the children register's screens offer to whom, read from core's children permission table.
 * The server checks every call again (and each record's commune); these keep refused actions off the screen.
 */
export const canReadChildren = (user: SessionUser | null): boolean => can(user, childrenPermissions, 'children.read');
export const canEditChildren = (user: SessionUser | null): boolean => can(user, childrenPermissions, 'children.edit');
export const canSeeReaders = (user: SessionUser | null): boolean => can(user, childrenPermissions, 'children.readers');
/** A role kept to its own commune: the commune of a record it types is its own, not chosen. */
export const ownCommuneOf = (user: SessionUser | null): string | null =>
  scopeFor(user, childrenPermissions, 'children.edit') === 'own_commune' ? (user?.communeCode ?? null) : null;
export const canImportChildren = (user: SessionUser | null): boolean => can(user, childrenPermissions, 'children.import');
export const canExportChildren = (user: SessionUser | null): boolean => can(user, childrenPermissions, 'children.export');
export const canReviewDuplicates = (user: SessionUser | null): boolean => can(user, childrenPermissions, 'children.duplicates');

/** Whether the user reaches every commune's children (and so picks a commune in the filters). */
export const readsEveryCommune = (user: SessionUser | null): boolean =>
  scopeFor(user, childrenPermissions, 'children.read') === 'province';
