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

/** The message keys of a field the form stops at before asking the server. */
export type IntakeMessage =
  | 'cmpReceivedAtInvalid'
  | 'cmpContentRequired'
  | 'cmpNameRequired'
  | 'cmpAddressRequired'
  | 'cmpBodyRequired'
  | 'cmpSupervisorRequired';

/**
 * The request, or the first field that stops it (named as the server names it, so the same field
 * shows the error) with its message key: a field left empty is said in the reader's words before
 * the server would answer with the field's API name.
 */
export function intakeRequest(
  v: IntakeValues,
): { ok: true; body: ComplaintIntakeRequest } | { ok: false; field: string; message: IntakeMessage } {
  const receivedAt = dayTimeToIso(v.receivedAt);
  if (!receivedAt) return { ok: false, field: 'receivedAt', message: 'cmpReceivedAtInvalid' };
  const anonymous = v.kind === 'denunciation' && v.anonymous;
  if (v.content.trim() === '') return { ok: false, field: 'content', message: 'cmpContentRequired' };
  if (!anonymous && v.name.trim() === '') return { ok: false, field: 'complainant.name', message: 'cmpNameRequired' };
  if (v.kind === 'complaint' && v.address.trim() === '')
    return { ok: false, field: 'complainant.address', message: 'cmpAddressRequired' };
  if (v.bodyId === '') return { ok: false, field: 'body', message: 'cmpBodyRequired' };
  const supervisorId = v.supervisorId;
  if (!supervisorId) return { ok: false, field: 'supervisorId', message: 'cmpSupervisorRequired' };
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
      supervisorId,
    },
  };
}
