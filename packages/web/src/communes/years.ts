/** The current year in Vietnam (UTC+7): the default year of an assessment. */
export const vietnamYear = (now = new Date()): number => new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear();

/** The years offered: this one and the five before it, newest first. */
export const yearChoices = (now = new Date()): number[] => {
  const y = vietnamYear(now);
  return [0, 1, 2, 3, 4, 5].map((d) => y - d);
};

/** A year from the address, if it is one the pages may ask for. */
export function yearParam(text: string | null | undefined): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  const y = Number(text);
  return y >= 2019 && y <= 2100 ? y : null;
}
