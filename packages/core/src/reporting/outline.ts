/**
 * The narrative of a report follows the outline (đề cương) every plan's reporting part asks for:
 * results, limitations and their causes, next steps, proposals. A submission holds one text per
 * section; the consolidated report quotes the accepted ones under the same headings.
 */
export const NARRATIVE_SECTIONS = ['results', 'limitations', 'nextSteps', 'proposals'] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];

export const narrativeHeadings: Record<NarrativeSection, { vi: string; en: string }> = {
  results: { vi: 'Kết quả thực hiện', en: 'Results' },
  limitations: { vi: 'Hạn chế, khó khăn và nguyên nhân', en: 'Limitations, difficulties and causes' },
  nextSteps: { vi: 'Nhiệm vụ, giải pháp trong thời gian tới', en: 'Tasks and measures ahead' },
  proposals: { vi: 'Đề xuất, kiến nghị', en: 'Proposals and recommendations' },
};

export type Narrative = Partial<Record<NarrativeSection, string>>;

/** Longest text of one section (characters): a few pages, not a book. */
export const NARRATIVE_MAX = 20_000;
