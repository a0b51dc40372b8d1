import { describe, expect, it } from 'vitest';
import { foldFilter } from './foldFilter.ts';

const options = [
  { value: '17827', label: 'Xã Nghi Lộc (17827)' },
  { value: '16681', label: 'Phường Thành Vinh (16681)' },
  {
    group: 'Cơ quan',
    items: [
      { value: 'a1', label: 'Sở GD&ĐT' },
      { value: 'a2', label: 'Sở Y tế' },
    ],
  },
];
const labels = (r: ReturnType<ReturnType<typeof foldFilter>>) =>
  r.flatMap((o) => ('items' in o ? o.items.map((i) => i.label) : [o.label]));

describe('foldFilter', () => {
  it('finds names typed without diacritics, in any case and word order', () => {
    expect(labels(foldFilter()({ options, search: 'nghi loc', limit: 50 }))).toEqual(['Xã Nghi Lộc (17827)']);
    expect(labels(foldFilter()({ options, search: 'VINH thanh', limit: 50 }))).toEqual(['Phường Thành Vinh (16681)']);
    expect(labels(foldFilter()({ options, search: 'y te', limit: 50 }))).toEqual(['Sở Y tế']);
  });

  it('finds an option by its hidden keywords (an agency by its full name or aliases)', () => {
    const aliases = (v: string) => (v === 'a1' ? 'Sở Giáo dục và Đào tạo' : '');
    expect(labels(foldFilter(aliases)({ options, search: 'giao duc', limit: 50 }))).toEqual(['Sở GD&ĐT']);
  });

  it('keeps the limit, and gives every option for an empty search', () => {
    expect(labels(foldFilter()({ options, search: '', limit: 2 }))).toHaveLength(2);
  });
});
