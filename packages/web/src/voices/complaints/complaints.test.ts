import { COMPLAINT_ACTIONS, type ComplaintClockDto, type ComplaintSummaryDto } from '@tre/core';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../api/types.ts';
import { complaintsEn, complaintsVi } from '../../i18n/messages-complaints.ts';
import { canEditComplaintSettings, canReceiveComplaints, maySeeComplainant, mayUseComplaints, intakeScopeOf } from './access.ts';
import { describeComplaintClock, isComplaintOverdue, nearTheirClock, orderComplaints } from './clocks.ts';
import { intakeRequest, type IntakeValues } from './intake.ts';
import { stepDataLines, stepFields, stepMissing, stepRequest, stepRequires, type StepValues } from './steps.ts';

const userOf = (role: SessionUser['role'], communeCode: string | null = null): SessionUser => ({
  id: 'u1',
  username: 'u',
  displayName: 'U',
  role,
  agencyId: null,
  communeCode,
  provinceCode: '40',
});

const values = (over: Partial<IntakeValues> = {}): IntakeValues => ({
  kind: 'complaint',
  channel: 'letter',
  receivedAt: '06/02/2026 09:00',
  content: ' Nội dung ',
  anonymous: false,
  name: 'Ông A',
  address: 'Xóm 1',
  contact: '',
  idNumber: '',
  childId: null,
  bodyKind: 'commune',
  bodyId: '16681',
  remoteArea: true,
  handlerId: null,
  supervisorId: 's1',
  ...over,
});

describe('the intake’s request', () => {
  it('reads the time as Vietnam time and sends empty fields as null', () => {
    const r = intakeRequest(values());
    expect(r.ok && r.body).toMatchObject({
      receivedAt: '2026-02-06T09:00:00+07:00',
      content: 'Nội dung',
      anonymous: false,
      complainant: { name: 'Ông A', address: 'Xóm 1', contact: null, idNumber: null },
      remoteArea: true,
      body: { kind: 'commune', id: '16681' },
    });
  });

  it('never sends a complaint as anonymous, and an anonymous denunciation without a name', () => {
    const complaint = intakeRequest(values({ anonymous: true }));
    expect(complaint.ok && complaint.body.anonymous).toBe(false);
    const denunciation = intakeRequest(values({ kind: 'denunciation', anonymous: true, remoteArea: true }));
    expect(denunciation.ok && denunciation.body).toMatchObject({
      anonymous: true,
      complainant: { name: null, address: null, contact: null, idNumber: null },
      remoteArea: false,
    });
  });

  it('stops at a time that is not one', () => {
    expect(intakeRequest(values({ receivedAt: '30/02/2026 09:00' }))).toEqual({
      ok: false,
      field: 'receivedAt',
      message: 'cmpReceivedAtInvalid',
    });
  });

  it('names the empty field in words before the server would name it by its API path', () => {
    expect(intakeRequest(values({ content: '  ' }))).toMatchObject({
      ok: false,
      field: 'content',
      message: 'cmpContentRequired',
    });
    expect(intakeRequest(values({ name: '' }))).toMatchObject({ ok: false, field: 'complainant.name' });
    expect(intakeRequest(values({ address: '' }))).toMatchObject({ ok: false, field: 'complainant.address' });
    expect(intakeRequest(values({ supervisorId: null }))).toMatchObject({
      ok: false,
      field: 'supervisorId',
      message: 'cmpSupervisorRequired',
    });
    // an anonymous denunciation needs no name, and a denunciation no address
    expect(intakeRequest(values({ kind: 'denunciation', anonymous: true, name: '', address: '' })).ok).toBe(true);
    expect(intakeRequest(values({ kind: 'denunciation', address: '' })).ok).toBe(true);
  });
});

describe('a step’s request', () => {
  const v: StepValues = {
    date: '2026-02-20',
    decisionNumber: ' 12/TB ',
    reason: 'Vụ việc phức tạp',
    note: '',
    outcome: 'upheld',
    method: 'letter',
    days: 15,
    complexity: 'complex',
  };
  it('sends only the fields the step asks for', () => {
    expect(stepRequest('accept', v, 3)).toEqual({ action: 'accept', version: 3, date: '2026-02-20', decisionNumber: '12/TB' });
    expect(stepRequest('extend', v, 4)).toEqual({
      action: 'extend',
      version: 4,
      days: 15,
      complexity: 'complex',
      reason: 'Vụ việc phức tạp',
    });
    expect(stepRequest('close', v, 5)).toEqual({ action: 'close', version: 5 });
  });
  it('has fields for every action', () => {
    for (const a of COMPLAINT_ACTIONS) expect(Array.isArray(stepFields(a))).toBe(true);
    expect(stepFields('resolve')).toContain('outcome');
  });
});

