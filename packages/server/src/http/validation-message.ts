import type { Language } from '@tre/core';

/** One zod issue as fastify-type-provider-zod hands it over (keyword = zod issue code). */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string | undefined;
  params: Record<string, unknown>;
}

/**
 * Zod's own messages are English only; people here read Vietnamese. We word the common issue
 * kinds ourselves and name the field, falling back to zod's text for the rare ones.
 */
export function describeIssue(issue: ValidationIssue, lang: Language): { field: string; message: string } {
  const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(body)';
  const p = issue.params;
  const vi = ((): string => {
    switch (issue.keyword) {
      case 'invalid_type':
        return p.input === undefined ? 'bắt buộc nhập' : `sai kiểu dữ liệu (cần ${String(p.expected)})`;
      case 'too_small':
        return p.origin === 'string'
          ? `quá ngắn (tối thiểu ${String(p.minimum)} ký tự)`
          : `quá nhỏ (tối thiểu ${String(p.minimum)})`;
      case 'too_big':
        return p.origin === 'string' ? `quá dài (tối đa ${String(p.maximum)} ký tự)` : `quá lớn (tối đa ${String(p.maximum)})`;
      case 'invalid_format':
        return 'sai định dạng';
      case 'invalid_value':
        return Array.isArray(p.values) ? `phải là một trong: ${p.values.map(String).join(', ')}` : 'giá trị không hợp lệ';
      case 'unrecognized_keys':
        return `có trường không được phép: ${Array.isArray(p.keys) ? p.keys.join(', ') : ''}`;
      default:
        return issue.message ?? 'không hợp lệ';
    }
  })();
  if (lang === 'vi') return { field, message: `Trường "${field}": ${vi}` };
  return { field, message: `Field "${field}": ${issue.message ?? 'invalid'}` };
}
