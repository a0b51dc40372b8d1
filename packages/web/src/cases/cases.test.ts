import {
  CASE_ACTIONS,
  STEP_FORMS,
  casesPermissions,
  stepFormSchema,
  type CaseClockDto,
  type CaseSummaryDto,
  type FormField,
} from '@tre/core';
import { describe, expect, it } from 'vitest';
import { casesEn, casesVi } from '../i18n/messages-cases.ts';
import type { SessionUser } from '../api/types.ts';
import { intakeCommuneOf, intakeReachesProvince, maySeeCaseAccessLog, mayUseCases, overviewReachesProvince } from './access.ts';
import { casesReads, type IntakeChildDto } from './api.ts';
import { describeClock, isOverdue, nearestClock, orderCases } from './clocks.ts';
import { emptyStepValues, fieldOf, formHasComments, stepData, stepProblems, stepRequest, type StepValues } from './form.ts';
import { INTAKE_FIELDS, emptyIntake, intakeRequest, type IntakeValues } from './intake.ts';
import { fieldValueText, stepLabel, stepRows } from './labels.ts';
import { dayTimeToIso, hoursAfter, localInputToIso, vietnamDayTimeInput, vietnamLocalInput, vietnamToday } from './time.ts';

const NOW = new Date('2026-05-14T02:30:00Z'); // 09:30 in Vietnam

