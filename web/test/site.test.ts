import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@asb/shared';
import { cmsGet, htmlFiles, page, siteDir } from './support/dist';
import { DRAFT_MARKER, EDIT_MARKER, GEORGIAN_ONLY_NAME, PHOTO_ALT } from './fixtures/cms-drafts.mjs';

/** What the static build contains, compared with what the CMS publishes. */
const TYPES = [
  ['projects', 'projects'],
  ['social-enterprises', 'social-enterprises'],
  ['partners', 'partners'],
  ['funders', 'funders'],
  ['programmes', 'programmes'],
] as const;

type Published = { documentId: string; slug: string; locale: string };
async function published(api: string, locale: string): Promise<Published[]> {
  const body = await cmsGet<{ data: Published[] }>(
    `/api/${api}?locale=${locale}&pagination[pageSize]=100&fields[0]=slug`,
  );
  return body.data;
}
const doc = (urlPath: string) => parse(page(urlPath));
const switcherTarget = (html: HTMLElement) => html.querySelector('.switcher a')!.getAttribute('href');
const hreflangs = (html: HTMLElement) =>
  Object.fromEntries(
    html
      .querySelectorAll('link[rel=alternate][hreflang]')
      .map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname]),
  );

describe('pages', () => {
  it('has a page for every published document in every locale', async () => {
    for (const [api, segment] of TYPES) {
      const ids = new Set<string>();
      for (const locale of LOCALES) for (const d of await published(api, locale)) ids.add(d.documentId);
      for (const locale of LOCALES) {
        const dir = path.join(siteDir(), locale, segment);
        const built = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
        expect(built.length, `${locale}/${segment}`).toBe(ids.size);
      }
    }
  });

  it('shows the source text’s figures on the right pages in both languages', async () => {
    const figures: [string, string, (string | RegExp)[]][] = [];
    for (const locale of LOCALES) {
      const projects = await published('projects', locale);
      const enterprises = await published('social-enterprises', locale);
      const se = projects.find((p) => /metsarmeoba-inovatsiuri|innovative-approach/.test(p.slug))!;
      const cs = projects.find((p) => /samokalako|civil-society/.test(p.slug))!;
      const house = enterprises.find((e) => /sakhli|house-without-borders/.test(e.slug))!;
      const berbuki = enterprises.find((e) => /berbuk/.test(e.slug))!;
      figures.push([locale, `/${locale}/projects/${se.slug}/`, ['>14<', '>95<', '>300<']]);
      figures.push([locale, `/${locale}/projects/${cs.slug}/`, ['>113<', '>30<', /15[\s ,.]?000/]]);
      figures.push([locale, `/${locale}/social-enterprises/${house.slug}/`, ['>60<', /20/]]);
      figures.push([locale, `/${locale}/social-enterprises/${berbuki.slug}/`, ['>30<']]);
      figures.push([locale, `/${locale}/contact/`, ['+995 32 2 29 00 06']]);
    }
    for (const [, urlPath, expected] of figures) {
      const html = page(urlPath);
      for (const e of expected) expect(html, urlPath).toMatch(e);
    }
    // The home page adds the enterprises' figures up: 6 enterprises, 15 + 30 + 60 beneficiaries, 6 + 3 + 5 jobs.
    for (const locale of LOCALES) {
      const values = doc(`/${locale}/`)
        .querySelectorAll('.figures .value')
        .map((v) => v.text);
      expect(values.slice(0, 3)).toEqual(['6', '105', '14']);
    }
  });

  it('shows each project’s phase in the page’s language', async () => {
    const words = {
      ka: { heading: 'ეტაპი', planned: 'დაგეგმილი', ongoing: 'მიმდინარე', completed: 'დასრულებული' },
      en: { heading: 'Phase', planned: 'Planned', ongoing: 'Ongoing', completed: 'Completed' },
    } as const;
    for (const locale of LOCALES) {
      const { data } = await cmsGet<{ data: { slug: string; phase: 'planned' | 'ongoing' | 'completed' }[] }>(
        `/api/projects?locale=${locale}&pagination[pageSize]=100&fields[0]=slug&fields[1]=phase`,
      );
      // The organisation's content has ongoing and completed projects: both labels are checked.
      expect(new Set(data.map((p) => p.phase))).toEqual(new Set(['ongoing', 'completed']));
      for (const project of data) {
        const facts = doc(`/${locale}/projects/${project.slug}/`).querySelector('.facts')!;
        const terms = facts.querySelectorAll('dt').map((dt) => dt.text.trim());
        const phase = facts.querySelectorAll('dd')[terms.indexOf(words[locale].heading)]?.text.trim();
        expect(phase, `${locale} ${project.slug}`).toBe(words[locale][project.phase]);
      }
    }
  });

  it('switches language to the same document, paired by documentId', async () => {
    for (const [api, segment] of TYPES) {
      const ka = await published(api, 'ka');
      const en = new Map((await published(api, 'en')).map((d) => [d.documentId, d.slug]));
      for (const d of ka) {
        const enSlug = en.get(d.documentId) ?? d.slug; // untranslated: the English page shows the Georgian version
        expect(switcherTarget(doc(`/ka/${segment}/${d.slug}/`))).toBe(`/en/${segment}/${enSlug}/`);
        expect(switcherTarget(doc(`/en/${segment}/${enSlug}/`))).toBe(`/ka/${segment}/${d.slug}/`);
      }
    }
  });

  it('lists hreflang alternates only for translations that exist', async () => {
    const projects = await published('projects', 'ka');
    const en = new Map((await published('projects', 'en')).map((d) => [d.documentId, d.slug]));
    const p = projects[0]!;
    expect(hreflangs(doc(`/ka/projects/${p.slug}/`))).toEqual({
      ka: `/ka/projects/${p.slug}/`,
      en: `/en/projects/${en.get(p.documentId)}/`,
      'x-default': `/ka/projects/${p.slug}/`,
    });
    const only = (await published('partners', 'ka')).find(
      (d) => !en.has(d.documentId) && d.slug.startsWith('mkholod'),
    )!;
    expect(hreflangs(doc(`/en/partners/${only.slug}/`))).toEqual({
      ka: `/ka/partners/${only.slug}/`,
      'x-default': `/ka/partners/${only.slug}/`,
    });
  });

  it('shows an untranslated document in its language, marked with lang and a notice', async () => {
    const only = (await published('partners', 'ka')).find((d) => d.slug.startsWith('mkholod'))!;
    const html = doc(`/en/partners/${only.slug}/`);
    expect(html.querySelector('html')!.getAttribute('lang')).toBe('en');
    const h1 = html.querySelector('h1')!;
    expect(h1.text).toBe(GEORGIAN_ONLY_NAME);
    expect(h1.getAttribute('lang')).toBe('ka');
    expect(html.querySelector('.notice')!.text).toMatch(/not been translated into English/);
    // Its card on the English list says it is Georgian too.
    const card = doc('/en/partners/')
      .querySelectorAll('.cards li')
      .find((li) => li.text.includes(GEORGIAN_ONLY_NAME))!;
    expect(card.getAttribute('lang')).toBe('ka');
  });

  it('shows each relation from both sides', async () => {
    const en = await published('funders', 'en');
    const eu = en.find((f) => /european-union|^eu/.test(f.slug))!;
    const funderPage = doc(`/en/funders/${eu.slug}/`);
    const projectLinks = funderPage.querySelectorAll('.cards a').map((a) => a.getAttribute('href'));
    expect(projectLinks).toHaveLength(2);
    for (const href of projectLinks) expect(page(href!)).toContain(`href="/en/funders/${eu.slug}/"`);
  });
});

