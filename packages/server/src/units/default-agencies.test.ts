import fs from 'node:fs';
import { parseProvinces, resolveBody, type AgencyForMatch } from '@tre/core';
import { describe, expect, it } from 'vitest';
import { defaultAgencies } from './default-agencies.ts';

/** The default agency list of a province in the matcher's shape, ids by short name. */
function listOf(provinceName: string) {
  const agencies: AgencyForMatch[] = defaultAgencies(provinceName).map((a) => ({
    ...a,
    id: a.shortName,
    active: a.active ?? true,
  }));
  const options = { provinceName: provinceName.replace(/^Thành phố /, ''), city: provinceName.startsWith('Thành phố ') };
  return { agencies, resolve: (name: string) => resolveBody(name, agencies, options) };
}

const PROVINCES = parseProvinces(fs.readFileSync(new URL('../../data/admin-units/provinces.csv', import.meta.url), 'utf8'));

describe('the default agency list', () => {
  it('resolves every agency’s short name, full name and aliases to that agency alone, in all 34 provinces', () => {
    for (const p of PROVINCES) {
      const { agencies, resolve } = listOf(p.name);
      for (const a of agencies.filter((x) => x.active)) {
        for (const name of [a.shortName, a.fullName, ...a.aliases]) {
          expect(resolve(name).resolution, `${p.name}: ${name}`).toEqual({ kind: 'agency', agencyId: a.id });
        }
      }
    }
  });

  const nghean = listOf('Nghệ An');
  it.each([
    ['Ủy ban MTTQ Việt Nam tỉnh', 'Ủy ban MTTQ'],
    ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Ủy ban MTTQ'],
    ['Ủy ban MTTQ tỉnh', 'Ủy ban MTTQ'],
    ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An', 'Ủy ban MTTQ'],
    ['Tỉnh Đoàn', 'Tỉnh Đoàn'],
    ['Đoàn TNCS Hồ Chí Minh tỉnh', 'Tỉnh Đoàn'],
    ['Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Nghệ An', 'Tỉnh Đoàn'],
    ['Hội Liên hiệp Phụ nữ tỉnh', 'Hội LHPN'],
    ['Hội LHPN tỉnh', 'Hội LHPN'],
    ['Hội Nông dân tỉnh', 'Hội Nông dân'],
    ['Hội Cựu chiến binh tỉnh', 'Hội Cựu chiến binh'],
    ['Liên đoàn Lao động tỉnh', 'Liên đoàn Lao động'],
    ['Hội Chữ thập đỏ tỉnh', 'Hội Chữ thập đỏ'],
    ['Hội Bảo vệ quyền trẻ em tỉnh', 'Hội Bảo vệ quyền trẻ em'],
    ['Công an tỉnh', 'Công an tỉnh'],
    ['Công an tỉnh Nghệ An', 'Công an tỉnh'],
    ['Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'Bộ đội Biên phòng tỉnh'],
    ['Bộ đội Biên phòng tỉnh', 'Bộ đội Biên phòng tỉnh'],
    ['Bộ Chỉ huy Quân sự tỉnh', 'Bộ CHQS tỉnh'],
    ['Tòa án nhân dân tỉnh', 'Tòa án nhân dân tỉnh'],
    ['TAND tỉnh Nghệ An', 'Tòa án nhân dân tỉnh'],
    ['Viện Kiểm sát nhân dân tỉnh', 'Viện KSND tỉnh'],
    ['Viện kiểm sát nhân dân tỉnh', 'Viện KSND tỉnh'],
    ['Báo Nghệ An', 'Báo và Phát thanh, Truyền hình'],
    ['Đài Phát thanh và Truyền hình Nghệ An', 'Báo và Phát thanh, Truyền hình'],
    ['Đài Phát thanh - Truyền hình tỉnh', 'Báo và Phát thanh, Truyền hình'],
    ['Báo và Phát thanh, Truyền hình Nghệ An', 'Báo và Phát thanh, Truyền hình'],
    ['Bảo hiểm xã hội tỉnh', 'Bảo hiểm xã hội'],
    ['Cục Thống kê tỉnh', 'Thống kê'],
    ['Chi cục Thống kê tỉnh Nghệ An', 'Thống kê'],
    ['Ban Dân tộc tỉnh', 'Sở Dân tộc và Tôn giáo'],
    ['Trung tâm Công tác xã hội tỉnh', 'Trung tâm CTXH'],
    ['Sở Công Thương', 'Sở Công Thương'],
    ['Sở Lao động - Thương binh và Xã hội', 'Sở Y tế'],
  ])('%s → %s', (name, shortName) => {
    expect(nghean.resolve(name).resolution).toEqual({ kind: 'agency', agencyId: shortName });
  });

  it('says why the old names of merged bodies resolve to the new ones', () => {
    expect(nghean.resolve('Ban Dân tộc tỉnh').rule?.vi).toContain('Sở Dân tộc và Tôn giáo');
    expect(nghean.resolve('Báo Nghệ An').rule?.vi).toContain('Báo và Phát thanh, Truyền hình');
    expect(nghean.resolve('Sở Lao động - Thương binh và Xã hội').rule?.vi).toContain('Sở Y tế');
  });

  it('matches a centrally-run city’s bodies written with "thành phố"', () => {
    const cantho = listOf('Thành phố Cần Thơ');
    for (const [name, shortName] of [
      ['Hội Liên hiệp Phụ nữ thành phố', 'Hội LHPN'],
      ['Ủy ban MTTQ Việt Nam thành phố', 'Ủy ban MTTQ'],
      ['Thành Đoàn', 'Tỉnh Đoàn'],
      ['Quỹ Bảo trợ trẻ em thành phố', 'Quỹ Bảo trợ trẻ em'],
      ['Công an thành phố', 'Công an thành phố'],
    ] as const) {
      expect(cantho.resolve(name).resolution, name).toEqual({ kind: 'agency', agencyId: shortName });
    }
    // in a province, "thành phố" is one of its former cities, not the province
    expect(nghean.resolve('Hội Liên hiệp Phụ nữ thành phố').resolution).toEqual({ kind: 'unresolved' });
  });
});
