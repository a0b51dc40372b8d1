/**
 * Which of the province's agencies (or which group of bodies) a name written in a plan means.
 * Plans write the same body many ways: "Sở GD&ĐT", "Sở GDĐT", "Sở Giáo dục và Đào tạo",
 * "Sở Giáo dục - Đào tạo tỉnh Nghệ An". Names are compared folded (no diacritics, no case, no
 * punctuation, "và"/"&"/"-" ignored) against each agency's short name, full name (with and without
 * the province) and aliases.
 *
 * Nothing is guessed: only a name that matches exactly one agency, or one of the fixed group
 * phrases, is resolved. Everything else is `unresolved`, with candidates for the person reviewing
 * the plan to pick from. In particular:
 * - "UBND các huyện, thị xã, thành phố" names the district level abolished on 1 July 2025: it
 *   stays unresolved with `all_communes` as the suggested group, for the user to confirm.
 * - "Phòng Giáo dục và Đào tạo" (a district office) stays unresolved with the matching Sở offered.
 * - "các cơ quan, đơn vị liên quan" names nobody in particular: it stays unresolved (no
 *   candidates), because turning it into "every agency" would put the task on every agency's list;
 *   the user may mark it external.
 * - Sở LĐTBXH (dissolved in 2025) resolves to its inactive agency, and Sở Y tế, which took over
 *   child affairs, is offered as a candidate.
 */
import type { BodyCandidate, BodyGroup, BodyResolution } from './plan-api.ts';
import { foldText } from '../text/fold.ts';

export interface AgencyForMatch {
  id: string;
  shortName: string;
  fullName: string;
  aliases: string[];
  kind: string;
  active: boolean;
}

export interface BodyMatch {
  resolution: BodyResolution;
  candidates: BodyCandidate[];
  /** a group to offer (never applied) when the name is one Tre can only map with the user's consent */
  suggestedGroup?: BodyGroup;
}

export const bodyGroupLabels: Record<BodyGroup, { vi: string; en: string }> = {
  all_agencies: { vi: 'Các sở, ban, ngành', en: 'All departments and sectors' },
  all_communes: { vi: 'UBND cấp xã', en: 'All commune People’s Committees' },
  mass_organisations: { vi: 'Các tổ chức chính trị - xã hội', en: 'Mass organisations' },
};

/**
 * Bodies dissolved in the 2025 reorganisation whose child-affairs duties another agency took over
 * (by short name in the default agency list). A plan written before 2025 still names the old body.
 */
const SUCCESSORS: { from: string; to: string; note: string }[] = [
  { from: 'Sở LĐTBXH', to: 'Sở Y tế', note: 'tiếp nhận công tác trẻ em từ 2025 / child affairs since 2025' },
];

/** Folds to comparable words: no diacritics (đ → d), lower case, punctuation gone, "ủy ban nhân dân" → "ubnd". */
export function foldWords(text: string): string[] {
  const folded = foldText(text).replace(/uy ban nhan dan/g, 'ubnd');
  return folded.split(/[^a-z0-9]+/).filter((w) => w !== '' && w !== 'va');
}

/** The comparison key of a name: "Sở GD&ĐT", "Sở GDĐT" and "Sở GD - ĐT" all give "sogddt". */
export function bodyKey(text: string): string {
  return foldWords(text).join('');
}

// Group phrases, as folded words with "các", "và", punctuation and trailing qualifiers removed.
const GROUPS: Record<BodyGroup, string[]> = {
  all_agencies: [
    'so ban nganh',
    'so nganh',
    'ban nganh',
    'so ban nganh doan the',
    'so nganh doan the',
    'so ban nganh hoi doan the',
    'so ban nganh to chuc chinh tri xa hoi',
  ],
  all_communes: [
    'ubnd cap xa',
    'ubnd xa',
    'ubnd xa phuong',
    'ubnd xa thi tran',
    'ubnd xa phuong thi tran',
    'ubnd xa phuong dac khu',
    'xa phuong',
    'xa phuong thi tran',
    'xa phuong dac khu',
  ],
  mass_organisations: [
    'to chuc chinh tri xa hoi',
    'hoi doan the',
    'doan the',
    'to chuc doan the',
    'doan the chinh tri xa hoi',
    'ubnd mttq to chuc chinh tri xa hoi',
  ],
};
const TRAILING_QUALIFIERS = ['co lien quan', 'lien quan', 'cap tinh', 'tinh', 'tren dia ban', 'thanh pho'];

function groupWords(name: string): string {
  let s = foldWords(name)
    .filter((w) => w !== 'cac')
    .join(' ');
  for (let changed = true; changed;) {
    changed = false;
    for (const q of TRAILING_QUALIFIERS) {
      if (s.endsWith(` ${q}`)) {
        s = s.slice(0, -q.length - 1);
        changed = true;
      }
    }
  }
  return s;
}

function groupOf(name: string): BodyGroup | null {
  const words = groupWords(name);
  for (const [group, phrases] of Object.entries(GROUPS) as [BodyGroup, string[]][]) {
    if (phrases.includes(words)) return group;
  }
  return null;
}

/** "UBND các huyện, thị xã, thành phố", "UBND cấp huyện": the district level, gone since July 2025. */
function isDistrictLevel(name: string): boolean {
  const words = foldWords(name)
    .filter((w) => w !== 'cac')
    .join(' ');
  // only level words: "UBND huyện Nghi Lộc" names one district and is not this group
  return /^(ubnd )?(cap huyen|huyen|quan)( huyen| quan| thi xa| thanh pho)*$/.test(words);
}

