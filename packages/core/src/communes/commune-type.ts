import type { CommuneCategory } from './rule-points.ts';
import type { RuleSet } from './rule-set.ts';

/** Provinces that are centrally-run cities (thành phố trực thuộc trung ương), codes of 2025's units. */
export const CENTRAL_CITY_PROVINCES: readonly string[] = ['01', '31', '46', '48', '79', '92'];

/**
 * The default type of a commune from the official units data: a special zone (đặc khu) is an
 * island; a ward (phường) of a centrally-run city is urban_central; any other is `other`. The
 * administrator marks mountain and especially disadvantaged communes (stored per commune).
 */
export function defaultCommuneCategory(unit: { provinceCode: string; type: string }): CommuneCategory {
  const kind = unit.type.normalize('NFC').trim().toLowerCase();
  if (kind.startsWith('đặc khu')) return 'island';
  if (kind.startsWith('phường') && CENTRAL_CITY_PROVINCES.includes(unit.provinceCode)) return 'urban_central';
  return 'other';
}

/** The total a commune of this type must reach under the rule set. */
export function thresholdFor(ruleSet: Pick<RuleSet, 'thresholds'>, type: CommuneCategory): number {
  return ruleSet.thresholds[type];
}

export const communeCategoryLabels: Record<CommuneCategory, { vi: string; en: string }> = {
  mountain: { vi: 'Xã, thị trấn miền núi', en: 'Mountain commune' },
  island: { vi: 'Xã, đặc khu hải đảo', en: 'Island commune' },
  especially_disadvantaged: { vi: 'Xã đặc biệt khó khăn', en: 'Especially disadvantaged commune' },
  urban_central: { vi: 'Phường của thành phố trực thuộc trung ương', en: 'Urban ward of a centrally-run city' },
  other: { vi: 'Xã, phường, thị trấn còn lại', en: 'Other commune or ward' },
};
