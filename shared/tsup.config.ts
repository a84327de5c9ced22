import { defineConfig } from 'tsup';

// Both formats: the Strapi backend is CommonJS, the Astro site is ESM.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'node24',
});
