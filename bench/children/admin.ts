/**
 * The administrative units the generator draws from: the chosen province's current communes (with a
 * fixed, seeded weight each: wards are more populous than upland communes), the pre-2025 commune
 * codes that map to exactly one of them or to several, and codes that are in no list at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCommunes, parseProvinces, type Commune } from '@tre/core/units/admin-units';
import { communeProfile, MERGED_FROM } from './areas.ts';
import type { Ethnicity } from './names-minority.ts';
import { hash32, Weighted } from './prng.ts';

export const UNITS_DIR = path.join(import.meta.dirname, '..', '..', 'packages', 'server', 'data', 'admin-units');

export interface CommunePlace {
  code: string;
  name: string;
  urban: boolean;
  /** the share of minority children and their groups */
  minority: number;
  mix: Weighted<Ethnicity>;
  /** a pre-2025 code that maps to this commune only, when there is one */
  uniqueOldCode: string | null;
}

export interface ProvinceUnits {
  code: string;
  name: string;
  communes: readonly CommunePlace[];
  weighted: Weighted<CommunePlace>;
  /** the pre-2025 province codes this province was formed from (first = the code it kept) */
  oldProvinces: readonly string[];
  /** all 63 pre-2025 province codes */
  allOldProvinces: readonly string[];
  /** 2-digit codes that were never a province (for IDs with an unknown province part) */
  unknownProvinceCodes: readonly string[];
  /** pre-2025 commune codes of this province split among several current communes (rejected on import) */
  ambiguousOldCodes: readonly string[];
  /** whether a 5-digit code is a current or a pre-2025 commune anywhere */
  isKnownCode: (code: string) => boolean;
}

const read = (file: string) => fs.readFileSync(path.join(UNITS_DIR, file), 'utf8');

export function loadProvince(provinceCode: string, seed: number): ProvinceUnits {
  const all = parseCommunes(read('communes.csv'));
  const provinces = parseProvinces(read('provinces.csv'));
  const old = parseProvinces(read('provinces-before-2025.csv'), 'provinces-before-2025.csv').map((p) => p.code);
  const province = provinces.find((p) => p.code === provinceCode);
  const oldProvinces = MERGED_FROM[provinceCode];
  if (!province || !oldProvinces) {
    throw new Error(`unknown province ${provinceCode}: one of ${provinces.map((p) => p.code).join(', ')}`);
  }
  const current = new Set(all.map((c) => c.code));
  const oldUses = new Map<string, number>();
  for (const c of all) for (const p of c.predecessors) oldUses.set(p.code, (oldUses.get(p.code) ?? 0) + 1);
  const mine = all.filter((c) => c.provinceCode === provinceCode);
  const uniqueOld = (c: Commune) =>
    c.predecessors.find((p) => p.code.length === 5 && p.extent === 'full' && oldUses.get(p.code) === 1 && !current.has(p.code))
      ?.code ?? null;
  const communes: CommunePlace[] = mine.map((c) => {
    const profile = communeProfile(provinceCode, c);
    return {
      code: c.code,
      name: c.name,
      urban: c.type === 'Phường',
      minority: profile.minority,
      mix: Weighted.of(profile.mix),
      uniqueOldCode: uniqueOld(c),
    };
  });
  // wards hold more children than communes, upland communes fewer; a seeded spread on top
  const weights = communes.map((c) => {
    const spread = 0.4 + 1.6 * (hash32(c.code, seed) / 4294967296) ** 2;
    return (c.urban ? 2.5 : 1) * (c.minority > 0.5 ? 0.6 : 1) * spread;
  });
  const ambiguous = new Set<string>();
  for (const c of mine)
    for (const p of c.predecessors)
      if (p.code.length === 5 && (oldUses.get(p.code) ?? 0) > 1 && !current.has(p.code)) ambiguous.add(p.code);
  const known = new Set([...current, ...oldUses.keys()]);
  const oldSet = new Set(old);
  const unknownProvinceCodes: string[] = [];
  for (let n = 1; n <= 99; n++) {
    const code = String(n).padStart(2, '0');
    if (!oldSet.has(code)) unknownProvinceCodes.push(code);
  }
  return {
    code: province.code,
    name: province.name,
    communes,
    weighted: new Weighted(communes, weights),
    oldProvinces,
    allOldProvinces: old,
    unknownProvinceCodes,
    ambiguousOldCodes: [...ambiguous].sort(),
    isKnownCode: (code) => known.has(code),
  };
}