interface Key {
  key: string;
  agency: AgencyForMatch;
  text: string;
}

/** "Sở Y tế tỉnh Nghệ An" is also written "Sở Y tế tỉnh" and "Sở Y tế". */
function fullNameVariants(fullName: string, provinceName: string | undefined): string[] {
  const out = [fullName];
  if (provinceName && fullName.endsWith(` ${provinceName}`)) out.push(fullName.slice(0, -provinceName.length - 1).trim());
  const m = /^(.*?)\s+(tỉnh|thành phố)\s+\S.*$/u.exec(fullName);
  if (m?.[1] && m[2]) out.push(m[1], `${m[1]} ${m[2]}`);
  return out;
}

function keysOf(agencies: AgencyForMatch[], provinceName: string | undefined): Key[] {
  const keys: Key[] = [];
  for (const agency of agencies) {
    const texts = [agency.shortName, ...fullNameVariants(agency.fullName, provinceName), ...agency.aliases];
    for (const text of texts) {
      const key = bodyKey(text);
      // a bare "Ủy ban nhân dân" says nothing about the level
      if (key !== '' && key !== 'ubnd') keys.push({ key, agency, text });
    }
  }
  return keys;
}

function exactMatches(name: string, keys: Key[]): Key[] {
  const key = bodyKey(name);
  const seen = new Set<string>();
  const out: Key[] = [];
  for (const k of keys) {
    if (k.key === key && !seen.has(k.agency.id)) {
      seen.add(k.agency.id);
      out.push(k);
    }
  }
  return out;
}

const candidateOf = (k: Key, matched = k.text): BodyCandidate => ({
  agencyId: k.agency.id,
  shortName: k.agency.shortName,
  matched,
});

/** Active before inactive, then as the agency list orders them. */
function bestFirst(keys: Key[]): Key[] {
  return [...keys].sort((a, b) => Number(b.agency.active) - Number(a.agency.active));
}

function successorsOf(k: Key, agencies: AgencyForMatch[]): BodyCandidate[] {
  if (k.agency.active) return [];
  return SUCCESSORS.filter((s) => s.from === k.agency.shortName).flatMap((s) => {
    const to = agencies.find((a) => a.shortName === s.to && a.active);
    return to
      ? [{ agencyId: to.id, shortName: to.shortName, matched: `${k.agency.shortName} → ${to.shortName}: ${s.note}` }]
      : [];
  });
}

/** A district office ("Phòng Giáo dục và Đào tạo huyện X") offered as the province's matching Sở. */
function districtOfficeCandidates(name: string, keys: Key[], agencies: AgencyForMatch[]): BodyCandidate[] {
  const m = /^\s*phòng\s+(.*)$/iu.exec(name.normalize('NFC'));
  if (!m?.[1]) return [];
  const office = m[1].replace(/\s+(huyện|quận|thị xã|thành phố)(\s.*)?$/iu, '');
  return exactMatches(`Sở ${office}`, keys).flatMap((k) => [candidateOf(k), ...successorsOf(k, agencies)]);
}

/** Agencies whose name contains the written one or the other way round: hints, never a resolution. */
function looseCandidates(name: string, keys: Key[]): BodyCandidate[] {
  const key = bodyKey(name);
  if (key.length < 5) return [];
  const seen = new Set<string>();
  const out: BodyCandidate[] = [];
  for (const k of bestFirst(keys)) {
    if (k.key.length < 5 || seen.has(k.agency.id)) continue;
    if (k.key.includes(key) || key.includes(k.key)) {
      seen.add(k.agency.id);
      out.push(candidateOf(k));
    }
  }
  return out.slice(0, 5);
}

export function resolveBody(name: string, agencies: AgencyForMatch[], options: { provinceName?: string } = {}): BodyMatch {
  const group = groupOf(name);
  if (group) return { resolution: { kind: 'group', group }, candidates: [] };
  if (isDistrictLevel(name)) {
    return { resolution: { kind: 'unresolved' }, candidates: [], suggestedGroup: 'all_communes' };
  }
  const keys = keysOf(agencies, options.provinceName);
  const matches = exactMatches(name, keys);
  const [only] = matches;
  if (only && matches.length === 1) {
    return { resolution: { kind: 'agency', agencyId: only.agency.id }, candidates: successorsOf(only, agencies) };
  }
  if (matches.length > 1) {
    return { resolution: { kind: 'unresolved' }, candidates: bestFirst(matches).map((k) => candidateOf(k)) };
  }
  const district = districtOfficeCandidates(name, keys, agencies);
  if (district.length > 0) return { resolution: { kind: 'unresolved' }, candidates: district };
  return { resolution: { kind: 'unresolved' }, candidates: looseCandidates(name, keys) };
}

/**
 * Which groups an agency belongs to: `all_agencies` for active departments and sectors,
 * `mass_organisations` for mass organisations. The server's task filter and progress rights and
 * the web's "record progress" button all use this one rule.
 */
export function groupsOfAgency(a: { kind: string; active: boolean }): ('all_agencies' | 'mass_organisations')[] {
  if (!a.active) return [];
  if (a.kind === 'department' || a.kind === 'sector') return ['all_agencies'];
  if (a.kind === 'mass_organisation') return ['mass_organisations'];
  return [];
}
