import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import loket from './eslint/layers.js'

const ALL = ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}']
const RENDERER = ['src/renderer/**/*.{ts,tsx}']
const RENDERER_CONFIG = 'src/renderer/vite.config.ts'

export default defineConfig(
  globalIgnores([
    'out/',
    'dist/',
    'node_modules/',
    'data/',
    'test-results/',
    'playwright-report/',
    '.electron-native/',
  ]),
  { files: ALL, extends: [js.configs.recommended] },
  // Syntax-level TypeScript rules only (no type information): lint stays fast; tsc checks types.
  { files: ['**/*.{ts,mts,cts,tsx}'], extends: [tseslint.configs.recommended] },
  {
    files: ALL,
    ignores: RENDERER,
    languageOptions: { globals: globals.node },
  },
  {
    files: RENDERER,
    ignores: [RENDERER_CONFIG],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  { files: [RENDERER_CONFIG], languageOptions: { globals: globals.node } },
  {
    // Screens write days dd/mm/yyyy (formatShortDate); formatDate's "4 Des 2026" is for the PDFs.
    files: RENDERER,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@shared/dates',
              importNames: ['formatDate'],
              message: 'Show days as dd/mm/yyyy with formatShortDate.',
            },
          ],
        },
      ],
    },
  },
  // DESIGN.md's layers: see eslint/layers.js.
  { files: ALL, plugins: { loket }, rules: { 'loket/layers': 'error' } },
  {
    files: ['**/*.{ts,mts,cts,tsx}'],
    rules: {
      // `_`-prefixed names are deliberately unused (callback signatures, destructuring to omit).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: {
      'no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['test/**', '**/*.test.{ts,tsx}'],
    // Playwright fixtures that need no other fixture are written `async ({}, use) => …`.
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
)
