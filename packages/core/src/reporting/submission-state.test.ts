import { describe, expect, it } from 'vitest';
import { SUBMISSION_ACTIONS, SUBMISSION_STATES, actionsFrom, isEditable, nextState, refusalParams } from './submission-state.ts';

/** Every legal transition, written out by hand: the table in submission-state.ts must say the same. */
const LEGAL: Record<string, string> = {
  'draft save': 'draft',
  'draft submit': 'submitted',
  'submitted return': 'returned',
  'submitted accept': 'accepted',
  'returned save': 'returned',
  'returned submit': 'resubmitted',
  'resubmitted return': 'returned',
  'resubmitted accept': 'accepted',
  'accepted reopen': 'returned',
};

describe('a submission’s states', () => {
  for (const state of SUBMISSION_STATES) {
    for (const action of SUBMISSION_ACTIONS) {
      const to = LEGAL[`${state} ${action}`];
      it(`${action} from ${state}: ${to ?? 'refused'}`, () => {
        const t = nextState(state, action);
        if (to) expect(t).toEqual({ ok: true, state: to });
        else expect(t).toEqual({ ok: false, state, action });
      });
    }
  }

  it('offers exactly the legal actions of each state', () => {
    expect(actionsFrom('draft')).toEqual(['save', 'submit']);
    expect(actionsFrom('submitted')).toEqual(['return', 'accept']);
    expect(actionsFrom('accepted')).toEqual(['reopen']);
  });

  it('lets the body edit only a draft or a returned report', () => {
    expect(SUBMISSION_STATES.filter(isEditable)).toEqual(['draft', 'returned']);
  });

  it('names the refused action and the state in both languages', () => {
    expect(refusalParams('accepted', 'submit')).toEqual({
      action: 'gửi',
      actionEn: 'submitted',
      state: 'Đã chấp nhận',
      stateEn: 'Accepted',
    });
  });
});
