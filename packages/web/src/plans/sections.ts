/** A section of the plan's outline, as the document and the saved plan both give it. */
export interface SectionLike {
  ref: string;
  title: string;
  level: number;
}

export interface SectionGroup<T> {
  key: string;
  section: SectionLike | null;
  items: T[];
}

/**
 * Items (tasks) grouped under their section, in the order the items come (document order); a
 * section ref the outline does not know still gets a heading of its own ref.
 */
export function groupBySection<T extends { section: string | null }>(items: T[], sections: SectionLike[]): SectionGroup<T>[] {
  const groups: SectionGroup<T>[] = [];
  const byKey = new Map<string, SectionGroup<T>>();
  for (const item of items) {
    const key = item.section ?? '';
    let group = byKey.get(key);
    if (!group) {
      const section =
        item.section === null ? null : (sections.find((s) => s.ref === item.section) ?? { ref: key, title: '', level: 1 });
      group = { key, section, items: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}
