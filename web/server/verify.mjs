// Checks a finished build before it may go live: every document has its page in both locales,
// the fixed pages exist, internal links resolve, and the build does not lose most of the site.
import fs from 'node:fs';
import path from 'node:path';

const SEGMENTS = {
  programmes: 'programmes',
  projects: 'projects',
  socialEnterprises: 'social-enterprises',
  partners: 'partners',
  funders: 'funders',
};
const LOCALES = ['ka', 'en'];

export function htmlFiles(dir) {
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
function linkResolver(clientDir, files) {
  const known = new Map();
  return (urlPath) => {
    let answer = known.get(urlPath);
    if (answer !== undefined) return answer;
    let decoded;
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
 * Throws with every problem found (up to a few per kind), or returns the page count.
 * `report` is the folder the loaders wrote their document lists to (SITE_BUILD_REPORT).
 */
export function verifyBuild({ outDir, report, livePages }) {
  const client = path.join(outDir, 'client');
  const files = new Set(
    fs
      .readdirSync(client, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name)),
  );
  const resolves = linkResolver(client, files);
  const problems = [];
  for (const [name, segment] of Object.entries(SEGMENTS)) {
    const file = path.join(report, `${name}.json`);
    if (!fs.existsSync(file)) {
      problems.push(`the build did not report its ${name}`);
      continue;
    }
    const byLocale = JSON.parse(fs.readFileSync(file, 'utf8'));
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
    for (const rest of ['', 'contact/', 'search/', ...Object.values(SEGMENTS).map((s) => `${s}/`)]) {
      if (!resolves(`/${locale}/${rest}`)) problems.push(`missing page /${locale}/${rest}`);
    }
  }
  for (const file of ['sitemap.xml', 'robots.txt', 'pagefind/pagefind.js']) {
    if (!fs.existsSync(path.join(client, file))) problems.push(`missing ${file}`);
  }
  const pages = [...files].filter((f) => f.endsWith('.html'));
  const broken = new Set();
  for (const file of pages) {
    const html = fs.readFileSync(file, 'utf8');
    for (const match of html.matchAll(/\s(?:href|src)="(\/[^"#?]*)/g)) {
      const target = match[1];
      if (target.startsWith('//') || target.startsWith('/_image') || target.startsWith('/preview/')) continue;
      if (!resolves(target)) broken.add(`${path.relative(client, file)} → ${target}`);
    }
  }
  if (broken.size > 0) problems.push(`${broken.size} broken links: ${[...broken].slice(0, 5).join(', ')}`);
  // Losing most of the site at once is more likely a CMS fault than an editorial decision.
  if (livePages && pages.length < livePages / 2 && livePages - pages.length > 10) {
    problems.push(`suspicious: the build has ${pages.length} pages where the live site has ${livePages}`);
  }
  if (problems.length > 0) throw new Error(`The build failed its checks: ${problems.slice(0, 12).join('; ')}`);
  return pages.length;
}
