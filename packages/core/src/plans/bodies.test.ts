import { describe, expect, it } from 'vitest';
import { bodyKey, groupsOfAgency, resolveBody, type AgencyForMatch } from './bodies.ts';

/** A few of the default agencies of Nghệ An (server/src/units/default-agencies.ts), ids by short name. */
const agencies: AgencyForMatch[] = [
  { shortName: 'UBND tỉnh', fullName: 'Ủy ban nhân dân tỉnh Nghệ An', aliases: ['UBND tỉnh Nghệ An'], kind: 'committee' },
  { shortName: 'Sở Y tế', fullName: 'Sở Y tế tỉnh Nghệ An', aliases: ['SYT', 'Sở Y tế'], kind: 'department' },
  {
    shortName: 'Sở GD&ĐT',
    fullName: 'Sở Giáo dục và Đào tạo tỉnh Nghệ An',
    aliases: ['Sở Giáo dục và Đào tạo', 'Sở Giáo dục - Đào tạo', 'Sở GDĐT', 'Sở GD-ĐT', 'ngành Giáo dục'],
    kind: 'department',
  },
  {
    shortName: 'Sở VHTTDL',
    fullName: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Nghệ An',
    aliases: ['Sở VH,TT&DL'],
    kind: 'department',
  },
  { shortName: 'Sở Tài chính', fullName: 'Sở Tài chính tỉnh Nghệ An', aliases: ['Sở Kế hoạch và Đầu tư'], kind: 'department' },
  {
    shortName: 'Sở LĐTBXH',
    fullName: 'Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An',
    aliases: ['Sở Lao động - Thương binh và Xã hội', 'Sở LĐ-TB&XH'],
    kind: 'department',
    active: false,
  },
  { shortName: 'Công an tỉnh', fullName: 'Công an tỉnh Nghệ An', aliases: ['Công an', 'CA tỉnh'], kind: 'sector' },
  {
    shortName: 'Tỉnh Đoàn',
    fullName: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Nghệ An',
    aliases: [],
    kind: 'mass_organisation',
  },
  // two agencies sharing an alias: a name matching both is never resolved to either
  { shortName: 'Hội A', fullName: 'Hội Bảo trợ A', aliases: ['Hội Bảo trợ'], kind: 'mass_organisation' },
  { shortName: 'Hội B', fullName: 'Hội Bảo trợ B', aliases: ['Hội Bảo trợ'], kind: 'mass_organisation' },
].map((a) => ({ active: true, ...a, id: `id:${a.shortName}` }));

const resolve = (name: string) => resolveBody(name, agencies, { provinceName: 'Nghệ An' });

describe('bodyKey', () => {
  it('ignores diacritics, case, spaces, punctuation, "và", "&" and "-"', () => {
    const k = bodyKey('Sở GD&ĐT');
    expect(bodyKey('Sở GDĐT')).toBe(k);
    expect(bodyKey('sở gd - đt')).toBe(k);
    expect(bodyKey('Sở Giáo dục và Đào tạo')).toBe(bodyKey('Sở Giáo dục - Đào tạo'));
    expect(bodyKey('Ủy ban nhân dân tỉnh')).toBe(bodyKey('UBND tỉnh'));
    expect(bodyKey('Uỷ ban nhân dân tỉnh')).toBe(bodyKey('UBND tỉnh'));
  });
});

