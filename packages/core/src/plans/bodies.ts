/**
 * Which of the province's agencies (or which group of bodies) a name written in a plan means.
 * Plans write the same body many ways: "Sở GD&ĐT", "Sở GDĐT", "Sở Giáo dục và Đào tạo",
 * "Sở Giáo dục - Đào tạo tỉnh Nghệ An", "Ủy ban MTTQ Việt Nam tỉnh". Names are compared folded
 * (body-words.ts) against each agency's short name, full name (with and without the province) and
 * aliases: first exactly, then without the province's name and level and with abbreviations
 * written out.
 *
 * Nothing is guessed: only a name that matches exactly one agency, or one of the fixed phrases
 * (body-phrases.ts), is resolved, and every phrase and successor carries the rule shown to the
 * reviewer. Everything else is `unresolved`, with candidates to pick from. In particular:
 * - "các địa phương", "UBND các cấp", "UBND các huyện, thị xã, thành phố" (the district level,
 *   abolished on 1 July 2025) → every commune committee, each with its rule;
 * - "các tổ chức, đơn vị, cá nhân liên quan", "gia đình và trẻ em" name nobody: `not_tracked`,
 *   kept as written, no decision needed;
 * - "Phòng Giáo dục và Đào tạo" (a district office) stays unresolved with the matching Sở offered;
 * - Sở LĐTBXH (dissolved in 2025) resolves to Sở Y tế, which took over child affairs, with the
 *   rule shown and the old body and the other heir offered (body-successors.ts).
 */
import type { BodyCandidate, BodyGroup, BodyResolution, BodyRule } from './plan-api.ts';
import { bodyKey, canonicalKey, type ProvinceWords } from './body-words.ts';
import { phraseOf } from './body-phrases.ts';
import { mergerRule, successionOf } from './body-successors.ts';

export { bodyKey, foldWords, similarKey } from './body-words.ts';

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
  /** why: the phrase's or the successor's rule */
  rule?: BodyRule;
}

export const bodyGroupLabels: Record<BodyGroup, { vi: string; en: string }> = {
  all_agencies: { vi: 'Các sở, ban, ngành', en: 'All departments and sectors' },
  all_communes: { vi: 'UBND cấp xã', en: 'All commune People’s Committees' },
  mass_organisations: { vi: 'Các tổ chức chính trị - xã hội', en: 'Mass organisations' },
  agencies_and_communes: { vi: 'Các sở, ngành và UBND cấp xã', en: 'All departments and commune committees' },
};

export type MatchOptions = ProvinceWords;

