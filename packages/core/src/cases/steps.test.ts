import { describe, expect, it } from 'vitest';
import { stepFormSchema } from './forms.ts';
import { CASE_ACTIONS, CASE_STATUSES, actionsAt, nextStatus, type CaseAction, type CaseStatus } from './steps.ts';

/**
 * The legal steps of Nghị định 56/2017 Điều 25–30, written out here by hand (not read from the
 * machine's table): every legal move, and every other (status, action) refused with a reason that
 * names where the case is.
 */
const LEGAL: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  received: { verify: 'verified', emergency: 'emergency' },
  verified: { assess: 'initial_assessed', emergency: 'emergency', request_closure: 'closure_pending' },
  initial_assessed: { emergency: 'emergency', full_assess: 'full_assessed' },
  emergency: { verify: 'verified', full_assess: 'full_assessed' },
  full_assessed: { draft_plan: 'plan_drafted' },
  plan_drafted: { submit_plan: 'plan_pending' },
  plan_pending: { approve_plan: 'plan_approved', return_plan: 'plan_drafted' },
  plan_approved: { start: 'in_progress' },
  in_progress: { review: 'review' },
  review: { new_plan: 'plan_drafted', request_closure: 'closure_pending' },
  closure_pending: { approve_closure: 'closed', return_closure: 'review' },
  closed: { reopen: 'verified' },
};

describe('the steps of a case', () => {
  for (const status of CASE_STATUSES) {
    for (const action of CASE_ACTIONS) {
      const to = LEGAL[status][action];
      it(`${action} at ${status}: ${to ? `→ ${to}` : 'refused'}`, () => {
        const r = nextStatus(status, action);
        if (to) expect(r).toMatchObject({ ok: true, to });
        else {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.reason.vi).toContain('khi hồ sơ ở bước');
        }
      });
    }
  }

  it('offers at each step exactly the legal actions', () => {
    for (const status of CASE_STATUSES) expect(actionsAt(status).sort()).toEqual(Object.keys(LEGAL[status]).sort());
  });

  it('leaves the approvals to the supervisor', () => {
    const bySupervisor = CASE_ACTIONS.filter((a) => {
      const from = CASE_STATUSES.find((s) => LEGAL[s][a]);
      const r = from ? nextStatus(from, a) : null;
      return r?.ok === true && r.by === 'supervisor';
    });
    expect(bySupervisor.sort()).toEqual(['approve_closure', 'approve_plan', 'reopen', 'return_closure', 'return_plan']);
  });

  it('names the step a refused action may be taken from, in both languages', () => {
    const r = nextStatus('received', 'approve_plan');
    expect(r).toEqual({
      ok: false,
      reason: {
        vi: 'Không thể "Phê duyệt kế hoạch (Mẫu 05)" khi hồ sơ ở bước "Đã tiếp nhận"; chỉ được khi hồ sơ ở bước: Kế hoạch chờ phê duyệt',
        en: '"Approve the plan (form 05)" cannot be done while the case is "Received"; only at: Plan awaiting approval',
      },
    });
  });
});

describe('the forms of the steps', () => {
  it('checks a step form: required fields, their kinds, no unknown field, no control character', () => {
    const verify = stepFormSchema('verify');
    expect(verify.safeParse({ findings: 'Có cơ sở', substantiated: true }).success).toBe(true);
    expect(verify.safeParse({ findings: 'Có cơ sở' }).success).toBe(false);
    expect(verify.safeParse({ findings: '', substantiated: true }).success).toBe(false);
    expect(verify.safeParse({ findings: 'x', substantiated: true, extra: 1 }).success).toBe(false);
    expect(verify.safeParse({ findings: 'a\u0000b', substantiated: true }).success).toBe(false);
    const emergency = stepFormSchema('emergency');
    expect(emergency.safeParse({ measures: [], takenAt: '2025-01-24T20:00:00+07:00' }).success).toBe(false);
    expect(emergency.safeParse({ measures: ['medical'], takenAt: '2025-01-24 20:00' }).success).toBe(false);
    expect(emergency.safeParse({ measures: ['teleport'], takenAt: '2025-01-24T20:00:00+07:00' }).success).toBe(false);
    expect(emergency.safeParse({ measures: ['medical'], takenAt: '2025-01-24T20:00:00+07:00' }).success).toBe(true);
    const full = stepFormSchema('full_assess');
    expect(full.safeParse({ meetingOn: '2025-02-30', participants: 'a', needs: 'b' }).success).toBe(false);
    expect(full.safeParse({ meetingOn: '2025-02-28', participants: 'a', needs: 'b' }).success).toBe(true);
    expect(stepFormSchema('submit_plan').safeParse({}).success).toBe(true);
  });
});
