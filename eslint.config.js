// Lint: typescript-eslint's recommended rules plus the one-way import rule of DESIGN.md §2:
// core ← storage, render, feeds, sitemaps, search, topics ← http, jobs, importers, cli ← app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const MIDDLE = ['storage', 'render', 'feeds', 'sitemaps', 'search', 'topics', 'cache', 'media'];
const OUTER = ['http', 'jobs', 'importers', 'cli'];
const layer = (name) => [`**/${name}/**`, `../${name}`, `../../${name}`, `./${name}/**`];

/** Forbids imports of the named layers, and of the given packages, from the files matched. */
function restrict(files, layers, packages = [], message) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...layers.map((name) => ({
              group: layer(name),
              message: `${message} (DESIGN.md §2: core ← storage, render, … ← http, cli, … ← app).`,
            })),
          ],
          paths: packages.map((name) => ({ name, message: `${message}: no framework, driver or I/O here.` })),
        },
      ],
    },
  };
}

const IO_AND_FRAMEWORKS = [
  'fastify', 'kysely', 'pg', 'better-sqlite3', 'markdown-it', 'sanitize-html', '@kitajs/html',
  'node:fs', 'node:fs/promises', 'node:net', 'node:http', 'node:child_process', 'fs', 'net', 'http',
];

export default tseslint.config(
  // The visual editor's bundle is built from src/render/editor (scripts/build-editor.mjs), not written by hand.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**', 'src/render/assets/visual-editor.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  restrict(['src/core/**'], ['config', ...MIDDLE, ...OUTER, 'app'], IO_AND_FRAMEWORKS, 'core imports nothing but core'),
  restrict(['src/config/**'], [...MIDDLE, ...OUTER, 'app'], [], 'config depends only on core'),
  ...MIDDLE.map((name) =>
    restrict([`src/${name}/**`], [...MIDDLE.filter((other) => other !== name), ...OUTER, 'app'], [], `${name} may import only core and config`),
  ),
  ...OUTER.map((name) =>
    restrict([`src/${name}/**`], [...OUTER.filter((other) => other !== name), 'app'], [], `${name} may not import ${OUTER.filter((o) => o !== name).join(', ')} or app`),
  ),
  {
    files: ['src/render/assets/**/*.js'],
    languageOptions: { sourceType: 'script', globals: {
      document: 'readonly', window: 'readonly', Intl: 'readonly', setInterval: 'readonly', Date: 'readonly',
      fetch: 'readonly', URLSearchParams: 'readonly', FormData: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
    } },
    rules: { 'no-var': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.ts', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**', 'bench/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
