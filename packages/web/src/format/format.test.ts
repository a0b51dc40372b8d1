import { describe, expect, it } from 'vitest';
import {
  STATUS_ORDER,
  STATUS_STYLE,
  contrastRatio,
  countStatuses,
  formatCount,
  formatNumber,
  formatShare,
  formatTarget,
  formatValue,
  periodName,
  trendArrow,
} from './format.ts';

const NBSP = '\u00a0';

describe('numbers in Vietnamese and English', () => {
  it('writes decimals and thousands the Vietnamese way', () => {
    expect(formatNumber(12.5, 'vi')).toBe('12,5');
    expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
    expect(formatCount(1234, 'vi')).toBe('1.234');
    expect(formatCount(100000, 'vi')).toBe('100.000');
  });

  it('writes them the English way when the language is English', () => {
    expect(formatNumber(12.5, 'en')).toBe('12.5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatCount(1234, 'en')).toBe('1,234');
  });

  it('keeps enough decimals for small rates and fewer for large ones', () => {
    expect(formatNumber(0.1184, 'vi')).toBe('0,118');
    expect(formatNumber(97.00000000000001, 'vi')).toBe('97');
    expect(formatNumber(9.456, 'en')).toBe('9.46');
    expect(formatNumber(548.26, 'vi')).toBe('548,3');
    expect(formatNumber(0, 'vi')).toBe('0');
  });

  it('puts the unit after the value: 12,5 % / 12.5%, ‰, per 100,000', () => {
    expect(formatValue(12.5, '%', 'vi', 'x')).toBe(`12,5${NBSP}%`);
    expect(formatValue(12.5, '%', 'en', 'x')).toBe('12.5%');
    expect(formatValue(9.5, 'per1000', 'vi', 'x')).toBe(`9,5${NBSP}‰`);
    expect(formatValue(9.5, 'per1000', 'en', 'x')).toBe('9.5‰');
    expect(formatValue(1550, 'per100000', 'vi', 'x')).toBe('1.550/100.000');
    expect(formatValue(1550, 'per100000', 'en', 'x')).toBe(`1,550${NBSP}per 100,000`);
  });

  it('writes the missing-value text for null, never 0, but a real 0 as 0', () => {
    expect(formatValue(null, '%', 'vi', 'Chưa có số liệu')).toBe('Chưa có số liệu');
    expect(formatValue(undefined, '%', 'en', 'No data yet')).toBe('No data yet');
    expect(formatValue(Number.NaN, '%', 'vi', 'Chưa có số liệu')).toBe('Chưa có số liệu');
    expect(formatValue(0, '%', 'vi', 'Chưa có số liệu')).toBe(`0${NBSP}%`);
  });

  it('writes a target with its comparison and year', () => {
    expect(formatTarget({ op: '>=', value: 98.5, year: 2025 }, '%', 'vi')).toBe(`≥${NBSP}98,5${NBSP}% (2025)`);
    expect(formatTarget({ op: '<', value: 9.5, year: 2030 }, 'per1000', 'en')).toBe(`<${NBSP}9.5‰ (2030)`);
    expect(formatTarget({ op: '<=', value: 550, year: 2025 }, 'per100000', 'vi', false)).toBe(`≤${NBSP}550/100.000`);
  });

  it('writes completeness as a whole percentage', () => {
    expect(formatShare(45 / 98, 'vi')).toBe(`46${NBSP}%`);
    expect(formatShare(1, 'en')).toBe('100%');
  });
});

describe('trend arrows', () => {
  it('points where the value moved, whatever the word says', () => {
    expect(trendArrow('improving', 'higher')).toBe('↗');
    expect(trendArrow('improving', 'lower')).toBe('↘');
    expect(trendArrow('worsening', 'higher')).toBe('↘');
    expect(trendArrow('worsening', 'lower')).toBe('↗');
    expect(trendArrow('stable', 'lower')).toBe('→');
  });
});

describe('status presentation', () => {
  it('gives every status a distinct symbol so colour is never the only cue', () => {
    const symbols = STATUS_ORDER.map((s) => STATUS_STYLE[s].symbol);
    expect(new Set(symbols).size).toBe(STATUS_ORDER.length);
    expect(STATUS_STYLE.met.color).toBe('#0072B2');
    expect(STATUS_STYLE.off_track.color).toBe('#D55E00');
  });

  it('keeps badge text at 4.5:1 or more on its background and on white', () => {
    for (const s of STATUS_ORDER) {
      const { text, background } = STATUS_STYLE[s];
      expect(contrastRatio(text, background), s).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(text, '#ffffff'), s).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('computes WCAG contrast as the reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // white on Okabe–Ito orange is too faint for text: the reason the badges use dark text on a tint
    expect(contrastRatio('#ffffff', '#E69F00')).toBeLessThan(3);
  });

  it('counts statuses with every kind present', () => {
    expect(countStatuses(['met', 'met', 'off_track', 'no_data'])).toEqual({
      met: 2,
      on_track: 0,
      at_risk: 0,
      off_track: 1,
      no_data: 1,
      insufficient_data: 0,
      no_target: 0,
    });
  });
});

describe('period names', () => {
  it('names a period in the language chosen', () => {
    expect(periodName('2025', 'vi')).toBe('Năm 2025');
    expect(periodName('2025S1', 'vi')).toBe('6 tháng đầu năm 2025');
    expect(periodName('2025S2', 'en')).toBe('Second half of 2025');
    expect(periodName('bad', 'en')).toBe('bad');
  });
});
