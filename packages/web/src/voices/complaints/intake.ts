import type { ComplaintChannel, ComplaintIntakeRequest, ComplaintKind } from '@tre/core';
import { dayTimeToIso } from '../../cases/time.ts';

/**
 * The intake form's values and the request they make, pure (tested in complaints.test.ts): the
 * anonymous switch is a denunciation's only (a complaint switched to keeps its names), an anonymous
 * denunciation sends no name, and the remote-area time is a complaint's only.
 */
export interface IntakeValues {
  kind: ComplaintKind;
  channel: ComplaintChannel;
  receivedAt: string;
  content: string;
  anonymous: boolean;
  name: string;
  address: string;
  contact: string;
  idNumber: string;
  childId: number | null;
  bodyKind: 'commune' | 'agency';
  bodyId: string;
  remoteArea: boolean;
  handlerId: string | null;
  supervisorId: string | null;
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The request, or the field that stops it (its message key). */
export function intakeRequest(
  v: IntakeValues,
): { ok: true; body: ComplaintIntakeRequest } | { ok: false; field: keyof IntakeValues; message: 'cmpReceivedAtInvalid' } {
  const receivedAt = dayTimeToIso(v.receivedAt);
  if (!receivedAt) return { ok: false, field: 'receivedAt', message: 'cmpReceivedAtInvalid' };
  const anonymous = v.kind === 'denunciation' && v.anonymous;
  return {
    ok: true,
    body: {
      kind: v.kind,
      channel: v.channel,
      receivedAt,
      content: v.content.trim(),
      anonymous,
      complainant: anonymous
        ? { name: null, address: null, contact: null, idNumber: null }
        : { name: orNull(v.name), address: orNull(v.address), contact: orNull(v.contact), idNumber: orNull(v.idNumber) },
      childId: v.childId,
      body: { kind: v.bodyKind, id: v.bodyId },
      remoteArea: v.kind === 'complaint' && v.remoteArea,
      handlerId: v.handlerId,
      supervisorId: v.supervisorId ?? '',
    },
  };
}
