import { communesPermissions } from '@tre/core';
import type { SessionUser } from '../api/types.ts';
import { can, scopeFor } from '../session/can.ts';

/**
 * What the child-friendly commune screens offer to whom, read from core's communes permission
 * table. The server checks every call again; these keep refused actions off the screen.
 */
export const canReadCommunes = (user: SessionUser | null): boolean => can(user, communesPermissions, 'communes.read');
export const canAssess = (user: SessionUser | null): boolean => can(user, communesPermissions, 'communes.assess');
export const canVerify = (user: SessionUser | null): boolean => can(user, communesPermissions, 'communes.verify');
export const canDecide = (user: SessionUser | null): boolean => can(user, communesPermissions, 'communes.decide');
export const canPublish = (user: SessionUser | null): boolean => can(user, communesPermissions, 'communes.publish');
export const canManageRuleSets = (user: SessionUser | null): boolean => can(user, communesPermissions, 'communes.ruleSets');
export const canSetTypes = (user: SessionUser | null): boolean => can(user, communesPermissions, 'communes.type');

/** Whether the reader sees every commune of the province (the list), or only their own commune's assessment. */
export const readsProvince = (user: SessionUser | null): boolean =>
  scopeFor(user, communesPermissions, 'communes.read') === 'province';

/** The commune whose assessment a commune's officer opens: their own. */
export const ownCommuneOf = (user: SessionUser | null): string | null =>
  scopeFor(user, communesPermissions, 'communes.read') === 'own_commune' ? (user?.communeCode ?? null) : null;
