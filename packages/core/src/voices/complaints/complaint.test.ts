import { describe, expect, it } from 'vitest';
import { complaintActionsAt, nextComplaintStatus } from './complaint.ts';

describe('the steps of a complaint', () => {
  it('runs received → accepted → resolving → resolved → answered → closed, extensions keeping the step', () => {
    expect(nextComplaintStatus('complaint', false, 'received', 'accept')).toEqual({ ok: true, to: 'accepted', by: 'handler' });
    expect(nextComplaintStatus('complaint', false, 'accepted', 'verify')).toMatchObject({ ok: true, to: 'resolving' });
    expect(nextComplaintStatus('complaint', false, 'resolving', 'extend')).toEqual({
      ok: true,
      to: 'resolving',
      by: 'supervisor',
    });
    expect(nextComplaintStatus('complaint', false, 'resolving', 'resolve')).toMatchObject({ ok: true, to: 'resolved' });
    expect(nextComplaintStatus('complaint', false, 'resolved', 'answer')).toMatchObject({ ok: true, to: 'answered' });
    expect(nextComplaintStatus('complaint', false, 'answered', 'close')).toEqual({ ok: true, to: 'closed', by: 'supervisor' });
  });

  it('refuses a step out of order, naming the current step', () => {
    const r = nextComplaintStatus('complaint', false, 'received', 'resolve');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.vi).toContain('Đã tiếp nhận');
      expect(r.reason.en).toContain('"Received"');
    }
    expect(nextComplaintStatus('complaint', false, 'closed', 'accept').ok).toBe(false);
  });

  it('closes only after the answer, and lets a complaint be withdrawn while open', () => {
    expect(nextComplaintStatus('complaint', false, 'resolved', 'close')).toMatchObject({ ok: false, field: 'action' });
    expect(nextComplaintStatus('complaint', false, 'resolving', 'withdraw')).toMatchObject({ ok: true, to: 'withdrawn' });
    expect(nextComplaintStatus('complaint', false, 'resolved', 'withdraw').ok).toBe(false);
    expect(nextComplaintStatus('complaint', false, 'withdrawn', 'close')).toMatchObject({ ok: true, to: 'closed' });
  });

  it('withdrawal is a complaint’s: a denunciation is not withdrawn here', () => {
    expect(nextComplaintStatus('denunciation', false, 'received', 'withdraw')).toMatchObject({ ok: false, field: 'kind' });
  });

  it('an anonymous denunciation is never accepted: used as information, or not accepted, then closed', () => {
    expect(nextComplaintStatus('denunciation', true, 'received', 'accept')).toMatchObject({ ok: false, field: 'anonymous' });
    expect(nextComplaintStatus('denunciation', true, 'received', 'use_as_information')).toMatchObject({
      ok: true,
      to: 'information',
    });
    expect(nextComplaintStatus('denunciation', false, 'received', 'use_as_information')).toMatchObject({ ok: false });
    expect(nextComplaintStatus('denunciation', true, 'information', 'close')).toMatchObject({ ok: true, to: 'closed' });
    expect(complaintActionsAt('denunciation', true, 'received')).toEqual(['reject', 'use_as_information']);
    expect(complaintActionsAt('complaint', false, 'received')).toEqual(['accept', 'reject', 'withdraw']);
  });
});
