import { describe, expect, it } from 'vitest';
import { SLUG_MAX_LENGTH, SLUG_PATTERN, slugify, transliterateGeorgian, uniqueSlug } from '../src/slug.js';

describe('transliterateGeorgian (national system)', () => {
  it('romanises every Mkhedruli letter', () => {
    expect(transliterateGeorgian('აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ')).toBe(
      'abgdevztiklmnopzhrstupkghqshchtsdztschkhjh',
    );
  });
  it('reads place names as they are signposted', () => {
    expect(transliterateGeorgian('ხურვალეთი')).toBe('khurvaleti');
    expect(transliterateGeorgian('ერგნეთი')).toBe('ergneti');
    expect(transliterateGeorgian('წყალტუბო')).toBe('tsqaltubo');
    expect(transliterateGeorgian('ჭიათურა')).toBe('chiatura');
  });
  it('treats Mtavruli capitals like their Mkhedruli letters', () => {
    expect(transliterateGeorgian('ᲗᲑᲘᲚᲘᲡᲘ')).toBe('tbilisi');
  });
});

describe('slugify', () => {
  it('turns a Georgian title into a Latin slug', () => {
    expect(slugify('სოციალური მეწარმეობის მხარდაჭერა')).toBe('sotsialuri-metsarmeobis-mkhardachera');
  });
  it('keeps Latin acronyms and digits, drops punctuation and accents', () => {
    expect(slugify('ASB საქართველო — CSRDG & UCIPR, 2016!')).toBe('asb-sakartvelo-csrdg-ucipr-2016');
    expect(slugify('Mejuda 2015 „მოძრავი“')).toBe('mejuda-2015-modzravi');
    expect(slugify('Ökonomie Café')).toBe('okonomie-cafe');
  });
  it('always matches the slug pattern and length', () => {
    const long =
      'სოციალური მეწარმეობა - ინოვაციური მიდგომა ეკონომიკური და სოციალური ცვლილებებისთვის და კიდევ უფრო გრძელი სათაური';
    const slug = slugify(long);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
  });
  it('gives an empty slug for text with no letters or digits', () => {
    expect(slugify(' — !! ')).toBe('');
  });
});

describe('uniqueSlug', () => {
  it('numbers a taken slug', async () => {
    const taken = new Set(['school', 'school-2']);
    expect(await uniqueSlug('school', async (s) => taken.has(s))).toBe('school-3');
    expect(await uniqueSlug('kindergarten', async (s) => taken.has(s))).toBe('kindergarten');
  });
  it('never returns an empty slug', async () => {
    expect(await uniqueSlug('', async () => false)).toBe('untitled');
  });
});
