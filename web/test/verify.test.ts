import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyBuild } from '../builder/verify.ts';

/**
 * The rebuilder's check of a finished build, on small real folders shaped like a build: what it
 * must refuse (a missing page, a broken link, most of the site gone) and what it must accept.
 */
const SEGMENTS = ['programmes', 'projects', 'social-enterprises', 'partners', 'funders'];
const REPORTED = ['programmes', 'projects', 'socialEnterprises', 'partners', 'funders'];
let root: string;
let outDir: string;
let report: string;

function page(urlPath: string, links: string[] = []) {
  const file = path.join(outDir, 'client', urlPath, 'index.html');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `<html><body>${links.map((l) => `<a href="${l}">x</a>`).join('')}</body></html>`);
}

/** A complete little site: one project in both locales, every fixed page, a search index behind a symlink. */
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-'));
  outDir = path.join(root, 'build');
  report = path.join(root, 'report');
  fs.mkdirSync(report);
  for (const name of REPORTED) {
    const ids = name === 'projects' ? ['doc1'] : [];
    fs.writeFileSync(path.join(report, `${name}.json`), JSON.stringify({ ka: ids, en: ids }));
  }
  for (const locale of ['ka', 'en']) {
    page(`${locale}/`, [`/${locale}/projects/`, `/${locale}/projects/first/`, '/pagefind/pagefind.js']);
    for (const rest of ['contact/', 'search/', ...SEGMENTS.map((s) => `${s}/`)]) page(`${locale}/${rest}`);
    page(`${locale}/projects/first/`, [`/${locale}/`, '/sitemap.xml']);
  }
  for (const file of ['sitemap.xml', 'robots.txt']) fs.writeFileSync(path.join(outDir, 'client', file), '');
  fs.mkdirSync(path.join(root, 'search'));
  fs.writeFileSync(path.join(root, 'search', 'pagefind.js'), '');
  fs.symlinkSync('../../search', path.join(outDir, 'client', 'pagefind'));
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('verifyBuild', () => {
  it('accepts a complete build, links through the search index’s symlink included, and counts its pages', () => {
    expect(verifyBuild({ outDir, report })).toBe(2 * (3 + SEGMENTS.length) + 2);
  });

  it('refuses a build missing a document’s page in one locale', () => {
    fs.rmSync(path.join(outDir, 'client', 'en', 'projects', 'first'), { recursive: true });
    expect(() => verifyBuild({ outDir, report })).toThrow(/en\/projects: expected 1 pages, found 0/);
  });

  it('refuses a build with a link to a page it does not have, naming the page and the link', () => {
    page('ka/projects/first/', ['/ka/projects/gone/']);
    expect(() => verifyBuild({ outDir, report })).toThrow(
      /1 broken links: ka\/projects\/first\/index.html → \/ka\/projects\/gone\//,
    );
  });

  it('reads a page again when its file changed, with links remembered from an earlier check', () => {
    const linkCache = new Map<string, string[]>();
    expect(verifyBuild({ outDir, report, linkCache })).toBe(2 * (3 + SEGMENTS.length) + 2);
    expect(linkCache.size).toBeGreaterThan(0);
    page('ka/projects/first/', ['/ka/projects/gone/']);
    expect(() => verifyBuild({ outDir, report, linkCache })).toThrow(/1 broken links: ka\/projects\/first\/index.html/);
  });

  it('refuses a build whose search index is missing', () => {
    fs.rmSync(path.join(root, 'search'), { recursive: true });
    expect(() => verifyBuild({ outDir, report })).toThrow(/missing pagefind\/pagefind\.js/);
  });

  it('refuses a build that has lost most of the live site’s pages', () => {
    expect(() => verifyBuild({ outDir, report, livePages: 100 })).toThrow(
      /suspicious: the build has 18 pages where the live site has 100/,
    );
  });
});
