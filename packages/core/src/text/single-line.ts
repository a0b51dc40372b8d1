/**
 * Names (of people, agencies, units, plans) are one line: a line break in one breaks tables, Excel
 * cells and Word headers. Request text in general may hold line breaks (notes, long texts); a
 * schema marks a name as single-line with `.refine(isSingleLine, SINGLE_LINE)`, and the server words
 * the refusal from the `textRule` parameter in both languages.
 */
export const SINGLE_LINE_RULE = 'single_line';

export const SINGLE_LINE = {
  message: 'chỉ được nhập một dòng / must be a single line',
  params: { textRule: SINGLE_LINE_RULE },
} as const;

export function isSingleLine(text: string): boolean {
  return !/[\n\r\u2028\u2029]/.test(text);
}
