import { complaintsPermissions } from '@tre/core';
import type { SessionUser } from '../../api/types.ts';
import { can, scopeFor } from '../../session/can.ts';

/**
 * What the complaints screens offer to whom, read from core's complaints permission table. A
 * complaint's own actions have a record scope (its handler, its supervisor): the complaint says what
 * this reader may do now (`ComplaintDto.actions`, `relation`), and the server checks every call again.
 */
export const canReadComplaints = (user: SessionUser | null): boolean => can(user, complaintsPermissions, 'complaints.read');
export const canReceiveComplaints = (user: SessionUser | null): boolean => can(user, complaintsPermissions, 'complaints.intake');
export const canEditComplaintSettings = (user: SessionUser | null): boolean =>
  can(user, complaintsPermissions, 'complaints.settings');
export const mayUseComplaints = (user: SessionUser | null): boolean =>
  canReadComplaints(user) || canReceiveComplaints(user) || canEditComplaintSettings(user);

/** The body a receiver records a complaint for: their own commune or agency, or any of the province. */
export const intakeScopeOf = (user: SessionUser | null) => scopeFor(user, complaintsPermissions, 'complaints.intake');

/** Who complained is shown to the handler and the supervisor (the complaint's relation says which the reader is). */
export function maySeeComplainant(user: SessionUser | null, relation: { handler: boolean; supervisor: boolean }): boolean {
  return (
    scopeFor(user, complaintsPermissions, 'complaints.complainant') !== undefined && (relation.handler || relation.supervisor)
  );
}

export function maySeeComplaintAccessLog(user: SessionUser | null, supervisor: boolean): boolean {
  return scopeFor(user, complaintsPermissions, 'complaints.accessLog') !== undefined && supervisor;
}
