/**
 * The 2025 reorganisation of provincial bodies, as plans written before it still name them. Two
 * kinds of change:
 * - a body dissolved whose child-affairs work another agency took over: Sở LĐTBXH (inactive in the
 *   default agency list) → Sở Y tế. A name matching it resolves to the successor, with the rule
 *   shown, and the other heirs (and the old body itself) offered;
 * - bodies merged into another one under a new name, whose old names are aliases of the new agency
 *   (Sở Kế hoạch và Đầu tư → Sở Tài chính): the match stays, and the rule says why.
 */
import type { BodyRule } from './plan-api.ts';
import { canonicalKey } from './body-words.ts';

export interface Succession {
  /** short name of the dissolved agency in the default list */
  from: string;
  /** short name of the agency that took over its child-affairs work */
  to: string;
  /** short names of the agencies that took over its other work, offered as candidates */
  others: string[];
  rule: BodyRule;
}

export const SUCCESSIONS: Succession[] = [
  {
    from: 'Sở LĐTBXH',
    to: 'Sở Y tế',
    others: ['Sở Nội vụ'],
    rule: {
      vi: 'Sở Lao động - Thương binh và Xã hội chấm dứt hoạt động từ 01/3/2025: công tác trẻ em, bảo trợ xã hội chuyển sang Sở Y tế (lao động, việc làm sang Sở Nội vụ)',
      en: 'The Department of Labour, Invalids and Social Affairs was dissolved on 1 March 2025: child affairs and social protection passed to the Department of Health (labour and employment to Home Affairs)',
    },
  },
];

const merged = (names: string[], vi: string, en: string) => ({ names, rule: { vi, en } });

/** Old names of bodies merged in 2025, by what the successor is called. */
const MERGERS: { names: string[]; rule: BodyRule }[] = [
  merged(
    ['Sở Kế hoạch và Đầu tư', 'Sở KH&ĐT', 'Sở KHĐT'],
    'Sở Kế hoạch và Đầu tư hợp nhất vào Sở Tài chính từ 01/3/2025',
    'The Department of Planning and Investment merged into Finance on 1 March 2025',
  ),
  merged(
    ['Sở Giao thông vận tải', 'Sở GTVT'],
    'Sở Giao thông vận tải hợp nhất vào Sở Xây dựng từ 01/3/2025',
    'The Department of Transport merged into Construction on 1 March 2025',
  ),
  merged(
    ['Sở Thông tin và Truyền thông', 'Sở TT&TT', 'Sở TTTT'],
    'Sở Thông tin và Truyền thông hợp nhất vào Sở Khoa học và Công nghệ từ 01/3/2025',
    'The Department of Information and Communications merged into Science and Technology on 1 March 2025',
  ),
  merged(
    ['Sở Nông nghiệp và Phát triển nông thôn', 'Sở NN&PTNT', 'Sở Tài nguyên và Môi trường', 'Sở TN&MT'],
    'Hợp nhất thành Sở Nông nghiệp và Môi trường từ 01/3/2025',
    'Merged into the Department of Agriculture and Environment on 1 March 2025',
  ),
  merged(
    ['Ban Dân tộc'],
    'Ban Dân tộc tỉnh trở thành Sở Dân tộc và Tôn giáo từ 01/3/2025',
    'The provincial Ethnic Affairs Committee became the Department of Ethnic and Religious Affairs on 1 March 2025',
  ),
  merged(
    ['Báo', 'Đài Phát thanh và Truyền hình', 'Đài Phát thanh - Truyền hình', 'Báo, Đài', 'Báo và Đài Phát thanh và Truyền hình'],
    'Báo và Đài Phát thanh - Truyền hình của tỉnh hợp nhất thành Báo và Phát thanh, Truyền hình (2025)',
    'The provincial newspaper and radio-television station merged into one press agency (2025)',
  ),
  merged(
    ['Cục Thống kê', 'Chi cục Thống kê'],
    'Cục Thống kê tỉnh nay là Thống kê tỉnh, thuộc Cục Thống kê (Bộ Tài chính) từ 01/3/2025',
    'The provincial statistics office is now part of the General Statistics Office (Ministry of Finance) since 1 March 2025',
  ),
];

const MERGER_KEYS = new Map(MERGERS.flatMap((m) => m.names.map((n) => [canonicalKey(n), m.rule] as const)));

/** The rule of a name written as a body merged in 2025 ("Sở Kế hoạch và Đầu tư tỉnh"), if it is one. */
export function mergerRule(canonical: string): BodyRule | undefined {
  return MERGER_KEYS.get(canonical);
}

export function successionOf(shortName: string): Succession | undefined {
  return SUCCESSIONS.find((s) => s.from === shortName);
}