const clock = (state: ComplaintClockDto['state'], dueAt: string): ComplaintClockDto => ({
  kind: 'acceptance',
  dueAt,
  state,
  metAt: null,
});
const summary = (id: number, nearest: ComplaintClockDto | null): ComplaintSummaryDto => ({
  id,
  number: `KN-${String(id)}`,
  kind: 'complaint',
  status: 'received',
  channel: 'letter',
  receivedAt: '2026-02-01T00:00:00Z',
  anonymous: false,
  body: { kind: 'commune', id: '16681', name: 'Phường Thành Vinh' },
  handlerName: null,
  supervisorName: null,
  childName: null,
  clocks: nearest ? [nearest] : [],
  nearest,
});

describe('the list and the home card', () => {
  const items = [
    summary(1, null),
    summary(2, clock('ok', '2026-03-20T23:59:59+07:00')),
    summary(3, clock('overdue', '2026-02-23T23:59:59+07:00')),
    summary(4, clock('near', '2026-03-02T23:59:59+07:00')),
  ];
  it('puts the nearest clock first and those without one last', () => {
    expect(orderComplaints(items).map((c) => c.id)).toEqual([3, 4, 2, 1]);
  });
  it('says overdue in words and with a symbol, not colour alone', () => {
    const w = describeComplaintClock(clock('overdue', '2026-02-23T23:59:59+07:00'), 'vi');
    expect(w).toMatchObject({ symbol: '✕', state: 'Quá hạn' });
    expect(describeComplaintClock(clock('near', '2026-02-23T23:59:59+07:00'), 'en').state).toBe('Due soon');
    expect(items.filter(isComplaintOverdue).map((c) => c.id)).toEqual([3]);
  });
  it('shows on the home page those near or past their clock', () => {
    expect(nearTheirClock(items).map((c) => c.id)).toEqual([3, 4]);
  });
});

describe('who is offered what, from the permission table', () => {
  it('lets officers receive, the administrator set the clocks, and nobody but the handler and supervisor see who complained', () => {
    expect(canReceiveComplaints(userOf('commune_officer', '16681'))).toBe(true);
    expect(intakeScopeOf(userOf('commune_officer', '16681'))).toBe('own_commune');
    expect(intakeScopeOf(userOf('provincial_officer'))).toBe('province');
    expect(canReceiveComplaints(userOf('viewer'))).toBe(false);
    expect(canEditComplaintSettings(userOf('admin'))).toBe(true);
    expect(mayUseComplaints(userOf('viewer'))).toBe(false);
    expect(maySeeComplainant(userOf('commune_officer'), { handler: false, supervisor: false })).toBe(false);
    expect(maySeeComplainant(userOf('commune_officer'), { handler: true, supervisor: false })).toBe(true);
  });
  it('has every text in both languages', () => {
    expect(Object.keys(complaintsEn).sort()).toEqual(Object.keys(complaintsVi).sort());
  });
});

describe('the timeline in words', () => {
  it('labels what a step recorded, legal words in the reader’s language, and leaves out the rest', () => {
    expect(stepDataLines({ date: '2026-03-30', outcome: 'partly_upheld', kind: 'complaint', method: 'letter' }, 'vi')).toEqual([
      ['cmpDate', '30/03/2026'],
      ['cmpOutcome', 'Khiếu nại đúng một phần'],
      ['cmpMethod', 'Gửi qua bưu chính'],
    ]);
  });
});

describe('a step’s timeline lines', () => {
  it('shows the days as dd/mm/yyyy and the complexity in words, not its stored value', () => {
    expect(stepDataLines({ days: 15, complexity: 'complex', resolutionDue: '2027-01-21' }, 'vi')).toEqual([
      ['cmpDays', '15'],
      ['cmpComplexity', 'Phức tạp'],
      ['cmpResolutionDue', '21/01/2027'],
    ]);
    expect(stepDataLines({ complexity: 'especially_complex' }, 'en')).toEqual([['cmpComplexity', 'Especially complicated']]);
  });
});

describe('a step’s required fields', () => {
  const empty: StepValues = {
    date: '2026-02-20',
    decisionNumber: '',
    reason: '',
    note: '',
    outcome: null,
    method: null,
    days: 30,
    complexity: 'complex',
  };
  it('stops at the field the server would refuse, before asking it', () => {
    expect(stepMissing('accept', empty)).toBe('decisionNumber');
    expect(stepMissing('verify', empty)).toBe('note');
    expect(stepMissing('extend', empty)).toBe('reason');
    expect(stepMissing('resolve', empty)).toBe('outcome');
    expect(stepMissing('resolve', { ...empty, outcome: 'upheld' })).toBe('decisionNumber');
    expect(stepMissing('answer', empty)).toBe('method');
    expect(stepMissing('close', empty)).toBeNull();
    expect(stepMissing('accept', { ...empty, decisionNumber: '12/TB' })).toBeNull();
  });
  it('marks as required only what the step requires', () => {
    expect(stepRequires('accept', 'decisionNumber')).toBe(true);
    expect(stepRequires('accept', 'note')).toBe(false);
    expect(stepRequires('verify', 'note')).toBe(true);
  });
});
