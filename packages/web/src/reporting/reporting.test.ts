import type { RoundSummaryDto, SubmissionDto } from '@tre/core';
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../i18n/messages.ts';
import { vi } from '../i18n/messages.ts';
import { formatDay, formatDayTime, ownState } from './labels.ts';
import { recipientLines } from './report/FrontEditor.tsx';
import { progressLabel } from './submission/progress.ts';
import { commentsByTarget, commentTargets, parseTarget, targetName } from './submission/targets.ts';
import { changedTasks, missingNow, type TextDraft } from './submission/edits.ts';

const element = (code: string, value: number | null, name = code) => ({
  code,
  name: { vi: name, en: `${name} (en)` },
  categories: [],
  value,
  parts: [],
  enteredBy: null,
  enteredAt: null,
});

const submission = (over: Partial<SubmissionDto> = {}): SubmissionDto => ({
  id: 's1',
  roundId: 'r1',
  roundTitle: 'Báo cáo 6 tháng đầu năm 2025',
  period: '2025S1',
  deadline: '2025-06-15',
  unitKind: 'commune',
  unitCode: '16681',
  unitName: 'Phường Thành Vinh',
  state: 'draft',
  version: 0,
  narrative: {},
  explanations: {},
  figures: {
    unit: { kind: 'commune', code: '16681', name: 'Phường Thành Vinh' } as SubmissionDto['figures']['unit'],
    period: '2025S1',
    dataSet: 'commune',
    elements: [element('LIVE_BIRTHS', null, 'Số trẻ đẻ sống'), element('CHILDREN_TOTAL', 1200), element('CHILD_MARRIAGES', null)],
  },
  missingFigures: [],
  tasks: [
    {
      taskId: '5f124e9b-19b4-4eb6-987b-375953fee4e6',
      path: 'III.4',
      text: 'Rà soát trẻ em có hoàn cảnh đặc biệt',
      role: 'lead',
      status: 'in_progress',
      note: 'Đã rà soát 40 trẻ',
      evidenceFileId: null,
      evidenceFileName: null,
    },
  ],
  comments: [],
  changes: [],
  firstSubmittedAt: null,
  lastSubmittedAt: null,
  onTime: null,
  daysLate: null,
  submittedAfterClose: false,
  locked: false,
  actions: ['save', 'submit'],
  ...over,
});

describe('dates', () => {
  it('writes dates dd/mm/yyyy, an instant on its day and hour in Vietnam', () => {
    expect(formatDay('2025-06-05')).toBe('05/06/2025');
    // 17:30 UTC on 15 June is 00:30 on 16 June in Vietnam: one day late for a deadline of the 15th
    expect(formatDay('2025-06-15T17:30:00.000Z')).toBe('16/06/2025');
    expect(formatDayTime('2025-06-15T17:30:00.000Z')).toBe('16/06/2025 00:30');
    expect(formatDay(null)).toBe('');
  });
});

describe('a body’s own state in the rounds it owes', () => {
  const counts = (c: Partial<RoundSummaryDto['counts']>): RoundSummaryDto => ({
    id: 'r',
    title: 't',
    period: '2025S1',
    deadline: '2025-06-15',
    planId: null,
    closedAt: null,
    ownState: null,
    counts: {
      owed: 1,
      submitted: 0,
      onTime: 0,
      late: 0,
      missing: 1,
      accepted: 0,
      returned: 0,
      completeness: 0,
      timeliness: 0,
      ...c,
    },
  });
  it('reads accepted, returned, sent or not from its counts', () => {
    expect(ownState(counts({}))).toBe('missing');
    expect(ownState(counts({ submitted: 1 }))).toBe('submitted');
    expect(ownState(counts({ submitted: 1, returned: 1 }))).toBe('returned');
    expect(ownState(counts({ submitted: 1, accepted: 1 }))).toBe('accepted');
  });
  it('takes the state the server gives: a draft, a resubmission', () => {
    expect(ownState({ ...counts({}), ownState: 'draft' })).toBe('draft');
    expect(ownState({ ...counts({ submitted: 1 }), ownState: 'resubmitted' })).toBe('resubmitted');
  });
});

