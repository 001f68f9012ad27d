import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The pure core: no UI, no server, no Node I/O.
    files: ['src/policy/**/*.ts', 'src/catalog/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'react/*'], message: 'src/policy and src/catalog are pure: no React.' },
            { group: ['@mui/*', '@emotion/*'], message: 'src/policy and src/catalog are pure: no MUI.' },
            { group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/*'], message: 'No Monaco in the core.' },
            { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'http', 'https', 'child_process', 'url'], message: 'No Node I/O in the core.' },
            { group: ['@aws-sdk/*'], message: 'No AWS SDK in the core.' },
            { group: ['**/app/*', '**/features/*', '**/server/*', '**/api/*', '**/sandbox/*', '../app', '../features', '../server', '../api', '../sandbox'], message: 'The core depends on nothing above it.' },
          ],
        },
      ],
    },
  },
);
