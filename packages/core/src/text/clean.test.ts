import { describe, expect, it } from 'vitest';
import {
  MAX_MARK_RUN,
  capMarkRuns,
  checkText,
  cleanText,
  codePointLabel,
  describeUnsafeCharacter,
  longMarkRunIn,
  unsafeCharacterIn,
} from './clean.ts';

describe('unsafeCharacterIn', () => {
  it('accepts Vietnamese in either normal form, tab, emoji and ordinary punctuation', () => {
    for (const text of ['Sở Y tế', 'Sở Y tế'.normalize('NFD'), 'a\tb', 'Trẻ em 👧🏽', 'Ủy ban — “xã” ½ € ©', '']) {
      expect(unsafeCharacterIn(text)).toBeUndefined();
    }
  });

  it('finds NUL, other C0 controls, DEL and C1 with their position', () => {
    expect(unsafeCharacterIn('ab\u0000c')).toEqual({ index: 2, codePoint: 0, kind: 'control' });
    expect(unsafeCharacterIn('\u001b[31m')).toMatchObject({ index: 0, codePoint: 0x1b, kind: 'control' });
    expect(unsafeCharacterIn('x\u007f')).toMatchObject({ codePoint: 0x7f, kind: 'control' });
    expect(unsafeCharacterIn('x\u0085')).toMatchObject({ codePoint: 0x85, kind: 'control' });
    expect(unsafeCharacterIn('x\u009f')).toMatchObject({ codePoint: 0x9f, kind: 'control' });
    // The last characters before and after the ranges are fine.
    expect(unsafeCharacterIn(' ~\u00a0')).toBeUndefined();
  });

  it('refuses line breaks in single-line text and allows them in multi-line text', () => {
    for (const br of ['\n', '\r', '\u2028', '\u2029']) {
      expect(unsafeCharacterIn(`a${br}b`)).toMatchObject({ index: 1, kind: 'newline' });
      expect(unsafeCharacterIn(`a${br}b`, { multiline: true })).toBeUndefined();
    }
    // Other controls stay refused in multi-line text.
    expect(unsafeCharacterIn('a\n\u0000', { multiline: true })).toMatchObject({ index: 2, kind: 'control' });
  });

  it('finds every bidi embedding, override and isolate, and lets the plain direction marks through', () => {
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(unsafeCharacterIn(`cod${String.fromCharCode(cp)}exe.doc`, { multiline: true })).toEqual({
        index: 3,
        codePoint: cp,
        kind: 'bidi',
      });
    }
    expect(unsafeCharacterIn('a\u200eb\u200fc')).toBeUndefined();
  });

  it('finds lone surrogates but not surrogate pairs', () => {
    expect(unsafeCharacterIn('a\ud83d')).toEqual({ index: 1, codePoint: 0xd83d, kind: 'surrogate' });
    // noncharacters: U+FFFE and U+FFFF would make a generated .docx or .xlsx invalid XML
    expect(unsafeCharacterIn('ghi chú \uffff', { multiline: true })).toEqual({
      index: 8,
      codePoint: 0xffff,
      kind: 'noncharacter',
    });
    expect(unsafeCharacterIn('\ufffe')?.kind).toBe('noncharacter');
    expect(unsafeCharacterIn('x\ufdd0')?.kind).toBe('noncharacter');
    expect(unsafeCharacterIn('\ufffd\ufdcf\ufdf0')).toBeUndefined(); // the replacement character and neighbours are text
    expect(unsafeCharacterIn('\udc67b')).toEqual({ index: 0, codePoint: 0xdc67, kind: 'surrogate' });
    expect(unsafeCharacterIn('\ud83d\ud83d\udc67')).toMatchObject({ index: 0, kind: 'surrogate' });
    expect(unsafeCharacterIn('\ud83d\udc67\ud83d\udc67')).toBeUndefined();
  });
});

describe('cleanText and checkText', () => {
  it('turn decomposed Vietnamese into the precomposed form, so both compare equal', () => {
    const nfd = 'Sở Y tế'.normalize('NFD');
    expect(nfd).not.toBe('Sở Y tế');
    expect(cleanText(nfd)).toBe('Sở Y tế');
    expect(checkText(nfd)).toEqual({ ok: true, text: 'Sở Y tế' });
  });

  it('checkText returns the offending character instead of text', () => {
    expect(checkText('a\u202eb')).toEqual({ ok: false, unsafe: { index: 1, codePoint: 0x202e, kind: 'bidi' } });
    expect(checkText('a\nb', { multiline: true })).toEqual({ ok: true, text: 'a\nb' });
  });
});

describe('describeUnsafeCharacter', () => {
  it('names the kind and code point in Vietnamese and English without showing the character', () => {
    expect(describeUnsafeCharacter({ codePoint: 0, kind: 'control' }, 'vi')).toBe('ký tự điều khiển U+0000 không được phép');
    expect(describeUnsafeCharacter({ codePoint: 0, kind: 'control' }, 'en')).toBe('control character U+0000 is not allowed');
    expect(describeUnsafeCharacter({ codePoint: 0x202e, kind: 'bidi' }, 'vi')).toBe(
      'ký tự đảo chiều văn bản U+202E không được phép',
    );
    expect(describeUnsafeCharacter({ codePoint: 0x0a, kind: 'newline' }, 'en')).toBe(
      'line break U+000A is not allowed here (single line only)',
    );
    expect(codePointLabel(0x1f467)).toBe('U+1F467');
  });
});

describe('runs of combining marks', () => {
  // two marks that NFC must reorder (canonical classes 230 and 220): the quadratic case
  const attack = (n: number) => `a${'\u0301\u0316'.repeat(n / 2)}`;

  it('finds a run longer than the stream-safe limit, and none in Vietnamese written with combining tones', () => {
    expect(longMarkRunIn(attack(MAX_MARK_RUN + 2))).toBe(1);
    expect(longMarkRunIn('Nghe\u0323\u0302 An'.normalize('NFD'))).toBe(-1);
    expect(longMarkRunIn(attack(MAX_MARK_RUN))).toBe(-1);
  });

  it('cuts such runs to the limit (normalising then has at most 30 marks to order), and leaves Vietnamese as it is', () => {
    const cleaned = cleanText(attack(200_000));
    expect(cleaned.length).toBeLessThanOrEqual(MAX_MARK_RUN + 1);
    expect(capMarkRuns('Sở Y tế'.normalize('NFD'))).toBe('Sở Y tế'.normalize('NFD'));
    expect(cleanText('Sở Y tế'.normalize('NFD'))).toBe('Sở Y tế');
  });
});
