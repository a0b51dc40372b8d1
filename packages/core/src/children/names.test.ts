import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, normalisePersonName } from './names.ts';

const ok = (raw: string) => {
  const r = normalisePersonName(raw);
  if (!r.ok) throw new Error(`refused: ${r.reason.en}`);
  return r.value;
};
const refused = (raw: string) => {
  const r = normalisePersonName(raw);
  if (r.ok) throw new Error(`accepted as ${r.value}`);
  return r.reason;
};

describe('normalisePersonName: casing', () => {
  it.each([
    ['NGUYỄN VĂN AN', 'Nguyễn Văn An'],
    ['nguyễn văn an', 'Nguyễn Văn An'],
    ['ĐẶNG THỊ ÁNH', 'Đặng Thị Ánh'],
    ["H'HEN NIÊ", "H'Hen Niê"],
    ['nguyễn t. hồng nhung', 'Nguyễn T. Hồng Nhung'],
    ['trần thị mai-anh', 'Trần Thị Mai-Anh'],
  ])('title-cases %s (all one case) → %s', (raw, name) => {
    expect(ok(raw)).toBe(name);
  });

  it.each(['Nguyễn văn An', 'McNeil Trần', "H'Hen Niê", 'Nguyễn T. Hồng Nhung'])('keeps the mixed-case %s as typed', (name) => {
    expect(ok(name)).toBe(name);
  });
});

describe('normalisePersonName: form', () => {
  it('composes decomposed text (NFC)', () => {
    const name = ok('Nguyễn Văn An'.normalize('NFD'));
    expect(name).toBe('Nguyễn Văn An');
    expect(name).toBe(name.normalize('NFC'));
  });

  it('collapses spaces, tabs and line breaks inside the cell', () => {
    expect(ok('  Nguyễn \t Văn\n  An  ')).toBe('Nguyễn Văn An');
  });

  it('makes typographic apostrophes and hyphens plain', () => {
    expect(ok('H’Hen Niê')).toBe("H'Hen Niê");
    expect(ok('Trần Mai‐Anh')).toBe('Trần Mai-Anh');
  });

  it('accepts exactly the maximum length', () => {
    const name = 'A'.repeat(MAX_NAME_LENGTH);
    expect(ok(name)).toHaveLength(MAX_NAME_LENGTH);
  });
});

describe('normalisePersonName: refusals', () => {
  it.each([
    ['digits', 'Nguyễn Văn 2', 'contains digits'],
    ['an over-long name', 'a'.repeat(MAX_NAME_LENGTH + 1), `longer than ${MAX_NAME_LENGTH}`],
    ['a comma', 'Nguyễn, Văn An', 'only letters'],
    ['a bracketed nickname', 'Nguyễn Văn An (Tí)', 'only letters'],
    ['an e-mail address', 'an@example.com', 'only letters'],
    ['punctuation without letters', "'. -", 'no letters'],
    ['an empty cell', '   ', 'empty'],
  ])('refuses %s', (_what, raw, reason) => {
    expect(refused(raw).en).toContain(reason);
  });

  it.each([
    ['NUL', 'Nguyễn\u0000An', 'U+0000'],
    ['a C1 control', 'Nguyễn\u0085An', 'U+0085'],
    ['a right-to-left override', 'Nguyễn\u202eAn', 'U+202E'],
  ])('refuses %s, naming the character, not the name', (_what, raw, label) => {
    const reason = refused(raw);
    expect(reason.vi).toContain(label);
    expect(reason.vi).not.toContain('Nguyễn');
    expect(reason.en).not.toContain('Nguyễn');
  });
});
