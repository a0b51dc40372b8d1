import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs beside the `tre` command, loaded before tsx is registered
import { nodeVersionWarning } from '../bin/node-version.mjs';

const warn = nodeVersionWarning as (version?: string) => string | null;

describe('Node.js version notice', () => {
  it('says, in Vietnamese then English, that Node 20 is past its end of life', () => {
    const text = warn('20.20.2') ?? '';
    expect(text).toContain('Node.js 20.20.2 đã hết hạn hỗ trợ (2026-04-30)');
    expect(text).toContain('Node.js 20.20.2 is past its end of life (2026-04-30)');
    expect(text.indexOf('Cảnh báo')).toBeLessThan(text.indexOf('Warning'));
  });

  it('says nothing on Node 22 and 24', () => {
    expect(warn('22.12.0')).toBeNull();
    expect(warn('24.21.0')).toBeNull();
  });
});
