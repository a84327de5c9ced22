// Part of the build runner. Checks a finished build before it may go live: every document has its page in both locales,
// the fixed pages exist, internal links resolve, and the build does not lose most of the site.
import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENT_TYPES, LOCALES, SEGMENTS } from '@asb/shared';

/** Every .html file under a folder, as paths. */
export function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(dir, f));
}

/**
 * Answers whether a site-internal URL path resolves in the build, from one listing of the folder:
 * a build has tens of thousands of pages, each linking to much the same few dozen targets, and a
 * file-system call per link took seconds. Paths outside the listing (through the search index's
 * symlink) are asked of the file system, once each.
 */
function linkResolver(clientDir: string, files: Set<string>): (urlPath: string) => boolean {
  const known = new Map<string, boolean>();
  return (urlPath) => {
    let answer = known.get(urlPath);
    if (answer !== undefined) return answer;
    let decoded: string | null;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      decoded = null;
    }
    const file =
      decoded === null ? null : path.join(clientDir, decoded.endsWith('/') ? `${decoded}index.html` : decoded);
    answer = file !== null && file.startsWith(clientDir + path.sep) && (files.has(file) || fs.existsSync(file));
    known.set(urlPath, answer);
    return answer;
  };
}

/**
 * The site-internal links of a page. Most pages of a publish's build are hard links to the same
 * bytes an earlier build had (Astro's incremental cache, see patches/), so their links are taken
 * from `cache`, keyed by the file's inode, size and modification time: reading and scanning every
 * page again took most of the check. A key is never reused for other bytes: cached copies are
 * replaced, not rewritten, and a recycled inode number comes with a new modification time.
 */
function linksOf(file: string, cache: Map<string, string[]> | undefined, seen: Map<string, string[]>): string[] {
  const stat = fs.statSync(file, { bigint: true });
  const key = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  let targets = seen.get(key) ?? cache?.get(key);
  if (!targets) {
    const html = fs.readFileSync(file, 'utf8');
    targets = [...html.matchAll(/\s(?:href|src)="(\/[^"#?]*)/g)]
      .map((match) => match[1]!)
      .filter((t) => !t.startsWith('//') && !t.startsWith('/_image') && !t.startsWith('/preview/'));
  }
  seen.set(key, targets);
  return targets;
}

/**
 * Throws with every problem found (up to a few per kind), or returns the page count.
 * `report` is the folder the loaders wrote their document lists to (SITE_BUILD_REPORT).
 * `linkCache` (a Map the caller keeps between builds) remembers each page file's links; it is left
 * holding this build's pages.
 */
export function verifyBuild({
  outDir,
  report,
  livePages,
  linkCache,
}: {
  outDir: string;
  report: string;
  livePages?: number | undefined;
  /** Links of page files already read, by inode, size and mtime; kept by the caller between builds. */
  linkCache?: Map<string, string[]>;
}): number {
  const client = path.join(outDir, 'client');
  const files = new Set(
    fs
      .readdirSync(client, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name)),
  );
  const resolves = linkResolver(client, files);
  const problems: string[] = [];
  for (const name of DOCUMENT_TYPES) {
    const segment = SEGMENTS[name];
    const file = path.join(report, `${name}.json`);
    if (!fs.existsSync(file)) {
      problems.push(`the build did not report its ${name}`);
      continue;
    }
    const byLocale = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string[]>;
    // Every document has a page in every locale (untranslated ones show the original).
    const expected = new Set(Object.values(byLocale).flat()).size;
    for (const locale of LOCALES) {
      const dir = path.join(client, locale, segment);
      const found = fs.existsSync(dir)
        ? fs
            .readdirSync(dir, { withFileTypes: true })
            .filter((e) => e.isDirectory() && files.has(path.join(dir, e.name, 'index.html'))).length
        : 0;
      if (found !== expected) problems.push(`${locale}/${segment}: expected ${expected} pages, found ${found}`);
    }
  }
  for (const locale of LOCALES) {
    for (const rest of ['', 'contact/', 'search/', ...DOCUMENT_TYPES.map((type) => `${SEGMENTS[type]}/`)]) {
      if (!resolves(`/${locale}/${rest}`)) problems.push(`missing page /${locale}/${rest}`);
    }
  }
  for (const file of ['sitemap.xml', 'robots.txt', 'pagefind/pagefind.js']) {
    if (!fs.existsSync(path.join(client, file))) problems.push(`missing ${file}`);
  }
  const pages = [...files].filter((f) => f.endsWith('.html'));
  const broken = new Set<string>();
  const seen = new Map<string, string[]>();
  for (const file of pages) {
    for (const target of linksOf(file, linkCache, seen)) {
      if (!resolves(target)) broken.add(`${path.relative(client, file)} → ${target}`);
    }
  }
  if (linkCache) {
    linkCache.clear();
    for (const [key, targets] of seen) linkCache.set(key, targets);
  }
  if (broken.size > 0) problems.push(`${broken.size} broken links: ${[...broken].slice(0, 5).join(', ')}`);
  // Losing most of the site at once is more likely a CMS fault than an editorial decision.
  if (livePages && pages.length < livePages / 2 && livePages - pages.length > 10) {
    problems.push(`suspicious: the build has ${pages.length} pages where the live site has ${livePages}`);
  }
  if (problems.length > 0) throw new Error(`The build failed its checks: ${problems.slice(0, 12).join('; ')}`);
  return pages.length;
}
