// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.astro/**',
      '**/.tmp/**',
      '**/.cache/**',
      '**/.strapi/**',
      '.toolchain/**',
      'cms/types/generated/**',
      'shared/src/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Strapi's service and document APIs are loosely typed; `any` is allowed where they meet our code.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The site's layers (web/README.md): pages, components and data helpers run inside the built site and
    // import neither the site server nor the build runner. dependency-cruiser (web/.dependency-cruiser.cjs)
    // checks the .ts files; this covers .astro too, which it cannot parse.
    files: ['web/src/**/*.{ts,astro}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/*', '**/builder/*'], message: 'web/src/ must not import web/server/ or web/builder/' },
          ],
        },
      ],
    },
  },
);
