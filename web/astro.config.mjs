// @ts-check
import node from '@astrojs/node';
import { defineConfig, fontProviders } from 'astro/config';

/**
 * Static site (every page prerendered from the CMS at build time); the Node adapter serves it and
 * the few on-demand routes. Locales are routed by hand under src/pages/[locale]/ from
 * @asb/shared's list, so every document has a page in every locale (see src/lib/content.ts).
 */
// Media lives in the CMS: Astro downloads it at build time and serves resized copies from the site.
const cms = new URL(process.env.CMS_URL ?? 'http://127.0.0.1:1337');

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  // Tests and the rebuilder build into other folders than dist/ (SITE_OUT_DIR), leaving the served site alone.
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  // The rebuilder keeps Astro's cache (content store, incremental-build manifest and page copies) beside
  // its builds, so each build goes into a fresh folder yet re-renders only pages whose data changed.
  ...(process.env.SITE_CACHE_DIR ? { cacheDir: process.env.SITE_CACHE_DIR } : {}),
  experimental: { incrementalBuild: process.env.SITE_INCREMENTAL === '1' },
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  trailingSlash: 'always',
  build: {
    format: 'directory',
    inlineStylesheets: 'always',
    // A publish restores most pages from the incremental cache: file-system calls, which Astro makes
    // one path at a time by default. Four at a time took the 17,748 restores of a 5,000-project site
    // from 9–10 s to about 4 s here (patches/astro@7.3.5.patch makes them hard links).
    concurrency: 4,
  },
  compressHTML: true,
  // Georgian script only: Latin text uses the system font, so a page never downloads a second font file.
  fonts: [
    {
      provider: fontProviders.local(),
      name: 'Noto Sans Georgian',
      cssVariable: '--font-georgian',
      fallbacks: ['sans-serif'],
      options: {
        variants: [
          {
            src: ['@fontsource-variable/noto-sans-georgian/files/noto-sans-georgian-georgian-wght-normal.woff2'],
            weight: '100 900',
            style: 'normal',
            display: 'swap',
            unicodeRange: ['U+10A0-10FF', 'U+1C90-1CBF', 'U+2D00-2D2F'],
          },
        ],
      },
    },
  ],
  image: {
    remotePatterns: [
      { protocol: cms.protocol.replace(':', ''), hostname: cms.hostname, ...(cms.port ? { port: cms.port } : {}) },
    ],
    responsiveStyles: false,
  },
  vite: { build: { assetsInlineLimit: 0 } },
});
