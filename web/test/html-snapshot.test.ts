import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles, siteDir } from './support/dist';

/**
 * The built site's HTML, page by page, against a manifest of hashes made from the same seeded CMS
 * (test/fixtures/html-manifest.json). It guards refactors of the pages and layouts: a change to any
 * page's HTML fails here, naming the page. After an intended change to the HTML, remake it with
 *   UPDATE_HTML_MANIFEST=1 pnpm exec vitest run test/html-snapshot.test.ts
 * and review the diff of the manifest (and `.tmp/html-normalised/`, the normalised pages) in the commit.
 *
 * What legitimately differs between two builds of the same content, and is normalised (nothing else):
 * - the order of cards in a list of documents (`<ul class="cards">`): the site lists documents in
 *   documentId order (the GraphQL queries sort by it, shared/graphql/content.graphql), and Strapi
 *   makes documentIds at random in each seeded CMS;
 * - names of uploaded images: Strapi's upload adds a random hash to each file name
 *   (`berbuki_f663d288d6.png`), which Astro's optimised copies carry with a hash of their source
 *   (`/_astro/berbuki_f663d288d6_ZNCNNq.webp`): kept as `/_astro/berbuki_<upload>.webp`.
 */
const MANIFEST = path.join(import.meta.dirname, 'fixtures/html-manifest.json');

function normalise(html: string): string {
  return html
    .replace(/(<ul class="cards">)([\s\S]*?)(<\/ul>)/g, (_all, open: string, items: string, close: string) => {
      const cards = items.match(/<li[\s>][\s\S]*?<\/li>/g) ?? [];
      return `${open}${cards.sort().join('')}${close}`;
    })
    .replace(/(\/_astro\/[\w.-]+?)_[0-9a-f]{10}_[\w-]+\.(webp|png|jpe?g|avif)/g, '$1_<upload>.$2');
}

function manifestOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of htmlFiles(dir).sort()) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const html = normalise(fs.readFileSync(file, 'utf8'));
    if (process.env.UPDATE_HTML_MANIFEST || process.env.HTML_NORMALISED_DIR) {
      const copy = path.join(process.env.HTML_NORMALISED_DIR ?? path.join(dir, '../../html-normalised'), rel);
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.writeFileSync(copy, html);
    }
    out[rel] = crypto.createHash('sha256').update(html).digest('hex');
  }
  return out;
}

describe('built HTML', () => {
  it('every page is byte for byte the HTML of the manifest (after normalising what varies per build)', () => {
    const current = manifestOf(siteDir());
    if (process.env.UPDATE_HTML_MANIFEST) {
      fs.writeFileSync(MANIFEST, `${JSON.stringify(current, null, 2)}\n`);
      return;
    }
    const expected = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    expect(Object.keys(current).length).toBeGreaterThan(40);
    expect(Object.keys(current), 'the same pages').toEqual(Object.keys(expected));
    const changed = Object.keys(current).filter((page) => current[page] !== expected[page]);
    expect(changed, 'pages whose HTML changed').toEqual([]);
  });

  it('the normalisation keeps what a page says: only card order and upload hashes are set aside', () => {
    const card = (slug: string, title: string) => `<li> <h3> <a href="/en/projects/${slug}/">${title}</a> </h3> </li>`;
    const list = (...cards: string[]) => `<h2>Projects</h2> <ul class="cards"> ${cards.join('')} </ul>`;
    const [a, b] = [card('a', 'Water'), card('b', 'Schools')];
    expect(normalise(list(a, b))).toEqual(normalise(list(b, a)));
    expect(normalise(list(a, b))).not.toEqual(normalise(list(a, card('b', 'School'))));
    expect(normalise(list(a))).not.toEqual(normalise(list(a, b)));
    const img = (hash: string, width: number) => `<img src="/_astro/berbuki_${hash}_ZNCNNq.webp" width="${width}">`;
    expect(normalise(img('f663d288d6', 320))).toEqual(normalise(img('0123456789', 320)));
    expect(normalise(img('f663d288d6', 320))).not.toEqual(normalise(img('f663d288d6', 640)));
    expect(normalise('<p>Projects</p>')).not.toEqual(normalise('<p>Project</p>'));
  });
});
