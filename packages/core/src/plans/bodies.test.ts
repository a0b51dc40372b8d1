import { describe, expect, it } from 'vitest';
import { bodyKey, groupsOfAgency, leadDecided, resolveBody, similarKey, type AgencyForMatch } from './bodies.ts';
import { RULES } from './body-phrases.ts';

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
  { shortName: 'Sở Nội vụ', fullName: 'Sở Nội vụ tỉnh Nghệ An', aliases: [], kind: 'department' },
  {
    shortName: 'Tỉnh Đoàn',
    fullName: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Nghệ An',
    aliases: [],
    kind: 'mass_organisation',
  },
  {
    shortName: 'Ủy ban MTTQ',
    fullName: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An',
    aliases: ['MTTQ tỉnh'],
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

describe('similarKey', () => {
  it('takes names that differ in case, diacritics, "các", "có", "và", "Việt Nam" or an abbreviation as one', () => {
    expect(similarKey('Các địa phương')).toBe(similarKey('các địa phương'));
    expect(similarKey('UBND các huyện, thị xã và thành phố')).toBe(similarKey('UBND các huyện, thị xã, thành phố'));
    expect(similarKey('Phòng Văn hoá - Thông tin')).toBe(similarKey('Phòng Văn hóa - Thông tin'));
    expect(similarKey('các đơn vị có liên quan')).toBe(similarKey('các đơn vị liên quan'));
    expect(similarKey('Ủy ban MTTQ Việt Nam tỉnh')).toBe(similarKey('Ủy ban Mặt trận Tổ quốc tỉnh'));
    expect(similarKey('Công an xã')).not.toBe(similarKey('Công an tỉnh'));
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
    ['các sở, ban, ngành', 'all_agencies', RULES.all_agencies],
    ['Các sở, ngành', 'all_agencies', RULES.all_agencies],
    ['các sở, ban, ngành, đoàn thể', 'all_agencies', RULES.all_agencies],
    ['các sở, ngành có liên quan', 'all_agencies', RULES.all_agencies],
    ['các sở, ngành liên quan', 'all_agencies', RULES.all_agencies],
    ['Các sở, ngành tỉnh', 'all_agencies', RULES.all_agencies],
    ['Các Sở, ban, ngành, hội, đoàn thể tỉnh', 'all_agencies', RULES.all_agencies],
    ['UBND cấp xã', 'all_communes', RULES.all_communes],
    ['Ủy ban nhân dân các xã, phường, thị trấn', 'all_communes', RULES.all_communes],
    ['UBND các xã, thị trấn', 'all_communes', RULES.all_communes],
    ['UBND các xã, phường, đặc khu', 'all_communes', RULES.all_communes],
    ['các địa phương', 'all_communes', RULES.localities],
    ['Các địa phương trên địa bàn tỉnh', 'all_communes', RULES.localities],
    ['UBND các địa phương', 'all_communes', RULES.localities],
    ['chính quyền địa phương', 'all_communes', RULES.localities],
    ['UBND các cấp', 'all_communes', RULES.all_levels],
    ['Ủy ban nhân dân các cấp', 'all_communes', RULES.all_levels],
    ['chính quyền các cấp', 'all_communes', RULES.all_levels],
    ['UBND cấp huyện', 'all_communes', RULES.district],
    ['UBND các huyện, thị xã, thành phố', 'all_communes', RULES.district],
    ['UBND các huyện, thị xã và thành phố', 'all_communes', RULES.district],
    ['Ủy ban nhân dân các huyện, thành phố', 'all_communes', RULES.district],
    ['UBND cấp huyện, cấp xã', 'all_communes', RULES.district],
    ['các tổ chức chính trị - xã hội', 'mass_organisations', RULES.mass_organisations],
    ['các hội, đoàn thể', 'mass_organisations', RULES.mass_organisations],
    ['Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội', 'mass_organisations', RULES.mass_organisations],
    ['các sở, ngành, địa phương', 'agencies_and_communes', RULES.agencies_and_communes],
    ['các sở, ban, ngành, địa phương liên quan', 'agencies_and_communes', RULES.agencies_and_communes],
  ])('%s → group %s, with its rule', (name, group, rule) => {
    expect(resolve(name)).toEqual({ resolution: { kind: 'group', group }, candidates: [], rule });
  });

  it('reads a group phrase with vague nouns mixed in as the group, saying the vague words are left aside', () => {
    const r = resolve('các sở, ngành, đơn vị liên quan');
    expect(r.resolution).toEqual({ kind: 'group', group: 'all_agencies' });
    expect(r.rule?.vi).toContain('bỏ qua');
    expect(r.rule?.en).toContain('left aside');
    expect(resolve('các đơn vị, địa phương').resolution).toEqual({ kind: 'group', group: 'all_communes' });
  });

  it('never takes one named district or commune for the level', () => {
    for (const name of ['UBND huyện Nghi Lộc', 'UBND phường Trường Vinh', 'UBND thành phố Vinh']) {
      expect(resolve(name).resolution).toEqual({ kind: 'unresolved' });
    }
    expect(resolve('UBND tỉnh').resolution).toEqual({ kind: 'agency', agencyId: 'id:UBND tỉnh' });
  });

  it.each([
    ['các tổ chức, đơn vị, cá nhân liên quan', RULES.vague],
    ['các tổ chức, cá nhân liên quan', RULES.vague],
    ['Các cơ quan, đơn vị, tổ chức có liên quan', RULES.vague],
    ['các cơ quan liên quan', RULES.vague],
    ['các đơn vị có liên quan', RULES.vague],
    ['gia đình và trẻ em', RULES.vague],
    ['cha mẹ, học sinh', RULES.vague],
    ['các bộ, ngành có liên quan', RULES.central],
    ['các Bộ, ngành Trung ương', RULES.central],
    ['các thôn, xóm', RULES.villages],
    ['Trưởng các thôn, bản', RULES.villages],
    ['các tổ dân phố', RULES.villages],
  ])('keeps "%s" as written, not tracked, needing no decision', (name, rule) => {
    expect(resolve(name)).toEqual({ resolution: { kind: 'not_tracked' }, candidates: [], rule });
  });

  it('resolves Sở LĐTBXH to Sở Y tế, which took over child affairs, saying so and offering the other heir and the old body', () => {
    const r = resolve('Sở Lao động - Thương binh và Xã hội');
    expect(r.resolution).toEqual({ kind: 'agency', agencyId: 'id:Sở Y tế' });
    expect(r.rule?.vi).toContain('Sở Y tế');
    expect(r.rule?.en).toContain('Department of Health');
    expect(r.candidates.map((c) => c.agencyId)).toEqual(['id:Sở Nội vụ', 'id:Sở LĐTBXH']);
    expect(resolve('Sở Lao động, Thương binh và Xã hội tỉnh Nghệ An').resolution).toEqual(r.resolution);
    expect(resolve('Sở LĐ-TB&XH').resolution).toEqual(r.resolution);
  });

  it('says why an old name of a merged department resolves to the new one', () => {
    const r = resolve('Sở Kế hoạch và Đầu tư tỉnh');
    expect(r.resolution).toEqual({ kind: 'agency', agencyId: 'id:Sở Tài chính' });
    expect(r.rule?.vi).toContain('hợp nhất vào Sở Tài chính');
    expect(resolve('Sở Tài chính').rule).toBeUndefined();
  });

  it('matches the province’s bodies written with abbreviations, "Việt Nam" and the province’s name or level', () => {
    for (const name of [
      'Ủy ban MTTQ Việt Nam tỉnh',
      'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
      'Ủy ban MTTQ tỉnh',
      'Ủy ban MTTQ tỉnh Nghệ An',
      'UBMTTQ tỉnh',
      'Mặt trận Tổ quốc tỉnh',
    ]) {
      expect(resolve(name).resolution, name).toEqual({ kind: 'agency', agencyId: 'id:Ủy ban MTTQ' });
    }
    expect(resolve('Đoàn TNCS Hồ Chí Minh tỉnh').resolution).toEqual({ kind: 'agency', agencyId: 'id:Tỉnh Đoàn' });
    // a commune's front is not the province's
    expect(resolve('Ủy ban MTTQ Việt Nam xã').resolution).toEqual({ kind: 'unresolved' });
  });

  it('reads "X là cơ quan thường trực" as X', () => {
    expect(resolve('Sở Y tế là cơ quan thường trực').resolution).toEqual({ kind: 'agency', agencyId: 'id:Sở Y tế' });
  });

  it('offers the matching Sở for a district office, without resolving it', () => {
    const r = resolve('Phòng Giáo dục và Đào tạo');
    expect(r.resolution).toEqual({ kind: 'unresolved' });
    expect(r.candidates.map((c) => c.agencyId)).toEqual(['id:Sở GD&ĐT']);
    expect(resolve('Phòng Giáo dục và Đào tạo huyện Nghi Lộc').candidates.map((c) => c.agencyId)).toEqual(['id:Sở GD&ĐT']);
    const labour = resolve('Phòng Lao động - Thương binh và Xã hội');
    expect(labour.resolution).toEqual({ kind: 'unresolved' });
    expect(labour.candidates.map((c) => c.agencyId)).toEqual(['id:Sở Y tế', 'id:Sở Nội vụ', 'id:Sở LĐTBXH']);
  });

  it('keeps a name matching several agencies unresolved, with all of them as candidates', () => {
    const r = resolve('Hội Bảo trợ');
    expect(r.resolution).toEqual({ kind: 'unresolved' });
    expect(r.candidates.map((c) => c.agencyId).sort()).toEqual(['id:Hội A', 'id:Hội B']);
  });

  it('keeps unknown names unresolved', () => {
    expect(resolve('Ban Tuyên giáo Tỉnh ủy').resolution).toEqual({ kind: 'unresolved' });
    expect(resolve('gia đình quản lý học sinh').resolution).toEqual({ kind: 'unresolved' });
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
    expect(groupsOfAgency({ kind: 'department', active: true })).toEqual(['all_agencies', 'agencies_and_communes']);
    expect(groupsOfAgency({ kind: 'sector', active: true })).toEqual(['all_agencies', 'agencies_and_communes']);
    expect(groupsOfAgency({ kind: 'mass_organisation', active: true })).toEqual(['mass_organisations']);
    expect(groupsOfAgency({ kind: 'committee', active: true })).toEqual([]);
    expect(groupsOfAgency({ kind: 'department', active: false })).toEqual([]);
  });
});

describe('leadDecided', () => {
  it('needs an agency, a group or a deliberate "external" among the leads', () => {
    expect(leadDecided([])).toBe(false);
    expect(leadDecided([{ kind: 'unresolved' }, { kind: 'not_tracked' }])).toBe(false);
    expect(leadDecided([{ kind: 'unresolved' }, { kind: 'agency', agencyId: 'x' }])).toBe(true);
    expect(leadDecided([{ kind: 'group', group: 'all_communes' }])).toBe(true);
    expect(leadDecided([{ kind: 'external' }])).toBe(true);
  });
});
