import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEnglishCatalogue } from './support/admin-messages';
import ka from '../src/admin/translations/ka.json';

/**
 * The Georgian admin translation keeps to the glossary (docs/editors/glossary.md): one Georgian term
 * per concept. Each glossary row names message keys whose Georgian text must use the term; and any
 * translated message whose English text is exactly the glossary's English term must be exactly the
 * Georgian term (so "Save" is შენახვა on every button, "Draft" მონახაზი on every badge).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KA = ka as Record<string, string>;

interface Term {
  english: string;
  georgian: string;
  keys: string[];
}

const parseGlossary = (markdown: string): Term[] =>
  markdown
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(English|-)/.test(line))
    .map((line) => {
      const [english, georgian, keys] = line
        .split('|')
        .slice(1, 4)
        .map((cell) => cell.trim());
      return {
        english: english!,
        georgian: georgian!,
        keys: [...keys!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!),
      };
    });

/**
 * A Georgian noun drops its final -ი / -ა when declined (ჩანაწერი → ჩანაწერის, გამოქვეყნება →
 * გამოქვეყნების), so a sentence uses the term when it contains the term without that vowel.
 */
const stem = (term: string) => term.replace(/[ია]$/, '');

describe('the Georgian admin glossary', () => {
  const terms = parseGlossary(fs.readFileSync(path.join(root, 'docs/editors/glossary.md'), 'utf8'));

  it('lists a few dozen terms, each with message keys that exist in the translation', () => {
    expect(terms.length).toBeGreaterThanOrEqual(30);
    for (const term of terms) {
      expect(term.keys.length, term.english).toBeGreaterThan(0);
      for (const key of term.keys)
        expect(KA[key], `ka.json has no ${key} (glossary: ${term.english})`).toBeTypeOf('string');
    }
  });

  it('the mapped messages use the Georgian term', () => {
    const wrong = terms.flatMap((term) =>
      term.keys
        .filter((key) => !KA[key]?.includes(stem(term.georgian)))
        .map((key) => `${key}: "${KA[key]}" does not use "${term.georgian}" (${term.english})`),
    );
    expect(wrong).toEqual([]);
  });

  it('every translated message whose English is a glossary term is that term', async () => {
    const english = await loadEnglishCatalogue();
    const byEnglish = new Map(terms.map((term) => [term.english, term.georgian]));
    const wrong = Object.entries(KA)
      .filter(([key]) => byEnglish.has(english.get(key)?.trim() ?? ''))
      .filter(([key, georgian]) => georgian !== byEnglish.get(english.get(key)!.trim()))
      .map(
        ([key, georgian]) => `${key}: "${georgian}", the glossary says "${byEnglish.get(english.get(key)!.trim())}"`,
      );
    expect(wrong).toEqual([]);
  });

  it('every key of the translation is a message of the admin or its plugins, a content type name or ours', async () => {
    const english = await loadEnglishCatalogue();
    const typeNames = new Set(
      ['programme', 'project', 'social-enterprise', 'partner', 'funder', 'home-page', 'organisation-setting'].map(
        (name) =>
          JSON.parse(fs.readFileSync(path.join(root, `cms/src/api/${name}/content-types/${name}/schema.json`), 'utf8'))
            .info.displayName as string,
      ),
    );
    typeNames.add('User'); // users-permissions' user type, listed in the Content Manager
    const unknown = Object.keys(KA).filter(
      (key) => !english.has(key) && !typeNames.has(key) && !key.startsWith('asb.'),
    );
    expect(unknown).toEqual([]);
  });
});
