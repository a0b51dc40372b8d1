import { childrenPermissions } from '@tre/core';
import type { SessionUser } from '../api/types.ts';
import { can, scopeFor } from '../session/can.ts';

/**
 * What the children register's screens offer to whom, read from core's children permission table.
 * The server checks every call again (and each record's commune); these keep refused actions off the screen.
 */
export const canReadChildren = (user: SessionUser | null): boolean => can(user, childrenPermissions, 'children.read');
export const canImportChildren = (user: SessionUser | null): boolean => can(user, childrenPermissions, 'children.import');
export const canExportChildren = (user: SessionUser | null): boolean => can(user, childrenPermissions, 'children.export');
export const canReviewDuplicates = (user: SessionUser | null): boolean => can(user, childrenPermissions, 'children.duplicates');

/** Whether the user reaches every commune's children (and so picks a commune in the filters). */
export const readsEveryCommune = (user: SessionUser | null): boolean =>
  scopeFor(user, childrenPermissions, 'children.read') === 'province';
