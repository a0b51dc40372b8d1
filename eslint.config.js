import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import treRules from './eslint-rules/module-order.mjs';

/**
 * The module order (README, Layout): each module imports only those before it. Foundations first
 * (no domain), then the domain modules in the order they build on each other, then what composes
 * them (the app, the commands, the entry points). The modules still to come (reporting, children,
 * cases, communes, voices) take their place after indicators.
 */
export const MODULE_ORDER = {
  server: [
    'errors',
    'config',
    'db',
    'audit',
    'http',
    'imports',
    'units',
    'access',
    'files',
    'plans',
    'indicators',
    'bootstrap',
    'commands',
    'app',
    'server',
    'cli',
    'index',
  ],
  web: ['i18n', 'api', 'format', 'access', 'units', 'imports', 'plans', 'indicators', 'home', 'shell', 'main'],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { tre: treRules },
    rules: {
      'tre/module-order': [
        'error',
        {
          packages: [
            { src: 'packages/server/src', order: MODULE_ORDER.server },
            { src: 'packages/web/src', order: MODULE_ORDER.web },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
