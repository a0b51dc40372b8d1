import { describe, expect, it } from 'vitest';
import { formatMessage, languageFromHeader } from './codes.ts';

describe('languageFromHeader', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['fr-FR,en;q=0.5,vi;q=0.4', 'en'],
    ['en;q=0.2,vi;q=0.8', 'vi'],
    ['de', 'vi'],
    ['en;q=0', 'vi'],
  ] as const)('%s → %s', (header, lang) => {
    expect(languageFromHeader(header)).toBe(lang);
  });
});

describe('formatMessage', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('thử lại sau {seconds} giây {x}', { seconds: 30 })).toBe('thử lại sau 30 giây {x}');
  });
});
