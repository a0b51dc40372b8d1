import { describe, expect, it } from 'vitest';
import { parsePlanText } from './parse.ts';
import { issuerProvince, planWarnings } from './warnings.ts';

const plan = (issuer: string | null, body = '') =>
  parsePlanText(
    `${issuer ?? ''}\nKẾ HOẠCH\nThực hiện công tác trẻ em năm 2026\nI. NHIỆM VỤ\n1. Tổ chức Tháng hành động vì trẻ em.\n- Đơn vị chủ trì: Sở Y tế\n${body}`,
  ).plan;

describe('warnings before a plan is saved', () => {
  it('reads the province an issuer names, whatever its case and marks', () => {
    expect(issuerProvince('ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH')).toBe('ha tinh');
    expect(issuerProvince('UBND thành phố Hải Phòng')).toBe('hai phong');
    expect(issuerProvince('Sở Y tế')).toBeNull();
    expect(issuerProvince('UBND xã Nghi Lộc')).toBeNull();
  });

  it('warns of a plan issued by another province, not of one of its own or of a department', () => {
    expect(planWarnings({ ...plan(null), issuer: 'ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH' }, 'Nghệ An')).toEqual([
      { code: 'other-province', issuerProvince: 'ha tinh' },
    ]);
    expect(planWarnings({ ...plan(null), issuer: 'UBND TỈNH NGHỆ AN' }, 'Nghệ An')).toEqual([]);
    expect(planWarnings({ ...plan(null), issuer: 'UBND THÀNH PHỐ HÀ NỘI' }, 'Thành phố Hà Nội')).toEqual([]);
    expect(planWarnings({ ...plan(null), issuer: 'SỞ Y TẾ' }, 'Nghệ An')).toEqual([]);
  });

  it('warns of a document with no task, no target and no report deadline', () => {
    const empty = parsePlanText('Danh sách khách mời dự lễ khai mạc\nÔng Nguyễn Văn A\nBà Trần Thị B').plan;
    expect(planWarnings(empty, 'Nghệ An')).toContainEqual({ code: 'nothing-to-track' });
    expect(planWarnings(plan(null), 'Nghệ An')).not.toContainEqual({ code: 'nothing-to-track' });
  });

  it('warns of tasks whose lead is not decided, naming the unresolved leads, under the reviewer’s current resolutions', () => {
    const doc = plan(null);
    const task = doc.tasks[0];
    if (!task) throw new Error('no task');
    const twoTasks = {
      ...doc,
      tasks: [task, { ...task, lead: ['Phòng Giáo dục'] }, { ...task, lead: [] }, { ...task, lead: ['các đơn vị liên quan'] }],
    };
    const resolutionOf = (name: string) =>
      name === 'Sở Y tế'
        ? { kind: 'agency' as const, agencyId: 'y' }
        : name === 'Phòng Giáo dục'
          ? { kind: 'unresolved' as const }
          : { kind: 'not_tracked' as const };
    expect(planWarnings(twoTasks, 'Nghệ An', resolutionOf)).toEqual([
      { code: 'undecided-leads', tasks: 3, withoutLead: 1, names: ['Phòng Giáo dục'] },
    ]);
    expect(planWarnings(doc, 'Nghệ An', resolutionOf)).toEqual([]);
    // without resolutions (nothing decided yet) leads are not judged
    expect(planWarnings(twoTasks, 'Nghệ An')).toEqual([]);
  });
});
