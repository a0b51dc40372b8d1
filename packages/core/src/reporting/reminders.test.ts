import { describe, expect, it } from 'vitest';
import { dueEscalation, dueReminder } from './reminders.ts';

const settings = { beforeDays: 3, everyDays: 7 };
const deadline = '2025-06-10';

describe('reminder steps', () => {
  it('sends nothing before N days ahead, then the one early reminder until the deadline', () => {
    expect(dueReminder(deadline, settings, '2025-06-06')).toBeUndefined();
    expect(dueReminder(deadline, settings, '2025-06-07')).toEqual({ step: 'before', kind: 'before', dueOn: '2025-06-07' });
    expect(dueReminder(deadline, settings, '2025-06-09')?.step).toBe('before');
  });

  it('sends nothing on the deadline itself, then every M days after it', () => {
    expect(dueReminder(deadline, settings, '2025-06-10')).toBeUndefined();
    expect(dueReminder(deadline, settings, '2025-06-16')).toBeUndefined();
    expect(dueReminder(deadline, settings, '2025-06-17')).toEqual({ step: 'after-1', kind: 'after', dueOn: '2025-06-17' });
    expect(dueReminder(deadline, settings, '2025-06-23')?.step).toBe('after-1');
    expect(dueReminder(deadline, settings, '2025-06-24')?.step).toBe('after-2');
  });

  it('after a pause, names only the latest step due, not the backlog', () => {
    expect(dueReminder(deadline, settings, '2025-08-01')).toEqual({ step: 'after-7', kind: 'after', dueOn: '2025-07-29' });
  });

  it('has no early reminder when N is 0', () => {
    expect(dueReminder(deadline, { beforeDays: 0, everyDays: 7 }, '2025-06-09')).toBeUndefined();
  });

  it('escalates once the body is late beyond its threshold, never without one', () => {
    expect(dueEscalation(deadline, 14, '2025-06-24')).toBeUndefined();
    expect(dueEscalation(deadline, 14, '2025-06-25')).toEqual({ step: 'escalate', kind: 'escalate', dueOn: '2025-06-25' });
    expect(dueEscalation(deadline, null, '2026-01-01')).toBeUndefined();
  });
});
