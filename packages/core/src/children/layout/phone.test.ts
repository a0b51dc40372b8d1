import { describe, expect, it } from 'vitest';
import { readPhone } from './phone.ts';

describe('readPhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['0912-345-678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0084 912 345 678', '0912345678'],
    ['+84 (0) 912 345 678', '0912345678'],
    ['0356789012', '0356789012'],
    ['0589123456', '0589123456'],
    ['0701234567', '0701234567'],
    ['0812345678', '0812345678'],
    ['(024) 3823 4567', '02438234567'],
    ['0203 3812 345', '02033812345'],
    ['+84 24 3823 4567', '02438234567'],
    ['0243823456', '0243823456'],
  ])('%s → %s', (text, phone) => {
    expect(readPhone(text)).toEqual({ ok: true, value: phone });
  });

  it.each([
    [912345678, '0912345678'],
    ['912345678', '0912345678'],
    [2438234567, '02438234567'],
  ])('adds the 0 Excel dropped from %s, with a warning', (cell, phone) => {
    const r = readPhone(cell);
    expect(r).toMatchObject({ ok: true, value: phone });
    expect(r.ok && r.warning?.en).toContain('leading 0 was added');
  });

  it.each([
    ['the old 11-digit mobile prefix 01', '01234567890'],
    ['a prefix 04 that no network uses', '0412345678'],
    ['a short number', '091234567'],
    ['an 11-digit mobile', '09123456789'],
    ['the hotline', '111'],
    ['a foreign number', '+1 202 555 0123'],
    ['letters', '0912 ABC 678'],
    ['an extension', '024 3823 4567 ext 12'],
    ['a fraction', 912345678.5],
  ])('refuses %s', (_what, cell) => {
    const r = readPhone(cell);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason.en).toContain('not a Vietnamese phone number');
  });

  it('asks for one number when a cell holds two', () => {
    const r = readPhone('0912345678 - 0987654321');
    expect(r.ok ? '' : r.reason.en).toBe('write one phone number only');
  });

  it('never quotes the number', () => {
    const r = readPhone('0412345678');
    expect(r.ok ? '' : r.reason.vi + r.reason.en).not.toContain('12345678');
  });
});