interface Key {
  key: string;
  canonical: string;
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

function keysOf(agencies: AgencyForMatch[], options: MatchOptions): Key[] {
  const keys: Key[] = [];
  for (const agency of agencies) {
    const texts = [agency.shortName, ...fullNameVariants(agency.fullName, options.provinceName), ...agency.aliases];
    for (const text of texts) {
      const key = bodyKey(text);
      // a bare "Ủy ban nhân dân" says nothing about the level
      if (key !== '' && key !== 'ubnd') keys.push({ key, canonical: canonicalKey(text, options), agency, text });
    }
  }
  return keys;
}

function uniqueAgencies(keys: Key[], hit: (k: Key) => boolean): Key[] {
  const seen = new Set<string>();
  const out: Key[] = [];
  for (const k of keys) {
    if (hit(k) && !seen.has(k.agency.id)) {
      seen.add(k.agency.id);
      out.push(k);
    }
  }
  return out;
}

/** Agencies the name matches exactly, or else by its canonical words (province and abbreviations aside). */
function matchesOf(name: string, keys: Key[], options: MatchOptions): Key[] {
  const key = bodyKey(name);
  const exact = uniqueAgencies(keys, (k) => k.key === key);
  if (exact.length > 0) return exact;
  const canonical = canonicalKey(name, options);
  if (canonical === '' || canonical === 'ubnd') return [];
  return uniqueAgencies(keys, (k) => k.canonical === canonical);
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

const activeByShortName = (agencies: AgencyForMatch[], shortName: string) =>
  agencies.find((a) => a.shortName === shortName && a.active);

/** A dissolved agency's heirs: the one that took over child affairs first, then the others, then the old body itself. */
function heirsOf(k: Key, agencies: AgencyForMatch[]): { to: AgencyForMatch; rule: BodyRule; candidates: BodyCandidate[] } | null {
  const s = k.agency.active ? undefined : successionOf(k.agency.shortName);
  const to = s && activeByShortName(agencies, s.to);
  if (!s || !to) return null;
  const others = s.others.flatMap((n) => {
    const a = activeByShortName(agencies, n);
    return a ? [{ agencyId: a.id, shortName: a.shortName, matched: `${k.agency.shortName} → ${a.shortName}` }] : [];
  });
  return { to, rule: s.rule, candidates: [...others, candidateOf(k, `${k.agency.shortName} (${k.text})`)] };
}

/** A district office ("Phòng Giáo dục và Đào tạo huyện X") offered as the province's matching Sở (or its heir). */
function districtOfficeCandidates(name: string, keys: Key[], agencies: AgencyForMatch[], options: MatchOptions): BodyCandidate[] {
  const m = /^\s*phòng\s+(.*)$/iu.exec(name.normalize('NFC'));
  if (!m?.[1]) return [];
  const office = m[1].replace(/\s+(huyện|quận|thị xã|thành phố)(\s.*)?$/iu, '');
  return matchesOf(`Sở ${office}`, keys, options).flatMap((k) => {
    const heirs = heirsOf(k, agencies);
    if (!heirs) return [candidateOf(k)];
    return [
      { agencyId: heirs.to.id, shortName: heirs.to.shortName, matched: `${k.agency.shortName} → ${heirs.to.shortName}` },
      ...heirs.candidates,
    ];
  });
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

/** "Sở Y tế là cơ quan thường trực": the name before a clause saying what the body is. */
function bodyPart(name: string): string {
  return name.replace(/\s+là\s+(cơ quan|đơn vị|đầu mối)(?=\s|$).*$/iu, '');
}

function agencyMatch(only: Key, name: string, agencies: AgencyForMatch[], options: MatchOptions): BodyMatch {
  const heirs = heirsOf(only, agencies);
  if (heirs) return { resolution: { kind: 'agency', agencyId: heirs.to.id }, candidates: heirs.candidates, rule: heirs.rule };
  const rule = mergerRule(canonicalKey(name, options));
  return { resolution: { kind: 'agency', agencyId: only.agency.id }, candidates: [], ...(rule ? { rule } : {}) };
}

export function resolveBody(written: string, agencies: AgencyForMatch[], options: MatchOptions = {}): BodyMatch {
  const name = bodyPart(written);
  const phrase = phraseOf(name);
  if (phrase) return { resolution: phrase.resolution, candidates: [], rule: phrase.rule };
  const keys = keysOf(agencies, options);
  const matches = matchesOf(name, keys, options);
  const [only] = matches;
  if (only && matches.length === 1) return agencyMatch(only, name, agencies, options);
  if (matches.length > 1) {
    return { resolution: { kind: 'unresolved' }, candidates: bestFirst(matches).map((k) => candidateOf(k)) };
  }
  const district = districtOfficeCandidates(name, keys, agencies, options);
  if (district.length > 0) return { resolution: { kind: 'unresolved' }, candidates: district };
  return { resolution: { kind: 'unresolved' }, candidates: looseCandidates(name, keys) };
}

/** The resolutions that decide a task's lead: an agency, a group, or a body deliberately outside Tre. */
export const DECIDED_LEAD_KINDS: readonly BodyResolution['kind'][] = ['agency', 'group', 'external'];

/**
 * Whether a task's lead is decided: some lead is an agency, a group or deliberately external. A
 * task led only by unresolved or vague ("not tracked") names, or by nobody, reaches nobody's list.
 */
export function leadDecided(leads: readonly BodyResolution[]): boolean {
  return leads.some((r) => DECIDED_LEAD_KINDS.includes(r.kind));
}

/** Groups that include every commune committee. */
export const COMMUNE_GROUPS: readonly BodyGroup[] = ['all_communes', 'agencies_and_communes'];

/**
 * Which groups an agency belongs to: `all_agencies` and `agencies_and_communes` for active departments and sectors,
 * `mass_organisations` for mass organisations. The server's task filter and progress rights and
 * the web's "record progress" button all use this one rule.
 */
export function groupsOfAgency(a: { kind: string; active: boolean }): Exclude<BodyGroup, 'all_communes'>[] {
  if (!a.active) return [];
  if (a.kind === 'department' || a.kind === 'sector') return ['all_agencies', 'agencies_and_communes'];
  if (a.kind === 'mass_organisation') return ['mass_organisations'];
  return [];
}