describe('a submission’s edits', () => {
  const s = submission();
  const draft = (over: Partial<TextDraft> = {}): TextDraft => ({
    source: s,
    narrative: {},
    explanations: {},
    tasks: { [s.tasks[0]?.taskId ?? '']: { status: 'in_progress', note: 'Đã rà soát 40 trẻ' } },
    ...over,
  });

  it('counts as missing a figure neither in its box nor explained', () => {
    const cells = { LIVE_BIRTHS: { '': 120 }, CHILDREN_TOTAL: { '': 1200 }, CHILD_MARRIAGES: { '': null } };
    expect(missingNow(s, cells, {})).toEqual(['CHILD_MARRIAGES']);
    expect(missingNow(s, cells, { CHILD_MARRIAGES: '  ' })).toEqual(['CHILD_MARRIAGES']);
    expect(missingNow(s, cells, { CHILD_MARRIAGES: 'Chưa phát sinh' })).toEqual([]);
  });

  it('finds the tasks whose progress changed, ignoring spaces around the note', () => {
    const id = s.tasks[0]?.taskId ?? '';
    expect(changedTasks(s, draft())).toEqual([]);
    expect(changedTasks(s, draft({ tasks: { [id]: { status: 'in_progress', note: ' Đã rà soát 40 trẻ ' } } }))).toEqual([]);
    expect(changedTasks(s, draft({ tasks: { [id]: { status: 'done', note: 'Đã rà soát 40 trẻ' } } }))).toEqual([id]);
  });
});

describe('comment targets', () => {
  const s = submission();
  it('names each part in the user’s language', () => {
    expect(targetName('figure:LIVE_BIRTHS', s, 'vi')).toBe('Số trẻ đẻ sống');
    expect(targetName('explanation:LIVE_BIRTHS', s, 'en')).toBe('Số trẻ đẻ sống (en)');
    expect(targetName('section:results', s, 'vi')).toBe('Kết quả thực hiện');
    expect(targetName(`task:${s.tasks[0]?.taskId ?? ''}`, s, 'vi')).toBe('III.4 Rà soát trẻ em có hoàn cảnh đặc biệt');
    expect(parseTarget('whole')).toEqual({ kind: 'whole', key: '' });
  });

  it('offers the whole, every task, figure and section, in the order of the page', () => {
    const targets = commentTargets(s);
    expect(targets[0]).toBe('whole');
    expect(targets).toContain('figure:CHILD_MARRIAGES');
    expect(targets.at(-1)).toBe('section:proposals');
    // each one the server accepts (reporting/submissions/workflow.ts)
    const accepted = /^(whole|section:(results|limitations|nextSteps|proposals)|figure:[A-Z0-9_]+|task:[0-9a-f-]{36})$/;
    expect(targets.every((x) => accepted.test(x))).toBe(true);
  });

  it('groups comments by part, newest first', () => {
    const c = (id: string, target: string, createdAt: string) => ({
      id,
      version: 1,
      action: 'return' as const,
      target,
      text: id,
      author: 'Sở Y tế',
      createdAt,
    });
    const by = commentsByTarget([
      c('a', 'whole', '2025-06-01T00:00:00Z'),
      c('b', 'whole', '2025-06-02T00:00:00Z'),
      c('x', 'figure:A', '2025-06-01T00:00:00Z'),
    ]);
    expect(by.get('whole')?.map((x) => x.id)).toEqual(['b', 'a']);
    expect(by.get('figure:A')).toHaveLength(1);
  });
});

describe('small readings', () => {
  it('takes recipients one a line, without the dashes and end marks the document adds', () => {
    expect(recipientLines('- Bộ Y tế;\n\n  Thường trực Tỉnh ủy  \n- Lưu: VT, KGVX.')).toEqual([
      'Bộ Y tế',
      'Thường trực Tỉnh ủy',
      'Lưu: VT, KGVX',
    ]);
  });

  it('writes a task’s progress in words in the change list', () => {
    const t = (key: MessageKey) => vi[key];
    expect(progressLabel('in_progress — Đã rà soát', t)).toBe('Đang thực hiện — Đã rà soát');
    expect(progressLabel('done', t)).toBe('Hoàn thành');
  });
});
