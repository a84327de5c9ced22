import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Rules the CMS and the site must agree on live once, in shared/src (imported as @asb/shared):
 * the HMAC signing of preview links and rebuild calls, the URL segment of each content type, the
 * locale list. This fails when a second copy of one appears in the CMS's or the site's source.
 * Tests are not scanned: they state the expected URLs on purpose, independently of the code.
 */
const root = path.resolve(import.meta.dirname, '..');
const SCANNED = ['cms/src', 'cms/config', 'cms/scripts', 'web/src', 'web/server', 'web/build', 'scripts'];
const SKIPPED = /(^|\/)(node_modules|dist|generated|\.astro|\.tmp|\.cache|test|tests)(\/|$)/;
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|astro)$/;

const SEGMENT = '(?:programmes|projects|social-enterprises|partners|funders)';
const COPIES: { rule: string; pattern: RegExp }[] = [
  { rule: 'the social enterprises URL segment', pattern: /['"`/]social-enterprises['"`/]/ },
  {
    rule: 'a document page or list URL built by hand (use documentPath/sectionPath)',
    pattern: new RegExp(`/(?:\\$\\{[^}]+\\}|ka|en)/${SEGMENT}/`),
  },
  { rule: 'a uid → URL segment map', pattern: new RegExp(`['"]api::[a-z-]+\\.[a-z-]+['"]\\s*:\\s*['"]${SEGMENT}['"]`) },
  {
    rule: 'HMAC signing (use signedHeaders/verifySignature/signPreviewLink)',
    pattern: /\bcreateHmac\b|\btimingSafeEqual\b/,
  },
  {
    rule: 'the locale list (use LOCALES)',
    pattern: /\[\s*['"]ka['"]\s*,\s*['"]en['"]\s*\]|['"]ka['"]\s*\|\s*['"]en['"]/,
  },
];

function sourceFiles(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => SOURCE.test(f) && !SKIPPED.test(f) && fs.statSync(path.join(root, f)).isFile());
}

function copiesIn(text: string): string[] {
  return COPIES.filter(({ pattern }) => pattern.test(text)).map(({ rule }) => rule);
}

describe('one copy of each shared rule', () => {
  it('the CMS and the site have no copy of a rule that lives in shared/src', () => {
    const files = SCANNED.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      fs
        .readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        // Comments may name a rule (a doc comment's example URL); code may not repeat one.
        .flatMap((line, i) =>
          (/^\s*(\/\/|\*|\/\*)/.test(line) ? [] : copiesIn(line)).map(
            (rule) => `${file}:${i + 1}: ${rule}: ${line.trim()}`,
          ),
        ),
    );
    expect(found).toEqual([]);
  });

  it('shared/src holds each of them (so the check looks for the right thing)', () => {
    const shared = ['shared/src/signing.ts', 'shared/src/content-types.ts', 'shared/src/locales.ts']
      .map((f) => fs.readFileSync(path.join(root, f), 'utf8'))
      .join('\n');
    expect(shared).toMatch(/createHmac/);
    expect(shared).toMatch(/segment: 'social-enterprises'/);
    expect(shared).toMatch(/LOCALES = \['ka', 'en'\]/);
  });

  it('recognises a second copy of each rule', () => {
    expect(copiesIn("  socialEnterprises: 'social-enterprises',")).toContain(COPIES[0]!.rule);
    expect(copiesIn('const href = `/${locale}/projects/${slug}/`;')).toContain(COPIES[1]!.rule);
    expect(copiesIn("  'api::partner.partner': 'partners',")).toContain(COPIES[2]!.rule);
    expect(copiesIn("return createHmac('sha256', secret)")).toContain(COPIES[3]!.rule);
    expect(copiesIn("locale: z.enum(['ka', 'en'])")).toContain(COPIES[4]!.rule);
    expect(copiesIn("type L = 'ka' | 'en';")).toContain(COPIES[4]!.rule);
    expect(copiesIn("const key = 'nav.socialEnterprises'; const page = documentPath(locale, type, slug);")).toEqual([]);
  });
});
