import { describe, expect, it } from 'vitest';
import { contentChanges, missingFigures, type SubmissionContent } from './changes.ts';

const base: SubmissionContent = {
  narrative: { results: 'Đã tổ chức 3 lớp tập huấn.' },
  explanations: {},
  figures: { LIVE_BIRTHS: 120, DEATHS_U1: null },
  tasks: { t1: { status: 'in_progress', note: null } },
};

describe('what changed between two sendings', () => {
  it('lists each section, figure, explanation and task that changed, nothing else', () => {
    const after: SubmissionContent = {
      narrative: { results: 'Đã tổ chức 3 lớp tập huấn.', limitations: 'Thiếu kinh phí.' },
      explanations: { DEATHS_U1: 'Trạm y tế chưa tổng hợp' },
      figures: { LIVE_BIRTHS: 125, DEATHS_U1: null },
      tasks: { t1: { status: 'done', note: 'Xong' } },
    };
    const changes = contentChanges(base, after, (t) => t.replace(/^\w+:/, ''));
    expect(changes).toEqual([
      { target: 'section:limitations', label: 'Hạn chế, khó khăn và nguyên nhân', before: null, after: 'Thiếu kinh phí.' },
      { target: 'figure:LIVE_BIRTHS', label: 'LIVE_BIRTHS', before: '120', after: '125' },
      { target: 'explanation:DEATHS_U1', label: 'DEATHS_U1 (giải trình)', before: null, after: 'Trạm y tế chưa tổng hợp' },
      { target: 'task:t1', label: 't1', before: 'in_progress', after: 'done — Xong' },
    ]);
  });

  it('finds no change in the same content', () => {
    expect(contentChanges(base, structuredClone(base), String)).toEqual([]);
  });
});

describe('a report cannot be on time but empty', () => {
  it('names each required figure neither entered nor explained', () => {
    expect(missingFigures(['A', 'B', 'C'], { A: 3, B: null }, { C: '  ' })).toEqual(['B', 'C']);
    expect(missingFigures(['A', 'B'], { A: 0, B: null }, { B: 'Không phát sinh' })).toEqual([]);
  });
});
