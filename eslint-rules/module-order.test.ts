import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { MODULE_ORDER_OPTIONS } from '../eslint.config.js';
import treRules from './module-order.mjs';

/** The module order holds: fixtures with forbidden imports are refused by the rule, the allowed ones pass. */

const root = path.resolve(import.meta.dirname, '..');
const linter = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parser: tseslint.parser },
      plugins: { tre: treRules },
      rules: {
        'tre/module-order': ['error', MODULE_ORDER_OPTIONS],
      },
    },
  ],
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await linter.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('the module order lint rule', () => {
  it('refuses a module importing one above it, naming both and the order', async () => {
    const found = await problems('packages/server/src/units/fixture.ts', "import { createPlan } from '../plans/service.ts';\n");
    expect(found).toHaveLength(1);
    expect(found[0]).toContain("Module 'units' imports 'plans', which comes after it");
  });

  it('lets a module import the ones below it and its own files', async () => {
    const code =
      "import * as units from '../units/repository.ts';\nimport { recordAudit } from '../audit/audit.ts';\nimport * as repo from './repository.ts';\n";
    expect(await problems('packages/server/src/plans/fixture.ts', code)).toEqual([]);
  });

  it('refuses a dynamic import and a re-export upward too', async () => {
    const code = "export { x } from '../indicators/routes.ts';\nawait import('../app.ts');\n";
    expect(await problems('packages/server/src/plans/fixture.ts', code)).toHaveLength(2);
  });

  it('asks a new module for its place in the order', async () => {
    const found = await problems('packages/server/src/unplaced/fixture.ts', "import { x } from '../plans/service.ts';\n");
    expect(found.some((m) => m.includes("Module 'unplaced' has no place in the module order"))).toBe(true);
  });

  it('keeps the test helpers out of shipped code, and lets tests import any module', async () => {
    expect(await problems('packages/server/src/units/fixture.ts', "import { makeUser } from '../test/factories.ts';\n")).toEqual([
      "Shipped code imports the test helpers ('../test/factories.ts'); only tests may.",
    ]);
    expect(await problems('packages/server/src/units/fixture.test.ts', "import { app } from '../app.ts';\n")).toEqual([]);
  });

  it('holds in the web as well', async () => {
    const found = await problems('packages/web/src/i18n/fixture.ts', "import { x } from '../plans/labels.ts';\n");
    expect(found[0]).toContain("Module 'i18n' imports 'plans'");
  });

  it('is switched on, at error, in the repository configuration', async () => {
    const config = (await new ESLint({ cwd: root }).calculateConfigForFile(
      path.join(root, 'packages/server/src/units/service.ts'),
    )) as { rules: Record<string, unknown[]> };
    expect(config.rules['tre/module-order']?.[0]).toBe(2);
  });
});