describe('what the build must not contain', () => {
  it('has no draft content anywhere', () => {
    const files = fs
      .readdirSync(siteDir(), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(html|xml|json|txt|js)$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = fs.readFileSync(path.join(siteDir(), file), 'utf8');
      expect(text.includes(DRAFT_MARKER) || text.includes(EDIT_MARKER), file).toBe(false);
    }
  });

  it('ships no JavaScript on content pages (only the search page loads Pagefind)', () => {
    for (const file of htmlFiles()) {
      const scripts = parse(fs.readFileSync(file, 'utf8'))
        .querySelectorAll('script')
        .filter((s) => s.getAttribute('type') !== 'application/ld+json');
      if (file.includes(`${path.sep}search${path.sep}`)) expect(scripts.length).toBeGreaterThan(0);
      else
        expect(
          scripts.map((s) => s.toString().slice(0, 80)),
          file,
        ).toEqual([]);
    }
    const clientJs = fs
      .readdirSync(siteDir(), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js') && !f.startsWith('pagefind'));
    expect(clientJs).toEqual([]);
  });
});

describe('links', () => {
  it('every internal link and asset resolves to a file in the build', () => {
    const missing: string[] = [];
    for (const file of htmlFiles()) {
      const html = parse(fs.readFileSync(file, 'utf8'));
      const refs = [
        ...html.querySelectorAll('a[href]').map((a) => a.getAttribute('href')!),
        ...html.querySelectorAll('link[href]').map((l) => l.getAttribute('href')!),
        ...html.querySelectorAll('[src]').map((e) => e.getAttribute('src')!),
      ].filter((href) => href.startsWith('/') && !href.startsWith('//'));
      for (const href of refs) {
        const target = path.join(siteDir(), decodeURIComponent(href.split(/[?#]/)[0]!));
        const exists =
          fs.existsSync(target) && (fs.statSync(target).isFile() || fs.existsSync(path.join(target, 'index.html')));
        if (!exists) missing.push(`${path.relative(siteDir(), file)} -> ${href}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has a sitemap of every page with its translations, and a robots.txt that points to it', () => {
    const sitemap = fs.readFileSync(path.join(siteDir(), 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(locs).toContain('/ka/');
    expect(locs).toContain('/en/projects/');
    for (const loc of locs) expect(fs.existsSync(path.join(siteDir(), loc, 'index.html')), loc).toBe(true);
    expect(sitemap).toMatch(
      /<xhtml:link rel="alternate" hreflang="en" href="https:\/\/asb\.example\.org\/en\/projects\/[a-z0-9-]+\/"\/>/,
    );
    expect(sitemap).not.toMatch(/\/(preview|search|404)\//);
    expect(fs.readFileSync(path.join(siteDir(), 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://asb.example.org/sitemap.xml',
    );
  });
});

describe('weight, for visitors on slow connections', () => {
  /** Bytes a visitor downloads for a page, gzip-compressed as the server sends them: HTML (CSS is inlined) and preloaded fonts. */
  function transferred(urlPath: string) {
    const html = page(urlPath);
    const parsed = parse(html);
    const assets = [
      ...parsed.querySelectorAll('link[rel=stylesheet]').map((l) => l.getAttribute('href')!),
      ...parsed.querySelectorAll('link[rel=preload][as=font]').map((l) => l.getAttribute('href')!),
    ];
    const assetBytes = assets.map((href) => {
      const file = fs.readFileSync(path.join(siteDir(), href));
      return href.endsWith('.woff2') ? file.length : gzipSync(file).length;
    });
    return {
      html: gzipSync(html).length,
      total: gzipSync(html).length + assetBytes.reduce((a, b) => a + b, 0),
      assets,
    };
  }

  it('keeps every content page within 60 KB (HTML, CSS and fonts, gzip)', async () => {
    const pages = ['/ka/', '/en/', '/ka/projects/', '/en/partners/'];
    for (const [api, segment] of TYPES)
      for (const locale of LOCALES)
        pages.push(...(await published(api, locale)).map((d) => `/${locale}/${segment}/${d.slug}/`));
    for (const urlPath of pages) expect(transferred(urlPath).total, urlPath).toBeLessThanOrEqual(60 * 1024);
    // Georgian pages preload the Georgian font: it is part of the budget above.
    expect(transferred('/ka/').assets.some((a) => a.endsWith('.woff2'))).toBe(true);
  });

  it('keeps a typical detail page’s HTML within 8 KB gzip', async () => {
    for (const locale of LOCALES) {
      for (const d of await published('projects', locale))
        expect(transferred(`/${locale}/projects/${d.slug}/`).html).toBeLessThanOrEqual(8 * 1024);
    }
  });
});

describe('images', () => {
  it('serves CMS photos from the site in several widths, with size and alt text in the page’s language', async () => {
    for (const locale of LOCALES) {
      const berbuki = (await published('social-enterprises', locale)).find((e) => /berbuk/.test(e.slug))!;
      const img = doc(`/${locale}/social-enterprises/${berbuki.slug}/`).querySelector('main img')!;
      expect(img.getAttribute('alt')).toBe(PHOTO_ALT[locale]);
      expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
      expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
      const candidates = img
        .getAttribute('srcset')!
        .split(',')
        .map((c) => c.trim().split(' ')[0]!);
      expect(candidates.length).toBeGreaterThanOrEqual(3);
      for (const src of [img.getAttribute('src')!, ...candidates]) {
        expect(src).toMatch(/^\/_astro\/.+\.webp$/);
        expect(fs.existsSync(path.join(siteDir(), src)), src).toBe(true);
      }
    }
  });
});
