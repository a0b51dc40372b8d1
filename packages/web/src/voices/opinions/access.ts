import { opinionsPermissions } from '@tre/core';
import type { SessionUser } from '../../api/types.ts';
import { can, scopeFor } from '../../session/can.ts';

/** What the opinions' screens offer to whom, read from core's permission table; the server checks every call again. */
export const canReadOpinions = (user: SessionUser | null): boolean => can(user, opinionsPermissions, 'opinions.read');
export const canRecordOpinions = (user: SessionUser | null): boolean => can(user, opinionsPermissions, 'opinions.record');
export const canReadNames = (user: SessionUser | null): boolean => can(user, opinionsPermissions, 'opinions.names');
export const canAnswerOpinions = (user: SessionUser | null): boolean =>
  can(user, opinionsPermissions, 'opinions.answer') && !!(user?.agencyId ?? user?.communeCode);
export const canSeeOverdueOpinions = (user: SessionUser | null): boolean => can(user, opinionsPermissions, 'opinions.overdue');
export const canSetAnswerDays = (user: SessionUser | null): boolean => can(user, opinionsPermissions, 'opinions.settings');
export const canPublishParticipation = (user: SessionUser | null): boolean => can(user, opinionsPermissions, 'opinions.publish');
/** A role recording for one commune records its own; one of the province picks the commune (or none: province-wide). */
export const recordsOwnCommune = (user: SessionUser | null): boolean =>
  scopeFor(user, opinionsPermissions, 'opinions.record') === 'own_commune';
/** Whether the submission page of this unit shows its unanswered opinions: the unit's own users, or a reader of the province. */
export const maySeeUnanswered = (user: SessionUser | null, unit: string): boolean =>
  (canAnswerOpinions(user) && (user?.agencyId === unit || user?.communeCode === unit)) ||
  scopeFor(user, opinionsPermissions, 'opinions.read') === 'province';
/** The menu entry: any of the opinions' screens. */
export const mayUseOpinions = (user: SessionUser | null): boolean => canReadOpinions(user) || canAnswerOpinions(user);
