/**
 * The bodies a provincial child-affairs plan usually names, after the 2025 reorganisation
 * (Sở LĐTBXH dissolved: child affairs and social protection to Sở Y tế, labour to Sở Nội vụ).
 * Created once per installation and then edited by the administrator; aliases are the ways plans
 * write the name, used later to resolve bodies named in plan text.
 */
export interface DefaultAgency {
  kind: 'department' | 'mass_organisation' | 'committee' | 'sector' | 'other';
  shortName: string;
  fullName: string;
  aliases: string[];
  active?: boolean;
}

export const STANDING_BODY_SHORT_NAME = 'Sở Y tế';

export function defaultAgencies(provinceName: string): DefaultAgency[] {
  const p = provinceName.replace(/^Thành phố /, '');
  const isCity = provinceName.startsWith('Thành phố ');
  const level = isCity ? 'thành phố' : 'tỉnh';
  return [
    {
      kind: 'committee',
      shortName: `UBND ${level}`,
      fullName: `Ủy ban nhân dân ${level} ${p}`,
      aliases: [`UBND ${level} ${p}`, `Ủy ban nhân dân ${level}`],
    },
    { kind: 'department', shortName: 'Sở Y tế', fullName: `Sở Y tế ${level} ${p}`, aliases: ['SYT', 'Sở Y tế'] },
    {
      kind: 'department',
      shortName: 'Sở GD&ĐT',
      fullName: `Sở Giáo dục và Đào tạo ${level} ${p}`,
      aliases: ['Sở Giáo dục và Đào tạo', 'Sở Giáo dục - Đào tạo', 'Sở GDĐT', 'Sở GD-ĐT', 'ngành Giáo dục'],
    },
    {
      kind: 'department',
      shortName: 'Sở VHTTDL',
      fullName: `Sở Văn hóa, Thể thao và Du lịch ${level} ${p}`,
      aliases: ['Sở Văn hóa, Thể thao và Du lịch', 'Sở VH,TT&DL', 'Sở VHTT&DL', 'Sở Văn hóa và Thể thao'],
    },
    { kind: 'department', shortName: 'Sở Nội vụ', fullName: `Sở Nội vụ ${level} ${p}`, aliases: ['SNV'] },
    { kind: 'department', shortName: 'Sở Tư pháp', fullName: `Sở Tư pháp ${level} ${p}`, aliases: ['STP'] },
    {
      kind: 'department',
      shortName: 'Sở Tài chính',
      fullName: `Sở Tài chính ${level} ${p}`,
      aliases: ['Sở Kế hoạch và Đầu tư', 'Sở KH&ĐT', 'STC'],
    },
    {
      kind: 'department',
      shortName: 'Sở Nông nghiệp và Môi trường',
      fullName: `Sở Nông nghiệp và Môi trường ${level} ${p}`,
      aliases: ['Sở NN&MT', 'Sở Nông nghiệp và Phát triển nông thôn', 'Sở NN&PTNT', 'Sở Tài nguyên và Môi trường', 'Sở TN&MT'],
    },
    {
      kind: 'department',
      shortName: 'Sở Xây dựng',
      fullName: `Sở Xây dựng ${level} ${p}`,
      aliases: ['Sở Giao thông vận tải', 'Sở GTVT'],
    },
    {
      kind: 'department',
      shortName: 'Sở KH&CN',
      fullName: `Sở Khoa học và Công nghệ ${level} ${p}`,
      aliases: ['Sở Khoa học và Công nghệ', 'Sở Thông tin và Truyền thông', 'Sở TT&TT'],
    },
    {
      kind: 'department',
      shortName: 'Sở Công Thương',
      fullName: `Sở Công Thương ${level} ${p}`,
      aliases: ['Sở Công thương', 'SCT'],
    },
    {
      kind: 'department',
      shortName: 'Sở Dân tộc và Tôn giáo',
      fullName: `Sở Dân tộc và Tôn giáo ${level} ${p}`,
      aliases: ['Ban Dân tộc', 'Ban Dân tộc tỉnh', 'Sở Dân tộc - Tôn giáo'],
    },
    {
      kind: 'department',
      shortName: 'Sở LĐTBXH',
      fullName: `Sở Lao động - Thương binh và Xã hội ${level} ${p}`,
      aliases: ['Sở Lao động - Thương binh và Xã hội', 'Sở Lao động, Thương binh và Xã hội', 'Sở LĐ-TB&XH', 'Sở LĐTB&XH'],
      active: false,
    },
    { kind: 'sector', shortName: `Công an ${level}`, fullName: `Công an ${level} ${p}`, aliases: ['Công an', 'CA tỉnh'] },
    {
      kind: 'sector',
      shortName: `Bộ CHQS ${level}`,
      fullName: `Bộ Chỉ huy Quân sự ${level} ${p}`,
      aliases: ['Bộ Chỉ huy Quân sự', 'BCHQS tỉnh', 'Quân sự tỉnh'],
    },
    {
      // provinces without a land border or a coast have none: the administrator deactivates it
      kind: 'sector',
      shortName: `Bộ đội Biên phòng ${level}`,
      fullName: `Bộ Chỉ huy Bộ đội Biên phòng ${level} ${p}`,
      aliases: ['Bộ đội Biên phòng', 'BĐBP tỉnh', 'Biên phòng tỉnh', 'Bộ Chỉ huy Bộ đội Biên phòng'],
    },
    {
      kind: 'sector',
      shortName: `Tòa án nhân dân ${level}`,
      fullName: `Tòa án nhân dân ${level} ${p}`,
      aliases: ['TAND tỉnh', 'Tòa án'],
    },
    {
      kind: 'sector',
      shortName: `Viện KSND ${level}`,
      fullName: `Viện Kiểm sát nhân dân ${level} ${p}`,
      aliases: ['Viện Kiểm sát nhân dân tỉnh', 'VKSND tỉnh', 'Viện Kiểm sát'],
    },
    { kind: 'sector', shortName: 'Bảo hiểm xã hội', fullName: `Bảo hiểm xã hội ${level} ${p}`, aliases: ['BHXH tỉnh'] },
    { kind: 'sector', shortName: 'Thống kê', fullName: `Thống kê ${level} ${p}`, aliases: ['Cục Thống kê', 'Chi cục Thống kê'] },
    {
      // the province's newspaper and radio-television merged in 2025; plans written before name either
      kind: 'sector',
      shortName: 'Báo và Phát thanh, Truyền hình',
      fullName: `Báo và Phát thanh, Truyền hình ${p}`,
      aliases: [
        'Báo và Phát thanh, Truyền hình tỉnh',
        'Đài Phát thanh và Truyền hình tỉnh',
        `Đài Phát thanh và Truyền hình ${p}`,
        'Báo tỉnh',
        `Báo ${p}`,
        'Báo, Đài tỉnh',
        'Báo, Đài Phát thanh và Truyền hình tỉnh',
      ],
    },
    {
      kind: 'other',
      shortName: 'Trung tâm CTXH',
      fullName: `Trung tâm Công tác xã hội ${level} ${p}`,
      aliases: ['Trung tâm Công tác xã hội', 'Trung tâm CTXH tỉnh'],
    },
    {
      kind: 'other',
      shortName: 'Quỹ Bảo trợ trẻ em',
      fullName: `Quỹ Bảo trợ trẻ em ${level} ${p}`,
      aliases: ['Quỹ Bảo trợ trẻ em tỉnh'],
    },
    {
      kind: 'mass_organisation',
      shortName: 'Ủy ban MTTQ',
      fullName: `Ủy ban Mặt trận Tổ quốc Việt Nam ${level} ${p}`,
      aliases: ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh', 'Ủy ban MTTQ tỉnh', 'MTTQ tỉnh'],
    },
    {
      kind: 'mass_organisation',
      shortName: 'Tỉnh Đoàn',
      fullName: `Đoàn Thanh niên Cộng sản Hồ Chí Minh ${level} ${p}`,
      aliases: ['Tỉnh đoàn', 'Thành Đoàn', 'Đoàn TNCS Hồ Chí Minh tỉnh', 'Đoàn Thanh niên tỉnh'],
    },
    {
      kind: 'mass_organisation',
      shortName: 'Hội LHPN',
      fullName: `Hội Liên hiệp Phụ nữ ${level} ${p}`,
      aliases: ['Hội Liên hiệp Phụ nữ tỉnh', 'Hội LHPN tỉnh', 'Hội Phụ nữ tỉnh'],
    },
    {
      kind: 'mass_organisation',
      shortName: 'Hội Nông dân',
      fullName: `Hội Nông dân ${level} ${p}`,
      aliases: ['Hội Nông dân tỉnh', 'Hội ND tỉnh'],
    },
    {
      kind: 'mass_organisation',
      shortName: 'Liên đoàn Lao động',
      fullName: `Liên đoàn Lao động ${level} ${p}`,
      aliases: ['Liên đoàn Lao động tỉnh', 'LĐLĐ tỉnh'],
    },
    {
      kind: 'mass_organisation',
      shortName: 'Hội Cựu chiến binh',
      fullName: `Hội Cựu chiến binh ${level} ${p}`,
      aliases: ['Hội CCB tỉnh'],
    },
    {
      kind: 'mass_organisation',
      shortName: 'Hội Chữ thập đỏ',
      fullName: `Hội Chữ thập đỏ ${level} ${p}`,
      aliases: ['Hội CTĐ tỉnh'],
    },
    {
      kind: 'mass_organisation',
      shortName: 'Hội Bảo vệ quyền trẻ em',
      fullName: `Hội Bảo vệ quyền trẻ em ${level} ${p}`,
      aliases: ['Hội Bảo vệ quyền trẻ em Việt Nam tỉnh', 'Hội BVQTE tỉnh'],
    },
    {
      kind: 'mass_organisation',
      shortName: 'Hội Khuyến học',
      fullName: `Hội Khuyến học ${level} ${p}`,
      aliases: ['Hội Khuyến học tỉnh'],
    },
    {
      kind: 'mass_organisation',
      shortName: 'Hội Bảo trợ NKT và TMC',
      fullName: `Hội Bảo trợ người khuyết tật và trẻ mồ côi ${level} ${p}`,
      aliases: ['Hội Bảo trợ người khuyết tật và trẻ mồ côi'],
    },
  ];
}
