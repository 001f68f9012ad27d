import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

/**
 * The layers (docs/ARCHITECTURE.md): app -> features -> editor -> api -> policy, catalog; server,
 * sandbox and cli beside, over policy and catalog. Each folder may import only what lies below it;
 * a wrong arrow or an import cycle fails `npm run lint`.
 */
const folder = (name) => [`**/${name}/*`, `**/${name}/**`];
const UP = {
  app: { group: folder('app'), message: 'Nothing imports app/: it is the composition root.' },
  features: { group: folder('features'), message: 'features/ sit above this layer.' },
  editor: { group: folder('editor'), message: 'editor/ (the store) sits above this layer.' },
  api: { group: folder('api'), message: 'api/ (the browser client) sits above this layer.' },
  server: { group: folder('server'), message: 'server/ is Node-only: the browser and the core do not import it.' },
  sandbox: { group: folder('sandbox'), message: 'sandbox/ stands in for IAM: only scripts and tests start it.' },
  cli: { group: folder('cli'), message: 'cli/ is a leaf: nothing imports it.' },
  scripts: { group: ['**/scripts/**'], message: 'scripts/ are build tools.' },
};
const UI = [
  { group: ['react', 'react-*', 'react/*', '@tanstack/react-*'], message: 'No React below editor/.' },
  { group: ['@mui/*', '@emotion/*'], message: 'No MUI below features/.' },
  { group: ['monaco-editor', 'monaco-editor/*'], message: 'Monaco belongs to features/json.' },
];
const NODE = [
  { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'http', 'https', 'child_process', 'url'], message: 'No Node I/O in the browser or the core.' },
  { group: ['@aws-sdk/*', '@smithy/*'], message: 'Only server/ talks to AWS.' },
];
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns: patterns.flat() }] });
const NOT_TESTS = ['**/*.test.ts', '**/*.test.tsx'];

export default tseslint.config(
  { ignores: ['dist', 'public/catalog', 'node_modules', 'test-results', 'playwright-report', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The pure core: no UI, no Node I/O, nothing above it (the catalog's one Node adapter is node.ts).
    files: ['src/policy/**/*.ts', 'src/catalog/**/*.ts'],
    ignores: [...NOT_TESTS, 'src/catalog/node.ts'],
    rules: restrict(UI, NODE, UP.app, UP.features, UP.editor, UP.api, UP.server, UP.sandbox, UP.cli, UP.scripts),
  },
  {
    files: ['src/catalog/node.ts'],
    rules: restrict(UI, UP.app, UP.features, UP.editor, UP.api, UP.server, UP.sandbox, UP.cli, UP.scripts),
  },
  {
    // The browser's client and the contract's types: no zod (the schemas stay on the server).
    files: ['src/api/**/*.ts'],
    ignores: NOT_TESTS,
    rules: restrict(UI, NODE, { group: ['zod', 'zod/*'], message: 'The browser gets types only; zod stays in server/.' }, UP.app, UP.features, UP.editor, UP.server, UP.sandbox, UP.cli, UP.scripts),
  },
  {
    // The store: knows no feature.
    files: ['src/editor/**/*.ts', 'src/editor/**/*.tsx'],
    ignores: NOT_TESTS,
    rules: restrict(NODE, UI.slice(1), UP.app, UP.features, UP.server, UP.sandbox, UP.cli, UP.scripts),
  },
  {
    files: ['src/features/**/*.ts', 'src/features/**/*.tsx'],
    ignores: NOT_TESTS,
    rules: restrict(NODE, UP.app, UP.server, UP.sandbox, UP.cli, UP.scripts),
  },
  {
    files: ['src/app/**/*.ts', 'src/app/**/*.tsx'],
    rules: restrict(NODE, UP.server, UP.sandbox, UP.cli, UP.scripts),
  },
  {
    // Node beside the browser: the local server uses the core and the contract's types.
    files: ['src/server/**/*.ts'],
    ignores: NOT_TESTS,
    rules: restrict(UI, UP.app, UP.features, UP.editor, UP.sandbox, UP.cli, UP.scripts),
  },
  {
    // The sandbox stands in for IAM: it judges documents with its own rules, never the validator's.
    files: ['src/sandbox/**/*.ts'],
    ignores: NOT_TESTS,
    rules: restrict(
      UI,
      { group: ['**/policy/validate', '**/policy/validate/**', '**/policy/checks'], message: 'The sandbox keeps its own copy of IAM\'s rules, to catch the validator\'s mistakes.' },
      UP.app, UP.features, UP.editor, UP.api, UP.server, UP.cli, UP.scripts,
    ),
  },
  {
    files: ['src/cli/**/*.ts'],
    ignores: NOT_TESTS,
    rules: restrict(UI, UP.app, UP.features, UP.editor, UP.server, UP.sandbox),
  },
);