describe('resolveBody', () => {
  it.each([
    ['Sở GD&ĐT', 'Sở GD&ĐT'],
    ['Sở GDĐT', 'Sở GD&ĐT'],
    ['Sở Giáo dục và Đào tạo', 'Sở GD&ĐT'],
    ['Sở Giáo dục - Đào tạo', 'Sở GD&ĐT'],
    ['SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'Sở GD&ĐT'],
    ['Sở Giáo dục và Đào tạo tỉnh Nghệ An', 'Sở GD&ĐT'],
    ['Sở Giáo dục và Đào tạo tỉnh', 'Sở GD&ĐT'],
    ['Sở Văn hóa, Thể thao và Du lịch', 'Sở VHTTDL'],
    ['Sở Văn hoá - Thể thao và Du lịch', 'Sở VHTTDL'],
    ['Sở Kế hoạch và Đầu tư', 'Sở Tài chính'],
    ['Công an tỉnh', 'Công an tỉnh'],
    ['Tỉnh Đoàn', 'Tỉnh Đoàn'],
    ['Ủy ban nhân dân tỉnh', 'UBND tỉnh'],
  ])('%s → %s', (name, shortName) => {
    expect(resolve(name).resolution).toEqual({ kind: 'agency', agencyId: `id:${shortName}` });
  });

  it.each([
    ['các sở, ban, ngành', 'all_agencies'],
    ['Các sở, ngành', 'all_agencies'],
    ['các sở, ban, ngành, đoàn thể', 'all_agencies'],
    ['các sở, ngành có liên quan', 'all_agencies'],
    ['Các Sở, ban, ngành, hội, đoàn thể tỉnh', 'all_agencies'],
    ['UBND cấp xã', 'all_communes'],
    ['Ủy ban nhân dân các xã, phường, thị trấn', 'all_communes'],
    ['UBND các xã, thị trấn', 'all_communes'],
    ['các tổ chức chính trị - xã hội', 'mass_organisations'],
    ['các hội, đoàn thể', 'mass_organisations'],
  ])('%s → group %s', (name, group) => {
    expect(resolve(name)).toEqual({ resolution: { kind: 'group', group }, candidates: [] });
  });

  it('never applies the abolished district level silently: unresolved, all_communes suggested', () => {
    for (const name of ['UBND các huyện, thị xã, thành phố', 'Ủy ban nhân dân các huyện, thành phố', 'UBND cấp huyện']) {
      expect(resolve(name)).toEqual({ resolution: { kind: 'unresolved' }, candidates: [], suggestedGroup: 'all_communes' });
    }
    // one named district is not the level
    expect(resolve('UBND huyện Nghi Lộc').suggestedGroup).toBeUndefined();
  });

  it('resolves Sở LĐTBXH to the inactive agency and offers Sở Y tế, which took over child affairs', () => {
    const r = resolve('Sở Lao động - Thương binh và Xã hội');
    expect(r.resolution).toEqual({ kind: 'agency', agencyId: 'id:Sở LĐTBXH' });
    expect(r.candidates.map((c) => c.agencyId)).toEqual(['id:Sở Y tế']);
    expect(resolve('Sở Lao động, Thương binh và Xã hội').resolution).toEqual(r.resolution);
  });

  it('offers the matching Sở for a district office, without resolving it', () => {
    const r = resolve('Phòng Giáo dục và Đào tạo');
    expect(r.resolution).toEqual({ kind: 'unresolved' });
    expect(r.candidates.map((c) => c.agencyId)).toEqual(['id:Sở GD&ĐT']);
    expect(resolve('Phòng Giáo dục và Đào tạo huyện Nghi Lộc').candidates.map((c) => c.agencyId)).toEqual(['id:Sở GD&ĐT']);
    const labour = resolve('Phòng Lao động - Thương binh và Xã hội');
    expect(labour.candidates.map((c) => c.agencyId)).toEqual(['id:Sở LĐTBXH', 'id:Sở Y tế']);
  });

  it('keeps a name matching several agencies unresolved, with all of them as candidates', () => {
    const r = resolve('Hội Bảo trợ');
    expect(r.resolution).toEqual({ kind: 'unresolved' });
    expect(r.candidates.map((c) => c.agencyId).sort()).toEqual(['id:Hội A', 'id:Hội B']);
  });

  it('keeps vague and unknown names unresolved', () => {
    expect(resolve('các cơ quan, đơn vị liên quan')).toEqual({ resolution: { kind: 'unresolved' }, candidates: [] });
    expect(resolve('Ban Tuyên giáo Tỉnh ủy').resolution).toEqual({ kind: 'unresolved' });
    expect(resolve('').resolution).toEqual({ kind: 'unresolved' });
  });

  it('offers loose matches as hints only', () => {
    const r = resolve('Sở Y tế và Bảo hiểm');
    expect(r.resolution).toEqual({ kind: 'unresolved' });
    expect(r.candidates.map((c) => c.agencyId)).toContain('id:Sở Y tế');
  });
});

describe('groupsOfAgency', () => {
  it('puts active departments and sectors in all_agencies, mass organisations in their group, inactive bodies in none', () => {
    expect(groupsOfAgency({ kind: 'department', active: true })).toEqual(['all_agencies']);
    expect(groupsOfAgency({ kind: 'sector', active: true })).toEqual(['all_agencies']);
    expect(groupsOfAgency({ kind: 'mass_organisation', active: true })).toEqual(['mass_organisations']);
    expect(groupsOfAgency({ kind: 'committee', active: true })).toEqual([]);
    expect(groupsOfAgency({ kind: 'department', active: false })).toEqual([]);
  });
});
