// The one-way module order (README, "Layout"): a module imports only modules listed before it in
// its package's order, so no two modules can import each other, directly or round a circle. A
// module is a folder under src/ (or a file right in src/, named without its extension); every
// module must be listed, so a new one has to be given its place. Tests (*.test.ts[x]) and the test
// helpers (src/test/) may import any module; shipped code may not import them.
import path from 'node:path';

const TEST_FILE = /\.test\.tsx?$/;

/** `src/<module>/…` or `src/<file>.ts` → the module's name; undefined outside src. */
function moduleOf(file, srcDir) {
  const rel = path.relative(srcDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const [first, ...rest] = rel.split(path.sep);
  return rest.length === 0 ? first.replace(/\.(mjs|ts|tsx)$/, '') : first;
}

/** @type {import('eslint').Rule.RuleModule} */
export const moduleOrder = {
  meta: {
    type: 'problem',
    docs: { description: 'A module imports only the modules before it in the module order' },
    schema: [
      {
        type: 'object',
        properties: {
          packages: {
            type: 'array',
            items: {
              type: 'object',
              properties: { src: { type: 'string' }, order: { type: 'array', items: { type: 'string' } } },
              required: ['src', 'order'],
            },
          },
        },
        required: ['packages'],
      },
    ],
    messages: {
      upward:
        "Module '{{from}}' imports '{{to}}', which comes after it in the module order ({{order}}). Move the shared part down, or the operation up (README, Layout).",
      unlisted: "Module '{{module}}' has no place in the module order of {{src}} (eslint.config.js): add it where it belongs.",
      testHelper: "Shipped code imports the test helpers ('{{to}}'); only tests may.",
    },
  },
  create(context) {
    const filename = context.filename;
    const pkg = context.options[0].packages.find((p) => moduleOf(filename, path.resolve(p.src)) !== undefined);
    if (!pkg) return {};
    const srcDir = path.resolve(pkg.src);
    const from = moduleOf(filename, srcDir);
    const isTest = TEST_FILE.test(filename) || from === 'test';
    const rank = (m) => pkg.order.indexOf(m);

    function check(node, spec) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = moduleOf(path.resolve(path.dirname(filename), spec), srcDir);
      if (to === undefined || to === from) return;
      if (to === 'test') {
        if (!isTest) context.report({ node, messageId: 'testHelper', data: { to: spec } });
        return;
      }
      if (isTest) return;
      if (rank(to) < 0) context.report({ node, messageId: 'unlisted', data: { module: to, src: pkg.src } });
      else if (rank(to) > rank(from)) {
        context.report({ node, messageId: 'upward', data: { from, to, order: pkg.order.join(' < ') } });
      }
    }

    return {
      Program(node) {
        if (!isTest && rank(from) < 0) context.report({ node, messageId: 'unlisted', data: { module: from, src: pkg.src } });
      },
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

/** @type {import('eslint').ESLint.Plugin} */
export default { rules: { 'module-order': moduleOrder } };
