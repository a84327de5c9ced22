import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The editors' guide (docs/editors/ka.md and en.md): every picture it shows exists, is a real PNG
 * taken by the editor journeys (`pnpm --filter @asb/web guide-screenshots`), and both languages show
 * the same screens, so neither guide is left describing a screen the other has dropped. Each guide's
 * pictures show the admin in its own language: screenshots/ka/ from the journey in the Georgian
 * interface, screenshots/en/ from the English one.
 */
const guides = path.resolve(import.meta.dirname, '../docs/editors');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function linkedPictures(guide: string) {
  const text = fs.readFileSync(path.join(guides, guide), 'utf8');
  return [...text.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map(([, alt, target]) => ({ alt: alt!, target: target! }));
}

describe('the editors’ guide', () => {
  for (const guide of ['ka.md', 'en.md']) {
    it(`${guide}: every linked screenshot exists, is a PNG and has a description`, () => {
      const pictures = linkedPictures(guide);
      expect(pictures.length, `${guide} shows no screenshots`).toBeGreaterThanOrEqual(8);
      for (const { alt, target } of pictures) {
        const file = path.join(guides, target);
        expect(fs.existsSync(file), `${guide} links ${target}, which is missing`).toBe(true);
        expect(fs.readFileSync(file).subarray(0, 8).equals(PNG_SIGNATURE), `${target} is not a PNG`).toBe(true);
        expect(alt.trim(), `${guide}: ${target} has no description`).not.toBe('');
      }
    });
  }

  it('both languages show the same screens, each in its own interface language, and every screenshot is used', () => {
    const names = (guide: string, language: string) =>
      linkedPictures(guide).map((p) => {
        expect(p.target, `${guide} shows ${p.target}`).toMatch(new RegExp(`^screenshots/${language}/[a-z-]+\\.png$`));
        return path.basename(p.target);
      });
    const ka = names('ka.md', 'ka');
    const en = names('en.md', 'en');
    expect(ka).toEqual(en);
    for (const language of ['ka', 'en']) {
      const taken = fs.readdirSync(path.join(guides, 'screenshots', language)).filter((f) => f.endsWith('.png'));
      expect(taken.sort(), `screenshots/${language}/`).toEqual([...new Set(en)].sort());
    }
    expect(fs.readdirSync(path.join(guides, 'screenshots')).sort()).toEqual(['en', 'ka']);
  });
});
