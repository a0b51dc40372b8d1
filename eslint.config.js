import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import treRules from './eslint-rules/module-order.mjs';

/**
 * The module order (README, Layout): each module imports only those before it. Foundations first
 * (no domain), then the domain modules in the order they build on each other, then what composes
 * them (the app, the commands, the entry points). Notifications (in-app messages and the mailer) come
 * before the domain modules that send them. Children comes before cases (a case is about a child of
 * the register); the modules still to come (communes, voices) take their place after cases.
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
    'notifications',
    'plans',
    'indicators',
    'reporting',
    'children',
    'cases',
    'communes',
    'voices',
    'bootstrap',
    'commands',
    'app',
    'server',
    'cli',
    'index',
  ],
  web: [
    'i18n',
    'api',
    'format',
    'ui',
    'session',
    'units',
    'access',
    'imports',
    'notifications',
    'plans',
    'indicators',
    'reporting',
    'children',
    'cases',
    'communes',
    'voices',
    'home',
    'shell',
    'main',
  ],
};

/** The rule's options: each package's source folder and its order. */
export const MODULE_ORDER_OPTIONS = {
  packages: [
    { src: 'packages/server/src', order: MODULE_ORDER.server },
    { src: 'packages/web/src', order: MODULE_ORDER.web },
  ],
};

/** Who may do what is read from the permission tables (web/src/access/can.ts), never spelt out in the web. */
const NO_ROLE_NAMES = {
  selector: 'Literal[value=/^(admin|provincial_officer|agency_reporter|commune_officer|case_worker|viewer)$/]',
  message: 'No role names in the web: ask the permission tables (access/can.ts, core/<module>/permissions.ts).',
};
/** Pages call their module's typed client (web/<module>/api.ts); only the clients write API URLs. */
const NO_API_URLS = ['Literal[value=/^\\/api\\//]', 'TemplateElement[value.raw=/^\\/api\\//]'].map((selector) => ({
  selector,
  message: "No API URLs in pages: add a function to the module's typed client (web/<module>/api.ts) and call it.",
}));

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // core's tests and fixtures run in Node; core's shipped code compiles without Node (packages/core/tsconfig.json)
    files: ['packages/core/src/**/*.test.ts', 'packages/core/src/**/*.fixture.ts'],
    languageOptions: {
      parserOptions: { projectService: false, project: ['./packages/core/tsconfig.test.json'] },
    },
  },
  {
    // the scripts and the few plain-JavaScript files (worker boots, the CLI entry): Node globals, no type information
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['packages/web/src/**/*.tsx', 'packages/web/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    plugins: { tre: treRules },
    rules: {
      'tre/module-order': ['error', MODULE_ORDER_OPTIONS],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Fastify plugins and interface implementations are async without awaiting anything
      '@typescript-eslint/require-await': 'off',
      // strictTypeChecked, adjusted (README, Tooling):
      // numbers in messages and URLs are intended; objects, unknown, null/undefined and booleans stay refused
      // (every flag spelt out: the rule's own defaults would let any, boolean and null/undefined through)
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowAny: false, allowBoolean: false, allowNever: false, allowNullish: false, allowRegExp: false },
      ],
      // `onClick={() => setX(1)}` is plain React; a void value in a condition, a variable or a returned block still fails
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['packages/web/src/**/*.ts', 'packages/web/src/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-syntax': ['error', NO_ROLE_NAMES, ...NO_API_URLS] },
  },
  {
    // the typed clients, and the fetch under them, are where API URLs are written
    files: ['packages/web/src/**/api.ts', 'packages/web/src/api/client.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_ROLE_NAMES] },
  },
  {
    // tests read untyped JSON replies (inject's res.json()) and assert on their shape: the any-flow rules
    // would make every assertion cast first; everything else holds in tests too
    files: ['**/*.test.ts', '**/*.test.tsx', '**/test/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `res.json() as Reply`, `String(route.url)` in a failure message, `const close = db.close`: test idioms
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
