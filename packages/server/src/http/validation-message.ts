import { SINGLE_LINE_RULE, type Language } from '@tre/core';

/** One zod issue as fastify-type-provider-zod hands it over (keyword = zod issue code). */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string | undefined;
  params: Record<string, unknown>;
}

type Words = { vi: string; en: string };

/** The value at a validation error's path in what the client sent, and whether there was one. */
export function valueAt(root: unknown, instancePath: string): { present: boolean; value: unknown } {
  let node: unknown = root;
  for (const key of instancePath.split('/').filter((k) => k !== '')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return { present: false, value: undefined };
    node = (node as Record<string, unknown>)[key];
  }
  return { present: node !== undefined, value: node };
}

const EXPECTED: Record<string, Words> = {
  string: { vi: 'văn bản', en: 'text' },
  number: { vi: 'một số', en: 'a number' },
  int: { vi: 'một số nguyên', en: 'a whole number' },
  bigint: { vi: 'một số nguyên', en: 'a whole number' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  array: { vi: 'một danh sách', en: 'a list' },
  object: { vi: 'một đối tượng', en: 'an object' },
  date: { vi: 'một ngày', en: 'a date' },
  null: { vi: 'null', en: 'null' },
};

function kindOfValue(value: unknown): Words {
  if (value === null) return { vi: 'null', en: 'null' };
  if (Array.isArray(value)) return { vi: 'một danh sách', en: 'a list' };
  switch (typeof value) {
    case 'string':
      return { vi: 'văn bản', en: 'text' };
    case 'number':
      return Number.isInteger(value) ? { vi: 'một số nguyên', en: 'a whole number' } : { vi: 'một số', en: 'a number' };
    case 'boolean':
      return { vi: 'true/false', en: 'true/false' };
    case 'object':
      return { vi: 'một đối tượng', en: 'an object' };
    default:
      return { vi: typeof value, en: typeof value };
  }
}

const FORMATS: Record<string, Words> = {
  uuid: { vi: 'mã định danh UUID', en: 'a UUID' },
  guid: { vi: 'mã định danh UUID', en: 'a UUID' },
  email: { vi: 'địa chỉ email', en: 'an email address' },
  date: { vi: 'ngày dạng YYYY-MM-DD', en: 'a date as YYYY-MM-DD' },
  datetime: { vi: 'thời điểm ISO 8601', en: 'an ISO 8601 date-time' },
  time: { vi: 'giờ dạng HH:MM', en: 'a time as HH:MM' },
  url: { vi: 'địa chỉ URL', en: 'a URL' },
};

const list = (values: unknown): string => (Array.isArray(values) ? values.map(String).join(', ') : '');

/** A schema's own message, written "tiếng Việt / English" as Tre's schemas do; undefined for zod's defaults. */
function ownMessage(message: string | undefined): Words | undefined {
  const parts = message?.split(' / ');
  if (parts?.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { vi: parts[0], en: parts[1] };
}

function smallOrBig(p: Record<string, unknown>, big: boolean): Words {
  const bound = String(big ? p.maximum : p.minimum);
  const inclusive = p.inclusive !== false;
  switch (p.origin) {
    case 'string':
      if (!big && bound === '1') return { vi: 'không được để trống', en: 'must not be empty' };
      return big
        ? { vi: `quá dài (tối đa ${bound} ký tự)`, en: `is too long (at most ${bound} characters)` }
        : { vi: `quá ngắn (tối thiểu ${bound} ký tự)`, en: `is too short (at least ${bound} characters)` };
    case 'array':
    case 'set':
      return big
        ? { vi: `có quá nhiều mục (tối đa ${bound})`, en: `has too many items (at most ${bound})` }
        : { vi: `cần ít nhất ${bound} mục`, en: `needs at least ${bound} items` };
    case 'date':
      return big
        ? { vi: `phải trước hoặc đúng ${bound}`, en: `must be on or before ${bound}` }
        : { vi: `phải sau hoặc đúng ${bound}`, en: `must be on or after ${bound}` };
    default:
      // numbers
      if (big) {
        return inclusive
          ? { vi: `quá lớn (tối đa ${bound})`, en: `is too large (at most ${bound})` }
          : { vi: `quá lớn (phải nhỏ hơn ${bound})`, en: `is too large (must be less than ${bound})` };
      }
      return inclusive
        ? { vi: `quá nhỏ (tối thiểu ${bound})`, en: `is too small (at least ${bound})` }
        : { vi: `quá nhỏ (phải lớn hơn ${bound})`, en: `is too small (must be greater than ${bound})` };
  }
}

function wrongType(p: Record<string, unknown>, value: unknown): Words {
  const expected = EXPECTED[String(p.expected)] ?? { vi: String(p.expected), en: String(p.expected) };
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { vi: 'phải là một số hữu hạn', en: 'must be a finite number' };
  }
  if ((p.expected === 'int' || p.expected === 'bigint') && typeof value === 'number') {
    return Number.isSafeInteger(value) || Number.isInteger(value)
      ? { vi: 'phải là một số nguyên trong giới hạn cho phép', en: 'must be a whole number within range' }
      : { vi: 'phải là một số nguyên (không có phần thập phân)', en: 'must be a whole number (no decimals)' };
  }
  // a query or path parameter arrives as text and is read as a number: only say what it must be
  if (typeof value === 'string' && (p.expected === 'number' || p.expected === 'int')) {
    const n = Number(value.trim());
    if (p.expected === 'int' && value.trim() !== '' && Number.isFinite(n) && !Number.isInteger(n)) {
      return { vi: 'phải là một số nguyên (không có phần thập phân)', en: 'must be a whole number (no decimals)' };
    }
    return { vi: `phải là ${expected.vi}`, en: `must be ${expected.en}` };
  }
  const got = kindOfValue(value);
  return { vi: `phải là ${expected.vi}, không phải ${got.vi}`, en: `must be ${expected.en}, not ${got.en}` };
}

function invalidBecause(message: string | undefined): Words {
  const own = ownMessage(message);
  return own ? { vi: `không hợp lệ: ${own.vi}`, en: `is invalid: ${own.en}` } : { vi: 'không hợp lệ', en: 'is invalid' };
}

/**
 * Zod's own messages are English only and do not tell a missing value from one of the wrong type;
 * people here read Vietnamese. We word each kind of issue ourselves in both languages — missing,
 * wrong type, out of range, wrong format, not one of the allowed values — and name the field.
 * `input` is what the client sent in the part the issue is about (body, query or params), to tell
 * a missing value from a wrong one; the values themselves are never repeated in the message.
 */
export function describeIssue(issue: ValidationIssue, lang: Language, input?: unknown): { field: string; message: string } {
  const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(body)';
  const p = issue.params;
  const words = ((): Words => {
    switch (issue.keyword) {
      case 'invalid_type': {
        const at = valueAt(input, issue.instancePath);
        if (!at.present) return { vi: 'bắt buộc nhập', en: 'is required' };
        return wrongType(p, at.value);
      }
      case 'too_small':
        return smallOrBig(p, false);
      case 'too_big':
        return smallOrBig(p, true);
      case 'invalid_format': {
        const own = ownMessage(issue.message);
        if (own) return { vi: `sai định dạng: ${own.vi}`, en: `has the wrong format: ${own.en}` };
        const format = FORMATS[String(p.format)];
        return format
          ? { vi: `sai định dạng (cần ${format.vi})`, en: `has the wrong format (must be ${format.en})` }
          : { vi: 'sai định dạng', en: 'has the wrong format' };
      }
      case 'not_multiple_of':
        return { vi: `phải là bội số của ${String(p.divisor)}`, en: `must be a multiple of ${String(p.divisor)}` };
      case 'invalid_value':
        return Array.isArray(p.values) && p.values.length === 1
          ? { vi: `phải là ${list(p.values)}`, en: `must be ${list(p.values)}` }
          : { vi: `phải là một trong: ${list(p.values)}`, en: `must be one of: ${list(p.values)}` };
      case 'unrecognized_keys': {
        const keys = Array.isArray(p.keys) ? p.keys.map(String).join(', ') : '';
        return { vi: `có trường không được phép: ${keys}`, en: `has fields that are not allowed: ${keys}` };
      }
      case 'invalid_union':
        return { vi: 'không đúng dạng nào được phép', en: 'matches none of the allowed forms' };
      case 'custom': {
        const rule = (p.params as Record<string, unknown> | undefined)?.textRule;
        if (rule === SINGLE_LINE_RULE)
          return { vi: 'chỉ được nhập một dòng (không xuống dòng)', en: 'must be a single line (no line breaks)' };
        return invalidBecause(issue.message);
      }
      default:
        return invalidBecause(issue.message);
    }
  })();
  if (lang === 'vi') return { field, message: `Trường "${field}": ${words.vi}` };
  return { field, message: `Field "${field}" ${words.en}` };
}
