import { isOptionsGroup, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';
import type { AgencyDto } from '@tre/core';
import { foldText } from '@tre/core/text/fold';

/**
 * The search of every picker: words compared without diacritics or case, in any order, so that
 * "nghi loc" finds "Xã Nghi Lộc" and "so giao duc" finds "Sở Giáo dục và Đào tạo", as the communes
 * page and the server's searches already do. `keywords` adds words an option is also found by (an
 * agency's aliases) without showing them.
 */
export function foldFilter(keywords: (value: string) => string = () => ''): OptionsFilter {
  return ({ options, search, limit }) => {
    const words = foldText(search).trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return options.slice(0, limit);
    const found = (item: ComboboxItem) => {
      const text = foldText(`${item.label} ${keywords(item.value)}`);
      return words.every((w) => text.includes(w));
    };
    const out: ComboboxParsedItem[] = [];
    for (const option of options) {
      if (out.length >= limit) break;
      if (isOptionsGroup(option)) {
        const items = option.items.filter(found);
        if (items.length > 0) out.push({ group: option.group, items });
      } else if (found(option)) out.push(option);
    }
    return out;
  };
}

/** An agency's full name and aliases, by the option value `valueOf` gives its id (its id itself by default). */
export function agencyKeywords(
  agencies: readonly Pick<AgencyDto, 'id' | 'fullName' | 'aliases'>[],
  valueOf: (id: string) => string = (id) => id,
): (value: string) => string {
  const words = new Map(agencies.map((a) => [valueOf(a.id), `${a.fullName} ${a.aliases.join(' ')}`]));
  return (value) => words.get(value) ?? '';
}
