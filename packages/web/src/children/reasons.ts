/**
 * The duplicate scorer's reasons (core children/duplicates/tally.ts) in words, Vietnamese first: the
 * reviewer reads why two records were paired, never a code. An unknown code is shown as it is.
 */
const WORDS: Record<string, [string, string]> = {
  'personal-id-same': ['cùng số định danh', 'same personal ID'],
  'personal-id-one-digit': ['số định danh lệch một chữ số', 'personal IDs one digit apart'],
  'personal-id-two-digits': ['số định danh lệch hai chữ số', 'personal IDs two digits apart'],
  'personal-id-differs': ['số định danh khác nhau', 'different personal IDs'],
  'name-same': ['cùng họ tên', 'same name'],
  'given-name-same': ['cùng tên', 'same given name'],
  'given-name-accents-differ': ['tên chỉ khác dấu', 'given names differ only in accents'],
  'given-name-sounds-alike': ['tên đọc giống nhau', 'given names sound alike'],
  'given-name-slip': ['tên gõ nhầm một chữ', 'given name mistyped by a letter'],
  'given-name-differs': ['tên khác nhau', 'different given names'],
  'family-name-same': ['cùng họ', 'same family name'],
  'family-name-variant': ['họ viết khác (Hoàng/Huỳnh, Vũ/Võ…)', 'family-name variant (Hoàng/Huỳnh, Vũ/Võ…)'],
  'family-name-sounds-alike': ['họ đọc giống nhau', 'family names sound alike'],
  'family-name-slip': ['họ gõ nhầm một chữ', 'family name mistyped by a letter'],
  'family-name-differs': ['họ khác nhau', 'different family names'],
  'middle-name-same': ['cùng tên đệm', 'same middle name'],
  'middle-name-abbreviated': ['tên đệm viết tắt', 'middle name abbreviated'],
  'middle-name-left-out': ['thiếu một phần tên đệm', 'part of the middle name left out'],
  'middle-name-missing': ['một bên không có tên đệm', 'middle name missing on one side'],
  'middle-name-sounds-alike': ['tên đệm đọc giống nhau', 'middle names sound alike'],
  'middle-name-differs': ['tên đệm khác nhau', 'different middle names'],
  'birth-date-same': ['cùng ngày sinh', 'same birth date'],
  'birth-date-swapped': ['ngày sinh đảo ngày và tháng', 'birth date with day and month swapped'],
  'birth-date-near': ['ngày sinh lệch vài ngày', 'birth dates a few days apart'],
  'birth-date-one-part': ['ngày sinh sai một phần (ngày, tháng hoặc năm)', 'birth date wrong in one part'],
  'birth-date-same-year': ['chỉ cùng năm sinh', 'same birth year only'],
  'birth-date-differs': ['ngày sinh khác nhau', 'different birth dates'],
  'sex-differs': ['giới tính khác nhau', 'different sex'],
  'same-commune': ['cùng xã', 'same commune'],
  'other-commune': ['khác xã', 'other commune'],
  'could-be-siblings': ['có thể là anh chị em (cùng cha mẹ)', 'could be siblings (same parents)'],
};

const PARENT: Record<string, [string, string]> = {
  mother: ['mẹ', 'mother'],
  father: ['cha', 'father'],
  carer: ['người chăm sóc', 'carer'],
};
const AGREEMENT: Record<string, [string, string]> = {
  same: ['cùng tên', 'same name'],
  similar: ['tên gần giống', 'similar name'],
  differs: ['tên khác', 'different name'],
};

export function reasonWords(code: string, lang: 'vi' | 'en'): string {
  const i = lang === 'vi' ? 0 : 1;
  const known = WORDS[code];
  if (known) return known[i];
  const [who, how] = code.split('-');
  const parent = who ? PARENT[who] : undefined;
  const agreement = how ? AGREEMENT[how] : undefined;
  if (parent && agreement) return lang === 'vi' ? `${parent[0]}: ${agreement[0]}` : `${parent[1]}: ${agreement[1]}`;
  return code;
}

/** A reason without the field's header in front when the row already names the field. */
export function withoutField(reason: string, field: string): string {
  return reason.startsWith(`${field}: `) ? reason.slice(field.length + 2) : reason;
}
