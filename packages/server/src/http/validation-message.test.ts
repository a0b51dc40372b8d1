import { SINGLE_LINE, isSingleLine } from '@tre/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue, valueAt, type ValidationIssue } from './validation-message.ts';

/** The first issue of parsing `input`, handed over as fastify-type-provider-zod does. */
function firstIssue(schema: z.ZodType, input: unknown): ValidationIssue {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a validation error');
  const { path, code, message, ...rest } = result.error.issues[0] as z.core.$ZodIssue;
  return { keyword: code, instancePath: `/${path.join('/')}`, message, params: rest };
}

const both = (schema: z.ZodType, input: Record<string, unknown>) => {
  const issue = firstIssue(schema, input);
  return [describeIssue(issue, 'vi', input).message, describeIssue(issue, 'en', input).message];
};

describe('describeIssue', () => {
  it('tells a missing value from a value of the wrong type', () => {
    const s = z.object({ count: z.number() });
    expect(both(s, {})).toEqual(['Trường "count": bắt buộc nhập', 'Field "count" is required']);
    expect(both(s, { count: 'ba' })).toEqual(['Trường "count": phải là một số', 'Field "count" must be a number']);
    expect(both(s, { count: [1] })).toEqual([
      'Trường "count": phải là một số, không phải một danh sách',
      'Field "count" must be a number, not a list',
    ]);
  });

  it('words whole numbers, exclusive bounds and list sizes', () => {
    expect(both(z.object({ n: z.int() }), { n: 2.5 })[0]).toBe('Trường "n": phải là một số nguyên (không có phần thập phân)');
    expect(both(z.object({ n: z.number().positive() }), { n: 0 })).toEqual([
      'Trường "n": quá nhỏ (phải lớn hơn 0)',
      'Field "n" is too small (must be greater than 0)',
    ]);
    expect(both(z.object({ n: z.number().lt(10) }), { n: 10 })[1]).toBe('Field "n" is too large (must be less than 10)');
    expect(both(z.object({ xs: z.array(z.string()).min(2) }), { xs: ['a'] })).toEqual([
      'Trường "xs": cần ít nhất 2 mục',
      'Field "xs" needs at least 2 items',
    ]);
    expect(both(z.object({ n: z.number().multipleOf(5) }), { n: 7 })[0]).toBe('Trường "n": phải là bội số của 5');
  });

  it('names the format, the single allowed value and the unknown fields', () => {
    expect(both(z.object({ d: z.iso.date() }), { d: '2026-13-01' })).toEqual([
      'Trường "d": sai định dạng (cần ngày dạng YYYY-MM-DD)',
      'Field "d" has the wrong format (must be a date as YYYY-MM-DD)',
    ]);
    expect(both(z.object({ k: z.literal('x') }), { k: 'y' })[1]).toBe('Field "k" must be x');
    expect(both(z.object({}).strict(), { extra: 1 })).toEqual([
      'Trường "(body)": có trường không được phép: extra',
      'Field "(body)" has fields that are not allowed: extra',
    ]);
    expect(both(z.object({ name: z.string().refine(isSingleLine, SINGLE_LINE) }), { name: 'a\nb' })).toEqual([
      'Trường "name": chỉ được nhập một dòng (không xuống dòng)',
      'Field "name" must be a single line (no line breaks)',
    ]);
  });

  it('never repeats the value that was sent', () => {
    const [vi, en] = both(z.object({ secret: z.number() }), { secret: 'hunter2-password' });
    expect(vi).not.toContain('hunter2');
    expect(en).not.toContain('hunter2');
  });
});

describe('valueAt', () => {
  it('follows the issue path into nested objects and lists', () => {
    expect(valueAt({ a: [{ b: 0 }] }, '/a/0/b')).toEqual({ present: true, value: 0 });
    expect(valueAt({ a: [] }, '/a/0/b')).toEqual({ present: false, value: undefined });
    expect(valueAt({ a: null }, '/a')).toEqual({ present: true, value: null });
    expect(valueAt(undefined, '/a')).toEqual({ present: false, value: undefined });
  });
});