describe('Vietnam time on a datetime-local input', () => {
  it('writes an instant in Vietnam time, whatever the browser’s zone', () => {
    expect(vietnamLocalInput(NOW)).toBe('2026-05-14T09:30');
    // 20:00 UTC is already the next day in Vietnam
    expect(vietnamLocalInput(new Date('2026-05-14T20:00:00Z'))).toBe('2026-05-15T03:00');
    expect(vietnamToday(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
  });

  it('reads what was typed as Vietnam time, as an ISO timestamp with +07:00', () => {
    expect(localInputToIso('2026-05-14T09:30')).toBe('2026-05-14T09:30:00+07:00');
    expect(localInputToIso('2026-05-14T09:30:15')).toBe('2026-05-14T09:30:15+07:00');
    expect(Date.parse(localInputToIso('2026-05-14T09:30') ?? '')).toBe(NOW.getTime());
    // round trip
    expect(localInputToIso(vietnamLocalInput(NOW))).toBe('2026-05-14T09:30:00+07:00');
  });

  it('refuses what is not a moment that exists', () => {
    for (const bad of [
      '',
      'hôm nay',
      '2026-05-14',
      '2026-02-30T10:00',
      '2026-05-14T24:00',
      '2026-13-01T10:00',
      '2026-05-14T09:60',
      '14/05/2026 09:30',
    ]) {
      expect(localInputToIso(bad), bad).toBeNull();
    }
    expect(localInputToIso('2028-02-29T10:00')).toBe('2028-02-29T10:00:00+07:00');
  });

  it('writes and reads the intake’s time the Vietnamese way, dd/mm/yyyy hh:mm', () => {
    expect(vietnamDayTimeInput(NOW)).toBe('14/05/2026 09:30');
    expect(dayTimeToIso('14/05/2026 09:30')).toBe('2026-05-14T09:30:00+07:00');
    expect(dayTimeToIso(vietnamDayTimeInput(NOW))).toBe('2026-05-14T09:30:00+07:00');
    expect(dayTimeToIso(' 4/5/2026   9:05 ')).toBe('2026-05-04T09:05:00+07:00');
    expect(dayTimeToIso('4/5/2026 9h05')).toBe('2026-05-04T09:05:00+07:00');
    expect(dayTimeToIso('9:05 4/5/2026')).toBe('2026-05-04T09:05:00+07:00');
    expect(dayTimeToIso('9g05 ngày 4/5/2026')).toBe('2026-05-04T09:05:00+07:00');
    for (const bad of [
      '',
      '14/05/2026',
      '30/02/2026 10:00',
      '14/05/2026 24:00',
      '2026-05-14T09:30',
      '14-05-2026 09:30',
      '14/05/26 09:30',
    ]) {
      expect(dayTimeToIso(bad), bad).toBeNull();
    }
  });

  it('says when the 12-hour clock of a report falls due', () => {
    // 21:00 in Vietnam is 14:00 UTC; twelve hours on is 09:00 the next morning in Vietnam
    expect(hoursAfter('2026-05-14T21:00:00+07:00', 12)).toBe('2026-05-15T02:00:00.000Z');
    expect(vietnamLocalInput(new Date(hoursAfter('2026-05-14T21:00:00+07:00', 12)))).toBe('2026-05-15T09:00');
  });
});

const clock = (over: Partial<CaseClockDto>): CaseClockDto => ({
  kind: 'emergency',
  dueAt: '2026-05-14T21:30:00+07:00',
  state: 'ok',
  metAt: null,
  ...over,
});

type Summary = Pick<CaseSummaryDto, 'status' | 'nearest' | 'clocks' | 'receivedAt'> & { id: number };
const summary = (id: number, over: Partial<Summary>): Summary => ({
  id,
  status: 'received',
  nearest: null,
  clocks: [],
  receivedAt: '2026-05-01T08:00:00+07:00',
  ...over,
});

describe('a clock in words', () => {
  it('gives its symbol, state, purpose and due time in Vietnam time, in either language', () => {
    const overdue = clock({ state: 'overdue', dueAt: '2026-05-14T14:30:00Z' });
    expect(describeClock(overdue, 'vi')).toMatchObject({
      symbol: '✕',
      state: 'Quá hạn',
      when: 'hạn 14/05/2026 21:30',
      text: '✕ Quá hạn · Biện pháp khẩn cấp (12 giờ): hạn 14/05/2026 21:30',
    });
    expect(describeClock(overdue, 'en').text).toBe('✕ Overdue · Emergency measures (12 hours): due 14/05/2026 21:30');
    expect(describeClock(clock({ kind: 'plan', state: 'near' }), 'vi').text).toBe(
      '! Sắp đến hạn · Kế hoạch hỗ trợ (5 ngày làm việc): hạn 14/05/2026 21:30',
    );
  });

  it('says when a met clock was met, not when it was due', () => {
    const met = clock({ state: 'met', metAt: '2026-05-14T03:00:00Z' });
    expect(describeClock(met, 'vi').text).toBe('✓ Đã thực hiện · Biện pháp khẩn cấp (12 giờ): lúc 14/05/2026 10:00');
    expect(describeClock(met, 'en').when).toBe('at 14/05/2026 10:00');
  });

  it('every state has its own symbol: never colour alone', () => {
    const symbols = (['ok', 'near', 'overdue', 'met'] as const).map((state) => describeClock(clock({ state }), 'vi').symbol);
    expect(new Set(symbols).size).toBe(4);
  });
});

describe('the order of the cases list', () => {
  it('puts open cases first, the nearest running clock first, then the newest report', () => {
    const items = [
      summary(1, { status: 'closed', receivedAt: '2026-05-13T08:00:00+07:00' }),
      summary(2, { nearest: clock({ dueAt: '2026-05-20T08:00:00+07:00' }) }),
      summary(3, { receivedAt: '2026-05-02T08:00:00+07:00' }),
      summary(4, { nearest: clock({ dueAt: '2026-05-14T08:00:00+07:00', state: 'overdue' }) }),
      summary(5, { receivedAt: '2026-05-03T08:00:00+07:00' }),
      summary(6, { status: 'closed', receivedAt: '2026-05-12T08:00:00+07:00' }),
    ];
    expect(orderCases(items).map((c) => c.id)).toEqual([4, 2, 5, 3, 1, 6]);
    // the input is left as it was
    expect(items.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('works the nearest running clock out of the clocks when the case gives none, never a met one', () => {
    const c = {
      nearest: null,
      clocks: [
        clock({ kind: 'emergency', state: 'met', dueAt: '2026-05-10T08:00:00+07:00' }),
        clock({ kind: 'review', dueAt: '2026-06-01T08:00:00+07:00' }),
        clock({ kind: 'plan', dueAt: '2026-05-20T08:00:00+07:00' }),
      ],
    };
    expect(nearestClock(c)?.kind).toBe('plan');
    expect(nearestClock({ nearest: null, clocks: [clock({ state: 'met' })] })).toBeNull();
    expect(isOverdue({ clocks: [clock({ state: 'ok' }), clock({ kind: 'plan', state: 'overdue' })] })).toBe(true);
    expect(isOverdue({ clocks: [clock({ state: 'met' })] })).toBe(false);
  });

  it('does not rank a closed case by a clock it still carries', () => {
    const items = [summary(1, { status: 'closed', nearest: clock({ dueAt: '2026-01-01T08:00:00+07:00' }) }), summary(2, {})];
    expect(orderCases(items).map((c) => c.id)).toEqual([2, 1]);
  });
});

/** A form filled the way a user would: every field given a value of its kind. */
function filled(fields: readonly FormField[]): StepValues {
  const values: StepValues = {};
  for (const f of fields) {
    const first = f.options?.[0]?.value ?? '';
    values[f.key] = {
      text: '  Nhà bà ngoại  ',
      longtext: 'Trẻ có vết bầm tím ở tay.\nMẹ trẻ xác nhận.',
      bool: 'yes',
      date: '2026-05-20',
      datetime: '2026-05-14T10:15',
      choice: first,
      multi: [first],
    }[f.kind];
  }
  return values;
}

describe('a step’s legal form, drawn from STEP_FORMS', () => {
  it('builds data that the server’s schema takes, for every action', () => {
    for (const action of CASE_ACTIONS) {
      const data = stepData(STEP_FORMS[action], filled(STEP_FORMS[action]));
      const parsed = stepFormSchema(action).safeParse(data);
      expect(parsed.success, `${action}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(stepProblems(STEP_FORMS[action], filled(STEP_FORMS[action]))).toEqual({});
    }
  });

  it('sends yes/no as booleans, moments with +07:00, text trimmed, empty optional fields as null', () => {
    const values = { ...filled(STEP_FORMS.emergency), placement: '   ', notes: '' };
    expect(stepData(STEP_FORMS.emergency, values)).toEqual({
      measures: ['medical'],
      takenAt: '2026-05-14T10:15:00+07:00',
      placement: null,
      notes: null,
    });
    expect(stepData(STEP_FORMS.verify, { findings: ' Có cơ sở ', substantiated: 'no' })).toEqual({
      findings: 'Có cơ sở',
      substantiated: false,
    });
    expect(stepFormSchema('emergency').safeParse(stepData(STEP_FORMS.emergency, values)).success).toBe(true);
  });

  it('starts blank, a yes/no unanswered and a moment at now in Vietnam time', () => {
    expect(emptyStepValues(STEP_FORMS.assess, NOW)).toEqual({ riskLevel: '', seriouslyThreatened: '', needs: '' });
    expect(emptyStepValues(STEP_FORMS.emergency, NOW)).toEqual({
      measures: [],
      takenAt: '2026-05-14T09:30',
      placement: '',
      notes: '',
    });
  });

  it('names each field that stops it: required ones left empty (a yes/no too), moments and dates that cannot be read', () => {
    const blank = emptyStepValues(STEP_FORMS.assess, NOW);
    expect(stepProblems(STEP_FORMS.assess, blank)).toEqual({
      riskLevel: 'required',
      seriouslyThreatened: 'required',
      needs: 'required',
    });
    expect(stepProblems(STEP_FORMS.emergency, { measures: [], takenAt: '2026-02-30T10:00', placement: '', notes: '' })).toEqual({
      measures: 'required',
      takenAt: 'invalid',
    });
    expect(stepProblems(STEP_FORMS.full_assess, { ...filled(STEP_FORMS.full_assess), meetingOn: '20/05/2026' })).toEqual({
      meetingOn: 'invalid',
    });
    // the server refuses the same blank form
    expect(stepFormSchema('assess').safeParse(stepData(STEP_FORMS.assess, blank)).success).toBe(false);
  });

  it('sends the version read and the comment, or null for none', () => {
    expect(stepRequest('submit_plan', {}, '  ', 7)).toEqual({ action: 'submit_plan', data: {}, comment: null, version: 7 });
    expect(stepRequest('start', {}, ' Bắt đầu ngay ', 3).comment).toBe('Bắt đầu ngay');
    expect(formHasComments('return_plan')).toBe(true);
    expect(formHasComments('verify')).toBe(false);
  });
});

describe('a refusal’s field on the form', () => {
  it('finds the field itself, or the field a nested path is under', () => {
    expect(fieldOf('facts', INTAKE_FIELDS)).toBe('facts');
    expect(fieldOf('abuseForms.0', INTAKE_FIELDS)).toBe('abuseForms');
    expect(fieldOf('child.new.fullName', INTAKE_FIELDS)).toBe('child.new.fullName');
    expect(fieldOf('child.id', INTAKE_FIELDS)).toBe('child');
    expect(fieldOf('child.new', INTAKE_FIELDS)).toBe('child');
    expect(fieldOf('version', INTAKE_FIELDS)).toBeNull();
    expect(fieldOf(undefined, INTAKE_FIELDS)).toBeNull();
  });

  it('reads a step’s `data.` fields, and its comment', () => {
    const known = ['riskLevel', 'needs', 'comment'];
    expect(fieldOf('data.riskLevel', known, 'data.')).toBe('riskLevel');
    expect(fieldOf('comment', known, 'data.')).toBe('comment');
    expect(fieldOf('data.other', known, 'data.')).toBeNull();
    expect(fieldOf('version', known, 'data.')).toBeNull();
  });
});

const child: IntakeChildDto = {
  id: 42,
  fullName: 'Nguyễn Thị Lan',
  birthDate: '2015-03-02',
  sex: 'female',
  communeCode: '17827',
  communeName: 'Xã Nghi Lộc',
  personalIdMasked: '040*******89',
};

const complete = (over: Partial<IntakeValues> = {}): IntakeValues => ({
  ...emptyIntake(NOW, '17827'),
  reporterName: ' Trần Văn Bình ',
  reporterPhone: '0912345678',
  child,
  abuseForms: ['violence'],
  facts: '  Trẻ bị đánh. ',
  urgency: 'immediate',
  supervisorId: 'u-sup',
  ...over,
});

describe('the intake', () => {
  it('starts at now in Vietnam time, on hotline 111, in the taker’s commune, urgency not chosen', () => {
    expect(emptyIntake(NOW, '17827')).toMatchObject({
      receivedAt: '14/05/2026 09:30',
      channel: 'hotline_111',
      communeCode: '17827',
      urgency: '',
    });
    expect(emptyIntake(NOW, null).communeCode).toBe('');
  });

  it('builds the body of POST /api/cases for a child of the register', () => {
    const r = intakeRequest(complete(), NOW);
    expect(r).toEqual({
      ok: true,
      body: {
        receivedAt: '2026-05-14T09:30:00+07:00',
        channel: 'hotline_111',
        communeCode: '17827',
        reporter: { anonymous: false, name: 'Trần Văn Bình', phone: '0912345678', relation: null },
        child: { id: 42 },
        abuseForms: ['violence'],
        facts: 'Trẻ bị đánh.',
        location: null,
        urgency: 'immediate',
        workerId: null,
        supervisorId: 'u-sup',
      },
    });
  });

  it('sends nothing of an anonymous reporter, even what was typed before the box was ticked', () => {
    const r = intakeRequest(complete({ anonymous: true, reporterRelation: 'hàng xóm' }), NOW);
    expect(r.ok && r.body.reporter).toEqual({ anonymous: true, name: null, phone: null, relation: null });
  });

  it('adds a new child in the case’s commune, empty fields as null', () => {
    const r = intakeRequest(
      complete({
        childMode: 'new',
        newChild: {
          fullName: ' Lê Văn An ',
          birthDate: '2019-08-01',
          sex: 'Nam',
          address: '',
          motherName: 'Lê Thị Hoa',
          fatherName: '',
          carerName: '',
          phone: '',
        },
      }),
      NOW,
    );
    expect(r.ok && r.body.child).toEqual({
      new: {
        fullName: 'Lê Văn An',
        birthDate: '2019-08-01',
        sex: 'Nam',
        communeCode: '17827',
        address: null,
        motherName: 'Lê Thị Hoa',
        fatherName: null,
        carerName: null,
        phone: null,
      },
    });
  });

  it('names every field that stops it, by its path in the body', () => {
    const r = intakeRequest(
      {
        ...emptyIntake(NOW, null),
        receivedAt: '14/05/2026 11:00',
        childMode: 'new',
        newChild: { ...emptyIntake(NOW, null).newChild, birthDate: '2026-06-01' },
      },
      NOW,
    );
    expect(r).toEqual({
      ok: false,
      problems: {
        receivedAt: 'future',
        communeCode: 'required',
        'reporter.name': 'nameOrPhone',
        'child.new.fullName': 'required',
        'child.new.birthDate': 'future',
        'child.new.sex': 'required',
        abuseForms: 'required',
        facts: 'required',
        urgency: 'required',
        supervisorId: 'required',
      },
    });
    expect(intakeRequest(complete({ child: null }), NOW)).toEqual({ ok: false, problems: { child: 'required' } });
    expect(intakeRequest(complete({ receivedAt: '30/02/2026 10:00' }), NOW)).toEqual({
      ok: false,
      problems: { receivedAt: 'invalid' },
    });
    // a few minutes ahead is a clock's drift, not a report from the future
    expect(intakeRequest(complete({ receivedAt: '14/05/2026 09:33' }), NOW).ok).toBe(true);
  });

  it('lists every field the problems name', () => {
    const r = intakeRequest(emptyIntake(NOW, null), NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) for (const field of Object.keys(r.problems)) expect(INTAKE_FIELDS).toContain(field);
  });
});

describe('a recorded step read back', () => {
  it('writes each field by its form’s label, options by their label, yes/no, dates and moments', () => {
    const rows = stepRows(
      {
        action: 'emergency',
        data: { measures: ['medical', 'police'], takenAt: '2026-05-14T03:15:00Z', placement: null, extra: 'x' },
      },
      'vi',
    );
    expect(rows).toEqual([
      ['Biện pháp đã áp dụng', 'Đưa đi cấp cứu, chăm sóc y tế, Đề nghị công an can thiệp'],
      ['Thời điểm áp dụng', '14/05/2026 10:15'],
      ['Nơi tạm trú (nếu có)', '—'],
      ['extra', 'x'],
    ]);
    expect(stepRows({ action: 'verify', data: { findings: 'Có', substantiated: true } }, 'en')).toEqual([
      ['What the verification found', 'Có'],
      ['The report is substantiated', 'Yes'],
    ]);
    expect(stepRows({ action: 'transfer', data: { from: 'Xã A', to: 'Xã B', supervisor: 'Lê Văn C' } }, 'vi')).toEqual([
      ['Chuyển từ', 'Xã A'],
      ['Chuyển đến', 'Xã B'],
      ['Người giám sát mới', 'Lê Văn C'],
    ]);
    expect(stepRows({ action: 'assign', data: { worker: null } }, 'en')).toEqual([['Case worker', '—']]);
    expect(stepRows({ action: 'emergency', data: { unknownKey: 'y' } }, 'vi')).toEqual([['unknownKey', 'y']]);
    // the report's codes recorded by the intake read as words
    expect(
      stepRows(
        { action: 'intake', data: { channel: 'hotline_111', urgency: 'high', abuseForms: ['violence', 'neglect'] } },
        'vi',
      ),
    ).toEqual([
      ['Kênh tiếp nhận', 'Tổng đài 111'],
      ['Hình thức xâm hại', 'Bạo lực, Bỏ mặc'],
      ['Mức độ khẩn cấp', 'Cao'],
    ]);
  });

  it('names the steps that are not legal actions too', () => {
    expect(stepLabel('intake', 'vi')).toBe('Tiếp nhận thông tin (Mẫu 01)');
    expect(stepLabel('transfer', 'en')).toBe('Transferred to another commune');
    expect(stepLabel('approve_plan', 'vi')).toBe('Phê duyệt kế hoạch (Mẫu 05)');
  });

  it('writes a date and an unknown value plainly', () => {
    const date = STEP_FORMS.full_assess.find((f) => f.key === 'meetingOn');
    expect(fieldValueText(date, '2026-05-20', 'vi')).toBe('20/05/2026');
    expect(fieldValueText(undefined, 3, 'vi')).toBe('3');
    expect(fieldValueText(undefined, { a: 1 }, 'vi')).toBe('{"a":1}');
    expect(fieldValueText(undefined, [], 'vi')).toBe('—');
  });
});

describe('the typed client', () => {
  it('writes the searches’ and the overview’s parameters', () => {
    expect(casesReads.intakeChildren('nguyen lan', '17827').url).toBe('/api/cases/intake/children?q=nguyen+lan&commune=17827');
    expect(casesReads.intakeChildren('040123456789', null).url).toBe('/api/cases/intake/children?q=040123456789');
    expect(casesReads.overview(null).url).toBe('/api/cases/overview');
    expect(casesReads.overview('17827').url).toBe('/api/cases/overview?commune=17827');
    expect(casesReads.team('17827').url).toBe('/api/cases/team?commune=17827');
    expect(casesReads.accessLog(5).url).toBe('/api/cases/5/access-log');
  });
});

const userOf = (role: SessionUser['role'], communeCode: string | null = null): SessionUser => ({
  id: 'u',
  username: 'u',
  displayName: 'U',
  role,
  agencyId: null,
  communeCode,
  provinceCode: '40',
});

describe('what the screens offer, read from the permission table', () => {
  it('takes the intake commune and the overview’s reach from the scopes', () => {
    expect(intakeCommuneOf(userOf('commune_officer', '17827'))).toBe('17827');
    expect(intakeReachesProvince(userOf('commune_officer', '17827'))).toBe(false);
    expect(intakeCommuneOf(userOf('provincial_officer'))).toBeNull();
    expect(intakeReachesProvince(userOf('provincial_officer'))).toBe(true);
    expect(overviewReachesProvince(userOf('viewer'))).toBe(true);
    expect(overviewReachesProvince(userOf('commune_officer', '17827'))).toBe(false);
  });

  it('shows the access log to a case’s supervisor and to the role that reads every log', () => {
    expect(maySeeCaseAccessLog(userOf('commune_officer', '17827'), true)).toBe(true);
    expect(maySeeCaseAccessLog(userOf('commune_officer', '17827'), false)).toBe(false);
    expect(maySeeCaseAccessLog(userOf('case_worker', '17827'), true)).toBe(
      casesPermissions['cases.accessLog'].case_worker !== undefined,
    );
    expect(maySeeCaseAccessLog(userOf('admin'), false)).toBe(true);
  });

  it('shows "Vụ việc" to every role that reads cases or takes referrals', () => {
    for (const role of ['admin', 'provincial_officer', 'agency_reporter', 'commune_officer', 'case_worker', 'viewer'] as const) {
      const table = casesPermissions;
      expect(mayUseCases(userOf(role))).toBe(
        table['cases.read'][role] !== undefined || table['cases.referral'][role] !== undefined,
      );
    }
  });
});

describe('the texts', () => {
  it('has every text in both languages, with the same placeholders', () => {
    for (const [key, vi] of Object.entries(casesVi)) {
      const en = casesEn[key as keyof typeof casesVi];
      expect(en.trim(), key).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(en), key).toEqual(names(vi));
    }
  });
});
