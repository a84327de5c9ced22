import type { APIRoute } from 'astro';
import { DOCUMENT_TYPES, LOCALES, SEGMENTS } from '@asb/shared';
import { documentAlternates, pagesOf } from '../lib/content';

/**
 * Every page in every language, each with its translations as alternates. Written by hand rather
 * than by @astrojs/sitemap so that untranslated pages claim no alternate and on-demand routes
 * (previews) never appear.
 */
export const GET: APIRoute = async ({ site }) => {
  const entries: { path: string; alternates: { locale: string; path: string }[] }[] = [];
  const everywhere = (rest: string) => LOCALES.map((locale) => ({ locale, path: `/${locale}/${rest}` }));
  for (const rest of ['', ...DOCUMENT_TYPES.map((type) => `${SEGMENTS[type]}/`), 'contact/']) {
    for (const alternate of everywhere(rest)) entries.push({ path: alternate.path, alternates: everywhere(rest) });
  }
  for (const type of DOCUMENT_TYPES) {
    for (const locale of LOCALES) {
      for (const page of await pagesOf(type, locale)) {
        if (page.contentLocale !== locale) continue; // an untranslated fallback is not a page of its own
        const alternates = (await documentAlternates(page)).filter((a) => a.exists);
        entries.push({ path: page.path, alternates });
      }
    }
  }
  const url = (path: string) => new URL(path, site).href;
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries.map(
      (e) =>
        `<url><loc>${url(e.path)}</loc>${e.alternates
          .map((a) => `<xhtml:link rel="alternate" hreflang="${a.locale}" href="${url(a.path)}"/>`)
          .join('')}</url>`,
    ),
    '</urlset>',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
